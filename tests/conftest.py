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
