"""The app's state, beside its pages (the kg library knows no Streamlit): caches and the URL.

- One reader per store, shared by every session and page (``st.cache_resource``); pages only read.
- Results of the pure functions of kg.explore, cached with ``st.cache_data`` under the function,
  its arguments and the graph version (``reader.version()``), so a new or removed article shows
  everywhere at once.
- The label index, the statement graph, the co-mention, figure, event and entity fact indexes and the entity
  projection: one per graph version (``st.cache_resource``: shared, not copied, never rebuilt per page view);
  pages cut their views from them without asking the store again.
- Every view's state lives in the URL (``st.query_params``): :func:`from_url` seeds a widget's
  state from it the first time the widget is drawn, :func:`to_url` writes the widgets back, so
  any view can be bookmarked and shared.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

import networkx as nx
import streamlit as st

from kg.explore.claims import ClaimIndex, best_per_document, claim_index
from kg.explore.comentions import ComentionIndex
from kg.explore.entity import EventIndex, FactIndex, QuantityIndex
from kg.explore.highlight import md
from kg.explore.search import LabelIndex
from kg.explore.versioned import PER_VERSION, built, saved
from kg.settings import Settings
from kg.store import GraphReader, open_reader


def settings() -> Settings:
    return Settings.load()


@st.cache_resource(show_spinner=False)
def _reader(store: str) -> GraphReader:
    return open_reader(Settings.load(store=store))


def reader() -> GraphReader:
    """The shared read-only handle on the configured store (``KG_STORE``)."""
    return _reader(settings().store)


def version() -> str:
    return reader().version()


@st.cache_data(show_spinner=False, max_entries=512)
def _call(
    module: str, name: str, store: str, graph_version: str, args: tuple, kwargs: tuple, labelled: bool = False
) -> Any:
    fn = getattr(importlib.import_module(module), name)
    if labelled:  # the version's label index, not hashed into the key: the graph version stands for it
        kwargs += (("entities", _index(store, graph_version).entities),)
    return fn(_reader(store), *args, **dict(kwargs))


def call(fn: Callable, *args: Any, **kwargs: Any) -> Any:
    """``fn(reader, *args, **kwargs)``, cached per graph version (results must pickle)."""
    return _call(fn.__module__, fn.__name__, settings().store, version(), args, tuple(sorted(kwargs.items())))


@st.cache_data(show_spinner=False, max_entries=16)
def _call_saved(module: str, name: str, store: str, graph_version: str, args: tuple[int, ...]) -> Any:
    fn = getattr(importlib.import_module(module), name)
    reader, settings = _reader(store), Settings.load(store=store)
    return saved("-".join(map(str, (name, *args))), lambda r: fn(r, *args), reader, settings, graph_version)


def call_saved(fn: Callable, *args: int) -> Any:
    """Like :func:`call`, for what the landing page shows at every start (seconds of SPARQL at 10M triples):
    also saved beside the store per graph version (kg.explore.versioned.saved); the arguments name its file."""
    return _call_saved(fn.__module__, fn.__name__, settings().store, version(), args)


def call_labelled(fn: Callable, *args: Any, **kwargs: Any) -> Any:
    """``fn(reader, *args, entities=<the label index's entities>, **kwargs)``, cached like :func:`call`."""
    kwargs_key = tuple(sorted(kwargs.items()))
    return _call(fn.__module__, fn.__name__, settings().store, version(), args, kwargs_key, labelled=True)


@st.cache_resource(show_spinner=False, max_entries=4 * len(PER_VERSION))
def _built(what: str, store: str, graph_version: str) -> Any:
    # saved beside an embedded store by the first process that builds it: a restart loads it (kg.explore.persist)
    return built(what, _reader(store), Settings.load(store=store), graph_version)


def _index(store: str, graph_version: str) -> LabelIndex:
    return _built("label_index", store, graph_version)


def label_index() -> LabelIndex:
    return _index(settings().store, version())


def statements() -> nx.MultiDiGraph:
    """The statement graph of the current graph version (:mod:`kg.explore.statements`; treat as read-only)."""
    return _built("statements", settings().store, version())


def comentions() -> ComentionIndex:
    """The co-mention index of the current graph version (:mod:`kg.explore.comentions`; treat as read-only)."""
    return _built("comentions", settings().store, version())


def quantities() -> QuantityIndex:
    """Every entity's figures, newest first, for the current graph version (treat as read-only)."""
    return _built("quantities", settings().store, version())


@st.cache_resource(show_spinner=False, max_entries=4)
def _claims(store: str, graph_version: str) -> ClaimIndex:
    return claim_index(_reader(store), statements=_built("statements", store, graph_version))


def claims() -> ClaimIndex:
    """Every claim (one (subject, predicate, object), its reports across documents) of the current graph version
    (:mod:`kg.explore.claims`, from its statement graph; treat as read-only)."""
    return _claims(settings().store, version())


def events() -> EventIndex:
    """Every entity's events, newest first, and how many are dated, for the current graph version (treat as
    read-only)."""
    return _built("events", settings().store, version())


def entity_facts() -> FactIndex:
    """Every entity's facts (label, type, aliases, KB id, versions) for the current graph version (treat as
    read-only)."""
    return _built("entity_facts", settings().store, version())


def projection() -> nx.Graph:
    """The entity projection of the current graph version (treat as read-only)."""
    return _built("projection", settings().store, version())


@st.cache_resource(show_spinner=False, max_entries=4)
def _central(store: str, graph_version: str, limit: int) -> list:
    from kg.explore.overview import centrality

    def build(reader) -> list:  # saved: a restart's landing page then needs neither the projection nor the labels
        projection = _built("projection", store, graph_version)
        return centrality(projection, _index(store, graph_version).entities, limit=limit)

    return saved(f"centrality-{limit}", build, _reader(store), Settings.load(store=store), graph_version)


def central_entities(limit: int) -> list:
    """The ``limit`` most central entities (PageRank on the projection), from the ``overview_central_limit``
    (at least one) computed once per graph version."""
    s = settings()
    return _central(s.store, version(), max(s.overview_central_limit, 1))[:limit]


def graph_changed() -> None:
    """After an article was added or removed: drop cached results (the version key would miss them anyway)."""
    _call.clear()
    _call_saved.clear()


def from_url(
    key: str, default: Any, kind: type = str, options: Sequence | None = None, bounds: tuple[float, float] | None = None
) -> None:
    """Seed ``st.session_state[key]`` from the URL (or ``default``) unless the widget already has a value.
    ``kind`` is str, int, float, bool or list (list: repeated parameters). A hand-edited URL must not
    break the widget: values not in ``options`` are dropped (list) or replaced by ``default``; numbers
    are clamped into ``bounds`` (lo, hi); a value that does not parse is ``default``.

    The widget's value is re-seeded when the URL no longer holds what this session last read from it or
    wrote to it: Back, Forward or a link to the same page with another value changed the URL, not the widget."""
    if key in st.session_state and not _url_changed(key):
        return
    _seen(key)
    params = st.query_params
    if key not in params:
        st.session_state[key] = default
        return
    value: Any
    try:
        if kind is list:
            value = [v for v in params.get_all(key) if options is None or v in options]
        elif kind is bool:
            value = params[key] in ("1", "true", "yes")
        else:
            value = kind(params[key])
            if value != value:  # NaN
                raise ValueError(key)
            if bounds is not None:
                value = min(max(value, kind(bounds[0])), kind(bounds[1]))
            if options is not None and value not in options:
                value = default
    except ValueError:
        value = default
    st.session_state[key] = value


def years_from_url(years: tuple[int, int]) -> None:
    """Seed ``st.session_state["years"]`` (a year-range slider) from ``year_from`` / ``year_to`` in the URL,
    clamped to ``years``; a bound that is missing or not a number is the end of the range."""
    if "years" in st.session_state and not _url_changed("year_from", "year_to"):
        return
    _seen("year_from", "year_to")

    def year(name: str, default: int) -> int:
        try:
            return min(max(int(st.query_params.get(name, default)), years[0]), years[1])
        except ValueError:
            return default

    lo, hi = year("year_from", years[0]), year("year_to", years[1])
    st.session_state["years"] = (min(lo, hi), max(lo, hi))


def evidence_link(ev) -> None:
    """A link to the article an evidence sentence (:class:`kg.explore.entity.EvidenceRef`) is in, opening at it."""
    at = {"start": str(ev.start), "end": str(ev.end)} if ev.start is not None and ev.end is not None else {}
    st.page_link("app_pages/documents.py", label=f"in {md(ev.document_title)}", query_params={"doc": ev.document, **at})


def evidence_list(evidence: Sequence) -> None:
    """Evidence sentences (escaped, mentions marked), each with its link: the most declarative sentence of
    each document first, the others behind "N more sentences"."""
    first, rest = best_per_document(evidence)

    def show(ev) -> None:
        st.markdown(f'<div class="evidence">“{ev.html}”</div>', unsafe_allow_html=True)
        evidence_link(ev)

    for ev in first:
        show(ev)
    if rest:
        with st.popover(f"{len(rest)} more sentence{'s' if len(rest) > 1 else ''}"):
            for ev in rest:
                show(ev)


def int_param(key: str) -> int | None:
    """A whole number from the URL; None when it is missing or not a number."""
    try:
        return int(st.query_params[key]) if key in st.query_params else None
    except ValueError:
        return None


#: Session-state prefix of what this session last read from or wrote to each URL parameter.
_SEEN = "_url:"


def _url_changed(*keys: str) -> bool:
    return any(tuple(st.query_params.get_all(k)) != st.session_state.get(_SEEN + k, ()) for k in keys)


def _seen(*keys: str) -> None:
    for k in keys:
        st.session_state[_SEEN + k] = tuple(st.query_params.get_all(k))


def as_of_from_url(where: Any = st) -> str | None:
    """An "as of" date picker in ``where`` (a column, the sidebar), seeded from ``as_of`` in the URL (ISO; a value
    that is not a date is dropped) and written back to it: the graph as known on that day (kg.explore.claims), or
    None for everything."""
    if "as_of" not in st.session_state:
        try:
            st.session_state["as_of"] = date.fromisoformat(st.query_params.get("as_of", ""))
        except ValueError:
            st.session_state["as_of"] = None
    picked = where.date_input(
        "As of",
        key="as_of",
        min_value=date(1900, 1, 1),
        format="YYYY-MM-DD",
        help="Only what articles published by this day say (empty: every article)",
    )
    to_url(as_of=picked.isoformat() if picked else None)
    return picked.isoformat() if picked else None


def to_url(**values: Any) -> None:
    """Write view state to the URL; None or empty values are dropped from it.

    The whole query string is always sent to the browser, even when no value changed: a link to the
    same page with other parameters (a counterpart's entity page, "Next →") shows the new view but
    Streamlit leaves the address bar on the old one; sent here, the browser gets a history entry for
    the view it shows (the frontend pushes only when the address differs), so reload, bookmarks and
    Back/Forward hold."""
    kept: dict[str, str | list[str]] = {}
    for key, val in values.items():
        if val is None or val == [] or val == () or val == "":
            if key in st.query_params:
                del st.query_params[key]
        elif isinstance(val, bool):
            kept[key] = "1" if val else "0"
        elif isinstance(val, (list, tuple)):
            kept[key] = [str(v) for v in val]
        else:
            kept[key] = str(val)
    st.query_params.update(kept)
    _seen(*values)


@st.cache_data(show_spinner=False, max_entries=64)
def _user_query(text: str, store: str, graph_version: str):
    from kg.query import run_user_query

    return run_user_query(text, Settings.load(store=store), reader=_reader(store))


def user_query(text: str):
    """A console query through the guard (kg.query: read-only, time limit, row cap), cached per graph version.
    Raises the guard's QueryError subclasses (never cached)."""
    return _user_query(text, settings().store, version())
