"""The graphs the query and page figures run on: the seed graph (corpus/ built by `kg build`) and
the generated large graph (cached under bench/results/cache/, keyed by the generators' source)."""

from __future__ import annotations

import hashlib
import shutil
import time
from pathlib import Path

import pyoxigraph as ox

from bench import corpus_gen, graph_gen
from bench.runner import ROOT, child
from kg.settings import Settings
from kg.store import open_reader

HUB_QUERY = """
SELECT ?e (COUNT(?st) AS ?n) WHERE {
  { ?st <http://www.w3.org/1999/02/22-rdf-syntax-ns#subject> ?e }
  UNION { ?st <http://www.w3.org/1999/02/22-rdf-syntax-ns#object> ?e }
} GROUP BY ?e ORDER BY DESC(?n) ?e LIMIT 1"""


def _generator_version() -> str:
    h = hashlib.sha256()
    for module in (corpus_gen, graph_gen):
        assert module.__file__ is not None  # modules of this package, loaded from files
        h.update(Path(module.__file__).read_bytes())
    return h.hexdigest()[:12]


def generated_store(cache: Path, triples: int, seed: int = 0) -> tuple[Path, float | None]:
    """The store of the generated graph of about ``triples`` triples; (path, seconds it took to
    generate, or None when it came from the cache)."""
    path = cache / f"graph-{triples}-{seed}-{_generator_version()}"
    done = path / "GENERATED"
    if done.exists():
        return path, None
    shutil.rmtree(path, ignore_errors=True)
    for old in cache.glob(f"graph-{triples}-{seed}-*"):  # superseded generator versions
        shutil.rmtree(old, ignore_errors=True)
    started = time.perf_counter()
    documents, quads = graph_gen.generate_store(str(path), triples, seed)
    seconds = time.perf_counter() - started
    done.write_text(f"{documents} documents, {quads} quads, {seconds:.1f} s\n", encoding="utf-8")
    return path, seconds


def seed_store(work: Path) -> Path:
    """A store built by `kg build` from the shipped corpus/ (fresh every run)."""
    path = work / "store-seed"
    shutil.rmtree(path, ignore_errors=True)
    result = child("build", "--corpus", str(ROOT / "corpus"), "--store", str(path))
    if not result["added"]:
        raise RuntimeError(f"building the seed graph added nothing: {result}")
    return path


def disk_mb(path: Path) -> float:
    """Disk used under ``path`` in MB (hard-linked files counted once, like du)."""
    seen, total = set(), 0
    for f in path.rglob("*"):
        st = f.lstat()
        if f.is_file() and (st.st_dev, st.st_ino) not in seen:
            seen.add((st.st_dev, st.st_ino))
            total += st.st_blocks * 512
    return total / 2**20


def count_triples(store: Path) -> int:
    reader = open_reader(Settings.load(store=str(store)))
    [row] = reader.query("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
    return int(row["n"].value)


def hub_entity(store: Path) -> str:
    """The IRI of the entity in the most statements (the well-connected entity of figures 3–4)."""
    reader = open_reader(Settings.load(store=str(store)))
    [row] = list(reader.query(HUB_QUERY))
    return row["e"].value


def sample_quads(store: Path, triples: int) -> list[ox.Quad]:
    """Whole document graphs (plus the kb and meta graphs) until about ``triples`` quads."""
    reader = open_reader(Settings.load(store=str(store)))
    graphs = [row["g"] for row in reader.query("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")]
    graphs.sort(key=lambda g: (not g.value.endswith(("/graph/kb", "/graph/meta")), g.value))
    out: list[ox.Quad] = []
    for g in graphs:
        if len(out) >= triples:
            break
        out.extend(
            ox.Quad(r["s"], r["p"], r["o"], g)
            for r in reader.query(f"SELECT ?s ?p ?o WHERE {{ GRAPH {g} {{ ?s ?p ?o }} }}")
        )
    return out
