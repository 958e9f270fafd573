"""Extraction: Documents in, :class:`kg.model.Extraction` records out.

The rules run inside the spaCy pipeline (component ``kg_extractor``, see :mod:`kg.extract.component`)
and leave plain data on ``Doc._.kg``; this module turns that data into model records in the parent
process, resolving dates against ``Document.published`` and merging repeated statements.
"""

from __future__ import annotations

from typing import Iterable, Iterator

from spacy.language import Language

from kg.extract.calibration import rule_confidences
from kg.extract.dates import resolve_all
from kg.model import (CoMention, Document, Entity, EventRecord, Evidence, Extraction, Mention, PartialDate,
                      Participant, Quantity, Relation)
from kg.vocab import SYMMETRIC_RELATIONS

#: Confidence factor for a date taken from the sentence rather than the clause that governs the fact.
SENTENCE_DATE_FACTOR = 0.9

__all__ = ["extract_documents", "extract_document"]


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
    text = document.text
    sents = []
    for s, e in data["sents"]:
        while e > s and text[e - 1].isspace():
            e -= 1
        sents.append((s, e))
    dates = resolve_all([d["spec"] for d in data["dates"]], document.published, [d["sent"] for d in data["dates"]])

    def evidence(sent: int, ss=None, os=None) -> Evidence:
        s, e = sents[sent]
        return Evidence(document.id, text[s:e], s, e, tuple(ss) if ss else None, tuple(os) if os else None)

    def date_of(rec: dict) -> PartialDate | None:
        return dates[rec["date"]] if rec.get("date") is not None else None

    confidence = rule_confidences()

    def conf(rec: dict) -> float:
        return round(confidence(rec["rule"]) * (SENTENCE_DATE_FACTOR if rec.get("date_how") == "sentence" else 1.0), 3)

    out = Extraction(document=document)
    for key, e in data["entities"].items():
        out.entities[key] = Entity(key=key, label=e["label"], type=e["type"], aliases=set(e["aliases"]),
                                   kb_id=e["kb_id"], version_of=e["version_of"], version_label=e["version_label"])
    out.mentions = [Mention(s, e, t, k, label) for s, e, t, k, label in data["mentions"]]

    events: dict[str, EventRecord] = {}
    event_alias: dict[str, str] = {}
    by_shape: dict[tuple, str] = {}
    for ev in data["events"]:
        date = date_of(ev)
        shape = (ev["type"], frozenset(p[0] for p in ev["participants"]))
        existing = by_shape.get(shape)
        if existing and (date is None or events[existing].date in (None, date)):
            rec = events[existing]
            rec.evidence.append(evidence(ev["sent"]))
            rec.date = rec.date or date
            event_alias[ev["id"]] = existing
            continue
        rec = EventRecord(key=ev["id"], type=ev["type"], participants=[Participant(k, r) for k, r in ev["participants"]],
                          evidence=[evidence(ev["sent"])], rule=ev["rule"], confidence=conf(ev), date=date)
        events[ev["id"]] = rec
        event_alias[ev["id"]] = ev["id"]
        by_shape.setdefault(shape, ev["id"])

    # an undated mention of an event joins the dated event of the same type and participants
    for key, rec in list(events.items()):
        if rec.date is not None:
            continue
        who = {p.entity for p in rec.participants}
        target = next((k for k, d in events.items() if d.date is not None and d.type == rec.type
                       and len(who & {p.entity for p in d.participants}) >= min(2, len(who))), None)
        if target:
            events[target].evidence.extend(e for e in rec.evidence if e not in events[target].evidence)
            for old, new in event_alias.items():
                if new == key:
                    event_alias[old] = target
            del events[key]
    for q in data["quantities"]:
        quantity = Quantity(about=q["about"], attribute=q["attribute"], value=q["value"], unit=q["unit"], text=q["text"],
                            evidence=[evidence(q["sent"], q["span"])], rule=q["rule"], confidence=conf(q),
                            value_max=q["value_max"], date=date_of(q))
        out.quantities.append(quantity)
        if q["event"] and event_alias.get(q["event"]) in events and events[event_alias[q["event"]]].amount is None:
            events[event_alias[q["event"]]].amount = quantity
    # chronological, undated last
    out.events = sorted(events.values(), key=lambda e: (e.date is None, e.date.iso if e.date else ""))
    out.relations = _merge_relations(data["relations"], evidence, date_of, conf, event_alias)
    out.comentions = [CoMention(a, b, n, [evidence(k) for k in ks]) for a, b, n, ks in data["comentions"]]
    return out


def _merge_relations(rows: list[dict], evidence, date_of, conf, event_alias) -> list[Relation]:
    """One Relation per (subject, predicate, object, date); undated or sentence-dated statements of the
    same triple join the best clause-dated one (their evidence is kept)."""
    groups: dict[tuple, list[dict]] = {}
    for r in rows:
        s, o = r["s"], r["o"]
        key = (min(s, o), r["p"], max(s, o)) if r["p"] in SYMMETRIC_RELATIONS else (s, r["p"], o)
        groups.setdefault(key, []).append(r)
    out = []
    for rs in groups.values():
        primary = [r for r in rs if r["date_how"] == "clause" and date_of(r)] or [r for r in rs if date_of(r)]
        by_date: dict[str, list[dict]] = {}
        for r in primary:
            by_date.setdefault(date_of(r).iso, []).append(r)
        if not by_date:
            by_date[""] = []
        rest = [r for r in rs if r not in primary]
        best_date = max(by_date, key=lambda d: max((conf(r) for r in by_date[d]), default=0))
        by_date[best_date].extend(rest)
        for members in by_date.values():
            members.sort(key=conf, reverse=True)
            head = next((r for r in members if r in primary), members[0])
            rel = Relation(
                subject=head["s"], predicate=head["p"], object=head["o"],
                evidence=list(dict.fromkeys(evidence(r["sent"], r["ss"], r["os"]) for r in members)),
                rule=head["rule"], confidence=max(conf(r) for r in members), date=date_of(head) if head in primary else None,
                role=next((r["role"] for r in members if r["role"]), None), resolved_by=head["resolved_by"],
                event=event_alias.get(head["event"]) if head["event"] else None,
            )
            out.append(rel)
    return out
