"""One label per entity, in one graph: what a join on ``rdfs:label`` can rely on.

Each document graph says what that document calls an entity (``kg:mentionedLabel``): a label there
would come back once per document graph in the union default graph, and every query joining on it
would multiply its rows by the number of documents that name the entity (the SPARQL console showed
triplicated rows). So an entity's one ``rdfs:label`` lives in one graph:

- the knowledge base's graph (``id/graph/kb``) for an entity of the knowledge base: its curated name;
- the labels graph (``id/graph/labels``) for every other entity: the name most documents give it
  (ties: the shortest, then the first in code-point order, so every build picks the same).

The labels graph is derived: :func:`refresh_labels` recomputes it from the document graphs after a
build, an added or a removed article, and rewrites it (one atomic graph replacement) only when it
changed. A crash before the refresh leaves a stale labels graph that the next write repairs; queries
never see an entity with two labels.

>>> canonical_label({"Red Cat plan": 1, "Red Cat Plan": 2, "RCP": 1})
'Red Cat Plan'
>>> canonical_label({"JD": 1, "JD.com": 1})
'JD'
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping

import pyoxigraph as ox

from kg.graphs import GraphWriter
from kg.vocab import KB_GRAPH, KG, LABELS_GRAPH

RDFS_LABEL = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
LABELS = ox.NamedNode(str(LABELS_GRAPH))
_KB = ox.NamedNode(str(KB_GRAPH))

_MENTIONED = f"""SELECT ?e ?l (COUNT(DISTINCT ?g) AS ?n) WHERE {{
  GRAPH ?g {{ ?e <{KG.mentionedLabel}> ?l }} FILTER(?g != {_KB} && ?g != {LABELS})
}} GROUP BY ?e ?l"""
_GRAPH_LABELS = f"SELECT ?e ?l WHERE {{ GRAPH ?g {{ ?e {RDFS_LABEL} ?l }} }}"


def canonical_label(counts: Mapping[str, int]) -> str:
    """The label named by the most documents (``counts``: label → documents); ties: shortest, then smallest."""
    return min(counts, key=lambda label: (-counts[label], len(label), label))


def label_quads(reader) -> list[ox.Quad]:
    """The labels graph the store's document graphs call for (see the module doc), sorted."""
    in_kb = {row["e"].value for row in reader.query(_GRAPH_LABELS, {"g": _KB})}
    counts: dict[str, dict[str, int]] = defaultdict(dict)
    for row in reader.query(_MENTIONED):
        entity = row["e"].value
        if entity not in in_kb:
            counts[entity][row["l"].value] = int(row["n"].value)
    return [
        ox.Quad(ox.NamedNode(e), RDFS_LABEL, ox.Literal(canonical_label(counts[e])), LABELS) for e in sorted(counts)
    ]


def refresh_labels(writer: GraphWriter) -> bool:
    """Rewrite the labels graph if the documents now call for another one; True when it was rewritten. The claims
    graph, derived from the same writes, is brought up to date with it (:func:`kg.explore.claims.refresh_claims`)."""
    from kg.explore.claims import refresh_claims  # the explorer's package: loaded only when a store is written

    refresh_claims(writer)
    wanted = label_quads(writer)
    stored = {(row["e"].value, row["l"].value) for row in writer.query(_GRAPH_LABELS, {"g": LABELS})}
    if stored == {(str(q.subject.value), str(q.object.value)) for q in wanted}:  # type: ignore[union-attr]
        return False
    writer.replace_graph(LABELS, wanted)
    return True
