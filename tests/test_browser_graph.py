"""Journeys in headless Chromium through the graph view and the SPARQL console (issue 14, items 3 and 5).

Over the hand-built sample store (no model): clicking a graph node changes the focus (URL and view);
clicking an edge shows its evidence; a console query's result cell opens an entity page, and the editor
completes a class name. No request leaves 127.0.0.1.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from urllib.parse import quote, urlparse

import pytest

from tests.test_browser import running_app

pytestmark = [pytest.mark.browser]


@pytest.fixture(scope="module")
def app_url(sample_store, tmp_path_factory):
    """The app over a copy of the sample store."""
    base = tmp_path_factory.mktemp("browser-graph")
    shutil.copytree(sample_store.store, base / "store")
    with running_app(base / "store", base / "streamlit-graph.log") as url:
        yield url


@pytest.fixture
def page(browser):
    """A page that records requests leaving 127.0.0.1 and script errors (both asserted empty at the end)."""
    page = browser.new_page(viewport={"width": 1440, "height": 1000})
    page.set_default_timeout(30_000)
    foreign: list[str] = []
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on(
        "request",
        lambda r: (
            foreign.append(r.url)
            if urlparse(r.url).hostname not in ("127.0.0.1", None)
            and not r.url.startswith(("data:", "blob:", "about:"))
            else None
        ),
    )
    yield page
    page.close()
    assert foreign == [], foreign[:5]
    assert errors == [], errors[:5]


def graph_frame(page):
    """The graph's iframe once its network is drawn."""
    from playwright.sync_api import expect

    expect(page.frame_locator("iframe[srcdoc]").first.locator("#mynetwork canvas")).to_have_count(1, timeout=30_000)
    frame = page.locator("iframe[srcdoc]").first.element_handle().content_frame()
    frame.wait_for_function("network.getPositions().xiaohongshu !== undefined")
    return frame


def on_page(page, frame, canvas_xy: str) -> tuple[float, float]:
    """The page coordinates of a point given in the network's canvas coordinates (a JS expression)."""
    x, y = frame.evaluate(f"(() => {{ const p = network.canvasToDOM({canvas_xy}); return [p.x, p.y]; }})()")
    box = page.locator("iframe[srcdoc]").first.bounding_box()
    inner = frame.evaluate(
        "(() => { const r = document.getElementById('mynetwork').getBoundingClientRect(); return [r.x, r.y]; })()"
    )
    return box["x"] + inner[0] + x, box["y"] + inner[1] + y


def test_clicking_a_node_changes_the_focus_and_back_returns(app_url, page):
    from playwright.sync_api import expect

    page.goto(app_url + "/graph?entity=xiaohongshu")
    frame = graph_frame(page)
    page.mouse.click(*on_page(page, frame, "network.getPositions(['taotian']).taotian"))
    page.wait_for_url("**/graph?*entity=taotian*")
    expect(page.get_by_role("link", name="Open Taotian")).to_be_visible()
    frame = graph_frame(page)  # the view is drawn around the new focus
    assert frame.evaluate("nodes.get('taotian').size") == 22  # the focus is drawn larger
    page.go_back()
    page.wait_for_url("**/graph?*entity=xiaohongshu*")
    expect(page.get_by_role("link", name="Open Xiaohongshu")).to_be_visible()


def test_clicking_an_edge_shows_its_evidence(app_url, page):
    from playwright.sync_api import expect

    page.goto(app_url + "/graph?entity=xiaohongshu")
    frame = graph_frame(page)
    middle = (
        "(() => { const p = network.getPositions(['xiaohongshu', 'taotian']);"
        " return {x: (p.xiaohongshu.x + p.taotian.x) / 2, y: (p.xiaohongshu.y + p.taotian.y) / 2}; })()"
    )
    page.mouse.click(*on_page(page, frame, middle))
    panel = page.frame_locator("iframe[srcdoc]").first.locator("#kg-panel")
    expect(panel).to_be_visible()
    expect(panel.locator(".kg-evidence").first).to_contain_text("partner of")
    expect(panel.locator(".kg-evidence").first).to_contain_text("Taotian")
    assert "graph" in page.url and "entity=xiaohongshu" in page.url  # reading evidence does not move the view


def test_a_console_result_cell_opens_the_entity_page(app_url, page):
    from playwright.sync_api import expect

    query = "SELECT ?entity ?name WHERE { ?entity a kg:Organization ; rdfs:label ?name } ORDER BY ?name"
    page.goto(app_url + "/sparql?query=" + quote(query))
    cell = page.locator(".kg-results a", has_text="Taotian")
    expect(cell.first).to_be_visible()
    cell.first.click()
    page.wait_for_url("**/entity?entity=taotian")
    expect(page.get_by_role("heading", name="Taotian", exact=True)).to_be_visible()


def test_the_editor_completes_a_class_and_runs_with_ctrl_enter(app_url, page):
    from playwright.sync_api import expect

    page.goto(app_url + "/sparql")
    editor = page.get_by_label("SPARQL query")
    editor.fill("")
    editor.press_sequentially("SELECT ?o WHERE { ?o a kg:Progr")
    suggestion = page.get_by_role("option").filter(has_text="kg:Program")
    expect(suggestion.first).to_be_visible()
    editor.press("Tab")
    editor.press_sequentially(" }")
    assert editor.input_value() == "SELECT ?o WHERE { ?o a kg:Program }"
    expect(page.locator(".kg-hl .t-kw").first).to_have_text("SELECT")  # highlighted
    editor.press("Control+Enter")
    page.wait_for_url("**/sparql?query=*")
    expect(page.locator(".kg-results a", has_text="Red Cat Plan").first).to_be_visible()


@pytest.mark.model
def test_xiaohongshus_timeline_tells_the_seed_story_in_order(seed_store, browser, tmp_path):
    """The seed article's story on Xiaohongshu's timeline, one lane per counterpart: Taobao's links opened in
    2020, cut in 2021, then the Red Cat Plan and JD.com in 2025 (``KG_SCREENSHOT_DIR=docs/img`` keeps the
    screenshot for the README)."""
    from playwright.sync_api import expect

    from kg.explore.search import build_label_index
    from kg.explore.timeline import lanes, merge_marks, timeline_items
    from kg.store import open_reader

    reader = open_reader(seed_store)
    items = merge_marks(timeline_items(reader, "xiaohongshu").items)
    names = {k: e.label for k, e in build_label_index(reader).entities.items()}
    order = [
        lane
        for _, lane in sorted(
            zip((i.start for i in items), lanes(items, "counterpart", "xiaohongshu", names), strict=True)
        )
    ]
    assert order.index("Alibaba") < order.index("Taobao") < order.index("Red Cat Plan") < order.index("JD.com")
    with running_app(Path(seed_store.store), tmp_path / "streamlit-graph.log") as url:
        page = browser.new_page(viewport={"width": 1440, "height": 1000})
        page.goto(url + "/timeline?entity=xiaohongshu")
        expect(page.get_by_text("kind of fact").first).to_be_visible(timeout=30_000)
        page.wait_for_timeout(1500)
        target = Path(os.environ.get("KG_SCREENSHOT_DIR") or tmp_path)
        target.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(target / "timeline.png"), full_page=True)
        page.close()
