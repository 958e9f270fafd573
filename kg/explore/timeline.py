"""Every dated relation and event on one time axis, drawn by the precision the text gives.

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

    @property
    def start(self) -> str:
        return date_bounds(self.date)[0]

    @property
    def end(self) -> str:
        return date_bounds(self.date)[1]

    @classmethod
    def of_relation(cls, row: RelationRow) -> TimelineItem:
        """A dated relation ("Alibaba invested in Xiaohongshu"), with its first evidence sentence."""
        return cls("relation", row.predicate, row.date, row.precision or _precision(row.date),
                   f"{row.subject.label} {row.predicate.replace('_', ' ')} {row.object.label}", (row.subject.key, row.object.key),
                   row.confidence, row.evidence[0].sentence if row.evidence else "")

    @classmethod
    def of_event(cls, row: EventRow) -> TimelineItem:
        """A dated event ("partnership: Taotian, Xiaohongshu"), its participants in key order."""
        labels = {ref.key: ref.label for ref, _ in row.participants}
        keys = tuple(sorted(labels))
        return cls("event", row.type, row.date, row.precision or _precision(row.date),
                   f"{row.type}: {', '.join(labels[k] for k in keys)}", keys, row.confidence,
                   row.evidence[0].sentence if row.evidence else "")


def statement_items(statements: nx.MultiDiGraph, key: str, wanted: Iterable[str],
                    entities: Mapping[str, EntityRef]) -> list[TimelineItem]:
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
    for s, o, n, d in chain(statements.out_edges(key, keys=True, data=True), statements.in_edges(key, keys=True, data=True)):
        if n in wanted and d["date"] is not None:
            subject, obj = (entities[k].label if k in entities else k for k in (s, o))
            found[n] = TimelineItem("relation", d["relation"], d["date"], _precision(d["date"]),
                                    f"{subject} {d['relation'].replace('_', ' ')} {obj}", (s, o), d["confidence"])
    return list(found.values())


@dataclass(frozen=True)
class TimelineSlice:
    items: tuple[TimelineItem, ...]  # oldest first
    total: int  # dated relations and events that match, of which ``items`` are the newest


def _precision(date: str) -> str:
    return {1: "year", 2: "month", 3: "day"}[date.count("-") + 1]


def newest(items, limit: int) -> list[TimelineItem]:
    """The ``limit`` newest items (by their ISO date, a year before the days in it), oldest first."""
    return sorted(sorted(items, key=lambda i: i.date, reverse=True)[:max(limit, 0)], key=lambda i: (i.start, i.kind, i.label))


_RELATION_NODES = PREFIXES + """
SELECT %(select)s WHERE { %(entity)s ?n a kg:Statement ; kg:date ?date . %(types)s %(dates)s }"""
_EVENT_NODES = PREFIXES + """
SELECT %(select)s WHERE { %(entity)s ?n a kg:EventRecord ; kg:date ?date . %(types)s %(dates)s }"""
_NEWEST = "\nORDER BY DESC(STR(?date)) LIMIT %d"  # not by ?n too: comparing IRIs decodes them


def _dates_filter(date_from: str | None, date_to: str | None) -> str:
    parts = []
    if date_from:
        parts.append(f"STR(?date) >= {ox.Literal(date_from)}")
    if date_to:
        parts.append(f"STR(?date) <= {ox.Literal(date_to + '~')}")
    return f"FILTER({' && '.join(parts)})" if parts else ""


def timeline_items(reader, entity: str | None = None, types: tuple[str, ...] = (), date_from: str | None = None,
                   date_to: str | None = None, limit: int = Settings().timeline_limit) -> TimelineSlice:
    """The ``limit`` newest dated relations and events, and how many match in all; narrowed (in SPARQL)
    to one entity, to relation or event ``types`` when given, and to a date range whose bounds are
    ISO prefixes ("2020" to "2025" covers 2020–2025). Details are looked up for the items kept only."""
    dates = _dates_filter(date_from, date_to)
    entity_values = values_clause("e", [entity_node(entity)]) if entity else ""
    relation_types = [t for t in types if t in RELATIONS]
    event_types = [t for t in types if t not in RELATIONS]
    queries = {}  # kind -> (query template, its parts)
    if not types or relation_types:
        queries["relation"] = _RELATION_NODES, {
            "entity": f"{entity_values} {{ ?n rdf:subject ?e }} UNION {{ ?n rdf:object ?e }}" if entity else "",
            "types": f"?n rdf:predicate ?p . {values_clause('p', map(relation_node, relation_types))}" if relation_types else "",
            "dates": dates}
    if not types or event_types:
        queries["event"] = _EVENT_NODES, {
            "entity": f"{entity_values} ?n kg:participant/kg:entity ?e ." if entity else "",
            "types": f"?n kg:eventType ?type . VALUES ?type {{ {' '.join(str(ox.Literal(t)) for t in event_types)} }}"
                     if event_types else "",
            "dates": dates}
    limit = max(limit, 0)
    kept, total = [], 0
    for kind, (query, parts) in queries.items():
        rows = [(row["date"].value, row["n"].value, kind)
                for row in reader.query(query % {**parts, "select": "DISTINCT ?n ?date"} + _NEWEST % limit)]
        kept += rows
        if len(rows) < limit:  # the newest ones are all there are
            total += len(rows)
        else:
            [count] = reader.query(query % {**parts, "select": "(COUNT(DISTINCT ?n) AS ?all)"})
            total += int(count["all"].value)
    kept = sorted(kept, reverse=True)[:limit]
    items = [TimelineItem.of_relation(r) for r in relation_rows(reader, (n for _, n, kind in kept if kind == "relation"))]
    items += [TimelineItem.of_event(e) for e in event_rows(reader, (n for _, n, kind in kept if kind == "event"))]
    return TimelineSlice(tuple(newest(items, limit)), total)


def timeline_types(reader) -> tuple[str, ...]:
    """The relation and event types of the graph (what a timeline can be narrowed to)."""
    found = {local_name(row["p"]) for row in reader.query(PREFIXES + "SELECT DISTINCT ?p WHERE { ?n rdf:predicate ?p }")}
    found |= {row["t"].value for row in reader.query(PREFIXES + "SELECT DISTINCT ?t WHERE { ?n kg:eventType ?t }")}
    return tuple(sorted(found))


def timeline_frame(items: list[TimelineItem]) -> pd.DataFrame:
    """One row per item, with start and end days, for tables and charts."""
    return pd.DataFrame(
        [{"start": pd.Timestamp(i.start), "end": pd.Timestamp(i.end), "date": i.date, "precision": i.precision,
          "kind": i.kind, "type": i.type, "label": i.label, "confidence": i.confidence, "sentence": i.sentence}
         for i in items],
        columns=["start", "end", "date", "precision", "kind", "type", "label", "confidence", "sentence"],
    )


def timeline_chart(items: list[TimelineItem], height: int | None = None) -> alt.LayerChart:
    """Points for days, bars for months and years, one row per label, coloured by type."""
    frame = timeline_frame(items)
    height = height or max(120, min(22 * frame["label"].nunique(), 900))
    base = alt.Chart(frame).encode(
        y=alt.Y("label:N", sort=alt.EncodingSortField("start"), title=None, axis=alt.Axis(labelLimit=320)),
        color=alt.Color("type:N", title="type"),
        tooltip=["date:N", "precision:N", "type:N", "label:N", "confidence:Q", "sentence:N"],
    )
    spans = base.transform_filter(alt.datum.precision != "day").mark_bar(height=8, opacity=0.6).encode(
        x=alt.X("start:T", title=None), x2="end:T")
    points = base.transform_filter(alt.datum.precision == "day").mark_point(filled=True, size=80).encode(x="start:T")
    return alt.layer(spans, points).properties(height=height)
