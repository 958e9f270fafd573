"""Literal glosses of common pinyin syllables, to tell that an English calque names the same thing.

Chinese brand and program names are often given in pinyin and, elsewhere in the same article, as a
word-for-word translation. Syllables map to sets of English words; a name in pinyin matches an
English name when the syllables, in order, gloss its words (words the English name shares
verbatim, such as "Chain" in "Xiaohong Chain", match themselves).

>>> units = gloss_units("Xiaohongxing")
>>> units
['xiao', 'hong', 'xing']
>>> units_gloss(units, ["little", "red", "star"]), units_gloss(units, ["little", "red", "book"])
(True, False)
"""

from __future__ import annotations

import re
from functools import lru_cache

GLOSS = {
    "xiao": {"little", "small", "mini"},
    "da": {"big", "great", "large"},
    "hong": {"red", "rainbow"},
    "xing": {"star", "action"},
    "meng": {"alliance", "league", "union", "dream"},
    "lian": {"chain", "link", "alliance"},
    "mao": {"cat"},
    "shu": {"book", "tree", "number"},
    "lv": {"green"},
    "lu": {"green", "road", "deer"},
    "zhou": {"oasis", "continent", "island"},
    "bai": {"white", "hundred"},
    "hei": {"black"},
    "lan": {"blue"},
    "huang": {"yellow"},
    "jin": {"gold", "golden"},
    "yin": {"silver"},
    "tian": {"sky", "heaven", "day", "field"},
    "long": {"dragon"},
    "feng": {"wind", "phoenix", "bee", "peak"},
    "yun": {"cloud"},
    "shan": {"mountain"},
    "hai": {"sea", "ocean"},
    "xin": {"new", "heart", "star"},
    "hua": {"flower", "china"},
    "shou": {"hand", "head", "first"},
    "dian": {"shop", "store", "point"},
    "fu": {"welfare", "fortune", "blessing"},
    "li": {"benefit", "power"},
    "she": {"society", "club", "community"},
    "jia": {"home", "family", "plus"},
    "hao": {"good", "number"},
    "yuan": {"garden", "source", "yuan"},
    "men": {"gate", "door"},
    "kou": {"mouth", "port"},
    "lang": {"wave"},
    "niu": {"cow", "ox"},
    "ma": {"horse", "mom"},
    "yu": {"fish", "rain", "jade"},
    "mi": {"rice", "honey"},
    "guo": {"fruit", "country"},
    "cai": {"vegetable"},
    "niao": {"bird"},
    "ying": {"eagle", "shadow"},
    "jie": {"street", "festival"},
    "shi": {"city", "market", "world"},
    "chang": {"field", "long"},
    "ji": {"plan", "machine", "chicken"},
}
_SYLLABLES = sorted(GLOSS, key=len, reverse=True)


@lru_cache(maxsize=4096)
def syllables(word: str) -> tuple[str, ...] | None:
    """Split a pinyin word into glossed syllables (longest first), or None if it does not split."""
    word = word.lower()
    if not word:
        return ()
    for s in _SYLLABLES:
        if word.startswith(s):
            rest = syllables(word[len(s) :])
            if rest is not None:
                return (s, *rest)
    return None


def gloss_units(pinyin_name: str) -> list[str]:
    """The pinyin name's glossed syllables, a word that does not split kept whole (lower case)."""
    units: list[str] = []
    for word in pinyin_name.split():
        syl = syllables(word)
        if syl is None or (len(syl) < 2 and not units):
            units.append(word.lower())
        else:
            units.extend(syl)
    return units


def units_gloss(units: list[str], words: list[str]) -> bool:
    """True if ``units`` (:func:`gloss_units`) gloss the lower-case ``words`` one to one, in order."""
    if len(units) != len(words) or len(units) < 2:
        return False
    glossed = 0
    for u, w in zip(units, words, strict=True):
        if u == w:
            continue
        if u in GLOSS and w in GLOSS[u]:
            glossed += 1
            continue
        return False
    return glossed >= 2


# Mandarin syllables as written in pinyin without tones: an initial and a final that combine (j, q and x only before
# i or ü; g, k, h and the sibilants never before i), or a bare a-, o- or e- final, which opens a word (inside one
# pinyin writes an apostrophe first: 'Xi'an').
_I_FINALS = ("iang", "iong", "iao", "ian", "ing", "ia", "ie", "in", "iu")
_FINALS = [
    "uang",
    "ueng",
    "ang",
    "eng",
    "ong",
    "uai",
    "uan",
    "ai",
    "ei",
    "ao",
    "ou",
    "an",
    "en",
    "er",
    "un",
    "ua",
    "uo",
    "ui",
    "ue",
    "a",
    "o",
    "e",
    "i",
    "u",
]
_BARE = "|".join(("ang", "eng", "ai", "ei", "ao", "ou", "an", "en", "er", "a", "o", "e"))
_COMBINED = "|".join(
    [f"[bpmdtnl](?:{'|'.join(_I_FINALS)})", f"[jqxy](?:{'|'.join(_I_FINALS)}|uan|ue|un|u|i)"]
    + [f"(?:zh|ch|sh|[bpmfdtnlgkhrzcsyw])(?:{'|'.join(_FINALS)})"]
)
_PINYIN_WORD = re.compile(f"(?:{_BARE})?(?:{_COMBINED})*|(?:{_COMBINED})+")
_PINYIN_SYLLABLE = re.compile(f"^(?:{_BARE})|{_COMBINED}")


def pinyin_syllables(word: str) -> int:
    """How many Mandarin syllables a word written in pinyin spells (0 when it is no such word).

    >>> pinyin_syllables("Jingdou"), pinyin_syllables("Wanda"), pinyin_syllables("Cloud"), pinyin_syllables("Lei")
    (2, 2, 0, 1)
    """
    low = word.lower()
    if not low.isalpha() or _PINYIN_WORD.fullmatch(low) is None:
        return 0
    return len(_PINYIN_SYLLABLE.findall(low))
