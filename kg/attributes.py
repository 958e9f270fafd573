"""The model's attribute ruler as a lookup table: the same tags, parts of speech, morphology and lemmas, a fraction
of the time.

The small English pipeline's ``attribute_ruler`` maps each fine-grained tag to a part of speech and morphology, with
exceptions by word and dependency (179 patterns, nearly all of one token). spaCy runs them through its general
:class:`~spacy.matcher.Matcher`, which tries every pattern at every token: 13% of the whole pipeline's time on the
benchmark corpus, more than the parser's tagger and lemmatizer together. Whether a one-token pattern matches depends
only on the token's (tag, lowercase form, dependency, is-space), so :class:`AttributeTable` decides it once per such
key and remembers it; the few longer patterns are tried only where their first token matches. Matches are applied in
the ruler's own order (a later pattern wins), through the ruler's own setter.

Patterns beyond what the table reads (operators, other attributes, other predicates) leave the stock ruler in place
(:func:`tabulate_attribute_ruler` returns False), and so does a document without tags or a parse: the table never
guesses. ``tests/test_attributes.py`` checks, token by token, that both give the same annotation.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.symbols import DEP, IS_SPACE, LOWER, TAG
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs

#: The token attributes the table reads, in the order of :meth:`spacy.tokens.Doc.to_array`'s columns.
KEY_ATTRIBUTES = (TAG, LOWER, DEP, IS_SPACE)
_COLUMN = {"TAG": 0, "LOWER": 1, "DEP": 2, "IS_SPACE": 3}

#: Remembered keys at most (tag, word, dependency): a corpus of any size keeps the table's memory bounded.
MAX_REMEMBERED = 200_000

#: A token's key: (tag, lowercase form, dependency, is-space), hashes and a flag.
Key = tuple[int, int, int, int]
#: Whether a key meets one token of a pattern.
TokenTest = Callable[[Key], bool]


class Unsupported(ValueError):
    """A pattern the table cannot read: the stock ruler stays."""


@dataclass(frozen=True)
class _Pattern:
    rank: int  # the ruler's index of the pattern: a later one wins
    tests: tuple[TokenTest, ...]
    tags: frozenset[int] | None  # the tags its first token may have (None: any)
    target: int  # which token of a match takes the attributes (may be negative, as in spaCy)
    attrs: dict


class AttributeTable:
    """Drop-in for a fitted :class:`~spacy.pipeline.AttributeRuler` whose patterns it can read."""

    def __init__(self, ruler: AttributeRuler):
        self.ruler = ruler  # the fallback for a document without tags or parse
        strings = ruler.vocab.strings
        self._string: Callable[[int], str] = lambda h: strings[h]
        self._hash: Callable[[str], int] = lambda text: strings[text]  # as the Matcher compares: by hash
        self._single: list[_Pattern] = []
        self._longer: list[_Pattern] = []
        for rank, (attrs, index) in enumerate(zip(ruler.attrs, ruler.indices, strict=True)):
            _, alternatives = ruler.matcher.get(str(rank))
            for tokens in alternatives:
                tests = tuple(self._test(spec) for spec in tokens)
                pattern = _Pattern(rank, tests, self._tags(tokens[0]), index, attrs)
                (self._single if len(tokens) == 1 else self._longer).append(pattern)
        self._single_by_tag: dict[int, tuple[_Pattern, ...]] = {}
        self._by_key: dict[Key, tuple[tuple[_Pattern, ...], tuple[_Pattern, ...], dict | None]] = {}

    def _tags(self, spec: dict) -> frozenset[int] | None:
        """The tags a token's pattern admits, when it names them (a tag or a list of them)."""
        wanted = spec.get("TAG")
        if isinstance(wanted, str):
            return frozenset({self._hash(wanted)})
        if isinstance(wanted, dict) and set(wanted) == {"IN"}:
            return frozenset(map(self._hash, wanted["IN"]))
        return None

    def _test(self, spec: dict) -> TokenTest:
        """The test of one token's pattern: every attribute it names must hold."""
        checks = []
        for name, wanted in spec.items():
            if name not in _COLUMN:
                raise Unsupported(f"attribute {name!r}")
            column = _COLUMN[name]
            if name == "IS_SPACE":
                if not isinstance(wanted, bool):
                    raise Unsupported(f"IS_SPACE {wanted!r}")
                checks.append(lambda key, c=column, w=wanted: bool(key[c]) == w)
            elif isinstance(wanted, str):
                value = self._hash(wanted)
                checks.append(lambda key, c=column, w=value: key[c] == w)
            elif isinstance(wanted, dict) and set(wanted) == {"IN"}:
                choices = frozenset(map(self._hash, wanted["IN"]))
                checks.append(lambda key, c=column, w=choices: key[c] in w)
            elif isinstance(wanted, dict) and set(wanted) == {"NOT_IN"}:
                refused = frozenset(map(self._hash, wanted["NOT_IN"]))
                checks.append(lambda key, c=column, w=refused: key[c] not in w)
            elif isinstance(wanted, dict) and set(wanted) == {"REGEX"}:
                regex = re.compile(wanted["REGEX"])
                checks.append(lambda key, c=column, r=regex: r.search(self._string(key[c])) is not None)
            else:
                raise Unsupported(f"{name} {wanted!r}")
        return lambda key: all(check(key) for check in checks)

    def _of(self, key: Key) -> tuple[tuple[_Pattern, ...], tuple[_Pattern, ...], dict | None]:
        """For a token's key: the one-token patterns it matches, the longer ones it may start, and the attributes the
        one-token ones set together (in rank order, a later one winning)."""
        found = self._by_key.get(key)
        if found is None:
            by_tag = self._single_by_tag.get(key[0])
            if by_tag is None:  # the one-token patterns a token of this tag may match: a few of the 170
                by_tag = tuple(p for p in self._single if p.tags is None or key[0] in p.tags)
                self._single_by_tag[key[0]] = by_tag
            singles = tuple(p for p in by_tag if p.tests[0](key))
            starts = tuple(p for p in self._longer if p.tests[0](key))
            merged: dict | None = None
            if singles:
                merged = {}
                for pattern in singles:
                    merged.update(pattern.attrs)
            if len(self._by_key) >= MAX_REMEMBERED:
                self._by_key.clear()
            found = self._by_key[key] = (singles, starts, merged)
        return found

    def __call__(self, doc: Doc) -> Doc:
        if not (doc.has_annotation("TAG") and doc.has_annotation("DEP")):
            return self.ruler(doc)
        keys: list[Key] = [tuple(row) for row in doc.to_array(list(KEY_ATTRIBUTES)).tolist()]
        found = [self._of(key) for key in keys]
        extra: dict[int, list[_Pattern]] = {}  # token → longer patterns that set its attributes
        for start, (_, starts, _) in enumerate(found):
            for pattern in starts:
                end = start + len(pattern.tests)
                if end <= len(keys) and all(test(keys[start + k]) for k, test in enumerate(pattern.tests[1:], 1)):
                    target = pattern.target if pattern.target >= 0 else len(pattern.tests) + pattern.target
                    if not 0 <= target < len(pattern.tests):
                        return self.ruler(doc)  # spaCy's own error for a target outside the match
                    extra.setdefault(start + target, []).append(pattern)
        for i, (singles, _, merged) in enumerate(found):
            if i in extra:
                attrs: dict = {}
                for pattern in sorted((*singles, *extra[i]), key=lambda p: p.rank):
                    attrs.update(pattern.attrs)
                set_token_attrs(doc[i], attrs)
            elif merged is not None:
                set_token_attrs(doc[i], merged)
        return doc


@Language.factory("kg_attribute_table")
def make_attribute_table(nlp: Language, name: str) -> AttributeTable:
    """The table of ``nlp``'s attribute ruler (added beside it, before it is removed)."""
    ruler = nlp.get_pipe("attribute_ruler")
    if not isinstance(ruler, AttributeRuler):
        raise Unsupported(f"attribute_ruler is a {type(ruler).__name__}")
    return AttributeTable(ruler)


def tabulate_attribute_ruler(nlp: Language) -> bool:
    """Replace ``nlp``'s attribute ruler by its :class:`AttributeTable` (``kg_attribute_table``, in its place); False,
    and the stock ruler kept, when there is none or the table cannot read one of its patterns."""
    if "attribute_ruler" not in nlp.pipe_names:
        return False
    try:
        nlp.add_pipe("kg_attribute_table", before="attribute_ruler")
    except Unsupported:
        return False
    nlp.remove_pipe("attribute_ruler")
    return True
