"""Start the servers measured (`kg serve`, the Streamlit app, Oxigraph's own server) on loopback, and stop them."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

import httpx

from bench.runner import ROOT

BIN = Path(sys.executable).parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_http(url: str, deadline: float, proc: subprocess.Popen) -> float:
    """Poll ``url`` until it answers 200; the perf_counter time it did."""
    while time.perf_counter() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"{proc.args!r} exited with {proc.returncode} before {url} answered")
        try:
            if httpx.get(url, timeout=1.0).status_code == 200:
                return time.perf_counter()
        except httpx.HTTPError:
            pass
        time.sleep(0.05)
    raise TimeoutError(f"{url} did not answer 200 in time")


@contextmanager
def running(args: list[str], env: dict[str, str], log: Path):
    """A server process with output to ``log``, stopped (its own process group) on exit."""
    with open(log, "wb") as out:
        proc = subprocess.Popen(
            args, cwd=ROOT, env={**os.environ, **env}, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
        )
        try:
            yield proc
        finally:
            if proc.poll() is None:
                os.killpg(proc.pid, 15)
                try:
                    proc.wait(10)
                except subprocess.TimeoutExpired:
                    os.killpg(proc.pid, 9)
                    proc.wait()


def kg_serve(store: Path, port: int, log: Path):
    env = {"KG_STORE": str(store), "KG_HOST": "127.0.0.1", "KG_PORT": str(port)}
    return running([str(BIN / "kg"), "serve"], env, log)


def streamlit_app(store: Path, port: int, log: Path):
    args = [
        str(BIN / "streamlit"),
        "run",
        str(ROOT / "app" / "streamlit_app.py"),
        "--server.headless",
        "true",
        "--server.address",
        "127.0.0.1",
        "--server.port",
        str(port),
        "--browser.gatherUsageStats",
        "false",
    ]
    return running(args, {"KG_STORE": str(store)}, log)


def oxigraph_serve(store: Path, port: int, timeout_s: float, log: Path):
    """Oxigraph's own server, read-only, on the snapshot kg's readers use, with nothing in front of it: the union
    of all graphs as default graph (as kg's readers query) and the same query time limit as kg's."""
    snapshot = store / "snapshots" / (store / "CURRENT").read_text(encoding="utf-8").strip()
    args = [
        str(BIN / "oxigraph"),
        "serve-read-only",
        "--location",
        str(snapshot),
        "--bind",
        f"127.0.0.1:{port}",
        "--union-default-graph",
        "--timeout-s",
        str(max(1, round(timeout_s))),
    ]
    return running(args, {}, log)


def cpu_seconds(pid: int) -> tuple[float, float]:
    """CPU seconds (user + system) used so far by process ``pid`` and, apart, by its live descendants
    (Linux /proc; (0, 0) where it is not available)."""

    def own(p: int) -> float:
        try:
            fields = Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            return 0.0
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def children(p: int) -> list[int]:
        out = []
        for task in Path(f"/proc/{p}/task").glob("*"):
            try:
                out += [int(c) for c in (task / "children").read_text().split()]
            except OSError:
                continue
        return out

    descendants, todo = [], children(pid)
    while todo:
        child = todo.pop()
        descendants.append(child)
        todo += children(child)
    return own(pid), sum(own(c) for c in descendants)
