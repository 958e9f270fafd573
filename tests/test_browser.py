"""End to end in headless Chromium: the app over a store built from the seed article with the real pipeline.

Search "RedNote" → Xiaohongshu's page with the Taotian relation and its sentence → the graph view
draws a network → an example SPARQL query gives rows → an article whose names are HTML is added
and its names show as text, with no dialog and no stray request. Screenshots of the entity page and
the graph view go to a temporary directory, or to ``$KG_SCREENSHOT_DIR`` (docs/img for the README).
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlparse

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.model]

ROOT = Path(__file__).resolve().parent.parent
SEARCH_BOX = 'iframe[title="streamlit_searchbox.searchbox"]'  # the search-as-you-type component's frame
HOSTILE_TITLE = "Notes on <img src=x onerror=alert(1)> and <script>alert(2)</script>"
HOSTILE_TEXT = (
    "In March 2025, <img src=x onerror=alert(1)> Group and <script>alert(2)</script> Ltd reached a cooperation "
    "with Xiaohongshu. The <img src=x onerror=alert(1)> Group later invested in <script>alert(2)</script> Ltd."
)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def running_app(store: Path, log_path: Path) -> Iterator[str]:
    """The app served on a free loopback port over ``store`` (from the repository's root, so it reads
    .streamlit/config.toml), its output in ``log_path``; yields its URL."""
    port = _free_port()
    env = {**os.environ, "KG_STORE": str(store)}
    log = log_path.open("w")
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            str(ROOT / "app" / "streamlit_app.py"),
            "--server.address",
            "127.0.0.1",
            "--server.port",
            str(port),
            "--server.headless",
            "true",
            "--browser.gatherUsageStats",
            "false",
            "--server.fileWatcherType",
            "none",
        ],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(url + "/_stcore/health", timeout=1)
                break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(f"streamlit did not start: {log_path.read_text()}")
                time.sleep(0.3)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()


@pytest.fixture(scope="module")
def app_url(seed_store, tmp_path_factory):
    """The app over a copy of the seed store (the test adds an article)."""
    store = tmp_path_factory.mktemp("browser") / "store"
    shutil.copytree(seed_store.store, store)
    with running_app(store, tmp_path_factory.getbasetemp() / "streamlit.log") as url:
        yield url


@pytest.fixture
def screenshots(tmp_path) -> Path:
    target = Path(os.environ.get("KG_SCREENSHOT_DIR") or tmp_path)
    target.mkdir(parents=True, exist_ok=True)
    return target


def test_research_session(app_url, browser, screenshots):
    from playwright.sync_api import expect

    page = browser.new_page(viewport={"width": 1440, "height": 1000})
    page.set_default_timeout(30_000)
    dialogs, errors, foreign = [], [], []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on(
        "request",
        lambda r: (
            foreign.append(r.url)
            if urlparse(r.url).hostname not in ("127.0.0.1", None)
            and not r.url.startswith(("data:", "blob:", "about:"))
            else None
        ),
    )

    # 1. search by an alias, open the entity page
    page.goto(app_url)
    search = page.frame_locator(SEARCH_BOX).locator("input")
    search.click()
    search.press_sequentially("RedNote", delay=50)
    page.frame_locator(SEARCH_BOX).get_by_text("Xiaohongshu · Organization").click()
    expect(page.get_by_role("heading", name="Xiaohongshu", exact=True)).to_be_visible()
    assert "entity=xiaohongshu" in page.url
    # the Taotian relation with its sentence, both mentions marked
    expect(page.locator("mark", has_text="Taotian").first).to_be_visible()
    evidence = page.locator("div.evidence", has=page.locator("mark", has_text="Taotian")).first
    expect(evidence).to_contain_text("Xiaohongshu")
    page.wait_for_timeout(1500)  # let the timeline and the small graph draw
    page.screenshot(path=str(screenshots / "entity.png"))

    # 2. the graph view draws a network inside the component iframe
    page.get_by_role("link", name="Open in the graph view").click()
    expect(page.get_by_role("heading", name="Graph", exact=True)).to_be_visible()
    frame = page.frame_locator(f"iframe:not({SEARCH_BOX.removeprefix('iframe')})").first
    expect(frame.locator("#mynetwork canvas")).to_have_count(1)
    page.wait_for_timeout(1500)
    page.screenshot(path=str(screenshots / "graph.png"))

    # 3. an example SPARQL query gives rows
    page.goto(app_url + "/sparql")
    page.get_by_label("Example questions").click()
    page.keyboard.type("Programs Xiaohongshu suspended")
    page.keyboard.press("Enter")
    editor = page.get_by_label("SPARQL query")
    expect(editor).to_have_value(re.compile("kg:suspended"))
    editor.press("Control+Enter")  # the console's editor runs its query with Ctrl+Enter
    page.wait_for_url("**/sparql?query=*")
    expect(page.get_by_text("rows in")).to_be_visible()
    assert not page.get_by_text("0 rows in").is_visible()
    expect(page.get_by_role("cell", name="Xiaohongxing", exact=True)).to_be_visible()  # the seed's suspended program

    # 4. add an article whose names are HTML: they show as text, nothing runs
    page.goto(app_url + "/documents")
    page.get_by_role("tab", name="Add an article").click()
    page.get_by_role("textbox", name="Title", exact=True).fill(HOSTILE_TITLE)
    page.get_by_role("textbox", name="Published (YYYY, YYYY-MM or YYYY-MM-DD)").fill("2025-03")
    page.get_by_role("textbox", name="…or paste the text").fill(HOSTILE_TEXT)
    page.get_by_role("button", name="Add article").click()
    expect(page.get_by_text("It is now in every view")).to_be_visible(timeout=90_000)
    page.get_by_role("tab", name="Read").click()
    expect(page.get_by_role("heading", name=HOSTILE_TITLE)).to_be_visible()
    expect(page.locator("div.article")).to_contain_text("<img src=x onerror=alert(1)> Group")
    expect(page.locator("div.article")).to_contain_text("<script>alert(2)</script> Ltd")
    page.wait_for_timeout(1000)
    assert page.locator('img[src="x"]').count() == 0
    assert page.locator("script", has_text="alert(2)").count() == 0
    assert dialogs == [], dialogs
    assert not [e for e in errors if "alert" in e or "/x" in e], errors
    assert foreign == [], foreign[:5]
    page.close()
