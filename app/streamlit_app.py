"""kg-explorer: the Streamlit app over the graph store (KG_STORE). Pages are in app_pages/; their logic is kg.explore.

Run: streamlit run app/streamlit_app.py --server.address 127.0.0.1 --server.headless true
"""

import streamlit as st
from streamlit_searchbox import st_searchbox

import app_state
from kg.explore.search import suggestions

st.set_page_config(
    page_title="kg-explorer", layout="wide"
)  # no icons: Material ones are fetched from Google as favicons

PAGES = [
    st.Page("app_pages/overview.py", title="Overview", default=True),
    st.Page("app_pages/entity.py", title="Entity", url_path="entity"),
    st.Page("app_pages/graph.py", title="Graph", url_path="graph"),
    st.Page("app_pages/timeline.py", title="Timeline", url_path="timeline"),
    st.Page("app_pages/paths.py", title="Paths", url_path="paths"),
    st.Page("app_pages/sparql.py", title="SPARQL", url_path="sparql"),
    st.Page("app_pages/documents.py", title="Documents", url_path="documents"),
    st.Page("app_pages/review.py", title="Review", url_path="review"),
]
page = st.navigation(PAGES)


@st.fragment
def search_box() -> None:
    """Search as you type: suggestions from the label index at each pause in typing; Enter or a click opens
    the highlighted one (the first). A fragment, so a keystroke reruns the box, not the page under it."""
    picked = st_searchbox(
        lambda text: suggestions(app_state.label_index(), text, limit=app_state.settings().search_limit),
        key="search",
        label="Search entities",
        placeholder="name, alias, Chinese or pinyin: RedNote, 小红书, 红猫",
        clear_on_submit=True,
        rerun_scope="fragment",
    )
    if picked:
        st.session_state["search"]["result"] = None  # the next pick of the same entity opens it again
        st.switch_page("app_pages/entity.py", query_params={"entity": picked})


with st.sidebar:
    search_box()

page.run()
