import pytest
import rdflib
from rdflib.namespace import OWL, RDFS

from kg.vocab import ENTITY_TYPES, KG, RELATIONS, SYMMETRIC_RELATIONS
from tests.conftest import ROOT

ONTOLOGY = rdflib.Graph().parse(ROOT / "kg" / "ontology.ttl")


def test_vocabulary_and_ontology_declare_the_same_terms():
    declared = {str(s).split("#", 1)[1] for s in ONTOLOGY.subjects() if str(s).startswith(str(KG._NS))}
    assert declared == set(KG.__annotations__)


@pytest.mark.parametrize("term", sorted(KG.__annotations__))
def test_every_term_has_label_and_comment(term):
    node = KG[term]
    assert ONTOLOGY.value(node, RDFS.label) is not None
    assert ONTOLOGY.value(node, RDFS.comment) is not None


@pytest.mark.parametrize("name", RELATIONS)
def test_core_relations_are_properties(name):
    assert (KG[name], None, OWL.ObjectProperty) in ONTOLOGY or (
        KG[name],
        rdflib.RDF.type,
        OWL.ObjectProperty,
    ) in ONTOLOGY


@pytest.mark.parametrize("name", sorted(SYMMETRIC_RELATIONS))
def test_symmetric_relations_are_declared_symmetric(name):
    assert (KG[name], rdflib.RDF.type, OWL.SymmetricProperty) in ONTOLOGY


@pytest.mark.parametrize("name", ENTITY_TYPES)
def test_entity_types_are_entity_subclasses(name):
    assert (KG[name], RDFS.subClassOf, KG.Entity) in ONTOLOGY


def test_unknown_terms_fail():
    with pytest.raises(AttributeError):
        KG.partnerOf  # noqa: B018
