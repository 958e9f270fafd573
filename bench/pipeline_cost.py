"""Where one process's extraction time goes, per article:
``python -m bench.pipeline_cost [--articles 300] [--repeats 5]``.

Figure 1 compares whole runs; this splits kg's part of them. It parses generated articles (figure 1's
corpus generator, seed 1) with kg's pipeline, then times, best of ``--repeats``, each step on the same
texts: every pipeline component on its own (spaCy's and kg's: the line-break rule, the KB entity ruler,
the ``kg_extractor`` rules, and of them the learned classifier's pairs), assembling records
(:func:`kg.extract.assemble`) and the RDF of a document's graph (:class:`kg.pipeline.DocumentGraph`, N-Triples as a
build writes them). Prints milliseconds per article and each step's share.

Then what a build costs once, whatever its size (``--no-fixed`` skips it): the same graphs written into a fresh store
as `kg build` writes them, each step timed once per repeat (best of ``--repeats``): reading the KB, the KB graph's
check and first write, the curations' check, the document writes (per article, for scale), the labels and claims
graphs' refresh, the compaction and the last snapshot; and loading the pipeline.
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any, TypeVar

from spacy.tokens import Doc

from bench.corpus_gen import generate_corpus
from kg import corpus
from kg.extract import assemble, learned
from kg.model import Document
from kg.nlp import load_pipeline
from kg.pipeline import DocumentGraph
from kg.settings import Settings

KG_COMPONENTS = ("kg_line_breaks", "entity_ruler", "kg_extractor")
LEARNED = "  of which learned classifier"
T = TypeVar("T")


def _best(step: Callable[[Any], T], repeats: int, setup: Callable[[], Any] = lambda: None) -> tuple[float, T]:
    """The shortest of ``repeats`` timings of ``step(setup())`` (setup untimed), and the last result."""
    times = []
    for _ in range(repeats):
        given = setup()
        started = time.perf_counter()
        result = step(given)
        times.append(time.perf_counter() - started)
    return min(times), result


def _documents(articles: int) -> list[Document]:
    with tempfile.TemporaryDirectory() as tmp:
        generate_corpus(tmp, articles, seed=1)
        return [corpus.read_document(p) for p in sorted(Path(tmp).glob("*.md"))]


def _learned_time(run: Callable[[], T]) -> tuple[float, T]:
    """``run()``, and the time spent in it by the learned classifier (:func:`kg.extract.learned.read`)."""
    original = learned.read
    spent = 0.0

    def timed(*args, **kwargs):
        nonlocal spent
        started = time.perf_counter()
        try:
            return original(*args, **kwargs)
        finally:
            spent += time.perf_counter() - started

    learned.read = timed
    try:
        result = run()
    finally:
        learned.read = original
    return spent, result


def pipeline_cost(articles: int, repeats: int) -> list[tuple[str, float]]:
    """(step, seconds per article) for each pipeline component, assembling records and the RDF."""
    documents = _documents(articles)
    nlp = load_pipeline(Settings.load())
    texts = [d.text for d in documents]
    seconds, docs = _best(lambda _: [nlp.make_doc(t) for t in texts], repeats)
    steps: list[tuple[str, float]] = [("tokenizer", seconds)]
    for name, component in nlp.pipeline:
        # each run starts from the same annotations: the previous component's, restored from bytes (untimed)
        before = [doc.to_bytes() for doc in docs]

        def restore(before=before):
            return [Doc(nlp.vocab).from_bytes(b) for b in before]

        def run(given, component=component):
            return (
                list(component.pipe(given, batch_size=32))
                if hasattr(component, "pipe")
                else [component(d) for d in given]
            )

        seconds, docs = _best(run, repeats, restore)
        steps.append((name, seconds))
        if name == "kg_extractor":  # its share spent by the learned classifier, on the same texts (best of repeats)
            given = restore()
            steps.append((LEARNED, min(_learned_time(partial(run, given))[0] for _ in range(repeats))))
    data = [(document, doc._.kg) for document, doc in zip(documents, docs, strict=True)]
    seconds, extractions = _best(lambda _: [assemble(document, kg) for document, kg in data], repeats)
    steps.append(("assemble records", seconds))
    seconds, _ = _best(lambda _: [DocumentGraph(e).ntriples for e in extractions], repeats)
    steps.append(("RDF (N-Triples)", seconds))
    return [(step, seconds / len(documents)) for step, seconds in steps]


def fixed_costs(articles: int, repeats: int) -> list[tuple[str, float]]:
    """(step, seconds) of a build's steps run once per build, on a fresh store of ``articles`` generated articles
    extracted here (untimed); the document writes also, as seconds per article. Best of ``repeats``."""
    from kg.pipeline import document_graphs

    settings = Settings.load()
    graphs = [(d, g) for d, g, _ in document_graphs(_documents(articles), load_pipeline(settings), 1, 32) if g]
    for _, graph in graphs:
        _ = graph.ntriples
    best: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for _ in range(repeats):
            shutil.rmtree(Path(tmp) / "store", ignore_errors=True)
            times = _fixed_once(Path(tmp) / "store", settings, graphs)
            best = {k: min(v, best.get(k, v)) for k, v in times.items()}
    return list(best.items())


def _fixed_once(store: Path, settings: Settings, graphs: list[tuple[Document, DocumentGraph]]) -> dict[str, float]:
    from kg.build import _kb_graph, _store, _write_kb_if_changed
    from kg.curate import curating
    from kg.kb import load_kb
    from kg.labels import refresh_labels
    from kg.store import EmbeddedWriter

    batch = settings.write_batch_size
    writes = f"document writes, {batch} a bulk load (per article)"
    started = time.perf_counter()
    load_pipeline(settings)
    times = {"load the pipeline (spaCy model, KB entity ruler)": time.perf_counter() - started}
    writer = EmbeddedWriter(store, snapshot_interval=settings.snapshot_interval)
    steps: list[tuple[str, Callable[[], Any]]] = [
        ("read the KB files", lambda: load_kb(settings)),
        (
            "KB graph: check and first write",
            lambda: _write_kb_if_changed(writer, settings, _kb_graph(load_kb(settings))),
        ),
        ("KB graph: check, unchanged", lambda: _write_kb_if_changed(writer, settings, _kb_graph(load_kb(settings)))),
        ("curations: check (none in force)", lambda: curating(writer, settings)),
        (writes, lambda: [_store(writer, graphs[i : i + batch], {}) for i in range(0, len(graphs), batch)]),
        ("labels and claims graphs: refresh", lambda: refresh_labels(writer)),
        ("compaction (optimize)", writer._store.optimize),
        ("last snapshot (publish)", writer.publish),
    ]
    for name, step in steps:
        started = time.perf_counter()
        step()
        times[name] = time.perf_counter() - started
    writer.close()
    times[writes] /= len(graphs)
    return times


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(prog="python -m bench.pipeline_cost", description=__doc__.split("\n")[0])
    ap.add_argument("--articles", type=int, default=300)
    ap.add_argument("--repeats", type=int, default=5)
    ap.add_argument("--no-fixed", action="store_true", help="skip the costs a build pays once")
    args = ap.parse_args(argv)
    steps = pipeline_cost(args.articles, args.repeats)
    kg_steps = {*KG_COMPONENTS, "assemble records", "RDF (N-Triples)"}
    total = sum(seconds for step, seconds in steps if step != LEARNED)  # the classifier's time is the extractor's
    spacy_alone = sum(seconds for step, seconds in steps if step not in kg_steps and step != LEARNED)
    print(f"{'step':<34} {'ms/article':>10} {'share':>7}")
    for step, seconds in steps:
        name = step + (" (kg)" if step in kg_steps else "")
        print(f"{name:<34} {seconds * 1000:>10.2f} {seconds / total:>7.1%}")
    print(
        f"spaCy's own components: {spacy_alone * 1000:.2f} ms/article; "
        f"kg's steps add {(total - spacy_alone) / spacy_alone:.1%} to them"
    )
    if args.no_fixed:
        return
    print(f"\nonce per build (a fresh store of {args.articles} articles; best of {args.repeats}):")
    for step, seconds in fixed_costs(args.articles, args.repeats):
        unit = "ms/article" if "per article" in step else "ms"
        print(f"{step:<58} {seconds * 1000:>8.1f} {unit}")


if __name__ == "__main__":
    main()
