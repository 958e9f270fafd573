"""Journeys in headless Chromium over the seed store: every view is its URL, evidence opens in place, search as
you type, and no page logs a deprecation warning (the server's log is read after every page was visited)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from test_browser import SEARCH_BOX, running_app

pytestmark = [pytest.mark.browser, pytest.mark.model]

PAGES = [
    "",
    "entity?entity=xiaohongshu",
    "graph?entity=xiaohongshu",
    "timeline",
    "paths?source=vipshop&target=alibaba",
    "sparql",
    "documents",
    "entity?entity=xiaohongshu&table=partner_of",
]


@pytest.fixture(scope="module")
def served(seed_store, tmp_path_factory) -> Iterator[tuple[str, Path]]:
    """The app over the seed store (read only) and the path of its log."""
    log = tmp_path_factory.mktemp("navigation") / "streamlit.log"
    with running_app(Path(seed_store.store), log) as url:
        yield url, log


@pytest.fixture
def page(browser):
    from playwright.sync_api import expect

    expect.set_options(timeout=30_000)  # the first view of a page builds the graph version's indexes
    page = browser.new_page(viewport={"width": 1440, "height": 1000})
    page.set_default_timeout(30_000)
    yield page
    page.close()


def heading(page, name: str):
    return page.get_by_role("heading", name=name, exact=True)


def test_a_counterpart_link_is_its_url_reload_and_back_hold(served, page):
    from playwright.sync_api import expect

    url, _ = served
    page.goto(url + "/entity?entity=xiaohongshu")
    expect(heading(page, "Xiaohongshu")).to_be_visible()
    page.get_by_role("link", name=re.compile(r"^Taotian — ")).first.click()
    expect(heading(page, "Taotian")).to_be_visible()
    expect(page).to_have_url(re.compile(r"/entity\?entity=taotian$"))
    page.reload()
    expect(heading(page, "Taotian")).to_be_visible()
    page.go_back()
    expect(heading(page, "Xiaohongshu")).to_be_visible()
    expect(page).to_have_url(re.compile(r"/entity\?entity=xiaohongshu$"))
    page.go_forward()
    expect(heading(page, "Taotian")).to_be_visible()


def test_an_evidence_link_opens_the_document_at_the_cited_sentence(served, page):
    from playwright.sync_api import expect

    url, _ = served
    page.goto(url + "/entity?entity=xiaohongshu")
    expect(heading(page, "Xiaohongshu")).to_be_visible()
    links = page.get_by_role("link", name=re.compile(r"^in Xiaohongshu opens external links"))
    expect(links.first).to_be_visible()
    link = links.nth(links.count() - 1)  # the last on the page: its sentence is far down the article
    href = link.get_attribute("href")
    start, end = (int(x) for x in re.search(r"start=(\d+)&end=(\d+)", href).groups())
    link.click()
    cited = page.locator("div.article #cited")
    expect(cited).to_be_visible()
    expect(cited).to_be_in_viewport()
    assert page.locator("div.article mark").count() == 0  # only the cited sentence stands out
    assert len(cited.inner_text()) == end - start
    expect(page.get_by_text("Published", exact=True)).to_be_visible()


def test_typing_rednote_suggests_xiaohongshu_and_enter_opens_it(served, page):
    from playwright.sync_api import expect

    url, _ = served
    page.goto(url)
    box = page.frame_locator(SEARCH_BOX)
    box.locator("input").click()
    box.locator("input").press_sequentially("rednote", delay=60)
    expect(box.get_by_text(re.compile(r"^Xiaohongshu · Organization · alias Red[Nn]ote$"))).to_be_visible()
    box.locator("input").press("Enter")
    expect(heading(page, "Xiaohongshu")).to_be_visible()
    expect(page).to_have_url(re.compile(r"/entity\?entity=xiaohongshu$"))


def test_no_page_logs_a_deprecation_warning_and_no_deploy_button(served, page):
    from playwright.sync_api import expect

    url, log = served
    for path in PAGES:
        page.goto(f"{url}/{path}")
        expect(page.get_by_role("heading").first).to_be_visible()
        page.wait_for_timeout(1500)  # let the page finish its run
    assert page.get_by_role("button", name="Deploy").count() == 0
    warned = [line for line in log.read_text().splitlines() if re.search(r"deprecat|use_container_width", line, re.I)]
    assert not warned, warned[:5]
