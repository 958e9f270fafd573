"""Correction actions in place, and the curated state beside what they changed: who, when, why, with undo.

The entity page calls :func:`entity_actions` under its title and :func:`fact_actions` under each relation row; the
Review page uses :func:`act` for its quick accept / reject. Every action is one function of :mod:`kg.curate` (checked
against the store, recorded in the curations file, applied at once); the page then reloads on the curated graph.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import streamlit as st

import app_state
from kg import curate
from kg.curate import Curation, CurationIndex, curation_index, curation_summary, curations_path, read_curations
from kg.errors import KGError
from kg.explore.entity import EntityInfo, RelationRow
from kg.explore.highlight import md
from kg.explore.review import document_titles
from kg.settings import Settings
from kg.vocab import ENTITY_TYPES, RELATIONS

PAGE = "app_pages/entity.py"


@st.cache_data(show_spinner=False, max_entries=8)
def _index(path: str, stamp: tuple[int, int]) -> CurationIndex:
    return curation_index(read_curations(path))


def curations() -> CurationIndex:
    """The curations in force, by fact and entity (read again whenever the file changes)."""
    path = curations_path(app_state.settings())
    try:
        info = path.stat()
        stamp = (info.st_mtime_ns, info.st_size)
    except FileNotFoundError:
        stamp = (0, 0)
    return _index(str(path), stamp)


def curator_settings() -> Settings:
    """The settings, with the name typed in "Your name" (else the curator setting, else the login name)."""
    settings = app_state.settings()
    name = (st.session_state.get("curator_name") or "").strip()
    return settings.replace(curator=name) if name else settings


def act(
    label: str, action: Callable[..., Curation], *args: Any, key: str, goto: str | None = None, **kwargs: Any
) -> None:
    """A button that makes one curation; on success the page reloads on the curated graph (``goto``: the entity page
    of that entity, e.g. a merge's target, as the merged one is gone), else says what is wrong."""
    if not st.button(label, key=key):
        return
    try:
        done = action(curator_settings(), *args, **kwargs)
    except KGError as e:
        st.error(md(str(e)))
        return
    app_state.graph_changed()
    st.session_state["curation_done"] = f"{done.action} recorded ({done.id}): {done.describe()}"
    if goto:
        st.switch_page(PAGE, query_params={"entity": goto})
    st.rerun()


def flash() -> None:
    """Say what the last action did (once)."""
    if done := st.session_state.pop("curation_done", None):
        st.success(md(done))


def curated_marks(found: tuple[Curation, ...], key: str) -> None:
    """Each curation in ``found`` (who, when, why) with its undo."""
    for c in found:
        left, right = st.columns([5, 1])
        left.caption(f"✎ Curated: {md(curation_summary(c))}")
        with right:
            act("Undo", curate.undo, c.id, key=f"undo:{key}:{c.id}")


def fact_actions(row: RelationRow, entity: str) -> None:
    """Under a relation row: its curations, and confirm / reject (everywhere, or as its document reports it)."""
    s, p, o = row.subject.key, row.predicate, row.object.key
    curated_marks(curations().of_fact(s, p, o), row.statement)
    with st.popover("Correct…", key=f"correct:{row.statement}"):
        note = st.text_input("Why (optional)", key=f"note:{row.statement}")
        act("Confirm", curate.confirm, s, p, o, note=note, key=f"confirm:{row.statement}")
        act("Reject (wrong fact)", curate.reject, s, p, o, note=note, key=f"reject:{row.statement}")
        if row.evidence:
            act(
                "Reject as this document reports it",
                curate.reject,
                s,
                p,
                o,
                note=note,
                document=row.evidence[0].document,
                key=f"reject-doc:{row.statement}",
            )


def entity_actions(info: EntityInfo) -> None:
    """Under an entity's title: its curations with undo, and (once "Correct this entity" is on) merge into…, change
    type, add an alias, rename, split an alias off, add a missed fact."""
    flash()
    key = info.key
    found = curations().of_entity(key)
    if found:
        st.caption(
            f"✎ {len(found)} curation(s) of this entity and its facts: who, when, why and undo under "
            "“Correct this entity”."
        )
    # a toggle, not an expander: the forms (and the documents they cite from) are drawn only when asked for
    if not st.toggle("Correct this entity", key=f"correcting:{key}"):
        return
    with st.container(border=True):
        st.text_input(
            "Your name (recorded with each correction)",
            key="curator_name",
            placeholder=curate.curator_name(app_state.settings()),
        )
        if found:
            st.markdown(f"**Curations ({len(found)})**")
            curated_marks(found, key)
        note = st.text_input("Why (optional)", key=f"enote:{key}")
        left, right = st.columns(2)
        with left:
            kinds = list(ENTITY_TYPES)
            kind = st.selectbox(
                "Type", kinds, index=kinds.index(info.type) if info.type in kinds else 0, key=f"type:{key}"
            )
            act("Change type", curate.set_type, key, kind, note=note, key=f"set-type:{key}")
            target = st.text_input("Merge into (entity key, e.g. taotian)", key=f"into:{key}")
            act("Merge into…", curate.merge, key, target.strip(), note=note, key=f"merge:{key}", goto=target.strip())
        with right:
            alias = st.text_input("Another name", key=f"alias:{key}")
            chinese = st.checkbox("It is a Chinese name", key=f"zh:{key}")
            act("Add alias", curate.add_alias, key, alias, chinese=chinese, note=note, key=f"add-alias:{key}")
            label = st.text_input("Preferred name", value=info.label, key=f"label:{key}")
            act("Rename", curate.rename, key, label, note=note, key=f"rename:{key}")
        if info.aliases:
            st.markdown("**Aliases**")
            for i, name in enumerate(info.aliases):
                a, b = st.columns([3, 2])
                a.write(md(name))
                with b:
                    act("Split off (another thing)", curate.split_alias, key, name, note=note, key=f"split:{key}:{i}")
        _add_fact_form(key, note)


def _add_fact_form(key: str, note: str) -> None:
    if not st.checkbox("Add a missed fact", key=f"addfact:{key}"):  # the form (and the documents) only when asked for
        return
    a, b, c = st.columns(3)
    direction = a.selectbox("This entity is the", ["subject", "object"], key=f"fdir:{key}")
    predicate = b.selectbox("Relation", RELATIONS, key=f"fpred:{key}")
    other = c.text_input("Other entity (key)", key=f"fother:{key}").strip()
    docs = dict(app_state.call(document_titles))
    d, e = st.columns(2)
    document = d.selectbox(
        "Cited document", ["", *docs], format_func=lambda x: docs.get(x, "— an external source —"), key=f"fdoc:{key}"
    )
    sentence = e.text_input("The sentence, as in the document", key=f"fsent:{key}")
    url = d.text_input("Or the source's URL", key=f"furl:{key}")
    date = e.text_input("Date (YYYY, YYYY-MM or YYYY-MM-DD, optional)", key=f"fdate:{key}")
    subject, obj = (key, other) if direction == "subject" else (other, key)
    act(
        "Add fact",
        curate.add_fact,
        subject,
        predicate,
        obj,
        document=document,
        sentence=sentence,
        url=url.strip(),
        date=date.strip(),
        note=note,
        key=f"add-fact:{key}",
    )
