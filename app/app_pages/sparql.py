"""SPARQL console: an editor (highlighting, completion, history in the browser) with a gallery of research questions;
results as a table whose entity and document cells link to their pages, a sortable grid, a graph and a timeline."""

import streamlit as st

import app_state
from console_widgets import result_table, sparql_editor
from kg.errors import KGError
from kg.explore.console import (
    SPARQL_KEYWORDS,
    completions,
    date_column,
    linked_rows,
    load_examples,
    query_problem,
    result_columns,
    result_frame,
    result_timeline,
    triples,
    triples_subgraph,
    with_entity_prefix,
)
from kg.explore.highlight import md
from kg.explore.network_html import to_html
from kg.explore.timeline import timeline_chart
from kg.query import PREFIXES

COMPLETED_ENTITIES = 5000  # the most connected entities complete by name (a hub's graph has ~30,000: ~1 MB a page)
LINKED_ROWS = 500  # rows of the linked table; the grid and the downloads hold them all

settings = app_state.settings()
examples = load_examples()
by_title = {e.title: e for e in examples}
st.title("SPARQL")
st.caption(
    "Read-only and bounded: at most "
    f"{settings.query_row_limit:,} rows, {settings.query_timeout:g} s; no updates, SERVICE, LOAD or remote FROM. "
    "Declared for you: " + ", ".join(f"`{p}:`" for p in [*PREFIXES, "ent"]) + " (entities: `ent:<key>`)."
)


@st.cache_data(show_spinner=False, max_entries=2)
def _completions(graph_version: str) -> list:
    projection, entities = app_state.projection(), app_state.label_index().entities
    ranked = sorted(entities, key=lambda k: (-projection.degree(k) if k in projection else 0, k))[:COMPLETED_ENTITIES]
    return completions(entities[k] for k in ranked)


def load(query: str) -> None:
    """Put ``query`` into the editor (a new nonce: the editor replaces its text)."""
    st.session_state["editor_query"] = query
    st.session_state["editor_nonce"] = st.session_state.get("editor_nonce", 0) + 1


def use_example() -> None:
    chosen = by_title.get(st.session_state["example"])
    if chosen:
        load(chosen.query)


text = st.query_params.get("query")
if "editor_query" not in st.session_state or (text and text != st.session_state.get("ran")):
    load(text or examples[0].query)  # first view, or Back/Forward to another query: the editor shows the URL's
st.session_state["ran"] = text

st.selectbox(
    "Example questions",
    list(by_title),
    index=None,
    key="example",
    on_change=use_example,
    placeholder="choose a research question to load its query",
    format_func=lambda t: f"{t} — {by_title[t].question}",
)
ran = sparql_editor(
    st.session_state["editor_query"],
    st.session_state["editor_nonce"],
    _completions(app_state.version()),
    [*PREFIXES, "ent"],
    list(SPARQL_KEYWORDS),
)
if ran is not None and ran.strip():
    st.session_state["editor_query"] = st.session_state["ran"] = text = ran
    st.query_params["query"] = ran

if not text:
    st.stop()


def inline(message: str) -> str:
    """A message as markdown: its `quoted` parts as code, the rest escaped (never markup, never literal backticks)."""
    parts = message.split("`")
    return "".join(f"`{part}`" if i % 2 and part else md(part) for i, part in enumerate(parts))


sent, added_lines = with_entity_prefix(text)
try:
    result = app_state.user_query(sent)
except KGError as e:
    problem = query_problem(str(e), text, added_lines)
    st.error(inline(problem.message))
    if problem.caret:
        st.code(f"line {problem.line}, column {problem.column}:\n{problem.caret}", language=None)
    st.stop()

size = len(result.rows) if result.kind == "select" else len(result.triples)
if result.kind == "ask":
    st.success(f"Answer: {'yes' if result.boolean else 'no'}")
else:
    st.markdown(f"**{size:,}** {'rows' if result.kind == 'select' else 'triples'} in {result.elapsed:.2f} s")
if result.truncated:
    st.warning(
        f"Truncated: only the first {size:,} results are shown (row cap {settings.query_row_limit:,}). "
        "Narrow the query or add a LIMIT."
    )

tabs = ["Table", "Sortable grid"]
spo = triples(result)
date_col = date_column(result)
if spo:
    tabs.append("Graph")
if date_col:
    tabs.append("Timeline")
views = dict(zip(tabs, st.tabs(tabs), strict=True))
with views["Table"]:
    if size > LINKED_ROWS:
        st.caption(f"The first {LINKED_ROWS:,} rows; the grid and the downloads hold all {size:,}.")
    result_table(result_columns(result), linked_rows(result, app_state.label_index().entities, LINKED_ROWS))
with views["Sortable grid"]:
    st.dataframe(result_frame(result), hide_index=True, width="stretch")
if spo:
    with views["Graph"]:
        sub = triples_subgraph(spo, settings.graph_max_nodes)
        if sub.hidden:
            st.caption(f"{sub.hidden:,} triples not drawn (at most {settings.graph_max_nodes} nodes).")
        st.caption("Click an entity to open its page.")
        st.iframe(to_html(sub, height="520px", clicks="open"), height=540)
if date_col:
    with views["Timeline"]:
        items = result_timeline(result, date_col)
        st.caption(f"By the {md(date_col)} column.")
        st.altair_chart(timeline_chart(items), width="stretch")

downloads = [
    ("csv", "CSV", "text/csv"),
    ("tsv", "TSV", "text/tab-separated-values"),
    ("json", "SPARQL JSON", "application/sparql-results+json"),
]
if result.kind == "construct":
    downloads = [
        ("turtle", "Turtle", "text/turtle"),
        ("ntriples", "N-Triples", "application/n-triples"),
        ("jsonld", "JSON-LD", "application/ld+json"),
    ]
cols = st.columns(len(downloads))
for col, (fmt, label, mime) in zip(cols, downloads, strict=True):
    ext = {"turtle": "ttl", "ntriples": "nt", "jsonld": "jsonld"}.get(fmt, fmt)
    col.download_button(label, result.serialize(fmt), file_name=f"result.{ext}", mime=mime, key=f"dl-{fmt}")
