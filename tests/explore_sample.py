"""A small hand-built graph in the shape of docs/graph-model.md, for the explorer's tests.

Two articles and a KB graph: Xiaohongshu's partnership with Taotian, Alibaba's investment, the
suspension of Xiaohongxing, JD.com and Vipshop; and a hostile article whose entity names are HTML.
"""

from __future__ import annotations

import pyoxigraph as ox

from kg.iri import document_iri, entity_iri, node_iri
from kg.store import open_writer
from kg.vocab import KB_GRAPH, KG

RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
DCT = "http://purl.org/dc/terms/"
XSD = "http://www.w3.org/2001/XMLSchema#"
DATE_TYPE = {1: "gYear", 2: "gYearMonth", 3: "date"}
PRECISION = {1: "year", 2: "month", 3: "day"}

HOSTILE_A = "<img src=x onerror=alert(1)>"
HOSTILE_B = "<script>alert(2)</script>"

DOC1_TEXT = (
    "On May 7, 2025, Xiaohongshu and Taotian announced a cooperation and launched the Red Cat Plan. "
    "In June 2018, Alibaba invested in Xiaohongshu. "
    "In August 2023, Xiaohongshu suspended Xiaohongxing. "
    "On May 12, JD.com confirmed a cooperation with Xiaohongshu. "
    "JD.com competes with Vipshop. "
    "Xiaohongshu has 300 million monthly active users."
)
DOC2_TEXT = f"In 2024 the {HOSTILE_A} group partnered with {HOSTILE_B} to sell notes."

ENTITIES = {  # name: (type, aliases)
    "Xiaohongshu": ("Organization", ["RedNote", "小红书", "Little Red Book"]),
    "Taotian": ("Organization", ["淘天"]),
    "Red Cat Plan": ("Program", []),
    "Alibaba": ("Organization", ["Alibaba Group"]),
    "Xiaohongxing": ("Program", []),
    "JD.com": ("Organization", ["Jingdong"]),
    "Vipshop": ("Organization", []),
    HOSTILE_A: ("Organization", []),
    HOSTILE_B: ("Organization", []),
}


def n(iri) -> ox.NamedNode:
    return ox.NamedNode(str(iri))


def lit(v, dt: str | None = None) -> ox.Literal:
    if isinstance(v, bool):
        return ox.Literal("true" if v else "false", datatype=ox.NamedNode(XSD + "boolean"))
    if isinstance(v, float):
        return ox.Literal(repr(v), datatype=ox.NamedNode(XSD + "decimal"))
    if isinstance(v, int):
        return ox.Literal(str(v), datatype=ox.NamedNode(XSD + "integer"))
    return ox.Literal(v, datatype=ox.NamedNode(XSD + dt)) if dt else ox.Literal(v)


def date(iso: str) -> list[tuple]:
    parts = iso.count("-") + 1
    return [(KG.date, lit(iso, DATE_TYPE[parts])), (KG.datePrecision, lit(PRECISION[parts]))]


class Doc:
    def __init__(self, doc_id: str, text: str, title: str, published: str):
        self.id, self.text = doc_id, text
        self.triples: list[tuple] = []
        self.node = n(document_iri(doc_id))
        self.add(self.node, RDF + "type", n(KG.Document))
        for p, o in [
            (DCT + "title", lit(title)), (KG.published_date, lit(published, DATE_TYPE[published.count("-") + 1])),
            (KG.text, lit(text)), (KG.sourcePath, lit(f"corpus/{doc_id}.md")), (KG.contentHash, lit("sha256-" + doc_id)),
            (KG.language, lit("en")), (DCT + "source", lit("test fixture")),
        ]:
            self.add(self.node, p, o)

    def add(self, s, p, o) -> None:
        self.triples.append((s, n(p) if not isinstance(p, ox.NamedNode) else p, o))

    def span(self, surface: str, within: tuple[int, int] = (0, 10**9)) -> tuple[int, int]:
        start = self.text.index(surface, within[0], within[1])
        return start, start + len(surface)

    def entity(self, name: str) -> ox.NamedNode:
        e = n(entity_iri(name))
        etype, aliases = ENTITIES[name]
        self.add(e, RDF + "type", n(getattr(KG, etype)))
        self.add(e, RDFS + "label", lit(name))
        for a in aliases:
            self.add(e, SKOS + "altLabel", lit(a))
        pos = 0
        while (pos := self.text.find(name, pos)) >= 0:
            m = n(node_iri("mention", self.id, pos))
            for p, o in [(RDF + "type", n(KG.Mention)), (KG.document, self.node), (KG.refersTo, e),
                         (KG.start, lit(pos)), (KG.end, lit(pos + len(name))), (KG.surface, lit(name))]:
                self.add(m, p, o)
            pos += len(name)
        return e

    def evidence(self, sentence: str, subject: str, obj: str | None) -> ox.NamedNode:
        s0, s1 = self.span(sentence)
        ev = n(node_iri("evidence", self.id, s0, subject, obj))
        for p, o in [(RDF + "type", n(KG.Evidence)), (KG.document, self.node), (KG.sentence, lit(sentence)),
                     (KG.start, lit(s0)), (KG.end, lit(s1))]:
            self.add(ev, p, o)
        a, b = self.span(subject, (s0, s1))
        self.add(ev, KG.subjectStart, lit(a))
        self.add(ev, KG.subjectEnd, lit(b))
        if obj:
            a, b = self.span(obj, (s0, s1))
            self.add(ev, KG.objectStart, lit(a))
            self.add(ev, KG.objectEnd, lit(b))
        return ev

    def relation(self, s: str, p: str, o: str, sentence: str, conf: float, when: str | None = None,
                 event: ox.NamedNode | None = None) -> None:
        se, oe = self.entity(s), self.entity(o)
        self.add(se, getattr(KG, p), oe)
        st = n(node_iri("statement", self.id, s, p, o))
        for pr, ob in [(RDF + "type", n(KG.Statement)), (RDF + "type", n(RDF + "Statement")), (RDF + "subject", se),
                       (RDF + "predicate", n(getattr(KG, p))), (RDF + "object", oe), (KG.confidence, lit(conf)),
                       (KG.rule, lit(f"test.{p}")), (KG.source, lit("text")),
                       (KG.evidence, self.evidence(sentence, s, o)), *(date(when) if when else [])]:
            self.add(st, pr, ob)
        if event is not None:
            self.add(st, KG.event, event)

    def event(self, etype: str, when: str, participants: list[tuple[str, str]], sentence: str, conf: float) -> ox.NamedNode:
        ev = n(node_iri("event", self.id, etype, when))
        for p, o in [(RDF + "type", n(KG.EventRecord)), (KG.eventType, lit(etype)), (KG.confidence, lit(conf)),
                     (KG.rule, lit(f"test.{etype}")), (KG.evidence, self.evidence(sentence, participants[0][0], None)),
                     *date(when)]:
            self.add(ev, p, o)
        for name, role in participants:
            part = n(node_iri("participation", self.id, etype, name))
            self.add(ev, KG.participant, part)
            self.add(part, RDF + "type", n(KG.Participation))
            self.add(part, KG.entity, self.entity(name))
            self.add(part, KG.role, lit(role))
        return ev

    def quads(self) -> list[ox.Quad]:
        from kg.store import graph_node

        g = graph_node(self.id)
        return [ox.Quad(s, p, o, g) for s, p, o in self.triples]


def sample_documents() -> list[Doc]:
    d1 = Doc("seed-sample", DOC1_TEXT, "Xiaohongshu opens external links", "2025-05")
    s1 = "On May 7, 2025, Xiaohongshu and Taotian announced a cooperation and launched the Red Cat Plan."
    ev = d1.event("partnership", "2025-05-07", [("Xiaohongshu", "partner"), ("Taotian", "partner")], s1, 0.9)
    d1.relation("Xiaohongshu", "partner_of", "Taotian", s1, 0.93, "2025-05-07", event=ev)
    d1.relation("Xiaohongshu", "launched", "Red Cat Plan", s1, 0.85, "2025-05-07")
    d1.relation("Alibaba", "invested_in", "Xiaohongshu", "In June 2018, Alibaba invested in Xiaohongshu.", 0.9, "2018-06")
    d1.relation("Xiaohongshu", "suspended", "Xiaohongxing", "In August 2023, Xiaohongshu suspended Xiaohongxing.", 0.88, "2023-08")
    d1.relation("Xiaohongshu", "partner_of", "JD.com", "On May 12, JD.com confirmed a cooperation with Xiaohongshu.", 0.8, "2025-05-12")
    d1.relation("JD.com", "competes_with", "Vipshop", "JD.com competes with Vipshop.", 0.6)
    q = n(node_iri("quantity", d1.id, "mau"))
    s5 = "Xiaohongshu has 300 million monthly active users."
    for p, o in [(RDF + "type", n(KG.Quantity)), (KG.about, d1.entity("Xiaohongshu")), (KG.attribute, lit("monthly active users")),
                 (KG.value, lit(300000000.0)), (KG.unit, lit("users")), (RDFS + "label", lit("300 million monthly active users")),
                 (KG.confidence, lit(0.8)), (KG.rule, lit("test.quantity")), (KG.evidence, d1.evidence(s5, "Xiaohongshu", None)),
                 *date("2025-05")]:
        d1.add(q, p, o)
    cm = n(node_iri("comention", d1.id, "xiaohongshu", "taotian"))
    for p, o in [(RDF + "type", n(KG.CoMention)), (KG.member, d1.entity("Xiaohongshu")), (KG.member, d1.entity("Taotian")),
                 (KG.mentionCount, lit(1)), (KG.document, d1.node)]:
        d1.add(cm, p, o)
    d1.entity("Xiaohongshu")
    d1.add(n(entity_iri("Xiaohongshu")), KG.kbId, lit("xiaohongshu"))

    d2 = Doc("hostile", DOC2_TEXT, '<b>Hostile</b> "title" & more', "2024")
    d2.relation(HOSTILE_A, "partner_of", HOSTILE_B, DOC2_TEXT, 0.7, "2024")
    return [d1, d2]


def kb_quads() -> list[ox.Quad]:
    g = n(KB_GRAPH)
    a, t = n(entity_iri("Alibaba")), n(entity_iri("Taotian"))
    st = n(node_iri("statement", "kb", "alibaba", "owns", "taotian"))
    triples = [
        (a, n(RDF + "type"), n(KG.Organization)), (a, n(RDFS + "label"), lit("Alibaba")), (a, n(KG.kbId), lit("alibaba")),
        (t, n(RDF + "type"), n(KG.Organization)), (t, n(RDFS + "label"), lit("Taotian")),
        (t, n(SKOS + "altLabel"), lit("Taobao and Tmall Group")), (a, n(KG.owns), t),
        (st, n(RDF + "type"), n(KG.Statement)), (st, n(RDF + "subject"), a), (st, n(RDF + "predicate"), n(KG.owns)),
        (st, n(RDF + "object"), t), (st, n(KG.confidence), lit(1.0)), (st, n(KG.rule), lit("kb:companies.yaml")),
        (st, n(KG.source), lit("kb")),
    ]
    return [ox.Quad(s, p, o, g) for s, p, o in triples]


def build_sample_store(settings) -> None:
    with open_writer(settings) as writer:
        for doc in sample_documents():
            writer.replace_document(doc.id, doc.quads())
        writer.replace_graph(n(KB_GRAPH), kb_quads())
