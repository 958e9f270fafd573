"""The home page's numbers: what the graph holds, who is central, what was read last, when it changed.

>>> G = nx.Graph([("a", "b"), ("a", "c")])
>>> [(r.key, r.degree) for r in centrality(G, {}, limit=1)]
[('a', 2)]
"""

from __future__ import annotations

from dataclasses import dataclass

import networkx as nx
import pyoxigraph as ox

from kg.explore.terms import PREFIXES, EntityRef, doc_key, doc_node, local_name, text, values_clause
from kg.vocab import ENTITY_TYPES

_TYPE_VALUES = " ".join(f"kg:{t}" for t in ENTITY_TYPES)
_TYPE_COUNTS = (
    PREFIXES
    + f"""
SELECT ?t (COUNT(DISTINCT ?e) AS ?n) WHERE {{ ?e a ?t . VALUES ?t {{ {_TYPE_VALUES} }} }} GROUP BY ?t"""
)

_RELATION_COUNTS = (
    PREFIXES
    + """
SELECT ?p (COUNT(DISTINCT ?st) AS ?n) WHERE { ?st a kg:Statement ; rdf:predicate ?p } GROUP BY ?p"""
)

_RECORD_COUNTS = (
    PREFIXES
    + """
SELECT ?c (COUNT(DISTINCT ?x) AS ?n) WHERE {
  ?x a ?c . VALUES ?c { kg:Document kg:Statement kg:EventRecord kg:Quantity kg:CoMention kg:Mention }
} GROUP BY ?c"""
)


def counts_by_type(reader) -> dict[str, int]:
    """Entities per coarse type."""
    return {local_name(r["t"]): int(r["n"].value) for r in reader.query(_TYPE_COUNTS)}


def counts_by_relation(reader) -> dict[str, int]:
    """Statements per relation, largest first."""
    counts = {local_name(r["p"]): int(r["n"].value) for r in reader.query(_RELATION_COUNTS)}
    return dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))


def record_counts(reader) -> dict[str, int]:
    """Documents, statements, events, quantities, co-mentions and mentions."""
    return {local_name(r["c"]): int(r["n"].value) for r in reader.query(_RECORD_COUNTS)}


@dataclass(frozen=True)
class Central:
    key: str
    label: str
    type: str
    degree: int
    pagerank: float


def centrality(G: nx.Graph, refs: dict[str, EntityRef], limit: int = 20) -> list[Central]:
    """The most central entities of the projection: by PageRank, then degree."""
    if G.number_of_nodes() == 0:
        return []
    rank = nx.pagerank(G, weight="statements") if G.number_of_edges() else {n: 1 / len(G) for n in G}
    top = sorted(G.nodes, key=lambda n: (-rank[n], -G.degree(n), n))[:limit]
    out = []
    for n in top:
        ref = refs.get(n, EntityRef(n, n, "Other"))
        out.append(Central(n, ref.label, ref.type, G.degree(n), round(rank[n], 4)))
    return out


_BUILT_AT = (
    PREFIXES
    + """
SELECT ?t WHERE { GRAPH <https://w3id.org/kg-explorer/id/graph/meta> { ?g kg:builtAt ?t } }"""
)


def built_at(reader) -> str | None:
    """When the graph last changed (the meta graph's kg:builtAt), ISO date-time."""
    times = [r["t"].value for r in reader.query(_BUILT_AT)]
    return max(times) if times else None


@dataclass(frozen=True)
class DocumentRow:
    id: str
    title: str
    published: str | None
    source: str
    url: str
    source_path: str
    language: str
    mentions: int
    evidence: int  # evidence sentences (facts read from it)


#: Newest publication first (an ISO string sorts a month after its year), undated last, then by title, then by
#: IRI (a total order, so pages cut by OFFSET never share or skip a document).
_DOCUMENT_ORDER = "ORDER BY (IF(BOUND(?published), 0, 1)) DESC(STR(?published)) COALESCE(?title, STR(?d)) STR(?d)"
#: The documents are picked (and cut to the page) on their sort keys alone; the rest of the metadata
#: is looked up for the picked ones only. ``%(match)s`` narrows the documents inside the sub-select.
_DOCUMENTS = (
    PREFIXES
    + """
SELECT ?d ?title ?published ?source ?url ?path ?lang WHERE {
  { SELECT DISTINCT ?d ?title ?published WHERE {
      %(match)s ?d a kg:Document . OPTIONAL { ?d dcterms:title ?title } OPTIONAL { ?d kg:published_date ?published }
    } %(order)s %(page)s }
  OPTIONAL { ?d dcterms:source ?source } OPTIONAL { ?d schema:url ?url }
  OPTIONAL { ?d kg:sourcePath ?path } OPTIONAL { ?d kg:language ?lang }
} %(order)s"""
)
_DOCUMENT_COUNT = (
    PREFIXES
    + """
SELECT (COUNT(DISTINCT ?d) AS ?n) WHERE { %(match)s ?d a kg:Document }"""
)
#: Counted apart from the metadata: one query joining both counts grouped every mention with every
#: piece of evidence per document (6.7 s against 1 s for three queries on a 1M-triple store).
_COUNT_PER_DOCUMENT = (
    PREFIXES + "SELECT ?d (COUNT(DISTINCT ?x) AS ?n) WHERE { %s ?x a kg:%s ; kg:document ?d } GROUP BY ?d"
)


def _title_match(title_contains: str) -> str:
    """The pattern keeping titles that contain the text, ignoring case; empty text keeps every document.
    The text is a literal in N-Triples syntax (escaped by pyoxigraph, so it cannot end the string): a
    VALUES inside the sub-select, because the reader's trailing ``bindings`` join outside it, after the cut."""
    if not title_contains:
        return ""
    return (
        f"VALUES ?needle {{ {ox.Literal(title_contains)} }} ?d dcterms:title ?title "
        "FILTER(CONTAINS(LCASE(STR(?title)), LCASE(?needle))) ."
    )


def documents(reader, limit: int | None = None, offset: int = 0, title_contains: str = "") -> list[DocumentRow]:
    """The articles with their metadata, newest publication first; only ``limit`` of them from ``offset`` when
    given (and only those are counted, so a page listing a few articles costs the same on any graph); only
    those whose title contains ``title_contains`` (ignoring case) when it is not empty."""
    page = ("" if limit is None else f"LIMIT {int(limit)}") + (f" OFFSET {int(offset)}" if offset else "")
    return _document_rows(reader, _title_match(title_contains), page, counted_all=limit is None)


def document(reader, doc_id: str) -> DocumentRow | None:
    """One article's row (metadata and counts) by its id; None if there is no such document."""
    rows = _document_rows(reader, values_clause("d", [doc_node(doc_id)]), "", counted_all=False)
    return rows[0] if rows else None


def document_count(reader, title_contains: str = "") -> int:
    """How many articles :func:`documents` lists with the same ``title_contains``."""
    return next(int(r["n"].value) for r in reader.query(_DOCUMENT_COUNT % {"match": _title_match(title_contains)}))


def _document_rows(reader, match: str, page: str, counted_all: bool) -> list[DocumentRow]:
    rows = list(reader.query(_DOCUMENTS % {"match": match, "order": _DOCUMENT_ORDER, "page": page}))
    if not rows:
        return []
    listed = "" if counted_all else values_clause("d", {r["d"] for r in rows})
    counts = {
        cls: {doc_key(r["d"]): int(r["n"].value) for r in reader.query(_COUNT_PER_DOCUMENT % (listed, cls))}
        for cls in ("Mention", "Evidence")
    }
    seen: dict[str, DocumentRow] = {}
    for r in rows:
        key = doc_key(r["d"])
        if key in seen:
            continue
        seen[key] = DocumentRow(
            id=key,
            title=text(r["title"]) or key,
            published=text(r["published"]),
            source=text(r["source"]) or "",
            url=text(r["url"]) or "",
            source_path=text(r["path"]) or "",
            language=text(r["lang"]) or "",
            mentions=counts["Mention"].get(key, 0),
            evidence=counts["Evidence"].get(key, 0),
        )
    return list(seen.values())
