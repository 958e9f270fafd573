"""Timeline: the newest dated relations and events (at most ``timeline_limit``), by precision,
filtered by entity, type and years, with the count of all that match; on the event or the reporting
time axis (``axis``), as known on a day (``as_of``)."""

import streamlit as st

import app_state
from kg.explore.neighbourhood import year_range
from kg.explore.timeline import (
    AXES,
    lanes,
    merge_marks,
    timeline_chart,
    timeline_frame,
    timeline_items,
    timeline_types,
)

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
app_state.from_url("axis", "event", str, options=AXES)
AXIS_NAMES = {"event": "when it happened (the sentence's date)", "reported": "when it was reported (publication date)"}

left, mid, right = st.columns(3)
options = [""] + [e.key for e in entities]
if st.session_state["entity"] not in options:
    st.session_state["entity"] = ""
labels = {e.key: f"{e.label} · {e.type}" for e in entities}
entity = left.selectbox("Entity", options, key="entity", format_func=lambda k: labels.get(k, "all entities"))
types = mid.multiselect(
    "Types",
    sorted(set(call(timeline_types)) | set(st.session_state["types"])),
    key="types",
    placeholder="all relation and event types",
)
if years[0] < years[1]:
    y0, y1 = right.slider("Years", years[0], years[1], key="years")
else:
    y0, y1 = years
axis_col, as_of_col = st.columns(2)
axis = axis_col.radio("Time axis", AXES, key="axis", horizontal=True, format_func=AXIS_NAMES.get)
as_of = app_state.as_of_from_url(as_of_col)
dated = (y0, y1) != tuple(years)
app_state.to_url(
    entity=entity,
    types=types,
    year_from=y0 if dated else None,
    year_to=y1 if dated else None,
    axis=axis if axis != "event" else None,
)

found = call(
    timeline_items,
    entity or None,
    tuple(types),
    str(y0) if dated else None,
    str(y1) if dated else None,
    limit=settings.timeline_limit,
    axis=axis,
    as_of=as_of,
)
items = list(found.items)
if found.total > len(items):
    st.markdown(f"**{found.total}** dated facts; the **{len(items)}** most recent are shown (setting timeline_limit).")
else:
    st.markdown(f"**{found.total}** dated facts")
if items:
    # one mark per fact (an event a relation already states is not drawn again), in lanes by counterpart or relation
    lane_names = {"counterpart": "by counterpart", "relation": "by relation", "fact": "one per fact"}
    app_state.from_url("lanes", "counterpart" if entity else "relation", str, options=list(lane_names))
    lane_by = st.radio("Lanes", list(lane_names), key="lanes", horizontal=True, format_func=lane_names.get)
    app_state.to_url(lanes=lane_by)
    marks = merge_marks(items)
    names = {k: index.entities[k].label for i in marks for k in i.entities if k in index.entities}
    st.altair_chart(timeline_chart(marks, lane=lanes(marks, lane_by, entity or None, names)), width="stretch")
    st.dataframe(timeline_frame(items).drop(columns=["start", "end"]), hide_index=True, width="stretch")
