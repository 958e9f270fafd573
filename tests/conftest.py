"""Shared fixtures. Tests that load the real spaCy pipeline are marked ``model``."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kg.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
SEED_ARTICLE = ROOT / "corpus" / "xiaohongshu-external-links.md"
DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture
def tmp_settings(tmp_path) -> Settings:
    """Settings with an empty store in a temporary directory."""
    return Settings.load(store=str(tmp_path / "store"), corpus=str(tmp_path / "corpus"))


@pytest.fixture(scope="session")
def nlp():
    """The real spaCy pipeline with kg's components, loaded once per session."""
    from kg.nlp import load_pipeline

    return load_pipeline(Settings.load())


@pytest.fixture(scope="session")
def seed_store(tmp_path_factory) -> Settings:
    """Settings of a store built from the seed article with the real pipeline (read-only use)."""
    from kg.build import build

    base = tmp_path_factory.mktemp("seed")
    corpus = base / "corpus"
    corpus.mkdir()
    shutil.copy(SEED_ARTICLE, corpus / SEED_ARTICLE.name)
    settings = Settings.load(store=str(base / "store"), corpus=str(corpus))
    report = build(settings)
    assert report.ok and len(report.added) == 1, report
    return settings


@pytest.fixture(scope="session")
def sample_store(tmp_path_factory) -> Settings:
    """Settings of a small hand-built store in the shape of docs/graph-model.md (explorer tests, read-only use)."""
    from explore_sample import build_sample_store

    settings = Settings.load(store=str(tmp_path_factory.mktemp("sample") / "store"))
    build_sample_store(settings)
    return settings


def make_extraction(text: str = "In June 2018, Alibaba invested in Xiaohongshu. Xiaohongshu has 300 million monthly active users."):
    """A small hand-built Extraction (no model): one relation with an event, a quantity, a co-mention."""
    from kg.corpus import document_from_text
    from kg.model import CoMention, Entity, EventRecord, Evidence, Extraction, Mention, PartialDate, Participant, Quantity, Relation

    doc = document_from_text(text, title="Sample", published="2025-05", source_path="sample.md")
    first = doc.text.index(".") + 1
    s1 = Evidence(doc.id, doc.text[:first], 0, first, subject_span=(14, 21), object_span=(34, 45))
    second_start = first + 1
    s2 = Evidence(doc.id, doc.text[second_start:], second_start, len(doc.text))
    ex = Extraction(document=doc)
    ex.entities = {
        "alibaba": Entity("alibaba", "Alibaba", "Organization", {"Alibaba Group"}, kb_id="alibaba"),
        "xiaohongshu": Entity("xiaohongshu", "Xiaohongshu", "Organization", {"RedNote"}, kb_id="xiaohongshu"),
    }
    ex.mentions = [Mention(14, 21, "Alibaba", "alibaba", "ORG"), Mention(34, 45, "Xiaohongshu", "xiaohongshu", "ORG"),
                   Mention(second_start, second_start + 11, "Xiaohongshu", "xiaohongshu", "ORG")]
    june = PartialDate(2018, 6)
    ex.events = [EventRecord("e1", "investment", [Participant("alibaba", "investor"), Participant("xiaohongshu", "investee")],
                             [s1], "event.investment", 0.9, date=june)]
    ex.relations = [Relation("alibaba", "invested_in", "xiaohongshu", [s1], "invest.verb", 0.9, date=june, event="e1")]
    ex.quantities = [Quantity("xiaohongshu", "monthly active users", 300_000_000, "users", "300 million monthly active users",
                              [s2], "quantity.count", 0.8)]
    ex.comentions = [CoMention("alibaba", "xiaohongshu", 1, [s1])]
    return ex


@pytest.fixture
def sample_extraction():
    return make_extraction()
