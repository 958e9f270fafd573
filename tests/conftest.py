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
def extract_text(nlp):
    """Extract a hand-built text (published May 2025 unless told) with the real pipeline."""
    from kg.corpus import document_from_text
    from kg.extract import extract_document

    def run(text: str, published: str = "2025-05"):
        return extract_document(document_from_text(text, title="test", published=published), nlp)

    return run


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


def make_extraction(
    text: str = "In June 2018, Alibaba invested in Xiaohongshu. Xiaohongshu has 300 million monthly active users.",
):
    """A small hand-built Extraction (no model): one relation with an event, a quantity, a co-mention."""
    from kg.corpus import document_from_text
    from kg.model import (
        CoMention,
        Entity,
        EventRecord,
        Evidence,
        Extraction,
        Mention,
        PartialDate,
        Participant,
        Quantity,
        Relation,
    )

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
    ex.mentions = [
        Mention(14, 21, "Alibaba", "alibaba", "ORG"),
        Mention(34, 45, "Xiaohongshu", "xiaohongshu", "ORG"),
        Mention(second_start, second_start + 11, "Xiaohongshu", "xiaohongshu", "ORG"),
    ]
    june = PartialDate(2018, 6)
    ex.events = [
        EventRecord(
            "e1",
            "investment",
            [Participant("alibaba", "investor"), Participant("xiaohongshu", "investee")],
            [s1],
            "event.investment",
            0.9,
            date=june,
        )
    ]
    ex.relations = [Relation("alibaba", "invested_in", "xiaohongshu", [s1], "invest.verb", 0.9, date=june, event="e1")]
    ex.quantities = [
        Quantity(
            "xiaohongshu",
            "monthly active users",
            300_000_000,
            "users",
            "300 million monthly active users",
            [s2],
            "quantity.count",
            0.8,
        )
    ]
    ex.comentions = [CoMention("alibaba", "xiaohongshu", 1, [s1])]
    return ex


@pytest.fixture
def sample_extraction():
    return make_extraction()


def free_port() -> int:
    """A currently free TCP port on the loopback interface."""
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class OxigraphServer:
    """A running `oxigraph serve` on 127.0.0.1: ``url`` is its base URL (KG_STORE), ``clear()`` empties it."""

    def __init__(self, url: str, process):
        self.url = url
        self.process = process

    def clear(self) -> None:
        import httpx

        httpx.post(
            f"{self.url}/update", content="DROP ALL", headers={"Content-Type": "application/sparql-update"}, timeout=10
        ).raise_for_status()


@pytest.fixture(scope="session")
def oxigraph_server(tmp_path_factory):
    """An Oxigraph server (the `oxigraph` PyPI package of the dev extras) on a free loopback port, for the
    whole session; tests marked ``server`` call ``.clear()`` first when they need an empty store."""
    import subprocess
    import sys
    import time

    import httpx

    binary = Path(sys.executable).with_name("oxigraph")
    if not binary.exists():
        pytest.fail(f"{binary} is missing: install the dev extras (pip install -e '.[dev]')")
    port = free_port()
    log = tmp_path_factory.mktemp("oxigraph") / "server.log"
    with open(log, "wb") as out:
        process = subprocess.Popen(
            [str(binary), "serve", "--location", str(log.parent / "db"), "--bind", f"127.0.0.1:{port}"],
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 20
    while True:
        try:
            httpx.get(f"{url}/query", params={"query": "ASK {}"}, timeout=2).raise_for_status()
            break
        except httpx.HTTPError:
            if process.poll() is not None or time.monotonic() > deadline:
                process.kill()
                pytest.fail(f"oxigraph serve did not start on {url}: {log.read_text(errors='replace')[-2000:]}")
            time.sleep(0.1)
    yield OxigraphServer(url, process)
    process.terminate()
    process.wait(10)


@pytest.fixture(autouse=True, scope="module")
def _stop_query_workers():
    """Each test module's query worker processes end with it (each temporary store has its own pool)."""
    yield
    from kg.query import close_pools

    close_pools()


#: Debian's chromium (apt-get install chromium): Playwright drives it; a browser download would fail offline.
CHROMIUM = "/usr/bin/chromium"


@pytest.fixture(scope="module")
def browser():
    """Headless Chromium for the browser journeys (skipped where Playwright or chromium is missing)."""
    playwright = pytest.importorskip("playwright.sync_api")
    if not Path(CHROMIUM).exists():
        pytest.skip("no /usr/bin/chromium: apt-get install -y chromium")
    with playwright.sync_playwright() as p:
        b = p.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        yield b
        b.close()


APP = ROOT / "app" / "streamlit_app.py"


def open_app_page(page: str | None = None, /, **params: str):
    """The app over the store ``KG_STORE`` names, run by Streamlit's AppTest at ``page`` (the landing page when
    None) with these URL parameters (``page`` is positional only: the entity page has a URL parameter of that
    name); the page must run without an exception."""
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(APP), default_timeout=60)
    for k, v in params.items():
        at.query_params[k] = v
    if page:
        at.switch_page(f"app_pages/{page}.py")
    at.run()
    assert not at.exception, at.exception
    return at
