"""The relation schema is the one definition: vocabulary, ontology, extractor and app labels agree with it."""

from __future__ import annotations

import pytest
import rdflib
from rdflib.namespace import OWL, RDF, RDFS

from kg.schema import SCHEMA, STATIVE, SYMMETRIC
from kg.vocab import KG, RELATIONS, SYMMETRIC_RELATIONS
from tests.conftest import ROOT

ONTOLOGY = rdflib.Graph().parse(ROOT / "kg" / "ontology.ttl")


def test_vocabulary_is_the_schema():
    assert tuple(SCHEMA) == RELATIONS and SYMMETRIC_RELATIONS == SYMMETRIC
    assert all(name in KG.__annotations__ for name in SCHEMA)


@pytest.mark.parametrize("name", list(SCHEMA))
def test_ontology_agrees_with_the_schema(name):
    rel, node = SCHEMA[name], KG[name]
    assert (node, RDF.type, OWL.ObjectProperty) in ONTOLOGY
    assert ((node, RDF.type, OWL.SymmetricProperty) in ONTOLOGY) == rel.symmetric
    assert str(ONTOLOGY.value(node, RDFS.label)) == rel.label
    if rel.inverse:
        inverse = KG[rel.inverse]
        assert (node, OWL.inverseOf, inverse) in ONTOLOGY or (inverse, OWL.inverseOf, node) in ONTOLOGY


def test_extractor_reads_types_dates_and_events_from_the_schema():
    from kg.extract.relations import EVENTS, SIGNATURES
    from kg.extract.relations import STATIVE as EXTRACTOR_STATIVE

    assert EXTRACTOR_STATIVE == STATIVE
    for name, rel in SCHEMA.items():
        assert SIGNATURES[name] == (set(rel.subject), set(rel.object))
        if rel.event:
            assert EVENTS[name] == rel.event


def test_every_relation_is_documented_for_annotators():
    guide = (ROOT / "docs" / "annotation-guide.md").read_text(encoding="utf-8")
    assert all(f"| `{name}` |" in guide for name in SCHEMA)
