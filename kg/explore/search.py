"""The search box: an in-memory index of every entity label and alias, built once per graph version.

Matching is case- and accent-insensitive and by prefix, of the whole name or of any word in it;
a CJK name matches by prefix too, and by its pinyin (pypinyin, tones dropped: "xiaohongshu",
"xiao hong" find 小红书). A query in Hanzi or in pinyin syllables is also read word for word through
the glosses of :mod:`kg.extract.pinyin` ("红猫" and "hongmao" as "red cat"), so a program named in
English is found from its Chinese name when the graph has only the English one. Exact names rank
first, then whole-name prefixes, then word prefixes, then pinyin, then glossed readings; ties go
to the shorter name. Each hit says why it matched (:attr:`Hit.why`).

>>> index = LabelIndex([EntityRef("xiaohongshu", "Xiaohongshu", "Organization"),
...                     EntityRef("rcp", "Red Cat Plan", "Program")],
...                    {"xiaohongshu": ["RedNote", "小红书", "Little Red Book"]})
>>> [(hit.entity.label, hit.why) for hit in index.search("rednote")]
[('Xiaohongshu', 'alias RedNote')]
>>> index.search("小红")[0].matched, index.search("red b")[0].matched
('小红书', 'Little Red Book')
>>> index.search("RÉD")[0].matched
'RedNote'
>>> [(hit.entity.label, hit.why) for hit in index.search("xiao hong")]
[('Xiaohongshu', 'pinyin of 小红书')]
>>> [(hit.entity.label, hit.why) for hit in index.search("红猫")]
[('Red Cat Plan', '红猫 read as “red cat”')]
>>> index.search("nothing")
[]
"""

from __future__ import annotations

import bisect
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache

from kg.explore.terms import PREFIXES, EntityRef, coarse_type, entity_key
from kg.vocab import ENTITY_TYPES


def fold(text: str) -> str:
    """Case- and accent-free form of a name (NFKD, marks dropped, case-folded, single spaces).

    >>> fold("  Café  Ōsaka ")
    'cafe osaka'
    """
    if text.isascii():  # most names: NFKD/NFKC change no ASCII character and none is a combining mark
        return " ".join(text.casefold().split())
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(unicodedata.normalize("NFKC", stripped).casefold().split())


@dataclass(frozen=True)
class Hit:
    entity: EntityRef
    matched: str  # the label or alias that matched
    why: str = ""  # how it matched, for a suggestion's hint: "", "alias RedNote", "pinyin of 小红书", …


def has_hanzi(text: str) -> bool:
    """Does the text hold a Chinese character (CJK Unified Ideographs, with extension A)?

    >>> has_hanzi("小红书 app"), has_hanzi("Xiaohongshu")
    (True, False)
    """
    return any("\u4e00" <= c <= "\u9fff" or "\u3400" <= c <= "\u4dbf" for c in text)


@lru_cache(maxsize=65536)
def pinyin_syllables(text: str) -> tuple[str, ...]:
    """The toneless pinyin of a name's Chinese characters, one syllable each (other characters dropped).
    Kept per name: pypinyin takes ~0.25 ms a name, and each graph version's index reads the same names again.

    >>> pinyin_syllables("小红书")
    ('xiao', 'hong', 'shu')
    """
    from pypinyin import lazy_pinyin  # its dictionaries take ~0.6 s to load: only for a graph with Chinese names

    return tuple(s for s in lazy_pinyin(text) if s.isascii() and s.isalpha())


#: Readings of a glossed query tried at most (each syllable has up to 4 English glosses).
_MAX_READINGS = 64
#: Ranks after the name itself (0) and its words (1).
_PINYIN, _GLOSSED = 2, 3


_Key = tuple[str, int, str, str]  # (folded, rank, name, entity key)


class LabelIndex:
    """Sorted folded names (each name and each of its word suffixes) for prefix search by bisection, and the
    pinyin of the Chinese names, sorted apart at the first search (pypinyin costs ~0.6 s to load and ~0.25 ms a
    name: paid by the first keystroke, not by the first view of a graph version)."""

    def __init__(self, entities: Iterable[EntityRef], aliases: Mapping[str, Iterable[str]]):
        self.entities = {e.key: e for e in entities}
        keys: list[_Key] = []
        self._hanzi: list[tuple[str, str]] = []  # (name, entity key) of the names written in Chinese
        for key, entity in self.entities.items():
            for name in {entity.label, *aliases.get(key, ())}:
                folded = fold(name)
                if not folded:
                    continue
                keys.append((folded, 0, name, key))
                words = folded.split(" ")
                for i in range(1, len(words)):
                    keys.append((" ".join(words[i:]), 1, name, key))
                if has_hanzi(name):
                    self._hanzi.append((name, key))
        keys.sort()
        self._names = (keys, [k[0] for k in keys])
        self._pinyin: tuple[list[_Key], list[str]] | None = None

    def _sorted(self, pinyin: bool) -> tuple[tuple[list[_Key], list[str]], ...]:
        """The sorted keys and their folded forms: the names', and with ``pinyin`` the pinyin's (built at the first
        such call)."""
        if not pinyin:
            return (self._names,)
        if self._pinyin is None:
            keys = sorted(
                (form, _PINYIN, name, key)
                for name, key in self._hanzi
                if (syl := pinyin_syllables(name))
                for form in ("".join(syl), " ".join(syl))
            )
            self._pinyin = (keys, [k[0] for k in keys])
        return self._names, self._pinyin

    def _why(self, key: str, name: str, rank: int) -> str:
        if rank == _PINYIN:
            return f"pinyin of {name}"
        if name == self.entities[key].label:
            return ""
        return f"{'Chinese name' if has_hanzi(name) else 'alias'} {name}"

    def _prefix(
        self, query: str, best: dict[str, tuple[tuple, Hit]], rank_floor: int = 0, why: str = "", pinyin: bool = False
    ) -> None:
        """Every name (and with ``pinyin`` every pinyin of a Chinese name) starting with the folded ``query`` into
        ``best`` (entity key -> its best (score, hit))."""
        for keys, folded_keys in self._sorted(pinyin):
            for folded, rank, name, key in keys[bisect.bisect_left(folded_keys, query) :]:
                if not folded.startswith(query):
                    break
                rank = max(rank, rank_floor)
                score = (0 if folded == query and rank == 0 else 1 + rank, len(name), name)
                if key not in best or score < best[key][0]:
                    best[key] = (score, Hit(self.entities[key], name, why or self._why(key, name, rank)))

    def search(self, text: str, limit: int = 20) -> list[Hit]:
        query = fold(text)
        if not query:
            return []
        best: dict[str, tuple[tuple, Hit]] = {}
        self._prefix(query, best)
        # Chinese forms for a query in Hanzi, or one no name starts with (pinyin, "hongmao"): the common query, a
        # name's prefix, never waits for pypinyin and the glosses to load (~2 s, once a process)
        if has_hanzi(query) or not best:
            if has_hanzi(query) and (syllables := pinyin_syllables(query)):
                self._prefix("".join(syllables), best, _PINYIN, f"pinyin {' '.join(syllables)}", pinyin=True)
            self._prefix(query, best, pinyin=True)
            for reading in glossed_readings(query):
                self._prefix(reading, best, _GLOSSED, f"{text.strip()} read as “{reading}”")
        ranked = sorted(best.values(), key=lambda item: (item[0], item[1].entity.label))
        return [hit for _, hit in ranked[:limit]]


def glossed_readings(query: str) -> list[str]:
    """English readings of a query written in Hanzi or in pinyin syllables, word for word through the
    glosses of :mod:`kg.extract.pinyin` (at most ``_MAX_READINGS``); none when a syllable has no gloss.

    >>> glossed_readings("红猫"), glossed_readings("hongmao")
    (['rainbow cat', 'red cat'], ['rainbow cat', 'red cat'])
    >>> glossed_readings("taobao"), glossed_readings("rednote")
    ([], [])
    """
    from kg.extract.pinyin import GLOSS, syllables  # loads spaCy with kg.extract: only for such a query

    if has_hanzi(query):
        units: list[str] = list(pinyin_syllables(query))
    elif query.isascii() and query.replace(" ", "").isalpha():
        units = list(syllables(query.replace(" ", "")) or ())
    else:
        return []
    if len(units) < 2 or any(u not in GLOSS for u in units):
        return []
    readings = [""]
    for unit in units:
        readings = [f"{r} {word}".strip() for r in readings for word in sorted(GLOSS[unit])][:_MAX_READINGS]
    return readings


def suggestions(index: LabelIndex, text: str, limit: int = 20) -> list[tuple[str, str]]:
    """The search box's suggestions for ``text``: (what it shows, the entity key), best first. The shown text
    is the label, the type and why it matched ("Xiaohongshu · Organization · alias RedNote").

    >>> index = LabelIndex([EntityRef("xiaohongshu", "Xiaohongshu", "Organization")], {"xiaohongshu": ["RedNote"]})
    >>> suggestions(index, "redn")
    [('Xiaohongshu · Organization · alias RedNote', 'xiaohongshu')]
    """
    return [
        (" · ".join(x for x in (hit.entity.label, hit.entity.type, hit.why) if x), hit.entity.key)
        for hit in index.search(text, limit)
    ]


_LABELS = PREFIXES + "SELECT DISTINCT ?e ?name WHERE { ?e rdfs:label ?name }"
_ALIASES = (
    PREFIXES + "SELECT DISTINCT ?e ?name WHERE { ?e skos:altLabel|kg:mentionedLabel ?name }"
)  # + what each document calls it
_TYPE_VALUES = " ".join(f"kg:{t}" for t in ENTITY_TYPES)
_TYPES = PREFIXES + f"SELECT DISTINCT ?e ?t WHERE {{ ?e a ?t . VALUES ?t {{ {_TYPE_VALUES} }} }}"
_ENTITY_PREFIX = "https://w3id.org/kg-explorer/id/entity/"


def build_label_index(reader) -> LabelIndex:
    """The index of every entity's labels and aliases, from three flat queries (joined here: one
    query joining names to types returns a row per graph and type, 1.7M rows for a 1M-triple store)."""
    keys: dict[str, str] = {}  # IRI -> key: each entity comes back in all three queries, decode it once

    def key_of(iri: str) -> str:
        key = keys.get(iri)
        if key is None:
            key = keys[iri] = entity_key(iri)
        return key

    def names(query: str) -> dict[str, set[str]]:
        found: dict[str, set[str]] = {}
        for row in reader.query(query):
            iri = row["e"].value
            if iri.startswith(_ENTITY_PREFIX):
                found.setdefault(key_of(iri), set()).add(row["name"].value)
        return found

    types: dict[str, set[str]] = {}
    for row in reader.query(_TYPES):
        types.setdefault(key_of(row["e"].value), set()).add(row["t"].value)
    labels = names(_LABELS)
    aliases = {key: found for key, found in names(_ALIASES).items() if key in types}
    entities = [
        EntityRef(key, min(labels.get(key) or aliases[key], key=lambda n: (len(n), n)), coarse_type(types[key]))
        for key in types
        if key in labels or key in aliases
    ]
    return LabelIndex(entities, aliases)
