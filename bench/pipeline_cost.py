"""Where one process's extraction time goes, per article:
``python -m bench.pipeline_cost [--articles 300] [--repeats 5]``.

Figure 1 compares whole runs; this splits kg's part of them. It parses generated articles (figure 1's
corpus generator, seed 1) with kg's pipeline, then times, best of ``--repeats``, each step on the same
texts: every pipeline component on its own (spaCy's and kg's: the line-break rule, the KB entity ruler,
the ``kg_extractor`` rules), assembling records (:func:`kg.extract.assemble`) and the RDF of a document's
graph (:class:`kg.pipeline.DocumentGraph`, N-Triples as a build writes them). Prints milliseconds per
article and each step's share.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from spacy.tokens import Doc

from bench.corpus_gen import generate_corpus
from kg import corpus
from kg.extract import assemble
from kg.nlp import load_pipeline
from kg.pipeline import DocumentGraph
from kg.settings import Settings

KG_COMPONENTS = ("kg_line_breaks", "entity_ruler", "kg_extractor")
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


def pipeline_cost(articles: int, repeats: int) -> list[tuple[str, float]]:
    """(step, seconds per article) for each pipeline component, assembling records and the RDF."""
    with tempfile.TemporaryDirectory() as tmp:
        generate_corpus(tmp, articles, seed=1)
        documents = [corpus.read_document(p) for p in sorted(Path(tmp).glob("*.md"))]
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
    data = [(document, doc._.kg) for document, doc in zip(documents, docs, strict=True)]
    seconds, extractions = _best(lambda _: [assemble(document, kg) for document, kg in data], repeats)
    steps.append(("assemble records", seconds))
    seconds, _ = _best(lambda _: [DocumentGraph(e).ntriples for e in extractions], repeats)
    steps.append(("RDF (N-Triples)", seconds))
    return [(step, seconds / len(documents)) for step, seconds in steps]


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(prog="python -m bench.pipeline_cost", description=__doc__.split("\n")[0])
    ap.add_argument("--articles", type=int, default=300)
    ap.add_argument("--repeats", type=int, default=5)
    args = ap.parse_args(argv)
    steps = pipeline_cost(args.articles, args.repeats)
    kg_steps = {*KG_COMPONENTS, "assemble records", "RDF (N-Triples)"}
    total = sum(seconds for _, seconds in steps)
    spacy_alone = sum(seconds for step, seconds in steps if step not in kg_steps)
    print(f"{'step':<24} {'ms/article':>10} {'share':>7}")
    for step, seconds in steps:
        print(f"{step + (' (kg)' if step in kg_steps else ''):<24} {seconds * 1000:>10.2f} {seconds / total:>7.1%}")
    print(
        f"spaCy's own components: {spacy_alone * 1000:.2f} ms/article; "
        f"kg's steps add {(total - spacy_alone) / spacy_alone:.1%} to them"
    )


if __name__ == "__main__":
    main()
