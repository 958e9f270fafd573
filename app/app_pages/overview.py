"""Overview: what the graph holds, who is central, what was read last, when it was built; export."""

import pandas as pd
import streamlit as st

import app_state
from kg.explore.highlight import md
from kg.explore.overview import built_at, counts_by_relation, counts_by_type, documents, record_counts

call = app_state.call
settings = app_state.settings()
st.title("Overview")
built = call(built_at)
st.caption(f"Store: {md(app_state.reader().location)} · last built: {md(built or 'never')}")

records = call(record_counts)
types = call(counts_by_type)
cols = st.columns(5)
cols[0].metric("Documents", records.get("Document", 0))
cols[1].metric("Entities", sum(types.values()))
cols[2].metric("Relations", records.get("Statement", 0))
cols[3].metric("Events", records.get("EventRecord", 0))
cols[4].metric("Figures", records.get("Quantity", 0))

left, right = st.columns(2)
with left:
    st.subheader("Entities by type")
    st.bar_chart(pd.Series(types, name="entities"), horizontal=True)
with right:
    st.subheader("Relations by type")
    st.bar_chart(pd.Series(call(counts_by_relation), name="statements"), horizontal=True)

left, right = st.columns(2)
with left:
    st.subheader("Most central entities")
    central = app_state.central_entities(settings.overview_central_limit)
    if not central:
        st.info("No relations yet: build the graph or add an article on the Documents page.")
    for c in central:
        st.page_link("app_pages/entity.py", label=f"{md(c.label)} · {c.type} · degree {c.degree} · PageRank {c.pagerank:.3f}",
                     query_params={"entity": c.key})
with right:
    st.subheader("Recent documents")
    for d in call(documents, settings.overview_documents_limit):
        st.page_link("app_pages/documents.py", label=f"{md(d.title)} ({md(d.published or 'undated')})", query_params={"doc": d.id})

st.subheader("Export the whole graph")
from kg.export import FORMATS, export_graph  # noqa: E402  (the lead's exporter)

fmt = st.selectbox("Format", FORMATS, key="export_fmt",
                   help="ttl/trig/nq/jsonld: RDF; graphml/gexf: for Gephi; csv: relations with sentences; jsonl: records")
if st.button("Prepare export"):
    st.session_state["export_ready"] = fmt
if st.session_state.get("export_ready") == fmt:
    st.download_button(f"Download graph.{fmt}", call(export_graph, fmt), file_name=f"graph.{fmt}")
