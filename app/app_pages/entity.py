"""Entity: type, aliases, KB facts, relations by predicate with evidence, events, figures, co-mentions, neighbourhood."""

import streamlit as st
import streamlit.components.v1 as components

from kg.explore import app_state
from kg.explore.entity import comentioned, entity_info, events, group_by_predicate, quantities, relations
from kg.explore.highlight import md
from kg.explore.neighbourhood import GraphFilter, neighbourhood
from kg.explore.network_html import to_html
from kg.explore.timeline import timeline_chart, timeline_items

call = app_state.call
settings = app_state.settings()
key = st.query_params.get("entity")
if not key:
    st.title("Entity")
    st.info("Search for an entity in the sidebar (a name or an alias, e.g. RedNote) to open its page.")
    st.stop()

info = call(entity_info, key)
if info is None:
    st.title("Entity")
    st.warning(f"The graph has no entity {md(key)!s}. Search for it in the sidebar.")
    st.stop()

st.title(md(info.label))
facts = [f"**Type:** {info.type}"]
if info.aliases:
    facts.append("**Also called:** " + ", ".join(md(a) for a in info.aliases))
if info.kb_id:
    facts.append(f"**Knowledge base id:** {md(info.kb_id)}")
st.markdown(" · ".join(facts))
if info.version_of:
    st.page_link("app_pages/entity.py", label=f"A version of {md(info.version_of.label)}", query_params={"entity": info.version_of.key})
for v in info.versions:
    st.page_link("app_pages/entity.py", label=f"Version: {md(v.label)}", query_params={"entity": v.key})
st.page_link("app_pages/graph.py", label="Open in the graph view", query_params={"entity": key})

rows = call(relations, key)
kb = [r for r in rows if r.source == "kb"]
text_rows = [r for r in rows if r.source != "kb"]

if kb:
    st.subheader("Knowledge-base facts")
    for r in kb:
        st.markdown(f"{md(r.subject.label)} **{md(r.predicate.replace('_', ' '))}** {md(r.object.label)} · {md(r.rule)}")

st.subheader(f"Relations ({len(text_rows)})")
if not text_rows:
    st.caption("No relation read from the articles.")
for group, members in group_by_predicate(text_rows, key).items():
    with st.expander(f"{md(group.replace('_', ' '))} ({len(members)})", expanded=True):
        for r in members:
            other = r.other(key)
            meta = " · ".join(x for x in (md(r.date or "undated"), f"confidence {r.confidence:.2f}" if r.confidence is not None else "",
                                           f"role {md(r.role)}" if r.role else "") if x)
            st.page_link("app_pages/entity.py", label=f"{md(other.label)} — {meta}", query_params={"entity": other.key})
            for ev in r.evidence:
                st.markdown(f'<div class="evidence">“{ev.html}”</div>', unsafe_allow_html=True)
                st.page_link("app_pages/documents.py", label=f"in {md(ev.document_title)}", query_params={"doc": ev.document})

left, right = st.columns(2)
with left:
    st.subheader("Timeline")
    items = call(timeline_items, key)
    if items:
        st.altair_chart(timeline_chart(items, height=min(60 + 22 * len(items), 400)), use_container_width=True)
    else:
        st.caption("No dated relation or event.")
    evs = call(events, key)
    for e in evs:
        who = ", ".join(f"{md(p.label)} ({md(role)})" if role else md(p.label) for p, role in e.participants)
        st.markdown(f"**{md(e.type)}** {md(e.date or 'undated')}: {who}")
with right:
    st.subheader("Figures")
    qs = call(quantities, key)
    if qs:
        st.dataframe([{"attribute": q.attribute, "value": q.value, "up to": q.value_max, "unit": q.unit, "date": q.date,
                       "as stated": q.label} for q in qs], hide_index=True)
    else:
        st.caption("No figure stated about it.")
    st.subheader("Named together with")
    cms = call(comentioned, key, limit=settings.entity_comention_limit)
    if not cms:
        st.caption("No co-mentioned entity.")
    for c in cms:
        st.page_link("app_pages/entity.py", label=f"{md(c.entity.label)} · {c.sentences} sentence(s)", query_params={"entity": c.entity.key})

st.subheader("Neighbourhood")
sub = call(neighbourhood, key, GraphFilter(hops=1), settings.replace(
    graph_max_nodes=settings.entity_graph_max_nodes, graph_max_per_relation=settings.entity_graph_max_per_relation))
components.html(to_html(sub, height="380px"), height=400)
