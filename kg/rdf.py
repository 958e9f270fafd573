"""Records → RDF quads, in the shape of ``docs/graph-model.md``.

Quads are built as pyoxigraph terms directly: a document's few hundred triples go straight into
the store's atomic update without a round trip through rdflib objects (measured: rdflib
serialises ~45× slower than pyoxigraph), while the vocabulary itself comes from :mod:`kg.vocab`.
Every node IRI is derived from the document id and the record's content, so building the same
document twice gives the same quads.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

import pyoxigraph as ox
from rdflib.namespace import DCTERMS, RDF, RDFS, SDO, SKOS, XSD

from kg import iri
from kg.model import EventRecord, Evidence, Extraction, PartialDate, Quantity, Relation
from kg.vocab import KB_GRAPH, KG

OA_TEXT_QUOTE_SELECTOR = ox.NamedNode("http://www.w3.org/ns/oa#TextQuoteSelector")


def _n(term) -> ox.NamedNode:
    return ox.NamedNode(str(term))


class _Terms:
    """A vocabulary's terms as pyoxigraph nodes, each made once: ``_KG.start``.

    A document's RDF names a few dozen terms several hundred times; looking each up through
    rdflib's namespace and wrapping it anew was a fifth of the time of making the RDF.
    """

    def __init__(self, namespace):
        self._namespace = namespace

    def __getattr__(self, name: str) -> ox.NamedNode:
        node = _n(self._namespace[name])  # an unknown term fails here, as the vocabulary says (_fail)
        setattr(self, name, node)
        return node


_KG, _RDF, _RDFS, _SKOS, _DCTERMS, _SDO = (_Terms(ns) for ns in (KG, RDF, RDFS, SKOS, DCTERMS, SDO))
_XSD = {
    name: _n(XSD[name]) for name in ("integer", "double", "boolean", "gYear", "gYearMonth", "date", "anyURI", "decimal")
}
_DATE_TYPE = {"year": _XSD["gYear"], "month": _XSD["gYearMonth"], "day": _XSD["date"]}
_TERM_TYPES = (ox.NamedNode, ox.Literal, ox.BlankNode)


def literal(value) -> ox.Literal:
    """A typed literal for str, bool, int, float and PartialDate (typed by its precision).

    >>> literal(PartialDate(2022, 5))
    <Literal value=2022-05 datatype=<NamedNode value=http://www.w3.org/2001/XMLSchema#gYearMonth>>
    """
    if isinstance(value, PartialDate):
        return ox.Literal(value.iso, datatype=_DATE_TYPE[value.precision])
    if isinstance(value, bool):
        return ox.Literal("true" if value else "false", datatype=_XSD["boolean"])
    if isinstance(value, int):
        return ox.Literal(str(value), datatype=_XSD["integer"])
    if isinstance(value, float):
        return ox.Literal(repr(value), datatype=_XSD["double"])
    return ox.Literal(str(value))


class _Quads:
    """Collects the quads of one graph."""

    def __init__(self, graph: ox.NamedNode):
        self.graph = graph
        self.quads: list[ox.Quad] = []
        self.described: set[ox.NamedNode] = set()  # nodes shared by several records, described once

    def first_time(self, node: ox.NamedNode) -> bool:
        """True the first time ``node`` is asked about: its description is still to be added."""
        if node in self.described:
            return False
        self.described.add(node)
        return True

    def add(self, s: ox.NamedNode, p: ox.NamedNode, o) -> None:
        self.quads.append(ox.Quad(s, p, o if isinstance(o, _TERM_TYPES) else literal(o), self.graph))

    def opt(self, s, p, o) -> None:
        if o is not None and o != "":
            self.add(s, p, o)


@lru_cache(maxsize=65536)
def entity_node(key: str) -> ox.NamedNode:
    """The node of an entity (cached: a document names each of its entities many times)."""
    return _n(iri.entity_iri(key))


def extraction_quads(ex: Extraction) -> list[ox.Quad]:
    """All quads of one document's named graph."""
    doc = ex.document
    q = _Quads(_n(iri.graph_iri(doc.id)))
    d = _n(iri.document_iri(doc.id))
    q.add(d, _RDF.type, _KG.Document)
    q.add(d, _DCTERMS.title, doc.title)
    q.opt(d, _KG.published_date, doc.published)
    q.add(d, _KG.text, doc.text)
    q.add(d, _KG.sourcePath, doc.source_path)
    q.add(d, _KG.contentHash, doc.content_hash)
    q.add(d, _KG.language, doc.language)
    q.opt(d, _DCTERMS.source, doc.source)
    q.opt(d, _SDO.url, doc.url)

    counts: dict[str, int] = {}
    for m in ex.mentions:
        counts[m.entity_key] = counts.get(m.entity_key, 0) + 1
        node = _n(iri.node_iri("mention", doc.id, m.start, m.end))
        q.add(node, _RDF.type, _KG.Mention)
        q.add(node, _KG.document, d)
        q.add(node, _KG.refersTo, entity_node(m.entity_key))
        q.add(node, _KG.start, m.start)
        q.add(node, _KG.end, m.end)
        q.add(node, _KG.surface, m.text)

    for e in ex.entities.values():
        node = entity_node(e.key)
        q.add(node, _RDF.type, getattr(_KG, e.type))
        q.add(node, _KG.mentionedLabel, e.label)  # not rdfs:label: kg.labels keeps one per entity, in one graph
        for alias in sorted(e.aliases - {e.label}):
            q.add(node, _SKOS.altLabel, alias)
        q.opt(node, _KG.kbId, e.kb_id)
        if e.version_of:
            q.add(node, _KG.versionOf, entity_node(e.version_of))
            q.opt(node, _KG.versionLabel, e.version_label)
        q.add(node, _KG.mentionCount, counts.get(e.key, 0))

    events = {ev.key: _n(iri.node_iri("event", doc.id, ev.key)) for ev in ex.events}
    figures = {id(quantity) for quantity in ex.quantities}
    for ev in ex.events:
        _event(q, doc.id, events[ev.key], ev)
        # an amount is mostly one of the figures, described below
        if ev.amount is not None and id(ev.amount) not in figures:
            _quantity(q, doc.id, ev.amount)
    for rel in ex.relations:
        _relation(q, doc.id, rel, events.get(rel.event) if rel.event else None)
    for quantity in ex.quantities:
        _quantity(q, doc.id, quantity)
    for c in ex.comentions:
        node = _n(iri.node_iri("comention", doc.id, c.a, c.b))
        q.add(node, _RDF.type, _KG.CoMention)
        q.add(node, _KG.member, entity_node(c.a))
        q.add(node, _KG.member, entity_node(c.b))
        q.add(node, _KG.mentionCount, c.count)
        q.add(node, _KG.document, d)
        for evidence in c.evidence:
            q.add(node, _KG.evidence, _evidence(q, evidence))
    return q.quads


def _evidence(q: _Quads, ev: Evidence) -> ox.NamedNode:
    node = _n(iri.node_iri("evidence", ev.document, ev.start, ev.end, ev.subject_span, ev.object_span))
    if not q.first_time(node):  # one sentence is the evidence of its co-mentions and of its statements
        return node
    q.add(node, _RDF.type, _KG.Evidence)
    q.add(node, _RDF.type, OA_TEXT_QUOTE_SELECTOR)
    q.add(node, _KG.document, _n(iri.document_iri(ev.document)))
    q.add(node, _KG.sentence, ev.sentence)
    q.add(node, _KG.start, ev.start)
    q.add(node, _KG.end, ev.end)
    if ev.subject_span:
        q.add(node, _KG.subjectStart, ev.subject_span[0])
        q.add(node, _KG.subjectEnd, ev.subject_span[1])
    if ev.object_span:
        q.add(node, _KG.objectStart, ev.object_span[0])
        q.add(node, _KG.objectEnd, ev.object_span[1])
    return node


def _dated(q: _Quads, node: ox.NamedNode, date: PartialDate | None) -> None:
    if date is not None:
        q.add(node, _KG.date, date)
        q.add(node, _KG.datePrecision, date.precision)
        q.add(node, _KG.yearInferred, date.year_inferred)


def _provenance(q: _Quads, node: ox.NamedNode, rule: str, confidence: float, evidence: Iterable[Evidence]) -> None:
    q.add(node, _KG.rule, rule)
    q.add(node, _KG.confidence, float(confidence))
    for ev in evidence:
        q.add(node, _KG.evidence, _evidence(q, ev))


def statement_node(doc_id: str, rel: Relation) -> ox.NamedNode:
    return _n(
        iri.node_iri("statement", doc_id, rel.subject, rel.predicate, rel.object, rel.date.iso if rel.date else "")
    )


def _relation(q: _Quads, doc_id: str, rel: Relation, event: ox.NamedNode | None) -> None:
    s, p, o = entity_node(rel.subject), getattr(_KG, rel.predicate), entity_node(rel.object)
    q.add(s, p, o)
    node = statement_node(doc_id, rel)
    q.add(node, _RDF.type, _KG.Statement)
    q.add(node, _RDF.type, _RDF.Statement)
    q.add(node, _RDF.subject, s)
    q.add(node, _RDF.predicate, p)
    q.add(node, _RDF.object, o)
    q.add(node, _KG.source, rel.source)
    _dated(q, node, rel.date)
    q.opt(node, _KG.role, rel.role)
    q.opt(node, _KG.resolvedBy, rel.resolved_by)
    q.opt(node, _KG.event, event)
    _provenance(q, node, rel.rule, rel.confidence, rel.evidence)


def _quantity_node(doc_id: str, quantity: Quantity) -> ox.NamedNode:
    first = quantity.evidence[0].start if quantity.evidence else -1
    return _n(
        iri.node_iri("quantity", doc_id, quantity.about, quantity.attribute, quantity.value, quantity.text, first)
    )


def _quantity(q: _Quads, doc_id: str, quantity: Quantity) -> None:
    node = _quantity_node(doc_id, quantity)
    q.add(node, _RDF.type, _KG.Quantity)
    q.add(node, _KG.about, entity_node(quantity.about))
    q.add(node, _KG.attribute, quantity.attribute)
    q.add(node, _KG.value, float(quantity.value))
    q.opt(node, _KG.valueMax, float(quantity.value_max) if quantity.value_max is not None else None)
    q.add(node, _KG.unit, quantity.unit)
    q.add(node, _RDFS.label, quantity.text)
    _dated(q, node, quantity.date)
    _provenance(q, node, quantity.rule, quantity.confidence, quantity.evidence)


def _event(q: _Quads, doc_id: str, node: ox.NamedNode, ev: EventRecord) -> None:
    q.add(node, _RDF.type, _KG.EventRecord)
    q.add(node, _KG.eventType, ev.type)
    _dated(q, node, ev.date)
    for part in ev.participants:
        p = _n(iri.node_iri("participation", doc_id, ev.key, part.entity, part.role))
        q.add(node, _KG.participant, p)
        q.add(p, _RDF.type, _KG.Participation)
        q.add(p, _KG.entity, entity_node(part.entity))
        q.add(p, _KG.role, part.role)
    if ev.amount is not None:
        q.add(node, _KG.amount, _quantity_node(doc_id, ev.amount))
    _provenance(q, node, ev.rule, ev.confidence, ev.evidence)


def kb_quads(kb) -> list[ox.Quad]:
    """The knowledge base's background graph: entities, aliases and well-known structure."""
    q = _Quads(_n(KB_GRAPH))
    q.add(_n(KB_GRAPH), _RDF.type, _KG.KnowledgeBase)
    for e in kb.entities.values():
        node = entity_node(e.id)
        q.add(node, _RDF.type, getattr(_KG, e.type))
        q.add(node, _RDFS.label, e.name)
        q.add(node, _KG.kbId, e.id)
        for alias in sorted(set(e.aliases) - {e.name}):
            q.add(node, _SKOS.altLabel, alias)
    for fact in kb.facts:
        s, p, o = entity_node(fact.subject), getattr(_KG, fact.predicate), entity_node(fact.object)
        q.add(s, p, o)
        node = _n(iri.node_iri("statement", "kb", fact.subject, fact.predicate, fact.object))
        q.add(node, _RDF.type, _KG.Statement)
        q.add(node, _RDF.type, _RDF.Statement)
        q.add(node, _RDF.subject, s)
        q.add(node, _RDF.predicate, p)
        q.add(node, _RDF.object, o)
        q.add(node, _KG.source, "kb")
        q.add(node, _KG.rule, f"kb:{fact.file}")
        q.add(node, _KG.confidence, 1.0)
    q.add(_n(KB_GRAPH), _KG.contentHash, iri.digest(*sorted(map(str, q.quads)), length=64))
    return q.quads
