import pyoxigraph as ox
import pytest
import rdflib
from rdflib.compare import isomorphic

from kg.iri import node_iri
from kg.model import Entity, Evidence, Extraction, PartialDate, Relation
from kg.rdf import extraction_quads, literal
from kg.vocab import KG
from tests.conftest import make_extraction


def as_rdflib(quads) -> rdflib.Graph:
    data = ox.serialize((ox.Triple(q.subject, q.predicate, q.object) for q in quads), format=ox.RdfFormat.N_TRIPLES)
    return rdflib.Graph().parse(data=data.decode("utf-8"), format="nt")


def test_same_extraction_same_quads(sample_extraction):
    assert extraction_quads(sample_extraction) == extraction_quads(make_extraction())


def test_all_quads_in_the_document_graph(sample_extraction):
    graphs = {q.graph_name for q in extraction_quads(sample_extraction)}
    assert graphs == {ox.NamedNode(f"https://w3id.org/kg-explorer/id/graph/{sample_extraction.document.id}")}


def test_relation_is_stored_directly_and_as_statement(sample_extraction):
    g = as_rdflib(extraction_quads(sample_extraction))
    alibaba = rdflib.URIRef("https://w3id.org/kg-explorer/id/entity/alibaba")
    xhs = rdflib.URIRef("https://w3id.org/kg-explorer/id/entity/xiaohongshu")
    assert (alibaba, KG.invested_in, xhs) in g
    [statement] = list(g.subjects(rdflib.RDF.type, KG.Statement))
    assert g.value(statement, rdflib.RDF.subject) == alibaba and g.value(statement, rdflib.RDF.object) == xhs
    assert g.value(statement, KG.date) == rdflib.Literal("2018-06", datatype=rdflib.XSD.gYearMonth)
    assert str(g.value(statement, KG.datePrecision)) == "month"
    assert g.value(statement, KG.rule) == rdflib.Literal("invest.verb")
    assert g.value(statement, KG.event) is not None


def test_evidence_sentence_is_the_text_between_offsets(sample_extraction):
    g = as_rdflib(extraction_quads(sample_extraction))
    text = sample_extraction.document.text
    evidence = list(g.subjects(rdflib.RDF.type, KG.Evidence))
    assert evidence
    for ev in evidence:
        start, end = int(g.value(ev, KG.start)), int(g.value(ev, KG.end))
        assert text[start:end] == str(g.value(ev, KG.sentence))


def test_minimal_relation_graph_is_isomorphic_to_expected():
    from kg.corpus import document_from_text

    doc = document_from_text("Meituan acquired Mobike.", title="t", source_path="t.md")
    ev = Evidence(doc.id, doc.text, 0, len(doc.text))
    ex = Extraction(
        document=doc,
        entities={
            "meituan": Entity("meituan", "Meituan", "Organization"),
            "mobike": Entity("mobike", "Mobike", "Organization"),
        },
        relations=[Relation("meituan", "acquired", "mobike", [ev], "acquire.verb", 0.95)],
    )
    got = as_rdflib(extraction_quads(ex))
    ids = "https://w3id.org/kg-explorer/id/"
    st, evn = (
        node_iri("statement", doc.id, "meituan", "acquired", "mobike", ""),
        node_iri("evidence", doc.id, 0, len(doc.text), None, None),
    )
    expected = rdflib.Graph().parse(
        format="turtle",
        data=f"""
        @prefix kg: <https://w3id.org/kg-explorer/ontology#> . @prefix id: <{ids}> .
        @prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
        @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
        @prefix dcterms: <http://purl.org/dc/terms/> . @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
        id:doc\\/{doc.id} a kg:Document ; dcterms:title "t" ; kg:text "Meituan acquired Mobike." ;
            kg:sourcePath "t.md" ; kg:contentHash "{doc.content_hash}" ; kg:language "en" .
        id:entity\\/meituan a kg:Organization ; kg:mentionedLabel "Meituan" ; kg:mentionCount 0 .
        id:entity\\/mobike a kg:Organization ; kg:mentionedLabel "Mobike" ; kg:mentionCount 0 .
        id:entity\\/meituan kg:acquired id:entity\\/mobike .
        <{st}> a kg:Statement, rdf:Statement ; rdf:subject id:entity\\/meituan ; rdf:predicate kg:acquired ;
            rdf:object id:entity\\/mobike ; kg:source "text" ; kg:rule "acquire.verb" ;
            kg:confidence "0.95"^^xsd:double ; kg:evidence <{evn}> .
        <{evn}> a kg:Evidence, <http://www.w3.org/ns/oa#TextQuoteSelector> ; kg:document id:doc\\/{doc.id} ;
            kg:sentence "Meituan acquired Mobike." ; kg:start 0 ; kg:end 24 .
    """,
    )
    assert isomorphic(got, expected), got.serialize(format="turtle")


@pytest.mark.parametrize(
    "value, datatype",
    [
        (PartialDate(2021), "gYear"),
        (PartialDate(2022, 5), "gYearMonth"),
        (PartialDate(2025, 5, 7), "date"),
        (True, "boolean"),
        (3, "integer"),
        (0.5, "double"),
    ],
)
def test_literals_are_typed(value, datatype):
    assert literal(value).datatype.value.endswith("#" + datatype)


def test_hostile_names_stay_literals():
    ex = make_extraction()
    ex.entities["alibaba"].label = '<img src=x onerror=alert(1)>"> .'
    data = ox.serialize(
        (ox.Triple(q.subject, q.predicate, q.object) for q in extraction_quads(ex)), format=ox.RdfFormat.N_TRIPLES
    )
    g = rdflib.Graph().parse(data=data.decode(), format="nt")
    mentioned = rdflib.URIRef("https://w3id.org/kg-explorer/ontology#mentionedLabel")
    assert rdflib.Literal('<img src=x onerror=alert(1)>"> .') in set(g.objects(None, mentioned))
