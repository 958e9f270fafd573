"""Figure 5 (app start-up to first page) and the bounded load test of `kg serve`."""

from __future__ import annotations

import asyncio
import shutil
import time
from collections import Counter
from pathlib import Path

import httpx

from bench.report import Report
from bench.servers import free_port, kg_serve, streamlit_app, wait_http
from bench.stats import percentile, summarize

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
        report.add("5 start-up", f"launch → first output rendered in headless Chromium ({label})", summarize(rendered), "s",
                   note="includes a browser start")
        report.add("5 start-up", f"launch → first page complete (script run finished) in headless Chromium ({label})",
                   summarize(finished), "s", note="the landing page (Overview) fully drawn")
    elif browser:
        report.note("figure 5: no chromium on PATH, so only the HTTP readiness was measured")


async def _client(client: httpx.AsyncClient, url: str, queries: list[str], deadline: float, cap: int,
                  latencies: list[tuple[float, int | str]], statuses: Counter, offset: int) -> None:
    """One client: sends the queries in turn, back to back, without retrying a refusal (429)."""
    i = offset
    while time.perf_counter() < deadline and len(latencies) < cap:
        query = queries[i % len(queries)]
        i += 1
        t = time.perf_counter()
        try:
            r = await client.get(url, params={"query": query}, headers={"Accept": "application/sparql-results+json"})
            status: int | str = r.status_code
        except httpx.HTTPError as e:
            status = type(e).__name__
        statuses[status] += 1
        latencies.append(((time.perf_counter() - t) * 1000, status))


async def _load(url: str, queries: list[str], clients: int, seconds: float, cap: int):
    latencies: list[tuple[float, int | str]] = []
    statuses: Counter = Counter()
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(timeout=60.0, limits=limits) as client:
        deadline = time.perf_counter() + seconds
        await asyncio.gather(*(_client(client, url, queries, deadline, cap, latencies, statuses, k) for k in range(clients)))
    return latencies, statuses


def load_test(report: Report, store: Path, work: Path, queries: list[str], clients: int, seconds: float, label: str) -> None:
    port = free_port()
    with kg_serve(store, port, work / "kg-serve.log") as proc:
        wait_http(f"http://127.0.0.1:{port}/sparql?query=ASK%7B%7D", time.perf_counter() + 120, proc)
        started = time.perf_counter()
        latencies, statuses = asyncio.run(_load(f"http://127.0.0.1:{port}/sparql", queries, clients, seconds, cap=200_000))
        elapsed = time.perf_counter() - started
    ok = [ms for ms, status in latencies if status == 200]
    refused = statuses.get(429, 0)
    errors = sum(n for status, n in statuses.items() if status not in (200, 429))
    every = [ms for ms, _ in latencies]

    def pcts(xs: list[float]) -> str:
        return ", ".join(f"p{q} {percentile(xs, q):.1f}" for q in (50, 95, 99)) + " ms" if xs else "none"

    case = f"kg serve, {clients} clients × {seconds:g} s, {len(queries)} typical queries ({label})"
    report.add("load", f"{case}: answered (200)", summarize(ok or [0.0]), "ms",
               note=f"{pcts(ok)}; {len(ok)} answered, {len(ok) / elapsed:.1f}/s")
    report.add("load", f"{case}: every request", summarize(every), "ms",
               note=f"{pcts(every)}; {len(every)} requests ({len(every) / elapsed:.1f}/s): {len(ok)} answered, "
                    f"{refused} refused with 429 (over max_concurrent_queries), {errors} other errors; {dict(statuses)}")
