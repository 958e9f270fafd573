"""kg.pipeline: document graphs in this process or in worker processes — same graphs, same order,
one broken article or one dead worker never stops the rest."""

from __future__ import annotations

import os

import pyoxigraph as ox
import pytest

import kg.extract
import kg.pipeline
from kg.build import build
from kg.corpus import document_from_text
from kg.errors import DocumentError
from kg.pipeline import document_graphs
from kg.settings import Settings

pytestmark = pytest.mark.model

TEXTS = [
    "In June 2018, Alibaba invested in Xiaohongshu.",
    "Pinduoduo launched Temu in September 2022.",
    "Meituan and Douyin reached a cooperation in May 2021.",
    "JD.com acquired Dada in 2016. Dada runs JD Daojia.",
    "Kuaishou suspended the program in March 2023.",
]


@pytest.fixture(scope="module")
def documents():
    return [document_from_text(t, title=f"article {i}", published="2025-05-01") for i, t in enumerate(TEXTS)]


def _triples(graph) -> set[ox.Triple]:
    return set(ox.parse(graph.ntriples, format=ox.RdfFormat.N_TRIPLES))


@pytest.mark.parametrize("n_process, batch_size", [(2, 1), (2, 2), (3, 1)])
def test_workers_give_the_graphs_of_this_process_in_order(nlp, documents, n_process, batch_size):
    here = list(document_graphs(documents, nlp, n_process=1, batch_size=batch_size))
    workers = list(document_graphs(documents, nlp, n_process=n_process, batch_size=batch_size))
    assert [d.id for d, _, _ in workers] == [d.id for d in documents]
    assert all(error is None for _, _, error in here + workers)
    for (_, a, _), (_, b, _) in zip(here, workers, strict=True):
        assert _triples(a) == _triples(b) and (a.entities, a.relations) == (b.entities, b.relations)
    assert any(g.relations for _, g, _ in here)  # the texts state relations: the comparison is not of empty graphs


def _breaks_on(title: str, action):
    """kg.extract.assemble doing ``action`` for the article titled ``title`` (patched before the workers fork)."""
    original = kg.extract.assemble

    def assemble(document, data):
        if document.title == title:
            action()
        return original(document, data)

    return assemble


def _raise():
    raise ValueError("a rule broke")


@pytest.mark.parametrize("n_process", [1, 2])
def test_a_broken_article_is_named_and_the_others_go_in(nlp, documents, monkeypatch, n_process):
    monkeypatch.setattr(kg.extract, "assemble", _breaks_on("article 1", _raise))  # inherited by forked workers
    outcomes = list(document_graphs(documents, nlp, n_process=n_process, batch_size=2))
    assert [d.title for d, _, _ in outcomes] == [d.title for d in documents]
    [(doc, graph, error)] = [o for o in outcomes if o[2] is not None]
    assert doc.title == "article 1" and graph is None and isinstance(error, DocumentError)
    assert "ValueError: a rule broke" in str(error)
    assert all(g is not None for d, g, _ in outcomes if d.title != "article 1")


def test_a_dead_worker_fails_its_documents_with_a_clear_message(nlp, documents, monkeypatch):
    monkeypatch.setattr(kg.extract, "assemble", _breaks_on("article 3", lambda: os._exit(9)))
    outcomes = list(document_graphs(documents, nlp, n_process=2, batch_size=1))
    assert [d.title for d, _, _ in outcomes] == [d.title for d in documents]  # every document is accounted for
    failed = [(d.title, str(e)) for d, _, e in outcomes if e is not None]
    assert "article 3" in dict(failed) and all("worker process died" in m and "n_process = 1" in m for _, m in failed)
    assert all((g is None) == (e is not None) for _, g, e in outcomes)


@pytest.mark.parametrize("n_process", [1, 2])
def test_an_article_the_rdf_step_cannot_write_fails_alone(tmp_path, documents, monkeypatch, n_process):
    """With one process the RDF is made on the build's writer thread, with two in the workers: either way
    the article is reported and the others are stored."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for i, text in enumerate(TEXTS):
        (corpus / f"a{i}.md").write_text(
            f"---\ntitle: article {i}\npublished: 2025-05-01\n---\n{text}\n", encoding="utf-8"
        )
    original = kg.pipeline.extraction_quads

    def quads(extraction):
        if extraction.document.title == "article 2":
            raise ValueError("no RDF for this one")
        return original(extraction)

    monkeypatch.setattr(kg.pipeline, "extraction_quads", quads)
    report = build(Settings.load(store=str(tmp_path / "store"), corpus=str(corpus), n_process=n_process, batch_size=2))
    assert [e.source for e in report.failed] == [str(corpus / "a2.md")] and "no RDF for this one" in str(
        report.failed[0]
    )
    assert sorted(report.added) == sorted(str(corpus / f"a{i}.md") for i in range(len(TEXTS)) if i != 2)


@pytest.mark.parametrize(
    "articles, n_process, batch_size, in_workers",
    [
        (8, 2, 32, True),  # fewer than one batch, but a chunk of MIN_CHUNK for each worker
        (7, 2, 32, False),
        (12, 3, 32, True),
        (11, 3, 32, False),
        (5, 2, 4, True),  # more than one batch
        (24, 1, 32, False),
    ],
)
def test_workers_start_once_each_has_a_chunk_of_articles(monkeypatch, articles, n_process, batch_size, in_workers):
    used = []

    def here(nlp, documents, batch_size):
        used.append("here")
        return iter([(None, None)] * len(documents))

    def workers(documents, nlp, n_process, batch_size):
        used.append("workers")
        return iter([(d, None, None) for d in documents])

    monkeypatch.setattr(kg.pipeline, "_graphs_of_chunk", here)
    monkeypatch.setattr(kg.pipeline, "_in_workers", workers)
    docs = [document_from_text(f"Text {i}.", title=f"article {i}") for i in range(articles)]
    outcomes = list(document_graphs(docs, None, n_process=n_process, batch_size=batch_size))  # type: ignore[arg-type]
    assert [d.title for d, _, _ in outcomes] == [d.title for d in docs]
    assert used == ["workers" if in_workers else "here"]
