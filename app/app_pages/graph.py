"""Graph: the neighbourhood of a focus entity, filtered and bounded from the per-version statement graph, drawn with pyvis."""

from functools import partial

import streamlit as st

import app_state
from kg.explore.highlight import md
from kg.explore.neighbourhood import GraphFilter, export_view, neighbourhood, year_range
from kg.explore.network_html import legend, to_html
from kg.vocab import ENTITY_TYPES, RELATIONS

call = app_state.call
settings = app_state.settings()
st.title("Graph")

focus = st.query_params.get("entity")
if not focus:
    top = app_state.central_entities(1)
    if not top:
        st.info("The graph has no relations yet.")
        st.stop()
    focus = top[0].key
if focus not in app_state.label_index().entities:
    st.warning(f"The graph has no entity {md(focus)}. Search for one in the sidebar.")
    st.stop()

years = call(year_range)
HOPS = [1, 2]
app_state.from_url("hops", 1, int, options=HOPS)
app_state.from_url("types", [], list, options=ENTITY_TYPES)
app_state.from_url("relations", [], list, options=RELATIONS)
app_state.from_url("min_conf", 0.0, float, bounds=(0.0, 1.0))
app_state.from_url("comentions", False, bool)
NODE_STEP = 10
most_nodes = max(settings.graph_max_nodes_limit, settings.graph_max_nodes, NODE_STEP)
app_state.from_url("max_nodes", settings.graph_max_nodes, int, bounds=(NODE_STEP, most_nodes))
if years:
    app_state.years_from_url(years)

with st.sidebar:
    st.header("Filters")
    hops = st.radio("Hops", HOPS, key="hops", horizontal=True)
    types = st.multiselect("Entity types", ENTITY_TYPES, key="types", placeholder="all types")
    rels = st.multiselect("Relations", RELATIONS, key="relations", placeholder="all relations")
    if years and years[0] < years[1]:
        y0, y1 = st.slider("Years", years[0], years[1], key="years")
    else:
        y0, y1 = (years or (None, None))
    min_conf = st.slider("Minimum confidence", 0.0, 1.0, step=0.05, key="min_conf")
    comentions = st.toggle("Co-mentions", key="comentions", help="Also draw entities named in the same sentence (dashed)")
    max_nodes = st.slider("Most nodes", NODE_STEP, most_nodes, step=NODE_STEP, key="max_nodes",
                          help="Neighbours beyond it are drawn as '+N more' nodes")

dated = years is not None and (y0, y1) != tuple(years)
flt = GraphFilter(hops=hops, types=tuple(types), relations=tuple(rels), min_confidence=min_conf, comentions=comentions,
                  date_from=str(y0) if dated else None, date_to=str(y1) if dated else None)
app_state.to_url(entity=focus, hops=hops if hops != 1 else None, types=types, relations=rels,
                 min_conf=min_conf or None, comentions=comentions or None,
                 year_from=y0 if dated else None, year_to=y1 if dated else None,
                 max_nodes=max_nodes if max_nodes != settings.graph_max_nodes else None)
view_settings = settings.replace(graph_max_nodes=max_nodes)

# from the graph version's statement graph and entities, kept by app_state: a view reads the store only for
# co-mentions (not cached per view: the cut takes ~0.3 ms on the 1M-triple store's hub, from its ranked neighbours)
sub = neighbourhood(app_state.reader(), focus, flt, view_settings, statements=app_state.statements(),
                    entities=app_state.label_index().entities)
shown = sub.entities()
graph_col, side_col = st.columns([4, 1])
with side_col:
    st.markdown(f"**{len(sub.nodes)}** nodes · **{len(sub.edges)}** edges")
    if sub.hidden:
        st.caption(f"{sub.hidden} more neighbours not drawn (at most {settings.graph_max_per_relation} per relation "
                   f"and {max_nodes} nodes in all: see 'Most nodes').")
    labels = {n.key: f"{n.label} · {n.type}" for n in shown}
    new_focus = st.selectbox("Focus on", list(labels), index=list(labels).index(focus) if focus in labels else 0,
                             format_func=labels.get, key=f"focus-{focus}")
    if new_focus != focus:
        st.query_params["entity"] = new_focus
        st.rerun()
    st.page_link("app_pages/entity.py", label=f"Open {md(labels.get(focus, focus))}", query_params={"entity": focus})
    st.markdown("**Legend**")
    for t, colour in legend(sub):
        st.markdown(f'<span style="color:{colour}">●</span> {t if t != "more" else "+N more"}', unsafe_allow_html=True)
    st.markdown("**Export this view**")
    for fmt, label in (("ttl", "Turtle"), ("jsonld", "JSON-LD"), ("graphml", "GraphML"), ("gexf", "GEXF (Gephi)")):
        # written when clicked (Streamlit >= 1.52 runs a callable then), not on every rerun: 20 ms for 150 nodes
        st.download_button(label, partial(export_view, sub, fmt), file_name=f"view.{fmt}", key=f"dl-{fmt}")
with graph_col:
    st.iframe(to_html(sub, height="620px"), height=640)
