"""Records → RDF quads, in the shape of ``docs/graph-model.md``.

Quads are built as pyoxigraph terms directly: a document's few hundred triples go straight into
the store's atomic update without a round trip through rdflib objects (measured: rdflib
serialises ~45× slower than pyoxigraph), while the vocabulary itself comes from :mod:`kg.vocab`.
Every node IRI is derived from the document id and the record's content, so building the same
document twice gives the same quads.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import pyoxigraph as ox
from rdflib.namespace import DCTERMS, RDF, RDFS, SDO, SKOS, XSD

from kg import iri
from kg.model import Evidence, EventRecord, Extraction, PartialDate, Quantity, Relation
from kg.vocab import KB_GRAPH, KG

OA_TEXT_QUOTE_SELECTOR = "http://www.w3.org/ns/oa#TextQuoteSelector"


def _n(term) -> ox.NamedNode:
    return ox.NamedNode(str(term))


A = _n(RDF.type)
_XSD = {name: _n(XSD[name]) for name in ("integer", "double", "boolean", "gYear", "gYearMonth", "date", "anyURI", "decimal")}
_DATE_TYPE = {"year": _XSD["gYear"], "month": _XSD["gYearMonth"], "day": _XSD["date"]}


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

    def add(self, s, p, o) -> None:
        o = o if isinstance(o, (ox.NamedNode, ox.Literal, ox.BlankNode)) else literal(o)
        self.quads.append(ox.Quad(s, _n(p) if not isinstance(p, ox.NamedNode) else p, o, self.graph))

    def opt(self, s, p, o) -> None:
        if o is not None and o != "":
            self.add(s, p, o)


def entity_node(key: str) -> ox.NamedNode:
    return _n(iri.entity_iri(key))


def extraction_quads(ex: Extraction) -> list[ox.Quad]:
    """All quads of one document's named graph."""
    doc = ex.document
    q = _Quads(_n(iri.graph_iri(doc.id)))
    d = _n(iri.document_iri(doc.id))
    q.add(d, RDF.type, _n(KG.Document))
    q.add(d, DCTERMS.title, doc.title)
    q.opt(d, KG.published_date, doc.published)
    q.add(d, KG.text, doc.text)
    q.add(d, KG.sourcePath, doc.source_path)
    q.add(d, KG.contentHash, doc.content_hash)
    q.add(d, KG.language, doc.language)
    q.opt(d, DCTERMS.source, doc.source)
    q.opt(d, SDO.url, doc.url)

    counts: dict[str, int] = {}
    for m in ex.mentions:
        counts[m.entity_key] = counts.get(m.entity_key, 0) + 1
        node = _n(iri.node_iri("mention", doc.id, m.start, m.end))
        q.add(node, RDF.type, _n(KG.Mention))
        q.add(node, KG.document, d)
        q.add(node, KG.refersTo, entity_node(m.entity_key))
        q.add(node, KG.start, m.start)
        q.add(node, KG.end, m.end)
        q.add(node, KG.surface, m.text)

    for e in ex.entities.values():
        node = entity_node(e.key)
        q.add(node, RDF.type, _n(KG[e.type]))
        q.add(node, RDFS.label, e.label)
        for alias in sorted(e.aliases - {e.label}):
            q.add(node, SKOS.altLabel, alias)
        q.opt(node, KG.kbId, e.kb_id)
        if e.version_of:
            q.add(node, KG.versionOf, entity_node(e.version_of))
            q.opt(node, KG.versionLabel, e.version_label)
        q.add(node, KG.mentionCount, counts.get(e.key, 0))

    events = {ev.key: _n(iri.node_iri("event", doc.id, ev.key)) for ev in ex.events}
    for ev in ex.events:
        _event(q, doc.id, events[ev.key], ev)
    for rel in ex.relations:
        _relation(q, doc.id, rel, events.get(rel.event) if rel.event else None)
    for quantity in ex.quantities:
        _quantity(q, doc.id, quantity)
    for c in ex.comentions:
        node = _n(iri.node_iri("comention", doc.id, c.a, c.b))
        q.add(node, RDF.type, _n(KG.CoMention))
        q.add(node, KG.member, entity_node(c.a))
        q.add(node, KG.member, entity_node(c.b))
        q.add(node, KG.mentionCount, c.count)
        q.add(node, KG.document, d)
        for ev in c.evidence:
            q.add(node, KG.evidence, _evidence(q, ev))
    return q.quads


def _evidence(q: _Quads, ev: Evidence) -> ox.NamedNode:
    node = _n(iri.node_iri("evidence", ev.document, ev.start, ev.end, ev.subject_span, ev.object_span))
    q.add(node, RDF.type, _n(KG.Evidence))
    q.add(node, RDF.type, ox.NamedNode(OA_TEXT_QUOTE_SELECTOR))
    q.add(node, KG.document, _n(iri.document_iri(ev.document)))
    q.add(node, KG.sentence, ev.sentence)
    q.add(node, KG.start, ev.start)
    q.add(node, KG.end, ev.end)
    if ev.subject_span:
        q.add(node, KG.subjectStart, ev.subject_span[0])
        q.add(node, KG.subjectEnd, ev.subject_span[1])
    if ev.object_span:
        q.add(node, KG.objectStart, ev.object_span[0])
        q.add(node, KG.objectEnd, ev.object_span[1])
    return node


def _dated(q: _Quads, node: ox.NamedNode, date: PartialDate | None) -> None:
    if date is not None:
        q.add(node, KG.date, date)
        q.add(node, KG.datePrecision, date.precision)
        q.add(node, KG.yearInferred, date.year_inferred)


def _provenance(q: _Quads, node: ox.NamedNode, rule: str, confidence: float, evidence: Iterable[Evidence]) -> None:
    q.add(node, KG.rule, rule)
    q.add(node, KG.confidence, float(confidence))
    for ev in evidence:
        q.add(node, KG.evidence, _evidence(q, ev))


def statement_node(doc_id: str, rel: Relation) -> ox.NamedNode:
    return _n(iri.node_iri("statement", doc_id, rel.subject, rel.predicate, rel.object, rel.date.iso if rel.date else ""))


def _relation(q: _Quads, doc_id: str, rel: Relation, event: ox.NamedNode | None) -> None:
    s, p, o = entity_node(rel.subject), _n(KG[rel.predicate]), entity_node(rel.object)
    q.add(s, p, o)
    node = statement_node(doc_id, rel)
    q.add(node, RDF.type, _n(KG.Statement))
    q.add(node, RDF.type, _n(RDF.Statement))
    q.add(node, RDF.subject, s)
    q.add(node, RDF.predicate, p)
    q.add(node, RDF.object, o)
    q.add(node, KG.source, rel.source)
    _dated(q, node, rel.date)
    q.opt(node, KG.role, rel.role)
    q.opt(node, KG.resolvedBy, rel.resolved_by)
    q.opt(node, KG.event, event)
    _provenance(q, node, rel.rule, rel.confidence, rel.evidence)


def _quantity(q: _Quads, doc_id: str, quantity: Quantity) -> ox.NamedNode:
    first = quantity.evidence[0].start if quantity.evidence else -1
    node = _n(iri.node_iri("quantity", doc_id, quantity.about, quantity.attribute, quantity.value, quantity.text, first))
    q.add(node, RDF.type, _n(KG.Quantity))
    q.add(node, KG.about, entity_node(quantity.about))
    q.add(node, KG.attribute, quantity.attribute)
    q.add(node, KG.value, float(quantity.value))
    q.opt(node, KG.valueMax, float(quantity.value_max) if quantity.value_max is not None else None)
    q.add(node, KG.unit, quantity.unit)
    q.add(node, RDFS.label, quantity.text)
    _dated(q, node, quantity.date)
    _provenance(q, node, quantity.rule, quantity.confidence, quantity.evidence)
    return node


def _event(q: _Quads, doc_id: str, node: ox.NamedNode, ev: EventRecord) -> None:
    q.add(node, RDF.type, _n(KG.EventRecord))
    q.add(node, KG.eventType, ev.type)
    _dated(q, node, ev.date)
    for part in ev.participants:
        p = _n(iri.node_iri("participation", doc_id, ev.key, part.entity, part.role))
        q.add(node, KG.participant, p)
        q.add(p, RDF.type, _n(KG.Participation))
        q.add(p, KG.entity, entity_node(part.entity))
        q.add(p, KG.role, part.role)
    if ev.amount is not None:
        q.add(node, KG.amount, _quantity(q, doc_id, ev.amount))
    _provenance(q, node, ev.rule, ev.confidence, ev.evidence)


def kb_quads(kb) -> list[ox.Quad]:
    """The knowledge base's background graph: entities, aliases and well-known structure."""
    q = _Quads(_n(KB_GRAPH))
    q.add(_n(KB_GRAPH), RDF.type, _n(KG.KnowledgeBase))
    for e in kb.entities.values():
        node = entity_node(e.id)
        q.add(node, RDF.type, _n(KG[e.type]))
        q.add(node, RDFS.label, e.name)
        q.add(node, KG.kbId, e.id)
        for alias in sorted(set(e.aliases) - {e.name}):
            q.add(node, SKOS.altLabel, alias)
    for fact in kb.facts:
        s, p, o = entity_node(fact.subject), _n(KG[fact.predicate]), entity_node(fact.object)
        q.add(s, p, o)
        node = _n(iri.node_iri("statement", "kb", fact.subject, fact.predicate, fact.object))
        q.add(node, RDF.type, _n(KG.Statement))
        q.add(node, RDF.type, _n(RDF.Statement))
        q.add(node, RDF.subject, s)
        q.add(node, RDF.predicate, p)
        q.add(node, RDF.object, o)
        q.add(node, KG.source, "kb")
        q.add(node, KG.rule, f"kb:{fact.file}")
        q.add(node, KG.confidence, 1.0)
    q.add(_n(KB_GRAPH), KG.contentHash, iri.digest(*sorted(map(str, q.quads)), length=64))
    return q.quads

