"""The query workers: persistent processes that judge and run user queries, killable on time-out.

A worker is started as ``python -c`` with the numbers of a request pipe and a reply pipe as arguments,
not through multiprocessing, so that it never re-imports the host's main module (Streamlit, uvicorn, a
script) and starts the same from any of them. Before it opens the store, a worker of an embedded store
cuts itself off the network (:func:`kg.query.isolation.isolate_network`). It then takes raw query
texts, runs the guard on them itself (parsing happens here, off the caller's thread and event loop, and
inside the time limit) and evaluates what the guard admits. For ``kg serve`` it also writes the answer in
the format asked for and sends back only those bytes (:meth:`QueryPool.answer`): the endpoint's process then
neither unpickles terms nor serialises under its GIL, and every worker does that part of the work in parallel.

A worker runs up to ``query_threads`` queries at once, each on a thread of its own, all on the worker's one
store: pyoxigraph releases the GIL while it evaluates, and queries that run together share the store's block
cache, as the threads of Oxigraph's own server do. A query past its time limit still stops only with its
worker, so the others it was running with are killed too; each of those is sent once more, to a worker that
is alive (:meth:`QueryPool._call`).
"""

from __future__ import annotations

import concurrent.futures
import os
import pickle
import subprocess
import sys
import threading
import time
from collections.abc import Mapping
from dataclasses import dataclass
from multiprocessing.connection import Connection
from typing import cast

from kg.errors import KGError, QueryError, QueryTimeoutError, SettingError, StoreError
from kg.query.results import SOLUTION_FORMATS, result_from_payload
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
    sending = threading.Lock()  # one reply at a time on the pipe

    def handle(request: int, text: str, limit: int, formats: Mapping[str, str | None] | None) -> None:
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
        data = pickle.dumps((request, message), protocol=pickle.HIGHEST_PROTOCOL)
        with sending:
            replies.send_bytes(data)

    # the pool sends at most query_threads requests at a time, so none waits here for a thread
    threads = concurrent.futures.ThreadPoolExecutor(settings.query_threads, thread_name_prefix="kg-query")
    while True:
        try:
            threads.submit(handle, *requests.recv())
        except EOFError:
            threads.shutdown(wait=False, cancel_futures=True)
            return


def _answer(reader, prepared, limit: int, formats: Mapping[str, str | None] | None):
    """The payload of :func:`_evaluate`; or, given ``formats`` (the result format for each kind of query), the
    answer written in the format of its kind as (bytes, truncated), and None without running the query when
    its kind has no format (the caller answers 406)."""
    if formats is None:
        return _evaluate(reader, prepared, limit)
    fmt = formats.get(prepared.kind)
    if fmt is None:
        return None
    if prepared.kind != "construct":  # rows, whose count the bytes bound (triples per solution are unbounded)
        body = _written_by_pyoxigraph(reader, prepared, fmt, limit)
        if body is not None:
            return body, False
    result = result_from_payload(prepared.kind, _evaluate(reader, prepared, limit))
    return result.serialize(fmt), result.truncated


#: The fewest bytes a SELECT row adds in each format (a row with nothing bound: ``{},`` in JSON, ``\r\n`` in CSV,
#: ``\n`` in TSV, ``<result></result>`` in XML), so that an answer of at most ``limit`` times as many bytes
#: holds at most ``limit`` rows.
_ROW_BYTES = {"json": 3, "xml": 17, "csv": 2, "tsv": 1}


class _TooLong(Exception):
    pass


class _Capped:
    """A binary sink that refuses to grow past ``cap`` bytes."""

    def __init__(self, cap: int):
        self.cap, self.size = cap, 0
        self.parts: list[bytes] = []

    def write(self, data) -> int:
        self.size += len(data)
        if self.size > self.cap:
            raise _TooLong
        self.parts.append(bytes(data))
        return len(data)

    def flush(self) -> None:
        pass


def _written_by_pyoxigraph(reader, prepared, fmt: str, limit: int) -> bytes | None:
    """The answer evaluated and written by pyoxigraph in Rust (the GIL released throughout), or None when it
    grows past what ``limit`` rows can take: the caller then runs the query again, cutting it row by row."""
    result = reader.query(prepared.text, union=not prepared.has_dataset)
    if prepared.kind == "ask":
        return cast(bytes, result.serialize(format=SOLUTION_FORMATS[fmt]))
    sink = _Capped(limit * _ROW_BYTES[fmt])
    try:
        result.serialize(sink, format=SOLUTION_FORMATS[fmt])
    except _TooLong:  # pyoxigraph stops writing and passes the sink's exception on
        return None
    return b"".join(sink.parts)


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


class _Stopped(Exception):
    """The worker ended before it answered; ``killed`` when the pool stopped it for another query's time-out."""

    def __init__(self, why: str, killed: bool):
        super().__init__(why)
        self.killed = killed


class _Worker:
    """A worker process, the requests it is running (each answered through a future) and its reply reader."""

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
        self.busy = 0  # requests sent and not yet answered; the pool's lock guards it
        self._pending: dict[int, concurrent.futures.Future] = {}
        self._next = 0
        self._lock = threading.Lock()  # guards _pending, _next, _stopped and the request pipe
        self._stopped: _Stopped | None = None

    def submit(self, text: str, row_limit: int, formats: dict[str, str | None] | None) -> concurrent.futures.Future:
        """Send one request; its future gets the worker's message, or :class:`_Stopped`."""
        future: concurrent.futures.Future = concurrent.futures.Future()
        with self._lock:
            if self._stopped is not None:
                raise self._stopped
            self._next += 1
            self._pending[self._next] = future
            try:
                self.requests.send((self._next, text, row_limit, formats))
            except OSError as e:
                del self._pending[self._next]
                raise _Stopped(str(e) or type(e).__name__, killed=False) from None
        return future

    def read_replies(self) -> None:
        """Hand each reply to its request's future until the worker ends (then fail those still waiting)."""
        try:
            while True:
                request, message = pickle.loads(self.replies.recv_bytes())
                with self._lock:
                    future = self._pending.pop(request)
                future.set_result(message)
        except (EOFError, OSError, pickle.UnpicklingError) as e:
            self._stop(_Stopped(str(e) or type(e).__name__, killed=False))

    def _stop(self, why: _Stopped) -> None:
        with self._lock:
            self._stopped = self._stopped or why
            pending, self._pending = list(self._pending.values()), {}
        for future in pending:
            future.set_exception(self._stopped)

    def kill(self, killed: bool = True) -> None:
        """End the process; the requests it was running get :class:`_Stopped` (``killed``: by the pool)."""
        self._stop(_Stopped("stopped by the pool", killed=killed))
        self.process.kill()
        self.process.wait(5)
        self.requests.close()
        self.replies.close()


def worker_count(settings: Settings) -> int:
    """How many query workers ``settings`` asks for: ``query_workers``, or with 0 one per CPU this process
    may run on."""
    if settings.query_workers < 0:
        raise SettingError(
            f"setting query_workers={settings.query_workers} is negative; set KG_QUERY_WORKERS to 0 "
            "(one worker per CPU) or a number of workers"
        )
    if settings.query_workers > 0:
        return settings.query_workers
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def query_slots(settings: Settings) -> int:
    """How many queries the workers of ``settings`` run at once: ``query_threads`` in each of :func:`worker_count`."""
    if settings.query_threads < 1:
        raise SettingError(
            f"setting query_threads={settings.query_threads} is below 1; set KG_QUERY_THREADS to the number of "
            "queries each query worker runs at once (1 or more)"
        )
    return worker_count(settings) * settings.query_threads


class QueryPool:
    """:func:`worker_count` processes with read-only handles on ``settings.store``, each running up to
    ``query_threads`` queries at once."""

    def __init__(self, settings: Settings):
        from kg.query.isolation import MODES

        if settings.query_isolation not in MODES:
            raise SettingError(
                f"setting query_isolation={settings.query_isolation!r} is not one of {', '.join(MODES)}; "
                "set KG_QUERY_ISOLATION to one of them"
            )
        self.settings = settings
        self.slots = query_slots(settings)
        self._broken: str | None = None
        self._closed = False
        self._all: set[_Worker] = set()
        self._ready: list[_Worker] = []  # started, alive, taking requests
        self._starting = 0
        self._lock = threading.Lock()
        self._free = threading.Condition(self._lock)  # notified when a worker is ready, has room, or broke
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
        threading.Thread(target=self._serve_worker, args=(worker,), daemon=True).start()

    def _serve_worker(self, worker: _Worker) -> None:
        """Wait for ``worker`` to be ready, offer it to callers, then read its replies until it ends."""
        try:
            ready = worker.replies.poll(_WORKER_START_SECONDS) and worker.replies.recv()
        except (EOFError, OSError):
            ready = None
        with self._free:
            self._starting -= 1
            if ready and ready[0] == "ready":
                worker.isolation = self.isolation = ready[1]
                self._ready.append(worker)
            else:
                self._broken = ready[2] if ready and ready[0] == "error" else "a query worker did not start"
            self._free.notify_all()  # wakes waiting callers: to take the worker, or to report the breakage
        if not (ready and ready[0] == "ready"):
            self._discard(worker)
            return
        worker.read_replies()

    def wait_until_started(self, timeout: float = _WORKER_START_SECONDS) -> bool:
        """True once no worker is still starting (a warm pool, for tests and benchmarks)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self._lock:
                if not self._starting:
                    return True
            time.sleep(0.01)
        return False

    def _discard(self, worker: _Worker) -> bool:
        """Kill ``worker`` unless another caller did; whether this call did (it then replaces the worker)."""
        with self._free:
            live = worker in self._all
            self._all.discard(worker)
            if worker in self._ready:
                self._ready.remove(worker)
        if live:
            worker.kill()
        return live

    def run(self, text: str, timeout: float, row_limit: int) -> tuple[str, object]:
        """(kind, payload) of one query text, judged and run by a worker; kills and replaces it on time-out.

        The time limit counts from when a worker takes the query (the guard's parse included); waiting for
        a worker with room is bounded by the limit too, plus the start-up time while workers are starting.
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

    def _take(self, timeout: float) -> _Worker:
        """The ready worker running the fewest queries, once one has room (it then counts this one)."""
        with self._free:
            deadline = time.monotonic() + timeout
            while True:
                if self._broken is not None or self._closed:
                    why = self._broken or "its query workers were stopped"
                    raise StoreError(f"cannot query the store {self.settings.store}: {why}")
                room = [w for w in self._ready if w.busy < self.settings.query_threads]
                if room:
                    worker = min(room, key=lambda w: w.busy)
                    worker.busy += 1
                    return worker
                # a worker starting (or replacing a killed one) will have room: wait for it too
                left = deadline + (_WORKER_START_SECONDS if self._starting else 0.0) - time.monotonic()
                if left <= 0:
                    raise QueryTimeoutError(
                        f"all {self.slots} query slots ({self.size} workers × query_threads "
                        f"{self.settings.query_threads}) stayed busy for {timeout:g} s; try again shortly, or raise "
                        "query_workers (env KG_QUERY_WORKERS)"
                    )
                self._free.wait(left)

    def _done(self, worker: _Worker) -> None:
        with self._free:
            worker.busy -= 1
            self._free.notify()

    def _call(
        self, text: str, timeout: float, row_limit: int, formats: dict[str, str | None] | None
    ) -> tuple[str, object]:
        retried = False  # a query whose worker was killed for another query's time-out is sent once more
        while True:
            worker = self._take(timeout)
            try:
                message = worker.submit(text, row_limit, formats).result(timeout)
            except concurrent.futures.TimeoutError:
                self._replace(worker)
                raise QueryTimeoutError(
                    f"the query ran past the time limit of {timeout:g} s and was stopped (setting query_timeout, env "
                    "KG_QUERY_TIMEOUT); narrow it: bind more variables, bound property paths, add LIMIT"
                ) from None
            except _Stopped as e:
                self._replace(worker)
                if e.killed and not retried:
                    retried = True
                    continue
                raise QueryError(f"the query worker stopped while running the query ({e}); try again") from None
            finally:
                self._done(worker)
            if message[0] == "error":
                import kg.errors

                raise getattr(kg.errors, message[1], QueryError)(message[2])
            return message[1], message[2]

    def _replace(self, worker: _Worker) -> None:
        if self._discard(worker) and not self._closed:
            self._spawn()

    def close(self) -> None:
        with self._free:
            self._closed = True
            workers = list(self._all)
            self._all.clear()
            self._ready.clear()
            self._free.notify_all()
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
