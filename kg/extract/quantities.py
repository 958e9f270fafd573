"""Quantities: money, percentages (and ranges) and counts, attached to what they measure.

Found by regular expressions over each sentence (linear), attached through the parse: the noun
phrase they measure gives the attribute, its possessor or the clause subject gives the entity.

>>> parse_number("300 million"), parse_number("1.2 billion"), parse_number("70")
(300000000.0, 1200000000.0, 70.0)
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Span, Token

from kg.extract import lexicon as lx
from kg.extract.relations import Arg, Context, cue, governing_verb

_SCALE = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "k": 1e3, "m": 1e6, "bn": 1e9}
_NUM = r"\d+(?:[.,]\d+)*"
_PERCENT = re.compile(rf"({_NUM})\s*%(?:\s*(?:-|–|to)\s*({_NUM})\s*%)?|({_NUM})\s*(?:-|–|to)\s*({_NUM})\s*%")
_MONEY = re.compile(
    rf"(?:(US\$|\$|¥|￥|RMB|CNY|USD|HK\$)\s?)?({_NUM}(?:\s+(?:thousand|million|billion|trillion))?)\s*"
    rf"(yuan|RMB|CNY|US dollars|dollars|USD|HK dollars)?",
    re.I,
)
_COUNT = re.compile(rf"({_NUM}(?:\s+(?:thousand|million|billion))?)\s+((?:[a-z-]+\s+){{0,3}}?([a-z]+s))\b")
_UNITS = {
    "us$": "USD",
    "$": "USD",
    "usd": "USD",
    "us dollars": "USD",
    "dollars": "USD",
    "¥": "CNY",
    "￥": "CNY",
    "rmb": "CNY",
    "cny": "CNY",
    "yuan": "CNY",
    "hk$": "HKD",
    "hk dollars": "HKD",
}


#: The attribute an amount measures when it is the object of a verb.
_NOMINAL = {
    "invest": "investment",
    "raise": "funds raised",
    "pay": "payment",
    "fine": "fine",
    "value": "valuation",
    "generate": "sales",
    "spend": "spending",
    "earn": "earnings",
    "receive": "funds received",
}


def parse_number(text: str) -> float:
    parts = text.lower().replace(",", "").split()
    value = float(parts[0])
    return value * _SCALE.get(parts[1], 1) if len(parts) > 1 else value


def find(text: str, base: int = 0) -> Iterator[dict]:
    """Raw quantities of one sentence's ``text``: value, unit, text and character offsets (in the
    document, where the sentence starts at ``base``)."""
    taken: list[tuple[int, int]] = []
    for m in _PERCENT.finditer(text):
        lo = m[1] or m[3]
        hi = m[2] or m[4]
        taken.append((m.start(), m.end()))
        yield {
            "value": parse_number(lo),
            "value_max": parse_number(hi) if hi else None,
            "unit": "percent",
            "text": m[0],
            "start": base + m.start(),
            "end": base + m.end(),
        }
    for m in _MONEY.finditer(text):
        if not (m[1] or m[3]) or any(a <= m.start() < b for a, b in taken):
            continue
        taken.append((m.start(), m.end()))
        unit = _UNITS[(m[1] or m[3]).lower()]
        yield {
            "value": parse_number(m[2]),
            "value_max": None,
            "unit": unit,
            "text": m[0].strip(),
            "start": base + m.start(),
            "end": base + m.start() + len(m[0].rstrip()),
        }
    for m in _COUNT.finditer(text):
        noun = m[3][:-1]
        if noun not in lx.COUNT_NOUNS or any(a <= m.start() < b for a, b in taken):
            continue
        yield {
            "value": parse_number(m[1]),
            "value_max": None,
            "unit": m[3],
            "attribute": m[2].strip(),
            "text": m[0],
            "start": base + m.start(),
            "end": base + m.end(),
        }


def _phrase(tok: Token, ctx: Context, quantity: Span) -> str:
    """The measured noun phrase ("return of note data") without determiners, possessors, entity
    names or the quantity itself."""
    skip = set(range(quantity.start, quantity.end))
    for c in tok.rights:  # a right-hand 'of' phrase that holds the quantity is not the attribute
        if c.dep_ == "prep" and any(t.i in skip for t in c.subtree):
            skip.update(t.i for t in c.subtree)
    words = [
        t
        for t in tok.subtree
        if t.i not in skip
        and t.dep_ not in ("det", "poss", "case", "punct")
        and ctx.tok_mention[t.i] is None
        and not t.like_num
    ]
    while words and words[-1].pos_ == "ADP":  # 'stake in <name>' -> 'stake'
        words.pop()
    return " ".join(t.text for t in words).strip()


def attach(ctx: Context, q: dict) -> tuple[Arg, str, int] | None:
    """(entity measured, attribute, token of the governing word) of one raw quantity."""
    span = ctx.doc.char_span(q["start"], q["end"], alignment_mode="expand")
    if span is None:
        return None
    attribute = q.get("attribute", "")
    measured = _measured(span)
    if measured is not None and not attribute:
        attribute = _phrase(measured, ctx, span)
    price = measured is None and span.root.dep_ == "pobj" and span.root.head.lower_ == "for" and q["unit"].isupper()
    if price and not attribute:
        attribute = "price"  # 'bought X for about 77 million dollars'
    about = _modifier_entity(ctx, measured) if measured is not None else None
    gov = governing_verb(span[-1].head)
    if measured is not None and measured.i == span.root.i and not q.get("attribute"):
        # 'X invested 317 million dollars in Y': the amount of the act, about its 'in' object
        verb = cue(gov, _NOMINAL)
        attribute = _NOMINAL[verb] if verb else gov.lemma_.lower()
        about = _object_of_act(ctx, gov, span) or about
    if (about is None and measured is not None and measured.i == span.root.i) or (
        span.root.dep_ == "pobj" and span.root.head.lower_ == "for"
    ):
        about = _other_object(ctx, gov, span, price)
    if about is None:
        about = _agent(ctx, gov)
    if about is None:
        about = _nearest_in_sentence(ctx, span)
    if about is None or not attribute:
        return None
    return about, attribute, gov.i


def _measured(span: Span) -> Token | None:
    """What the figure measures: "70% of X's revenue", "financing of 300 million yuan", "ratio to 50%",
    "300 million users"."""
    measured = None
    for c in span[-1].children:
        if c.dep_ == "prep" and c.lower_ == "of":
            measured = next((p for p in c.children if p.dep_ == "pobj"), None)
    if measured is not None:
        return measured
    root = span.root
    h = root.head if root.head.i not in range(span.start, span.end) else root
    if h.dep_ == "prep" and h.lower_ == "of" and h.head.pos_ in ("NOUN", "PROPN"):
        return h.head
    if h.dep_ == "prep" and h.lower_ in ("to", "by", "at"):
        return next((c for c in h.head.children if c.dep_ in ("dobj", "nsubj", "nsubjpass") and c.pos_ == "NOUN"), None)
    if root.dep_ == "dobj":
        return root
    if root.dep_ in ("compound", "nummod", "amod") and root.head.pos_ == "NOUN":
        return root.head  # "100% return of note data"
    return None


def _modifier_entity(ctx: Context, measured: Token) -> Arg | None:
    """The entity named in the measured noun's own modifiers ("Alibaba's revenue"), not a trailing 'in X'."""
    for t in (t for t in measured.subtree if t.i < measured.i):
        found = ctx.expand(t) if t.dep_ == "poss" else [ctx.ent(t)] if t.dep_ in ("compound", "nmod") else []
        if found and found[0] is not None:
            return found[0]
    return None


def _object_of_act(ctx: Context, gov: Token, span: Span) -> Arg | None:
    """The 'in' object of the verb after the figure ('invested 317 million dollars in Y')."""
    return next(
        (
            a
            for c in gov.children
            if c.dep_ == "prep" and c.lower_ in ("in", "into") and c.i >= span.end
            for p in c.children
            if p.dep_ == "pobj"
            for a in ctx.expand(p)
        ),
        None,
    )


def _other_object(ctx: Context, gov: Token, span: Span, price: bool) -> Arg | None:
    """The verb's other object: 'fined Meituan 3.44 billion yuan', 'sold X to Y for 76.6 million yuan';
    for a price, what the stake bought is in: 'bought a controlling stake in X for …'."""
    about = next(
        (a for c in gov.children if c.dep_ in ("dobj", "dative") and c.i != span.root.i for a in ctx.expand(c)),
        None,
    )
    if about is None and price:
        about = next(
            (
                a
                for c in gov.children
                if c.dep_ == "dobj"
                for pr in c.children
                if pr.dep_ == "prep" and pr.lower_ in ("in", "of")
                for p in pr.children
                if p.dep_ == "pobj"
                for a in ctx.expand(p)
            ),
            None,
        )
    return about


def _agent(ctx: Context, gov: Token) -> Arg | None:
    """The verb's subject, or its patient when passive: 'X was fined 2.99 billion yuan'."""
    subj = ctx.subjects(gov)
    if not subj and ctx.is_passive(gov):
        subj = [a for c in gov.children if c.dep_ == "nsubjpass" for a in ctx.expand(c)]
    return next((a for a in subj if a.type in ("Organization", "Program", "Person")), None)


def _nearest_in_sentence(ctx: Context, span: Span) -> Arg | None:
    """The organization or program mention of the sentence nearest the figure."""
    best = None
    for t in span.sent:
        a = ctx.ent(t) if ctx.tok_mention[t.i] else None
        if a and a.type in ("Organization", "Program") and (best is None or abs(t.i - span.start) < best[0]):
            best = (abs(t.i - span.start), a)
    return best[1] if best else None
