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
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from importlib import resources
from urllib.parse import quote

import pandas as pd
import pyoxigraph as ox
import yaml

from kg.explore.neighbourhood import MORE, Edge, Node, Subgraph
from kg.explore.terms import DATE_TYPES, ENTITY_NS, NAMESPACES, EntityRef, doc_key, entity_key, local_name
from kg.explore.timeline import TimelineItem
from kg.vocab import ID, KG

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
                return f"{prefix}:{term.value[len(ns) :]}"
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


# --- the editor's completions, errors that point at the query, result cells that link -----------------------------
SPARQL_KEYWORDS = (
    "SELECT",
    "DISTINCT",
    "WHERE",
    "OPTIONAL",
    "FILTER",
    "UNION",
    "MINUS",
    "BIND",
    "VALUES",
    "GRAPH",
    "ORDER BY",
    "GROUP BY",
    "HAVING",
    "LIMIT",
    "OFFSET",
    "ASK",
    "CONSTRUCT",
    "DESCRIBE",
    "PREFIX",
    "AS",
    "COUNT",
    "SUM",
    "MIN",
    "MAX",
    "AVG",
    "SAMPLE",
    "GROUP_CONCAT",
    "STR",
    "LANG",
    "REGEX",
    "CONTAINS",
    "STRSTARTS",
    "STRAFTER",
    "LCASE",
    "BOUND",
    "IF",
    "COALESCE",
    "EXISTS",
    "NOT EXISTS",
    "DESC",
    "ASC",
    "YEAR",
)
#: Terms of other vocabularies the graph uses (docs/graph-model.md), offered with kg:'s own.
_OTHER_TERMS = (
    "rdf:type",
    "rdf:subject",
    "rdf:predicate",
    "rdf:object",
    "rdfs:label",
    "skos:altLabel",
    "dcterms:title",
    "dcterms:source",
    "schema:url",
    "xsd:date",
    "xsd:gYear",
    "xsd:gYearMonth",
    "oa:TextQuoteSelector",
)


@dataclass(frozen=True)
class Completion:
    """One suggestion of the editor: ``text`` is inserted, ``match`` is what typing matches (a label for an
    entity, else the text), ``kind`` is shown beside it."""

    text: str
    kind: str  # "prefix" | "class" | "property" | "entity" | "keyword"
    match: str = ""
    hint: str = ""


def completions(entities: Iterable[EntityRef] = ()) -> list[Completion]:
    """What the editor completes: the declared prefixes, kg:'s classes and properties and the graph's other
    terms, SPARQL keywords, and ``entities`` (inserted as ``ent:<key>``, matched by label).

    >>> found = {c.text: c for c in completions([EntityRef("jd.com", "JD.com", "Organization")])}
    >>> found["kg:Organization"].kind, found["kg:partner_of"].kind, found["ent:jd.com"].match, found["ent:"].kind
    ('class', 'property', 'JD.com', 'prefix')
    """
    out = [Completion(f"{p}:", "prefix", hint=ns) for p, ns in {**NAMESPACES, "ent": ENTITY_NS}.items()]
    for term in (t for t in KG.__annotations__ if not t.startswith("_")):
        out.append(Completion(f"kg:{term}", "class" if term[0].isupper() else "property"))
    out += [Completion(t, "class" if t.split(":")[1][0].isupper() else "property") for t in _OTHER_TERMS]
    out += [Completion(k, "keyword") for k in SPARQL_KEYWORDS]
    out += [Completion(f"ent:{quote(e.key, safe='')}", "entity", e.label, e.type) for e in entities]
    return out


_AT = re.compile(r"(?:line (\d+), column (\d+)|error at (\d+):(\d+))")
_UNDECLARED = re.compile(r"(?<![\w<\"'?$])([A-Za-z][\w-]*):(?=[A-Za-z_])")
_DECLARED = re.compile(r"PREFIX\s+([A-Za-z][\w-]*)?:", re.I)
_CLEAN = re.compile(r"<[^>]*>|\"(?:[^\"\\]|\\.)*\"|'(?:[^'\\]|\\.)*'|#[^\n]*")


@dataclass(frozen=True)
class QueryProblem:
    """What is wrong with a query, for the console: the message, and where (1-based) with that line's text."""

    message: str
    line: int | None = None
    column: int | None = None
    text: str = ""

    @property
    def caret(self) -> str:
        """The line and a caret under the column, to show in monospace."""
        if self.line is None or self.column is None:
            return ""
        return f"{self.text}\n{' ' * (self.column - 1)}^"


def undeclared_prefixes(query: str) -> list[str]:
    """Prefixes a query uses that neither it nor the guard declares (outside IRIs, strings and comments).

    >>> undeclared_prefixes('SELECT ?x WHERE { ?x a foo:Bar ; rdfs:label "a:b" } # bar:baz')
    ['foo']
    """
    clean = _CLEAN.sub(" ", query)
    declared = set(NAMESPACES) | {m.group(1) or "" for m in _DECLARED.finditer(clean)}
    return sorted({m.group(1) for m in _UNDECLARED.finditer(clean)} - declared)


def with_entity_prefix(query: str) -> tuple[str, int]:
    """The query with ``PREFIX ent: <…/id/entity/>`` declared on a line of its own when it uses ``ent:`` without
    declaring it (completed entity names are ``ent:<key>``), and the number of lines added before the user's text.

    >>> with_entity_prefix("SELECT * { ent:jd.com ?p ?o }")[1], with_entity_prefix("SELECT * { ?s ?p ?o }")[1]
    (1, 0)
    """
    if "ent" not in undeclared_prefixes(query):
        return query, 0
    return f"PREFIX ent: <{ENTITY_NS}>\n{query}", 1


def query_problem(message: str, query: str, added_lines: int = 0) -> QueryProblem:
    """The guard's message about ``query`` made to point at the user's text: an undeclared prefix by name (the
    parser only lists the characters it expected), a position as line, column and that line (the message counts
    ``added_lines`` lines that were run before the user's text).

    >>> p = query_problem("SPARQL syntax error at line 2, column 5: expected var here", "SELECT *\\nWHERE { ?s = }")
    >>> p.line, p.column, p.caret.splitlines()[1]
    (2, 5, '    ^')
    >>> query_problem("SPARQL error: expected one of Prefix not found, ['%']", "SELECT * { ?s a foo:X }").message[:60]
    'foo: is not a declared prefix: declare it (PREFIX foo: <…>) '
    """
    lines = query.splitlines() or [""]
    unknown = [p for p in undeclared_prefixes(query) if p != "ent"]  # ent: is declared for the user when used
    if unknown and "Prefix not found" in message:
        first = unknown[0]
        line = next((i for i, text in enumerate(lines, 1) if f"{first}:" in text), None)
        known = ", ".join(f"{p}:" for p in [*NAMESPACES, "ent"])
        return QueryProblem(
            f"{first}: is not a declared prefix: declare it (PREFIX {first}: <…>) or use one of {known}",
            line,
            lines[line - 1].index(f"{first}:") + 1 if line else None,
            lines[line - 1] if line else "",
        )
    found = _AT.search(message)
    if not found:
        return QueryProblem(message)
    line, column = (int(g) for g in (found.groups()[:2] if found.group(1) else found.groups()[2:]))
    line -= added_lines  # counted in the text that was run: lines declared for the user come first
    message = message.split("\n", 1)[0]  # the guard's own copy of the line and caret: shown from the user's text
    if not 1 <= line <= len(lines):
        return QueryProblem(message)
    return QueryProblem(message, line, min(max(column, 1), len(lines[line - 1]) + 1), lines[line - 1])


def cell_link(term) -> tuple[str, str] | None:
    """(page, key) a result cell opens: an entity IRI its entity page, a document (or its graph) the document.

    >>> cell_link(ox.NamedNode(ENTITY_NS + "jd.com")), cell_link(ox.Literal("x"))
    (('entity', 'jd.com'), None)
    """
    if not isinstance(term, ox.NamedNode):
        return None
    if term.value.startswith(ENTITY_NS):
        return "entity", entity_key(term)
    if term.value.startswith((str(ID) + "doc/", str(ID) + "graph/")) and not term.value.endswith(
        ("/graph/kb", "/graph/meta", "/graph/labels", "/graph/claims")
    ):
        return "documents", doc_key(term)
    return None


def linked_rows(result, entities: Mapping[str, EntityRef] | None = None, limit: int | None = None) -> list[list[dict]]:
    """The first ``limit`` rows of a result as cells ``{"text": shown, "page": "entity"|"documents", "key": …}``
    (no page: plain text): an entity shown by its label when ``entities`` (the label index's) has it, else as
    ``ent:<key>``."""
    labels = entities or {}
    if result.kind == "ask":
        return [[{"text": str(bool(result.boolean)).lower()}]]
    terms = [(t.subject, t.predicate, t.object) for t in result.triples] if result.kind == "construct" else result.rows
    out = []
    for row in terms[:limit]:
        cells = []
        for term in row:
            link = cell_link(term)
            ref = labels.get(link[1]) if link and link[0] == "entity" else None
            text = ref.label if ref else compact(term)
            cells.append({"text": text, "page": link[0], "key": link[1]} if link else {"text": text})
        out.append(cells)
    return out


def result_columns(result) -> list[str]:
    if result.kind == "ask":
        return ["boolean"]
    return ["subject", "predicate", "object"] if result.kind == "construct" else list(result.columns)
