"""SPARQL console: an editor with a gallery of research questions; results as table, graph and timeline."""

import streamlit as st

from kg.errors import KGError
import app_state
from kg.explore.console import date_column, load_examples, result_frame, result_timeline, triples, triples_subgraph
from kg.explore.highlight import md
from kg.explore.network_html import to_html
from kg.explore.timeline import timeline_chart
from kg.query import PREFIXES

settings = app_state.settings()
examples = load_examples()
by_title = {e.title: e for e in examples}
st.title("SPARQL")
st.caption("Read-only and bounded: at most "
           f"{settings.query_row_limit} rows, {settings.query_timeout:g} s; no updates, SERVICE, LOAD or remote FROM. "
           "Declared for you: " + ", ".join(f"`{p}:`" for p in PREFIXES))

if "draft" not in st.session_state:
    st.session_state["draft"] = st.query_params.get("query", examples[0].query)


def use_example() -> None:
    chosen = by_title.get(st.session_state["example"])
    if chosen:
        st.session_state["draft"] = chosen.query


st.selectbox("Example questions", list(by_title), index=None, key="example", on_change=use_example,
             placeholder="choose a research question to load its query",
             format_func=lambda t: f"{t} — {by_title[t].question}")
st.text_area("Query", key="draft", height=260)
if st.button("Run", type="primary"):
    st.query_params["query"] = st.session_state["draft"]

text = st.query_params.get("query")
if not text:
    st.stop()
try:
    result = app_state.user_query(text)
except KGError as e:
    st.error(md(str(e)))
    st.stop()

size = len(result.rows) if result.kind == "select" else len(result.triples)
if result.kind == "ask":
    st.success(f"Answer: {'yes' if result.boolean else 'no'}")
else:
    st.markdown(f"**{size}** {'rows' if result.kind == 'select' else 'triples'} in {result.elapsed:.2f} s")
if result.truncated:
    st.warning(f"Truncated: only the first {size} results are shown (row cap {settings.query_row_limit}). "
               "Narrow the query or add a LIMIT.")

tabs = ["Table"]
spo = triples(result)
date_col = date_column(result)
if spo:
    tabs.append("Graph")
if date_col:
    tabs.append("Timeline")
views = dict(zip(tabs, st.tabs(tabs)))
with views["Table"]:
    st.dataframe(result_frame(result), hide_index=True, use_container_width=True)
if spo:
    with views["Graph"]:
        sub = triples_subgraph(spo, settings.graph_max_nodes)
        if sub.hidden:
            st.caption(f"{sub.hidden} triples not drawn (at most {settings.graph_max_nodes} nodes).")
        st.iframe(to_html(sub, height="520px"), height=540)
if date_col:
    with views["Timeline"]:
        items = result_timeline(result, date_col)
        st.caption(f"By the {md(date_col)} column.")
        st.altair_chart(timeline_chart(items), use_container_width=True)

downloads = [("csv", "CSV", "text/csv"), ("tsv", "TSV", "text/tab-separated-values"),
             ("json", "SPARQL JSON", "application/sparql-results+json")]
if result.kind == "construct":
    downloads = [("turtle", "Turtle", "text/turtle"), ("ntriples", "N-Triples", "application/n-triples"),
                 ("jsonld", "JSON-LD", "application/ld+json")]
cols = st.columns(len(downloads))
for col, (fmt, label, mime) in zip(cols, downloads):
    ext = {"turtle": "ttl", "ntriples": "nt", "jsonld": "jsonld"}.get(fmt, fmt)
    col.download_button(label, result.serialize(fmt), file_name=f"result.{ext}", mime=mime, key=f"dl-{fmt}")
