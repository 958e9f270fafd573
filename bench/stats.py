"""Small statistics for the suite: medians with min–max, percentiles, ratios."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass


@dataclass(frozen=True)
class Summary:
    """A figure measured ``n`` times: its median and range."""

    median: float
    min: float
    max: float
    n: int

    def fmt(self, digits: int = 1) -> str:
        if self.n == 1:
            return f"{self.median:,.{digits}f} (1 run)"
        return f"{self.median:,.{digits}f} ({self.min:,.{digits}f}–{self.max:,.{digits}f})"

    def as_dict(self) -> dict:
        return asdict(self)


def summarize(samples: Sequence[float]) -> Summary:
    if not samples:
        raise ValueError("no samples to summarize")
    return Summary(statistics.median(samples), min(samples), max(samples), len(samples))


def percentile(samples: Sequence[float], q: float) -> float:
    """The q-th percentile (0–100) by linear interpolation between closest ranks.

    >>> percentile([1, 2, 3, 4], 50), percentile([1, 2, 3, 4], 100)
    (2.5, 4)
    """
    if not samples:
        raise ValueError("no samples")
    data = sorted(samples)
    pos = (len(data) - 1) * q / 100
    lo = int(pos)
    hi = min(lo + 1, len(data) - 1)
    return data[lo] + (data[hi] - data[lo]) * (pos - lo)


def time_calls(fn: Callable[[], object], repeats: int, warmup: int = 1) -> list[float]:
    """Wall-clock milliseconds of ``repeats`` calls of ``fn`` after ``warmup`` unmeasured ones."""
    for _ in range(warmup):
        fn()
    out = []
    for _ in range(repeats):
        t = time.perf_counter()
        fn()
        out.append((time.perf_counter() - t) * 1000)
    return out


MIN_REPEATS = 3


def time_interleaved(
    fns: Sequence[Callable[[], object]], repeats: int, warmup: int = 1, budget_s: float | None = None
) -> list[list[float]]:
    """Milliseconds of each of ``fns``, called in turn ``repeats`` times (A B A B …), so that load
    from other processes falls on all of them alike; one list of samples per function. With a
    ``budget_s``, slow functions get fewer repeats (never fewer than 3), judged by the warm-up."""
    t = time.perf_counter()
    for _ in range(warmup):
        for fn in fns:
            fn()
    if budget_s is not None and warmup:
        round_s = (time.perf_counter() - t) / warmup
        repeats = max(MIN_REPEATS, min(repeats, int(budget_s / max(round_s, 1e-9))))
    out: list[list[float]] = [[] for _ in fns]
    for _ in range(repeats):
        for i, fn in enumerate(fns):
            t = time.perf_counter()
            fn()
            out[i].append((time.perf_counter() - t) * 1000)
    return out
