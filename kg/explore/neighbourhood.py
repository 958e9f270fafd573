"""The graph view's data: the neighbourhood of a focus entity, filtered, bounded in size.

The statements come from the graph version's statement graph (:mod:`kg.explore.statements`: every
statement between two entities, with its relation, confidence and first date) and labels and types
from its entities by key (the label index's), both built once per graph version by the app. A view
then reads nothing from the store but co-mentions, when asked for: reading a hub's statements from
the store cost ~10 µs a statement however the query was shaped (66-71 ms for the 1,280 statements
of the 1M-triple store's hub), walking them in memory ~1 µs.

Each hop takes the statements touching the frontier that pass the filters (relation types, coarse
entity types of the neighbour, date range, minimum confidence), so the exact count of neighbours per
(node, relation, direction) is known. The result is then cut: at most
``settings.graph_max_per_relation`` neighbours per (node, relation, direction), highest confidence
first, and at most ``settings.graph_max_nodes`` nodes in all, dealt among the groups in turn (a hub
shows a few neighbours of each of its relations). Where it cuts, a "+N more" node stands for the rest,
and the "+N more" nodes count towards the cap too. What a group left out is counted from the entities
drawn (:func:`_drawn_neighbours`), not by reading the group: the view's cost follows what it draws, not
the hub's degree.

>>> sub = Subgraph(focus="a")
>>> sub.nodes["a"] = Node("a", "A", "Organization", 0)
>>> sub.to_networkx().nodes["a"]["label"]
'A'
"""

from __future__ import annotations

import io
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace

import networkx as nx
import pyoxigraph as ox

from kg.errors import ExportFormatError
from kg.explore.statements import Neighbour, rank, statement_graph, tally
from kg.explore.terms import (
    ENTITY_NS,
    KG_NS,
    PREFIXES,
    EntityRef,
    describe_entities,
    doc_key,
    entity_key,
    entity_node,
    relation_node,
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
        g: nx.MultiDiGraph[str] = nx.MultiDiGraph()  # node keys
        for n in self.nodes.values():
            g.add_node(n.key, label=n.label, type=n.type, depth=n.depth, hidden=n.hidden)
        for e in self.edges:
            g.add_edge(
                e.source,
                e.target,
                relation=e.relation,
                confidence=e.confidence or 0.0,
                date=e.date or "",
                count=e.count,
            )
        return g


_COMENTION_EDGES = (
    PREFIXES
    + """
SELECT ?n ?x (SUM(COALESCE(?k, 1)) AS ?count) WHERE {
  %s
  ?cm a kg:CoMention ; kg:member ?n, ?x . FILTER(?x != ?n)
  OPTIONAL { ?cm kg:mentionCount ?k }
} GROUP BY ?n ?x"""
)


def _relations(flt: GraphFilter) -> set[str] | None:
    """The relation types the filter keeps (None: all; names not in the vocabulary keep nothing)."""
    return {r for r in flt.relations if r in RELATIONS} if flt.relations else None


def _statement_filter(flt: GraphFilter) -> Callable[[dict], bool]:
    """Whether a statement (its attributes in the statement graph) passes the relation, confidence and date filters."""
    relations = _relations(flt)
    min_confidence = float(flt.min_confidence)
    lo = flt.date_from
    hi = flt.date_to + "~" if flt.date_to else None  # "2024" as an upper bound includes every day of 2024
    dated = bool(lo or hi)

    def passes(st: dict) -> bool:
        if relations is not None and st["relation"] not in relations:
            return False
        if st["confidence"] < min_confidence:
            return False
        if dated:  # undated statements drop out when a range is set
            date = st["date"]
            if date is None or (lo and date < lo) or (hi and date > hi):
                return False
        return True

    return passes


def _entity_lookup(reader, entities: Mapping[str, EntityRef] | None) -> Callable[[Iterable[str]], dict[str, EntityRef]]:
    """Keys -> their EntityRef: from ``entities`` when given (an entity missing there is shown by its key,
    as describe_entities shows an entity without label or type), else described from the store, each once."""
    if entities is not None:
        return lambda keys: {k: entities.get(k) or EntityRef(k, k, "Other") for k in keys}
    known: dict[str, EntityRef] = {}

    def lookup(keys: Iterable[str]) -> dict[str, EntityRef]:
        keys = list(keys)
        known.update(describe_entities(reader, (k for k in keys if k not in known)))
        return {k: known[k] for k in keys}

    return lookup


def _walk(
    statements: nx.MultiDiGraph, n: str, passes: Callable[[dict], bool]
) -> dict[tuple[str, str, str], list[Neighbour]]:
    """The groups of node ``n`` from its statements that pass the filters, ranked."""
    groups: dict[tuple[str, str, str], dict[str, list]] = defaultdict(dict)
    # edge views walk networkx's dicts directly: 3x faster than its nested adjacency views
    for direction, between in (("out", statements.out_edges(n, data=True)), ("in", statements.in_edges(n, data=True))):
        for source, target, st in between:
            if not passes(st):
                continue
            tally(groups[(n, st["relation"], direction)], target if direction == "out" else source, st)
    return {g: rank(members) for g, members in groups.items()}


def neighbourhood(
    reader,
    focus: str,
    flt: GraphFilter,
    settings,
    *,
    statements: nx.MultiDiGraph | None = None,
    entities: Mapping[str, EntityRef] | None = None,
) -> Subgraph:
    """The focus entity and its neighbours to ``flt.hops`` hops, filtered and capped (see the module doc).

    ``statements`` is the graph version's statement graph (:func:`kg.explore.statements.statement_graph`)
    and ``entities`` its entities by key (``LabelIndex.entities``): the app passes the ones it keeps per
    graph version, and then only co-mentions are read from ``reader``. Left out, they are built from
    ``reader``: the whole statement graph, and labels and types of the entities the view needs."""
    if statements is None:
        statements = statement_graph(reader)
    describe = _entity_lookup(reader, entities)
    passes = _statement_filter(flt)
    types = {t for t in flt.types if t in ENTITY_TYPES} if flt.types else None
    max_nodes = max(int(settings.graph_max_nodes), 2)
    per_relation = max(int(settings.graph_max_per_relation), 1)
    sub = Subgraph(focus=focus)
    sub.nodes[focus] = Node(focus, focus, "Other", 0)
    edges: dict[tuple[str, str, str], Edge] = {}
    depth: dict[str, int] = {focus: 0}
    more_slots = 0  # "+N more" nodes created so far
    overflow = 0  # neighbours cut where no "+N more" node could be drawn: one final node stands for them
    frontier = [focus]

    def room() -> int:  # nodes still drawable, keeping one slot for the final "+N more"
        return max_nodes - 1 - len(depth) - more_slots

    # Without a date or confidence filter, each group is taken whole from the ranking kept with the
    # statement graph; with one, the statements touching the frontier are walked and ranked here.
    ranked = (
        statements.graph.get("neighbours") if not (flt.min_confidence > 0 or flt.date_from or flt.date_to) else None
    )
    relations = _relations(flt)
    for hop in range(1, max(1, min(int(flt.hops), 2)) + 1):
        # (node, relation, direction) -> its neighbours, best first: (key, highest confidence, statements, first date)
        groups: dict[tuple[str, str, str], list[Neighbour]] = {}
        for n in frontier:
            if ranked is not None:
                for (rel, direction), members in ranked.get(n, {}).items():
                    if relations is None or rel in relations:
                        groups[(n, rel, direction)] = members
            elif n in statements:  # (edge views take a node not in the graph for a list of nodes)
                groups |= _walk(statements, n, passes)
        comentioned: dict[str, dict[str, list]] = defaultdict(dict)  # frontier entity → co-mentioned → [_, count, _]
        if flt.comentions:
            frontier_values = values_clause("n", (entity_node(k) for k in frontier))
            for row in reader.query(_COMENTION_EDGES % frontier_values):
                comentioned[entity_key(row["n"])][entity_key(row["x"])] = [None, int(row["count"].value), None]
            groups |= {(n, COMENTION, "out"): rank(members) for n, members in comentioned.items()}
        if types is not None:
            refs = describe({m[0] for members in groups.values() for m in members})
            groups = {g: [m for m in members if refs[m[0]].type in types] for g, members in groups.items()}
        order = sorted(groups)
        dealt, capped = _deal(groups, order, depth, per_relation, room())
        for x in dealt:
            depth[x] = hop
        more_slots += len(capped)
        # each group's drawn members, found from the drawn entities rather than by reading the whole group: a
        # hub's groups hold thousands of neighbours, of which the view draws a few dozen
        drawn: dict[tuple[str, str, str], dict[str, list]] = {}
        for n in frontier:
            drawn |= {(n, *way): members for way, members in _drawn_neighbours(statements, n, depth, passes).items()}
            if flt.comentions:
                drawn[(n, COMENTION, "out")] = {x: m for x, m in comentioned.get(n, {}).items() if x in depth}
        if types is not None:
            refs = describe({x for members in drawn.values() for x in members})
            drawn = {g: {x: m for x, m in members.items() if refs[x].type in types} for g, members in drawn.items()}
        for group in order:
            n, rel, direction = group
            members = drawn.get(group, {})
            cut = len(groups[group]) - len(members)  # the entity itself, when it is its own neighbour, is neither
            for x, (conf, count, date) in members.items():
                if x == n:
                    continue
                a, b = (n, x) if direction == "out" else (x, n)
                if rel == COMENTION:
                    a, b = min(a, b), max(a, b)
                edges[(a, b, rel)] = Edge(a, b, rel, conf, date, count)
            if not cut:  # what it left out was drawn by another group meanwhile: its slot is free again
                more_slots -= group in capped
                continue
            if group in capped or room() > 0:
                more_slots += group not in capped
                more = f"+more:{n}:{rel}:{direction}"
                sub.nodes[more] = Node(more, f"+{cut} more", MORE, hop, hidden=cut)
                a, b = (n, more) if direction == "out" else (more, n)
                edges[(a, b, rel)] = Edge(a, b, rel, count=cut)
            else:
                overflow += cut
        frontier = dealt
        if not frontier:
            break
    refs = describe(depth)
    for key, d in depth.items():
        sub.nodes[key] = Node(key, refs[key].label, refs[key].type, d)
    if overflow:
        more = "+more:overflow"
        sub.nodes[more] = Node(more, f"+{overflow} more", MORE, 1, hidden=overflow)
        edges[(focus, more, MORE)] = Edge(focus, more, MORE, count=overflow)
    sub.edges = sorted(edges.values(), key=lambda e: (e.source, e.target, e.relation))
    return sub


def _drawn_neighbours(
    statements: nx.MultiDiGraph, n: str, drawn: Mapping[str, int], passes: Callable[[dict], bool]
) -> dict[tuple[str, str], dict[str, list]]:
    """(relation, direction) → the drawn entities that are ``n``'s neighbours that way → [highest confidence,
    statements, first date], as :func:`kg.explore.statements.tally` counts them, from ``n``'s statements with drawn
    entities that pass the filters: it looks up at most as many neighbours as ``n`` has or as are drawn, whichever
    is fewer.

    >>> import networkx as nx
    >>> G = nx.MultiDiGraph()
    >>> for key, (s, o, c) in enumerate([("a", "b", 0.5), ("a", "b", 0.7), ("a", "c", 0.9), ("d", "a", 0.6)]):
    ...     _ = G.add_edge(s, o, key=key, relation="owns", confidence=c, date=None, kb=False)
    >>> _drawn_neighbours(G, "a", {"a": 0, "b": 1, "d": 1}, lambda st: True)
    {('owns', 'out'): {'b': [0.7, 2, None]}, ('owns', 'in'): {'d': [0.6, 1, None]}}
    """
    if n not in statements:
        return {}
    found: dict[tuple[str, str], dict[str, list]] = defaultdict(dict)
    for direction, adjacency in (("out", statements.succ[n]), ("in", statements.pred[n])):
        if len(drawn) < len(adjacency):
            between = ((x, adjacency[x]) for x in drawn if x in adjacency)
        else:
            between = ((x, keyed) for x, keyed in adjacency.items() if x in drawn)
        for x, keyed in between:
            for st in keyed.values():
                if passes(st):
                    tally(found[(st["relation"], direction)], x, st)
    return dict(found)


def _deal(
    groups: Mapping[tuple[str, str, str], list[Neighbour]],
    order: list[tuple[str, str, str]],
    drawn: Mapping[str, int],
    per_relation: int,
    room: int,
) -> tuple[list[str], set[tuple[str, str, str]]]:
    """The new nodes to draw, and the groups cut at ``per_relation`` (each keeps a slot for its "+N more").

    New neighbours are dealt to the groups in turn, each group's best first, one per group and round,
    until ``room`` is used: a hub's first view shows a few neighbours of each of its relations rather than
    its first relations in full. A neighbour already drawn costs no room but counts towards its group's
    ``per_relation``.

    >>> groups = {("a", "owns", "out"): [("b", 0.9, 1, None), ("c", 0.8, 1, None)],
    ...           ("a", "partner_of", "out"): [("d", 0.9, 1, None)]}
    >>> _deal(groups, sorted(groups), {"a": 0}, per_relation=5, room=2)
    (['b', 'd'], set())
    >>> _deal(groups, sorted(groups), {"a": 0}, per_relation=1, room=5)
    (['b', 'd'], {('a', 'owns', 'out')})
    """
    dealt: list[str] = []
    taken = set(drawn)
    position = dict.fromkeys(order, 0)  # a group's next member to look at
    shown = dict.fromkeys(order, 0)
    capped: set[tuple[str, str, str]] = set()

    def free() -> int:
        return room - len(dealt) - len(capped)

    dealing = list(order)
    while dealing and free() > 0:
        still_dealing = []
        for group in dealing:
            members, i = groups[group], position[group]
            placed = False
            while i < len(members) and shown[group] < per_relation and free() > 0:
                x = members[i][0]
                i += 1
                if x == group[0]:
                    continue
                shown[group] += 1
                if x not in taken:
                    taken.add(x)
                    dealt.append(x)
                    placed = True
                    break
            position[group] = i
            left_out = any(members[k][0] not in taken and members[k][0] != group[0] for k in range(i, len(members)))
            if shown[group] >= per_relation and left_out and free() > 0:
                capped.add(group)
            elif placed and left_out:
                still_dealing.append(group)
        dealing = still_dealing
    return dealt, capped


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
    """The drawn view as ``ttl``, ``jsonld`` (its direct relation triples, labels and types), ``graphml`` or
    ``gexf``."""
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
    prefixes = {"kg": KG_NS, "ent": ENTITY_NS} if fmt == "ttl" else None
    return ox.serialize(triples, format=form, prefixes=prefixes) or b""  # None only when given a file


# --- working in the view: evidence of its edges, expanding, hiding and pinning nodes, what "+N more" stands for ---
@dataclass(frozen=True)
class EdgeEvidence:
    """One statement behind a drawn edge, with its first evidence sentence ("" for a knowledge-base fact)."""

    relation: str
    date: str | None
    confidence: float | None
    sentence: str = ""
    document: str = ""  # document id
    title: str = ""
    source: str = "text"


#: The evidence sentences of the statements bound to ``?n``, with their document and its title: one lookup by
#: subject for the drawn edges (the statement's relation, date and confidence are the statement graph's already).
_EDGE_EVIDENCE = (
    PREFIXES
    + """
SELECT ?n ?sentence ?doc ?title WHERE {
  %s
  ?n kg:evidence ?ev . ?ev kg:sentence ?sentence ; kg:document ?doc .
  OPTIONAL { ?doc dcterms:title ?title }
}"""
)


def edge_evidence(
    reader, statements: nx.MultiDiGraph, sub: Subgraph, per_edge: int = 3
) -> dict[tuple[str, str, str], list[EdgeEvidence]]:
    """(source, target, relation) of each drawn relation edge → its ``per_edge`` most confident statements with
    their first sentence (by document, then sentence): relation, date and confidence from the statement graph,
    the sentences from one store query for the drawn edges only (at most ``per_edge`` x edges statements), so a
    click on an edge shows why it is there. Its cost follows the view: the 52 statements of the 10M-triple graph's
    hub's view cost 2.4 ms this way, against 14.9 ms through :func:`kg.explore.entity.relation_rows`, which also
    reads every property of each statement and of each sentence, then describes its ends (figure 10)."""
    wanted: dict[str, tuple[tuple[str, str, str], dict]] = {}
    for e in sub.edges:
        if e.relation in (COMENTION, MORE) or not statements.has_edge(e.source, e.target):
            continue
        data: dict[str, dict] = statements.get_edge_data(e.source, e.target)  # type: ignore[assignment]  # keys: IRIs
        best = sorted(
            (st for st, d in data.items() if d["relation"] == e.relation),
            key=lambda st: (-(data[st]["confidence"] or 0.0), st),
        )[:per_edge]
        wanted.update((st, ((e.source, e.target, e.relation), data[st])) for st in best)
    first: dict[str, tuple[str, str, str]] = {}  # statement → (document, sentence, title) of its first sentence
    if wanted:
        for n, sentence, doc, title in reader.query(
            _EDGE_EVIDENCE % values_clause("n", (ox.NamedNode(st) for st in wanted))
        ):
            found = (doc_key(doc), sentence.value, title.value if title is not None else doc_key(doc))
            if n.value not in first or found < first[n.value]:
                first[n.value] = found
    out: dict[tuple[str, str, str], list[EdgeEvidence]] = defaultdict(list)
    for st, (edge, d) in wanted.items():
        document, sentence, title = first.get(st, ("", "", ""))
        source = "kb" if d["kb"] else "text"
        out[edge].append(EdgeEvidence(d["relation"], d["date"], d["confidence"], sentence, document, title, source))
    return dict(out)


def _add_edge(edges: dict[tuple[str, str, str], Edge], edge: Edge) -> None:
    if (edge.source, edge.target, edge.relation) not in edges:
        edges[(edge.source, edge.target, edge.relation)] = edge


def expand(
    reader,
    sub: Subgraph,
    keys: Iterable[str],
    flt: GraphFilter,
    settings,
    *,
    statements: nx.MultiDiGraph,
    entities: Mapping[str, EntityRef] | None = None,
) -> Subgraph:
    """The view with the one-hop neighbourhood of each drawn entity in ``keys`` added in place (each under the
    view's filters and caps, its "+N more" nodes its own); keys not drawn are ignored."""
    nodes = dict(sub.nodes)
    edges = {(e.source, e.target, e.relation): e for e in sub.edges}
    for key in keys:
        if key not in nodes or nodes[key].type == MORE:
            continue
        part = neighbourhood(reader, key, replace(flt, hops=1), settings, statements=statements, entities=entities)
        rename = {"+more:overflow": f"+more:overflow:{key}"}
        for n in part.nodes.values():
            k = rename.get(n.key, n.key)
            if k not in nodes:
                nodes[k] = Node(k, n.label, n.type, nodes[key].depth + 1, n.hidden)
        for e in part.edges:
            _add_edge(
                edges,
                Edge(
                    rename.get(e.source, e.source),
                    rename.get(e.target, e.target),
                    e.relation,
                    e.confidence,
                    e.date,
                    e.count,
                ),
            )
    return Subgraph(sub.focus, nodes, sorted(edges.values(), key=lambda e: (e.source, e.target, e.relation)))


def hide(sub: Subgraph, keys: Iterable[str]) -> Subgraph:
    """The view without the nodes ``keys`` (never the focus), their edges, and "+N more" nodes left without an edge."""
    gone = set(keys) - {sub.focus}
    edges = [e for e in sub.edges if e.source not in gone and e.target not in gone]
    linked = {k for e in edges for k in (e.source, e.target)}
    nodes = {k: n for k, n in sub.nodes.items() if k not in gone and (n.type != MORE or k in linked)}
    return Subgraph(sub.focus, nodes, edges)


def pin(
    sub: Subgraph,
    keys: Iterable[str],
    flt: GraphFilter,
    *,
    statements: nx.MultiDiGraph,
    entities: Mapping[str, EntityRef],
) -> Subgraph:
    """The view with the entities ``keys`` kept in it wherever the focus is, joined to the drawn entities by
    their statements that pass the filters (one edge per relation, as the view draws them)."""
    nodes = dict(sub.nodes)
    edges = {(e.source, e.target, e.relation): e for e in sub.edges}
    passes = _statement_filter(flt)
    depth = max((n.depth for n in nodes.values()), default=0) + 1
    for key in keys:
        if key not in entities:
            continue
        if key not in nodes:
            ref = entities[key]
            nodes[key] = Node(key, ref.label, ref.type, depth)
        if key not in statements:
            continue
        found: dict[tuple[str, str, str], dict[str, list]] = defaultdict(dict)
        for a, b, st in [*statements.out_edges(key, data=True), *statements.in_edges(key, data=True)]:
            if a in nodes and b in nodes and passes(st):
                tally(found[(a, b, st["relation"])], "", st)
        for (a, b, rel), members in found.items():
            conf, count, date = members[""]
            _add_edge(edges, Edge(a, b, rel, conf, date, count))
    return Subgraph(sub.focus, nodes, sorted(edges.values(), key=lambda e: (e.source, e.target, e.relation)))


@dataclass(frozen=True)
class Counterpart:
    """One neighbour in a "+N more" node's table."""

    key: str
    label: str
    type: str
    relation: str
    direction: str  # "out" (the entity is the subject) | "in"
    confidence: float | None
    statements: int
    date: str | None


def counterparts(
    more: str,
    flt: GraphFilter,
    *,
    statements: nx.MultiDiGraph,
    entities: Mapping[str, EntityRef],
    comentions: Mapping[str, tuple[tuple[str, int, int], ...]] | None = None,
    focus: str | None = None,
) -> list[Counterpart]:
    """Every neighbour a "+N more" node stands for and the drawn ones beside it, best first: the whole
    (entity, relation, direction) group of ``more`` (``+more:<entity>:<relation>:<direction>``), or, for
    the view's "+more:overflow", every group of ``focus``. Filters apply as in the view; an id that is no
    "+N more" node gives []."""
    if more.startswith("+more:overflow"):
        owner = more.split(":", 2)[2] if more.count(":") >= 2 else focus
        wanted = None
    elif more.startswith("+more:") and more.count(":") >= 3:
        owner, relation, direction = more[len("+more:") :].rsplit(":", 2)
        wanted = (relation, direction)
    else:
        return []
    if owner is None:
        return []
    types = {t for t in flt.types if t in ENTITY_TYPES} if flt.types else None
    groups = _walk(statements, owner, _statement_filter(flt)) if owner in statements else {}
    ranked = {(rel, direction): members for (_, rel, direction), members in groups.items()}
    if comentions is not None and ((wanted is None and flt.comentions) or wanted == (COMENTION, "out")):
        ranked[(COMENTION, "out")] = [(x, 0.0, n, None) for x, n, _ in comentions.get(owner, ())]
    out = []
    for (rel, direction), members in sorted(ranked.items()):
        if wanted is not None and (rel, direction) != wanted:
            continue
        for x, conf, count, date in members:
            ref = entities.get(x) or EntityRef(x, x, "Other")
            if x != owner and (types is None or ref.type in types):
                out.append(Counterpart(x, ref.label, ref.type, rel, direction, conf, count, date))
    return out


def node_sizes(
    sub: Subgraph, measure: str = "pagerank", smallest: float = 10.0, largest: float = 40.0
) -> dict[str, float]:
    """A drawn size per entity by its centrality in the view (``pagerank`` or ``degree``, on the undirected
    view without "+N more" nodes), scaled from ``smallest`` to ``largest``.

    >>> sub = Subgraph("a", {k: Node(k, k, "Other", 1) for k in "abcd"}, [Edge("a", x, "owns") for x in "bcd"])
    >>> sizes = node_sizes(sub, "degree")
    >>> sizes["a"], sizes["b"]
    (40.0, 10.0)
    """
    g = _entity_graph(sub)
    if not g:
        return {}
    scores = nx.pagerank(g) if measure == "pagerank" else nx.degree_centrality(g)
    lo, hi = min(scores.values()), max(scores.values())
    span = (hi - lo) or 1.0
    return {k: round(smallest + (largest - smallest) * (s - lo) / span, 1) for k, s in scores.items()}


def communities(sub: Subgraph) -> dict[str, int]:
    """A community number per entity of the view (Louvain on the undirected view, seeded: the same view gets
    the same numbers), 0 for the largest community.

    >>> sub = Subgraph("a", {k: Node(k, k, "Other", 1) for k in "abcxyz"},
    ...                [Edge(s, t, "owns") for s, t in ("ab", "bc", "ca", "xy", "yz", "zx", "cx")])
    >>> found = communities(sub)
    >>> found["a"] == found["b"] == found["c"] != found["x"] == found["y"] == found["z"]
    True
    """
    g = _entity_graph(sub)
    if not g:
        return {}
    parts = nx.community.louvain_communities(g, seed=0)
    ordered = sorted(parts, key=lambda part: (-len(part), min(part)))
    return {k: i for i, part in enumerate(ordered) for k in part}


def _entity_graph(sub: Subgraph) -> nx.Graph:
    """The view's entities and the pairs drawn between them, undirected and unweighted."""
    g: nx.Graph = nx.Graph()
    g.add_nodes_from(k for k, n in sub.nodes.items() if n.type != MORE)
    g.add_edges_from(
        (e.source, e.target) for e in sub.edges if e.source in g and e.target in g and e.source != e.target
    )
    return g
