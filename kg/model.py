"""Plain records that flow from text to graph: Document → Extraction (entities, relations …).

Extraction rules produce these; :mod:`kg.rdf` turns them into triples. Offsets are character
offsets into ``Document.text`` (the cleaned text), ``start`` inclusive, ``end`` exclusive.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class PartialDate:
    """A date that keeps the precision the text gives: 2025, 2025-05 or 2025-05-07.

    >>> PartialDate(2025, 5).iso, PartialDate(2025, 5).precision
    ('2025-05', 'month')
    """

    year: int
    month: int | None = None
    day: int | None = None
    year_inferred: bool = False

    @property
    def precision(self) -> str:
        return "day" if self.day else "month" if self.month else "year"

    @property
    def iso(self) -> str:
        if self.day:
            return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        if self.month:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}"

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """'2025', '2025-05' or '2025-05-07' (ValueError otherwise)."""
        parts = [int(p) for p in str(text).strip().split("-")]
        if not 1 <= len(parts) <= 3:
            raise ValueError(f"not a YYYY, YYYY-MM or YYYY-MM-DD date: {text!r}")
        month, day = [*parts[1:], None, None][:2]
        return cls(parts[0], month, day)


@dataclass
class Document:
    """One article: cleaned text plus front-matter metadata."""

    id: str  # derived from the normalised text: re-adding the same text is a no-op
    text: str  # the cleaned text every offset refers to
    title: str
    source_path: str  # where it was read from ("" for pasted text)
    published: PartialDate | None = None
    language: str = "en"
    source: str = ""
    url: str = ""
    content_hash: str = ""  # hash of the raw file bytes, to tell a changed file


@dataclass(frozen=True)
class Evidence:
    """Where a fact is stated: the sentence and, when known, the two mentions in it."""

    document: str  # Document.id
    sentence: str  # exactly Document.text[start:end]
    start: int
    end: int
    subject_span: tuple[int, int] | None = None
    object_span: tuple[int, int] | None = None


@dataclass
class Mention:
    start: int
    end: int
    text: str
    entity_key: str  # Entity.key it was linked to
    label: str = ""  # the NER/ruler label that found it


@dataclass
class Entity:
    """One thing the document names, after linking (one node per entity)."""

    key: str  # stable linking key: KB id, or normalised canonical name
    label: str
    type: str  # one of vocab.ENTITY_TYPES
    aliases: set[str] = field(default_factory=set)
    kb_id: str | None = None
    version_of: str | None = None  # Entity.key of the program this is a version of
    version_label: str | None = None


@dataclass
class Relation:
    subject: str  # Entity.key
    predicate: str  # one of vocab.RELATIONS
    object: str  # Entity.key
    evidence: list[Evidence]
    rule: str
    confidence: float
    date: PartialDate | None = None
    role: str | None = None  # for leads: "CEO", "chairman" …
    resolved_by: str | None = None  # e.g. "coref:the two sides"
    event: str | None = None  # EventRecord.key
    source: str = "text"


@dataclass
class Participant:
    entity: str  # Entity.key
    role: str  # "investor", "investee", "partner", "launcher", "program" …


@dataclass
class Quantity:
    about: str  # Entity.key
    attribute: str
    value: float
    unit: str
    text: str
    evidence: list[Evidence]
    rule: str
    confidence: float
    value_max: float | None = None
    date: PartialDate | None = None


@dataclass
class EventRecord:
    key: str  # unique within the document
    type: (
        str  # investment | partnership | launch | suspension | relaunch | closure | acquisition | appointment | listing
    )
    participants: list[Participant]
    evidence: list[Evidence]
    rule: str
    confidence: float
    date: PartialDate | None = None
    amount: Quantity | None = None


@dataclass
class CoMention:
    a: str  # Entity.key, a < b
    b: str
    count: int
    evidence: list[Evidence] = field(default_factory=list)


@dataclass
class Extraction:
    """Everything read from one document."""

    document: Document
    entities: dict[str, Entity] = field(default_factory=dict)
    mentions: list[Mention] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    events: list[EventRecord] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    comentions: list[CoMention] = field(default_factory=list)
