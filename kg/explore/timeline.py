"""Every dated relation and event on one time axis, drawn by the precision the text gives.

A day is a point; a month or a year is a span from its first to its last day (so "2021" is not
mistaken for 1 January 2021).

>>> item = TimelineItem("relation", "partner_of", "2025-05", "month", "A partner of B", ("a", "b"))
>>> item.start, item.end
('2025-05-01', '2025-05-31')
>>> isinstance(timeline_chart([item]), alt.LayerChart)
True
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

import altair as alt
import pandas as pd
import pyoxigraph as ox

from kg.explore.entity import node_properties
from kg.explore.terms import KG_NS, PREFIXES, date_bounds, describe_entities, entity_key, entity_node, local_name, value


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


_RELATIONS = PREFIXES + """
SELECT ?e ?n ?s ?p ?o ?date WHERE {
  %(entity)s
  ?n a kg:Statement ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; kg:date ?date .
  %(dates)s
}"""

_EVENTS = PREFIXES + """
SELECT ?e ?n ?type ?date ?x WHERE {
  %(entity)s
  ?n a kg:EventRecord ; kg:eventType ?type ; kg:date ?date ; kg:participant/kg:entity ?x .
  %(dates)s
}"""

_PRECISION = {1: "year", 2: "month", 3: "day"}


def _dates_filter(date_from: str | None, date_to: str | None) -> str:
    import pyoxigraph as ox

    parts = []
    if date_from:
        parts.append(f"STR(?date) >= {ox.Literal(date_from)}")
    if date_to:
        parts.append(f"STR(?date) <= {ox.Literal(date_to + '~')}")
    return f"FILTER({' && '.join(parts)})" if parts else ""


def timeline_items(reader, entity: str | None = None, types: tuple[str, ...] = (), date_from: str | None = None,
                   date_to: str | None = None) -> list[TimelineItem]:
    """Dated relations and events, oldest first; narrowed (in SPARQL) to one entity and a date range,
    and to relation or event ``types`` when given. Bounds are ISO prefixes: "2020" to "2025" covers 2020–2025."""
    bindings = {"e": entity_node(entity)} if entity else None
    dates = _dates_filter(date_from, date_to)
    rel_rows = list({r["n"].value: r for r in reader.query(_RELATIONS % {
        "entity": "{ ?n rdf:subject ?e } UNION { ?n rdf:object ?e }" if entity else "", "dates": dates,
    }, bindings)}.values())  # one row per statement, though it may be stated in several graphs
    event_rows: dict[str, list] = defaultdict(list)
    for row in reader.query(_EVENTS % {"entity": "?n kg:participant/kg:entity ?e ." if entity else "", "dates": dates}, bindings):
        event_rows[row["n"].value].append(row)
    # precision, confidence and a sentence, looked up by subject (cheap) rather than joined (a scan)
    props = node_properties(reader, [r["n"] for r in rel_rows] + [ox.NamedNode(n) for n in event_rows])
    first_evidence = {n: p[KG_NS + "evidence"][0] for n, p in props.items() if p.get(KG_NS + "evidence")}
    sentences = node_properties(reader, first_evidence.values())
    detail = lambda n, name: value(props.get(n, {}).get(KG_NS + name, [None])[0])  # noqa: E731

    def sentence(n: str) -> str:
        ev = first_evidence.get(n)
        found = sentences.get(ev.value, {}).get(KG_NS + "sentence") if ev is not None else None
        return found[0].value if found else ""

    refs = describe_entities(reader, [entity_key(r[v]) for r in rel_rows for v in ("s", "o")]
                             + [entity_key(r["x"]) for rows in event_rows.values() for r in rows])
    items = []
    for r in rel_rows:
        n, s, p, o = r["n"].value, entity_key(r["s"]), local_name(r["p"]), entity_key(r["o"])
        date = r["date"].value
        items.append(TimelineItem(
            "relation", p, date, detail(n, "datePrecision") or _PRECISION[date.count("-") + 1],
            f"{refs[s].label} {p.replace('_', ' ')} {refs[o].label}", (s, o), detail(n, "confidence"), sentence(n),
        ))
    for n, rows in event_rows.items():
        r = rows[0]
        keys = tuple(sorted({entity_key(x["x"]) for x in rows}))
        date = r["date"].value
        items.append(TimelineItem(
            "event", r["type"].value, date, detail(n, "datePrecision") or _PRECISION[date.count("-") + 1],
            f"{r['type'].value}: {', '.join(refs[k].label for k in keys)}", keys, detail(n, "confidence"), sentence(n),
        ))
    if types:
        items = [i for i in items if i.type in types]
    return sorted(items, key=lambda i: (i.start, i.kind, i.label))


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
