"""Figures 1 and 2: extraction throughput of `kg build` against raw nlp.pipe, and build cost as the
corpus grows. Every run is a fresh process (model load, memory and worker processes isolated)."""

from __future__ import annotations

import resource
import shutil
from pathlib import Path

from bench.corpus_gen import generate_corpus
from bench.report import Report
from bench.runner import child
from bench.stats import Summary, summarize, time_interleaved
from kg.settings import Settings


def _rate(run: dict) -> float:
    """Words per second of the processing, model load excluded."""
    return run["words"] / max(run["seconds"] - run["load_seconds"], 1e-9)


def extraction(report: Report, work: Path, articles: int, repeats: int, batch_size: int) -> None:
    corpus = work / f"corpus-extract-{articles}"
    shutil.rmtree(corpus, ignore_errors=True)
    words = generate_corpus(corpus, articles, seed=1)
    report.note(
        f"figure 1 corpus: {articles} generated articles, {words:,} words, batch size {batch_size}; "
        "words/s exclude model load (load times are listed separately)"
    )
    medians: dict[tuple[str, int], float] = {}
    for n in (1, 2):
        runs: dict[str, list[dict]] = {"raw": [], "kg-pipe": [], "build": []}
        for _ in range(repeats):  # interleaved, so that load from other users hits all three alike
            for what in runs:
                args = [what, "--corpus", str(corpus), "--n-process", str(n), "--batch-size", str(batch_size)]
                if what == "build":
                    store = work / "store-extract"
                    shutil.rmtree(store, ignore_errors=True)
                    args += ["--store", str(store)]
                runs[what].append(child(*args))
        raw = summarize([_rate(x) for x in runs["raw"]])
        medians[("raw", n)] = raw.median
        report.add(
            "1 extraction",
            f"raw nlp.pipe, {n} process(es)",
            raw,
            "words/s",
            note="spaCy pipeline without kg components",
        )
        for what, label in (
            ("kg-pipe", "kg's extraction without the store (spaCy + kg components + rules + RDF, kg.pipeline)"),
            ("build", "kg build (extract + RDF + store)"),
        ):
            s = summarize([_rate(x) for x in runs[what]])
            medians[(what, n)] = s.median
            report.add(
                "1 extraction", f"{label}, {n} process(es)", s, "words/s", "raw nlp.pipe", raw, s.median / raw.median
            )
        for what in runs:
            report.add(
                "1 extraction",
                f"model load, {what}, {n} process(es)",
                summarize([x["load_seconds"] for x in runs[what]]),
                "s",
            )
        where = "in this process" if n == 1 else "not counted: in the worker processes"
        for part, label in (
            ("read_document", "reading articles"),
            ("assemble", f"extraction records from spaCy docs ({where})"),
            (
                "extraction_quads",
                "extraction → RDF quads (" + ("writer thread, overlaps spaCy" if n == 1 else where) + ")",
            ),
            (
                "write_documents",
                f"store writes, {Settings.load().write_batch_size} new documents per atomic bulk load "
                "(writer thread, overlaps spaCy)",
            ),
            ("publish", "snapshots published (writer thread)"),
            ("_write_kb_if_changed", "KB graph check/write (writer thread, overlaps the pipeline's start)"),
        ):
            secs = summarize([x["spent"][part] for x in runs["build"]])
            share = summarize([x["spent"][part] / (x["seconds"] - x["load_seconds"]) for x in runs["build"]])
            report.add(
                "1 extraction",
                f"inside kg build, {n} process(es): {label}",
                secs,
                "s",
                note=f"{share.median:.0%} of the build's wall-clock processing time",
            )
        failed = [f for x in runs["build"] for f in x["failed"]]
        if failed:
            report.note(f"figure 1: build reported failed articles, e.g. {failed[0]}")
    for n in (1, 2):
        ratio = medians[("build", n)] / medians[("raw", n)]
        report.target(
            f"extraction ≥ 0.8 × raw nlp.pipe ({n} process{'es' if n > 1 else ''})",
            ratio >= 0.8,
            f"{ratio:.2f} ({medians[('build', n)]:,.0f} vs {medians[('raw', n)]:,.0f} words/s)",
            "≥ 0.80",
        )
    speedup = medians[("build", 2)] / medians[("build", 1)]
    raw_speedup = medians[("raw", 2)] / medians[("raw", 1)]
    report.target(
        "kg build: 2 processes ≥ 1.6 × 1 process",
        speedup >= 1.6,
        f"{speedup:.2f}",
        "≥ 1.60",
        f"raw nlp.pipe in the same run: {raw_speedup:.2f}",
    )


def claim_grouping(report: Report, store: Path, size: int, build: Summary) -> None:
    """The claims of a built store (kg.explore.claims.claim_index, once per graph version), against the build's time."""
    from kg.explore.claims import claim_index
    from kg.store import open_reader

    reader = open_reader(Settings.load(store=str(store)))
    [samples] = time_interleaved([lambda: claim_index(reader)], 5)
    t = summarize(samples)
    share = t.median / 1000 / build.median
    report.add(
        "2 build scale",
        f"claim grouping (claim_index) of the {size:,}-article store",
        t,
        "ms",
        note=f"{len(claim_index(reader).claims):,} claims; {share:.1%} of the build's median",
    )
    report.target(
        f"claim grouping ≤ 10 % of build time ({size:,} articles)",
        share <= 0.10,
        f"{share:.1%} ({t.median / 1000:.2f} s of {build.median:.1f} s)",
        "≤ 10 %",
    )


def scaling(report: Report, work: Path, sizes: list[int], repeats: list[int], n_process: int, quick: bool) -> None:
    results = {}
    for size, reps in zip(sizes, repeats, strict=True):
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
        claim_grouping(report, store, size, t)
    small, large = sizes[-2], sizes[-1]
    factor = large / small
    time_ratio = results[large][0].median / results[small][0].median
    mem_ratio = results[large][1].median / results[small][1].median
    scope = f"{small:,} → {large:,} articles" + (" (quick mode sizes)" if quick else "")
    report.target(
        f"build time at most linear: {scope}",
        time_ratio <= factor * 1.1,
        f"×{time_ratio:.2f} for ×{factor:.0f} articles",
        f"≤ ×{factor * 1.1:.1f}",
    )
    report.target(f"build peak memory: {scope}", mem_ratio <= 1.3, f"×{mem_ratio:.2f}", "≤ ×1.30")


def cluster(report: Report, work: Path, articles: int, repeats: int) -> None:
    """Figure 8: `kg build --cluster local:2` (Dask, kg.cluster) against `--n-process 2` (the fork, kg.pipeline) on the
    same generated corpus, each run a fresh process, interleaved; the whole build's wall-clock time counts (a local
    cluster's start and its workers' pipeline loads included, as the fork's one load)."""
    corpus = work / f"corpus-cluster-{articles}"
    shutil.rmtree(corpus, ignore_errors=True)
    words = generate_corpus(corpus, articles, seed=3)
    report.note(f"figure 8 corpus: {articles:,} generated articles, {words:,} words; whole build, start-up included")
    runs: dict[str, list[dict]] = {"n-process 2": [], "cluster local:2": []}
    for _ in range(repeats):
        for what in runs:
            store = work / "store-cluster"
            shutil.rmtree(store, ignore_errors=True)
            how = ["--cluster", "local:2"] if what.startswith("cluster") else ["--n-process", "2"]
            before = _children_cpu_seconds()
            run = child("build", "--corpus", str(corpus), "--store", str(store), *how)
            runs[what].append(run | {"cpu_seconds": _children_cpu_seconds() - before})
    rates = {what: summarize([x["words"] / x["seconds"] for x in done]) for what, done in runs.items()}
    fork = rates["n-process 2"]
    report.add("8 cluster", f"kg build --n-process 2, {articles:,} articles", fork, "words/s")
    report.add(
        "8 cluster",
        f"kg build --cluster local:2, {articles:,} articles",
        rates["cluster local:2"],
        "words/s",
        "--n-process 2",
        fork,
        rates["cluster local:2"].median / fork.median,
    )
    for what, done in runs.items():
        wall = summarize([x["seconds"] for x in done])
        peak = summarize([x["maxrss_self_mb"] + x["maxrss_children_mb"] for x in done])
        report.add("8 cluster", f"wall-clock, {what}, {articles:,} articles", wall, "s")
        report.add("8 cluster", f"peak RSS, {what}", peak, "MB", note="build process + largest worker")
    cpu = {what: summarize([x["cpu_seconds"] for x in done]) for what, done in runs.items()}
    why = "user + sys of the build and every process it started; moves far less than wall-clock with others' load"
    report.add("8 cluster", f"CPU, n-process 2, {articles:,} articles", cpu["n-process 2"], "s", note=why)
    report.add(
        "8 cluster",
        f"CPU, cluster local:2, {articles:,} articles",
        cpu["cluster local:2"],
        "s",
        "n-process 2",
        cpu["n-process 2"],
        cpu["cluster local:2"].median / cpu["n-process 2"].median,
        note=why,
    )
    failed = [f for done in runs.values() for x in done for f in x["failed"]]
    if failed:
        report.note(f"figure 8: a build reported failed articles, e.g. {failed[0]}")
    ratio = rates["cluster local:2"].median / fork.median
    report.target(
        f"kg build --cluster local:2 ≥ 0.9 × --n-process 2 ({articles:,} articles)",
        ratio >= 0.9,
        f"{ratio:.2f} ({rates['cluster local:2'].median:,.0f} vs {fork.median:,.0f} words/s)",
        "≥ 0.90",
    )
    store_writes(report, work, work / "store-cluster", repeats)


def _children_cpu_seconds() -> float:
    """User + sys CPU of this process's finished children and of every descendant they waited for."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def store_writes(report: Report, work: Path, built: Path, repeats: int) -> None:
    """Figure 8, the store's side: the document graphs of ``built`` written again, 64 to a call as `kg build` writes
    them, into a new embedded store and into a new `oxigraph serve` on loopback (one SPARQL Update per document)."""
    import time

    from bench.servers import BIN, free_port, running, wait_http
    from kg.graphs import DocumentWrite, graph_node
    from kg.remote import RemoteStore
    from kg.store import EmbeddedWriter, open_reader

    reader = open_reader(Settings.load(store=str(built)))
    graph_query = "CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }"
    contents = {
        d.id: b"".join(str(t).encode() + b" .\n" for t in reader.query(graph_query, {"g": graph_node(d.id)}))
        for d in reader.documents()
    }
    writes = [DocumentWrite(doc_id, content) for doc_id, content in contents.items()]
    triples = sum(content.count(b"\n") for content in contents.values())
    batch = Settings.load().write_batch_size
    seconds: dict[str, list[float]] = {"embedded store": [], "oxigraph serve (loopback)": []}
    for _ in range(repeats):
        target = work / "store-writes"
        shutil.rmtree(target, ignore_errors=True)
        t0 = time.perf_counter()
        writer = EmbeddedWriter(target / "embedded")
        for i in range(0, len(writes), batch):
            writer.write_documents(writes[i : i + batch])
        writer.close()
        seconds["embedded store"].append(time.perf_counter() - t0)
        port = free_port()
        args = [str(BIN / "oxigraph"), "serve", "--location", str(target / "server"), "--bind", f"127.0.0.1:{port}"]
        with running(args, {}, work / "oxigraph-writes.log") as proc:
            url = f"http://127.0.0.1:{port}"
            wait_http(f"{url}/query?query=ASK%7B%7D", time.perf_counter() + 30, proc)
            with RemoteStore(url, Settings.load(store=url)) as remote:
                t0 = time.perf_counter()
                for i in range(0, len(writes), batch):
                    remote.write_documents(writes[i : i + batch])
                seconds["oxigraph serve (loopback)"].append(time.perf_counter() - t0)
    report.note(f"figure 8 store writes: {len(writes):,} document graphs, {triples:,} triples, {batch} per call")
    for where, spent in seconds.items():
        report.add(
            "8 cluster",
            f"document writes, {where}",
            summarize([len(writes) / s for s in spent]),
            "documents/s",
            note=f"{summarize([triples / s for s in spent]).median:,.0f} triples/s",
        )
