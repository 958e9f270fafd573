"""Overview: what the graph holds, who is central, what was read last, when it was built; export."""

import pandas as pd
import streamlit as st

import app_state
from kg.explore.entity import relation_words
from kg.explore.highlight import md
from kg.explore.overview import built_at, counts_by_relation, counts_by_type, documents, record_counts

call = app_state.call
settings = app_state.settings()
st.title("kg-explorer: China's platform economy as a knowledge graph")
built = call(built_at)
st.caption(f"Store: {md(app_state.reader().location)} · last built: {md(built or 'never')}")
st.info(
    "**First time here?** Type a name in **Search entities** (left): an English name, an alias, a Chinese name or its "
    "pinyin (RedNote, 小红书, xiaohongshu). An entity's page lists its relations, each with the sentence that "
    "states it; *in …* opens the article at that sentence. **Graph** draws its neighbourhood, **Timeline** its "
    "dated facts, **Paths** how two entities are linked, **SPARQL** answers your own questions. Every view is "
    "its URL: bookmark it, share it, use Back."
)

records = app_state.call_saved(record_counts)  # saved beside the store: a restart loads them
types = app_state.call_saved(counts_by_type)
cols = st.columns(5)
for col, (label, count) in zip(
    cols,
    (
        ("Documents", records.get("Document", 0)),
        ("Entities", sum(types.values())),
        ("Relations", records.get("Statement", 0)),
        ("Events", records.get("EventRecord", 0)),
        ("Figures", records.get("Quantity", 0)),
    ),
    strict=True,
):
    col.metric(label, f"{count:,}")  # thousands separated

left, right = st.columns(2)
with left:
    st.subheader("Entities by type")
    st.bar_chart(pd.Series(types, name="entities"), horizontal=True)
with right:
    st.subheader("Relations by type")
    by_relation = app_state.call_saved(counts_by_relation)
    st.bar_chart(
        pd.Series(
            by_relation.values(), index=[relation_words(r) for r in by_relation], name="statements", dtype="int64"
        ),
        horizontal=True,
    )

left, right = st.columns(2)
with left:
    st.subheader("Most central entities")
    central = app_state.central_entities(settings.overview_central_limit)
    if not central:
        st.info("No relations yet: build the graph or add an article on the Documents page.")
    for c in central:
        st.page_link(
            "app_pages/entity.py",
            label=f"{md(c.label)} · {c.type} · degree {c.degree:,} · PageRank {c.pagerank:.3f}",
            query_params={"entity": c.key},
        )
with right:
    st.subheader("Recent documents")
    for d in app_state.call_saved(documents, settings.overview_documents_limit):
        st.page_link(
            "app_pages/documents.py",
            label=f"{md(d.title)} ({md(d.published or 'undated')})",
            query_params={"doc": d.id},
        )

st.subheader("Export the whole graph")
from kg.export import FORMATS, export_graph  # noqa: E402  (the lead's exporter)

fmt = st.selectbox(
    "Format",
    FORMATS,
    key="export_fmt",
    help="ttl/trig/nq/jsonld: RDF; graphml: for graph tools; gexf: for Gephi, with each dated relation's "
    "time interval for its timeline; csv: relations with sentences and document titles; jsonl: records",
)
# one click: the export is made when the button is clicked, not at every view of the page
st.download_button(
    f"Download graph.{fmt}", lambda: call(export_graph, fmt), file_name=f"graph.{fmt}", key="export", on_click="ignore"
)
