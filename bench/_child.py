"""Measurements that must run in a fresh process (extraction, builds): ``python -m bench._child``.

Prints one JSON object on its last stdout line: seconds, model-load seconds, words, peak RSS of this
process and of its (spaCy worker) children.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from pathlib import Path

from kg.settings import Settings


def _peaks() -> dict:
    return {
        "maxrss_self_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "maxrss_children_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
    }


def base_model(settings: Settings):
    """The spaCy pipeline kg loads, without kg's own components (the 'raw nlp.pipe' baseline)."""
    import spacy

    from kg.nlp import FALLBACK_MODELS

    name = settings.model
    if not spacy.util.is_package(name) and name in FALLBACK_MODELS:
        name = FALLBACK_MODELS[name]
    return spacy.load(name)


def run_raw(settings: Settings, paths: list[str], kg_pipeline: bool) -> dict:
    """Raw ``nlp.pipe`` of the base pipeline, or (``kg_pipeline``) kg's extraction without the store:
    spaCy with kg's components, the rules and the RDF serialisation, as :mod:`kg.pipeline` runs them."""
    import spacy  # noqa: F401  (imported before the clock starts, as kg.nlp imports it before build)

    from kg import corpus
    from kg.pipeline import document_graphs

    documents = [corpus.read_document(p) for p in paths]
    t0 = time.perf_counter()
    if kg_pipeline:
        from kg.nlp import load_pipeline

        nlp = load_pipeline(settings)
        t1 = time.perf_counter()
        for _, graph, _ in document_graphs(documents, nlp, settings.n_process, settings.batch_size):
            if graph is not None:
                _ = graph.ntriples  # in this process the RDF is made on first use (a build's writer thread does it)
    else:
        nlp = base_model(settings)
        t1 = time.perf_counter()
        for _ in nlp.pipe((d.text for d in documents), n_process=settings.n_process, batch_size=settings.batch_size):
            pass
    t2 = time.perf_counter()
    return {
        "seconds": t2 - t0,
        "load_seconds": t1 - t0,
        "words": sum(len(d.text.split()) for d in documents),
        **_peaks(),
    }


def _timed(owner, name: str, spent: dict[str, float]) -> None:
    """Replace ``owner.name`` by a wrapper that adds its run time to ``spent[name]`` (measuring only)."""
    original = getattr(owner, name)
    spent[name] = 0.0

    def wrapper(*args, **kwargs):
        t = time.perf_counter()
        try:
            return original(*args, **kwargs)
        finally:
            spent[name] += time.perf_counter() - t

    setattr(owner, name, wrapper)


def run_build(settings: Settings, paths: list[str]) -> dict:
    import kg.build as build_module
    import kg.corpus
    import kg.extract
    import kg.kb
    import kg.nlp
    import kg.pipeline
    import kg.store

    spent: dict[str, float] = {}
    _timed(kg.nlp, "load_pipeline", spent)  # build() imports it at call time
    _timed(kg.kb, "load_kb", spent)  # read by build() before the pipeline, which takes it (in kg-pipe, its load's)
    _timed(kg.corpus, "read_document", spent)
    # with n_process >= 2 these two run in the worker processes and are not counted here; with 1 the
    # quads are made on the writer thread
    _timed(kg.extract, "assemble", spent)
    _timed(kg.pipeline, "extraction_quads", spent)
    # these run on the build's writer thread, overlapping spaCy
    _timed(kg.store.EmbeddedWriter, "write_documents", spent)
    _timed(kg.store.EmbeddedWriter, "publish", spent)
    _timed(build_module, "_write_kb_if_changed", spent)
    t0 = time.perf_counter()
    report = build_module.build(settings, paths)
    seconds = time.perf_counter() - t0
    return {
        "seconds": seconds,
        # the model and the KB, as run_raw's load_pipeline (with a cluster the pipeline loads in its workers)
        "load_seconds": spent.pop("load_pipeline", 0.0) + spent.pop("load_kb", 0.0),
        "spent": spent,
        "words": report.words,
        "added": len(report.added),
        "failed": [str(e) for e in report.failed][:5],
        **_peaks(),
    }


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(prog="python -m bench._child")
    ap.add_argument("what", choices=("raw", "kg-pipe", "build"))
    ap.add_argument("--corpus", required=True)
    ap.add_argument("--store", default="")
    ap.add_argument("--n-process", type=int, default=1)
    ap.add_argument("--batch-size", type=int, default=32)
    ap.add_argument("--cluster", default="")
    args = ap.parse_args(argv)
    overrides = {"n_process": args.n_process, "batch_size": args.batch_size, "cluster": args.cluster}
    if args.store:
        overrides["store"] = args.store
    settings = Settings.load(**overrides)
    paths = sorted(str(p) for p in Path(args.corpus).glob("*.md"))
    if args.what == "build":
        out = run_build(settings, paths)
    else:
        out = run_raw(settings, paths, kg_pipeline=args.what == "kg-pipe")
    sys.stdout.write("\n" + json.dumps(out) + "\n")


if __name__ == "__main__":
    main()
