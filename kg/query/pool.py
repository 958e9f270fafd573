"""The query workers: persistent processes that judge and run user queries, killable on time-out.

A worker is started as ``python -c`` with the numbers of a request pipe and a reply pipe as arguments,
not through multiprocessing, so that it never re-imports the host's main module (Streamlit, uvicorn, a
script) and starts the same from any of them. Before it opens the store, a worker of an embedded store
cuts itself off the network (:func:`kg.query.isolation.isolate_network`). It then takes raw query
texts, runs the guard on them itself (parsing happens here, off the caller's thread and event loop, and
inside the time limit) and evaluates what the guard admits. For ``kg serve`` it also writes the answer in
the format asked for and sends back only those bytes (:meth:`QueryPool.answer`): the endpoint's process then
neither unpickles terms nor serialises under its GIL, and every worker does that part of the work in parallel.
"""

from __future__ import annotations

import concurrent.futures
import os
import pickle
import queue
import subprocess
import sys
import threading
import time
from collections.abc import Mapping
from dataclasses import dataclass
from multiprocessing.connection import Connection
from typing import cast

from kg.errors import KGError, QueryError, QueryTimeoutError, SettingError, StoreError
from kg.query.results import result_from_payload
from kg.settings import Settings

_WORKER_START_SECONDS = 60.0  # a worker that is not ready by then is reported broken
#: Workers are started from this one long-lived thread: Linux sends the parent-death signal when the
#: *thread* that started a child ends, and callers' threads (Streamlit's script runs, a server's
#: thread pool) come and go while the workers must live on.
_SPAWNER = concurrent.futures.ThreadPoolExecutor(max_workers=1, thread_name_prefix="kg-query-spawner")


def _worker_main() -> None:
    """One query worker (a child process): isolate, open the store read-only, then answer requests."""
    from kg.children import die_with_parent
    from kg.query.guard import prepare_query
    from kg.query.isolation import isolate_network
    from kg.store import open_reader

    die_with_parent(int(sys.argv[3]))
    requests, replies = Connection(int(sys.argv[1]), writable=False), Connection(int(sys.argv[2]), readable=False)
    settings: Settings = requests.recv()
    isolation = "not applied: the store is remote" if settings.store_is_remote else "off"
    if settings.query_isolation != "off" and not settings.store_is_remote:
        failure = isolate_network()
        if failure is not None and settings.query_isolation == "required":
            replies.send(
                (
                    "error",
                    "StoreError",
                    f"query workers cannot be cut off the network: {failure} "
                    "(setting query_isolation=required; run as root or allow user namespaces, or set it to auto)",
                )
            )
            return
        isolation = "network namespace" if failure is None else f"none: {failure}"
    try:
        reader = open_reader(settings)
    except KGError as e:
        replies.send(("error", type(e).__name__, str(e)))
        return
    replies.send(("ready", isolation))
    while True:
        try:
            text, limit, formats = requests.recv()
        except EOFError:
            return
        try:
            prepared = prepare_query(text, settings)
            message = ("ok", prepared.kind, _answer(reader, prepared, limit, formats))
        except SyntaxError as e:
            message = ("error", "QueryError", f"SPARQL error: {e}; fix the query text")
        except KGError as e:
            message = ("error", type(e).__name__, str(e))
        except (OSError, ValueError, RuntimeError) as e:
            message = ("error", "QueryError", f"the query failed while running: {e}")
        except Exception as e:  # a defect must cost one answer, not the worker (nothing ran)
            message = (
                "error",
                "QueryError",
                f"the query could not be handled ({type(e).__name__}: {e}); fix the query text",
            )
        replies.send_bytes(pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL))


def _answer(reader, prepared, limit: int, formats: Mapping[str, str | None] | None):
    """The payload of :func:`_evaluate`; or, given ``formats`` (the result format for each kind of query), the
    answer written in the format of its kind as (bytes, truncated), and None without running the query when
    its kind has no format (the caller answers 406)."""
    if formats is None:
        return _evaluate(reader, prepared, limit)
    fmt = formats.get(prepared.kind)
    if fmt is None:
        return None
    result = result_from_payload(prepared.kind, _evaluate(reader, prepared, limit))
    return result.serialize(fmt), result.truncated


def _evaluate(reader, prepared, limit: int):
    """Run a prepared query; the payload its kind calls for, cut at ``limit`` rows or triples."""
    result = reader.query(prepared.text, union=not prepared.has_dataset)
    if prepared.kind == "ask":
        return bool(result)
    if prepared.kind == "select":
        columns = [v.value for v in result.variables]
        rows: list[tuple] = []
        for solution in result:
            if len(rows) == limit:
                return columns, rows, True
            rows.append(tuple(solution[c] for c in columns))
        return columns, rows, False
    triples: list = []
    for triple in result:
        if len(triples) == limit:
            return triples, True
        triples.append(triple)
    return triples, False


@dataclass(frozen=True)
class Answer:
    """A query's answer as the endpoint sends it: its kind, the bytes in the format asked for that kind (None
    when none was: the query was judged but not run), and whether rows were cut at the row limit."""

    kind: str
    body: bytes | None
    truncated: bool


class _Worker:
    def __init__(self, settings: Settings):
        to_child, from_parent = os.pipe()
        to_parent, from_child = os.pipe()
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-c",
                "from kg.query.pool import _worker_main; _worker_main()",
                str(to_child),
                str(from_child),
                str(os.getpid()),
            ],
            pass_fds=(to_child, from_child),
            stdin=subprocess.DEVNULL,
        )
        os.close(to_child)
        os.close(from_child)
        self.requests = Connection(from_parent, readable=False)
        self.replies = Connection(to_parent, writable=False)
        self.requests.send(settings)
        self.isolation = "starting"

    def kill(self) -> None:
        self.process.kill()
        self.process.wait(5)
        self.requests.close()
        self.replies.close()


def worker_count(settings: Settings) -> int:
    """How many query workers ``settings`` asks for: ``query_workers``, or with 0 one per CPU this process
    may run on (a worker evaluates one query at a time on one core)."""
    if settings.query_workers < 0:
        raise SettingError(
            f"setting query_workers={settings.query_workers} is negative; set KG_QUERY_WORKERS to 0 "
            "(one worker per CPU) or a number of workers"
        )
    if settings.query_workers > 0:
        return settings.query_workers
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


class QueryPool:
    """:func:`worker_count` processes with read-only handles on ``settings.store``."""

    def __init__(self, settings: Settings):
        from kg.query.isolation import MODES

        if settings.query_isolation not in MODES:
            raise SettingError(
                f"setting query_isolation={settings.query_isolation!r} is not one of {', '.join(MODES)}; "
                "set KG_QUERY_ISOLATION to one of them"
            )
        self.settings = settings
        self._idle: queue.Queue[_Worker | None] = queue.Queue()
        self._broken: str | None = None
        self._closed = False
        self._all: set[_Worker] = set()
        self._starting = 0
        self._lock = threading.Lock()
        #: How the last worker that started is isolated ("network namespace", "off", "none: why").
        self.isolation = "starting"
        self.size = worker_count(settings)
        for _ in range(self.size):
            self._spawn()

    def _spawn(self) -> None:
        worker = _SPAWNER.submit(_Worker, self.settings).result()
        with self._lock:
            self._all.add(worker)
            self._starting += 1
        threading.Thread(target=self._await_ready, args=(worker,), daemon=True).start()

    def _await_ready(self, worker: _Worker) -> None:
        try:
            ready = worker.replies.poll(_WORKER_START_SECONDS) and worker.replies.recv()
        except (EOFError, OSError):
            ready = None
        with self._lock:
            self._starting -= 1
        if ready and ready[0] == "ready":
            worker.isolation = self.isolation = ready[1]
            self._idle.put(worker)
            return
        self._broken = ready[2] if ready and ready[0] == "error" else "a query worker did not start"
        self._discard(worker)
        self._idle.put(None)  # wakes a waiting caller, who reports the breakage

    def wait_until_started(self, timeout: float = _WORKER_START_SECONDS) -> bool:
        """True once no worker is still starting (a warm pool, for tests and benchmarks)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self._lock:
                if not self._starting:
                    return True
            time.sleep(0.01)
        return False

    def _discard(self, worker: _Worker) -> None:
        with self._lock:
            self._all.discard(worker)
        worker.kill()

    def run(self, text: str, timeout: float, row_limit: int) -> tuple[str, object]:
        """(kind, payload) of one query text, judged and run by a worker; kills and replaces it on time-out.

        The time limit counts from when a worker takes the query (the guard's parse included); waiting for
        a busy worker is bounded by the limit too, plus the start-up time of workers still starting.
        """
        return self._call(text, timeout, row_limit, None)

    def answer(self, text: str, timeout: float, row_limit: int, formats: Mapping[str, str | None]) -> Answer:
        """One query text judged, run and written by a worker in ``formats[kind]`` (see :class:`Answer`);
        time limit and waiting as :meth:`run`, serialisation included."""
        kind, payload = self._call(text, timeout, row_limit, dict(formats))
        if payload is None:
            return Answer(kind, None, False)
        body, truncated = cast(tuple[bytes, bool], payload)
        return Answer(kind, body, truncated)

    def _call(
        self, text: str, timeout: float, row_limit: int, formats: dict[str, str | None] | None
    ) -> tuple[str, object]:
        with self._lock:
            wait = timeout + (_WORKER_START_SECONDS if self._starting else 0.0)
        try:
            worker = self._idle.get(timeout=wait)
        except queue.Empty:
            raise QueryTimeoutError(
                f"all {self.size} query workers stayed busy for {timeout:g} s; try again shortly, "
                "or raise query_workers (env KG_QUERY_WORKERS)"
            ) from None
        if worker is None:
            self._idle.put(None)
            raise StoreError(f"cannot query the store {self.settings.store}: {self._broken}")
        try:
            worker.requests.send((text, row_limit, formats))
            if not worker.replies.poll(timeout):
                self._replace(worker)
                raise QueryTimeoutError(
                    f"the query ran past the time limit of {timeout:g} s and was stopped (setting query_timeout, env "
                    "KG_QUERY_TIMEOUT); narrow it: bind more variables, bound property paths, add LIMIT"
                )
            message = pickle.loads(worker.replies.recv_bytes())
        except (EOFError, OSError, pickle.UnpicklingError) as e:
            self._replace(worker)
            raise QueryError(
                f"the query worker stopped while running the query ({e or type(e).__name__}); try again"
            ) from None
        self._idle.put(worker)
        if message[0] == "error":
            import kg.errors

            raise getattr(kg.errors, message[1], QueryError)(message[2])
        return message[1], message[2]

    def _replace(self, worker: _Worker) -> None:
        self._discard(worker)
        if not self._closed:
            self._spawn()

    def close(self) -> None:
        self._closed = True
        with self._lock:
            workers = list(self._all)
            self._all.clear()
        for worker in workers:
            worker.kill()


_POOLS: dict[Settings, QueryPool] = {}
_POOLS_LOCK = threading.Lock()


def query_pool(settings: Settings) -> QueryPool:
    """The worker pool for the store of ``settings`` (started on first use, shared in the process)."""
    with _POOLS_LOCK:
        pool = _POOLS.get(settings)
        if pool is None:
            pool = _POOLS[settings] = QueryPool(settings)
        return pool


def close_pools() -> None:
    """Stop every query worker of this process (at exit, and between tests)."""
    with _POOLS_LOCK:
        pools = list(_POOLS.values())
        _POOLS.clear()
    for pool in pools:
        pool.close()
