"""Counts that describe a graph, for `kg stats` (the app's overview shows the same figures).

>>> from kg.store import EmbeddedReader
>>> import tempfile
>>> graph_stats(EmbeddedReader(tempfile.mkdtemp()))["documents"]
0
"""

from __future__ import annotations

from kg.explore.overview import built_at, counts_by_relation, counts_by_type, record_counts
from kg.store import GraphReader

_QUADS = "SELECT (COUNT(*) AS ?c) WHERE { GRAPH ?g { ?s ?p ?o } }"


def graph_stats(reader: GraphReader) -> dict:
    """Documents, quads, entities by coarse type, statements by relation (text and KB), events,
    quantities, co-mention pairs, mentions, and when the graph last changed."""
    records = record_counts(reader)
    return {
        "documents": records.get("Document", 0),
        "quads": int(next(iter(reader.query(_QUADS)))["c"].value),
        "entities": dict(sorted(counts_by_type(reader).items())),
        "relations": counts_by_relation(reader),
        "statements": records.get("Statement", 0),
        "events": records.get("EventRecord", 0),
        "quantities": records.get("Quantity", 0),
        "comention_pairs": records.get("CoMention", 0),
        "mentions": records.get("Mention", 0),
        "built_at": built_at(reader),
    }
