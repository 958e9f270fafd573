"""Every statement between two entities, in memory: one graph per graph version, like the label index.

A page about one entity must rank, count and cut that entity's relations; done in the store, it
reads a few properties of each of the entity's statements at every view, about 30 µs each, so a hub
with 1,280 statements costs ~40 ms before anything is drawn. Here the whole graph's statements are
read once per graph version by three flat queries (~1 s for the 21,640 statements of a
1,000,000-triple store) into a :class:`networkx.MultiDiGraph`: one edge per statement, keyed by the
statement's IRI, subject → object, with its ``relation`` (local name), ``confidence``, first
``date`` (ISO, or None) and ``kb`` (a fact of the knowledge base, not of an article). Evidence,
labels and documents stay in the store and are fetched for the rows shown only.

The graph also keeps what views cut from, computed with it in one pass over its statements, so
that no view walks a hub's statements again: as ``G.graph["neighbours"]``, every entity's neighbours
per relation and direction, ranked (:func:`ranked_neighbours`, for the graph view); as
``G.graph["relation_indexes"]``, every entity's statements grouped and ranked
(:func:`kg.explore.entity.relation_indexes`, for the entity page).

>>> G = nx.MultiDiGraph()
>>> G.add_edge("alibaba", "xiaohongshu", key="st1", relation="invested_in", confidence=0.9, date="2018-06", kb=False)
'st1'
>>> [(r, G.edges[s, o, k]["date"]) for s, o, k, r in G.out_edges("alibaba", keys=True, data="relation")]
[('invested_in', '2018-06')]
"""

from __future__ import annotations

import networkx as nx

from kg.explore.entity import relation_indexes
from kg.explore.terms import ENTITY_NS, PREFIXES, entity_key, local_name, value
from kg.vocab import KB_GRAPH

_STATEMENTS = (
    PREFIXES + "SELECT ?n ?s ?p ?o ?c WHERE { ?n rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; kg:confidence ?c }"
)
_DATES = PREFIXES + "SELECT ?n ?d WHERE { ?n kg:date ?d }"
_KB_STATEMENTS = PREFIXES + f"SELECT ?n WHERE {{ GRAPH <{KB_GRAPH}> {{ ?n rdf:subject ?s }} }}"


#: One neighbour of an entity by one relation and direction: (its key, highest confidence, statements, first date).
Neighbour = tuple[str, float, int, str | None]


def statement_graph(reader) -> nx.MultiDiGraph:
    """The statement graph of the store (see the module doc), from three flat queries."""
    dates: dict[str, str] = {}
    for n, d in reader.query(_DATES):  # by position: cheaper than by name
        dates[n.value] = min(dates.get(n.value, d.value), d.value)
    kb = {row["n"].value for row in reader.query(_KB_STATEMENTS)}
    keys: dict[str, str] = {}  # a hub's IRI comes back once per statement: decode it once
    relations: dict[str, str] = {}
    G: nx.MultiDiGraph[str] = nx.MultiDiGraph()  # entity keys, one edge per statement (keyed by its IRI)
    for n, s, p, o, c in reader.query(_STATEMENTS):
        if not (s.value.startswith(ENTITY_NS) and o.value.startswith(ENTITY_NS)):
            continue
        subject = keys.get(s.value) or keys.setdefault(s.value, entity_key(s))
        obj = keys.get(o.value) or keys.setdefault(o.value, entity_key(o))
        relation = relations.get(p.value) or relations.setdefault(p.value, local_name(p))
        G.add_edge(
            subject, obj, key=n.value, relation=relation, confidence=value(c), date=dates.get(n.value), kb=n.value in kb
        )
    G.graph["neighbours"] = ranked_neighbours(G)
    G.graph["relation_indexes"] = relation_indexes(G)
    return G


def rank(members: dict[str, list]) -> list[Neighbour]:
    """Neighbours (key → [highest confidence, statements, first date]) best first: highest confidence,
    then most statements, then key.

    >>> rank({"b": [0.5, 1, None], "a": [0.9, 1, "2020"], "c": [0.5, 3, None]})
    [('a', 0.9, 1, '2020'), ('c', 0.5, 3, None), ('b', 0.5, 1, None)]
    """
    return sorted(
        ((x, c, k, d) for x, (c, k, d) in members.items()),
        key=lambda m: (-(m[1] if m[1] is not None else 0.0), -m[2], m[0]),
    )


def ranked_neighbours(G: nx.MultiDiGraph) -> dict[str, dict[tuple[str, str], list[Neighbour]]]:
    """Entity → (relation, "out" or "in") → its neighbours that way, best first (see :func:`rank`).

    >>> G = nx.MultiDiGraph()
    >>> for key, (s, o, c) in enumerate([("a", "b", 0.5), ("a", "c", 0.9), ("a", "b", 0.7)]):
    ...     _ = G.add_edge(s, o, key=key, relation="owns", confidence=c, date=None, kb=False)
    >>> ranked_neighbours(G)["a"][("owns", "out")]
    [('c', 0.9, 1, None), ('b', 0.7, 2, None)]
    """
    groups: dict[str, dict[tuple[str, str], dict[str, list]]] = {}
    for s, o, st in G.edges(data=True):
        for n, x, direction in ((s, o, "out"), (o, s, "in")):
            tally(groups.setdefault(n, {}).setdefault((st["relation"], direction), {}), x, st)
    return {n: {g: rank(members) for g, members in by_group.items()} for n, by_group in groups.items()}


def tally(members: dict[str, list], neighbour: str, st: dict) -> None:
    """Count one statement (its attributes in the statement graph) towards ``neighbour`` in ``members``
    (key → [highest confidence, statements, first date])."""
    member = members.setdefault(neighbour, [0.0, 0, None])
    member[0] = max(member[0], st["confidence"])
    member[1] += 1
    if st["date"] and (member[2] is None or st["date"] < member[2]):
        member[2] = st["date"]
