"""Timeline: the newest dated relations and events (at most ``timeline_limit``), by precision,
filtered by entity, type and years, with the count of all that match."""

import streamlit as st

import app_state
from kg.explore.neighbourhood import year_range
from kg.explore.timeline import timeline_chart, timeline_frame, timeline_items, timeline_types

call = app_state.call
settings = app_state.settings()
st.title("Timeline")
st.caption("Days are points; months and years are spans over the whole month or year.")

index = app_state.label_index()
entities = sorted(index.entities.values(), key=lambda e: e.label.casefold())
years = call(year_range)
if not years:
    st.info("No dated relation or event in the graph yet.")
    st.stop()

app_state.from_url("entity", "", str)
app_state.from_url("types", [], list)
app_state.years_from_url(years)

left, mid, right = st.columns(3)
options = [""] + [e.key for e in entities]
if st.session_state["entity"] not in options:
    st.session_state["entity"] = ""
labels = {e.key: f"{e.label} · {e.type}" for e in entities}
entity = left.selectbox("Entity", options, key="entity", format_func=lambda k: labels.get(k, "all entities"))
types = mid.multiselect("Types", sorted(set(call(timeline_types)) | set(st.session_state["types"])), key="types",
                        placeholder="all relation and event types")
if years[0] < years[1]:
    y0, y1 = right.slider("Years", years[0], years[1], key="years")
else:
    y0, y1 = years
dated = (y0, y1) != tuple(years)
app_state.to_url(entity=entity, types=types, year_from=y0 if dated else None, year_to=y1 if dated else None)

found = call(timeline_items, entity or None, tuple(types), str(y0) if dated else None, str(y1) if dated else None,
             limit=settings.timeline_limit)
items = list(found.items)
if found.total > len(items):
    st.markdown(f"**{found.total}** dated facts; the **{len(items)}** most recent are shown (setting timeline_limit).")
else:
    st.markdown(f"**{found.total}** dated facts")
if items:
    st.altair_chart(timeline_chart(items), use_container_width=True)
    st.dataframe(timeline_frame(items).drop(columns=["start", "end"]), hide_index=True, use_container_width=True)
