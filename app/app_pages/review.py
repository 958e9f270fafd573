"""Review: what most needs a look — facts of low confidence, from a single source or with conflicting values, and
entities that look alike — with counts and quick accept / reject (each one curation: kg.curate).

URL state: ``list`` (facts | look-alikes), ``reason`` (a fact reason to narrow to), ``rpage`` (page of the list).
"""

from __future__ import annotations

import streamlit as st

import app_state
import curation_ui
from kg import curate
from kg.curate import Distinct
from kg.explore.entity import page_count, page_number
from kg.explore.highlight import md
from kg.explore.review import REASONS, FactToReview, LookAlike, facts_to_review, look_alikes, review_counts
from kg.explore.terms import EntityRef

ENTITY = "app_pages/entity.py"
LISTS = ("facts", "look-alikes")

st.title("Review")
st.caption(
    "What most needs a look, most doubtful first. Confirm or reject a fact, merge look-alike entities or keep "
    "them apart: each decision is recorded with your name and re-applied on every build (undo it on the entity "
    "page or with `kg curate undo`)."
)
curation_ui.flash()
settings = app_state.settings()
st.text_input("Your name (recorded with each decision)", key="curator_name", placeholder=curate.curator_name(settings))


@st.cache_data(show_spinner=False, max_entries=8)
def _queue(
    store: str, graph_version: str, stamp: tuple, threshold: float, _statements, _claims, _entities, _decided, _apart
) -> tuple[list[FactToReview], list[LookAlike]]:
    """The queue, once per graph version and curations file (the underscored arguments are what those stand for)."""
    return (
        facts_to_review(_statements, _claims, threshold=threshold, decided=_decided),
        look_alikes(_entities.values(), _apart),
    )


state = curation_ui.curations()
apart = [(c.entity, c.other) for found in state.entities.values() for c in found if isinstance(c, Distinct)]
entities = app_state.label_index().entities
facts, pairs = _queue(
    settings.store,
    app_state.version(),
    (len(state.facts), len(state.entities), hash(repr(state))),
    settings.review_confidence,
    app_state.statements(),
    app_state.claims().claims,
    entities,
    tuple(state.facts),
    tuple(apart),
)
counts = review_counts(facts, pairs)
for column, (name, n) in zip(st.columns(len(counts)), counts.items(), strict=True):
    column.metric(name.capitalize(), f"{n:,}")

app_state.from_url("list", "facts", options=LISTS)
shown_list = st.segmented_control("List", LISTS, key="list", format_func=lambda x: x.capitalize()) or "facts"
reason = None
if shown_list == "facts":
    app_state.from_url("reason", "", options=("", *REASONS))
    reason = st.selectbox("Why", ("", *REASONS), key="reason", format_func=lambda r: r.capitalize() or "Any reason")
    rows: list = [f for f in facts if not reason or reason in f.reasons]
else:
    rows = pairs
size = max(settings.review_limit, 1)
page = page_number(st.query_params.get("rpage"), len(rows), size)
app_state.to_url(list=shown_list, reason=reason or None, rpage=page if page > 1 else None)
shown = rows[(page - 1) * size : page * size]


def ref(key: str) -> EntityRef:
    return entities.get(key) or EntityRef(key, key, "Other")


def fact_row(f: FactToReview) -> None:
    s, o = ref(f.subject), ref(f.object)
    sources = f"{len(f.sources)} source{'s' if len(f.sources) != 1 else ''}" + (
        f" ({md(', '.join(f.sources))})" if f.sources else ""
    )
    info, confirm, reject = st.columns([6, 1, 1])
    with info:
        st.page_link(
            ENTITY,
            label=f"{md(s.label)} — {md(f.predicate.replace('_', ' '))} — {md(o.label)}",
            query_params={"entity": s.key},
        )
        st.caption(
            " · ".join(
                [f"confidence {f.confidence:.2f}", sources if f.documents is not None else "", ", ".join(f.reasons)]
            ).replace(" ·  · ", " · ")
        )
        for conflict in f.conflicts:
            st.warning(f"Conflict: {md(conflict)}")
    key = "|".join(f.key)
    with confirm:
        curation_ui.act("Confirm", curate.confirm, f.subject, f.predicate, f.object, key=f"rv-confirm:{key}")
    with reject:
        curation_ui.act("Reject", curate.reject, f.subject, f.predicate, f.object, key=f"rv-reject:{key}")


def pair_row(p: LookAlike) -> None:
    info, one, two, apart_ = st.columns([4, 2, 2, 2])
    with info:
        st.markdown(f"**{md(p.a.label)}** ({p.a.type}) and **{md(p.b.label)}** ({p.b.type}) · {p.reason}")
        st.page_link(ENTITY, label=f"Open {md(p.a.label)}", query_params={"entity": p.a.key})
    key = f"{p.a.key}|{p.b.key}"
    with one:
        curation_ui.act(f"Merge into {md(p.b.label)}", curate.merge, p.a.key, p.b.key, key=f"rv-merge-ab:{key}")
    with two:
        curation_ui.act(f"Merge into {md(p.a.label)}", curate.merge, p.b.key, p.a.key, key=f"rv-merge-ba:{key}")
    with apart_:
        curation_ui.act("Different things", curate.distinct, p.a.key, p.b.key, key=f"rv-apart:{key}")


if not rows:
    st.info("Nothing to review here." if shown_list == "facts" else "No entities look alike.")
for row in shown:
    (fact_row if shown_list == "facts" else pair_row)(row)
pages = page_count(len(rows), size)
if pages > 1:
    st.caption(f"Page {page} of {pages} ({len(rows):,} in all; setting review_limit).")
    back, forward = st.columns(2)
    params = {"list": shown_list, **({"reason": reason} if reason else {})}
    if page > 1:
        back.page_link("app_pages/review.py", label="← Previous", query_params={**params, "rpage": str(page - 1)})
    if page < pages:
        forward.page_link("app_pages/review.py", label="Next →", query_params={**params, "rpage": str(page + 1)})
