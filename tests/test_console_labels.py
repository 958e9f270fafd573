"""One label per entity (kg.labels), so that the console's example queries return no duplicated rows."""

from __future__ import annotations

import shutil
from collections import Counter
from pathlib import Path

import pytest

from kg.explore.console import load_examples
from kg.explore.terms import ENTITY_NS, PREFIXES
from kg.settings import Settings
from kg.store import open_reader

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = sorted((ROOT / "corpus").glob("*.md")) + sorted((ROOT / "tests" / "data" / "articles").glob("*.md"))

_LABELS_PER_ENTITY = (
    PREFIXES
    + f"""
SELECT ?e (COUNT(?l) AS ?n) WHERE {{ ?e rdfs:label ?l FILTER(STRSTARTS(STR(?e), "{ENTITY_NS}")) }} GROUP BY ?e"""
)
_TYPED = PREFIXES + f'SELECT DISTINCT ?e WHERE {{ ?e a ?t FILTER(STRSTARTS(STR(?e), "{ENTITY_NS}")) }}'


def labels_per_entity(reader) -> dict[str, int]:
    return {row["e"].value: int(row["n"].value) for row in reader.query(_LABELS_PER_ENTITY)}


@pytest.fixture(scope="module")
def corpus_store(tmp_path_factory) -> Settings:
    """Every article of corpus/ and tests/data/articles, built with the real pipeline."""
    from kg.build import build

    base = tmp_path_factory.mktemp("all-articles")
    (base / "corpus").mkdir()
    for path in ARTICLES:
        shutil.copy(path, base / "corpus" / path.name)
    settings = Settings.load(store=str(base / "store"), corpus=str(base / "corpus"))
    report = build(settings)
    assert report.ok and len(report.added) == len(ARTICLES), report
    return settings


def duplicated(rows) -> list:
    return [row for row, n in Counter(tuple(map(str, row)) for row in rows).items() if n > 1]


@pytest.mark.model
@pytest.mark.parametrize("example", load_examples(), ids=lambda e: e.id)
def test_no_example_returns_a_duplicated_row(corpus_store, example):
    from kg.query import run_user_query

    result = run_user_query(example.query, corpus_store)
    rows = result.rows if result.kind == "select" else result.triples
    assert duplicated(rows) == []


@pytest.mark.model
def test_every_entity_has_exactly_one_label_although_several_documents_name_it(corpus_store):
    reader = open_reader(corpus_store)
    counts = labels_per_entity(reader)
    typed = {row["e"].value for row in reader.query(_TYPED)}
    assert typed and set(counts) >= typed
    assert set(counts.values()) == {1}
    named_twice = (
        PREFIXES
        + """SELECT ?e WHERE { GRAPH ?g { ?e kg:mentionedLabel ?l } } GROUP BY ?e HAVING (COUNT(DISTINCT ?g) > 1)"""
    )
    assert list(reader.query(named_twice))  # the corpus does name entities in several documents


def write(settings: Settings, docs: dict[str, dict[str, str]]) -> None:
    """Document graphs that each give entities names ({doc id: {entity key: label}}), then the labels refreshed."""
    import pyoxigraph as ox

    from kg.labels import refresh_labels
    from kg.store import open_writer
    from kg.vocab import KG

    with open_writer(settings) as writer:
        for doc_id, names in docs.items():
            writer.replace_document(
                doc_id,
                [
                    ox.Quad(ox.NamedNode(ENTITY_NS + key), ox.NamedNode(str(KG.mentionedLabel)), ox.Literal(label))
                    for key, label in names.items()
                ],
            )
        refresh_labels(writer)


@pytest.mark.parametrize(
    "docs, expected",
    [
        ({"d1": {"a": "Red Cat Plan"}}, {"a": "Red Cat Plan"}),
        (
            {"d1": {"a": "Red Cat plan"}, "d2": {"a": "Red Cat Plan"}, "d3": {"a": "Red Cat Plan"}},
            {"a": "Red Cat Plan"},
        ),
        ({"d1": {"a": "JD.com", "b": "Meituan"}, "d2": {"a": "JD"}}, {"a": "JD", "b": "Meituan"}),
    ],
)
def test_the_labels_graph_holds_the_name_most_documents_give(tmp_settings, docs, expected):
    write(tmp_settings, docs)
    reader = open_reader(tmp_settings)
    found = {
        row["e"].value.removeprefix(ENTITY_NS): row["l"].value
        for row in reader.query(PREFIXES + "SELECT ?e ?l WHERE { ?e rdfs:label ?l }")
    }
    assert found == expected


def test_removing_a_document_updates_the_labels(tmp_settings):
    from kg.build import remove_document

    write(tmp_settings, {"d1": {"a": "Alpha Corp", "b": "Beta"}, "d2": {"a": "Alpha"}, "d3": {"a": "Alpha"}})
    assert remove_document(tmp_settings, "d1") and remove_document(tmp_settings, "d2")
    reader = open_reader(tmp_settings)
    found = {
        row["e"].value: row["l"].value for row in reader.query(PREFIXES + "SELECT ?e ?l WHERE { ?e rdfs:label ?l }")
    }
    assert found == {ENTITY_NS + "a": "Alpha"}  # b is named by no document any more


def test_a_knowledge_base_entity_keeps_its_curated_name_only(tmp_settings):
    import pyoxigraph as ox

    from kg.kb import KBEntity, KnowledgeBase
    from kg.labels import refresh_labels
    from kg.rdf import kb_quads
    from kg.store import open_writer
    from kg.vocab import KB_GRAPH

    kb = KnowledgeBase()
    kb.entities = {"xiaohongshu": KBEntity("xiaohongshu", "Xiaohongshu", "Organization")}
    with open_writer(tmp_settings) as writer:
        writer.replace_graph(ox.NamedNode(str(KB_GRAPH)), kb_quads(kb))
        refresh_labels(writer)
    write(tmp_settings, {"d1": {"xiaohongshu": "RedNote"}, "d2": {"xiaohongshu": "RedNote"}})
    reader = open_reader(tmp_settings)
    assert labels_per_entity(reader) == {ENTITY_NS + "xiaohongshu": 1}
    [row] = reader.query(PREFIXES + "SELECT ?l WHERE { ?e rdfs:label ?l }")
    assert row["l"].value == "Xiaohongshu"
