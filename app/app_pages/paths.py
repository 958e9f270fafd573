"""Paths: the k shortest paths between two entities, each hop with its evidence."""

import streamlit as st

import app_state
from kg.explore.entity import date_words, relation_words
from kg.explore.highlight import md
from kg.explore.paths import path_evidence, shortest_paths
from kg.vocab import RELATIONS

settings = app_state.settings()
st.title("Paths")
st.caption("How are two entities linked? Shortest chains of relations, in either direction.")

index = app_state.label_index()
entities = sorted(index.entities.values(), key=lambda e: e.label.casefold())
labels = {e.key: f"{e.label} · {e.type}" for e in entities}
options = [""] + list(labels)
for name in ("source", "target"):
    app_state.from_url(name, "", str)
    if st.session_state[name] not in options:
        st.session_state[name] = ""
longest, most = max(settings.path_max_length, 1), max(settings.path_k_max, 1)
app_state.from_url("max_length", min(max(settings.path_length, 1), longest), int, bounds=(1, longest))
app_state.from_url("k", min(max(settings.path_k, 1), most), int, bounds=(1, most))
app_state.from_url("exclude", [], list, options=RELATIONS)

a, b = st.columns(2)
source = a.selectbox("From", options, key="source", format_func=lambda k: labels.get(k, "choose an entity"))
target = b.selectbox("To", options, key="target", format_func=lambda k: labels.get(k, "choose an entity"))
c, d, e = st.columns(3)
max_length = c.slider("Longest path (hops)", 1, longest, key="max_length")
k = d.number_input("Paths", 1, most, key="k")
exclude = e.multiselect("Skip relations", RELATIONS, key="exclude", placeholder="none", format_func=relation_words)
app_state.to_url(source=source, target=target, max_length=max_length, k=k, exclude=exclude)

if not source or not target:
    st.info("Choose two entities.")
    st.stop()
if source == target:
    st.info("Choose two different entities.")
    st.stop()

paths = shortest_paths(app_state.projection(), source, target, k=int(k), max_length=max_length, exclude=tuple(exclude))
if not paths:
    st.warning(
        f"No path of at most {max_length} hops links them" + (" without the skipped relations." if exclude else ".")
    )
for n, path in enumerate(paths, 1):
    names = [index.entities[x].label if x in index.entities else x for x in path]
    with st.expander(f"Path {n}: " + " → ".join(md(x) for x in names) + f" ({len(path) - 1} hops)", expanded=n == 1):
        for hop in app_state.call(path_evidence, list(path), tuple(exclude)):
            for r in hop.statements:
                st.markdown(
                    f"{md(r.subject.label)} **{md(relation_words(r.predicate))}** {md(r.object.label)}"
                    f" · {md(date_words(r.date, r.year_inferred))} · {md(r.source)}"
                    + (f" · confidence {r.confidence:.2f}" if r.confidence is not None else "")
                )
                app_state.evidence_list(r.evidence)
