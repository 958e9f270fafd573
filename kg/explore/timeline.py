"""Every dated relation and event on a time axis, drawn by the precision the text gives.

Two axes: *event* time, the date a sentence gives the fact (``kg:date``), and *reporting* time, when the
document that states it was published (its ``kg:published_date``). On either axis, "as of" a date keeps
only what documents published by then say: the graph as it was known on that day.

A day is a point; a month or a year is a span from its first to its last day (so "2021" is not
mistaken for 1 January 2021). Timelines are bounded: the newest items up to a limit, with the
count of all that match.

>>> item = TimelineItem("relation", "partner_of", "2025-05", "month", "A partner of B", ("a", "b"))
>>> item.start, item.end
('2025-05-01', '2025-05-31')
>>> isinstance(timeline_chart([item]), alt.LayerChart)
True
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from itertools import chain
from typing import cast

import altair as alt
import networkx as nx
import pandas as pd
import pyoxigraph as ox

from kg.explore.entity import EventRow, RelationRow, event_rows, relation_rows
from kg.explore.terms import PREFIXES, EntityRef, date_bounds, entity_node, local_name, relation_node, values_clause
from kg.settings import Settings
from kg.vocab import RELATIONS


@dataclass(frozen=True)
class TimelineItem:
    kind: str  # "relation" | "event"
    type: str  # relation local name or event type
    date: str  # ISO of its precision
    precision: str  # "day" | "month" | "year"
    label: str
    entities: tuple[str, ...]  # entity keys involved
    confidence: float | None = None
    sentence: str = ""
    year_inferred: bool = False  # the year of ``date`` was completed from the publication date

    @property
    def start(self) -> str:
        return date_bounds(self.date)[0]

    @property
    def end(self) -> str:
        return date_bounds(self.date)[1]

    @classmethod
    def of_relation(cls, row: RelationRow, at: str | None = None) -> TimelineItem:
        """A dated relation ("Alibaba invested in Xiaohongshu"), with its first evidence sentence; at its own
        date, or ``at`` (an ISO date: its article's publication on the reporting axis)."""
        date, precision, inferred = _placed(row.date, row.precision, row.year_inferred, at)
        return cls(
            "relation",
            row.predicate,
            date,
            precision,
            f"{row.subject.label} {row.predicate.replace('_', ' ')} {row.object.label}",
            (row.subject.key, row.object.key),
            row.confidence,
            row.evidence[0].sentence if row.evidence else "",
            inferred,
        )

    @classmethod
    def of_event(cls, row: EventRow, at: str | None = None) -> TimelineItem:
        """A dated event ("partnership: Taotian, Xiaohongshu"), participants in key order; at its date or ``at``."""
        labels = {ref.key: ref.label for ref, _ in row.participants}
        keys = tuple(sorted(labels))
        date, precision, _ = _placed(row.date, row.precision, False, at)
        return cls(
            "event",
            row.type,
            date,
            precision,
            f"{row.type}: {', '.join(labels[k] for k in keys)}",
            keys,
            row.confidence,
            row.evidence[0].sentence if row.evidence else "",
        )


def _placed(date: str | None, precision: str | None, inferred: bool, at: str | None) -> tuple[str, str, bool]:
    """Where an item goes on the axis: (ISO date, precision, year inferred), at ``at`` when given (a publication
    date: never inferred), else at its own date (undated items have no place on the event axis)."""
    if at is not None:
        return at, _precision(at), False
    if date is None:
        raise ValueError("an undated relation or event has no place on the event time axis")
    return date, precision or _precision(date), inferred


def statement_items(
    statements: nx.MultiDiGraph, key: str, wanted: Iterable[str], entities: Mapping[str, EntityRef]
) -> list[TimelineItem]:
    """Timeline items of the dated statements ``wanted`` among the entity's, from the statement graph
    (relation, date, confidence) and the label index's ``entities``, without asking the store: the
    entity page's chart. Precision is read off the ISO date (kg.rdf types a date by its precision);
    there is no evidence sentence (the relation groups show evidence).

    >>> G = nx.MultiDiGraph()
    >>> G.add_edge("a", "b", key="st1", relation="invested_in", confidence=0.9, date="2018-06", kb=False)
    'st1'
    >>> [item] = statement_items(G, "b", ["st1"], {"a": EntityRef("a", "A", "Organization")})
    >>> item.label, item.precision, item.entities
    ('A invested in b', 'month', ('a', 'b'))
    """
    wanted = set(wanted)
    if key not in statements or not wanted:
        return []
    found: dict[str, TimelineItem] = {}  # a statement of the entity about itself is both an in and an out edge
    for s, o, n, d in chain(
        statements.out_edges(key, keys=True, data=True), statements.in_edges(key, keys=True, data=True)
    ):
        if n in wanted and d["date"] is not None:
            subject, obj = (entities[k].label if k in entities else k for k in (s, o))
            found[n] = TimelineItem(
                "relation",
                d["relation"],
                d["date"],
                _precision(d["date"]),
                f"{subject} {d['relation'].replace('_', ' ')} {obj}",
                (s, o),
                d["confidence"],
            )
    return list(found.values())


@dataclass(frozen=True)
class TimelineSlice:
    items: tuple[TimelineItem, ...]  # oldest first
    total: int  # dated relations and events that match, of which ``items`` are the newest


def _precision(date: str) -> str:
    return {1: "year", 2: "month", 3: "day"}[date.count("-") + 1]


def newest(items, limit: int) -> list[TimelineItem]:
    """The ``limit`` newest items (by their ISO date, a year before the days in it), oldest first."""
    return sorted(
        sorted(items, key=lambda i: i.date, reverse=True)[: max(limit, 0)], key=lambda i: (i.start, i.kind, i.label)
    )


_NODES = (
    PREFIXES
    + """
SELECT %(select)s WHERE { %(entity)s %(dated)s %(types)s %(dates)s }"""
)
#: How a node ``?n`` (of the class filled in) is dated on each axis: by its own date, or by its document's publication
#: (the document graph holds both); "as of" adds the publication date to the event axis.
_AXES = {
    "event": "?n a kg:%s ; kg:date ?date .",
    "reported": "GRAPH ?g { ?n a kg:%s . ?doc a kg:Document ; kg:published_date ?date }",
}
_EVENT_AS_OF = "?n a kg:%s ; kg:date ?date . GRAPH ?g { ?n a kg:%s . ?doc a kg:Document ; kg:published_date ?reported }"
AXES = tuple(_AXES)
_NEWEST = "\nORDER BY DESC(STR(?date)) LIMIT %d"  # not by ?n too: comparing IRIs decodes them


def _literal_values(var: str, texts: Iterable[str]) -> str:
    """``VALUES ?var { "…" … }`` from plain strings, each written as a SPARQL literal by pyoxigraph (escaped)."""
    return f"VALUES ?{var} {{ {' '.join(str(ox.Literal(t)) for t in texts)} }}"


def _dates_filter(date_from: str | None, date_to: str | None, as_of: str | None = None, reported: str = "?date") -> str:
    parts = [f"STR({reported}) <= {ox.Literal(as_of + '~')}"] if as_of else []
    if date_from:
        parts.append(f"STR(?date) >= {ox.Literal(date_from)}")
    if date_to:
        parts.append(f"STR(?date) <= {ox.Literal(date_to + '~')}")
    return f"FILTER({' && '.join(parts)})" if parts else ""


def timeline_items(
    reader,
    entity: str | None = None,
    types: tuple[str, ...] = (),
    date_from: str | None = None,
    date_to: str | None = None,
    limit: int = Settings().timeline_limit,
    *,
    axis: str = "event",
    as_of: str | None = None,
) -> TimelineSlice:
    """The ``limit`` newest dated relations and events, and how many match in all; narrowed (in SPARQL)
    to one entity, to relation or event ``types`` when given, and to a date range whose bounds are
    ISO prefixes ("2020" to "2025" covers 2020–2025). Details are looked up for the items kept only.

    ``axis`` is "event" (each item at the date its sentence gives) or "reported" (at its document's publication
    date: every relation and event of an article, dated or not); ``as_of`` (an ISO prefix) keeps what documents
    published by then state (a document dated "2025-05" counts from the first of May)."""
    if axis not in _AXES:
        raise ValueError(f"unknown time axis {axis!r}; use one of {', '.join(_AXES)}")
    dates = _dates_filter(date_from, date_to, as_of, "?reported" if axis == "event" else "?date")

    def dated(cls: str) -> str:
        return _EVENT_AS_OF % (cls, cls) if as_of and axis == "event" else _AXES[axis] % cls

    entity_values = values_clause("e", [entity_node(entity)]) if entity else ""
    relation_types = [t for t in types if t in RELATIONS]
    event_types = [t for t in types if t not in RELATIONS]
    queries = {}  # kind -> (query template, its parts)
    if not types or relation_types:
        queries["relation"] = (
            _NODES,
            {
                "entity": f"{entity_values} {{ ?n rdf:subject ?e }} UNION {{ ?n rdf:object ?e }}" if entity else "",
                "dated": dated("Statement"),
                "types": f"?n rdf:predicate ?p . {values_clause('p', map(relation_node, relation_types))}"
                if relation_types
                else "",
                "dates": dates,
            },
        )
    if not types or event_types:
        queries["event"] = (
            _NODES,
            {
                "entity": f"{entity_values} ?n kg:participant/kg:entity ?e ." if entity else "",
                "dated": dated("EventRecord"),
                "types": f"?n kg:eventType ?type . {_literal_values('type', event_types)}" if event_types else "",
                "dates": dates,
            },
        )
    limit = max(limit, 0)
    kept, total = [], 0
    for kind, (query, parts) in queries.items():
        rows = [
            (row["date"].value, row["n"].value, kind)
            for row in reader.query(query % {**parts, "select": "DISTINCT ?n ?date"} + _NEWEST % limit)
        ]
        kept += rows
        if len(rows) < limit:  # the newest ones are all there are
            total += len(rows)
        else:
            [count] = reader.query(query % {**parts, "select": "(COUNT(DISTINCT ?n) AS ?all)"})
            total += int(count["all"].value)
    kept = sorted(kept, reverse=True)[:limit]
    of_kind = {kind: [n for _, n, k in kept if k == kind] for kind in ("relation", "event")}
    # on the reporting axis, each item at its document's publication date, not at the date its sentence gives
    at = {n: date for date, n, _ in kept} if axis == "reported" else {}
    items = [TimelineItem.of_relation(r, at.get(r.statement)) for r in relation_rows(reader, of_kind["relation"])]
    items += [TimelineItem.of_event(e, at.get(e.event)) for e in event_rows(reader, of_kind["event"])]
    return TimelineSlice(tuple(newest(items, limit)), total)


def timeline_types(reader) -> tuple[str, ...]:
    """The relation and event types of the graph (what a timeline can be narrowed to)."""
    found = {
        local_name(row["p"]) for row in reader.query(PREFIXES + "SELECT DISTINCT ?p WHERE { ?n rdf:predicate ?p }")
    }
    found |= {row["t"].value for row in reader.query(PREFIXES + "SELECT DISTINCT ?t WHERE { ?n kg:eventType ?t }")}
    return tuple(sorted(found))


def timeline_frame(items: list[TimelineItem]) -> pd.DataFrame:
    """One row per item, with start and end days, for tables and charts."""
    return pd.DataFrame(
        [
            {
                "start": pd.Timestamp(i.start),
                "end": pd.Timestamp(i.end),
                "date": i.date,
                "precision": i.precision,
                "year_inferred": i.year_inferred,
                "kind": i.kind,
                "type": i.type,
                "label": i.label,
                "confidence": i.confidence,
                "sentence": i.sentence,
            }
            for i in items
        ],
        columns=[
            "start",
            "end",
            "date",
            "precision",
            "year_inferred",
            "kind",
            "type",
            "label",
            "confidence",
            "sentence",
        ],
    )


#: A few strong colours, one per kind of fact (the legend names them in words); relation and event types by kind.
STORY_COLOURS = {
    "money and ownership": "#1f77b4",
    "partnership": "#2ca02c",
    "launch": "#ff7f0e",
    "stop or penalty": "#d62728",
    "people and competition": "#9467bd",
    "other": "#7f7f7f",
}
_STORY = {
    "money and ownership": {
        "invested_in",
        "acquired",
        "owns",
        "part_of",
        "founded",
        "listed_on",
        "investment",
        "acquisition",
        "listing",
        "funding",
        "ipo",
        "merger",
    },
    "partnership": {"partner_of", "participant_in", "partnership", "cooperation", "agreement"},
    "launch": {"launched", "relaunched", "published", "launch", "relaunch", "release"},
    "stop or penalty": {
        "suspended",
        "closed",
        "fined",
        "investigated",
        "suspension",
        "closure",
        "fine",
        "investigation",
        "ban",
        "penalty",
    },
    "people and competition": {"leads", "succeeded", "competes_with", "operates_on", "appointment", "resignation"},
}


def story_kind(type_: str) -> str:
    """The kind of fact a relation or event type is, as the timeline colours it.

    >>> story_kind("invested_in"), story_kind("fine"), story_kind("something new")
    ('money and ownership', 'stop or penalty', 'other')
    """
    return next((kind for kind, types in _STORY.items() if type_ in types), "other")


def merge_marks(items: Iterable[TimelineItem]) -> list[TimelineItem]:
    """One mark per fact: an event dropped where a relation says the same (same date, its entities among the
    event's participants), so "partnership: A, B" and "A partner of B" are not drawn twice.

    >>> rel = TimelineItem("relation", "partner_of", "2025-05", "month", "A partner of B", ("a", "b"))
    >>> ev = TimelineItem("event", "partnership", "2025-05", "month", "partnership: A, B", ("a", "b"))
    >>> [i.label for i in merge_marks([ev, rel])]
    ['A partner of B']
    """
    items = list(items)
    stated = {(i.date, frozenset(i.entities)) for i in items if i.kind == "relation"}
    return [
        i
        for i in items
        if i.kind != "event" or not any(date == i.date and ends <= set(i.entities) for date, ends in stated)
    ]


def lanes(
    items: Iterable[TimelineItem], by: str, focus: str | None = None, labels: Mapping[str, str] | None = None
) -> list[str]:
    """Each item's lane: ``by`` "counterpart" (the entities beside ``focus``, by label), "relation" (its type in
    words) or "fact" (its own label).

    >>> item = TimelineItem("relation", "partner_of", "2025", "year", "A partner of B", ("a", "b"))
    >>> lanes([item], "counterpart", "a", {"b": "B"}), lanes([item], "relation"), lanes([item], "fact")
    (['B'], ['partner of'], ['A partner of B'])
    """
    labels = labels or {}
    out = []
    for i in items:
        if by == "counterpart":
            others = [labels.get(k, k) for k in i.entities if k != focus] or [labels.get(focus or "", focus or "")]
            out.append(", ".join(others))
        elif by == "relation":
            out.append(i.type.replace("_", " "))
        else:
            out.append(i.label)
    return out


def time_axis(items: list[TimelineItem]) -> tuple[list[str], alt.Axis]:
    """The x domain (first and last day, padded) and an axis whose labels read at the span shown: days for a few
    weeks, months up to two years, years beyond (a hub's months are not squeezed under one year label).

    >>> domain, axis = time_axis([TimelineItem("relation", "owns", "2025-05-07", "day", "x", ())])
    >>> domain, axis.format
    (['2025-04-30', '2025-05-14'], '%d %b %Y')
    """
    import datetime as dt

    first = min(dt.date.fromisoformat(i.start) for i in items)
    last = max(dt.date.fromisoformat(i.end) for i in items)
    days = (last - first).days
    pad = max(days // 20, 7)
    lo, hi = first - dt.timedelta(days=pad), last + dt.timedelta(days=pad)
    if days <= 92:
        axis = alt.Axis(
            format="%d %b %Y", tickCount={"interval": "week", "step": 1}, labelAngle=0, labelOverlap="greedy"
        )
    elif days <= 800:
        step = 1 if days <= 400 else 3
        axis = alt.Axis(
            format="%b %Y", tickCount={"interval": "month", "step": step}, labelAngle=0, labelOverlap="greedy"
        )
    else:
        step = max(1, days // 365 // 12)
        axis = alt.Axis(format="%Y", tickCount={"interval": "year", "step": step}, labelAngle=0, labelOverlap="greedy")
    axis.title = None
    return [lo.isoformat(), hi.isoformat()], axis


def timeline_chart(
    items: list[TimelineItem], height: int | None = None, lane: list[str] | None = None
) -> alt.LayerChart:
    """One lane per ``lane`` value (default: each fact's label), every lane labelled; points for days, bars for
    months and years; a few strong colours by kind of fact with a legend in words; the evidence sentence on hover."""
    frame = timeline_frame(items)
    frame["lane"] = lane if lane is not None else frame["label"]
    frame["kind of fact"] = [story_kind(t) for t in frame["type"]]
    frame["inferred year"] = ["yes (from the publication date)" if y else "" for y in frame["year_inferred"]]
    height = height or max(120, min(26 * frame["lane"].nunique(), 1200))
    domain, axis = time_axis(items)
    colours = alt.Scale(domain=list(STORY_COLOURS), range=list(STORY_COLOURS.values()))
    base = alt.Chart(frame).encode(
        y=alt.Y(
            "lane:N",
            sort=alt.EncodingSortField("start", op="min"),
            title=None,
            axis=alt.Axis(labelLimit=320, labelOverlap=False),
        ),
        color=alt.Color("kind of fact:N", scale=colours, legend=alt.Legend(title="kind of fact", orient="top")),
        tooltip=[
            alt.Tooltip("label:N", title="fact"),
            "date:N",
            "precision:N",
            "inferred year:N",
            alt.Tooltip("confidence:Q", format=".2f"),
            alt.Tooltip("sentence:N", title="evidence"),
        ],
    )
    x = alt.X("start:T", title=None, axis=axis, scale=alt.Scale(domain=domain))
    spans = (
        base.transform_filter(alt.datum.precision != "day").mark_bar(height=10, opacity=0.85).encode(x=x, x2="end:T")
    )
    points = base.transform_filter(alt.datum.precision == "day").mark_point(filled=True, size=90, opacity=1).encode(x=x)
    # alt.layer gives a FacetChart only when given facet arguments: none here
    return cast(alt.LayerChart, alt.layer(spans, points)).properties(height=height)
