"""The review queue: what most needs a researcher's look — facts of low confidence, from a single source or with
conflicting values across reports, and entities that look alike (the same name once titles and company suffixes are
set aside, a pinyin name and its English calque, a name inside another).

Pure functions over what the app keeps per graph version (the statement graph, the claim index, the label index's
entities) and the curations in force: a fact or pair a person has already decided on leaves the queue.

>>> core_name("Chairperson Daniel Zhang"), core_name("Alibaba Group Holding Ltd.")
('daniel zhang', 'alibaba')
>>> e = lambda key, label, t="Organization": EntityRef(key, label, t)
>>> [(p.a.key, p.b.key, p.reason) for p in look_alikes([e("dz", "Daniel Zhang", "Person"),
...     e("cdz", "Chairperson Daniel Zhang", "Person"), e("xhx", "Xiaohongxing", "Program"),
...     e("lrs", "Little Red Star", "Program"), e("a", "Alibaba"), e("ac", "Alibaba Cloud")])]
[('cdz', 'dz', 'same name'), ('lrs', 'xhx', 'pinyin and English')]
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import networkx as nx

from kg.explore.search import fold
from kg.explore.terms import EntityRef
from kg.vocab import SYMMETRIC_RELATIONS

#: Words before a name that are a title, not part of it ("Chairperson Daniel Zhang").
TITLES = frozenset(
    [
        "chairperson",
        "chairman",
        "chairwoman",
        "chair",
        "ceo",
        "president",
        "founder",
        "co-founder",
        "cofounder",
        "mr",
        "mrs",
        "ms",
        "dr",
        "executive",
        "director",
        "the",
    ]
)
#: Words after a company's name that say what kind of company it is ("Alibaba Group Holding Ltd.").
SUFFIXES = frozenset(
    [
        "group",
        "holding",
        "holdings",
        "inc",
        "incorporated",
        "ltd",
        "limited",
        "co",
        "company",
        "corp",
        "corporation",
        "plc",
        "llc",
        "technology",
        "technologies",
    ]
)
#: A word shared by more entities than this is too common to pair names by.
COMMON_WORD = 50

REASONS = ("low confidence", "single source", "conflicting values")


def core_name(label: str) -> str:
    """A name without leading titles and trailing company suffixes, case- and accent-free."""
    words = re.sub(r"[^\w\s-]", " ", fold(label)).split()
    while len(words) > 1 and words[0] in TITLES:
        words.pop(0)
    while len(words) > 1 and words[-1] in SUFFIXES:
        words.pop()
    return " ".join(words)


@dataclass(frozen=True)
class LookAlike:
    a: EntityRef
    b: EntityRef
    reason: str  # "same name" | "pinyin and English" | "name inside another"


def _pair(x: EntityRef, y: EntityRef, reason: str) -> LookAlike:
    a, b = sorted((x, y), key=lambda e: e.key)
    return LookAlike(a, b, reason)


def _compatible(x: EntityRef, y: EntityRef) -> bool:
    return x.type == y.type or "Other" in (x.type, y.type)


def _inside(short: list[str], long: list[str]) -> bool:
    n = len(short)
    return n < len(long) and any(long[i : i + n] == short for i in range(len(long) - n + 1))


def look_alikes(entities: Iterable[EntityRef], apart: Iterable[tuple[str, str]] = ()) -> list[LookAlike]:
    """Pairs of entities that may be one thing, each once with its first reason, by reason then key; pairs in
    ``apart`` (kept apart by a person) are left out. Types must agree (or one be Other)."""
    # here, not at the top: kg.extract loads spaCy (seconds), and every entity page imports this module
    from kg.extract.pinyin import GLOSS, gloss_units, units_gloss

    entities = list(entities)
    kept_apart = {frozenset(p) for p in apart}
    found: dict[frozenset, LookAlike] = {}

    def add(x: EntityRef, y: EntityRef, reason: str) -> None:
        pair = frozenset((x.key, y.key))
        if x.key != y.key and pair not in kept_apart and pair not in found and _compatible(x, y):
            found[pair] = _pair(x, y, reason)

    by_core: dict[str, list[EntityRef]] = defaultdict(list)
    words_of: dict[str, list[str]] = {}
    by_word: dict[str, list[EntityRef]] = defaultdict(list)
    by_length: dict[int, list[EntityRef]] = defaultdict(list)
    for e in entities:
        core = core_name(e.label)
        by_core[core].append(e)
        words_of[e.key] = core.split()
        for w in set(words_of[e.key]):
            by_word[w].append(e)
        by_length[len(words_of[e.key])].append(e)
    for group in by_core.values():
        for i, x in enumerate(group):
            for y in group[i + 1 :]:
                add(x, y, "same name")
    for e in entities:  # a pinyin name and the English words its syllables gloss
        units = gloss_units(e.label)
        if len(units) >= 2 and sum(u in GLOSS for u in units) >= 2:
            for other in by_length.get(len(units), ()):
                if units_gloss(units, words_of[other.key]):
                    add(e, other, "pinyin and English")
    for e in entities:  # a name of two words or more inside a longer one
        words = words_of[e.key]
        if len(words) < 2:
            continue
        rarest = min(words, key=lambda w: len(by_word[w]))
        if len(by_word[rarest]) > COMMON_WORD:
            continue
        for other in by_word[rarest]:
            if _inside(words, words_of[other.key]):
                add(e, other, "name inside another")
    order = {"same name": 0, "pinyin and English": 1, "name inside another": 2}
    return sorted(found.values(), key=lambda p: (order[p.reason], p.a.key, p.b.key))


@dataclass(frozen=True)
class FactToReview:
    subject: str  # entity key
    predicate: str
    object: str
    confidence: float  # the best of its reports
    statements: int
    documents: int | None  # from the claim index, when given
    sources: tuple[str, ...]
    conflicts: tuple[str, ...]
    reasons: tuple[str, ...]  # of REASONS

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.subject, self.predicate, self.object)


def _fact_key(s: str, p: str, o: str) -> tuple[str, str, str]:
    return (o, p, s) if p in SYMMETRIC_RELATIONS and o < s else (s, p, o)


def facts_to_review(
    statements: nx.MultiDiGraph,
    claims: Mapping[tuple[str, str, str], object] | None = None,
    *,
    threshold: float = 0.7,
    decided: Iterable[tuple[str, str, str]] = (),
) -> list[FactToReview]:
    """The article facts (not the KB's) that are of low confidence (best report below ``threshold``), from a single
    source or conflicting, each with its reasons: conflicting first, then the least confident. ``claims`` is the claim
    index's claims by (subject, predicate, object) (:mod:`kg.explore.claims`); without it, sources are not judged.
    Facts in ``decided`` (confirmed, rejected or added by a person) are left out."""
    done = {_fact_key(*k) for k in decided}
    best: dict[tuple[str, str, str], float] = {}
    count: dict[tuple[str, str, str], int] = defaultdict(int)
    for s, o, st in statements.edges(data=True):
        if st["kb"]:
            continue
        key = _fact_key(s, st["relation"], o)
        if key in done:
            continue
        best[key] = max(best.get(key, 0.0), st["confidence"] or 0.0)
        count[key] += 1
    out = []
    for key, confidence in best.items():
        n = count[key]
        claim = claims.get(key) if claims is not None else None
        sources = tuple(getattr(claim, "sources", ()))
        conflicts = tuple(getattr(claim, "conflicts", ()))
        reasons = tuple(
            r
            for r, yes in zip(
                REASONS, (confidence < threshold, claim is not None and len(sources) == 1, bool(conflicts)), strict=True
            )
            if yes
        )
        if reasons:
            out.append(
                FactToReview(
                    *key,
                    confidence=confidence,
                    statements=n,
                    documents=getattr(claim, "documents", None),
                    sources=sources,
                    conflicts=conflicts,
                    reasons=reasons,
                )
            )
    return sorted(out, key=lambda f: (not f.conflicts, f.confidence, len(f.sources), f.key))


def review_counts(facts: Iterable[FactToReview], pairs: Iterable[LookAlike]) -> dict[str, int]:
    """How many facts need a look for each reason, and how many look-alike pairs."""
    counts = dict.fromkeys(REASONS, 0)
    for f in facts:
        for r in f.reasons:
            counts[r] += 1
    counts["look-alike entities"] = sum(1 for _ in pairs)
    return counts


def document_titles(reader) -> list[tuple[str, str]]:
    """(id, title) of every document, by title: what a citation can choose from."""
    return sorted(((d.id, d.title or d.id) for d in reader.documents()), key=lambda d: (d[1].casefold(), d[0]))
