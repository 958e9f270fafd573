"""The typed hand-off from the ``kg_extractor`` component to :func:`kg.extract.assemble`.

The component runs in spaCy's worker processes (``nlp.pipe(n_process=…)``), which send ``Doc._.kg`` back
as msgpack: only dicts, lists, str, int, float and None cross. So the component builds these records and
stores :meth:`Extracted.to_wire`; the parent reads them back with :meth:`Extracted.from_wire`. The wire
keys are the short ones the payload has always had (``"s"``, ``"ss"`` …): other readers of ``Doc._.kg``
and stored test payloads keep working, and a record's field says what the key means.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any, TypeVar

_Record = TypeVar("_Record")


def _wire(key: str) -> dict[str, str]:
    """The metadata of a field stored under another key on the wire."""
    return {"wire": key}


def _to_wire(record: object) -> dict[str, Any]:
    return {f.metadata.get("wire", f.name): getattr(record, f.name) for f in fields(record)}  # type: ignore[arg-type]


def _from_wire(cls: type[_Record], data: dict[str, Any]) -> _Record:
    return cls(**{f.name: data[f.metadata.get("wire", f.name)] for f in fields(cls)})  # type: ignore[arg-type]


@dataclass
class DateRow:
    """A date mention: its spec (:func:`kg.extract.dates.date_spec`), offsets and sentence."""

    spec: dict[str, Any] | None
    start: int
    end: int
    sentence: int = field(metadata=_wire("sent"))


@dataclass
class EntityRow:
    label: str
    type: str
    aliases: list[str]
    kb_id: str | None
    version_of: str | None
    version_label: str | None


@dataclass
class RelationRow:
    """One statement a rule made in one sentence; :func:`kg.extract.assemble` merges repeated ones."""

    subject: str = field(metadata=_wire("s"))
    predicate: str = field(metadata=_wire("p"))
    object: str = field(metadata=_wire("o"))
    sentence: int = field(metadata=_wire("sent"))
    subject_span: list[int] = field(metadata=_wire("ss"))  # [start, end) character offsets of the subject's mention
    object_span: list[int] = field(metadata=_wire("os"))
    rule: str = field(metadata=_wire("rule"))
    date: int | None = field(metadata=_wire("date"))  # index into Extracted.dates
    dated_by: str | None = field(
        metadata=_wire("date_how")
    )  # "clause" (the verb's own date), "effective" (when the appointment takes effect); weaker: "sentence",
    # "decision" (the same authority's dated fine just before), "lead" (the news the article opens with),
    # "founding" (a founder's, from the date the text gives the organization's founding elsewhere), "succession" (a
    # successor's post and the succession, from each other)
    role: str | None = field(metadata=_wire("role"))
    resolved_by: str | None = field(
        metadata=_wire("resolved_by")
    )  # how a pronoun or description was resolved, if one was
    event: str | None = field(metadata=_wire("event"))  # the event id this statement is a part of


@dataclass
class EventRow:
    id: str
    type: str
    participants: list[list[Any]]  # [entity key, role]
    sentence: int = field(metadata=_wire("sent"))
    date: int | None = field(metadata=_wire("date"))  # index into Extracted.dates
    dated_by: str | None = field(metadata=_wire("date_how"))
    rule: str = field(metadata=_wire("rule"))


@dataclass
class QuantityRow:
    about: str
    attribute: str
    value: float
    value_max: float | None
    unit: str
    text: str
    sentence: int = field(metadata=_wire("sent"))
    span: list[int] = field(metadata=_wire("span"))
    date: int | None = field(metadata=_wire("date"))  # index into Extracted.dates
    dated_by: str | None = field(metadata=_wire("date_how"))
    rule: str = field(metadata=_wire("rule"))
    event: str | None = field(metadata=_wire("event"))


#: A mention: [start, end, text, entity key, NER label]; a co-mention: [key a, key b, count, sentence indexes].
MentionRow = list[Any]
CoMentionRow = list[Any]


@dataclass
class Extracted:
    """Everything the rules found in one Doc, before dates are resolved and statements merged."""

    sentences: list[list[int]]  # [start, end) of each sentence
    entities: dict[str, EntityRow]
    mentions: list[MentionRow]
    dates: list[DateRow]
    relations: list[RelationRow]
    events: list[EventRow]
    quantities: list[QuantityRow]
    comentions: list[CoMentionRow]

    def to_wire(self) -> dict[str, Any]:
        """Plain msgpack-able data (what ``Doc._.kg`` holds)."""
        return {
            "sents": self.sentences,
            "entities": {key: _to_wire(e) for key, e in self.entities.items()},
            "mentions": self.mentions,
            "dates": [_to_wire(d) for d in self.dates],
            "relations": [_to_wire(r) for r in self.relations],
            "events": [_to_wire(e) for e in self.events],
            "quantities": [_to_wire(q) for q in self.quantities],
            "comentions": self.comentions,
        }

    @classmethod
    def from_wire(cls, data: dict[str, Any]) -> Extracted:
        return cls(
            sentences=data["sents"],
            entities={key: _from_wire(EntityRow, e) for key, e in data["entities"].items()},
            mentions=data["mentions"],
            dates=[_from_wire(DateRow, d) for d in data["dates"]],
            relations=[_from_wire(RelationRow, r) for r in data["relations"]],
            events=[_from_wire(EventRow, e) for e in data["events"]],
            quantities=[_from_wire(QuantityRow, q) for q in data["quantities"]],
            comentions=data["comentions"],
        )
