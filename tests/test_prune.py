"""`kg build --prune`: the documents whose files are gone leave the store, on an embedded store and on a server."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from kg.build import add_document, build
from kg.cli import app
from kg.errors import KGError
from kg.settings import Settings
from kg.store import open_reader

pytestmark = pytest.mark.model

ARTICLES = {
    name: f"---\ntitle: Article {name}\n---\nMeituan opened shop number {i} in Shenzhen in May 2025.\n"
    for i, name in enumerate(("one", "two", "three", "four"))
}


@pytest.fixture(params=["embedded", pytest.param("remote", marks=pytest.mark.server)])
def settings(request, tmp_path) -> Settings:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name, text in ARTICLES.items():
        (corpus / f"{name}.md").write_text(text, encoding="utf-8")
    if request.param == "remote":
        server = request.getfixturevalue("oxigraph_server")
        server.clear()
        return Settings.load(store=server.url, corpus=str(corpus), remote_retries=1)
    return Settings.load(store=str(tmp_path / "store"), corpus=str(corpus))


def _paths(settings: Settings) -> dict[str, str]:
    """Source path → document id, of every document in the store."""
    return {d.source_path: d.id for d in open_reader(settings).documents()}


def test_prune_removes_the_documents_of_deleted_files_and_says_which(settings):
    corpus = Path(settings.corpus)
    assert build(settings).ok
    before = _paths(settings)
    # no file: prune leaves it alone
    pasted = add_document(
        settings, "", text="Pinduoduo launched Temu in September 2022.", title="Pasted", published="2022-09"
    )
    gone = [str(corpus / "two.md"), str(corpus / "four.md")]
    for path in gone:
        Path(path).unlink()
    kept_without_prune = build(settings)
    assert kept_without_prune.pruned == [] and set(gone) <= set(_paths(settings))

    runner = CliRunner()
    result = runner.invoke(app, ["build", str(corpus), "--store", settings.store, "--prune"])
    assert result.exit_code == 0, result.output
    for path in gone:
        assert f"pruned: {path} (document {before[path]}): its file is gone" in result.output.splitlines(), (
            result.output
        )
    assert "2 pruned" in result.output
    left = _paths(settings)
    assert set(left) == {str(corpus / "one.md"), str(corpus / "three.md"), ""}
    assert left[""] == pasted.document_id
    assert not {before[path] for path in gone} & {d.id for d in open_reader(settings).documents()}
    again = build(settings, prune=True)
    assert again.pruned == [] and again.ok


def test_a_file_moved_within_the_corpus_is_pruned_at_its_old_path_and_added_at_its_new_one(settings):
    corpus = Path(settings.corpus)
    assert build(settings).ok
    doc_id = _paths(settings)[str(corpus / "one.md")]
    (corpus / "sub").mkdir()
    (corpus / "one.md").rename(corpus / "sub" / "one.md")
    report = build(settings, prune=True)
    assert report.pruned == [(str(corpus / "one.md"), doc_id)] and report.added == [str(corpus / "sub" / "one.md")]
    assert _paths(settings)[str(corpus / "sub" / "one.md")] == doc_id and len(_paths(settings)) == len(ARTICLES)


def test_prune_only_looks_under_the_paths_built(settings, tmp_path):
    corpus = Path(settings.corpus)
    assert build(settings).ok
    other = tmp_path / "other"
    other.mkdir()
    (corpus / "three.md").rename(other / "three.md")
    report = build(settings, [other], prune=True)  # three.md's old path is not under other/: not this build's to prune
    assert report.pruned == [] and len(_paths(settings)) == len(ARTICLES)


def test_prune_refuses_a_corpus_that_is_not_there(settings, tmp_path):
    assert build(settings).ok
    missing = tmp_path / "unmounted"
    with pytest.raises(KGError, match=r"not pruning: .*unmounted does not exist"):
        build(settings, [missing], prune=True)
    assert len(_paths(settings)) == len(ARTICLES)
