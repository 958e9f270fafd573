"""A small hand-built graph for the explorer's tests: hand-written kg.model records, mapped to RDF
by kg.rdf exactly as real extractions are (so the sample cannot drift from the graph model).

Two articles and a KB graph: Xiaohongshu's partnership with Taotian, Alibaba's investment, the
suspension of Xiaohongxing, JD.com and Vipshop; and a hostile article whose entity names are HTML.
"""

from __future__ import annotations

import pyoxigraph as ox

from kg.kb import KBEntity, KBFact, KnowledgeBase
from kg.labels import refresh_labels
from kg.model import (
    CoMention,
    Document,
    Entity,
    EventRecord,
    Evidence,
    Extraction,
    Mention,
    PartialDate,
    Participant,
    Quantity,
    Relation,
)
from kg.rdf import extraction_quads, kb_quads
from kg.store import open_writer
from kg.vocab import KB_GRAPH

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


class Sample:
    """One hand-written article and what extraction would read from it, as kg.model records."""

    def __init__(self, doc_id: str, text: str, title: str, published: str):
        self.doc = Document(
            id=doc_id,
            text=text,
            title=title,
            source_path=f"corpus/{doc_id}.md",
            published=PartialDate.parse(published),
            source="test fixture",
            content_hash="sha256-" + doc_id,
        )
        self.extraction = Extraction(document=self.doc)

    def span(self, surface: str, within: tuple[int, int] = (0, 10**9)) -> tuple[int, int]:
        start = self.doc.text.index(surface, within[0], within[1])
        return start, start + len(surface)

    def entity(self, name: str) -> str:
        if name not in self.extraction.entities:
            etype, aliases = ENTITIES[name]
            kb_id = "xiaohongshu" if name == "Xiaohongshu" else None
            self.extraction.entities[name] = Entity(name, name, etype, set(aliases), kb_id=kb_id)
            pos = 0
            while (pos := self.doc.text.find(name, pos)) >= 0:
                self.extraction.mentions.append(Mention(pos, pos + len(name), name, name))
                pos += len(name)
        return name

    def evidence(self, sentence: str, subject: str, obj: str | None) -> Evidence:
        s0, s1 = self.span(sentence)
        return Evidence(
            self.doc.id,
            sentence,
            s0,
            s1,
            subject_span=self.span(subject, (s0, s1)),
            object_span=self.span(obj, (s0, s1)) if obj else None,
        )

    def relation(
        self, s: str, p: str, o: str, sentence: str, conf: float, when: str | None = None, event: str | None = None
    ) -> None:
        self.extraction.relations.append(
            Relation(
                self.entity(s),
                p,
                self.entity(o),
                [self.evidence(sentence, s, o)],
                f"test.{p}",
                conf,
                date=PartialDate.parse(when) if when else None,
                event=event,
            )
        )

    def event(self, etype: str, when: str, participants: list[tuple[str, str]], sentence: str, conf: float) -> str:
        key = f"{etype}-{when}"
        self.extraction.events.append(
            EventRecord(
                key,
                etype,
                [Participant(self.entity(name), role) for name, role in participants],
                [self.evidence(sentence, participants[0][0], None)],
                f"test.{etype}",
                conf,
                date=PartialDate.parse(when),
            )
        )
        return key


def sample_documents() -> list[Sample]:
    d1 = Sample("seed-sample", DOC1_TEXT, "Xiaohongshu opens external links", "2025-05")
    s1 = "On May 7, 2025, Xiaohongshu and Taotian announced a cooperation and launched the Red Cat Plan."
    ev = d1.event("partnership", "2025-05-07", [("Xiaohongshu", "partner"), ("Taotian", "partner")], s1, 0.9)
    d1.relation("Xiaohongshu", "partner_of", "Taotian", s1, 0.93, "2025-05-07", event=ev)
    d1.relation("Xiaohongshu", "launched", "Red Cat Plan", s1, 0.85, "2025-05-07")
    d1.relation(
        "Alibaba", "invested_in", "Xiaohongshu", "In June 2018, Alibaba invested in Xiaohongshu.", 0.9, "2018-06"
    )
    d1.relation(
        "Xiaohongshu",
        "suspended",
        "Xiaohongxing",
        "In August 2023, Xiaohongshu suspended Xiaohongxing.",
        0.88,
        "2023-08",
    )
    d1.relation(
        "Xiaohongshu",
        "partner_of",
        "JD.com",
        "On May 12, JD.com confirmed a cooperation with Xiaohongshu.",
        0.8,
        "2025-05-12",
    )
    d1.relation("JD.com", "competes_with", "Vipshop", "JD.com competes with Vipshop.", 0.6)
    s5 = "Xiaohongshu has 300 million monthly active users."
    d1.extraction.quantities.append(
        Quantity(
            d1.entity("Xiaohongshu"),
            "monthly active users",
            300000000.0,
            "users",
            "300 million monthly active users",
            [d1.evidence(s5, "Xiaohongshu", None)],
            "test.quantity",
            0.8,
            date=PartialDate(2025, 5),
        )
    )
    d1.extraction.comentions.append(CoMention("Taotian", "Xiaohongshu", 1))

    d2 = Sample("hostile", DOC2_TEXT, '<b>Hostile</b> "title" & more', "2024")
    d2.relation(HOSTILE_A, "partner_of", HOSTILE_B, DOC2_TEXT, 0.7, "2024")
    return [d1, d2]


def sample_kb() -> KnowledgeBase:
    kb = KnowledgeBase()
    kb.entities = {
        "alibaba": KBEntity("alibaba", "Alibaba", "Organization"),
        "taotian": KBEntity("taotian", "Taotian", "Organization", ("Taobao and Tmall Group",)),
    }
    kb.facts = [KBFact("alibaba", "owns", "taotian", "companies.yaml")]
    return kb


def build_sample_store(settings) -> None:
    with open_writer(settings) as writer:
        for sample in sample_documents():
            writer.replace_document(sample.doc.id, extraction_quads(sample.extraction))
        writer.replace_graph(ox.NamedNode(str(KB_GRAPH)), kb_quads(sample_kb()))
        refresh_labels(writer)
