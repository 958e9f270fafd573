"""Extraction on a Dask cluster: ``kg build --cluster tcp://HOST:8786`` or ``--cluster local:N`` (setting ``cluster``).

The build's process stays the only writer of the store (:mod:`kg.build`); the cluster only extracts:

- a worker plugin (:class:`PipelinePlugin`) loads the spaCy pipeline once per worker, also on a worker that
  joins or is restarted later;
- documents travel in size-balanced batches (:func:`size_balanced_batches`, longest first), at most
  :data:`BATCHES_IN_FLIGHT_PER_WORKER` per worker at a time (memory stays flat whatever the corpus size);
- each batch runs :func:`kg.pipeline.serialised_graphs`, the extraction of the fork path, and returns each
  document's graph as N-Triples bytes (or its error), yielded in the order batches complete;
- a worker that dies has its batch redone on another worker by Dask's scheduler (up to its
  ``distributed.scheduler.allowed-failures``, 3 by default; past it the batch's documents are reported as not
  extracted). A redone batch is still received once, so each document is written exactly once.

``local:N`` starts a :class:`~distributed.LocalCluster` of N single-threaded worker processes bound to
127.0.0.1, without a dashboard, forked from a forkserver that loaded the pipeline once (:mod:`kg.cluster_preload`), as
the fork path forks from the build's process. Setting up a real cluster: docs/scale-out.md.

A build holds its cluster in a :class:`ClusterSession`: the connection (a local cluster's start) and the workers'
pipeline loads run on a thread while the build checks the KB graph and the curations, and the cluster is closed on
that thread once the last batch is back, while the build writes the last documents, refreshes the derived graphs and
publishes. A local cluster's start, its forkserver's pipeline load included, and its close (measured bare on 2 cores:
2.0–2.5 s and 0.3–0.4 s) were otherwise on the path.

>>> parse_cluster("local:2"), parse_cluster("tcp://10.0.0.5:8786")
(2, 'tcp://10.0.0.5:8786')
"""

from __future__ import annotations

import dataclasses
import itertools
import json
import logging
import os
import sys
import threading
from collections.abc import Generator, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import ExitStack, contextmanager
from multiprocessing import forkserver
from typing import TYPE_CHECKING, Any

from distributed import WorkerPlugin

from kg import cluster_preload
from kg.errors import DocumentError, KGError, SettingError
from kg.model import Document
from kg.pipeline import DocumentGraph, Outcome, serialised_graphs
from kg.settings import Settings

if TYPE_CHECKING:
    from distributed import Client

#: Batches handed to each worker at once: one being extracted, the next ones already there when it ends.
BATCHES_IN_FLIGHT_PER_WORKER = 3
#: Fewest batches per worker on a small corpus, so that the last batch to finish is a small share of the work.
MIN_BATCHES_PER_WORKER = 4
#: How long to wait for a scheduler, and for its first worker.
CONNECT_TIMEOUT_SECONDS = 30.0
PLUGIN_NAME = "kg-pipeline"
#: The module a local cluster's forkserver preloads, and the environment variable that gives it the build's settings.
PRELOAD_MODULE = cluster_preload.__name__
#: Dask's diagnostics that a local cluster turns down, for the CPU its workers' event loop takes from the extraction
#: (whose thread waits for the GIL meanwhile): the statistical profiler samples the running task's stack every 10 ms,
#: the loop checks its own health every 20 ms and the system monitor reads CPU, memory, network and disk every 0.5 s.
#: Measured on 200 articles, the event loop thread of each worker took 1.1 s of CPU with Dask's defaults, 0.43 s
#: without the profiler, 0.25 s with these (the extraction thread about 8.5 s).
QUIET_LOCAL_CLUSTER = {
    "distributed.worker.profile.enabled": False,
    "distributed.admin.tick.interval": "1s",
    "distributed.admin.system-monitor.interval": "5s",
}
_SCHEMES = ("tcp://", "tls://", "ucx://", "inproc://")


def parse_cluster(spec: str) -> int | str:
    """``local:N`` → N (workers of a local cluster); a scheduler address (``tcp://HOST:PORT``) as it is."""
    if spec.startswith("local:"):
        count = spec.removeprefix("local:")
        if count.isdigit() and int(count) >= 1:
            return int(count)
    elif spec.startswith(_SCHEMES):
        return spec
    raise SettingError(
        f"cluster={spec!r} is neither local:N (N ≥ 1 worker processes on this machine) nor a Dask "
        "scheduler address such as tcp://HOST:8786; set --cluster or KG_CLUSTER to one of those"
    )


class PipelinePlugin(WorkerPlugin):
    """Loads the spaCy pipeline with kg's components once on each worker (the model and ``kb_paths`` of the
    build's settings must exist there: the same package installed, the same KB files), or takes the one a local
    cluster's worker inherited from its forkserver for the same settings."""

    name = PLUGIN_NAME

    def __init__(self, settings: Settings):
        self.settings = settings
        self.nlp: Any = None
        self.lock: threading.Lock | None = None

    def setup(self, worker) -> None:
        from kg.nlp import load_pipeline

        nlp = cluster_preload.preloaded_pipeline(self.settings)
        self.nlp = nlp if nlp is not None else load_pipeline(self.settings)
        # one batch at a time per pipeline, even on a worker started with several threads
        self.lock = threading.Lock()


def extract_batch(
    documents: list[Document], batch_size: int
) -> list[tuple[DocumentGraph | None, DocumentError | None]]:
    """The Dask task: the graphs (N-Triples made) or errors of one batch, with this worker's pipeline."""
    from distributed import get_worker

    plugin = get_worker().plugins[PLUGIN_NAME]
    assert isinstance(plugin, PipelinePlugin) and plugin.lock is not None, "the kg-pipeline plugin did not set up"
    with plugin.lock:
        return serialised_graphs(plugin.nlp, documents, batch_size)


def size_balanced_batches(documents: Sequence[Document], workers: int, batch_size: int) -> list[list[int]]:
    """Indexes of ``documents`` in batches of about the same text length, longest documents first, each of at most
    ``batch_size`` documents; at least :data:`MIN_BATCHES_PER_WORKER` batches per worker when there are enough
    documents. Longest first, so that what is left at the end is short and the workers finish together.

    >>> from kg.corpus import document_from_text
    >>> docs = [document_from_text("word " * n, title=str(n)) for n in (10, 400, 30, 200, 20, 190)]
    >>> size_balanced_batches(docs, workers=1, batch_size=32)
    [[1], [3, 5], [2, 4, 0]]
    """
    if not documents:
        return []
    order = sorted(range(len(documents)), key=lambda i: -len(documents[i].text))
    lengths = [max(1, len(documents[i].text)) for i in order]
    total = sum(lengths)
    budget = max(
        lengths[0], min(total // (MIN_BATCHES_PER_WORKER * max(1, workers)), total // len(lengths) * batch_size)
    )
    batches: list[list[int]] = []
    size = 0
    for i, length in zip(order, lengths, strict=True):
        if batches and len(batches[-1]) < batch_size and size + length <= budget:
            batches[-1].append(i)
            size += length
        else:
            batches.append([i])
            size = length
    return batches


@contextmanager
def _main_script_not_rerun() -> Iterator[None]:
    """While it lasts, worker processes spawned here (at the start, and again for a worker that died) do not run this
    process's main script first, as spawn does when ``__main__`` was loaded from a file: the workers need nothing
    from it, and a script without a ``__name__`` guard would run again, or fail there (a Streamlit page did, under
    pytest). A main module run with ``python -m`` is not re-run by spawn anyway."""
    main = sys.modules.get("__main__")
    path = getattr(main, "__file__", None)
    if main is None or path is None or getattr(main, "__spec__", None) is not None:
        yield
        return
    del main.__file__
    try:
        yield
    finally:
        main.__file__ = path


@contextmanager
def _environment(variables: dict[str, str]) -> Iterator[None]:
    """``os.environ`` with ``variables`` while it lasts."""
    before = {name: os.environ.get(name) for name in variables}
    os.environ.update(variables)
    try:
        yield
    finally:
        for name, value in before.items():
            if value is None:
                del os.environ[name]
            else:
                os.environ[name] = value


@contextmanager
def _workers_fork_with_pipeline(settings: Settings) -> Iterator[None]:
    """While it lasts, a local cluster's worker processes (at the start, and again for a worker that died) fork from a
    forkserver that imported distributed, spaCy and kg and loaded the pipeline of ``settings`` once
    (:mod:`kg.cluster_preload`), instead of each spawning an interpreter that does it all again.

    The workers get the build's environment, as the fork path's do: Dask's ``pre-spawn-environ`` is emptied, whose
    ``MALLOC_TRIM_THRESHOLD_=65536`` (it also turns off glibc's adaptive mmap threshold) cost a 1,000-article build
    16 s more system CPU, +14 %, for 47 MB less peak memory per worker (measured: 26.7 against 10.7 s), and
    which the nanny would otherwise write into this process's environment. The forkserver stops at the end: its
    memory is freed, the next cluster's forks from one loaded with its own settings, and its CPU counts as this
    process's children's. A process has one forkserver: one local cluster at a time per process."""
    import dask
    from distributed.utils import get_mp_context

    with dask.config.set(
        {
            "distributed.worker.multiprocessing-method": "forkserver",
            "distributed.nanny.pre-spawn-environ": {},
            **QUIET_LOCAL_CLUSTER,
        }
    ):
        # after get_mp_context, which sets distributed's own preload list the first time it is called
        get_mp_context().set_forkserver_preload([PRELOAD_MODULE])
        with _environment({cluster_preload.SETTINGS_VARIABLE: json.dumps(dataclasses.asdict(settings))}):
            forkserver.ensure_running()
        try:
            yield
        finally:
            # multiprocessing has no public way to stop its forkserver; _stop is the one CPython's own tests use. It
            # waits for the forkserver to exit, which it does once no worker is left (the cluster has joined them)
            forkserver._forkserver._stop()  # type: ignore[attr-defined]


@contextmanager
def connect(settings: Settings) -> Iterator[Client]:
    """A client of the cluster ``settings.cluster`` (:func:`parse_cluster`); a local cluster is started, then
    stopped."""
    from distributed import Client, LocalCluster

    target = parse_cluster(settings.cluster)
    if isinstance(target, int):
        with _main_script_not_rerun(), _workers_fork_with_pipeline(settings):
            cluster = LocalCluster(
                n_workers=target,
                threads_per_worker=1,
                processes=True,
                host="127.0.0.1",
                # the scheduler's and the workers' HTTP servers (health, metrics) on loopback too, on free ports
                dashboard_address="127.0.0.1:0",
                worker_dashboard_address="127.0.0.1:0",
                silence_logs=logging.ERROR,
            )
            try:
                with Client(cluster, set_as_default=False) as client:
                    yield client
            finally:
                cluster.close()
        return
    try:
        client = Client(target, timeout=CONNECT_TIMEOUT_SECONDS, set_as_default=False)
    except OSError as e:
        raise KGError(
            f"cannot reach the Dask scheduler {target} ({e}); start it with `dask scheduler` and its workers "
            f"with `dask worker {target}` (docs/scale-out.md), or build on this machine with --cluster local:2"
        ) from None
    with client:
        yield client


class ClusterSession:
    """The cluster of ``settings.cluster``, made ready on a thread from :meth:`start` on (connected, its workers'
    pipelines loaded) and closed on that thread from :meth:`release` on; :meth:`close` waits for both."""

    def __init__(self, settings: Settings):
        self.settings = settings
        self._stack = ExitStack()
        self._thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix="kg-cluster")
        self._ready: Future[Client] | None = None
        self._closed: Future[None] | None = None

    def start(self) -> None:
        """Begin connecting (once)."""
        if self._ready is None:
            self._ready = self._thread.submit(self._connect)

    def _connect(self) -> Client:
        client = self._stack.enter_context(connect(self.settings))
        try:
            client.wait_for_workers(1, timeout=CONNECT_TIMEOUT_SECONDS)
        except TimeoutError:
            raise KGError(
                f"the Dask scheduler {self.settings.cluster} has no worker; start some with "
                f"`dask worker {self.settings.cluster}` (docs/scale-out.md)"
            ) from None
        try:
            client.register_plugin(PipelinePlugin(self.settings))
        except Exception as e:  # raised on a worker (Dask sends it back): say where it came from
            raise KGError(
                f"a Dask worker could not load the pipeline ({type(e).__name__}: {e}); install the same kg-explorer, "
                "its model and the kb_paths files on every worker (docs/scale-out.md)"
            ) from None
        return client

    def client(self) -> Client:
        """The ready client; raises what stopped it from being ready."""
        self.start()
        assert self._ready is not None, "started above"
        return self._ready.result()

    def release(self) -> None:
        """Begin closing (once): after the start, on the same thread."""
        if self._closed is None:
            self._closed = self._thread.submit(self._stack.close)

    def close(self) -> None:
        """Close and wait until closed (a local cluster's processes ended)."""
        self.release()
        try:
            assert self._closed is not None, "released above"
            self._closed.result()
        finally:
            self._thread.shutdown()


def cluster_graphs(
    documents: Sequence[Document], settings: Settings, session: ClusterSession | None = None
) -> Generator[Outcome, None, None]:
    """One outcome per document, extracted on the cluster of ``settings.cluster`` (or ``session``'s, which is released
    once the last batch is back), in the order batches complete. Closing the generator stops the work (a local cluster
    ends)."""
    if not documents:
        return
    own = session is None
    session = session or ClusterSession(settings)
    try:
        yield from _extracted(documents, settings, session)
    finally:
        if own:
            session.close()
        else:
            session.release()


def _extracted(
    documents: Sequence[Document], settings: Settings, session: ClusterSession
) -> Generator[Outcome, None, None]:
    from distributed import as_completed
    from distributed.scheduler import KilledWorker

    client = session.client()
    workers = max(1, len(client.nthreads()))
    batches = size_balanced_batches(documents, workers, settings.batch_size)
    waiting = iter(batches)
    batch_of: dict[Any, list[int]] = {}  # by the future's key

    def submit(count: int) -> list[Any]:
        futures = []
        for batch in itertools.islice(waiting, count):
            future = client.submit(extract_batch, [documents[i] for i in batch], settings.batch_size, pure=False)
            batch_of[future.key] = batch
            futures.append(future)
        return futures

    in_flight = as_completed(submit(workers * BATCHES_IN_FLIGHT_PER_WORKER), loop=client.loop)
    for future in in_flight:
        batch = batch_of.pop(future.key)
        if future.status == "finished":
            results = future.result()
        else:
            error = future.exception()
            if isinstance(error, KilledWorker):
                why = (
                    "not extracted: the Dask workers that took its batch died each time (KilledWorker)",
                    "run the build with --cluster local:1 or n_process = 1 to find the article that breaks it",
                )
            else:
                why = (
                    f"not extracted: its batch failed on the cluster ({type(error).__name__}: {error})",
                    "check the Dask workers' logs",
                )
            results = [(None, DocumentError(documents[i].source_path or documents[i].title, *why)) for i in batch]
        future.release()
        # as many as keep each worker busy, counting workers that joined (or left) since the start
        for more in submit(max(1, len(client.nthreads()) * BATCHES_IN_FLIGHT_PER_WORKER - len(batch_of))):
            in_flight.add(more)
        if not batch_of:
            session.release()  # the last batch is back: the cluster closes while the build writes it
        for i, (graph, problem) in zip(batch, results, strict=True):
            yield documents[i], graph, problem
