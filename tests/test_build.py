"""Building stores from articles with the real pipeline."""

import gc
import os
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from kg import store as store_module
from kg.build import _store, add_document, build, remove_document
from kg.cli import app
from kg.corpus import document_from_text
from kg.errors import StoreError
from kg.export import PREFIXES, jsonl_records
from kg.iri import normalise_name
from kg.model import Extraction
from kg.pipeline import DocumentGraph
from kg.settings import Settings
from kg.store import EmbeddedReader, open_reader
from tests.conftest import DATA, ROOT, SEED_ARTICLE

pytestmark = pytest.mark.model
CORPUS_FILES = sorted((ROOT / "corpus").glob("*.md"))


def quads_by_graph(reader) -> dict[str, set[str]]:
    graphs: dict[str, set[str]] = {}
    for q in reader.quads():
        if not q.graph_name.value.endswith("/graph/meta"):
            graphs.setdefault(q.graph_name.value, set()).add(str(q))
    return graphs


def copy_corpus(target: Path, files=CORPUS_FILES) -> Path:
    target.mkdir(parents=True, exist_ok=True)
    for f in files:
        shutil.copy(f, target / f.name)
    return target


@pytest.fixture(scope="module")
def reference(tmp_path_factory):
    """A complete build of the whole corpus, one document at a time."""
    base = tmp_path_factory.mktemp("reference")
    settings = Settings.load(store=str(base / "store"), corpus=str(copy_corpus(base / "corpus")), batch_size=1)
    report = build(settings)
    assert report.ok and len(report.added) == len(CORPUS_FILES)
    return settings


def test_seed_graph_has_every_annotated_entity_once_with_its_type(seed_store):
    gold = yaml.safe_load((DATA / "eval" / "seed.dev.yaml").read_text(encoding="utf-8"))
    entities = [r for r in jsonl_records(open_reader(seed_store)) if r["kind"] == "entity" and r["mentions"] > 0]
    by_name: dict[str, list[dict]] = {}
    for e in entities:
        for name in {e["label"], *e["aliases"]}:
            by_name.setdefault(normalise_name(name), []).append(e)
    for g in gold["entities"]:
        found = {
            e["id"]: e for name in [g["name"], *g.get("aliases", [])] for e in by_name.get(normalise_name(name), [])
        }
        assert len(found) == 1, f"{g['name']}: expected one node, found {sorted(found)}"
        assert next(iter(found.values()))["type"] == g["type"], g["name"]
    for bad in gold["not_entities"]:
        assert normalise_name(bad) not in by_name, f"{bad!r} must not be an entity"


def test_every_fact_has_evidence_matching_the_stored_text(seed_store):
    reader = open_reader(seed_store)
    texts = {
        r["g"].value.rsplit("/", 1)[1]: r["t"].value
        for r in reader.query(PREFIXES + "SELECT ?g ?t WHERE { GRAPH ?g { ?d a kg:Document ; kg:text ?t } }")
    }
    facts = [
        r for r in jsonl_records(reader) if r["kind"] in ("relation", "event", "quantity") and r.get("source") != "kb"
    ]
    assert facts
    for r in facts:
        assert r["evidence"], r
        for ev in r["evidence"]:
            assert texts[ev["document"]][ev["start"] : ev["end"]] == ev["sentence"]


@pytest.mark.parametrize(
    "query, expect",
    [
        ("SELECT ?label WHERE { ?o a kg:Organization ; rdfs:label ?label }", ["Taotian", "JD.com", "Alibaba"]),
        (
            """SELECT ?p ?other ?sentence WHERE {
              ?st rdf:subject|rdf:object ?x ; rdf:predicate ?p ; rdf:subject|rdf:object ?other ;
                  kg:evidence/kg:sentence ?sentence .
              ?x rdfs:label "Xiaohongshu" . FILTER(?other != ?x) }""",
            ["Taotian", "Red Cat Plan"],
        ),
        (
            """SELECT DISTINCT ?label WHERE { ?c a kg:CoMention ; kg:member ?j, ?e . ?j rdfs:label "JD.com" .
              FILTER(?e != ?j) ?e rdfs:label ?label }""",
            ["Xiaohongshu"],
        ),
    ],
)
def test_done_when_queries_answer(seed_store, query, expect):
    result = CliRunner().invoke(app, ["query", query, "--store", seed_store.store, "--format", "csv"])
    assert result.exit_code == 0, result.output
    for word in expect:
        assert word in result.output


@pytest.mark.parametrize("n_process, batch_size, write_batch_size", [(1, 4, 64), (2, 1, 1), (2, 2, 3), (1, 32, 4)])
def test_worker_processes_and_batches_build_the_same_store(
    tmp_path, reference, monkeypatch, n_process, batch_size, write_batch_size
):
    monkeypatch.setattr(store_module, "BULK_LOAD_MIN_DOCUMENTS", 2)  # so that the 6 articles also go through bulk loads
    settings = Settings.load(
        store=str(tmp_path / "store"),
        corpus=reference.corpus,
        n_process=n_process,
        batch_size=batch_size,
        write_batch_size=write_batch_size,
    )
    report = build(settings)
    assert report.ok and len(report.added) == len(CORPUS_FILES)
    assert quads_by_graph(EmbeddedReader(settings.store)) == quads_by_graph(EmbeddedReader(reference.store))


def test_rebuild_of_unchanged_corpus_changes_nothing(seed_store):
    before = {str(q) for q in EmbeddedReader(seed_store.store).quads()}
    report = build(seed_store)
    assert report.ok and report.added == [] and len(report.unchanged) == 1
    assert {str(q) for q in EmbeddedReader(seed_store.store).quads()} == before


def test_changed_file_replaces_only_its_graph(tmp_path):
    files = [SEED_ARTICLE, *[f for f in CORPUS_FILES if f != SEED_ARTICLE][:1]]
    corpus = copy_corpus(tmp_path / "corpus", files)
    settings = Settings.load(store=str(tmp_path / "store"), corpus=str(corpus))
    assert build(settings).ok
    before = quads_by_graph(EmbeddedReader(settings.store))
    changed = corpus / files[1].name
    changed.write_text(changed.read_text(encoding="utf-8") + "\nThe company declined to comment.\n", encoding="utf-8")
    report = build(settings)
    assert report.added == [str(changed)] and report.unchanged == [str(corpus / SEED_ARTICLE.name)]
    after = quads_by_graph(EmbeddedReader(settings.store))
    kept = set(before) & set(after)
    assert len(after) == len(before) and all(before[g] == after[g] for g in kept)
    assert len(set(after) - set(before)) == 1  # the changed document's new graph replaced its old one


def test_bad_files_do_not_stop_the_build(tmp_path):
    corpus = copy_corpus(tmp_path / "corpus", [SEED_ARTICLE])
    (corpus / "invalid.md").write_bytes(b"---\ntitle: x\n---\n\xc3\x28 broken")
    (corpus / "front.md").write_text("---\npublished: yesterday\n---\nMeituan grew.")
    (corpus / "empty.txt").write_text("  \n")
    bomb = (
        b"&a [lol]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n"
        b"d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]"
    )
    (corpus / "bomb.md").write_bytes(b"---\ntitle: " + bomb + b"\n---\nMeituan grew.")
    result = CliRunner().invoke(app, ["build", str(corpus), "--store", str(tmp_path / "store"), "--quiet"])
    assert result.exit_code == 1
    assert "1 added or updated" in result.output and "4 failed" in result.output
    for name in ("invalid.md", "front.md", "empty.txt", "bomb.md"):
        assert name in result.output
    assert len(open_reader(Settings.load(store=str(tmp_path / "store"))).documents()) == 1


def test_add_and_remove_a_pasted_article(tmp_path):
    settings = Settings.load(store=str(tmp_path / "store"))
    text = "Pinduoduo launched Temu in September 2022. Temu competes with Shein in the United States."
    result = add_document(settings, "", text=text, title="Temu", published="2023-01")
    assert result.added and result.entities >= 2
    assert add_document(settings, "", text=text, title="again").added is False  # same text: no-op
    [doc] = open_reader(settings).documents()
    assert doc.title == "Temu"
    assert remove_document(settings, doc.id) and open_reader(settings).documents() == []


def test_an_uploaded_file_keeps_its_own_name_not_its_temporary_path(tmp_path):
    """The app writes an upload to a temporary file that is gone afterwards: the document names the upload."""
    settings = Settings.load(store=str(tmp_path / "store"))
    temporary = tmp_path / "tmp1234" / "temu.md"
    temporary.parent.mkdir()
    temporary.write_text("---\ntitle: Temu\n---\nPinduoduo launched Temu in September 2022.", encoding="utf-8")
    add_document(settings, temporary, original_name="upload: temu.md")
    [doc] = open_reader(settings).documents()
    assert doc.source_path == "upload: temu.md" and "tmp1234" not in doc.source_path


KILLED_BUILD = textwrap.dedent("""
    import sys
    import kg.store
    from kg.build import build
    from kg.settings import Settings
    kg.store.BULK_LOAD_MIN_DOCUMENTS = 2  # documents land two at a time, in bulk loads
    settings = Settings.load(store=sys.argv[1], corpus=sys.argv[2], batch_size=1, write_batch_size=2)
    build(settings, progress=lambda done, total, what: print(done, flush=True))
""")


@pytest.mark.parametrize("after_documents, delay", [(0, 0.0), (1, 0.02), (3, 0.0), (4, 0.15)])
def test_sigkill_part_way_leaves_whole_documents_and_next_build_completes(tmp_path, reference, after_documents, delay):
    store, corpus = tmp_path / "store", Path(reference.corpus)
    proc = subprocess.Popen(
        [sys.executable, "-c", KILLED_BUILD, str(store), str(corpus)],
        stdout=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    for _ in range(after_documents):
        assert proc.stdout.readline(), "the build ended before the kill point"
    time.sleep(delay)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=60)
    expected = quads_by_graph(EmbeddedReader(reference.store))
    settings = Settings.load(store=str(store), corpus=str(corpus))
    from kg.store import open_writer

    with open_writer(settings) as writer:  # the store opens; every graph in it is a whole document
        partial = quads_by_graph(writer)
    assert len(partial) >= after_documents
    for graph, quads in partial.items():
        assert quads == expected[graph], f"{graph} is not whole"
    assert build(settings).ok
    assert quads_by_graph(EmbeddedReader(store)) == expected


def test_file_changed_to_another_documents_text_drops_its_old_graph(tmp_path):
    corpus = copy_corpus(tmp_path / "corpus", [SEED_ARTICLE])
    (corpus / "other.md").write_text("---\ntitle: Other\n---\nPinduoduo launched Temu in September 2022.\n")
    settings = Settings.load(store=str(tmp_path / "store"), corpus=str(corpus))
    assert build(settings).ok
    shutil.copy(SEED_ARTICLE, corpus / "other.md")  # now the same text as the seed
    report = build(settings)
    assert report.duplicates and report.duplicates[0][0] == str(corpus / "other.md")
    assert [d.source_path for d in open_reader(settings).documents()] == [str(corpus / SEED_ARTICLE.name)]


class OneBadDocumentWriter:
    """A writer that cannot store one document, and so fails every batch holding it."""

    def __init__(self, bad: str):
        self.bad, self.written = bad, []

    def write_documents(self, writes):
        if any(w.doc_id == self.bad for w in writes):
            raise StoreError("disk full")
        self.written += [w.doc_id for w in writes]


def test_a_document_the_store_refuses_fails_alone_and_the_rest_of_its_batch_is_written():
    docs = [document_from_text(f"Article number {i}.", title=f"T{i}") for i in range(5)]
    writer = OneBadDocumentWriter(bad=docs[2].id)
    errors = _store(writer, [(d, DocumentGraph(Extraction(document=d))) for d in docs], replaced={})
    assert list(errors) == [docs[2].id] and "could not be stored: disk full" in str(errors[docs[2].id])
    assert writer.written == [d.id for d in docs if d is not docs[2]]


def _children(pid: int) -> list[int]:
    try:
        with open(f"/proc/{pid}/task/{pid}/children") as f:
            return [int(c) for c in f.read().split()]
    except OSError:
        return []


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().split(")")[-1].split()[0] != "Z"
    except OSError:
        return False


@pytest.mark.model
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_sigkill_of_a_two_process_build_leaves_no_worker_alive(tmp_path, reference):
    script = KILLED_BUILD.replace("batch_size=1,", "batch_size=1, n_process=2,")
    proc = subprocess.Popen(
        [sys.executable, "-c", script, str(tmp_path / "store"), reference.corpus],
        stdout=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    deadline = time.monotonic() + 120
    while len(_children(proc.pid)) < 2:
        assert time.monotonic() < deadline and proc.poll() is None, "the build never started its workers"
        time.sleep(0.05)
    workers = _children(proc.pid)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=60)
    deadline = time.monotonic() + 10
    while any(_alive(w) for w in workers) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not any(_alive(w) for w in workers), "extraction workers outlived their killed build"


ARTICLES = {
    f"{name}.md": f"---\ntitle: Article {name}\n---\nMeituan opened shop number {i} in Shenzhen in May 2025.\n"
    for i, name in enumerate("abcde")
}


def small_corpus(target: Path) -> Path:
    target.mkdir(parents=True)
    for name, text in ARTICLES.items():
        (target / name).write_text(text, encoding="utf-8")
    return target


def fill_disk_after(monkeypatch, room: int, publish_fails: bool) -> None:
    """Every writer opened from now on writes to a disk with room for ``room`` more graphs
    (tests.test_store.FullDisk)."""
    from tests.test_store import FullDisk

    opened = store_module.EmbeddedWriter.__init__

    def on_a_small_disk(self, *args, **kwargs):
        opened(self, *args, **kwargs)
        self._store = FullDisk(self._store, room, publish_fails)

    monkeypatch.setattr(store_module.EmbeddedWriter, "__init__", on_a_small_disk)


@pytest.mark.parametrize("write_batch_size, bulk_load_min", [(1, 8), (4, 2)])
def test_a_full_disk_ends_the_build_with_a_per_file_report_and_readers_see_what_was_written(
    tmp_path, monkeypatch, write_batch_size, bulk_load_min
):
    monkeypatch.setattr(store_module, "BULK_LOAD_MIN_DOCUMENTS", bulk_load_min)  # (4, 2): a bulk load that does not fit
    corpus, store = small_corpus(tmp_path / "corpus"), tmp_path / "store"
    fill_disk_after(monkeypatch, room=1 + 2, publish_fails=False)  # the KB graph and two documents fit
    result = CliRunner().invoke(
        app,
        ["build", str(corpus), "--store", str(store), "--quiet"],
        env={"KG_WRITE_BATCH_SIZE": str(write_batch_size)},
    )
    assert result.exit_code == 3 and isinstance(result.exception, SystemExit), result.output
    lines = result.output.splitlines()
    assert f"written: {corpus / 'a.md'}" in lines and f"written: {corpus / 'b.md'}" in lines
    assert any(
        line.startswith(f"not written: {corpus / 'c.md'}: could not be stored") and "No space left on device" in line
        for line in lines
    ), result.output
    for name in ("d.md", "e.md"):
        assert any(line.startswith(f"not written: {corpus / name}: ") and "stopped" in line for line in lines), (
            result.output
        )
    assert "2 added or updated" in result.output and "3 failed" in result.output
    assert "error: the store could not be written" in result.output and "Traceback" not in result.output
    assert [d.source_path for d in open_reader(Settings.load(store=str(store))).documents()] == [
        str(corpus / "a.md"),
        str(corpus / "b.md"),
    ]


def test_a_disk_too_full_for_the_kb_graph_writes_no_document(tmp_path, monkeypatch):
    """The KB graph is written on the writer thread while the first articles are parsed: refused, it stops the
    build before any document lands, as it did when it was written first."""
    corpus, store = small_corpus(tmp_path / "corpus"), tmp_path / "store"
    fill_disk_after(monkeypatch, room=0, publish_fails=False)
    result = CliRunner().invoke(app, ["build", str(corpus), "--store", str(store), "--quiet"])
    assert result.exit_code == 3 and isinstance(result.exception, SystemExit), result.output
    assert "error: the store could not be written" in result.output and "Traceback" not in result.output
    assert "0 added or updated" in result.output and "5 failed" in result.output, result.output
    assert open_reader(Settings.load(store=str(store))).documents() == []


def test_after_a_full_disk_readers_see_only_what_was_published_and_the_next_build_publishes_the_rest(
    tmp_path, monkeypatch
):
    corpus, store = small_corpus(tmp_path / "corpus"), tmp_path / "store"
    settings = Settings.load(store=str(store))
    fill_disk_after(monkeypatch, room=1 + 2, publish_fails=True)  # two documents fit; at capacity no snapshot
    result = CliRunner().invoke(
        app,
        ["build", str(corpus), "--store", str(store), "--quiet"],
        env={"KG_WRITE_BATCH_SIZE": "1", "KG_SNAPSHOT_INTERVAL": "0"},  # a snapshot after each write
    )
    assert result.exit_code == 3 and isinstance(result.exception, SystemExit), result.output
    lines = result.output.splitlines()
    assert f"written: {corpus / 'a.md'}" in lines
    assert f"written, not yet visible to readers: {corpus / 'b.md'}" in lines, result.output
    assert sum(line.startswith("not written: ") for line in lines) == 3
    assert "could not publish" in result.output and "Traceback" not in result.output
    assert [d.source_path for d in open_reader(settings).documents()] == [str(corpus / "a.md")]

    monkeypatch.undo()  # room on the disk again
    # the build's error keeps the test's stand-in for the disk, and so the store's lock, in a reference cycle
    gc.collect()
    report = build(settings.replace(corpus=str(corpus)))
    assert report.ok and len(report.added) == 3 and len(report.unchanged) == 2
    assert [d.source_path for d in open_reader(settings).documents()] == [str(corpus / f"{n}.md") for n in "abcde"]


def test_links_that_dangle_or_loop_are_reported_and_the_other_files_load(tmp_path):
    corpus = small_corpus(tmp_path / "corpus")
    (corpus / "sub").mkdir()
    (corpus / "sub" / "up").symlink_to("..")
    (corpus / "gone.md").symlink_to(tmp_path / "nowhere.md")
    result = CliRunner().invoke(app, ["build", str(corpus), "--store", str(tmp_path / "store"), "--quiet"])
    assert result.exit_code == 0, result.output
    assert "5 added or updated" in result.output and "2 skipped" in result.output
    lines = result.output.splitlines()
    assert any(line.startswith(f"skipped: {corpus / 'sub' / 'up'}: link loop") for line in lines), result.output
    assert any(line.startswith(f"skipped: {corpus / 'gone.md'}: dangling link") for line in lines), result.output
