"""The search box: an in-memory index of every entity label and alias, built once per graph version.

Matching is case- and accent-insensitive and by prefix, of the whole name or of any word in it;
a CJK name matches by prefix too. Exact names rank first, then whole-name prefixes, then word
prefixes; ties go to the shorter name.

>>> index = LabelIndex([EntityRef("xiaohongshu", "Xiaohongshu", "Organization")],
...                    {"xiaohongshu": ["RedNote", "小红书", "Little Red Book"]})
>>> [hit.entity.label for hit in index.search("rednote")]
['Xiaohongshu']
>>> index.search("小红")[0].matched, index.search("red b")[0].matched
('小红书', 'Little Red Book')
>>> index.search("RÉD")[0].matched
'RedNote'
>>> index.search("nothing")
[]
"""

from __future__ import annotations

import bisect
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

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


class LabelIndex:
    """Sorted folded names (each name and each of its word suffixes) for prefix search by bisection."""

    def __init__(self, entities: Iterable[EntityRef], aliases: Mapping[str, Iterable[str]]):
        self.entities = {e.key: e for e in entities}
        keys: list[tuple[str, int, str, str]] = []  # (folded, rank, name, entity key)
        for key, entity in self.entities.items():
            for name in {entity.label, *aliases.get(key, ())}:
                folded = fold(name)
                if not folded:
                    continue
                keys.append((folded, 0, name, key))
                words = folded.split(" ")
                for i in range(1, len(words)):
                    keys.append((" ".join(words[i:]), 1, name, key))
        keys.sort()
        self._keys = keys
        self._folded = [k[0] for k in keys]

    def search(self, text: str, limit: int = 20) -> list[Hit]:
        query = fold(text)
        if not query:
            return []
        start = bisect.bisect_left(self._folded, query)
        best: dict[str, tuple[tuple, Hit]] = {}
        for folded, rank, name, key in self._keys[start:]:
            if not folded.startswith(query):
                break
            score = (0 if folded == query and rank == 0 else 1 + rank, len(name), name)
            if key not in best or score < best[key][0]:
                best[key] = (score, Hit(self.entities[key], name))
        ranked = sorted(best.values(), key=lambda item: (item[0], item[1].entity.label))
        return [hit for _, hit in ranked[:limit]]


_LABELS = PREFIXES + "SELECT DISTINCT ?e ?name WHERE { ?e rdfs:label ?name }"
_ALIASES = PREFIXES + "SELECT DISTINCT ?e ?name WHERE { ?e skos:altLabel ?name }"
_TYPES = PREFIXES + "SELECT DISTINCT ?e ?t WHERE { ?e a ?t . VALUES ?t { %s } }" % " ".join(f"kg:{t}" for t in ENTITY_TYPES)
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
        for key in types if key in labels or key in aliases
    ]
    return LabelIndex(entities, aliases)
