"""Stock tickers in brackets are data about a listing, never entities: "Alibaba (NYSE: BABA; HKEX: 9988)",
"Tencent Holdings (0700.HK)", "Meituan shares (HKEX: 3690)".

:func:`find_tickers` reads them from the text; the mention finder drops any name inside a ticker's code,
and the ``listed_on.ticker`` rule links the company named just before the bracket to each exchange named
inside it (when the exchange is an entity: the knowledge base knows exchanges by their codes).

>>> text = "Alibaba (NYSE: BABA; HKEX: 9988) rose."
>>> [(t.codes, [text[s:e] for s, e in t.exchanges]) for t in find_tickers(text)]
[(['BABA', '9988'], ['NYSE', 'HKEX'])]
>>> text = "Dashenlin (大参林, SSE: 603233) and Yixintang (一心堂；SZSE: 002727) rose."
>>> [(t.codes, [text[s:e] for s, e in t.exchanges]) for t in find_tickers(text)]
[(['603233'], ['SSE']), (['002727'], ['SZSE'])]
>>> find_tickers("a photo (Photo: AFP) and a range (2024: 30%)")
[]
>>> text = "Seera (Tadawul: 1810) fell."
>>> [(t.codes, [text[s:e] for s, e in t.exchanges]) for t in find_tickers(text)]
[(['1810'], ['Tadawul'])]
>>> text = "Prosus (Euronext Amsterdam: PRX) and LVMH (Euronext Paris: MC) rose."
>>> [(t.codes, [text[s:e] for s, e in t.exchanges]) for t in find_tickers(text)]
[(['PRX'], ['Euronext Amsterdam']), (['MC'], ['Euronext Paris'])]

Square brackets as wire services print them, with their exchange suffixes or a bare code ("a bare code" only in
square brackets: "(SAMR)" after a name defines its short form):

>>> [t.codes for t in find_tickers("Alibaba [BABA.N; 9988.HK] and Coupang [CPNG] rose; LY Corp [4689.T] fell.")]
[['BABA.N', '9988.HK'], ['CPNG'], ['4689.T']]
>>> find_tickers("the State Administration for Market Regulation (SAMR) and the U.S. [sic]")
[]
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# An exchange code in capitals ("NYSE", "HKEX", "SZSE") or "Nasdaq" as papers print it, with a code of capitals,
# digits and dots; an exchange's name in title case before a number ("Tadawul: 1810", "Xetra: 0700"; not
# "Photo: AFP"); a number with an exchange suffix ("0700.HK", "600519.SS"); or a wire service's letters with
# one ("BABA.N", "BIDU.O", "GOTO.JK": only the suffixes exchanges use, so "U.S" is none).
_SUFFIX = r"(?:N|O|OQ|HK|T|JK|KS|KQ|SS|SZ|L|DE|PA|AS|SI|BK|NS|BO|TW|AX|TO|SA)"
_SUFFIXED = rf"(?:\d{{3,6}}\.[A-Z]{{1,2}}|[A-Z]{{1,5}}\.{_SUFFIX})\b"
# An exchange's name of two title-case words may stand before a code in capitals ("Euronext Amsterdam: PRX"; one
# word is too little to tell it from a caption: "Photo: AFP").
_TWO_WORDS = r"[A-Z][a-z]{2,9} [A-Z][a-z]{2,9}"
_ONE = (
    rf"(?:(?:[A-Z]{{2,6}}|Nasdaq)\s*:\s*[A-Z0-9][A-Z0-9.\-]{{0,9}}|[A-Z][a-z]{{3,9}}\s*:\s*\d{{3,6}}\b"
    rf"|{_TWO_WORDS}\s*:\s*[A-Z]{{2,5}}\b|{_SUFFIXED})"
)
# a wire service's bare code may stand in a list beside a marked one ("[BILI; 9626.HK]", "(9988.HK; BABA)")
_BARE = r"[A-Z]{2,5}\b"
_ITEM = rf"(?:{_ONE}|{_BARE})"
_LIST = rf"{_ITEM}(?:\s*[;,/]\s*{_ITEM})*"
# a name's native form may open the bracket, set off by a comma ("Dashenlin (大参林, SSE: 603233)", "Toyota
# (トヨタ自動車, TSE: 7203)")
_NATIVE_CHARS = r"\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff"  # kana, CJK ideographs, hangul
#: A name's native form: "大参林", "トヨタ自動車", "무신사".
NATIVE_NAME = rf"[{_NATIVE_CHARS}][{_NATIVE_CHARS}·・ ]*"
_NATIVE = rf"{NATIVE_NAME}\s*[,，;；]\s*"
_BRACKET = re.compile(rf"\((?:\s*{_NATIVE})?\s*(?P<round>{_LIST})\s*\)|\[\s*(?P<square>{_LIST})\s*\]")
_ITEMS = re.compile(rf"(?P<one>{_ONE})|(?P<bare>{_BARE})")
# a bare code in round brackets is a ticker only after "listed": "the Nasdaq-listed (CPNG) market leader"; else an
# acronym ("the State Administration for Market Regulation (SAMR)")
_LISTED_BEFORE = re.compile(r"listed\s*$")
_PART = re.compile(
    r"(?P<exchange>[A-Z]{2,6}|Nasdaq)\s*:\s*(?P<code>[A-Z0-9][A-Z0-9.\-]{0,9})"
    rf"|(?P<named>[A-Z][a-z]{{3,9}})\s*:\s*(?P<named_code>\d{{3,6}})\b"
    rf"|(?P<two_words>{_TWO_WORDS})\s*:\s*(?P<two_words_code>[A-Z]{{2,5}})\b|(?P<number>{_SUFFIXED})"
)

#: _PART's groups of an exchange, each with the group of its listing code.
_CODE_GROUPS = {"exchange": "code", "named": "named_code", "two_words": "two_words_code"}


@dataclass(frozen=True)
class Ticker:
    """One bracket of tickers: its character span, each exchange code's span, each listing code."""

    start: int  # the "(" or "["
    end: int  # after the ")"
    exchanges: tuple[tuple[int, int], ...]
    code_spans: tuple[tuple[int, int], ...]
    codes: list[str]


def find_tickers(text: str) -> list[Ticker]:
    out = []
    for m in _BRACKET.finditer(text):
        exchanges, code_spans, codes = [], [], []
        exchanges_in_capitals = False
        inside = "round" if m["round"] is not None else "square"
        items = list(_ITEMS.finditer(text, m.start(inside), m.end(inside)))
        if not any(i["one"] for i in items) and not (
            inside == "square" or (len(items) == 1 and _LISTED_BEFORE.search(text, max(0, m.start() - 40), m.start()))
        ):
            continue  # '(SAMR)', '(SAMR, CAC)': acronyms; '[CPNG]', 'Nasdaq-listed (CPNG)': codes
        for item in items:
            if item["bare"]:
                code_spans.append(item.span())
                codes.append(item["bare"])
                continue
            part = _PART.fullmatch(text, *item.span())
            assert part is not None  # an item that is no bare code is one listing (_ONE)
            exchanges_in_capitals = exchanges_in_capitals or part["exchange"] is not None
            if kind := next((k for k in _CODE_GROUPS if part[k]), None):
                code = _CODE_GROUPS[kind]
                exchanges.append(part.span(kind))
                code_spans.append(part.span(code))
                codes.append(part[code])
            else:
                code_spans.append(part.span("number"))
                codes.append(part["number"])
        # a year after a title-case word is a citation ('(Source: 2024)'); after an exchange's code in capitals it
        # is a listing code, as many in Hong Kong and Tokyo are ('Prada (HKEX: 1913)', 'Anta (HKEX: 2020)')
        if codes and (
            exchanges_in_capitals or not all(c.isdigit() and len(c) == 4 and 1900 <= int(c) <= 2100 for c in codes)
        ):
            out.append(Ticker(m.start(), m.end(), tuple(exchanges), tuple(code_spans), codes))
    return out


_LISTING_CODE = re.compile(_SUFFIXED)


def is_listing_code(name: str) -> bool:
    """Whether a name is a listing code with its exchange's suffix, however it stands (no entity, bracket or not).

    >>> [is_listing_code(n) for n in ("9626.HK", "BABA.N", "Trip.com", "U.S", "JD.com")]
    [True, True, False, False, False]
    """
    return _LISTING_CODE.fullmatch(name) is not None


def in_code(tickers: list[Ticker], start: int, end: int) -> bool:
    """Whether the characters [start, end) overlap a listing code (not an exchange) of any ticker."""
    return any(s < end and start < e for t in tickers for s, e in t.code_spans)
