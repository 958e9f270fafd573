"""Figure 3: query latency on the large store — the guarded user path against the same query sent
straight to pyoxigraph, the app's own queries through kg's reader against pyoxigraph, and both
engines' peer: rdflib in memory against pyoxigraph in memory on a sample rdflib can finish."""

from __future__ import annotations

import multiprocessing
import sys
import time
from collections.abc import Iterator, Mapping
from functools import partial
from itertools import islice
from pathlib import Path

import pyoxigraph as ox
import rdflib

from bench.report import Report
from bench.stats import percentile, summarize, time_calls, time_interleaved
from kg.errors import QueryTimeoutError
from kg.query import close_pools, prepare_query, run_user_query
from kg.settings import Settings
from kg.store import bind, open_reader

RDFLIB_BUDGET_SECONDS = 20.0  # an rdflib query still running after this is stopped and reported so


class RecordingReader:
    """A reader that records every (query, bindings) the app sends through it."""

    def __init__(self, reader):
        self._reader = reader
        self.location = reader.location
        self.calls: list[tuple[str, str, dict]] = []  # (calling function, query, bindings)

    def query(self, sparql: str, bindings: Mapping | None = None):
        self.calls.append((sys._getframe(1).f_code.co_name, sparql, dict(bindings or {})))
        return self._reader.query(sparql, bindings)

    def __getattr__(self, name):
        return getattr(self._reader, name)


def snapshot_store(store: Path) -> ox.Store:
    """The store's newest snapshot opened with pyoxigraph directly (no kg code in between)."""
    name = (store / "CURRENT").read_text(encoding="utf-8").strip()
    return ox.Store.read_only(str(store / "snapshots" / name))


def materialize(result, limit: int):
    """Every row (up to ``limit``) as a tuple of terms: the work the guard's workers do too."""
    if isinstance(result, ox.QueryBoolean):
        return bool(result)
    if isinstance(result, ox.QuerySolutions):
        names = result.variables
        return [tuple(s[v] for v in names) for s in islice(result, limit)]
    return list(islice(result, limit))


def _ox_run(store: ox.Store, text: str, bindings: Mapping | None, limit: int):
    """The query as kg's readers send it (bindings as a trailing VALUES clause), straight to pyoxigraph."""
    return materialize(store.query(bind(text, bindings), use_default_graph_as_union=True), limit)


def _materialize_query(reader, text: str, bindings: Mapping | None):
    """The query through kg's reader, every row read."""
    return materialize(reader.query(text, bindings), 10**9)


def _run_new_text(text: str, settings: Settings, counter: Iterator[int]):
    """The user query with a comment never sent before: the guard caches its verdict per text, so this is
    what a new user query costs."""
    return run_user_query(f"{text}\n# bench {next(counter)}", settings)


def rdflib_dataset(quads: list[ox.Quad]) -> rdflib.Dataset:
    ds = rdflib.Dataset(default_union=True)
    nquads = ox.serialize(quads, format=ox.RdfFormat.N_QUADS) or b""  # None only when given a file
    ds.parse(data=nquads.decode("utf-8"), format="nquads")
    return ds


def _rdflib_run(ds: rdflib.Dataset, text: str, bindings: Mapping | None):
    result = ds.query(bind(text, bindings))
    return result.askAnswer if result.type == "ASK" else list(result)


def _rdflib_worker(conn, ds, text, bindings, repeats, budget_s) -> None:
    started = time.perf_counter()
    times: list[float] = []
    while len(times) < repeats and (len(times) < 1 or time.perf_counter() - started < budget_s):
        t = time.perf_counter()
        _rdflib_run(ds, text, bindings)
        times.append((time.perf_counter() - t) * 1000)
    conn.send(times)


def _rdflib_times(ds, text, bindings, repeats: int, budget_s: float) -> list[float] | None:
    """rdflib's times for one query in a forked process (it inherits the loaded dataset), stopped
    after ``RDFLIB_BUDGET_SECONDS``: rdflib cannot be interrupted otherwise. None when stopped."""
    ctx = multiprocessing.get_context("fork")
    parent, child = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_rdflib_worker, args=(child, ds, text, bindings, repeats, budget_s), daemon=True)
    proc.start()
    child.close()
    try:
        if parent.poll(RDFLIB_BUDGET_SECONDS):
            return parent.recv()
        return None
    except EOFError:
        return None
    finally:
        if proc.is_alive():
            proc.kill()
        proc.join()


def _row(report, case, samples, unit="ms", **kw):
    s = summarize(samples)
    note = kw.pop("note", "")
    p95 = f"p95 {percentile(samples, 95):.2f}"
    return report.add("3 query", case, s, unit, note=f"{p95}; {note}" if note else p95, **kw), s


def user_queries(
    report: Report, store: Path, examples: list[tuple[str, str]], repeats: int, budget_s: float
) -> dict[str, dict[str, float] | list[str]]:
    """Guarded path vs pyoxigraph for each example; the guard's median cost per query (ms), and
    the queries that ran past the guard's time limit (their direct runs are skipped: unbounded)."""
    settings = Settings.load(store=str(store))
    direct = snapshot_store(store)
    costs: dict[str, float] = {}
    cold_costs: dict[str, float] = {}
    timed_out: list[str] = []
    slow: list[str] = []
    for name, text in examples:
        prepared = prepare_query(text, settings)
        limit = settings.query_row_limit
        try:
            first = time_calls(partial(run_user_query, text, settings), 1, warmup=0)
        except QueryTimeoutError:
            timed_out.append(name)
            report.add(
                "3 query",
                f"example '{name}': guarded",
                summarize([settings.query_timeout * 1000]),
                "ms",
                note=f"stopped by the guard at query_timeout = {settings.query_timeout:g} s; not repeated, "
                "no unguarded run (it would not stop)",
            )
            continue
        if first[0] >= budget_s * 1000 / 3:  # slow: one run of each path, kept out of the guard-cost target
            [base] = time_interleaved([partial(_ox_run, direct, prepared.text, None, limit)], 1, warmup=0)
            _, b = _row(report, f"example '{name}': pyoxigraph direct", base, note="slow: measured once")
            _row(
                report,
                f"example '{name}': guarded (new text)",
                first,
                baseline="pyoxigraph",
                baseline_value=b,
                ratio=first[0] / max(b.median, 1e-9),
                note="slow: measured once; not in the guard-cost target",
            )
            slow.append(name)
            continue
        counter = iter(range(10**9))
        try:
            base, guarded, cold = time_interleaved(
                [
                    partial(_ox_run, direct, prepared.text, None, limit),
                    partial(run_user_query, text, settings),
                    partial(_run_new_text, text, settings, counter),
                ],
                repeats,
                budget_s=budget_s,
            )
        except QueryTimeoutError:
            timed_out.append(name)
            report.note(
                f"figure 3: '{name}' ran past query_timeout on a repeat (after a first run of {first[0]:.0f} ms)"
            )
            continue
        _, b = _row(report, f"example '{name}': pyoxigraph direct", base)
        _, g = _row(
            report,
            f"example '{name}': guarded (verdict cached)",
            guarded,
            baseline="pyoxigraph",
            baseline_value=b,
            ratio=summarize(guarded).median / max(b.median, 1e-9),
            note=f"+{summarize(guarded).median - b.median:.2f} ms",
        )
        _, c = _row(
            report,
            f"example '{name}': guarded (new text)",
            cold,
            baseline="pyoxigraph",
            baseline_value=b,
            ratio=summarize(cold).median / max(b.median, 1e-9),
            note=f"+{summarize(cold).median - b.median:.2f} ms",
        )
        costs[name] = g.median - b.median
        cold_costs[name] = c.median - b.median
    close_pools()
    return {"warm": costs, "cold": cold_costs, "timed_out": timed_out, "slow": slow}


def app_queries(report: Report, store: Path, calls: list[tuple[str, str, dict]], repeats: int, budget_s: float) -> None:
    """The app's own queries (recorded from its page functions): kg's reader vs pyoxigraph."""
    reader = open_reader(Settings.load(store=str(store)))
    direct = snapshot_store(store)
    for name, text, bindings in calls:
        base, ours = time_interleaved(
            [
                partial(_ox_run, direct, text, bindings, 10**9),
                partial(_materialize_query, reader, text, bindings),
            ],
            repeats,
            budget_s=budget_s,
        )
        _, b = _row(report, f"app '{name}': pyoxigraph direct", base)
        _row(
            report,
            f"app '{name}': kg reader",
            ours,
            baseline="pyoxigraph",
            baseline_value=b,
            ratio=summarize(ours).median / max(b.median, 1e-9),
        )


def peer(
    report: Report, quads: list[ox.Quad], queries: list[tuple[str, str, dict]], repeats: int, budget_s: float
) -> None:
    """rdflib in memory vs pyoxigraph in memory, same sample, same query texts."""
    started = time.perf_counter()
    ds = rdflib_dataset(quads)
    rdflib_load = time.perf_counter() - started
    started = time.perf_counter()
    mem = ox.Store()
    mem.bulk_extend(quads)
    ox_load = time.perf_counter() - started
    report.add(
        "3 query",
        f"peer sample: load {len(quads):,} quads into rdflib",
        summarize([rdflib_load]),
        "s",
        "pyoxigraph in memory",
        summarize([ox_load]),
        rdflib_load / max(ox_load, 1e-9),
    )
    for name, text, bindings in queries:
        [ox_times] = time_interleaved([partial(_ox_run, mem, text, bindings, 10**9)], repeats, budget_s=budget_s)
        rd_times = _rdflib_times(ds, text, bindings, max(3, repeats // 4), budget_s)
        _, b = _row(report, f"peer '{name}': pyoxigraph memory ({len(quads):,} quads)", ox_times)
        if rd_times is None:
            report.add(
                "3 query",
                f"peer '{name}': rdflib memory ({len(quads):,} quads)",
                summarize([RDFLIB_BUDGET_SECONDS * 1000]),
                "ms",
                "pyoxigraph memory",
                b,
                RDFLIB_BUDGET_SECONDS * 1000 / max(b.median, 1e-9),
                note=f"not finished in {RDFLIB_BUDGET_SECONDS:g} s: stopped (ratio is a lower bound)",
            )
            continue
        _row(
            report,
            f"peer '{name}': rdflib memory ({len(quads):,} quads)",
            rd_times,
            baseline="pyoxigraph memory",
            baseline_value=b,
            ratio=summarize(rd_times).median / max(b.median, 1e-9),
        )
