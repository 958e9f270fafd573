"""Dates: read date expressions into plain specs (inside the pipeline) and resolve them against
the discourse and the document's published date (in the parent process, in document order).

A spec is a plain dict so it survives spaCy's multiprocessing:
``{"y": 2018, "m": 6}`` (absolute; ``y`` None = year-less), ``{"rel": "next_year"}``,
``{"rel": "same_year", "m": 7}``, ``{"rel": "this_year"}``, ``{"rel": "last_year"}``,
``{"rel": "anchor"}`` ("at that time"), ``{"rel": "days_later", "n": 7}``, ``{"rel": "months_later", "n": -2}``
("two months earlier"); ``"of_noun": True`` on a year that qualifies a noun ("sales in 2024"), which dates that
noun but sets no anchor for the dates after it. A relative date's year is as inferred as its anchor's.

>>> dates = resolve_all([date_spec("May 7"), date_spec("the following year")], PartialDate(2025, 5))
>>> [(d.iso, d.year_inferred) for d in dates]
[('2025-05-07', True), ('2026', True)]
>>> dates = resolve_all([date_spec("on Tuesday"), date_spec("last month")], PartialDate(2025, 11, 12))  # a Wednesday
>>> [(d.iso, d.year_inferred) for d in dates]
[('2025-11-11', True), ('2025-10', True)]
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from kg.model import PartialDate

MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
MONTHS = {m.lower(): i for i, m in enumerate(MONTH_NAMES, 1)}
MONTHS.update({k[:3]: v for k, v in list(MONTHS.items())})
MONTHS["sept"] = 9
_M = (
    r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?"
    r"|nov(?:ember)?|dec(?:ember)?)\.?"
)
_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "ten": 10}

_PATTERNS: list[tuple[re.Pattern, Callable[[re.Match], dict]]] = [
    (
        re.compile(rf"^{_M} (\d{{1,2}})(?:st|nd|rd|th)?,? (\d{{4}})$"),
        lambda m: {"y": int(m[3]), "m": MONTHS[m[1]], "d": int(m[2])},
    ),
    (re.compile(rf"^(\d{{1,2}}) {_M},? (\d{{4}})$"), lambda m: {"y": int(m[3]), "m": MONTHS[m[2]], "d": int(m[1])}),
    (re.compile(rf"^{_M},? (\d{{4}})$"), lambda m: {"y": int(m[2]), "m": MONTHS[m[1]]}),
    (re.compile(rf"^{_M} (\d{{1,2}})(?:st|nd|rd|th)?$"), lambda m: {"y": None, "m": MONTHS[m[1]], "d": int(m[2])}),
    (re.compile(rf"^(\d{{1,2}}) {_M}$"), lambda m: {"y": None, "m": MONTHS[m[2]], "d": int(m[1])}),
    (
        re.compile(r"^(?:early |mid-?|late |the end of |the beginning of |the start of )?((?:19|20)\d\d)$"),
        lambda m: {"y": int(m[1])},
    ),
    (re.compile(r"^(\d{4})-(\d{2})-(\d{2})$"), lambda m: {"y": int(m[1]), "m": int(m[2]), "d": int(m[3])}),
    (re.compile(rf"^{_M} of (?:the same|that) year$"), lambda m: {"rel": "same_year", "m": MONTHS[m[1]]}),
    (
        re.compile(
            r"^(?:the )?(?:following|next|subsequent) year$|^a year later$|^(?:in )?less than a year$|^within a year$"
        ),
        lambda m: {"rel": "next_year"},
    ),
    (re.compile(r"^(?:the )?same year$|^that year$"), lambda m: {"rel": "anchor_year"}),
    (
        re.compile(r"^(?:early |later |the beginning of |the start of |the end of )?this year$"),
        lambda m: {"rel": "this_year"},
    ),
    (re.compile(r"^last year$|^the previous year$"), lambda m: {"rel": "last_year"}),
    (re.compile(rf"^{_M} (last|this) year$"), lambda m: {"rel": f"{m[2]}_year", "m": MONTHS[m[1]]}),
    (
        re.compile(r"^(last|this|next) month$"),
        lambda m: {"rel": "published_month", "n": {"last": -1, "this": 0, "next": 1}[m[1]]},
    ),
    (
        re.compile(
            r"^(?:last |this |early |late )?(monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
            r"(?: morning| afternoon| evening| night)?$"
        ),
        lambda m: {"rel": "weekday", "w": _WEEKDAYS.index(m[1])},
    ),
    (
        re.compile(r"^(a|an|one|two|three|four|five|six|seven|ten|\d+) months? (later|earlier)$"),
        lambda m: {"rel": "months_later", "n": (_NUMBERS.get(m[1]) or int(m[1])) * (1 if m[2] == "later" else -1)},
    ),
    (
        re.compile(r"^(a|an|one|two|three|four|\d+) (week|day)s? later$"),
        lambda m: {"rel": "days_later", "n": (_NUMBERS.get(m[1]) or int(m[1])) * (7 if m[2] == "week" else 1)},
    ),
    (re.compile(rf"^(?:the )?(?:following|next) {_M}$"), lambda m: {"rel": "following_month", "m": MONTHS[m[1]]}),
    (re.compile(rf"^last {_M}$"), lambda m: {"rel": "last_named_month", "m": MONTHS[m[1]]}),
    (re.compile(rf"^{_M}$"), lambda m: {"rel": "month_only", "m": MONTHS[m[1]]}),
]
#: Discourse cues that mean "the date just mentioned".
ANCHOR_CUES = re.compile(r"^(?:at that time|at the same time|at the time|then|back then)\b", re.I)


def date_spec(text: str) -> dict | None:
    """The spec of one date expression, or None when it is not a point in time ("Today", "15 days")."""
    t = " ".join(text.lower().replace(",", ", ").split()).strip(" ,.")
    t = re.sub(r"^(?:on|in|at|by|since|from|until|as of|during|around|about) ", "", t)
    t = re.sub(r"^the (?=\d)", "", t)
    t = re.sub(
        rf"^(?:early|mid-?|late|the end of|the beginning of|the start of|the middle of) (?={_M}(?: |,|$))", "", t
    )
    for pattern, build in _PATTERNS:
        m = pattern.match(t.replace(" ,", ","))
        if m:
            return build(m)
    return None


#: A year-less date within this many sentences of a day-precise date takes that date's year ("On June 20,
#: 2023 … Wu took over on September 10"); otherwise it takes the published year.
NEAR_SENTENCES = 3


def resolve(
    spec: dict, anchor: PartialDate | None, published: PartialDate | None, near: bool = False
) -> PartialDate | None:
    """One spec against the current discourse anchor and the published date; never invents a day or month."""
    rel = spec.get("rel")
    if rel is None:
        if spec["y"] is not None:
            return PartialDate(spec["y"], spec.get("m"), spec.get("d"))
        if spec.get("tense") == "future" and near and anchor and published is not None and spec.get("m"):
            # ('X, who joined Y in 2012, will take over on June 1': the June 1 after publication)
            year = _month_of_publication_year(spec, published).year
            return PartialDate(year, spec["m"], spec.get("d"), year_inferred=True)
        base = anchor if near and anchor else published or anchor
        return PartialDate(base.year, spec.get("m"), spec.get("d"), year_inferred=True) if base else None
    if rel in ("this_year", "last_year"):  # ('June last year': of that year's June)
        return PartialDate(published.year - (rel == "last_year"), spec.get("m")) if published else None
    if rel == "weekday":  # news convention: the latest such day on or before publication ('said on Tuesday')
        if published is None or published.month is None or published.day is None:
            return None
        day = dt.date(published.year, published.month, published.day)
        day -= dt.timedelta(days=(day.weekday() - spec["w"]) % 7)
        return PartialDate(day.year, day.month, day.day, year_inferred=True)
    if rel == "last_named_month":  # 'last July': the latest July before the month of publication
        if published is None or published.month is None:
            return None
        return PartialDate(published.year - (spec["m"] >= published.month), spec["m"], year_inferred=True)
    if rel == "published_month":
        if published is None or published.month is None:
            return None
        k = published.year * 12 + published.month - 1 + spec["n"]
        return PartialDate(k // 12, k % 12 + 1, year_inferred=True)
    if rel == "month_only" and published is not None and (not (near and anchor) or spec.get("tense") == "future"):
        # (a month of a clause in the future is after publication, whatever past year the sentence named before:
        # 'X, who founded Y in 2012, will step down at the end of March')
        return _month_of_publication_year(spec, published)
    if anchor is None:
        return None
    if rel == "next_year":
        return PartialDate(anchor.year + 1, year_inferred=anchor.year_inferred)
    if rel == "anchor_year":
        return PartialDate(anchor.year, year_inferred=anchor.year_inferred)
    if rel in ("same_year", "month_only"):
        return PartialDate(anchor.year, spec["m"], year_inferred=anchor.year_inferred)
    if rel == "following_month":
        later = anchor.month is not None and spec["m"] <= anchor.month
        return PartialDate(anchor.year + later, spec["m"], year_inferred=anchor.year_inferred)
    if rel == "anchor":
        return anchor
    if rel == "months_later" and anchor.month:
        k = anchor.year * 12 + anchor.month - 1 + spec["n"]
        return PartialDate(k // 12, k % 12 + 1, year_inferred=anchor.year_inferred)
    if rel == "days_later" and anchor.month and anchor.day:
        d = dt.date(anchor.year, anchor.month, anchor.day) + dt.timedelta(days=spec["n"])
        return PartialDate(d.year, d.month, d.day, year_inferred=anchor.year_inferred)
    return None


def _month_of_publication_year(spec: dict, published: PartialDate) -> PartialDate:
    """'in March' with no year near it: the March of the publication's year, or of the year before for a past
    event told after a later month ('raised money in September', published in January), or of the year after for a
    future one told after it ('takes effect in January', published in November)."""
    year, month = published.year, spec["m"]
    if published.month is not None and spec.get("tense") == "past" and month > published.month:
        year -= 1
    elif published.month is not None and spec.get("tense") == "future" and month < published.month:
        year += 1
    return PartialDate(year, month, year_inferred=True)


def resolve_all(
    specs: list[dict | None], published: PartialDate | None, sentences: list[int] | None = None
) -> list[PartialDate | None]:
    """Resolve specs in document order (``sentences``: the sentence index of each), each resolved
    date becoming the anchor of the next."""
    anchor, anchor_sent, out = None, None, []
    for k, spec in enumerate(specs):
        sent = sentences[k] if sentences else None
        # a dated timeline ("On June 20, 2023 … on September 10") or a relative date in the same
        # sentence ("A year later, on March 15") gives the year; otherwise the published year does
        near = anchor is not None and (
            sentences is None  # no sentences given: one timeline
            or (
                anchor_sent is not None
                and sent is not None
                and (sent == anchor_sent or (anchor.day is not None and sent - anchor_sent <= NEAR_SENTENCES))
            )
        )
        date = resolve(spec, anchor, published, near) if spec else None
        # (a year of a noun's phrase, 'sales in 2024', dates that noun, not what the sentence tells after it)
        if date is not None and spec and spec.get("rel") != "this_year" and not spec.get("of_noun"):
            anchor, anchor_sent = date, sent
        out.append(date)
    return out
