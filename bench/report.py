"""Collects figures and target verdicts and writes them as Markdown and JSON."""

from __future__ import annotations

import json
import platform
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from bench.stats import Summary


@dataclass
class Row:
    figure: str  # "1 extraction", "3 query" …
    case: str  # what was measured
    value: Summary
    unit: str
    baseline: str = ""  # what it is compared with ("" if none)
    baseline_value: Summary | None = None
    ratio: float | None = None  # value / baseline, both medians of the same run
    note: str = ""


@dataclass
class Target:
    name: str
    verdict: str  # PASS | FAIL | NOT MEASURED
    measured: str
    limit: str
    note: str = ""


@dataclass
class Report:
    mode: str
    rows: list[Row] = field(default_factory=list)
    targets: list[Target] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    started: float = field(default_factory=time.time)

    def add(self, *args, **kwargs) -> Row:
        row = Row(*args, **kwargs)
        self.rows.append(row)
        print(
            f"  [{row.figure}] {row.case}: {row.value.fmt(2)} {row.unit}"
            + (f" | {row.baseline}: {row.baseline_value.fmt(2)}" if row.baseline_value else "")
            + (f" | ratio {row.ratio:.2f}" if row.ratio is not None else ""),
            flush=True,
        )
        return row

    def target(self, name: str, ok: bool | None, measured: str, limit: str, note: str = "") -> None:
        verdict = "NOT MEASURED" if ok is None else "PASS" if ok else "FAIL"
        self.targets.append(Target(name, verdict, measured, limit, note))
        print(f"  {verdict}: {name} — {measured} (limit {limit}){' — ' + note if note else ''}", flush=True)

    def note(self, text: str) -> None:
        self.notes.append(text)
        print(f"  note: {text}", flush=True)

    # -- output ------------------------------------------------------------------------------
    def markdown(self) -> str:
        lines = [
            f"# kg benchmark — {self.mode} mode",
            "",
            f"Run {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime(self.started))}, "
            f"{time.time() - self.started:.0f} s; Python {platform.python_version()}, {platform.machine()}, "
            f"{_cpus()} CPUs. Each figure: median (min–max) over n runs; ratios are medians of the same run.",
            "",
            "## Targets",
            "",
            "| target | verdict | measured | limit | note |",
            "|---|---|---|---|---|",
        ]
        lines += [f"| {t.name} | **{t.verdict}** | {t.measured} | {t.limit} | {t.note} |" for t in self.targets]
        lines += [
            "",
            "## Figures",
            "",
            "| figure | case | median (min–max) | n | unit | baseline (same run) | ratio | note |",
            "|---|---|---|---|---|---|---|---|",
        ]
        for r in self.rows:
            base = f"{r.baseline}: {r.baseline_value.fmt(2)}" if r.baseline_value else r.baseline
            ratio = f"{r.ratio:.2f}" if r.ratio is not None else ""
            lines.append(
                f"| {r.figure} | {r.case} | {r.value.fmt(2)} | {r.value.n} | {r.unit} | {base} | {ratio} | {r.note} |"
            )
        if self.notes:
            lines += ["", "## Notes", ""] + [f"- {n}" for n in self.notes]
        return "\n".join(lines) + "\n"

    def as_dict(self) -> dict:
        return {
            "mode": self.mode,
            "started": self.started,
            "seconds": time.time() - self.started,
            "python": sys.version,
            "cpus": _cpus(),
            "targets": [t.__dict__ for t in self.targets],
            "rows": [
                {
                    **r.__dict__,
                    "value": r.value.as_dict(),
                    "baseline_value": r.baseline_value.as_dict() if r.baseline_value else None,
                }
                for r in self.rows
            ],
            "notes": self.notes,
        }

    def write(self, directory: Path) -> tuple[Path, Path]:
        directory.mkdir(parents=True, exist_ok=True)
        md, js = directory / f"bench-{self.mode}.md", directory / f"bench-{self.mode}.json"
        md.write_text(self.markdown(), encoding="utf-8")
        js.write_text(json.dumps(self.as_dict(), indent=2), encoding="utf-8")
        return md, js


def _cpus() -> int:
    import os

    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 0
