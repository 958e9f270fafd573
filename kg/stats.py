"""Counts that describe a graph: documents, entities by type, relations by predicate, records.

>>> from kg.store import EmbeddedReader
>>> import tempfile
>>> graph_stats(EmbeddedReader(tempfile.mkdtemp()))["documents"]
0
"""

from __future__ import annotations

from kg.export import PREFIXES
from kg.store import GraphReader

_COUNT = PREFIXES + "SELECT (COUNT(DISTINCT ?n) AS ?c) WHERE {{ ?n a kg:{cls} }}"


def _count(reader: GraphReader, cls: str) -> int:
    return int(next(iter(reader.query(_COUNT.format(cls=cls))))["c"].value)


def graph_stats(reader: GraphReader) -> dict:
    """Documents, triples (quads), entities by coarse type, relations by predicate (text and KB),
    statements, events, quantities and co-mention pairs, and when the graph last changed."""
    entities = {
        row["t"].value.rsplit("#", 1)[1]: int(row["c"].value)
        for row in reader.query(PREFIXES + """
            SELECT ?t (COUNT(DISTINCT ?e) AS ?c) WHERE {
              ?e a ?t . VALUES ?t { kg:Organization kg:Person kg:Program kg:Event kg:Place kg:Other } } GROUP BY ?t""")
    }
    relations: dict[str, dict[str, int]] = {}
    for row in reader.query(PREFIXES + """
        SELECT ?p ?source (COUNT(DISTINCT ?st) AS ?c) WHERE { ?st a kg:Statement ; rdf:predicate ?p ; kg:source ?source }
        GROUP BY ?p ?source"""):
        relations.setdefault(row["p"].value.rsplit("#", 1)[1], {})[row["source"].value] = int(row["c"].value)
    built = list(reader.query(PREFIXES + "SELECT ?t WHERE { ?g kg:builtAt ?t }"))
    return {
        "documents": _count(reader, "Document"),
        "quads": int(next(iter(reader.query("SELECT (COUNT(*) AS ?c) WHERE { GRAPH ?g { ?s ?p ?o } }")))["c"].value),
        "entities": dict(sorted(entities.items())),
        "relations": dict(sorted(relations.items())),
        "statements": _count(reader, "Statement"),
        "events": _count(reader, "EventRecord"),
        "quantities": _count(reader, "Quantity"),
        "comention_pairs": _count(reader, "CoMention"),
        "built_at": built[0]["t"].value if built else None,
    }
