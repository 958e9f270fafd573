"""The graph view's data: the neighbourhood of a focus entity, filtered in SPARQL, bounded in size.

Each hop asks the store, in one query, for the statements touching the frontier that pass the
filters (relation types, entity types, date range, minimum confidence): one light row per statement
(its ends, relation, confidence), from which the exact count of neighbours per (node, relation,
direction) is known. Co-mentions come from a second query when asked for. The result is then cut:
at most ``settings.graph_max_per_relation`` neighbours per (node, relation, direction), highest
confidence first, and at most ``settings.graph_max_nodes`` nodes in all. Where it cuts, a "+N more"
node stands for the rest, and the "+N more" nodes count towards the cap too. Dates are then looked
up for the statements of the drawn edges only, and labels and types for the drawn nodes only.

Why one pass over the frontier's statements and not a bounded query per relation: an exact "+N more"
and "highest confidence first" need every statement's relation and confidence, and each query over
a node's statements costs the same however few rows it returns (on the 1,280 statements of the
1M-triple store's hub: 36 ms for every row, 26 ms for the counts alone, 7 ms for the top 50 of one
of its 18 (relation, direction) groups, so 130 ms for all groups). Rows cost ~1 µs each in Python.
The date, an OPTIONAL over every statement, doubled the pass (82 ms), and is needed for at most
``graph_max_nodes`` edges.

>>> sub = Subgraph(focus="a")
>>> sub.nodes["a"] = Node("a", "A", "Organization", 0)
>>> sub.to_networkx().nodes["a"]["label"]
'A'
"""

from __future__ import annotations

import io
from collections import defaultdict
from dataclasses import dataclass, field, replace

import networkx as nx
import pyoxigraph as ox

from kg.errors import ExportFormatError
from kg.explore.terms import (
    ENTITY_NS, KG_NS, PREFIXES, describe_entities, entity_key, entity_node, local_name, relation_node, value,
    values_clause,
)
from kg.vocab import ENTITY_TYPES, RELATIONS

COMENTION = "co-mentioned"
MORE = "more"  # the type of "+N more" nodes


@dataclass(frozen=True)
class GraphFilter:
    """What the graph view shows; every field is in the URL. Empty tuples mean "all"."""

    hops: int = 1
    types: tuple[str, ...] = ()  # coarse entity types of neighbours
    relations: tuple[str, ...] = ()  # relation local names
    date_from: str | None = None  # ISO prefix, e.g. "2020"; undated relations drop out when a range is set
    date_to: str | None = None
    min_confidence: float = 0.0
    comentions: bool = False


@dataclass(frozen=True)
class Node:
    key: str
    label: str
    type: str  # coarse type, or MORE
    depth: int
    hidden: int = 0  # for "+N more" nodes: how many neighbours it stands for


@dataclass(frozen=True)
class Edge:
    source: str
    target: str
    relation: str  # relation local name, COMENTION or MORE
    confidence: float | None = None
    date: str | None = None
    count: int = 1  # statements (or shared sentences) behind this edge


@dataclass
class Subgraph:
    focus: str
    nodes: dict[str, Node] = field(default_factory=dict)
    edges: list[Edge] = field(default_factory=list)

    @property
    def hidden(self) -> int:
        """Neighbours left out by the caps."""
        return sum(n.hidden for n in self.nodes.values())

    def entities(self) -> list[Node]:
        """The drawn entities (not the "+N more" nodes), focus first then by label."""
        return sorted((n for n in self.nodes.values() if n.type != MORE), key=lambda n: (n.depth, n.label.casefold()))

    def to_networkx(self) -> nx.MultiDiGraph:
        g = nx.MultiDiGraph()
        for n in self.nodes.values():
            g.add_node(n.key, label=n.label, type=n.type, depth=n.depth, hidden=n.hidden)
        for e in self.edges:
            g.add_edge(e.source, e.target, relation=e.relation, confidence=e.confidence or 0.0, date=e.date or "", count=e.count)
        return g


# One row per statement between a frontier node ?n and a neighbour ?x. Only kg:Statement nodes have
# rdf:subject, rdf:predicate and kg:confidence (kg.rdf writes a confidence on every statement, KB
# facts 1.0): a plain join, where an OPTIONAL confidence and a type check took half the time.
_STATEMENTS = PREFIXES + """
SELECT DISTINCT ?n ?p ?dir ?x ?st ?c %(date_var)s WHERE {
  %(frontier)s
  { ?st rdf:subject ?n ; rdf:object ?x . BIND("out" AS ?dir) } UNION { ?st rdf:object ?n ; rdf:subject ?x . BIND("in" AS ?dir) }
  ?st rdf:predicate ?p ; kg:confidence ?c .
  %(relations)s
  %(types)s
  FILTER(?c >= %(min_conf)s)
  %(dates)s
}"""

_STATEMENT_DATES = PREFIXES + "SELECT ?st ?d WHERE { %s ?st kg:date ?d }"
_DATES_CHUNK = 500  # statements per query

_COMENTION_EDGES = PREFIXES + """
SELECT ?n ?x (SUM(COALESCE(?k, 1)) AS ?count) WHERE {
  %(frontier)s
  ?cm a kg:CoMention ; kg:member ?n, ?x . FILTER(?x != ?n)
  OPTIONAL { ?cm kg:mentionCount ?k }
  %(types)s
} GROUP BY ?n ?x"""


def _query_parts(flt: GraphFilter, frontier: list[str]) -> dict[str, str]:
    relations = [r for r in flt.relations if r in RELATIONS]
    types = [t for t in flt.types if t in ENTITY_TYPES]
    dates = []
    if flt.date_from:
        dates.append(f"STR(?d) >= {ox.Literal(flt.date_from)}")
    if flt.date_to:
        # "2024" as an upper bound includes every day of 2024: compare against the bound followed by "~"
        dates.append(f"STR(?d) <= {ox.Literal(flt.date_to + '~')}")
    return {
        "frontier": values_clause("n", (entity_node(k) for k in frontier)),
        "relations": values_clause("p", (relation_node(r) for r in relations)) if flt.relations else "",
        "types": ("?x a ?xt . " + values_clause("xt", (ox.NamedNode(KG_NS + t) for t in types))) if flt.types else "",
        "min_conf": str(ox.Literal(repr(float(flt.min_confidence)), datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#double"))),
        "dates": f"?st kg:date ?d . FILTER({' && '.join(dates)})" if dates else "",
        "date_var": "?d" if dates else "",
    }


def neighbourhood(reader, focus: str, flt: GraphFilter, settings) -> Subgraph:
    """The focus entity and its neighbours to ``flt.hops`` hops, filtered and capped (see the module doc)."""
    max_nodes = max(int(settings.graph_max_nodes), 2)
    per_relation = max(int(settings.graph_max_per_relation), 1)
    sub = Subgraph(focus=focus)
    sub.nodes[focus] = Node(focus, focus, "Other", 0)
    edges: dict[tuple[str, str, str], Edge] = {}
    statements: dict[tuple[str, str, str], set[str]] = {}  # drawn edge -> its statements (for their dates)
    dates: dict[str, str] = {}  # statement -> its first date
    dated = bool(flt.date_from or flt.date_to)  # the date filter reads the dates in the statements' query
    depth: dict[str, int] = {focus: 0}
    more_slots = 0  # "+N more" nodes created so far
    overflow = 0  # neighbours cut where no "+N more" node could be drawn: one final node stands for them
    frontier = [focus]

    decoded: dict[str, str] = {}

    def names(iri: str, decode) -> str:  # a hub's neighbours come back once per statement: decode each IRI once
        name = decoded.get(iri)
        if name is None:
            name = decoded[iri] = decode(iri)
        return name

    def room() -> int:  # nodes still drawable, keeping one slot for the final "+N more"
        return max_nodes - 1 - len(depth) - more_slots

    for hop in range(1, max(1, min(int(flt.hops), 2)) + 1):
        parts = _query_parts(flt, frontier)
        # (node, relation, direction) -> neighbour -> [highest confidence, statements]
        groups: dict[tuple[str, str, str], dict[str, list]] = defaultdict(dict)
        for n, p, direction, x, st, c, *d in reader.query(_STATEMENTS % parts):  # terms in SELECT order
            if not x.value.startswith(ENTITY_NS):
                continue
            member = groups[(names(n.value, entity_key), names(p.value, local_name), direction.value)].setdefault(
                names(x.value, entity_key), [0.0, set()])
            member[0] = max(member[0], value(c))
            member[1].add(st.value)
            if dated:
                dates[st.value] = min(dates.get(st.value, d[0].value), d[0].value)
        if flt.comentions:
            for row in reader.query(_COMENTION_EDGES % parts):
                groups[(entity_key(row["n"]), COMENTION, "out")][entity_key(row["x"])] = [None, int(value(row["count"]))]
        next_frontier: list[str] = []
        for (n, rel, direction), members in sorted(groups.items()):
            ranked = sorted(members.items(), key=lambda m: (-(m[1][0] if m[1][0] is not None else 0.0), -_count(m[1][1]), m[0]))
            shown = 0
            cut = 0
            for x, (conf, behind) in ranked:
                if x == n:
                    continue
                known = x in depth
                if not known and (shown >= per_relation or room() <= 0):
                    cut += 1
                    continue
                if not known:
                    depth[x] = hop
                    next_frontier.append(x)
                shown += 1
                a, b = (n, x) if direction == "out" else (x, n)
                if rel == COMENTION:
                    a, b = min(a, b), max(a, b)
                edges[(a, b, rel)] = Edge(a, b, rel, conf, None, _count(behind))
                if isinstance(behind, set):
                    statements[(a, b, rel)] = behind
            if cut:
                if room() > 0:
                    more_slots += 1
                    more = f"+more:{n}:{rel}:{direction}"
                    sub.nodes[more] = Node(more, f"+{cut} more", MORE, hop, hidden=cut)
                    a, b = (n, more) if direction == "out" else (more, n)
                    edges[(a, b, rel)] = Edge(a, b, rel, count=cut)
                else:
                    overflow += cut
        frontier = next_frontier
        if not frontier:
            break
    if not dated:  # read the dates of the drawn statements only
        drawn = sorted({st for sts in statements.values() for st in sts})
        for i in range(0, len(drawn), _DATES_CHUNK):
            chunk = values_clause("st", (ox.NamedNode(st) for st in drawn[i:i + _DATES_CHUNK]))
            for row in reader.query(_STATEMENT_DATES % chunk):
                dates[row["st"].value] = min(dates.get(row["st"].value, row["d"].value), row["d"].value)
    for key, sts in statements.items():
        first = min((dates[st] for st in sts if st in dates), default=None)
        if first:
            edges[key] = replace(edges[key], date=first)
    refs = describe_entities(reader, depth)
    for key, d in depth.items():
        sub.nodes[key] = Node(key, refs[key].label, refs[key].type, d)
    if overflow:
        more = "+more:overflow"
        sub.nodes[more] = Node(more, f"+{overflow} more", MORE, 1, hidden=overflow)
        edges[(focus, more, MORE)] = Edge(focus, more, MORE, count=overflow)
    sub.edges = sorted(edges.values(), key=lambda e: (e.source, e.target, e.relation))
    return sub


def _count(behind: set[str] | int) -> int:
    """Statements behind an edge (a set of them), or shared sentences of a co-mention (a number)."""
    return len(behind) if isinstance(behind, set) else behind


_DATE_RANGE = PREFIXES + "SELECT (MIN(STR(?d)) AS ?lo) (MAX(STR(?d)) AS ?hi) WHERE { { ?n kg:date ?d } }"


def year_range(reader) -> tuple[int, int] | None:
    """First and last year of any dated statement, event or quantity (for the date slider)."""
    for row in reader.query(_DATE_RANGE):
        if row["lo"] is None:
            return None
        return int(row["lo"].value[:4]), int(row["hi"].value[:4])
    return None


#: Formats :func:`export_view` writes.
VIEW_FORMATS = ("ttl", "jsonld", "graphml", "gexf")


def export_view(sub: Subgraph, fmt: str) -> bytes:
    """The drawn view as ``ttl``, ``jsonld`` (its direct relation triples, labels and types), ``graphml`` or ``gexf``."""
    if fmt not in VIEW_FORMATS:
        raise ExportFormatError(f"unknown view format {fmt!r}; use one of {', '.join(VIEW_FORMATS)}")
    if fmt in ("graphml", "gexf"):
        out = io.BytesIO()
        (nx.write_graphml if fmt == "graphml" else nx.write_gexf)(sub.to_networkx(), out)
        return out.getvalue()
    rdf_type = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
    label = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
    triples = []
    for n in sub.entities():
        triples.append(ox.Triple(entity_node(n.key), label, ox.Literal(n.label)))
        triples.append(ox.Triple(entity_node(n.key), rdf_type, ox.NamedNode(KG_NS + n.type)))
    for e in sub.edges:
        if e.relation in RELATIONS:
            triples.append(ox.Triple(entity_node(e.source), relation_node(e.relation), entity_node(e.target)))
    form = ox.RdfFormat.TURTLE if fmt == "ttl" else ox.RdfFormat.JSON_LD
    return ox.serialize(triples, format=form, prefixes={"kg": KG_NS, "ent": ENTITY_NS} if fmt == "ttl" else None)
