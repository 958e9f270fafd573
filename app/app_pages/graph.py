"""Graph: the neighbourhood of a focus entity, filtered and bounded from the per-version statement graph, drawn with
pyvis; "as of" a day (``as_of``), only what articles published by then say.

The drawing is worked in with the mouse (kg.explore.network_html wires the clicks to this page's URL): a click on
a node focuses on it, a double click opens its entity page, a right click expands, hides or pins it (``expand``,
``hide``, ``pin`` in the URL), a click on an edge shows its evidence, a click on "+N more" lists what it
stands for (``more``) in a table below."""

from functools import partial

import pandas as pd
import streamlit as st

import app_state
from kg.explore.claims import reported_as_of
from kg.explore.highlight import md
from kg.explore.neighbourhood import (
    GraphFilter,
    communities,
    counterparts,
    edge_evidence,
    expand,
    export_view,
    hide,
    neighbourhood,
    node_sizes,
    pin,
    year_range,
)
from kg.explore.network_html import community_legend, legend, to_html
from kg.vocab import ENTITY_TYPES, RELATIONS

call = app_state.call
settings = app_state.settings()
st.title("Graph")

entities = app_state.label_index().entities
focus = st.query_params.get("entity")
if not focus:
    top = app_state.central_entities(1)
    if not top:
        st.info("The graph has no relations yet.")
        st.stop()
    focus = top[0].key
if focus not in entities:
    st.warning(f"The graph has no entity {md(focus)}. Search for one in the sidebar.")
    st.stop()

years = call(year_range)
HOPS = [1, 2]
SIZES = {"same": "the same", "pagerank": "PageRank", "degree": "degree"}
COLOURS = {"type": "type", "community": "community"}
app_state.from_url("hops", 1, int, options=HOPS)
app_state.from_url("types", [], list, options=ENTITY_TYPES)
app_state.from_url("relations", [], list, options=RELATIONS)
app_state.from_url("min_conf", 0.0, float, bounds=(0.0, 1.0))
app_state.from_url("comentions", False, bool)
app_state.from_url("size", "same", str, options=list(SIZES))
app_state.from_url("colour", "type", str, options=list(COLOURS))
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
        y0, y1 = years or (None, None)
    min_conf = st.slider("Minimum confidence", 0.0, 1.0, step=0.05, key="min_conf")
    comentions = st.toggle(
        "Co-mentions", key="comentions", help="Also draw entities named in the same sentence (dashed)"
    )
    max_nodes = st.slider(
        "Most nodes",
        NODE_STEP,
        most_nodes,
        step=NODE_STEP,
        key="max_nodes",
        help="Neighbours beyond it are drawn as '+N more' nodes",
    )
    as_of = app_state.as_of_from_url(st.sidebar)
    st.header("Drawing")
    size_by = st.radio(
        "Node size by",
        list(SIZES),
        key="size",
        format_func=SIZES.get,
        horizontal=True,
        help="Centrality in the drawn view (networkx)",
    )
    colour_by = st.radio(
        "Colour by",
        list(COLOURS),
        key="colour",
        format_func=COLOURS.get,
        horizontal=True,
        help="Community: groups of densely linked entities in the drawn view (Louvain, networkx)",
    )

dated = years is not None and (y0, y1) != tuple(years)
flt = GraphFilter(
    hops=hops,
    types=tuple(types),
    relations=tuple(rels),
    min_confidence=min_conf,
    comentions=comentions,
    date_from=str(y0) if dated else None,
    date_to=str(y1) if dated else None,
)
app_state.to_url(
    entity=focus,
    hops=hops if hops != 1 else None,
    types=types,
    relations=rels,
    min_conf=min_conf or None,
    comentions=comentions or None,
    year_from=y0 if dated else None,
    year_to=y1 if dated else None,
    max_nodes=max_nodes if max_nodes != settings.graph_max_nodes else None,
    size=size_by if size_by != "same" else None,
    colour=colour_by if colour_by != "type" else None,
)
view_settings = settings.replace(graph_max_nodes=max_nodes)
expanded, hidden, pinned = (st.query_params.get_all(name) for name in ("expand", "hide", "pin"))

# from the graph version's statement graph and entities, kept by app_state: a view reads the store only for
# co-mentions (not cached per view: the cut takes ~0.3 ms on the 1M-triple store's hub, from its ranked neighbours)
# as of a day: a view of the statement graph without the statements of later articles (one pass over its edges)
statements = reported_as_of(app_state.statements(), app_state.claims(), as_of) if as_of else app_state.statements()
reader = app_state.reader()
sub = neighbourhood(reader, focus, flt, view_settings, statements=statements, entities=entities)
if expanded:
    sub = expand(reader, sub, expanded, flt, view_settings, statements=statements, entities=entities)
if pinned:
    sub = pin(sub, pinned, flt, statements=statements, entities=entities)
if hidden:
    sub = hide(sub, hidden)
shown = sub.entities()
sizes = node_sizes(sub, size_by) if size_by != "same" else None
colours, named = community_legend(sub, communities(sub)) if colour_by == "community" else (None, None)

st.caption(
    "Click a node to focus on it · double-click to open its page · right-click to expand, hide or pin it · "
    "click an edge to read its evidence · click a '+N more' node to list what it stands for."
)
graph_col, side_col = st.columns([4, 1])
with side_col:
    st.markdown(f"**{len(sub.nodes)}** nodes · **{len(sub.edges)}** edges")
    if sub.hidden:
        st.caption(
            f"{sub.hidden} more neighbours not drawn (at most {settings.graph_max_per_relation} per relation "
            f"and {max_nodes} nodes in all: see 'Most nodes')."
        )
    labels = {n.key: f"{n.label} · {n.type}" for n in shown}
    new_focus = st.selectbox(
        "Focus on",
        list(labels),
        index=list(labels).index(focus) if focus in labels else 0,
        format_func=labels.__getitem__,  # the options are its keys
        key=f"focus-{focus}",
    )
    if new_focus != focus:
        st.query_params["entity"] = new_focus
        st.rerun()
    st.page_link("app_pages/entity.py", label=f"Open {md(labels.get(focus, focus))}", query_params={"entity": focus})
    for name, keys, what in (("expand", expanded, "Expanded"), ("pin", pinned, "Pinned"), ("hide", hidden, "Hidden")):
        if keys:
            st.caption(f"{what}: " + ", ".join(md(entities[k].label if k in entities else k) for k in keys))
            if st.button(f"Clear {what.lower()}", key=f"clear-{name}"):
                del st.query_params[name]
                st.rerun()
    st.markdown("**Legend**")
    for t, colour in named or legend(sub):
        name = md(t) if t != "more" else "+N more"
        st.markdown(f'<span style="color:{colour}">●</span> {name}', unsafe_allow_html=True)
    if sizes:
        st.caption(f"Larger nodes: higher {SIZES[size_by]} in this view.")
    st.markdown("**Export this view**")
    for fmt, label in (("ttl", "Turtle"), ("jsonld", "JSON-LD"), ("graphml", "GraphML"), ("gexf", "GEXF (Gephi)")):
        # written when clicked (Streamlit >= 1.52 runs a callable then), not on every rerun: 20 ms for 150 nodes
        st.download_button(label, partial(export_view, sub, fmt), file_name=f"view.{fmt}", key=f"dl-{fmt}")
with graph_col:
    evidence = edge_evidence(reader, statements, sub)
    st.iframe(
        to_html(sub, height="620px", evidence=evidence, sizes=sizes, colours=colours, clicks="graph", pinned=pinned),
        height=640,
    )

more = st.query_params.get("more")
if more:
    found = counterparts(
        more, flt, statements=statements, entities=entities, comentions=app_state.comentions(), focus=focus
    )
    owner = sub.nodes[more].label if more in sub.nodes else "a '+N more' node"
    st.subheader(f"What {md(owner)} stands for")
    if not found:
        st.info("That '+N more' node is not in this view any more: its group is empty under these filters.")
    else:
        text = st.text_input("Filter by name", key="more_filter", placeholder="part of a name")
        rows = [c for c in found if text.casefold() in c.label.casefold()]
        drawn = set(sub.nodes)
        table = pd.DataFrame(
            {
                "name": [c.label for c in rows],
                "type": [c.type for c in rows],
                "relation": [
                    c.relation.replace("_", " ") + (" (incoming)" if c.direction == "in" else "") for c in rows
                ],
                "confidence": [c.confidence for c in rows],
                "statements": [c.statements for c in rows],
                "first date": [c.date or "" for c in rows],
                "drawn": [c.key in drawn for c in rows],
                "focus": [f"graph?entity={c.key}" for c in rows],
            }
        )
        st.caption(f"{len(rows):,} of {len(found):,} counterparts, most confident first.")
        st.dataframe(
            table,
            hide_index=True,
            width="stretch",
            column_config={
                "confidence": st.column_config.NumberColumn(format="%.2f"),
                "focus": st.column_config.LinkColumn("focus", display_text="focus here"),
            },
        )
        pick = st.selectbox(
            "Focus on one of them",
            [c.key for c in rows],
            index=None,
            key="more_pick",
            format_func=lambda k: entities[k].label if k in entities else k,
            placeholder="choose a name",
        )
        if pick:
            del st.query_params["more"]
            st.query_params["entity"] = pick
            st.rerun()
