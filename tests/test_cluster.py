"""`kg build --cluster`: extraction on a Dask cluster gives the same store as the build in one process."""

from __future__ import annotations

import os
import shutil
import signal
from pathlib import Path

import psutil
import pytest
from typer.testing import CliRunner

from kg.build import build
from kg.cli import app
from kg.cluster import parse_cluster, size_balanced_batches
from kg.corpus import document_from_text
from kg.errors import KGError, SettingError
from kg.settings import Settings
from kg.store import EmbeddedReader
from tests.conftest import DATA, ROOT

ARTICLES = sorted((ROOT / "corpus").glob("*.md")) + sorted((DATA / "articles").glob("*.md"))


def _quads(store: str) -> list[str]:
    """Every quad but the meta graph's (the build's time stamp)."""
    return sorted(str(q) for q in EmbeddedReader(store).quads() if not q.graph_name.value.endswith("/graph/meta"))


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    target = tmp_path_factory.mktemp("cluster") / "corpus"
    target.mkdir()
    for article in ARTICLES:
        shutil.copy(article, target / article.name)
    return target


@pytest.fixture(scope="module")
def reference(corpus) -> list[str]:
    """The quads of the build in this one process."""
    store = corpus.parent / "reference"
    report = build(Settings.load(store=str(store), corpus=str(corpus)))
    assert report.ok and len(report.added) == len(ARTICLES), report
    return _quads(str(store))


@pytest.mark.model
def test_a_local_cluster_of_two_workers_exports_the_same_quads_as_one_process(corpus, reference, tmp_path):
    store = tmp_path / "store"
    result = CliRunner().invoke(
        app, ["build", str(corpus), "--store", str(store), "--cluster", "local:2", "--batch-size", "2"]
    )
    assert result.exit_code == 0, result.output
    assert f"{len(ARTICLES)} added or updated" in result.output
    assert _quads(str(store)) == reference
    export = tmp_path / "export.nq"
    assert (
        CliRunner().invoke(app, ["export", "--format", "nq", "--store", str(store), "--out", str(export)]).exit_code
        == 0
    )
    lines = export.read_text(encoding="utf-8").splitlines()
    exported = sorted(line.removesuffix(" .") for line in lines if "/graph/meta>" not in line)
    assert exported == reference


def _forkservers(before: set[int]) -> list[psutil.Process]:
    """The forkservers started from this process since ``before`` (a local cluster's workers fork from one)."""
    return [
        p
        for p in psutil.Process().children(recursive=True)
        if p.pid not in before and "multiprocessing.forkserver" in " ".join(p.cmdline()) and p.is_running()
    ]


def _dask_workers(before: set[int]) -> list[psutil.Process]:
    """The worker processes a local cluster started from this process since ``before``: its forkserver's children."""
    return [w for server in _forkservers(before) for w in server.children() if w.is_running()]


@pytest.mark.model
def test_a_worker_killed_mid_build_has_its_batch_redone_and_each_document_lands_once(corpus, reference, tmp_path):
    before = {p.pid for p in psutil.Process().children(recursive=True)}
    killed: list[int] = []

    def kill_a_worker(done: int, total: int, what: str) -> None:
        if killed:
            return
        workers = _dask_workers(before)
        assert len(workers) == 2, workers
        assert done < total, "the build ended before the kill"
        os.kill(workers[0].pid, signal.SIGKILL)  # it holds batches not extracted yet: 3 in flight per worker
        killed.append(workers[0].pid)

    # each document written, and progress told, as it arrives
    settings = Settings.load(
        store=str(tmp_path / "store"), corpus=str(corpus), cluster="local:2", batch_size=1, write_batch_size=1
    )
    report = build(settings, progress=kill_a_worker)
    assert killed, "no worker was killed"
    assert not psutil.pid_exists(killed[0]) or psutil.Process(killed[0]).status() == psutil.STATUS_ZOMBIE
    assert report.ok, report.failed
    assert sorted(report.added) == sorted(str(corpus / a.name) for a in ARTICLES)  # each once
    assert _quads(settings.store) == reference


@pytest.mark.parametrize(
    "spec, expected",
    [
        ("local:1", 1),
        ("local:16", 16),
        ("tcp://10.0.0.5:8786", "tcp://10.0.0.5:8786"),
        ("tls://scheduler:8786", "tls://scheduler:8786"),
    ],
)
def test_cluster_specs(spec, expected):
    assert parse_cluster(spec) == expected


@pytest.mark.parametrize("spec", ["local:0", "local:", "local:two", "10.0.0.5:8786", "http://host:8786", "2"])
def test_a_bad_cluster_spec_names_it_and_the_two_forms(spec):
    with pytest.raises(SettingError) as failed:
        parse_cluster(spec)
    assert repr(spec) in str(failed.value) and "local:N" in str(failed.value) and "tcp://HOST:8786" in str(failed.value)


@pytest.mark.parametrize("workers, batch_size", [(1, 32), (2, 32), (2, 3), (8, 1), (3, 100)])
def test_batches_hold_every_document_once_longest_first_and_of_similar_length(workers, batch_size):
    lengths = [(i * 7919) % 997 + 1 for i in range(150)]
    docs = [document_from_text("x" * n, title=str(i)) for i, n in enumerate(lengths)]
    batches = size_balanced_batches(docs, workers, batch_size)
    flat = [i for batch in batches for i in batch]
    assert sorted(flat) == list(range(len(docs)))
    assert all(1 <= len(batch) <= batch_size for batch in batches)
    assert [lengths[i] for i in flat] == sorted(lengths, reverse=True)
    assert len(batches) >= min(len(docs), 4 * workers)
    # a batch closed because the next document did not fit holds between half the budget and the budget
    by_length = [sum(lengths[i] for i in b) for b in batches[:-1] if len(b) < batch_size]
    assert not by_length or min(by_length) >= max(by_length) / 2


def test_a_scheduler_that_does_not_answer_is_named_with_the_fix(monkeypatch, tmp_path):
    import kg.cluster
    from tests.conftest import free_port

    monkeypatch.setattr(kg.cluster, "CONNECT_TIMEOUT_SECONDS", 1.0)
    address = f"tcp://127.0.0.1:{free_port()}"
    with pytest.raises(KGError) as failed:
        list(kg.cluster.cluster_graphs([document_from_text("Some text.", title="T")], Settings.load(cluster=address)))
    assert address in str(failed.value) and "dask scheduler" in str(failed.value)


def test_a_worker_that_cannot_load_the_pipeline_says_so_and_what_to_install():
    import kg.cluster

    settings = Settings.load(cluster="local:1", model="no_such_pipeline")
    with pytest.raises(KGError) as failed:
        list(kg.cluster.cluster_graphs([document_from_text("Some text.", title="T")], settings))
    message = str(failed.value)
    assert "Dask worker could not load the pipeline" in message and "no_such_pipeline" in message
    assert "on every worker" in message


@pytest.mark.model
def test_a_local_cluster_does_not_run_the_callers_main_script_in_its_workers(tmp_path, monkeypatch):
    """Spawned workers re-run a main script loaded from a file; one that cannot run there must not stop the build."""
    import sys
    import types

    import kg.cluster

    script = tmp_path / "page.py"
    script.write_text("raise ImportError('this page only runs in its own app')\n", encoding="utf-8")
    fake_main = types.ModuleType("__main__")
    fake_main.__file__ = str(script)
    monkeypatch.setitem(sys.modules, "__main__", fake_main)
    [(_, graph, error)] = kg.cluster.cluster_graphs(
        [document_from_text("Alibaba invested in Xiaohongshu.", title="T")], Settings.load(cluster="local:1")
    )
    assert error is None and graph is not None and graph.ntriples
    assert fake_main.__file__ == str(script)


@pytest.mark.model
def test_local_workers_fork_with_the_pipeline_loaded_once_also_a_worker_restarted_after_a_kill():
    import time

    import kg.cluster

    before = {p.pid for p in psutil.Process().children(recursive=True)}
    malloc_trim = os.environ.get("MALLOC_TRIM_THRESHOLD_")

    def inherited(dask_worker) -> tuple[int, bool, str | None]:
        """This worker's pid; whether its plugin's pipeline is the one its forkserver loaded; its malloc setting."""
        import os

        import kg.cluster_preload

        preloaded = kg.cluster_preload._preloaded
        uses_it = preloaded is not None and dask_worker.plugins["kg-pipeline"].nlp is preloaded[1]
        return os.getpid(), uses_it, os.environ.get("MALLOC_TRIM_THRESHOLD_")

    session = kg.cluster.ClusterSession(Settings.load(cluster="local:2"))
    try:
        client = session.client()
        first = client.run(inherited)
        assert [(uses, trim) for _, uses, trim in first.values()] == [(True, malloc_trim)] * 2, first
        assert kg.cluster_preload.SETTINGS_VARIABLE not in os.environ  # given to the forkserver only
        killed = next(iter(first.values()))[0]
        os.kill(killed, signal.SIGKILL)
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            now = client.run(inherited, on_error="ignore")  # the killed one until the scheduler drops it
            if len(now) == 2 and killed not in {pid for pid, _, _ in now.values()}:
                break
            time.sleep(0.5)
        assert len(now) == 2 and killed not in {pid for pid, _, _ in now.values()}, now
        assert [uses for _, uses, _ in now.values()] == [True, True], now  # the restarted one forked from it too
    finally:
        session.close()
    assert not _forkservers(before), "the forkserver outlived its cluster"


@pytest.mark.model
def test_a_worker_whose_forkserver_loaded_other_settings_loads_its_own_pipeline(monkeypatch):
    import kg.cluster
    import kg.cluster_preload

    settings = Settings.load()
    other = object()
    monkeypatch.setattr(kg.cluster_preload, "_preloaded", (settings.replace(model="another_model"), other))
    plugin = kg.cluster.PipelinePlugin(settings)
    plugin.setup(worker=None)
    assert plugin.nlp is not other and "kg_extractor" in plugin.nlp.pipe_names
    monkeypatch.setattr(kg.cluster_preload, "_preloaded", (settings, other))
    plugin.setup(worker=None)
    assert plugin.nlp is other
