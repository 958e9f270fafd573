"""The annotation format: one article's entities, relations, events and quantities as a careful reader finds them
(docs/evaluation.md), read and checked; :class:`kg.errors.AnnotationError` names what is wrong and the fix.

>>> parse_amount("300 million yuan"), parse_amount("70%-80%"), parse_amount(870000000)
((300000000.0, None, 'CNY'), (70.0, 80.0, 'percent'), (870000000.0, None, 'count'))
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from kg.errors import AnnotationError
from kg.iri import normalise_name
from kg.model import PartialDate
from kg.schema import SCHEMA
from kg.settings import Settings
from kg.vocab import ENTITY_TYPES, RELATIONS, SYMMETRIC_RELATIONS

#: The corpus of a source checkout, where an annotation's article is looked for last.
_REPO_CORPUS = Path(__file__).resolve().parents[2] / "corpus"

_TOP_KEYS = {
    "document",
    "about",
    "entities",
    "not_entities",
    "relations",
    "acceptable",
    "events",
    "quantities",
    "acceptable_quantities",
}
_ENTITY_KEYS = {"name", "type", "aliases", "note"}
_RELATION_KEYS = {"s", "p", "o", "date", "role", "amount", "note"}
_EVENT_KEYS = {"date", "who", "what", "type", "note"}
_QUANTITY_KEYS = {"about", "value", "what", "date", "note"}

# --- amounts ------------------------------------------------------------------------------------

_SCALES = {
    "thousand": 1e3,
    "million": 1e6,
    "mn": 1e6,
    "billion": 1e9,
    "bn": 1e9,
    "trillion": 1e12,
    "万": 1e4,
    "亿": 1e8,
}
_UNITS = {
    "%": "percent",
    "percent": "percent",
    "per cent": "percent",
    "pct": "percent",
    "yuan": "CNY",
    "rmb": "CNY",
    "cny": "CNY",
    "renminbi": "CNY",
    "元": "CNY",
    "¥": "CNY",
    "dollar": "USD",
    "dollars": "USD",
    "usd": "USD",
    "us$": "USD",
    "$": "USD",
    "us dollars": "USD",
    "hk$": "HKD",
    "hkd": "HKD",
    "hong kong dollars": "HKD",
    "euro": "EUR",
    "euros": "EUR",
    "eur": "EUR",
    "€": "EUR",
}
#: One number of an amount: optional currency sign, digits, optional scale word, optional per cent sign.
_PART = re.compile(
    r"(us\$|hk\$|\$|¥|€)?\s*(\d+(?:\.\d+)?)\s*(thousand|million|billion|trillion|bn|mn|万|亿)?(?![a-z])\s*(%)?"
)
_RANGE_WORDS = re.compile(r"\s*(?:-|–|—|\bto\b)\s*")


def unit_kind(unit: str) -> str:
    """The comparable kind of a unit: 'percent', a currency code, or 'count' for anything counted.

    >>> unit_kind("yuan"), unit_kind("percent"), unit_kind("monthly active users")
    ('CNY', 'percent', 'count')
    """
    u = " ".join(str(unit).casefold().split())
    return _UNITS.get(u, u.upper() if u.upper() in {"CNY", "USD", "HKD", "EUR"} else "count")


def parse_amount(value: Any) -> tuple[float, float | None, str]:
    """(value, upper bound or None, unit kind) of an annotated value: 70%, '70%-80%', '300 million yuan', 42.

    A scale or unit written once after a range applies to both ends ('3-4 billion yuan').
    Raises ValueError when the text is not one amount or one range.
    """
    if isinstance(value, bool):
        raise ValueError(f"not an amount: {value!r}")
    if isinstance(value, (int, float)):
        return float(value), None, "count"
    text = " ".join(str(value).replace(",", "").casefold().split())
    parts = list(_PART.finditer(text))
    if not 1 <= len(parts) <= 2:
        raise ValueError(f"not an amount: {value!r}")
    rest = _RANGE_WORDS.sub(" ", _PART.sub(" ", text)).strip()
    scales = [_SCALES[p.group(3)] if p.group(3) else None for p in parts]
    fallback = scales[-1] or 1.0
    numbers = [float(p.group(2)) * (s or fallback) for p, s in zip(parts, scales, strict=True)]
    currency = next((p.group(1) for p in parts if p.group(1)), None)
    if any(p.group(4) for p in parts):
        kind = "percent"
    else:
        unit = currency or rest
        kind = unit_kind(unit) if unit else "count"
    return numbers[0], (numbers[1] if len(numbers) == 2 else None), kind


# --- the annotation -------------------------------------------------------------------------------


@dataclass(frozen=True)
class GoldEntity:
    name: str
    type: str
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class GoldRelation:
    subject: str  # a GoldEntity name
    predicate: str
    object: str
    date: PartialDate | None = None
    role: str | None = None

    @property
    def key(self) -> tuple[str, str, str]:
        return relation_key(self.subject, self.predicate, self.object)


@dataclass(frozen=True)
class GoldEvent:
    date: PartialDate
    who: tuple[str, ...]
    what: str
    type: str | None = None


@dataclass(frozen=True)
class GoldQuantity:
    about: str
    value: float
    value_max: float | None
    unit: str  # unit kind: "percent", "CNY", "USD" …, or "count"
    what: str


@dataclass
class Annotation:
    path: Path
    document: Path
    about: str = ""
    entities: list[GoldEntity] = field(default_factory=list)
    not_entities: list[str] = field(default_factory=list)
    relations: list[GoldRelation] = field(default_factory=list)
    acceptable: list[GoldRelation] = field(default_factory=list)
    events: list[GoldEvent] = field(default_factory=list)
    quantities: list[GoldQuantity] = field(default_factory=list)
    acceptable_quantities: list[GoldQuantity] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def name_index(self) -> dict[str, str]:
        """Normalised name or alias → gold entity name."""
        return {normalise_name(n): e.name for e in self.entities for n in (e.name, *e.aliases)}


def relation_key(subject: str, predicate: str, obj: str) -> tuple[str, str, str]:
    """(s, p, o), with the two ends of a symmetric relation in a fixed order, and a relation the schema
    stores as its inverse read that way ("A owns B" and "B part_of A" are one fact).

    >>> relation_key("Alibaba", "owns", "Lazada")
    ('Lazada', 'part_of', 'Alibaba')
    """
    inverse = SCHEMA[predicate].inverse if predicate in SCHEMA and SCHEMA[predicate].stored_as_inverse else None
    if inverse:
        subject, predicate, obj = obj, inverse, subject
    if predicate in SYMMETRIC_RELATIONS and obj < subject:
        subject, obj = obj, subject
    return subject, predicate, obj


class _Reader:
    """Checks one parsed annotation file; every failure names the file, the entry and the fix."""

    def __init__(self, path: Path):
        self.path = path
        self.warnings: list[str] = []
        self.index: dict[str, str] = {}

    def fail(self, where: str, reason: str, fix: str) -> AnnotationError:
        return AnnotationError(str(self.path), f"{where}: {reason}", fix)

    def mapping(self, item: Any, where: str, known: set[str], required: Iterable[str]) -> dict:
        if not isinstance(item, dict):
            raise self.fail(where, f"expected a mapping, got {item!r}", "write it as 'key: value' lines")
        for key in required:
            if item.get(key) in (None, ""):
                raise self.fail(where, f"missing '{key}'", f"add a '{key}:' line")
        for key in sorted(set(map(str, item)) - known):
            self.warnings.append(
                f"{self.path.name}: {where}: unknown key '{key}' ignored (known: {', '.join(sorted(known))})"
            )
        return item

    def items(self, data: dict, key: str) -> list:
        value = data.get(key) or []
        if not isinstance(value, list):
            raise self.fail(
                key, f"expected a list, got {type(value).__name__}", f"write '{key}:' followed by '- ' items"
            )
        return value

    def text(self, value: Any, where: str) -> str:
        if not isinstance(value, (str, int, float)) or isinstance(value, bool):
            raise self.fail(where, f"expected text, got {value!r}", "write a plain string")
        return str(value)

    def date(self, value: Any, where: str) -> PartialDate | None:
        if value is None:
            return None
        if isinstance(value, _dt.date):  # YAML reads 2025-05-07 as a date
            return PartialDate(value.year, value.month, value.day)
        try:
            date = PartialDate.parse(str(value))
            if date.month is not None:
                _dt.date(date.year, date.month, date.day or 1)
            return date
        except (TypeError, ValueError):
            raise self.fail(
                where, f"date {value!r} is not YYYY, YYYY-MM or YYYY-MM-DD", "write e.g. 2023, 2023-05 or 2023-05-07"
            ) from None

    def entity(self, value: Any, where: str) -> str:
        name = self.index.get(normalise_name(self.text(value, where)))
        if name is None:
            raise self.fail(
                where, f"{value!r} is not a declared entity", "add it under 'entities:' or fix the spelling"
            )
        return name

    def relation(self, item: Any, where: str) -> GoldRelation:
        item = self.mapping(item, where, _RELATION_KEYS, ("s", "p", "o"))
        predicate = self.text(item["p"], where)
        if predicate not in RELATIONS:
            raise self.fail(
                where, f"relation {predicate!r} is not a core relation", f"use one of {', '.join(RELATIONS)}"
            )
        role = item.get("role")
        return GoldRelation(
            self.entity(item["s"], where),
            predicate,
            self.entity(item["o"], where),
            self.date(item.get("date"), where),
            self.text(role, where) if role is not None else None,
        )

    def gold_entity(self, item: Any, where: str) -> GoldEntity:
        """An entity entry, its name and aliases claimed in the index."""
        item = self.mapping(item, where, _ENTITY_KEYS, ("name", "type"))
        name, etype = self.text(item["name"], where), self.text(item["type"], where)
        if etype not in ENTITY_TYPES:
            raise self.fail(where, f"type {etype!r} of {name!r} is unknown", f"use one of {', '.join(ENTITY_TYPES)}")
        aliases = item.get("aliases") or []
        if not isinstance(aliases, list):
            raise self.fail(where, f"aliases of {name!r} must be a list", "write 'aliases:' followed by '- ' items")
        entity = GoldEntity(name, etype, tuple(self.text(a, where) for a in aliases))
        for n in (entity.name, *entity.aliases):
            other = self.index.setdefault(normalise_name(n), name)
            if other != name:
                raise self.fail(
                    where, f"name or alias {n!r} is already used by {other!r}", "keep each name on one entity"
                )
        return entity

    def not_entity(self, item: Any, where: str) -> str:
        span = self.text(item, where)
        if normalise_name(span) in self.index:
            raise self.fail(
                where,
                f"{span!r} is also a name of {self.index[normalise_name(span)]!r}",
                "remove it from one of the two lists",
            )
        return span

    def event(self, item: Any, where: str) -> GoldEvent:
        item = self.mapping(item, where, _EVENT_KEYS, ("date", "who"))
        who = item["who"] if isinstance(item["who"], list) else [item["who"]]
        etype = item.get("type")
        date = self.date(item["date"], where)
        assert date is not None  # mapping() refused an event without one
        return GoldEvent(
            date,
            tuple(self.entity(w, where) for w in who),
            str(item.get("what") or ""),
            self.text(etype, where) if etype is not None else None,
        )

    def quantity(self, item: Any, where: str) -> GoldQuantity:
        item = self.mapping(item, where, _QUANTITY_KEYS, ("about", "value"))
        try:
            value, value_max, unit = parse_amount(item["value"])
        except ValueError:
            raise self.fail(
                where,
                f"value {item['value']!r} is not an amount",
                "write a number (a count), '70%', '70%-80%' or '300 million yuan'",
            ) from None
        return GoldQuantity(self.entity(item["about"], where), value, value_max, unit, str(item.get("what") or ""))


def _resolve_document(name: str, path: Path, settings: Settings) -> Path:
    candidates = [path.parent / name, Path(settings.corpus) / name, _REPO_CORPUS / name]
    for candidate in candidates:
        if candidate.is_file():
            return candidate
    raise AnnotationError(
        str(path),
        f"document {name!r} not found (looked in {', '.join(str(c.parent) for c in candidates)})",
        "put the article beside the annotation or in the corpus directory (setting: corpus), or fix 'document:'",
    )


def load_annotations(path: str | Path, settings: Settings | None = None) -> Annotation:
    """Read and check one annotation file (:class:`AnnotationError` names what is wrong and the fix)."""
    path = Path(path)
    settings = settings or Settings.load()
    r = _Reader(path)
    data = r.mapping(_read_yaml(path), "top level", _TOP_KEYS, ("document",))

    def each(key: str) -> Iterator[tuple[Any, str]]:
        return ((item, f"{key}[{i}]") for i, item in enumerate(r.items(data, key)))

    ann = Annotation(
        path=path,
        document=_resolve_document(r.text(data["document"], "document"), path, settings),
        about=str(data.get("about") or ""),
    )
    # entities first: the other entries name them
    ann.entities = [r.gold_entity(item, where) for item, where in each("entities")]
    ann.not_entities = [r.not_entity(item, where) for item, where in each("not_entities")]
    ann.relations = [r.relation(item, where) for item, where in each("relations")]
    ann.acceptable = [r.relation(item, where) for item, where in each("acceptable")]
    ann.events = [r.event(item, where) for item, where in each("events")]
    ann.quantities = [r.quantity(item, where) for item, where in each("quantities")]
    ann.acceptable_quantities = [r.quantity(item, where) for item, where in each("acceptable_quantities")]
    ann.warnings = r.warnings
    return ann


def _read_yaml(path: Path) -> Any:
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as e:
        raise AnnotationError(str(path), f"cannot be read ({e.strerror or e})", "check the path") from None
    except UnicodeDecodeError:
        raise AnnotationError(str(path), "is not valid UTF-8", "re-save the file as UTF-8") from None
    except yaml.YAMLError as e:
        raise AnnotationError(str(path), f"is not valid YAML ({e})".replace("\n", " "), "fix the YAML syntax") from None


def annotation_files(paths: Iterable[str | Path]) -> list[Path]:
    """The given files, with each directory replaced by the *.yaml files in it (sorted)."""
    files: list[Path] = []
    for p in map(Path, paths):
        files.extend(sorted(p.glob("*.yaml")) if p.is_dir() else [p])
    return files
