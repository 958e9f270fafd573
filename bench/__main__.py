"""``python -m bench [--quick] [--only FIGS]``: run the suite, print PASS/FAIL per target, write
bench/results/bench-<mode>.md and .json."""

from __future__ import annotations

import argparse
import sys
import time
import traceback
from dataclasses import dataclass
from pathlib import Path

from bench.report import Report
from bench.runner import ROOT

FIGURES = ("extraction", "scale", "cluster", "curations", "query", "pages", "startup", "load", "big")


@dataclass(frozen=True)
class Plan:
    extract_articles: int
    extract_repeats: int
    scale_sizes: tuple[int, ...]
    scale_repeats: tuple[int, ...]
    triples: int
    query_repeats: int
    query_budget_s: float  # time one query's repeats may take; slow queries get fewer (at least 3)
    peer_triples: int
    page_repeats: int
    startup_repeats: int
    load_clients: int
    load_seconds: float
    big_triples: int = 0  # figure 10's generated graph (issue #15: 10M); 0: not measured


QUICK = Plan(
    extract_articles=24,
    extract_repeats=2,
    scale_sizes=(20, 200),
    scale_repeats=(3, 2),
    triples=100_000,
    query_repeats=5,
    query_budget_s=1.0,
    peer_triples=10_000,
    page_repeats=3,
    startup_repeats=1,
    load_clients=4,
    load_seconds=5,
)
FULL = Plan(
    extract_articles=300,
    extract_repeats=5,
    scale_sizes=(100, 1_000, 10_000),
    scale_repeats=(3, 2, 1),
    triples=1_000_000,
    query_repeats=30,
    query_budget_s=15.0,
    peer_triples=30_000,
    page_repeats=30,
    startup_repeats=3,
    load_clients=16,
    load_seconds=30,
    big_triples=10_000_000,
)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    ap.add_argument("--quick", action="store_true", help="small sizes, a few minutes (CI)")
    ap.add_argument("--only", default=",".join(FIGURES), help=f"comma-separated subset of {','.join(FIGURES)}")
    ap.add_argument("--triples", type=int, help="size of the generated graph (default: 100k quick, 1M full)")
    ap.add_argument("--out", default=str(ROOT / "bench" / "results"), help="where to write the Markdown and JSON")
    args = ap.parse_args(argv)
    plan = QUICK if args.quick else FULL
    if args.triples:
        plan = Plan(**{**plan.__dict__, "triples": args.triples})
    only = [f.strip() for f in args.only.split(",") if f.strip()]
    unknown = set(only) - set(FIGURES)
    if unknown:
        ap.error(f"unknown figure(s) {sorted(unknown)}; choose from {', '.join(FIGURES)}")
    out = Path(args.out)
    work = out / "work"
    cache = out / "cache"
    work.mkdir(parents=True, exist_ok=True)
    cache.mkdir(parents=True, exist_ok=True)
    report = Report(mode="quick" if args.quick else "full")
    report.note(f"plan: {plan}")
    if args.quick:
        report.note(
            f"quick mode: sizes are small (build scale {plan.scale_sizes[0]} → {plan.scale_sizes[-1]} articles, "
            "graph of "
            f"{plan.triples:,} triples instead of 1M); targets are checked on these sizes"
        )
    from bench import run

    failures = 0
    for name in only:
        print(f"== {name}", flush=True)
        started = time.perf_counter()
        try:
            getattr(run, name)(report, plan, work, cache)
        except Exception as e:
            failures += 1
            report.note(f"figure '{name}' could not be measured: {type(e).__name__}: {e}")
            traceback.print_exc()
        print(f"   ({time.perf_counter() - started:.0f} s)", flush=True)
    md, js = report.write(out)
    print(f"\n{report.markdown()}\nwritten: {md} and {js}")
    failed = [t for t in report.targets if t.verdict == "FAIL"]
    print(
        f"targets: {sum(t.verdict == 'PASS' for t in report.targets)} pass, {len(failed)} fail; "
        f"{failures} figure(s) not measured"
    )
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
