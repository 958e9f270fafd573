"""End to end in headless Chromium: a researcher corrects the seed article's graph in the explorer — rejects a wrong
fact, merges two entities, fixes a type, adds a missed fact citing a sentence — then reloads, and rebuilds the store
from scratch: all four corrections persist and are marked as curated (who, when)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from kg.settings import Settings
from tests.test_browser import running_app
from tests.test_curate import cited, holds

pytestmark = [pytest.mark.browser, pytest.mark.model]

CURATOR = "Journey Tester"
TITLE = "Xiaohongshu opens external links to Taotian and JD.com: traffic for revenue, or a delayed closed loop?"


@pytest.fixture
def store(seed_store, tmp_path) -> Settings:
    settings = seed_store.replace(store=str(tmp_path / "store"))
    shutil.copytree(seed_store.store, settings.store)
    return settings


def open_entity(page, url: str, key: str, heading: str):
    from playwright.sync_api import expect

    page.goto(f"{url}/entity?entity={key}")
    expect(page.get_by_role("heading", name=heading, exact=True)).to_be_visible()


def correct_panel(page):
    from playwright.sync_api import expect

    page.get_by_text("Correct this entity", exact=True).click()
    expect(page.get_by_role("button", name="Change type")).to_be_visible()


def done(page, action: str):
    from playwright.sync_api import expect

    expect(page.get_by_text(f"{action} recorded")).to_be_visible(timeout=60_000)


def check_curated(page, url: str) -> None:
    """The four corrections, each shown and marked curated by the journey's curator."""
    from playwright.sync_api import expect

    open_entity(page, url, "louis-vuitton", "LV")
    expect(page.get_by_text("1 curation(s)")).to_be_visible()
    assert page.get_by_role("link", name="Xiaohongshu —").count() == 0  # the rejected relation is gone
    correct_panel(page)
    expect(page.get_by_text(f"rejected by {CURATOR}")).to_be_visible()

    open_entity(page, url, "home store opening program", "Home Store Opening Program")
    expect(page.get_by_text("number store integration").first).to_be_visible()  # the merged entity's name: an alias
    correct_panel(page)
    expect(
        page.get_by_text(f"merged (number store integration into home store opening program) by {CURATOR}")
    ).to_be_visible()

    open_entity(page, url, "comment area link", "comment area link")
    expect(page.get_by_text("Type: Other")).to_be_visible()
    correct_panel(page)
    expect(page.get_by_text(f"type set to Other by {CURATOR}")).to_be_visible()

    open_entity(page, url, "tmall", "Tmall")
    expect(page.get_by_role("link", name="Xiaohongshu —").first).to_be_visible()
    expect(page.get_by_text(f"added by {CURATOR}").filter(visible=True).first).to_be_visible()  # under the row
    expect(page.locator("div.evidence", has_text="back-link conversion data").first).to_be_visible()


def test_corrections_persist_through_reload_and_rebuild(store, browser, tmp_path):
    from playwright.sync_api import expect

    doc, sentence = cited(store, "Specifically, the", "transaction.")
    expect.set_options(timeout=60_000)  # a page's first view builds its per-version indexes
    os.environ["KG_CURATOR"] = CURATOR
    try:
        with running_app(Path(store.store), tmp_path / "streamlit.log") as url:
            page = browser.new_page(viewport={"width": 1440, "height": 1000})
            page.set_default_timeout(30_000)

            # 1. reject a wrong fact, in place under its row
            open_entity(page, url, "louis-vuitton", "LV")
            page.get_by_role("button", name="Correct…").first.click()
            page.locator('input[aria-label="Why (optional)"]:visible').first.fill("a brand, not a seller")
            page.get_by_role("button", name="Reject (wrong fact)").first.click()
            done(page, "reject")

            # 2. merge two entities
            open_entity(page, url, "number store integration", "number store integration")
            correct_panel(page)
            page.get_by_label("Merge into (entity key, e.g. taotian)").fill("home store opening program")
            page.get_by_role("button", name="Merge into…").click()
            done(page, "merge")  # on the page of the entity it was merged into
            expect(page.get_by_role("heading", name="Home Store Opening Program", exact=True)).to_be_visible()

            # 3. fix a type
            open_entity(page, url, "comment area link", "comment area link")
            correct_panel(page)
            page.get_by_role("combobox", name="Type", exact=True).click()
            page.keyboard.type("Other")
            page.keyboard.press("Enter")
            page.get_by_role("button", name="Change type").click()
            done(page, "set-type")

            # 4. add a missed fact, citing the sentence that states it
            open_entity(page, url, "tmall", "Tmall")
            correct_panel(page)
            page.get_by_text("Add a missed fact").click()
            page.get_by_role("combobox", name="Relation").click()  # Tmall is the subject, the default
            page.keyboard.type("partner_of")
            page.keyboard.press("Enter")
            page.get_by_label("Other entity (key)").fill("xiaohongshu")
            page.get_by_role("combobox", name="Cited document").click()
            page.keyboard.type("Xiaohongshu opens external links")
            page.keyboard.press("Enter")
            page.get_by_label("The sentence, as in the document").fill(sentence)
            page.get_by_role("button", name="Add fact").click()
            done(page, "add-fact")
            assert holds(store, "entity:tmall kg:partner_of entity:xiaohongshu")

            # reload: all four are there and marked curated
            page.reload()
            check_curated(page, url)

            # rebuild the store from scratch (the curations file kept): all four again
            for part in ("live", "snapshots", "curation-originals"):
                shutil.rmtree(Path(store.store) / part, ignore_errors=True)
            (Path(store.store) / "CURRENT").unlink()
            built = subprocess.run(
                [sys.executable, "-m", "kg.cli", "build", store.corpus, "--store", store.store, "-q"],
                capture_output=True,
                text=True,
                timeout=300,
            )
            assert built.returncode == 0, built.stderr
            check_curated(page, url)
            assert doc and not holds(store, "entity:louis-vuitton kg:operates_on entity:xiaohongshu")
            expect(page.get_by_text("Tmall")).not_to_have_count(0)
            page.close()
    finally:
        os.environ.pop("KG_CURATOR", None)
