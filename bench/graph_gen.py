"""Seeded generator of a large graph with the shape of kg's (docs/graph-model.md), written into an
embedded store, for query and page benchmarks at scale.

Per document, in its own named graph: the document node (with its text), the entities it names
(type, the name it gives them, aliases), mentions, statements (direct triple + reified statement node with date,
confidence, rule and evidence), a quantity and co-mentions. Entities are drawn from a pool with a
skewed (Zipf-like) distribution so that a few hubs are very well connected, as in real coverage.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass

import pyoxigraph as ox

from bench.corpus_gen import _SYLLABLES, COMPANIES, PEOPLE, PROGRAMS, generate_article
from kg import iri
from kg.labels import refresh_labels
from kg.settings import Settings
from kg.store import DocumentWrite, graph_node, ntriples, open_writer
from kg.vocab import KG, RELATIONS

RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
DCTERMS = "http://purl.org/dc/terms/"
OA = "http://www.w3.org/ns/oa#"
XSD = "http://www.w3.org/2001/XMLSchema#"

_A = ox.NamedNode(RDF + "type")
_LABEL = ox.NamedNode(RDFS + "label")
_ALT = ox.NamedNode(SKOS + "altLabel")
_TITLE = ox.NamedNode(DCTERMS + "title")
_RDF_STATEMENT = ox.NamedNode(RDF + "Statement")
_RDF_S, _RDF_P, _RDF_O = (ox.NamedNode(RDF + x) for x in ("subject", "predicate", "object"))
_SELECTOR = ox.NamedNode(OA + "TextQuoteSelector")
_DATE_TYPES = {
    "year": ox.NamedNode(XSD + "gYear"),
    "month": ox.NamedNode(XSD + "gYearMonth"),
    "day": ox.NamedNode(XSD + "date"),
}
_DOUBLE = ox.NamedNode(XSD + "double")
_INTEGER = ox.NamedNode(XSD + "integer")
_BOOLEAN = ox.NamedNode(XSD + "boolean")
_TYPE_WEIGHTS = {"Organization": 0.6, "Person": 0.25, "Program": 0.1, "Event": 0.02, "Place": 0.02, "Other": 0.01}
_RELATIONS_BY_TYPE = {
    "Organization": (
        "partner_of",
        "invested_in",
        "acquired",
        "owns",
        "competes_with",
        "launched",
        "operates_on",
        "part_of",
    ),
    "Person": ("leads", "founded"),
    "Program": ("launched", "suspended", "relaunched", "closed"),
}


def k(term: str) -> ox.NamedNode:
    return ox.NamedNode(str(KG[term]))


@dataclass(frozen=True)
class PoolEntity:
    key: str
    label: str
    type: str
    aliases: tuple[str, ...]


def entity_pool(size: int) -> list[PoolEntity]:
    """``size`` distinct entities; the first ones are the field's real names (the hubs)."""
    rng = random.Random(4242)
    names: dict[str, str] = {}
    for name in COMPANIES:
        names.setdefault(iri.normalise_name(name), "Organization")
    for name in PEOPLE:
        names.setdefault(iri.normalise_name(name), "Person")
    for name in PROGRAMS:
        names.setdefault(iri.normalise_name(name), "Program")
    labels = {iri.normalise_name(n): n for n in (*COMPANIES, *PEOPLE, *PROGRAMS)}
    types, weights = zip(*_TYPE_WEIGHTS.items(), strict=True)
    while len(names) < size:
        label = " ".join(
            "".join(rng.choice(_SYLLABLES) for _ in range(rng.choice((2, 3)))).capitalize()
            for _ in range(rng.choice((1, 2)))
        )
        key = iri.normalise_name(label)
        if key not in names:
            names[key] = rng.choices(types, weights)[0]
            labels[key] = label
    pool = []
    for key, kind in list(names.items())[:size]:
        label = labels[key]
        aliases = tuple(f"{label} {s}" for s in ("Group", "Inc.")[: rng.randint(0, 2)])
        pool.append(PoolEntity(key, label, kind, aliases))
    return pool


def _skewed(rng: random.Random, n: int) -> int:
    return min(int(n * rng.random() ** 3), n - 1)


def _date(rng: random.Random, year: int) -> tuple[str, str]:
    precision = rng.choice(("year", "month", "day", "day"))
    month, day = rng.randint(1, 12), rng.randint(1, 28)
    return {"year": f"{year}", "month": f"{year}-{month:02d}", "day": f"{year}-{month:02d}-{day:02d}"}[
        precision
    ], precision


def document_quads(index: int, seed: int, pool: list[PoolEntity]) -> tuple[str, list[ox.Quad]]:
    """The quads of generated document ``index`` (about 220), all in its own named graph."""
    rng = random.Random(f"graph:{seed}:{index}")
    article = generate_article(index, seed=seed)
    text = article.body
    doc_id = iri.digest("bench-doc", seed, index)
    g = graph_node(doc_id)
    doc = ox.NamedNode(str(iri.document_iri(doc_id)))
    year = rng.randint(2019, 2025)
    out: list[ox.Quad] = []

    def add(s, p, o) -> None:
        out.append(ox.Quad(s, p, o, g))

    add(doc, _A, k("Document"))
    add(doc, _TITLE, ox.Literal(f"Generated article {index}"))
    add(doc, k("published_date"), ox.Literal(f"{year}-{rng.randint(1, 12):02d}", datatype=_DATE_TYPES["month"]))
    add(doc, k("text"), ox.Literal(text))
    add(doc, k("sourcePath"), ox.Literal(f"bench/{article.name}"))
    add(doc, k("contentHash"), ox.Literal(iri.digest(text, length=64)))
    add(doc, k("language"), ox.Literal("en"))

    # sentences with their offsets, for evidence
    spans: list[tuple[int, int]] = []
    start = 0
    for part in text.replace("\n\n", " ").split(". "):
        offset = text.find(part, start)
        if offset >= 0 and part.strip():
            spans.append((offset, offset + len(part)))
            start = offset + len(part)
    chosen = {_skewed(rng, len(pool)) for _ in range(rng.randint(5, 8))}
    ents = [pool[i] for i in sorted(chosen)]
    nodes = {e.key: ox.NamedNode(str(iri.entity_iri(e.key))) for e in ents}
    for e in ents:
        n = nodes[e.key]
        add(n, _A, k(e.type))
        add(n, k("mentionedLabel"), ox.Literal(e.label))  # the one rdfs:label: the labels graph (kg.labels)
        for alias in e.aliases:
            add(n, _ALT, ox.Literal(alias))
    for m in range(10):  # mentions
        e = rng.choice(ents)
        s0, _ = rng.choice(spans)
        node = ox.NamedNode(str(iri.node_iri("mention", doc_id, m)))
        add(node, _A, k("Mention"))
        add(node, k("document"), doc)
        add(node, k("refersTo"), nodes[e.key])
        add(node, k("start"), ox.Literal(str(s0), datatype=_INTEGER))
        add(node, k("end"), ox.Literal(str(s0 + len(e.label)), datatype=_INTEGER))
        add(node, k("surface"), ox.Literal(e.label))

    def evidence(tag: object) -> ox.NamedNode:
        s0, s1 = rng.choice(spans)
        node = ox.NamedNode(str(iri.node_iri("evidence", doc_id, tag)))
        add(node, _A, k("Evidence"))
        add(node, _A, _SELECTOR)
        add(node, k("document"), doc)
        add(node, k("sentence"), ox.Literal(text[s0:s1]))
        add(node, k("start"), ox.Literal(str(s0), datatype=_INTEGER))
        add(node, k("end"), ox.Literal(str(s1), datatype=_INTEGER))
        add(node, k("subjectStart"), ox.Literal(str(s0), datatype=_INTEGER))
        add(node, k("subjectEnd"), ox.Literal(str(s0 + 5), datatype=_INTEGER))
        add(node, k("objectStart"), ox.Literal(str(s0 + 10), datatype=_INTEGER))
        add(node, k("objectEnd"), ox.Literal(str(s0 + 15), datatype=_INTEGER))
        return node

    orgs = [e for e in ents if e.type == "Organization"] or ents
    for r in range(5):  # statements
        subj = rng.choice([e for e in ents if e.type in ("Organization", "Person")] or ents)
        predicate = rng.choice(_RELATIONS_BY_TYPE.get(subj.type, RELATIONS))
        obj = rng.choice([e for e in ents if e is not subj] or ents)
        s, p, o = nodes[subj.key], k(predicate), nodes[obj.key]
        add(s, p, o)
        node = ox.NamedNode(str(iri.node_iri("statement", doc_id, r)))
        date, precision = _date(rng, year)
        add(node, _A, k("Statement"))
        add(node, _A, _RDF_STATEMENT)
        add(node, _RDF_S, s)
        add(node, _RDF_P, p)
        add(node, _RDF_O, o)
        add(node, k("date"), ox.Literal(date, datatype=_DATE_TYPES[precision]))
        add(node, k("datePrecision"), ox.Literal(precision))
        add(node, k("yearInferred"), ox.Literal("false", datatype=_BOOLEAN))
        add(node, k("confidence"), ox.Literal(f"{rng.uniform(0.5, 0.99):.2f}", datatype=_DOUBLE))
        add(node, k("rule"), ox.Literal(f"{predicate}.bench_rule_{rng.randint(1, 4)}"))
        add(node, k("source"), ox.Literal("text"))
        if predicate == "leads":
            add(node, k("role"), ox.Literal("CEO"))
        add(node, k("evidence"), evidence(("statement", r)))
    # a quantity
    about = rng.choice(orgs)
    q = ox.NamedNode(str(iri.node_iri("quantity", doc_id, 0)))
    value = rng.randint(1, 900)
    add(q, _A, k("Quantity"))
    add(q, k("about"), nodes[about.key])
    add(q, k("attribute"), ox.Literal("monthly active users"))
    add(q, k("value"), ox.Literal(f"{value * 1e6:.1f}", datatype=_DOUBLE))
    add(q, k("unit"), ox.Literal("users"))
    add(q, _LABEL, ox.Literal(f"{value} million monthly active users"))
    add(q, k("confidence"), ox.Literal("0.9", datatype=_DOUBLE))
    add(q, k("rule"), ox.Literal("quantity.bench_users"))
    add(q, k("evidence"), evidence("quantity"))
    for _ in range(2):  # co-mentions
        a, b = sorted(rng.sample(ents, 2), key=lambda e: e.key)
        node = ox.NamedNode(str(iri.node_iri("comention", doc_id, a.key, b.key)))
        add(node, _A, k("CoMention"))
        add(node, k("member"), nodes[a.key])
        add(node, k("member"), nodes[b.key])
        add(node, k("mentionCount"), ox.Literal(str(rng.randint(1, 3)), datatype=_INTEGER))
        add(node, k("document"), doc)
    return doc_id, out


def iter_documents(triples: int, seed: int = 0) -> Iterator[tuple[str, list[ox.Quad]]]:
    """Documents until about ``triples`` triples (quads) have been produced."""
    pool = entity_pool(max(300, triples // 25))
    produced, index = 0, 0
    while produced < triples:
        doc_id, quads = document_quads(index, seed, pool)
        yield doc_id, quads
        produced += len(quads)
        index += 1


def generate_store(store: str, triples: int, seed: int = 0) -> tuple[int, int]:
    """Write the generated graph into the embedded store at ``store``; returns (documents, quads).

    Documents are written as ``kg build`` writes them: ``write_batch_size`` at a time, new ones in
    one atomic bulk load.
    """
    documents = quads = 0
    settings = Settings.load(store=store)
    batch: list[DocumentWrite] = []
    with open_writer(settings) as writer:
        for doc_id, doc_quads in iter_documents(triples, seed):
            batch.append(DocumentWrite(doc_id, ntriples(doc_quads)))
            documents += 1
            quads += len(doc_quads)
            if len(batch) >= settings.write_batch_size:
                writer.write_documents(batch)
                batch.clear()
        writer.write_documents(batch)
        refresh_labels(writer)  # as kg build does after its writes
    return documents, quads
