"""The overview's bounded queries give what the unbounded ones gave, on the sample store."""

import pytest

from kg.explore import overview, paths
from kg.explore.terms import PREFIXES, entity_key, local_name
from kg.store import open_reader


@pytest.fixture(scope="module")
def reader(sample_store):
    return open_reader(sample_store)


def test_documents_limit_keeps_the_order_and_the_counts(reader):
    every = overview.documents(reader)
    assert len(every) == 2
    assert overview.documents(reader, limit=1) == every[:1]
    assert overview.documents(reader, limit=5) == every
    assert every[0].mentions > 0 and every[0].evidence > 0


_STATEMENT_TRIPLES = PREFIXES + """
SELECT DISTINCT ?s ?p ?o WHERE { ?st a kg:Statement ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o }"""


def test_projection_from_direct_triples_covers_every_statement(reader):
    """The projection reads each relation's direct triple: it must hold exactly the statement nodes' triples."""
    G = paths.entity_projection(reader)
    pairs: dict[tuple[str, str], set[str]] = {}
    for r in reader.query(_STATEMENT_TRIPLES):
        s, o = entity_key(r["s"]), entity_key(r["o"])
        pairs.setdefault((min(s, o), max(s, o)), set()).add(local_name(r["p"]))
    assert {(min(a, b), max(a, b)): set(d["relations"]) for a, b, d in G.edges(data=True)} == pairs
