"""Score extraction against hand-annotated articles (format and scoring rules: docs/evaluation.md).

An annotation file names one article (``document:``) and lists what a careful reader finds stated in it:
entities, relations, events and quantities. :func:`evaluate` extracts each article and compares;
:func:`score_extraction` compares one :class:`kg.model.Extraction` with one :class:`Annotation` (no model
needed). Names are compared after :func:`kg.iri.normalise_name`; a predicted entity stands for the gold
entity whose name or alias equals its label or one of its aliases.

>>> parse_amount("300 million yuan"), parse_amount("70%-80%"), parse_amount(870000000)
((300000000.0, None, 'CNY'), (70.0, 80.0, 'percent'), (870000000.0, None, 'count'))
"""

from __future__ import annotations

import datetime as _dt
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from kg.errors import AnnotationError
from kg.iri import normalise_name
from kg.model import Extraction, PartialDate
from kg.settings import Settings
from kg.schema import SCHEMA
from kg.vocab import ENTITY_TYPES, RELATIONS, SYMMETRIC_RELATIONS

#: Where ``kg eval --calibrate`` writes measured rule precision.
RULE_PRECISION_PATH = Path(__file__).parent / "extract" / "rule_precision.yaml"
_REPO_CORPUS = Path(__file__).resolve().parent.parent / "corpus"

_TOP_KEYS = {"document", "about", "entities", "not_entities", "relations", "acceptable", "events", "quantities",
             "acceptable_quantities"}
_ENTITY_KEYS = {"name", "type", "aliases", "note"}
_RELATION_KEYS = {"s", "p", "o", "date", "role", "amount", "note"}
_EVENT_KEYS = {"date", "who", "what", "type", "note"}
_QUANTITY_KEYS = {"about", "value", "what", "date", "note"}

# --- amounts ------------------------------------------------------------------------------------

_SCALES = {"thousand": 1e3, "million": 1e6, "mn": 1e6, "billion": 1e9, "bn": 1e9, "trillion": 1e12,
           "万": 1e4, "亿": 1e8}
_UNITS = {
    "%": "percent", "percent": "percent", "per cent": "percent", "pct": "percent",
    "yuan": "CNY", "rmb": "CNY", "cny": "CNY", "renminbi": "CNY", "元": "CNY", "¥": "CNY",
    "dollar": "USD", "dollars": "USD", "usd": "USD", "us$": "USD", "$": "USD", "us dollars": "USD",
    "hk$": "HKD", "hkd": "HKD", "hong kong dollars": "HKD",
    "euro": "EUR", "euros": "EUR", "eur": "EUR", "€": "EUR",
}
#: One number of an amount: optional currency sign, digits, optional scale word, optional per cent sign.
_PART = re.compile(r"(us\$|hk\$|\$|¥|€)?\s*(\d+(?:\.\d+)?)\s*(thousand|million|billion|trillion|bn|mn|万|亿)?(?![a-z])\s*(%)?")
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
    numbers = [float(p.group(2)) * (s or fallback) for p, s in zip(parts, scales)]
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
    if predicate in SCHEMA and SCHEMA[predicate].stored_as_inverse:
        subject, predicate, obj = obj, SCHEMA[predicate].inverse, subject
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
            self.warnings.append(f"{self.path.name}: {where}: unknown key '{key}' ignored (known: {', '.join(sorted(known))})")
        return item

    def items(self, data: dict, key: str) -> list:
        value = data.get(key) or []
        if not isinstance(value, list):
            raise self.fail(key, f"expected a list, got {type(value).__name__}", f"write '{key}:' followed by '- ' items")
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
            raise self.fail(where, f"date {value!r} is not YYYY, YYYY-MM or YYYY-MM-DD", "write e.g. 2023, 2023-05 or 2023-05-07") from None

    def entity(self, value: Any, where: str) -> str:
        name = self.index.get(normalise_name(self.text(value, where)))
        if name is None:
            raise self.fail(where, f"{value!r} is not a declared entity", "add it under 'entities:' or fix the spelling")
        return name

    def relation(self, item: Any, where: str) -> GoldRelation:
        item = self.mapping(item, where, _RELATION_KEYS, ("s", "p", "o"))
        predicate = self.text(item["p"], where)
        if predicate not in RELATIONS:
            raise self.fail(where, f"relation {predicate!r} is not a core relation", f"use one of {', '.join(RELATIONS)}")
        role = item.get("role")
        return GoldRelation(self.entity(item["s"], where), predicate, self.entity(item["o"], where),
                            self.date(item.get("date"), where), self.text(role, where) if role is not None else None)

    def quantity(self, item: Any, where: str) -> GoldQuantity:
        item = self.mapping(item, where, _QUANTITY_KEYS, ("about", "value"))
        try:
            value, value_max, unit = parse_amount(item["value"])
        except ValueError:
            raise self.fail(where, f"value {item['value']!r} is not an amount",
                            "write a number (a count), '70%', '70%-80%' or '300 million yuan'") from None
        return GoldQuantity(self.entity(item["about"], where), value, value_max, unit, str(item.get("what") or ""))


def _resolve_document(name: str, path: Path, settings: Settings) -> Path:
    candidates = [path.parent / name, Path(settings.corpus) / name, _REPO_CORPUS / name]
    for candidate in candidates:
        if candidate.is_file():
            return candidate
    raise AnnotationError(
        str(path), f"document {name!r} not found (looked in {', '.join(str(c.parent) for c in candidates)})",
        "put the article beside the annotation or in the corpus directory (setting: corpus), or fix 'document:'",
    )


def load_annotations(path: str | Path, settings: Settings | None = None) -> Annotation:
    """Read and check one annotation file (:class:`AnnotationError` names what is wrong and the fix)."""
    path = Path(path)
    settings = settings or Settings.load()
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as e:
        raise AnnotationError(str(path), f"cannot be read ({e.strerror or e})", "check the path") from None
    except UnicodeDecodeError:
        raise AnnotationError(str(path), "is not valid UTF-8", "re-save the file as UTF-8") from None
    except yaml.YAMLError as e:
        raise AnnotationError(str(path), f"is not valid YAML ({e})".replace("\n", " "), "fix the YAML syntax") from None
    r = _Reader(path)
    data = r.mapping(data, "top level", _TOP_KEYS, ("document",))
    ann = Annotation(path=path, document=_resolve_document(r.text(data["document"], "document"), path, settings),
                     about=str(data.get("about") or ""))
    for i, item in enumerate(r.items(data, "entities")):
        where = f"entities[{i}]"
        item = r.mapping(item, where, _ENTITY_KEYS, ("name", "type"))
        name, etype = r.text(item["name"], where), r.text(item["type"], where)
        if etype not in ENTITY_TYPES:
            raise r.fail(where, f"type {etype!r} of {name!r} is unknown", f"use one of {', '.join(ENTITY_TYPES)}")
        aliases = item.get("aliases") or []
        if not isinstance(aliases, list):
            raise r.fail(where, f"aliases of {name!r} must be a list", "write 'aliases:' followed by '- ' items")
        entity = GoldEntity(name, etype, tuple(r.text(a, where) for a in aliases))
        for n in (entity.name, *entity.aliases):
            other = r.index.setdefault(normalise_name(n), name)
            if other != name:
                raise r.fail(where, f"name or alias {n!r} is already used by {other!r}", "keep each name on one entity")
        ann.entities.append(entity)
    for i, item in enumerate(r.items(data, "not_entities")):
        span = r.text(item, f"not_entities[{i}]")
        if normalise_name(span) in r.index:
            raise r.fail(f"not_entities[{i}]", f"{span!r} is also a name of {r.index[normalise_name(span)]!r}",
                         "remove it from one of the two lists")
        ann.not_entities.append(span)
    ann.relations = [r.relation(item, f"relations[{i}]") for i, item in enumerate(r.items(data, "relations"))]
    ann.acceptable = [r.relation(item, f"acceptable[{i}]") for i, item in enumerate(r.items(data, "acceptable"))]
    for i, item in enumerate(r.items(data, "events")):
        where = f"events[{i}]"
        item = r.mapping(item, where, _EVENT_KEYS, ("date", "who"))
        who = item["who"] if isinstance(item["who"], list) else [item["who"]]
        etype = item.get("type")
        ann.events.append(GoldEvent(r.date(item["date"], where), tuple(r.entity(w, where) for w in who),
                                    str(item.get("what") or ""), r.text(etype, where) if etype is not None else None))
    ann.quantities = [r.quantity(item, f"quantities[{i}]") for i, item in enumerate(r.items(data, "quantities"))]
    ann.acceptable_quantities = [r.quantity(item, f"acceptable_quantities[{i}]")
                                 for i, item in enumerate(r.items(data, "acceptable_quantities"))]
    ann.warnings = r.warnings
    return ann


def annotation_files(paths: Iterable[str | Path]) -> list[Path]:
    """The given files, with each directory replaced by the *.yaml files in it (sorted)."""
    files: list[Path] = []
    for p in map(Path, paths):
        files.extend(sorted(p.glob("*.yaml")) if p.is_dir() else [p])
    return files


# --- scores -----------------------------------------------------------------------------------------


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __iadd__(self, other: "Score") -> "Score":
        self.tp, self.fp, self.fn = self.tp + other.tp, self.fp + other.fp, self.fn + other.fn
        return self

    def to_json(self) -> dict:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": round(self.precision, 4),
                "recall": round(self.recall, 4), "f1": round(self.f1, 4)}


#: Rows of :attr:`Report.scores`, in table order.
SCORE_NAMES = ("entities (with type)", "entities (span only)", "relations", "relation dates", "events",
               "event dates", "quantities")


@dataclass
class DocumentScore:
    annotation: str
    document: str
    scores: dict[str, Score] = field(default_factory=lambda: {n: Score() for n in SCORE_NAMES})
    per_relation: dict[str, Score] = field(default_factory=lambda: defaultdict(Score))
    per_rule: dict[str, tuple[int, int]] = field(default_factory=dict)
    mistakes: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))


@dataclass
class Report:
    documents: list[DocumentScore] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def scores(self) -> dict[str, Score]:
        return _sum((d.scores for d in self.documents), SCORE_NAMES)

    @property
    def per_relation(self) -> dict[str, Score]:
        return dict(sorted(_sum(d.per_relation for d in self.documents).items()))

    @property
    def per_rule(self) -> dict[str, tuple[int, int]]:
        """Rule id → (true, predicted), over every document."""
        total: Counter = Counter()
        for d in self.documents:
            for rule, (true, predicted) in d.per_rule.items():
                total[(rule, 0)] += true
                total[(rule, 1)] += predicted
        return {rule: (total[(rule, 0)], total[(rule, 1)]) for rule in sorted({r for r, _ in total})}

    def to_table(self) -> str:
        """Markdown: overall scores, per relation type, then per-rule precision."""
        head = ["| | precision | recall | F1 | tp | fp | fn |", "|---|---:|---:|---:|---:|---:|---:|"]
        row = lambda name, s: f"| {name} | {s.precision:.3f} | {s.recall:.3f} | {s.f1:.3f} | {s.tp} | {s.fp} | {s.fn} |"  # noqa: E731
        lines = [f"Evaluated {len(self.documents)} annotated article(s).", "", *head]
        lines += [row(n, s) for n, s in self.scores.items()]
        lines += ["", "Relations by type:", "", *head, *(row(p, s) for p, s in self.per_relation.items())]
        if self.per_rule:
            lines += ["", "Rules (for calibration):", "", "| rule | true | predicted | precision |", "|---|---:|---:|---:|"]
            lines += [f"| {r} | {t} | {n} | {t / n if n else 0.0:.3f} |" for r, (t, n) in self.per_rule.items()]
        if self.warnings:
            lines += ["", "Warnings:", *(f"- {w}" for w in self.warnings)]
        return "\n".join(lines)

    def to_json(self) -> dict:
        return {
            "scores": {n: s.to_json() for n, s in self.scores.items()},
            "per_relation": {p: s.to_json() for p, s in self.per_relation.items()},
            "per_rule": {r: {"true": t, "predicted": n} for r, (t, n) in self.per_rule.items()},
            "documents": [
                {"annotation": d.annotation, "document": d.document,
                 "scores": {n: s.to_json() for n, s in d.scores.items()},
                 "mistakes": {k: sorted(v) for k, v in sorted(d.mistakes.items())}}
                for d in self.documents
            ],
            "warnings": list(self.warnings),
        }


def _sum(score_dicts: Iterable[dict[str, Score]], names: Iterable[str] = ()) -> dict[str, Score]:
    total: dict[str, Score] = {n: Score() for n in names}
    for scores in score_dicts:
        for name, s in scores.items():
            total.setdefault(name, Score())
            total[name] += s
    return total


# --- comparing one extraction with one annotation -----------------------------------------------------


def _entity_map(ann: Annotation, extraction: Extraction) -> tuple[dict[str, str], DocumentScore]:
    """Predicted entity key → gold name (matched entities only), and the entity scores.

    A version entity ("Xiaohongxing 2.0") that has no gold entry of its own stands for its program in
    relations and quantities, and is neither credited nor blamed as an entity.
    """
    index = ann.name_index()
    not_entities = {normalise_name(s) for s in ann.not_entities}
    gold_type = {e.name: e.type for e in ann.entities}
    result = DocumentScore(str(ann.path), str(ann.document))
    mapping: dict[str, str] = {}
    unmatched: dict[str, list[str]] = {}
    for key, entity in extraction.entities.items():
        names = [normalise_name(entity.label), *sorted(normalise_name(a) for a in entity.aliases)]
        gold = next((index[n] for n in names if n in index), None)
        if gold is None:
            unmatched[key] = names
        else:
            mapping[key] = gold
    span, typed = result.scores["entities (span only)"], result.scores["entities (with type)"]
    for key, names in unmatched.items():
        entity = extraction.entities[key]
        if entity.version_of in mapping:
            mapping[key] = mapping[entity.version_of]
            continue
        span.fp += 1
        typed.fp += 1
        kind = "not_entity" if not_entities.intersection(names) else "unmatched"
        result.mistakes[f"entities fp ({kind})"].append(entity.label)
    matched, matched_typed = set(), set()
    for key, gold in mapping.items():
        entity = extraction.entities[key]
        if key in unmatched:  # a version standing for its program
            continue
        matched.add(gold)
        if entity.type == gold_type[gold]:
            matched_typed.add(gold)
        else:
            typed.fp += 1
            result.mistakes["entities wrong type"].append(f"{entity.label}: {entity.type}, gold {gold_type[gold]}")
    span.tp, span.fn = len(matched), len(gold_type) - len(matched)
    typed.tp, typed.fn = len(matched_typed), len(gold_type) - len(matched_typed)
    result.mistakes["entities fn"].extend(sorted(set(gold_type) - matched))
    return mapping, result


def _name(key: str, mapping: dict[str, str], extraction: Extraction) -> str:
    if key in mapping:
        return mapping[key]
    entity = extraction.entities.get(key)
    return f"?{entity.label if entity else key}"


def _date_score(score: Score, gold_dates: set[str], predicted_dates: set[str]) -> None:
    """One gold fact: tp when a predicted date equals a gold date (ISO text carries the precision)."""
    if gold_dates and predicted_dates & gold_dates:
        score.tp += 1
    else:
        score.fn += bool(gold_dates)
        score.fp += bool(predicted_dates)


def _quantity_matches(gold: GoldQuantity, about: str, value: float, value_max: float | None, unit: str) -> bool:
    close = lambda a, b: math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-9)  # noqa: E731
    same_max = (gold.value_max is None and value_max is None) or (
        gold.value_max is not None and value_max is not None and close(gold.value_max, value_max))
    return gold.about == about and gold.unit == unit_kind(unit) and close(gold.value, value) and same_max


def score_extraction(ann: Annotation, extraction: Extraction) -> DocumentScore:
    """Compare what was extracted from ``ann.document`` with the annotation."""
    mapping, result = _entity_map(ann, extraction)
    name = lambda key: _name(key, mapping, extraction)  # noqa: E731
    rule_true: Counter = Counter()
    rule_all: Counter = Counter()

    # relations: a set of (s, p, o) keys on each side; acceptable ones are neither right nor wrong
    gold_keys: dict[tuple[str, str, str], set[str]] = defaultdict(set)
    for g in ann.relations:
        gold_keys[g.key] |= {g.date.iso} if g.date else set()
    acceptable = {g.key for g in ann.acceptable}
    predicted: dict[tuple[str, str, str], set[str]] = defaultdict(set)
    for rel in extraction.relations:
        key = relation_key(name(rel.subject), rel.predicate, name(rel.object))
        predicted[key] |= {rel.date.iso} if rel.date else set()
        rule_all[rel.rule] += 1
        rule_true[rel.rule] += key in gold_keys or key in acceptable
    for key in gold_keys.keys() | predicted.keys():
        score = result.per_relation[key[1]]
        label = " ".join(key)
        if key in gold_keys and key in predicted:
            score.tp += 1
            _date_score(result.scores["relation dates"], gold_keys[key], predicted[key])
            if gold_keys[key] and not predicted[key] & gold_keys[key]:
                result.mistakes["relation dates wrong"].append(
                    f"{label}: {sorted(predicted[key]) or 'none'}, gold {sorted(gold_keys[key])}")
        elif key in gold_keys:
            score.fn += 1
            result.mistakes["relations fn"].append(label)
        elif key not in acceptable:
            score.fp += 1
            result.mistakes["relations fp"].append(label)
    for score in result.per_relation.values():
        result.scores["relations"] += score

    # events: one-to-one, a predicted event matches a gold event sharing a participant; pairs on the
    # same date are matched first, so a second event of that day cannot take another day's gold event
    free = list(ann.events)
    unmatched = []
    for same_date_only in (True, False):
        for event in (extraction.events if same_date_only else unmatched):
            who = {name(p.entity) for p in event.participants}
            iso = event.date.iso if event.date else None
            candidates = [g for g in free if who & set(g.who) and (g.date.iso == iso or not same_date_only)]
            if not candidates:
                if same_date_only:
                    unmatched.append(event)
                    continue
                rule_all[event.rule] += 1
                result.scores["events"].fp += 1
                result.mistakes["events fp"].append(f"{event.type} {iso} {sorted(who)}")
                continue
            best = max(candidates, key=lambda g: len(who & set(g.who)))
            free.remove(best)
            rule_all[event.rule] += 1
            rule_true[event.rule] += 1
            result.scores["events"].tp += 1
            _date_score(result.scores["event dates"], {best.date.iso}, {iso} if iso else set())
            if best.date.iso != iso:
                result.mistakes["event dates wrong"].append(f"{best.what}: {iso}, gold {best.date.iso}")
    result.scores["events"].fn += len(free)
    result.mistakes["events fn"].extend(f"{g.date.iso} {g.what}" for g in free)

    # quantities: one-to-one on (about, value, unit kind); acceptable ones are neither right nor wrong
    free_q = list(ann.quantities)
    for q in extraction.quantities:
        about = name(q.about)
        rule_all[q.rule] += 1
        hit = next((g for g in free_q if _quantity_matches(g, about, q.value, q.value_max, q.unit)), None)
        if hit is not None:
            free_q.remove(hit)
            rule_true[q.rule] += 1
            result.scores["quantities"].tp += 1
        elif any(_quantity_matches(g, about, q.value, q.value_max, q.unit) for g in ann.acceptable_quantities):
            rule_true[q.rule] += 1
        else:
            result.scores["quantities"].fp += 1
            result.mistakes["quantities fp"].append(f"{about}: {q.text or q.value} ({q.unit})")
    result.scores["quantities"].fn += len(free_q)
    result.mistakes["quantities fn"].extend(f"{g.about}: {g.value:g} {g.unit} ({g.what})" for g in free_q)

    result.per_rule = {rule: (rule_true[rule], n) for rule, n in sorted(rule_all.items())}
    result.mistakes = defaultdict(list, {k: v for k, v in result.mistakes.items() if v})
    return result


# --- the whole run --------------------------------------------------------------------------------


def evaluate(annotation_paths: Iterable[str | Path], settings: Settings | None = None, nlp: Any = None) -> Report:
    """Extract every annotated article and score it. Directories stand for the *.yaml files in them."""
    from kg.corpus import read_document
    from kg.extract import extract_document

    settings = settings or Settings.load()
    annotations = [load_annotations(p, settings) for p in annotation_files(annotation_paths)]
    if not annotations:
        raise AnnotationError("(no files)", "no annotation files were given", "pass annotation YAML files or a directory of them")
    if nlp is None:
        from kg.nlp import load_pipeline

        nlp = load_pipeline(settings)
    report = Report()
    for ann in annotations:
        report.warnings.extend(ann.warnings)
        report.documents.append(score_extraction(ann, extract_document(read_document(ann.document), nlp)))
    return report


def calibrate(report: Report, path: str | Path = RULE_PRECISION_PATH) -> None:
    """Write each rule's measured (true, predicted) counts for the extractor to use as its confidence."""
    from kg.extract.calibration import write_rule_precision

    write_rule_precision(report.per_rule, Path(path))
