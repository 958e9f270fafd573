"""The benchmark generators: deterministic by seed, and of the documented shape; the pipeline cost split."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from bench.corpus_gen import COMPANIES, PEOPLE, PROGRAMS, generate_article, generate_corpus
from bench.graph_gen import document_quads, entity_pool, generate_store, iter_documents
from kg.corpus import read_document
from kg.settings import Settings
from kg.store import open_reader

KG = "https://w3id.org/kg-explorer/ontology#"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"


def test_articles_are_deterministic_by_seed_and_index():
    assert generate_article(5, seed=3) == generate_article(5, seed=3)
    assert generate_article(5, seed=3) != generate_article(5, seed=4)
    assert generate_article(5, seed=3) != generate_article(6, seed=3)


def test_corpus_files_are_identical_across_runs_and_prefix_stable(tmp_path):
    generate_corpus(tmp_path / "a", 12, seed=9)
    generate_corpus(tmp_path / "b", 30, seed=9)
    a = {p.name: p.read_bytes() for p in (tmp_path / "a").iterdir()}
    b = {p.name: p.read_bytes() for p in (tmp_path / "b").iterdir()}
    assert len(a) == 12 and len(b) == 30
    assert all(b[name] == data for name, data in a.items())


def test_articles_have_front_matter_size_and_varied_names(tmp_path):
    words = generate_corpus(tmp_path, 40, seed=1)
    docs = [read_document(p) for p in sorted(tmp_path.iterdir())]
    assert 40 * 280 <= words <= 40 * 360
    assert all(d.title and d.published is not None and 280 <= len(d.text.split()) <= 360 for d in docs)
    text = " ".join(d.text for d in docs)
    assert sum(name in text for name in COMPANIES) >= 40
    assert sum(name in text for name in PEOPLE) >= 20
    assert sum(name in text for name in PROGRAMS) >= 10
    assert len({d.id for d in docs}) == 40  # no two articles are the same text
    # sentence shapes vary: partnerships, investments, launches, appointments, user counts
    for cue in ("reached a", "invested", "launched", "appointed", "million"):
        assert cue in text


def test_graph_documents_are_deterministic():
    pool = entity_pool(500)
    assert document_quads(3, 0, pool) == document_quads(3, 0, pool)
    assert document_quads(3, 0, pool)[1] != document_quads(3, 1, pool)[1]


def test_graph_has_the_documented_shape(tmp_path):
    store = str(tmp_path / "store")
    documents, quads = generate_store(store, 3000, seed=0)
    assert 3000 <= quads < 3000 + 400 and documents == len(list(iter_documents(3000, seed=0)))
    reader = open_reader(Settings.load(store=store))

    def count(where: str) -> int:
        [row] = reader.query(f"PREFIX kg: <{KG}> PREFIX rdf: <{RDF}> SELECT (COUNT(*) AS ?n) WHERE {{ {where} }}")
        return int(row["n"].value)

    # one named graph per document, holding its document node
    assert count("GRAPH ?g { ?d a kg:Document }") == documents
    assert count("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?d a kg:Document } }") == documents
    # entities with labels and aliases
    assert (
        count("SELECT DISTINCT ?e WHERE { ?e a kg:Organization ; <http://www.w3.org/2000/01/rdf-schema#label> ?l }")
        > 10
    )
    assert count("?e <http://www.w3.org/2004/02/skos/core#altLabel> ?a") > 0
    # every statement node has its direct triple, a date and evidence whose sentence is in the text
    assert count("?st a kg:Statement") == 5 * documents
    assert (
        count(
            "?st a kg:Statement ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; kg:date ?d ; kg:evidence ?ev . "
            "?s ?p ?o . ?ev kg:sentence ?sent ; kg:document ?doc . ?doc kg:text ?t FILTER(CONTAINS(?t, ?sent))"
        )
        == 5 * documents
    )


def test_graph_has_well_connected_hubs():
    pool = entity_pool(2000)
    seen: dict[str, int] = {}
    for _, quads in iter_documents(20000, seed=0):
        for q in quads:
            if q.predicate == ox.NamedNode(RDF + "subject"):
                seen[q.object.value] = seen.get(q.object.value, 0) + 1
    top = sorted(seen.values(), reverse=True)
    assert len(pool) == 2000
    assert top[0] >= 10 * (sum(top) / len(top))  # a hub, far above the average entity


@pytest.mark.model
def test_pipeline_cost_times_every_component_and_kgs_steps():
    from bench.pipeline_cost import LEARNED, pipeline_cost
    from kg.nlp import load_pipeline

    steps = dict(pipeline_cost(articles=3, repeats=1))
    kg_steps = {"tokenizer", "assemble records", "RDF (N-Triples)", LEARNED}
    assert set(load_pipeline(Settings.load()).pipe_names) | kg_steps == set(steps)
    assert all(seconds > 0 for seconds in steps.values())
    assert steps[LEARNED] < steps["kg_extractor"]  # a part of the extractor's time, not a step of its own
