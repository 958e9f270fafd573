"""The SPARQL console's logic: the example gallery, and the shapes a result can be shown in.

A result (:class:`kg.query.QueryResult`) is always a table; it is also a graph when it is made of
triples (a CONSTRUCT, or a SELECT whose columns are subject/predicate/object or s/p/o), and a
timeline when one of its columns holds dates.

>>> [e.id for e in load_examples()][:2]
['connected-to-xiaohongshu', 'between-2020-and-2025']
>>> compact(ox.NamedNode("https://w3id.org/kg-explorer/ontology#owns"))
'kg:owns'
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import resources

import pandas as pd
import pyoxigraph as ox
import yaml

from kg.explore.neighbourhood import MORE, Edge, Node, Subgraph
from kg.explore.terms import DATE_TYPES, ENTITY_NS, NAMESPACES, local_name
from kg.explore.timeline import TimelineItem
from kg.vocab import ID

_SHORT = {**NAMESPACES, "ent": ENTITY_NS, "id": str(ID)}


@dataclass(frozen=True)
class Example:
    id: str
    title: str
    question: str
    query: str


def load_examples() -> list[Example]:
    """The gallery, from ``kg/explore/examples.yaml``."""
    text = resources.files("kg.explore").joinpath("examples.yaml").read_text(encoding="utf-8")
    return [Example(e["id"], e["title"], e["question"], e["query"].strip()) for e in yaml.safe_load(text)]


def compact(term) -> str:
    """A term as the table shows it: literals by value, IRIs with a prefix when one fits."""
    if term is None:
        return ""
    if isinstance(term, ox.NamedNode):
        for prefix, ns in sorted(_SHORT.items(), key=lambda kv: -len(kv[1])):
            if term.value.startswith(ns):
                return f"{prefix}:{term.value[len(ns):]}"
        return term.value
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    if isinstance(term, ox.Literal):
        return term.value
    return str(term)


def result_frame(result) -> pd.DataFrame:
    """A SELECT as a table of strings (ASK: one "boolean" cell; CONSTRUCT: subject/predicate/object)."""
    if result.kind == "ask":
        return pd.DataFrame({"boolean": [bool(result.boolean)]})
    if result.kind == "construct":
        rows = [(compact(t.subject), compact(t.predicate), compact(t.object)) for t in result.triples]
        return pd.DataFrame(rows, columns=["subject", "predicate", "object"])
    return pd.DataFrame([[compact(t) for t in row] for row in result.rows], columns=list(result.columns))


_TRIPLE_COLUMNS = (("subject", "predicate", "object"), ("s", "p", "o"))


def triples(result) -> list[tuple]:
    """The result's (subject, predicate, object) terms when it is made of triples, else []."""
    if result.kind == "construct":
        return [(t.subject, t.predicate, t.object) for t in result.triples]
    if result.kind != "select":
        return []
    names = [c.lower() for c in result.columns]
    for cols in _TRIPLE_COLUMNS:
        if all(c in names for c in cols):
            idx = [names.index(c) for c in cols]
            return [tuple(row[i] for i in idx) for row in result.rows if all(row[i] is not None for i in idx)]
    return []


def triples_subgraph(rows: list[tuple], max_nodes: int) -> Subgraph:
    """Triples as a drawable subgraph of at most ``max_nodes`` nodes (a "+N more" node for the rest).
    Literal objects of RDF triples (subject and predicate not literals) are left out of the drawing; rows of
    labels (a SELECT binding all three to literals) are drawn. Edges are labelled by the predicate's local name."""
    labels: dict[str, str] = {}
    label_p = "http://www.w3.org/2000/01/rdf-schema#label"
    for s, p, o in rows:
        if isinstance(p, ox.NamedNode) and p.value == label_p and isinstance(o, ox.Literal):
            labels[compact(s)] = o.value
    sub = Subgraph(focus="")
    edges: dict[tuple, Edge] = {}
    skipped = 0
    for s, p, o in rows:
        if isinstance(o, ox.Literal) and not isinstance(s, ox.Literal) and not isinstance(p, ox.Literal):
            continue
        a, b = compact(s), compact(o)
        new = [x for x in (a, b) if x not in sub.nodes]
        if len(sub.nodes) + len(new) > max_nodes - 1:
            skipped += 1
            continue
        for x in new:
            sub.nodes[x] = Node(x, labels.get(x, x.removeprefix("ent:")), "Other", 1)
        rel = local_name(p) if isinstance(p, ox.NamedNode) else compact(p)
        edges[(a, b, rel)] = Edge(a, b, rel)
    if sub.nodes:
        sub.focus = next(iter(sub.nodes))
    if skipped:
        sub.nodes["+more"] = Node("+more", f"+{skipped} more", MORE, 1, hidden=skipped)
    sub.edges = list(edges.values())
    return sub


_ISO = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def date_column(result) -> str | None:
    """The first column of a SELECT whose values are dates (typed, or ISO strings in a column named *date*)."""
    if result.kind != "select":
        return None
    for i, name in enumerate(result.columns):
        values = [row[i] for row in result.rows if row[i] is not None]
        if not values or not all(isinstance(v, ox.Literal) for v in values):
            continue
        if all(v.datatype.value in DATE_TYPES for v in values):
            return name
        if "date" in name.lower() and all(_ISO.match(v.value) for v in values):
            return name
    return None


def result_timeline(result, column: str) -> list[TimelineItem]:
    """Rows with a date in ``column`` as timeline items, labelled by their other (non-sentence) values."""
    i = result.columns.index(column)
    items = []
    for row in result.rows:
        term = row[i]
        if term is None or not _ISO.match(term.value):
            continue
        others = [compact(t) for j, t in enumerate(row) if j != i and t is not None and len(compact(t)) <= 80]
        precision = {1: "year", 2: "month", 3: "day"}[term.value.count("-") + 1]
        items.append(TimelineItem("row", column, term.value, precision, " · ".join(others[:4]) or term.value, ()))
    return items
