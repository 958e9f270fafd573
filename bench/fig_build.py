"""Figures 1 and 2: extraction throughput of `kg build` against raw nlp.pipe, and build cost as the
corpus grows. Every run is a fresh process (model load, memory and worker processes isolated)."""

from __future__ import annotations

import shutil
from pathlib import Path

from bench.corpus_gen import generate_corpus
from bench.report import Report
from bench.runner import child
from bench.stats import summarize
from kg.settings import Settings


def _rate(run: dict) -> float:
    """Words per second of the processing, model load excluded."""
    return run["words"] / max(run["seconds"] - run["load_seconds"], 1e-9)


def extraction(report: Report, work: Path, articles: int, repeats: int, batch_size: int) -> None:
    corpus = work / f"corpus-extract-{articles}"
    shutil.rmtree(corpus, ignore_errors=True)
    words = generate_corpus(corpus, articles, seed=1)
    report.note(f"figure 1 corpus: {articles} generated articles, {words:,} words, batch size {batch_size}; "
                "words/s exclude model load (load times are listed separately)")
    medians: dict[tuple[str, int], float] = {}
    for n in (1, 2):
        runs: dict[str, list[dict]] = {"raw": [], "kg-pipe": [], "build": []}
        for r in range(repeats):  # interleaved, so that load from other users hits all three alike
            for what in runs:
                args = [what, "--corpus", str(corpus), "--n-process", str(n), "--batch-size", str(batch_size)]
                if what == "build":
                    store = work / "store-extract"
                    shutil.rmtree(store, ignore_errors=True)
                    args += ["--store", str(store)]
                runs[what].append(child(*args))
        raw = summarize([_rate(x) for x in runs["raw"]])
        medians[("raw", n)] = raw.median
        report.add("1 extraction", f"raw nlp.pipe, {n} process(es)", raw, "words/s", note="spaCy pipeline without kg components")
        for what, label in (("kg-pipe", "kg's extraction without the store (spaCy + kg components + rules + RDF, kg.pipeline)"), ("build", "kg build (extract + RDF + store)")):
            s = summarize([_rate(x) for x in runs[what]])
            medians[(what, n)] = s.median
            report.add("1 extraction", f"{label}, {n} process(es)", s, "words/s", "raw nlp.pipe", raw, s.median / raw.median)
        for what in runs:
            report.add("1 extraction", f"model load, {what}, {n} process(es)", summarize([x["load_seconds"] for x in runs[what]]), "s")
        where = "in this process" if n == 1 else "not counted: in the worker processes"
        for part, label in (("read_document", "reading articles"),
                            ("assemble", f"extraction records from spaCy docs ({where})"),
                            ("extraction_quads", "extraction → RDF quads (" + ("writer thread, overlaps spaCy" if n == 1 else where) + ")"),
                            ("write_documents", f"store writes, {Settings.load().write_batch_size} new documents per atomic bulk load (writer thread, overlaps spaCy)"),
                            ("publish", "snapshots published (writer thread)"), ("_write_kb_if_changed", "KB graph check/write")):
            secs = summarize([x["spent"][part] for x in runs["build"]])
            share = summarize([x["spent"][part] / (x["seconds"] - x["load_seconds"]) for x in runs["build"]])
            report.add("1 extraction", f"inside kg build, {n} process(es): {label}", secs, "s",
                       note=f"{share.median:.0%} of the build's wall-clock processing time")
        failed = [f for x in runs["build"] for f in x["failed"]]
        if failed:
            report.note(f"figure 1: build reported failed articles, e.g. {failed[0]}")
    for n in (1, 2):
        ratio = medians[("build", n)] / medians[("raw", n)]
        report.target(f"extraction ≥ 0.8 × raw nlp.pipe ({n} process{'es' if n > 1 else ''})", ratio >= 0.8,
                      f"{ratio:.2f} ({medians[('build', n)]:,.0f} vs {medians[('raw', n)]:,.0f} words/s)", "≥ 0.80")
    speedup = medians[("build", 2)] / medians[("build", 1)]
    raw_speedup = medians[("raw", 2)] / medians[("raw", 1)]
    report.target("kg build: 2 processes ≥ 1.6 × 1 process", speedup >= 1.6, f"{speedup:.2f}", "≥ 1.60",
                  f"raw nlp.pipe in the same run: {raw_speedup:.2f}")


def scaling(report: Report, work: Path, sizes: list[int], repeats: list[int], n_process: int, quick: bool) -> None:
    results = {}
    for size, reps in zip(sizes, repeats):
        corpus = work / f"corpus-scale-{size}"
        shutil.rmtree(corpus, ignore_errors=True)
        words = generate_corpus(corpus, size, seed=2)
        runs = []
        for _ in range(reps):
            store = work / "store-scale"
            shutil.rmtree(store, ignore_errors=True)
            runs.append(child("build", "--corpus", str(corpus), "--store", str(store), "--n-process", str(n_process)))
        t = summarize([x["seconds"] for x in runs])
        m = summarize([x["maxrss_self_mb"] + x["maxrss_children_mb"] for x in runs])
        results[size] = (t, m)
        report.add("2 build scale", f"build {size:,} articles ({words:,} words), {n_process} process(es)", t, "s")
        report.add("2 build scale", f"peak RSS, build {size:,} articles", m, "MB", note="process + largest worker")
    small, large = sizes[-2], sizes[-1]
    factor = large / small
    time_ratio = results[large][0].median / results[small][0].median
    mem_ratio = results[large][1].median / results[small][1].median
    scope = f"{small:,} → {large:,} articles" + (" (quick mode sizes)" if quick else "")
    report.target(f"build time at most linear: {scope}", time_ratio <= factor * 1.1, f"×{time_ratio:.2f} for ×{factor:.0f} articles",
                  f"≤ ×{factor * 1.1:.1f}")
    report.target(f"build peak memory: {scope}", mem_ratio <= 1.3, f"×{mem_ratio:.2f}", "≤ ×1.30")
