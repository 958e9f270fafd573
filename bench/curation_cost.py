"""What curations cost a build: ``python -m bench.curation_cost [--articles 100] [--curations 20] [--repeats 3]``.

Generated articles (the build figures' generator, seed 1) are extracted once (timed: the build's extraction); their
graphs are then written into fresh stores as `kg build` writes them (the KB graph, then batches of
``write_batch_size`` documents), side by side: without curations, and through the curating writer with
``--curations`` curations in force on the corpus's most connected entities (rejects, merges, types, aliases: each
graph naming one has the lines about them parsed, folded and written again). Prints the median of each write, the
curations' extra time, the time to group the claims of a curated store and write its claims graph (what `kg build`
does once after its writes), both as a share of the whole build (extraction + plain write) measured in the same run;
and the median time of one curation made through the library (checked, recorded, applied, published).
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path

import pyoxigraph as ox

from bench.corpus_gen import generate_corpus
from kg import corpus, curate
from kg.curate.apply import curating
from kg.explore.claims import refresh_claims
from kg.explore.terms import PREFIXES, entity_key
from kg.graphs import DocumentWrite
from kg.kb import load_kb
from kg.nlp import load_pipeline
from kg.pipeline import document_graphs
from kg.rdf import kb_quads
from kg.settings import Settings
from kg.store import open_writer
from kg.vocab import KB_GRAPH

_HUBS = (
    PREFIXES
    + """SELECT ?s ?p ?o (COUNT(?n) AS ?k) WHERE { GRAPH ?g { ?n rdf:subject ?s ; rdf:predicate ?p ;
  rdf:object ?o } FILTER(?g != <https://w3id.org/kg-explorer/id/graph/kb>) }
GROUP BY ?s ?p ?o ORDER BY DESC(?k) LIMIT 200"""
)


def write_all(settings: Settings, graphs: list[tuple[str, bytes]], curated: bool) -> float:
    """Seconds to write the KB graph and every document graph into a fresh store, as a build does."""
    started = time.perf_counter()
    with open_writer(settings) as writer:
        target = curating(writer, settings) if curated else writer
        target.replace_graph(ox.NamedNode(str(KB_GRAPH)), kb_quads(load_kb(settings)))
        size = max(settings.write_batch_size, 1)
        for i in range(0, len(graphs), size):
            target.write_documents([DocumentWrite(doc_id, content) for doc_id, content in graphs[i : i + size]])
    return time.perf_counter() - started


def make_curations(settings: Settings, count: int) -> list[float]:
    """``count`` curations on the store's most reported facts and their entities; the seconds each took."""
    from kg.store import open_reader

    rows = [
        (entity_key(s), p.value.rsplit("#", 1)[1], entity_key(o)) for s, p, o, _ in open_reader(settings).query(_HUBS)
    ]
    entities = list(dict.fromkeys(k for s, _, o in rows for k in (s, o)))
    calls: list[Callable[[], curate.Curation]] = []
    for i in range(count):
        kind = i % 4
        if kind == 0:
            calls.append(partial(curate.reject, settings, *rows[i]))
        elif kind == 1:
            calls.append(partial(curate.merge, settings, entities[2 * i + 1], entities[2 * i]))
        elif kind == 2:
            calls.append(partial(curate.set_type, settings, entities[-i], "Other"))
        else:
            calls.append(partial(curate.add_alias, settings, entities[i], f"alias {i}"))
    seconds = []
    for call in calls:
        started = time.perf_counter()
        try:
            call()
        except curate.CurationError:
            continue  # e.g. an entity an earlier merge took away
        seconds.append(time.perf_counter() - started)
    return seconds


@dataclass(frozen=True)
class CurationCost:
    """One run's measurements (seconds): the build's extraction, each repeat of the plain and the curated write,
    and each curation made through the library."""

    articles: int
    extraction: float
    plain: list[float]
    curated: list[float]
    per_curation: list[float]
    grouping: list[float]  # grouping the claims of each curated store and writing its claims graph

    @property
    def added(self) -> float:
        """What curations and claim grouping add to a build (medians)."""
        return self.extra + statistics.median(self.grouping)

    @property
    def extra(self) -> float:
        """The curations' extra write time (medians)."""
        return statistics.median(self.curated) - statistics.median(self.plain)

    @property
    def build(self) -> float:
        """The whole build without curations: extraction and the plain write."""
        return self.extraction + statistics.median(self.plain)


def measure(articles: int, curations: int, repeats: int) -> CurationCost:
    """Extract ``articles`` generated articles once, then write them plain and curated ``repeats`` times each."""
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        generate_corpus(root / "corpus", articles, seed=1)
        documents = [corpus.read_document(p) for p in sorted((root / "corpus").glob("*.md"))]
        nlp = load_pipeline(Settings.load())
        started = time.perf_counter()
        graphs = [
            (doc.id, graph.ntriples)
            for doc, graph, error in document_graphs(documents, nlp, 1, 32)
            if graph is not None and error is None
        ]
        extraction = time.perf_counter() - started
        base = Settings.load(store=str(root / "base"), curator="bench")
        write_all(base, graphs, curated=False)
        per_curation = make_curations(base, curations)
        plain, curated, grouping = [], [], []
        for r in range(repeats):  # side by side, alternating
            plain.append(write_all(base.replace(store=str(root / f"plain{r}")), graphs, curated=False))
            settings = base.replace(store=str(root / f"curated{r}"), curations=str(root / "base" / "curations.jsonl"))
            curated.append(write_all(settings, graphs, curated=True))
            grouping.append(group_claims(settings))
    return CurationCost(len(graphs), extraction, plain, curated, per_curation, grouping)


def group_claims(settings: Settings) -> float:
    """Seconds to group a written store's claims and write its claims graph, as a build does once after its writes."""
    with open_writer(settings) as writer:
        started = time.perf_counter()
        refresh_claims(writer)
        return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=100)
    parser.add_argument("--curations", type=int, default=20)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    cost = measure(args.articles, args.curations, args.repeats)
    plain, curated, per_curation = cost.plain, cost.curated, cost.per_curation
    p, c = statistics.median(plain), statistics.median(curated)
    print(f"{cost.articles} articles, {len(per_curation)} curations in force")
    print(f"extraction (1 process): {cost.extraction:.2f} s")
    print(f"write, no curations: {p:.2f} s (min {min(plain):.2f}, max {max(plain):.2f})")
    print(f"write, curated:      {c:.2f} s (min {min(curated):.2f}, max {max(curated):.2f})")
    share, g = 100 * cost.extra / cost.build, statistics.median(cost.grouping)
    print(f"curations' extra time: {c - p:.2f} s = {share:.1f} % of the build ({cost.build:.2f} s)")
    print(f"claim grouping (claims graph): {g:.2f} s; with the curations {100 * cost.added / cost.build:.1f} % of it")
    print(
        f"one curation through the library: median {statistics.median(per_curation):.2f} s "
        f"(min {min(per_curation):.2f}, max {max(per_curation):.2f})"
    )


if __name__ == "__main__":
    main()
