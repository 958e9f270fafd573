"""Extraction: Documents in, :class:`kg.model.Extraction` records out.

The rules run inside the spaCy pipeline (component ``kg_extractor``, see :mod:`kg.extract.component`)
and leave plain data on ``Doc._.kg``; this module turns that data into model records in the parent
process, resolving dates against ``Document.published`` and merging repeated statements.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.language import Language

from kg.extract.calibration import rule_confidences
from kg.extract.dates import resolve_all
from kg.extract.records import EventRow, Extracted, QuantityRow, RelationRow
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
from kg.vocab import SYMMETRIC_RELATIONS

#: Confidence factor for a date taken from the sentence rather than the clause that governs the fact.
SENTENCE_DATE_FACTOR = 0.9

__all__ = ["extract_document", "extract_documents"]


def extract_documents(documents: Iterable[Document], nlp: Language, *, batch_size: int = 32) -> Iterator[Extraction]:
    """One Extraction per Document, in order, streaming through ``nlp.pipe`` (in worker processes:
    :mod:`kg.pipeline`)."""
    pairs = ((d.text, d) for d in documents)
    for doc, document in nlp.pipe(pairs, as_tuples=True, batch_size=batch_size):
        yield assemble(document, doc._.kg)


def extract_document(document: Document, nlp: Language) -> Extraction:
    return next(extract_documents([document], nlp))


def assemble(document: Document, data: dict) -> Extraction:
    """Model records from the component's plain data (cheap: linear in the records)."""
    found = Extracted.from_wire(data)
    grounds = _Grounds(document, found)
    out = Extraction(document=document)
    for key, e in found.entities.items():
        out.entities[key] = Entity(
            key=key,
            label=e.label,
            type=e.type,
            aliases=set(e.aliases),
            kb_id=e.kb_id,
            version_of=e.version_of,
            version_label=e.version_label,
        )
    out.mentions = [Mention(s, e, t, k, label) for s, e, t, k, label in found.mentions]
    events, event_alias = _events(found.events, grounds)
    out.quantities = _quantities(found.quantities, grounds, events, event_alias)
    # chronological, undated last
    out.events = sorted(events.values(), key=lambda e: (e.date is None, e.date.iso if e.date else ""))
    out.relations = _merge_relations(found.relations, grounds, event_alias)
    out.comentions = [CoMention(a, b, n, [grounds.evidence(k) for k in ks]) for a, b, n, ks in found.comentions]
    return out


class _Grounds:
    """What the records of one document stand on: its sentences (the evidence), its dates resolved against
    ``Document.published``, and the rules' measured precision (the confidence)."""

    def __init__(self, document: Document, found: Extracted) -> None:
        self.document = document
        text = document.text
        self.sentences = []
        for s, e in found.sentences:
            while e > s and text[e - 1].isspace():
                e -= 1
            self.sentences.append((s, e))
        self.dates = resolve_all([d.spec for d in found.dates], document.published, [d.sentence for d in found.dates])
        self.rule_confidence = rule_confidences()

    def evidence(self, sent: int, ss: list[int] | None = None, os: list[int] | None = None) -> Evidence:
        s, e = self.sentences[sent]
        text = self.document.text
        subject_span = (ss[0], ss[1]) if ss else None
        object_span = (os[0], os[1]) if os else None
        return Evidence(self.document.id, text[s:e], s, e, subject_span, object_span)

    def date_of(self, rec: RelationRow | EventRow | QuantityRow) -> PartialDate | None:
        return self.dates[rec.date] if rec.date is not None else None

    def confidence(self, rec: RelationRow | EventRow | QuantityRow) -> float:
        factor = (
            SENTENCE_DATE_FACTOR if rec.dated_by in ("sentence", "decision", "lead", "founding", "succession") else 1.0
        )
        return round(self.rule_confidence(rec.rule) * factor, 3)


def _events(rows: list[EventRow], grounds: _Grounds) -> tuple[dict[str, EventRecord], dict[str, str]]:
    """One EventRecord per event told (a repeat joins the first telling), and each event id -> the id it joined."""
    events: dict[str, EventRecord] = {}
    event_alias: dict[str, str] = {}
    by_shape: dict[tuple, str] = {}
    for ev in rows:
        date = grounds.date_of(ev)
        shape = (ev.type, frozenset(p[0] for p in ev.participants))
        existing = by_shape.get(shape)
        if existing and (date is None or events[existing].date in (None, date)):
            rec = events[existing]
            rec.evidence.append(grounds.evidence(ev.sentence))
            rec.date = rec.date or date
            event_alias[ev.id] = existing
            continue
        events[ev.id] = EventRecord(
            key=ev.id,
            type=ev.type,
            participants=[Participant(k, r) for k, r in ev.participants],
            evidence=[grounds.evidence(ev.sentence)],
            rule=ev.rule,
            confidence=grounds.confidence(ev),
            date=date,
        )
        event_alias[ev.id] = ev.id
        by_shape.setdefault(shape, ev.id)
    _join_undated(events, event_alias)
    return events, event_alias


def _join_undated(events: dict[str, EventRecord], event_alias: dict[str, str]) -> None:
    """An undated mention of an event joins the dated event of the same type and participants."""
    for key, rec in list(events.items()):
        if rec.date is not None:
            continue
        who = {p.entity for p in rec.participants}
        target = next(
            (
                k
                for k, d in events.items()
                if d.date is not None
                and d.type == rec.type
                and len(who & {p.entity for p in d.participants}) >= min(2, len(who))
            ),
            None,
        )
        if target:
            events[target].evidence.extend(e for e in rec.evidence if e not in events[target].evidence)
            for old, new in event_alias.items():
                if new == key:
                    event_alias[old] = target
            del events[key]


def _quantities(
    rows: list[QuantityRow], grounds: _Grounds, events: dict[str, EventRecord], event_alias: dict[str, str]
) -> list[Quantity]:
    """The figures; a money figure of an event's verb becomes the event's amount (the first one)."""
    out = []
    for q in rows:
        quantity = Quantity(
            about=q.about,
            attribute=q.attribute,
            value=q.value,
            unit=q.unit,
            text=q.text,
            evidence=[grounds.evidence(q.sentence, q.span)],
            rule=q.rule,
            confidence=grounds.confidence(q),
            value_max=q.value_max,
            date=grounds.date_of(q),
        )
        out.append(quantity)
        joined = event_alias.get(q.event) if q.event else None
        event = events.get(joined) if joined else None
        if event is not None and event.amount is None:
            event.amount = quantity
    return out


def _merge_relations(rows: list[RelationRow], grounds: _Grounds, event_alias: dict[str, str]) -> list[Relation]:
    """One Relation per (subject, predicate, object, date); undated or sentence-dated statements of the
    same triple join the best clause-dated one (their evidence is kept)."""
    groups: dict[tuple, list[RelationRow]] = {}
    for r in rows:
        s, o = r.subject, r.object
        key = (min(s, o), r.predicate, max(s, o)) if r.predicate in SYMMETRIC_RELATIONS else (s, r.predicate, o)
        groups.setdefault(key, []).append(r)
    out = []
    for rs in groups.values():
        primary = [r for r in rs if r.dated_by == "clause" and grounds.date_of(r)] or [
            r for r in rs if grounds.date_of(r)
        ]
        by_date: dict[str, list[RelationRow]] = {}
        for r in primary:
            date = grounds.date_of(r)
            assert date is not None  # the primary statements are the dated ones
            by_date.setdefault(date.iso, []).append(r)
        if not by_date:
            by_date[""] = []
        rest = [r for r in rs if r not in primary]
        best_date = max(by_date, key=lambda d: max((grounds.confidence(r) for r in by_date[d]), default=0))
        by_date[best_date].extend(rest)
        for members in by_date.values():
            members.sort(key=grounds.confidence, reverse=True)
            head = next((r for r in members if r in primary), members[0])
            out.append(
                Relation(
                    subject=head.subject,
                    predicate=head.predicate,
                    object=head.object,
                    evidence=list(
                        dict.fromkeys(grounds.evidence(r.sentence, r.subject_span, r.object_span) for r in members)
                    ),
                    rule=head.rule,
                    confidence=max(grounds.confidence(r) for r in members),
                    date=grounds.date_of(head) if head in primary else None,
                    role=next((r.role for r in members if r.role), None),
                    resolved_by=head.resolved_by,
                    event=event_alias.get(head.event) if head.event else None,
                )
            )
    return out
