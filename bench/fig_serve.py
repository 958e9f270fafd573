"""Figure 5 (app start-up to first page) and the load test: `kg serve` against `oxigraph serve-read-only`."""

from __future__ import annotations

import asyncio
import shutil
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import httpx

from bench.report import Report
from bench.servers import cpu_seconds, free_port, kg_serve, oxigraph_serve, streamlit_app, wait_http
from bench.stats import percentile, summarize
from kg.settings import Settings

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
#: An element Streamlit renders only once the app's script has produced its first output.
FIRST_OUTPUT = '[data-testid="stMain"] [data-testid="stElementContainer"]'


#: Shown ("Stop") while the app's script runs.
RUNNING = '[data-testid="stStatusWidget"]'
_SETTLED_CHECKS = 5  # the script counts as finished once the status widget stayed away this many polls


def _browser_first_page(url: str, timeout_s: float) -> tuple[float, float]:
    """Seconds from navigation to the app's first rendered output, and to the end of its first
    script run (the "running" status widget gone for good), in headless Chromium."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=["--no-sandbox"])
        try:
            page = browser.new_page()
            t = time.perf_counter()
            page.goto(url)
            page.wait_for_selector(FIRST_OUTPUT, timeout=timeout_s * 1000)
            first = time.perf_counter() - t
            done, quiet = None, 0
            while quiet < _SETTLED_CHECKS and time.perf_counter() - t < timeout_s:
                if page.query_selector(RUNNING) is None:
                    done = done or time.perf_counter() - t
                    quiet += 1
                else:
                    done, quiet = None, 0
                time.sleep(0.1)
            if done is None:
                raise TimeoutError(f"the app's first script run did not finish within {timeout_s:g} s")
            return first, done
        finally:
            browser.close()


def startup(report: Report, store: Path, work: Path, repeats: int, label: str, browser: bool) -> None:
    health, first_html, rendered, finished = [], [], [], []
    for i in range(repeats):
        port = free_port()
        started = time.perf_counter()
        with streamlit_app(store, port, work / f"streamlit-{i}.log") as proc:
            deadline = started + 120
            health.append(wait_http(f"http://127.0.0.1:{port}/_stcore/health", deadline, proc) - started)
            first_html.append(wait_http(f"http://127.0.0.1:{port}/", deadline, proc) - started)
            if browser and CHROMIUM:
                offset = time.perf_counter() - started
                first, done = _browser_first_page(f"http://127.0.0.1:{port}/", 180)
                rendered.append(offset + first)
                finished.append(offset + done)
    report.add("5 start-up", f"launch → /_stcore/health 200 ({label})", summarize(health), "s")
    report.add("5 start-up", f"launch → / served ({label})", summarize(first_html), "s")
    if rendered:
        report.add(
            "5 start-up",
            f"launch → first output rendered in headless Chromium ({label})",
            summarize(rendered),
            "s",
            note="includes a browser start",
        )
        report.add(
            "5 start-up",
            f"launch → first page complete (script run finished) in headless Chromium ({label})",
            summarize(finished),
            "s",
            note="the landing page (Overview) fully drawn",
        )
    elif browser:
        report.note("figure 5: no chromium on PATH, so only the HTTP readiness was measured")


@dataclass
class LoadRun:
    """One server under ``clients`` concurrent clients for a while: each request's latency and status."""

    server: str
    clients: int
    seconds: float
    latencies: list[tuple[float, int | str]]
    cpu: tuple[float, float] = (0.0, 0.0)  # CPU seconds of the server's process, and of its child processes

    @property
    def answered(self) -> list[float]:
        return [ms for ms, status in self.latencies if status == 200]

    @property
    def statuses(self) -> Counter:
        return Counter(status for _, status in self.latencies)


async def _client(
    client: httpx.AsyncClient,
    url: str,
    queries: list[str],
    params: dict[str, str],
    deadline: float,
    cap: int,
    latencies: list[tuple[float, int | str]],
    offset: int,
) -> None:
    """One client: sends the queries in turn, back to back, without retrying a refusal (429, 503)."""
    i = offset
    while time.perf_counter() < deadline and len(latencies) < cap:
        query = queries[i % len(queries)]
        i += 1
        t = time.perf_counter()
        try:
            r = await client.get(
                url, params={**params, "query": query}, headers={"Accept": "application/sparql-results+json"}
            )
            status: int | str = r.status_code
        except httpx.HTTPError as e:
            status = type(e).__name__
        latencies.append(((time.perf_counter() - t) * 1000, status))


async def _load(url: str, queries: list[str], params: dict[str, str], clients: int, seconds: float, cap: int):
    latencies: list[tuple[float, int | str]] = []
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(timeout=60.0, limits=limits) as client:  # keep-alive, as a client library does
        started = time.perf_counter()
        deadline = started + seconds
        await asyncio.gather(
            *(_client(client, url, queries, params, deadline, cap, latencies, k) for k in range(clients))
        )
    return latencies, time.perf_counter() - started


def run_load(
    server: str,
    url: str,
    queries: list[str],
    clients: int,
    seconds: float,
    params: dict[str, str] | None = None,
    cap: int = 200_000,
) -> LoadRun:
    """``clients`` clients sending ``queries`` to ``url`` for ``seconds``."""
    latencies, elapsed = asyncio.run(_load(url, queries, params or {}, clients, seconds, cap))
    return LoadRun(server, clients, elapsed, latencies)


def _pcts(xs: list[float]) -> str:
    return ", ".join(f"p{q} {percentile(xs, q):.1f}" for q in (50, 95, 99)) + " ms" if xs else "none answered"


#: The servers compared: kg serve, and Oxigraph's own server on the same snapshot with nothing in front.
KG, OXIGRAPH = "kg serve", "oxigraph serve-read-only"


def load_test(
    report: Report,
    store: Path,
    work: Path,
    queries: list[str],
    levels: tuple[int, ...],
    seconds: float,
    rounds: int,
    label: str,
) -> None:
    """The typical queries against `kg serve` and `oxigraph serve-read-only` on the same snapshot, at each
    number of clients; the two servers take turns (kg, Oxigraph, then Oxigraph, kg …) so that load from
    other processes falls on both alike, ``rounds`` times each."""
    from kg.query import prepare_query

    settings = Settings.load(store=str(store))
    # Oxigraph gets the texts kg's guard would run: the same queries with kg's usual prefixes declared
    prepared = [prepare_query(text, settings).text for text in queries]
    kg_port, ox_port = free_port(), free_port()
    with (
        kg_serve(store, kg_port, work / "kg-serve.log") as kg_proc,
        oxigraph_serve(store, ox_port, settings.query_timeout, work / "oxigraph-serve.log") as ox_proc,
    ):
        urls = {KG: f"http://127.0.0.1:{kg_port}/sparql", OXIGRAPH: f"http://127.0.0.1:{ox_port}/query"}
        texts = {KG: queries, OXIGRAPH: prepared}
        deadline = time.perf_counter() + 120
        wait_http(f"{urls[KG]}?query=ASK%7B%7D", deadline, kg_proc)
        wait_http(f"{urls[OXIGRAPH]}?query=ASK%7B%7D", deadline, ox_proc)
        for server in (KG, OXIGRAPH):  # warm both (store caches, the guard's verdicts) before measuring
            run_load(server, urls[server], texts[server], 2, min(2.0, seconds))
        pids = {KG: kg_proc.pid, OXIGRAPH: ox_proc.pid}
        runs: list[LoadRun] = []
        for clients in levels:
            for r in range(rounds):
                for server in (KG, OXIGRAPH) if r % 2 == 0 else (OXIGRAPH, KG):
                    before = cpu_seconds(pids[server])
                    run = run_load(server, urls[server], texts[server], clients, seconds)
                    after = cpu_seconds(pids[server])
                    run.cpu = (after[0] - before[0], after[1] - before[1])
                    runs.append(run)
    for clients in levels:
        _report_level(
            report,
            [run for run in runs if run.clients == clients],
            clients,
            seconds,
            len(queries),
            label,
            target=clients == max(levels),
        )


@dataclass
class _Pooled:
    """The runs of one server at one number of clients, pooled."""

    runs: list[LoadRun]

    @property
    def answered(self) -> list[float]:
        return [ms for run in self.runs for ms in run.answered]

    @property
    def rate(self) -> float:
        return len(self.answered) / sum(run.seconds for run in self.runs)

    @property
    def p95(self) -> float:
        return percentile(self.answered, 95) if self.answered else float("inf")

    def note(self) -> str:
        statuses: Counter = sum((run.statuses for run in self.runs), Counter())
        refused = sum(n for status, n in statuses.items() if status != 200)
        rounds = ", ".join(f"{len(run.answered) / run.seconds:.1f}" for run in self.runs)
        front, children = (sum(run.cpu[i] for run in self.runs) * 1000 / max(1, len(self.answered)) for i in (0, 1))
        cpu = f"{front:.1f} ms in the server's process + {children:.1f} ms in its child processes (kg: query workers)"
        return (
            f"{_pcts(self.answered)}; {self.rate:.1f} answered/s (rounds: {rounds}); {refused} not answered: "
            f"{dict(statuses)}; CPU per answered request: {cpu}"
        )


def _report_level(
    report: Report, runs: list[LoadRun], clients: int, seconds: float, n_queries: int, label: str, target: bool
) -> None:
    kg, ox = (_Pooled([run for run in runs if run.server == server]) for server in (KG, OXIGRAPH))
    who = f"{clients} client{'s' if clients > 1 else ''}"
    case = f"{who} × {seconds:g} s × {len(kg.runs)} rounds, {n_queries} typical queries ({label})"
    seen = summarize(ox.answered or [0.0])
    report.add("load", f"{OXIGRAPH}, {case}: answered (200)", seen, "ms", note=ox.note())
    report.add(
        "load",
        f"{KG}, {case}: answered (200)",
        summarize(kg.answered or [0.0]),
        "ms",
        OXIGRAPH,
        seen,
        summarize(kg.answered or [0.0]).median / max(seen.median, 1e-9),
        note=kg.note(),
    )
    ratio, p95 = kg.rate / max(ox.rate, 1e-9), kg.p95 / max(ox.p95, 1e-9)
    rounds = [_Pooled([k]).rate / max(_Pooled([o]).rate, 1e-9) for k, o in zip(kg.runs, ox.runs, strict=True)]
    measured = (
        f"×{ratio:.2f} ({kg.rate:.1f} vs {ox.rate:.1f}/s; per round ×{min(rounds):.2f}–×{max(rounds):.2f})",
        f"×{p95:.2f} ({kg.p95:.0f} vs {ox.p95:.0f} ms)",
    )
    if not target:  # the ratios of the other levels are reported, not judged
        report.note(f"load, {who}: kg serve answered {measured[0]} of Oxigraph's requests/s; p95 {measured[1]}")
        return
    report.target(
        f"kg serve answers ≥ 0.8 × Oxigraph's requests/s, {who} ({label})", ratio >= 0.8, measured[0], "≥ ×0.80"
    )
    report.target(f"kg serve p95 ≤ 1.5 × Oxigraph's, {who} ({label})", p95 <= 1.5, measured[1], "≤ ×1.50")
