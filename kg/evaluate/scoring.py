"""Scoring one extraction against one annotation: entities, relations (and their dates), events (and theirs),
quantities, with the mistakes listed and each rule's (true, predicted) counts for calibration."""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

from kg.evaluate.annotations import Annotation, GoldQuantity, relation_key, unit_kind
from kg.iri import normalise_name
from kg.model import EventRecord, Extraction


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

    def __iadd__(self, other: Score) -> Score:
        self.tp, self.fp, self.fn = self.tp + other.tp, self.fp + other.fp, self.fn + other.fn
        return self

    def to_json(self) -> dict:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


#: Rows of :attr:`Report.scores`, in table order.
SCORE_NAMES = (
    "entities (with type)",
    "entities (span only)",
    "relations",
    "relation dates",
    "events",
    "event dates",
    "quantities",
)


@dataclass
class DocumentScore:
    annotation: str
    document: str
    scores: dict[str, Score] = field(default_factory=lambda: {n: Score() for n in SCORE_NAMES})
    per_relation: dict[str, Score] = field(default_factory=lambda: defaultdict(Score))
    per_rule: dict[str, tuple[int, int]] = field(default_factory=dict)
    mistakes: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))


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
    same_max = (gold.value_max is None and value_max is None) or (
        gold.value_max is not None and value_max is not None and _close(gold.value_max, value_max)
    )
    return gold.about == about and gold.unit == unit_kind(unit) and _close(gold.value, value) and same_max


def _close(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-9)


@dataclass
class _Rules:
    """Per rule: how many of its predictions were right (gold or acceptable), and how many it made."""

    true: Counter = field(default_factory=Counter)
    all: Counter = field(default_factory=Counter)

    def count(self, rule: str, right: bool) -> None:
        self.all[rule] += 1
        self.true[rule] += right


def score_extraction(ann: Annotation, extraction: Extraction) -> DocumentScore:
    """Compare what was extracted from ``ann.document`` with the annotation."""
    mapping, result = _entity_map(ann, extraction)

    def name(key: str) -> str:
        return _name(key, mapping, extraction)

    rules = _Rules()
    _score_relations(ann, extraction, name, result, rules)
    _score_events(ann, extraction, name, result, rules)
    _score_quantities(ann, extraction, name, result, rules)
    result.per_rule = {rule: (rules.true[rule], n) for rule, n in sorted(rules.all.items())}
    result.mistakes = defaultdict(list, {k: v for k, v in result.mistakes.items() if v})
    return result


def _score_relations(
    ann: Annotation, extraction: Extraction, name: Callable[[str], str], result: DocumentScore, rules: _Rules
) -> None:
    """Relations: a set of (s, p, o) keys on each side; acceptable ones are neither right nor wrong."""
    gold_keys: dict[tuple[str, str, str], set[str]] = defaultdict(set)
    for g in ann.relations:
        gold_keys[g.key] |= {g.date.iso} if g.date else set()
    acceptable = {g.key for g in ann.acceptable}
    predicted: dict[tuple[str, str, str], set[str]] = defaultdict(set)
    for rel in extraction.relations:
        key = relation_key(name(rel.subject), rel.predicate, name(rel.object))
        predicted[key] |= {rel.date.iso} if rel.date else set()
        rules.count(rel.rule, key in gold_keys or key in acceptable)
    for key in gold_keys.keys() | predicted.keys():
        score = result.per_relation[key[1]]
        label = " ".join(key)
        if key in gold_keys and key in predicted:
            score.tp += 1
            _date_score(result.scores["relation dates"], gold_keys[key], predicted[key])
            if not predicted[key] & gold_keys[key] and (gold_keys[key] or predicted[key]):
                result.mistakes["relation dates wrong"].append(
                    f"{label}: {sorted(predicted[key]) or 'none'}, gold {sorted(gold_keys[key]) or 'none'}"
                )
        elif key in gold_keys:
            score.fn += 1
            result.mistakes["relations fn"].append(label)
        elif key not in acceptable:
            score.fp += 1
            result.mistakes["relations fp"].append(label)
    for score in result.per_relation.values():
        result.scores["relations"] += score


def _score_events(
    ann: Annotation, extraction: Extraction, name: Callable[[str], str], result: DocumentScore, rules: _Rules
) -> None:
    """Events: one-to-one, a predicted event matches a gold event sharing a participant; pairs on the
    same date are matched first, so a second event of that day cannot take another day's gold event."""
    free = list(ann.events)
    unmatched: list[EventRecord] = []
    for same_date_only in (True, False):
        for event in extraction.events if same_date_only else unmatched:
            who = {name(p.entity) for p in event.participants}
            iso = event.date.iso if event.date else None
            candidates = [g for g in free if who & set(g.who) and (g.date.iso == iso or not same_date_only)]
            if not candidates:
                if same_date_only:
                    unmatched.append(event)
                    continue
                rules.count(event.rule, False)
                result.scores["events"].fp += 1
                result.mistakes["events fp"].append(f"{event.type} {iso} {sorted(who)}")
                continue
            best = max(candidates, key=lambda g: len(who & set(g.who)))
            free.remove(best)
            rules.count(event.rule, True)
            result.scores["events"].tp += 1
            _date_score(result.scores["event dates"], {best.date.iso}, {iso} if iso else set())
            if best.date.iso != iso:
                result.mistakes["event dates wrong"].append(f"{best.what}: {iso}, gold {best.date.iso}")
    result.scores["events"].fn += len(free)
    result.mistakes["events fn"].extend(f"{g.date.iso} {g.what}" for g in free)


def _score_quantities(
    ann: Annotation, extraction: Extraction, name: Callable[[str], str], result: DocumentScore, rules: _Rules
) -> None:
    """Quantities: one-to-one on (about, value, unit kind); acceptable ones are neither right nor wrong."""
    free = list(ann.quantities)
    for q in extraction.quantities:
        about = name(q.about)
        hit = next((g for g in free if _quantity_matches(g, about, q.value, q.value_max, q.unit)), None)
        if hit is not None:
            free.remove(hit)
            rules.count(q.rule, True)
            result.scores["quantities"].tp += 1
        elif any(_quantity_matches(g, about, q.value, q.value_max, q.unit) for g in ann.acceptable_quantities):
            rules.count(q.rule, True)
        else:
            rules.count(q.rule, False)
            result.scores["quantities"].fp += 1
            result.mistakes["quantities fp"].append(f"{about}: {q.text or q.value} ({q.unit})")
    result.scores["quantities"].fn += len(free)
    result.mistakes["quantities fn"].extend(f"{g.about}: {g.value:g} {g.unit} ({g.what})" for g in free)
