"""Every statement between two entities, in memory: one graph per graph version, like the label index.

A page about one entity must rank, count and cut that entity's relations; done in the store, it
reads a few properties of each of the entity's statements at every view, about 30 µs each, so a hub
with 1,280 statements costs ~40 ms before anything is drawn. Here the whole graph's statements are
read once per graph version by three flat queries (~1 s for the 21,640 statements of a
1,000,000-triple store) into a :class:`networkx.MultiDiGraph`: one edge per statement, keyed by the
statement's IRI, subject → object, with its ``relation`` (local name), ``confidence``, first
``date`` (ISO, or None) and ``kb`` (a fact of the knowledge base, not of an article). Evidence,
labels and documents stay in the store and are fetched for the rows shown only.

>>> G = nx.MultiDiGraph()
>>> G.add_edge("alibaba", "xiaohongshu", key="st1", relation="invested_in", confidence=0.9, date="2018-06", kb=False)
'st1'
>>> [(r, G.edges[s, o, k]["date"]) for s, o, k, r in G.out_edges("alibaba", keys=True, data="relation")]
[('invested_in', '2018-06')]
"""

from __future__ import annotations

import networkx as nx

from kg.explore.terms import ENTITY_NS, PREFIXES, entity_key, local_name, value
from kg.vocab import KB_GRAPH

_STATEMENTS = PREFIXES + "SELECT ?n ?s ?p ?o ?c WHERE { ?n rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; kg:confidence ?c }"
_DATES = PREFIXES + "SELECT ?n ?d WHERE { ?n kg:date ?d }"
_KB_STATEMENTS = PREFIXES + f"SELECT ?n WHERE {{ GRAPH <{KB_GRAPH}> {{ ?n rdf:subject ?s }} }}"


def statement_graph(reader) -> nx.MultiDiGraph:
    """The statement graph of the store (see the module doc), from three flat queries."""
    dates: dict[str, str] = {}
    for n, d in reader.query(_DATES):  # by position: cheaper than by name
        dates[n.value] = min(dates.get(n.value, d.value), d.value)
    kb = {row["n"].value for row in reader.query(_KB_STATEMENTS)}
    keys: dict[str, str] = {}  # a hub's IRI comes back once per statement: decode it once
    relations: dict[str, str] = {}
    G = nx.MultiDiGraph()
    for n, s, p, o, c in reader.query(_STATEMENTS):
        if not (s.value.startswith(ENTITY_NS) and o.value.startswith(ENTITY_NS)):
            continue
        subject = keys.get(s.value) or keys.setdefault(s.value, entity_key(s))
        obj = keys.get(o.value) or keys.setdefault(o.value, entity_key(o))
        relation = relations.get(p.value) or relations.setdefault(p.value, local_name(p))
        G.add_edge(subject, obj, key=n.value, relation=relation, confidence=value(c), date=dates.get(n.value), kb=n.value in kb)
    return G
