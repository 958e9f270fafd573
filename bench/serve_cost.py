"""Where one `kg serve` query's time goes, without HTTP: ``python -m bench.serve_cost [--repeats 15]``.

The load figure compares whole servers; this splits one typical query of ``bench/queries.py`` on the
generated 1M-triple graph (``bench/results/cache``, made by ``python -m bench --only load`` first) into:
pyoxigraph in this process (query and SPARQL JSON in Rust), a query worker sending pyoxigraph terms back to
be written as SPARQL JSON in the calling process (:meth:`kg.query.QueryPool.run`, what the endpoint did before
issue #15), and a worker writing the answer itself (:meth:`kg.query.QueryPool.answer`, what it does now).
For each: the median wall-clock time, and the CPU spent in the calling process, which is what competes with the
endpoint's event loop for its GIL. Then the engine itself: the CPU of the same queries, one at a time, in this
process and in ``oxigraph serve-read-only``. Then a query's stages as a worker runs them (the guard, the
evaluation, writing the answer), and last what running queries side by side costs: the CPU per query of the
costliest typical query when two processes run it at once, each with its own store (kg's workers with
``query_threads`` 1), and when threads share one store (a worker with more, and Oxigraph's server).
"""

from __future__ import annotations

import argparse
import concurrent.futures
import functools
import itertools
import multiprocessing
import statistics
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pyoxigraph as ox

from bench import queries
from bench.fig_query import snapshot_store
from bench.runner import ROOT
from bench.servers import cpu_seconds, free_port, oxigraph_serve, wait_http
from kg.query import prepare_query, query_pool, result_from_payload
from kg.query.pool import _evaluate
from kg.settings import Settings
from kg.store import EmbeddedReader

_FORMATS: dict[str, str | None] = {"select": "json", "ask": "json", "construct": "turtle"}


def _here(snapshot: ox.Store, text: str) -> bytes | None:
    """The query run and written in this process, with pyoxigraph alone."""
    result = snapshot.query(text, use_default_graph_as_union=True)
    if isinstance(result, ox.QueryTriples):
        return result.serialize(format=ox.RdfFormat.N_TRIPLES)
    return result.serialize(format=ox.QueryResultsFormat.JSON)


def _median_costs(fn: Callable[[], object], repeats: int) -> tuple[float, float]:
    """Median wall-clock and calling-process CPU milliseconds of ``fn``, after one unmeasured call."""
    fn()
    wall, cpu = [], []
    for _ in range(repeats):
        t, c = time.perf_counter(), time.process_time()
        fn()
        wall.append((time.perf_counter() - t) * 1000)
        cpu.append((time.process_time() - c) * 1000)
    return statistics.median(wall), statistics.median(cpu)


def split(store: Path, repeats: int) -> None:
    settings = Settings.load(store=str(store))
    snapshot = snapshot_store(store)
    pool = query_pool(settings)
    pool.wait_until_started()
    limit, timeout = settings.query_row_limit, settings.query_timeout
    for name, text in [("ASK {}", "ASK {}"), *queries.typical()]:
        prepared = prepare_query(text, settings)
        paths = {
            "pyoxigraph here": lambda p=prepared: _here(snapshot, p.text),
            "worker, terms back, JSON here (before)": lambda t=text: result_from_payload(
                *pool.run(t, timeout, limit)
            ).serialize("json"),
            "worker writes the bytes (after)": lambda t=text: pool.answer(t, timeout, limit, _FORMATS).body,
        }
        costs = {path: _median_costs(fn, repeats) for path, fn in paths.items()}
        print(
            f"{name}: "
            + "; ".join(f"{path} {wall:.2f} ms, {cpu:.2f} ms CPU here" for path, (wall, cpu) in costs.items())
        )


def engine(store: Path, rounds: int) -> None:
    settings = Settings.load(store=str(store))
    texts = [prepare_query(text, settings).text for _, text in queries.typical()]
    snapshot = snapshot_store(store)
    port = free_port()
    with (
        oxigraph_serve(store, port, settings.query_timeout, Path("/dev/null")) as proc,
        httpx.Client(timeout=60) as http,
    ):
        url = f"http://127.0.0.1:{port}/query"
        wait_http(f"{url}?query=ASK%7B%7D", time.perf_counter() + 60, proc)

        def served() -> None:
            for text in texts:
                http.get(url, params={"query": text}, headers={"Accept": "application/sparql-results+json"})

        def here() -> None:
            for text in texts:
                _here(snapshot, text)

        served()  # warm both
        here()
        for _ in range(rounds):  # in turn, so that the machine's load falls on both alike
            before = cpu_seconds(proc.pid)[0]
            served()
            server = cpu_seconds(proc.pid)[0] - before
            before = time.process_time()
            here()
            local = time.process_time() - before
            print(
                f"the {len(texts)} typical queries, one at a time: oxigraph serve-read-only "
                f"{server * 1000 / len(texts):.1f} ms CPU a query, pyoxigraph here {local * 1000 / len(texts):.1f} ms"
            )


def stages(store: Path, repeats: int) -> None:
    """Each typical query's stages in this process, with the worker's own functions: the guard on a text it has
    not seen and on one it has (a worker keeps its verdicts), the evaluation into terms, and the SPARQL JSON."""
    settings = Settings.load(store=str(store))
    reader = EmbeddedReader(store)
    for name, text in queries.typical():
        prepared = prepare_query(text, settings)
        payload = _evaluate(reader, prepared, settings.query_row_limit)
        unseen = (f"{text}\n# {n}" for n in itertools.count())  # a comment makes a text the guard has not judged
        costs = {
            "guard, new text": _median_costs(functools.partial(_guard, unseen, settings), repeats),
            "guard, seen text": _median_costs(functools.partial(prepare_query, text, settings), repeats),
            "evaluation into terms": _median_costs(
                functools.partial(_evaluate, reader, prepared, settings.query_row_limit), repeats
            ),
            "SPARQL JSON written": _median_costs(functools.partial(_write_json, prepared.kind, payload), repeats),
        }
        print(f"{name}: " + "; ".join(f"{stage} {cpu:.2f} ms CPU" for stage, (_, cpu) in costs.items()))


def _guard(texts: Iterator[str], settings: Settings) -> object:
    return prepare_query(next(texts), settings)


def _write_json(kind: str, payload) -> bytes:
    return result_from_payload(kind, payload).serialize("json")


def _run_for(location: str, text: str, seconds: float, shared: ox.Store | None = None) -> tuple[int, float]:
    """Queries run back to back for ``seconds`` on ``shared`` (warm), or on a store of their own opened and
    warmed first; how many, and this process's CPU seconds meanwhile."""
    store = shared
    if store is None:
        store = ox.Store.read_only(location)
        _here(store, text)
    done, cpu, deadline = 0, time.process_time(), time.perf_counter() + seconds
    while time.perf_counter() < deadline:
        _here(store, text)
        done += 1
    return done, time.process_time() - cpu


def sharing(store: Path, seconds: float, rounds: int) -> None:
    """CPU per query of the costliest typical query, run two at a time by processes with a store each, and eight
    at a time by threads sharing one store; in turn, ``rounds`` times."""
    settings = Settings.load(store=str(store))
    name, text = next(q for q in queries.typical() if "GROUP BY" in q[1])  # the costliest
    text = prepare_query(text, settings).text
    location = str(store / "snapshots" / (store / "CURRENT").read_text(encoding="utf-8").strip())
    spawn = multiprocessing.get_context("spawn")
    for _ in range(rounds):
        with concurrent.futures.ProcessPoolExecutor(2, mp_context=spawn) as processes:
            runs = list(processes.map(_run_for, [location] * 2, [text] * 2, [seconds] * 2))
        apart = sum(cpu for _, cpu in runs) * 1000 / max(1, sum(done for done, _ in runs))
        shared = ox.Store.read_only(location)
        _here(shared, text)
        cpu = time.process_time()
        run = functools.partial(_run_for, location, text, seconds, shared)
        with concurrent.futures.ThreadPoolExecutor(8) as threads:
            futures = [threads.submit(run) for _ in range(8)]
        done = sum(future.result()[0] for future in futures)
        together = (time.process_time() - cpu) * 1000 / max(1, done)
        print(
            f"{name}, CPU per query: 2 processes with a store each {apart:.1f} ms; "
            f"8 threads sharing one store {together:.1f} ms (×{together / apart:.2f})"
        )


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(prog="python -m bench.serve_cost", description=__doc__)
    ap.add_argument("--repeats", type=int, default=15)
    ap.add_argument("--store", help="a store directory (default: the cached generated 1M-triple graph)")
    args = ap.parse_args(argv)
    if args.store:
        store = Path(args.store)
    else:
        found = sorted((ROOT / "bench" / "results" / "cache").glob("graph-1000000-0-*"))
        if not found:
            ap.error("no generated 1M-triple graph in bench/results/cache; run `python -m bench --only load` first")
        store = found[-1]
    split(store, args.repeats)
    engine(store, rounds=3)
    stages(store, args.repeats)
    sharing(store, seconds=8.0, rounds=3)


if __name__ == "__main__":
    main()
