"""Who is named with whom: every entity's co-mentioned entities, summed once per graph version.

An entity page lists the entities most often named in the same sentences as its entity. Summed in
SPARQL at each view, that reads every co-mention node of the entity: ~9 ms for the 483 of a
1M-triple store's hub, where the seed graph's hub takes ~2 ms. Here one flat query reads every
co-mention node once per graph version (~0.4 s for the 8,600 of that store) and sums them per pair
of entities, so a view takes the first few of a ranked list: the app keeps the index per graph
version, like the statement graph.

For each pair, ``sentences`` is the sum of the co-mention nodes' ``kg:mentionCount`` (1 when a node
has none) and ``documents`` the number of document graphs they are in, as
:func:`kg.explore.entity.comentioned` counts them.

>>> index = rank_pairs([("c1", "a", 2, "g1"), ("c1", "b", 2, "g1"), ("c2", "a", 1, "g2"), ("c2", "b", 1, "g2"),
...                     ("c3", "a", 5, "g2"), ("c3", "c", 5, "g2")])
>>> index["a"]
(('c', 5, 1), ('b', 3, 2))
>>> index["b"]
(('a', 3, 2),)
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from kg.explore.terms import PREFIXES, entity_key

#: Entity key → the entities named with it, best first: (key, shared sentences, documents).
ComentionIndex = dict[str, tuple[tuple[str, int, int], ...]]

_MEMBERS = PREFIXES + "SELECT ?c ?x ?k ?g WHERE { GRAPH ?g { ?c kg:member ?x OPTIONAL { ?c kg:mentionCount ?k } } }"


def comention_index(reader) -> ComentionIndex:
    """The co-mentions of every entity in the store, ranked (see the module doc)."""
    keys: dict[str, str] = {}  # an entity's IRI comes back once per co-mention node: decode it once

    def rows():
        for c, x, k, g in reader.query(_MEMBERS):  # by position: cheaper than by name
            key = keys.get(x.value) or keys.setdefault(x.value, entity_key(x))
            yield c.value, key, int(k.value) if k is not None else 1, g.value

    return rank_pairs(rows())


def rank_pairs(members: Iterable[tuple[str, str, int, str]]) -> ComentionIndex:
    """The index from (co-mention node, member entity, mention count, document graph) rows: for each
    entity, the others named with it, most shared sentences first, then most documents, then key."""
    nodes: dict[str, tuple[int, str, list[str]]] = {}
    for node, member, count, graph in members:
        nodes.setdefault(node, (count, graph, []))[2].append(member)
    pairs: dict[str, dict[str, list]] = defaultdict(dict)  # entity → other → [sentences, {document graphs}]
    for count, graph, found in nodes.values():
        for e in found:
            for x in found:
                if x != e:
                    pair = pairs[e].setdefault(x, [0, set()])
                    pair[0] += count
                    pair[1].add(graph)
    return {
        e: tuple(sorted(((x, n, len(graphs)) for x, (n, graphs) in others.items()), key=lambda p: (-p[1], -p[2], p[0])))
        for e, others in pairs.items()
    }
