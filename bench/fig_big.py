"""Figure 10 (full mode only, issue #15 item 4): the 10-million-triple generated graph.

- the per-version structures (kg.explore.versioned): each built from the store, and loaded from the file kg saves
  beside it (kg.explore.persist); the claims and the centrality, built from them (the claims are not saved, the
  centrality's top entities are, by the app);
- the app's start, launch → page complete in headless Chromium: the first start (nothing saved yet: it builds and
  saves) and the next ones (they load), for the landing page and for the hub's entity page opened from a link;
- the entity page and graph view of the 10M graph's hub against the seed graph's hub (as figure 4 times them), and
  each of their parts (``bench.app_api.entity_page_parts``, ``graph_view_parts``);
- the typical queries of bench/queries.py through the guard, on the 10M graph against the 1M graph.
"""

from __future__ import annotations

import shutil
import time
from functools import partial
from pathlib import Path
from urllib.parse import quote

from bench import app_api, graphs, queries
from bench.fig_serve import CHROMIUM, _browser_first_page
from bench.report import Report
from bench.servers import free_port, streamlit_app, wait_http
from bench.stats import summarize, time_calls, time_interleaved
from kg.errors import QueryTimeoutError
from kg.explore import persist
from kg.explore.claims import claim_index
from kg.explore.overview import centrality
from kg.explore.terms import entity_key
from kg.explore.versioned import PER_VERSION, saved_in
from kg.query import run_user_query
from kg.settings import Settings
from kg.store import open_reader

FIGURE = "10 big graph"
#: Issue #15: the app's start on the 10M graph once its structures are saved, and its hub's pages against the seed's.
START_LIMIT_S = 10.0
PAGE_RATIO = 2.0


def measure(report: Report, big: Path, seed: Path, mid: Path, work: Path, repeats: int, starts: int) -> None:
    """Every figure of the module doc on the generated graph at ``big``; ``seed`` is the seed graph's store and
    ``mid`` the 1M graph's (the typical queries' baseline)."""
    label = f"{graphs.count_triples(big):,}-triple graph"
    versioned = structures(report, big, label)
    pages(report, big, seed, label, versioned, repeats)
    del versioned
    typical_queries(report, big, mid, label, repeats)
    start_up(report, big, work, label, starts)


def structures(report: Report, store: Path, label: str) -> dict:
    """Each per-version structure built, saved and loaded (kept as loaded: the pages use them), then the claims
    and the centrality built from them."""
    settings = Settings.load(store=str(store))
    reader = open_reader(settings)
    version = reader.version()
    directory = saved_in(settings)
    assert directory is not None  # an embedded store, saving on (the default)
    shutil.rmtree(directory, ignore_errors=True)
    out = {}
    for name, build in PER_VERSION.items():
        started = time.perf_counter()
        built = build(reader)
        build_ms = (time.perf_counter() - started) * 1000
        started = time.perf_counter()
        path = persist.save(directory, name, version, built)
        save_ms = (time.perf_counter() - started) * 1000
        del built
        load = time_calls(partial(persist.load, directory, name, version), 3, warmup=0)
        out[name] = persist.load(directory, name, version)
        report.add(FIGURE, f"{name.replace('_', ' ')}: built from the store ({label})", summarize([build_ms]), "ms")
        report.add(
            FIGURE,
            f"{name.replace('_', ' ')}: loaded from its saved file ({label})",
            summarize(load),
            "ms",
            "built",
            summarize([build_ms]),
            min(load) / build_ms,
            note=f"file {path.stat().st_size / 2**20:,.1f} MB, written in {save_ms:,.0f} ms",
        )
    [claims_ms] = time_calls(partial(claim_index, reader, statements=out["statements"]), 1, warmup=0)
    out["claims"] = claim_index(reader, statements=out["statements"])
    report.add(FIGURE, f"claims from the statement graph, not saved ({label})", summarize([claims_ms]), "ms")
    out["entities"] = out["label_index"].entities
    limit = max(settings.overview_central_limit, 1)
    central = time_calls(partial(centrality, out["projection"], out["entities"], limit=limit), 3, warmup=0)
    report.add(FIGURE, f"centrality (PageRank; the app saves its top entities) ({label})", summarize(central), "ms")
    return out


def pages(report: Report, big: Path, seed: Path, label: str, versioned: dict, repeats: int) -> None:
    """The entity page and graph view of each graph's hub, timed in turn (A B A B …)."""
    sides = []
    for store, built in ((seed, None), (big, versioned)):
        settings = Settings.load(store=str(store))
        reader = open_reader(settings)
        sides.append((settings, reader, entity_key(graphs.hub_entity(store)), built or app_api.per_version(reader)))
    for view in ("entity_page", "graph_view"):
        fn = getattr(app_api, view)
        seed_ms, big_ms = time_interleaved([partial(fn, r, s, key, v) for s, r, key, v in sides], repeats)
        what = view.replace("_", " ")
        s, b = summarize(seed_ms), summarize(big_ms)
        report.add(FIGURE, f"{what} of '{sides[0][2]}' on the seed graph", s, "ms")
        report.add(FIGURE, f"{what} of '{sides[1][2]}' on the {label}", b, "ms", "seed graph", s, b.median / s.median)
        report.target(
            f"{what}: {label}'s hub ≤ {PAGE_RATIO:g} × seed graph's hub (issue #15)",
            b.median <= PAGE_RATIO * s.median,
            f"×{b.median / s.median:.2f} ({b.median:.1f} vs {s.median:.1f} ms)",
            f"≤ ×{PAGE_RATIO:.2f}",
        )
    for view in ("entity_page", "graph_view"):  # where the time goes: each part, the two hubs in turn
        parts = [getattr(app_api, f"{view}_parts")(r, s, key, v) for s, r, key, v in sides]
        for part in parts[0]:  # in the view's order: a part may use what an earlier one computed
            seed_ms, big_ms = time_interleaved([p[part] for p in parts], repeats)
            s, b = summarize(seed_ms), summarize(big_ms)
            what = f"… {view.replace('_', ' ')} part {part}"
            report.add(FIGURE, f"{what}, seed graph's hub", s, "ms")
            report.add(FIGURE, f"{what}, {label}'s hub", b, "ms", "seed graph", s, b.median / s.median)
    for (settings, reader, key, built), graph in zip(sides, ("seed graph", label), strict=True):  # what each shows
        report.note(f"figure 10, {graph}: the hub's entity page shows {app_api.shown(reader, settings, key, built)}")


def typical_queries(report: Report, big: Path, mid: Path, label: str, repeats: int) -> None:
    """bench/queries.py's typical queries through the guard (``run_user_query``), 10M and 1M in turn."""
    big_settings, mid_settings = Settings.load(store=str(big)), Settings.load(store=str(mid))
    for name, text in queries.typical():
        try:
            mid_ms, big_ms = time_interleaved(
                [partial(run_user_query, text, mid_settings), partial(run_user_query, text, big_settings)],
                repeats,
                budget_s=15.0,
            )
        except QueryTimeoutError:
            report.note(f"figure 10: '{name}' ran past query_timeout ({big_settings.query_timeout:g} s) on the {label}")
            continue
        m, b = summarize(mid_ms), summarize(big_ms)
        report.add(FIGURE, f"typical query '{name}' through the guard, {label}", b, "ms", "1M graph", m,
                   b.median / m.median)  # fmt: skip


def start_up(report: Report, store: Path, work: Path, label: str, starts: int) -> None:
    """Launch → page complete: the first start (no structure saved) and ``starts`` more (they load them)."""
    if not CHROMIUM:
        report.note("figure 10: no chromium on PATH, so the app's start was not measured")
        return
    hub = entity_key(graphs.hub_entity(store))
    directory = saved_in(Settings.load(store=str(store)))
    assert directory is not None
    for page, path in (("landing page", "/"), (f"entity page of '{hub}'", f"/entity?entity={quote(hub)}")):
        shutil.rmtree(directory, ignore_errors=True)
        first = summarize([_start(store, path, work)])
        again = summarize([_start(store, path, work) for _ in range(starts)])
        report.add(FIGURE, f"app start → {page} complete, first start: builds and saves ({label})", first, "s")
        report.add(FIGURE, f"app start → {page} complete, next starts: load ({label})", again, "s",
                   "first start", first, again.median / first.median)  # fmt: skip
        report.target(  # the target is the app's start (its landing page); a page from a link: diagnostic
            f"{'' if path == '/' else '(diagnostic) '}app start on the {label} → {page} complete, "
            f"after the first start ≤ {START_LIMIT_S:g} s",
            again.median <= START_LIMIT_S,
            f"{again.median:.1f} s (first start {first.median:.1f} s)",
            f"≤ {START_LIMIT_S:g} s",
        )


def _start(store: Path, path: str, work: Path) -> float:
    """Seconds from launching the app to ``path`` complete in headless Chromium (the browser's own start left out:
    the app's script runs when the page connects)."""
    port = free_port()
    started = time.perf_counter()
    with streamlit_app(store, port, work / "streamlit-big.log") as proc:
        wait_http(f"http://127.0.0.1:{port}/_stcore/health", started + 120, proc)
        offset = time.perf_counter() - started
        _, done = _browser_first_page(f"http://127.0.0.1:{port}{path}", 900)
    return offset + done
