"""kg-explorer: the Streamlit app over the graph store (KG_STORE). Pages are in app_pages/; their logic is kg.explore.

Run: streamlit run app/streamlit_app.py --server.address 127.0.0.1 --server.headless true
"""

import streamlit as st

import app_state
from kg.explore.highlight import md

st.set_page_config(page_title="kg-explorer", layout="wide")  # no icons: Material ones are fetched from Google as favicons

PAGES = [
    st.Page("app_pages/overview.py", title="Overview", default=True),
    st.Page("app_pages/entity.py", title="Entity", url_path="entity"),
    st.Page("app_pages/graph.py", title="Graph", url_path="graph"),
    st.Page("app_pages/timeline.py", title="Timeline", url_path="timeline"),
    st.Page("app_pages/paths.py", title="Paths", url_path="paths"),
    st.Page("app_pages/sparql.py", title="SPARQL", url_path="sparql"),
    st.Page("app_pages/documents.py", title="Documents", url_path="documents"),
]
page = st.navigation(PAGES)

with st.sidebar:
    query = st.text_input("Search entities", key="search", placeholder="name or alias, e.g. RedNote or 小红书")
    if query:
        hits = app_state.label_index().search(query, limit=app_state.settings().search_limit)
        if not hits:
            st.caption("No entity has that name or alias.")
        for i, hit in enumerate(hits):
            shown = hit.entity.label if hit.matched == hit.entity.label else f"{hit.entity.label} ({hit.matched})"
            if st.button(f"{md(shown)} · {hit.entity.type}", key=f"hit-{i}-{hit.entity.key}", use_container_width=True):
                st.switch_page("app_pages/entity.py", query_params={"entity": hit.entity.key})

page.run()
