"""Entity mentions: find candidate spans, drop junk, link them to one entity each, vote types.

Works on a parsed Doc; returns plain data (see :func:`find_entities`). No rule names an entity.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Callable, Container, Mapping, Sequence
from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from kg.extract import lexicon as lx
from kg.extract.dates import MONTHS
from kg.extract.names import name_kind, opens_with_given_name
from kg.extract.parsed import Parsed, one_word_bracket, percent_of
from kg.extract.pinyin import gloss_units, pinyin_syllables, units_gloss
from kg.extract.tickers import NATIVE_NAME, in_code, is_listing_code
from kg.iri import normalise_name

_QUOTE = re.compile(r"[“\"]([^”\"\n]{2,80})[”\"]")
#: A Markdown emphasis ('*Genshin Impact*', '_Petit Planet_'): how an article sets off the title of a work.
_EMPHASIS = re.compile(r"(?<![*\w])([*_])(?![*_\s])([^*_\n]{2,60}?)(?<!\s)\1(?![*\w])")
#: An appositive after a quoted name that says it is a work: ', a Three Kingdoms strategy title', ', the hero shooter'.
_WORK_APPOSITIVE = re.compile(
    r",?\s*(?:a|an|the)\s+(?:[\w’'-]+\s+){0,4}?(?:game|title|shooter|app|series|show|drama|film|chatbot|model)\b"
)
#: Words after an emphasised title that make it a publication's, not a product's ('*Caixin* reported').
_PUBLICATION_AFTER = re.compile(r"\s*(?:reported|said|wrote|cited|newspaper|magazine|journal|report)\b", re.I)
_SUCH_AS_PROGRAMS = re.compile(
    r"\b(?:projects?|programs?|programmes?|plans?|initiatives?|campaigns?|schemes?|products?|apps?|features?)\s+"
    r"(?:such as|like|including|called|named|dubbed)\s+(?:[“\"][^”\"\n]+[”\"]\s*(?:,|and|or)?\s*)*$"
)
_VERSION = re.compile(r"^\d+(?:\.\d+)+$|^\d+\.0$")
_SMALL = {"of", "and", "the", "for", "in", "on", "to", "a", "&", "an", "from", "with", "at", "by", "or"}
_SOURCE_CREDIT = re.compile(r"^\(?\s*(source|image|photo|picture|credit)s?\s*[:：]", re.I)


@dataclass
class Candidate:
    start: int  # token offsets
    end: int
    text: str
    label: str  # NER/ruler label or "PROGRAM"
    kb_id: str | None = None
    votes: dict[str, float] = field(default_factory=dict)
    key: str = ""
    short_for: Candidate | None = None  # the full name ("Hello Inc.") of a short one ("Hello"): the same entity
    guess: dict[str, float] = field(default_factory=dict)  # the part of ``votes`` that is the NER's label alone


def _is_title(words: list[str]) -> bool:
    return (
        bool(words)
        and all(w[:1].isupper() or w.lower() in _SMALL or w[:1].isdigit() or w in ("-", "&") for w in words)
        and words[0][:1].isupper()
    )  # "Anti-Monopoly Law" splits at its hyphen


def _source_credit(sentence: str) -> bool:
    """Caption lines such as "(Source: X Public Account)" name where an image came from, not actors."""
    return bool(_SOURCE_CREDIT.match(sentence.strip()))


_STOCK_WORDS = frozenset({"shares", "stock", "stocks"})
#: A name's native form in brackets, closing a span: "(猫箱)", "(무신사)".
_NATIVE_NAME = re.compile(rf"\({NATIVE_NAME}\)\W*")


#: Prepositions that, hung on a verb outside a name the NER gave, end the name: what was bought from whom ('to' and
#: 'of' stay, the parser misplaces them inside 'Neverness to Everness' or 'Bank of China').
_VERB_PREPOSITIONS = frozenset({"from"})


def _clean(tokens: list[Token], start: int, end: int) -> tuple[int, int]:
    """Strip determiners, a stock's words, quotes, punctuation, possessives and anything from a line break on, from a
    bracket left open, or from a comma that opens a description ('King, the Candy Crush maker': the NER may run on past
    the comma)."""
    for i in range(start, end):
        if (tokens[i].is_space and "\n" in tokens[i].text) or "\n" in tokens[i].text:
            end = i
            break
        if tokens[i].text == "," and i + 1 < end and tokens[i + 1].lower_ in lx.ARTICLES:
            end = i
            break
        if i > start and _opens_an_amount(tokens, i, end):
            end = i  # 'Wanda Hotel Development for RMB2.49 billion': the NER ran on into what was paid
            break
        if i > start and tokens[i].lower_ in _VERB_PREPOSITIONS and tokens[i].head.pos_ in ("VERB", "AUX"):
            head = tokens[i].head.i
            if not start <= head < end:
                end = i  # "bought France's Galénic from Pierre Fabre": the NER ran on into the verb's phrase
                break
    opened = next((i for i in range(start, end) if tokens[i].text == "("), None)
    if opened is not None and not any(tokens[i].text == ")" for i in range(opened, end)):
        end = opened  # 'Payoneer Global (PAYO': the NER ran into a bracket it did not close, a ticker or an alias
    elif opened is not None and opened > start and _NATIVE_NAME.fullmatch("".join(t.text for t in tokens[opened:end])):
        end = opened  # "ByteDance's Maoxiang (猫箱)": the NER took the name's native form into the name
    while start < end and (tokens[start].lower_ in lx.ARTICLES or tokens[start].is_punct or tokens[start].is_space):
        start += 1
    if end - start > 2 and tokens[start].lower_ in _STOCK_WORDS and tokens[start + 1].lower_ in ("of", "in"):
        start += 2  # 'Shares of Tuya Inc. jumped': the NER may take the company's stock into its name
    while end > start and (
        tokens[end - 1].is_punct
        or tokens[end - 1].is_space
        or tokens[end - 1].tag_ == "POS"
        or tokens[end - 1].lower_ in ("'s", "’s", "s")
    ):
        end -= 1
    return start, end


#: An amount written as one token ('$3', 'RMB2.49', 'HK$13.1bn', 'US$5') or a year ('2014').
_AMOUNT_OR_YEAR = re.compile(r"[$€£¥]\S*\d.*|[A-Z]{1,3}\$?\d.*|(?:19|20)\d\d")


def _opens_an_amount(tokens: list[Token], i: int, end: int) -> bool:
    """Whether a lower-case preposition inside a span opens an amount or a year ('for RMB2.49 billion', 'at $3
    billion', 'in 2014'): no name goes on that way ('Committee of 100' does)."""
    after = tokens[i + 1] if i + 1 < end else None
    return (
        after is not None
        and tokens[i].is_lower
        and tokens[i].pos_ == "ADP"
        and (after.text in "$€£¥" or _AMOUNT_OR_YEAR.fullmatch(after.text) is not None)
    )


def split_coordinated(ent: Span, alone: Container[str] = frozenset()) -> list[Span]:
    """An organization span the NER ran across 'and' ("Y Combinator and Nexus Venture Partners") as its two
    names; a name of one word before 'and' stays whole ("Marks and Spencer", "Procter and Gamble"), and so do
    a business group's name ("Digital Media and Entertainment Group") and a name the KB knows. Two words that each
    stand alone elsewhere in the text (``alone``, :func:`names_standing_alone`) are two names, in a span the NER
    took for a company's or a work's ("Redfin and Rocket", "“Rocket and Redfin are …”"), never a place's ("Bosnia
    and Herzegovina").

    >>> import spacy
    >>> doc = spacy.blank("en")("backed by Y Combinator and Nexus Venture Partners .")
    >>> [s.text for s in split_coordinated(Span(doc, 2, 8, label="ORG"))]
    ['Y Combinator', 'Nexus Venture Partners']
    >>> [s.text for s in split_coordinated(Span(doc, 3, 6, label="ORG"))]
    ['Combinator and Nexus']
    >>> brokers = spacy.blank("en")("rivals such as Trade Republic and eToro .")
    >>> [s.text for s in split_coordinated(Span(brokers, 3, 7, label="ORG"))]
    ['Trade Republic', 'eToro']
    >>> unit = spacy.blank("en")("the Digital Media and Entertainment Group")
    >>> [s.text for s in split_coordinated(Span(unit, 1, 6, label="ORG"))]
    ['Digital Media and Entertainment Group']
    >>> pair = spacy.blank("en")("sites such as Redfin and Rocket")
    >>> [s.text for s in split_coordinated(Span(pair, 3, 6, label="ORG"), {"Redfin", "Rocket"})]
    ['Redfin', 'Rocket']
    """
    if ent.ent_id_:
        return [ent]
    doc = ent.doc
    ands = [t.i for t in ent if t.lower_ == "and"]
    if len(ands) != 1:
        return [ent]
    k = ands[0]
    last = ent.end - (doc[ent.end - 1].tag_ == "POS")  # ("Redfin and Rocket’s sites")
    if (
        ent.label_ in ("ORG", "WORK_OF_ART", "PRODUCT")  # (not 'Bosnia and Herzegovina')
        and k - ent.start == 1
        and last - k == 2
        and doc[ent.start].text in alone
        and doc[k + 1].text in alone
    ):
        return [Span(doc, ent.start, k, label=ent.label_), Span(doc, k + 1, ent.end, label=ent.label_)]
    if ent.label_ != "ORG":
        return [ent]
    first, second = doc[ent.start : k], doc[k + 1 : ent.end]
    first_words = [t for t in first if t.lower_ != "the"]
    # (a name may open lower-case with a capital inside: 'Trade Republic and eToro')
    if len(first_words) < 2 or not second or not all(_written_as_name(t.text) for t in (first_words[0], second[0])):
        return [ent]
    if (second[-1].lower_ == "group" or second[-1].lower_ in lx.UNIT_NOUNS) and not any(
        t.lower_ in lx.ORG_SUFFIXES for t in first
    ):
        # a unit of a conglomerate: "Digital Media and Entertainment Group", "Consumer Business and eCommerce Division"
        return [ent]
    return [Span(doc, ent.start, k, label=ent.label_), Span(doc, k + 1, ent.end, label=ent.label_)]


def names_standing_alone(tokens: Sequence[Token]) -> frozenset[str]:
    """The words written as names that stand alone somewhere in the text: a capitalised proper noun with no other
    word of a name beside it ('Rocket bought Redfin'), so never 'Marks' of 'Marks and Spencer'."""
    joined = {"and", "&", "of"}
    return frozenset(
        t.text
        for t in tokens
        if t.pos_ == "PROPN"
        and t.is_alpha
        and t.text[:1].isupper()
        and not (t.i > 0 and (tokens[t.i - 1].pos_ == "PROPN" or tokens[t.i - 1].lower_ in joined))
        and not (t.i + 1 < len(tokens) and (tokens[t.i + 1].pos_ == "PROPN" or tokens[t.i + 1].lower_ in joined))
    )


def split_listed(ent: Span) -> list[Span]:
    """An organization span the NER ran across the commas of a list ("Tesla's Megapack, Fluence, BYD and …") as its
    names; a comma before a legal form ("Dmall, Inc.", "Samsung Electronics Co., Ltd.") stays inside the name, and a
    span with 'and', '&' or 'of' is one title ("Ministry of Economy, Trade and Industry", "University of California,
    Berkeley"), as is a name the KB knows.

    >>> import spacy
    >>> doc = spacy.blank("en")("competes with Megapack , Fluence , BYD and Huawei .")
    >>> [s.text for s in split_listed(Span(doc, 2, 7, label="ORG"))]
    ['Megapack', 'Fluence', 'BYD']
    >>> inc = spacy.blank("en")("shares of Dmall , Inc. rose")
    >>> [s.text for s in split_listed(Span(inc, 2, 5, label="ORG"))]
    ['Dmall , Inc.']
    >>> title = spacy.blank("en")("the Ministry of Economy , Trade and Industry said")
    >>> [s.text for s in split_listed(Span(title, 1, 8, label="ORG"))]
    ['Ministry of Economy , Trade and Industry']
    """
    commas = [t.i for t in ent if t.text == ","]
    # ('University of California, Berkeley': an institution's name with its campus, or its seat, after a comma)
    if ent.label_ != "ORG" or ent.ent_id_ or not commas or any(t.lower_ in ("and", "&", "of") for t in ent):
        return [ent]
    bounds = [ent.start, *commas, ent.end]
    pieces = [(a + (a > ent.start), b) for a, b in itertools.pairwise(bounds)]
    legal = lx.LEGAL_FORM_WORDS | lx.ORG_SUFFIXES
    if any(
        b <= a or not _written_as_name(ent.doc[a].text) or all(t.lower_.rstrip(".") in legal for t in ent.doc[a:b])
        for a, b in pieces[1:]
    ):
        return [ent]
    return [Span(ent.doc, a, b, label=ent.label_) for a, b in pieces]


def split_possessive(ent: Span, common_words: Container[str] = frozenset()) -> list[Span]:
    """An organization's or a person's span the NER ran across a possessive ("Walt Disney's Marvel Entertainment",
    "Valve's Steam", "Orbis Labs' Kestrel", "the Chinese Academy of Sciences’ Innovation Academy") as the owner's
    name and the owned one's; a possessive that ends the name or comes before a legal form only ("McDonald's Corp")
    and a name the KB knows stay whole. With ``common_words``, also a work's or a product's span whose owner is
    a name no dictionary has ("Nestlé’s Purina", "Unilever’s Dove"; not "God's Eye").

    >>> import spacy
    >>> doc = spacy.blank("en")("licensed from Walt Disney's Marvel Entertainment .")
    >>> [s.text for s in split_possessive(Span(doc, 2, 7, label="ORG"))]
    ['Walt Disney', 'Marvel Entertainment']
    >>> corp = spacy.blank("en")("shares of McDonald's Corp rose")
    >>> [s.text for s in split_possessive(Span(corp, 2, 5, label="ORG"))]
    ["McDonald's Corp"]
    >>> work = spacy.blank("en")("and Nestlé's Purina have")
    >>> [s.text for s in split_possessive(Span(work, 1, 4, label="WORK_OF_ART"), {"god", "eye"})]
    ['Nestlé', 'Purina']
    """
    # (not a title in quotes, a work's: '“Schindler's List”')
    quoted = ent.start > 0 and ent.doc[ent.start - 1].text in ("“", '"', "‘", "'")
    work = ent.label_ in ("WORK_OF_ART", "PRODUCT") and bool(common_words) and not quoted
    if (ent.label_ not in ("ORG", "PERSON") and not work) or ent.ent_id_:
        return [ent]  # ('God's Eye', 'New Year's Eve': a work's or an event's name may hold one)
    # ("'s", or an apostrophe alone after a plural: "the Chinese Academy of Sciences’ Innovation Academy")
    marks = [t.i for t in ent if t.lower_ in ("'s", "’s") or (t.tag_ == "POS" and t.text in ("'", "’"))]
    if len(marks) != 1:
        return [ent]
    k = marks[0]
    owner, owned = ent.doc[ent.start : k], ent.doc[k + 1 : ent.end]
    if not owner or not owned or not all(part[0].text[:1].isupper() for part in (owner, owned)):
        return [ent]
    if work and not all(t.is_alpha and t.lower_ not in common_words for t in owner):
        return [ent]  # (an owner no dictionary has: 'Nestlé', not 'God')
    if all(t.lower_.rstrip(".") in lx.LEGAL_FORM_WORDS | lx.ORG_SUFFIXES for t in owned):
        return [ent]
    label = "ORG" if work else ent.label_  # (a name that owns one is a company's; what it owns, its brand)
    return [Span(ent.doc, ent.start, k, label=label), Span(ent.doc, k + 1, ent.end, label=label)]


def _hyphen_modifier(tok: Token) -> bool:
    """Whether ``tok`` ends a hyphenated modifier ("-owned", "-based", "-backed", "-style") rather than a name."""
    word = tok.lower_
    return tok.tag_.startswith("VB") or word.endswith(("ed", "ing")) or word in lx.HYPHEN_MODIFIER_TAILS


#: Words after a hyphen that make a name a comparison: "Nasdaq-style", "Amazon-like", "Uber-esque".
_LIKENESS = frozenset({"style", "like", "esque", "type", "inspired"})


def _hyphen_joined(tokens: Sequence[Token], i: int) -> bool:
    """Whether token ``i`` follows a hyphen written without spaces after a capitalised word ("Chang-han")."""
    return (
        2 <= i <= len(tokens)
        and tokens[i - 1].text == "-"
        and not tokens[i - 1].whitespace_
        and not tokens[i - 2].whitespace_
        and tokens[i - 2].text[:1].isupper()
    )


def candidates(
    parsed: Parsed, exchange_codes: Mapping[str, str] | None = None, common_words: Container[str] = frozenset()
) -> list[Candidate]:
    """Quoted/title-case programs first, then KB ruler and NER spans that do not overlap them. ``exchange_codes``
    (a ticker prefix -> the KB id of its exchange) names the exchange of a ticker that its code alone gives
    ("(ADX: EAND)", "(AEX: PRX)"). ``common_words`` are the language's ordinary nouns and adjectives (the
    model's dictionary, :func:`dictionary_words`): one of them opening a sentence is no name for being
    capitalised there."""
    skip = [_source_credit(parsed.text_of(s)) for s in parsed.sents]
    taken = bytearray(len(parsed.doc))  # tokens already in a candidate
    alone = names_standing_alone(parsed.tokens)
    out = _quoted_programs(parsed, skip, taken) + _emphasised_titles(parsed, skip, taken)
    ents = [
        part
        for ent in parsed.ents
        for listed in split_listed(ent)
        for piece in split_possessive(listed, common_words)
        for part in split_coordinated(piece, alone)
    ]
    by_start = {e.start: e for e in ents}
    for ent in ents:
        c = _entity_candidate(parsed, ent, by_start, skip, taken, common_words)
        if c is not None:
            out.append(c)
    out = _given_names_of_other_persons(parsed, out)
    out = _joined_institutions(parsed, out)
    out = _dateline_sources(parsed, out)
    covered = bytearray(len(parsed.doc))
    for c in out:
        covered[c.start : c.end] = b"\x01" * (c.end - c.start)
    out.extend(_numbered_products(parsed, covered))
    out.extend(_category_names(parsed, covered, common_words))
    out.extend(_org_word_names(parsed, covered, common_words))
    _number_led_names(parsed, out, covered)
    out.extend(_listed_names(parsed, out, covered))
    out.extend(_ticker_exchanges(parsed, out, covered, exchange_codes or {}))
    out.extend(_based_names(parsed, out, covered))
    out.extend(_names_of_a_country(parsed, out, covered))
    out.extend(_digit_led_names(parsed, covered))
    out.extend(_cue_arguments(parsed, covered))
    out.extend(_persons_before_posts(parsed, covered))
    out.extend(_listed_beside_companies(parsed, out, covered))
    out.extend(_possessed_by_companies(parsed, out, covered))
    out.extend(_companies_before_posts(parsed, out, covered))
    out.extend(_short_names(parsed, out, covered))
    out.extend(_repeated_names(parsed, out, covered))
    _hyphenated_given_names(parsed, out)
    out = _names_across_a_hyphenated_word(parsed, out)
    out = _names_over_a_title_hyphen(parsed, out)
    out = _names_over_an_ampersand(parsed, out, common_words)
    out = _names_over_a_particle(parsed, out)
    out = _names_over_a_generic_tail(parsed, out, common_words)
    out = _state_owned_names(parsed, out)
    out = _place_led_names(parsed, out)
    out = _airlines_named_for_places(parsed, out)
    out = _bracketed_registered_names(parsed, out)
    out = _colon_titles(parsed, out)
    out = _administrations(parsed, out)
    out = _persons_after_titles(parsed, out, common_words)
    # 'HK$128.00' is a price, 'Series C' a round, 'AI' or 'IPO' jargon and 'Executive Chairman' a title, whatever the
    # NER or a name's position says
    out = [
        c
        for c in out
        if not _AMOUNT.fullmatch(c.text)
        and not _ROUND_LETTER.fullmatch(c.text)
        and not is_listing_code(c.text)  # 'Its Hong Kong-listed stock, 9626.HK, …' outside any bracket
        # ('Alibaba Group (NYSE: BABA, HKEX: 9988) bought …': a code the parser reads as the verb's subject)
        and not (parsed.tickers and in_code(parsed.tickers, parsed.doc[c.start].idx, parsed.doc[c.end - 1].idx + 1))
        and c.text.lower() not in lx.JARGON
        and c.text.lower() not in lx.CURRENCY_CODES  # ('IDR 18 in cash')
        and not _title(c.text)
        and not _unit_after_number(parsed.tokens, c)
        and not _second_half_of_a_word(parsed.tokens, c, out)
    ]
    out.sort(key=lambda c: c.start)
    return out


def _given_names_of_other_persons(parsed: Parsed, found: list[Candidate]) -> list[Candidate]:
    """'Raymond Peng Lei': a Western given name right before a known person's name in pinyin ('Peng Lei', parsed as
    its compound; the NER may tag it apart or not at all) makes the name another person's, whom the KB does not know.
    Not the known person's own given name ('Lucy Peng Lei': in their id), a title or another word before a name
    ('Chairman Ma Huateng', 'Tycoon Ren Zhengfei'), nor before a known name not in pinyin ('Joseph Tsai
    Chung-hsin')."""
    tokens, out = parsed.tokens, list[Candidate]()
    for c in found:
        before = out[-1] if out else None
        g = tokens[c.start - 1] if c.start > 0 else None
        if (
            g is not None
            and c.label == "PERSON"
            and c.kb_id
            and g.lower_ not in c.kb_id.split("-")
            and all(pinyin_syllables(t.text) >= 1 for t in tokens[c.start : c.end])
            and opens_with_given_name(parsed.text_of(parsed.doc[g.i : c.end]))
        ):
            tagged_apart = (
                before is not None
                and (before.start, before.end) == (g.i, c.start)
                and before.label == "PERSON"
                and not before.kb_id
            )
            if (tagged_apart or before is None or before.end < c.start) and _given_name_before(
                tokens, c.start, c.end, tagged=tagged_apart
            ):
                span = parsed.doc[g.i : c.end]
                whole = Candidate(g.i, c.end, parsed.text_of(span), "PERSON", votes={"Person": 1.0})
                if tagged_apart:
                    out[-1] = whole
                else:
                    out.append(whole)
                continue
        out.append(c)
    return out


def _second_half_of_a_word(tokens: list[Token], c: Candidate, found: list[Candidate]) -> bool:
    """'Fi' in 'Wi-Fi chips': one word after a hyphen written onto a capitalised word that names nothing is the
    rest of that word, no name; 'Tencent' in 'the Alibaba-Tencent rivalry' (a name before the hyphen) is one."""
    i = c.start
    return (
        c.end - i == 1
        and c.kb_id is None
        and _hyphen_joined(tokens, i)
        and tokens[i - 2].is_alpha
        and not any(k.start <= i - 2 < k.end for k in found)
    )


def _unit_after_number(tokens: list[Token], c: Candidate) -> bool:
    """'128GB', '10GW': a unit written onto its number is a quantity's, never a name."""
    first = tokens[c.start]
    return (
        c.end - c.start == 1
        and first.lower_ in lx.UNIT_LETTERS
        and c.start > 0
        and tokens[c.start - 1].like_num
        and not tokens[c.start - 1].whitespace_
    )


#: The words of a post's title ('General Manager', 'Executive Chairman'): a name of these only is a title.
_POST_WORDS = frozenset(
    w for phrase in (*lx.ROLE_NOUNS, *lx.TITLE_MODIFIERS, *lx.PERSON_POSTS, "chief", "officer") for w in phrase.split()
)


def _title(text: str) -> bool:
    """Whether a name is made of title words only ('Executive', 'Executive Chairman', 'Chief Executive')."""
    words = text.lower().replace("-", " ").split()
    return bool(words) and all(w in _POST_WORDS or w in _TITLE_WORDS for w in words)


#: An amount of money written as one word: 'HK$128.00', 'US$1.2bn', 'S$40', '€312m', '¥1,000', 'RMB1.18'.
_AMOUNT = re.compile(
    r"(?:[A-Za-z]{0,3}\s?[$€£¥₹₩]|"
    + "|".join(sorted(c.upper() for c in lx.CURRENCY_CODES if c.isalpha()))
    + r")\s?\d[\d.,]*[A-Za-z]*"
)
#: A funding round's letter ('Series C', 'Series B+', 'Pre-Series A'): a stage of financing, never a name.
#: A number that reads as a year ('the 2025 chip'), never a model's.
_YEAR = re.compile(r"(19|20)\d\d")
_ROUND_LETTER = re.compile(r"(?:Pre-)?Series [A-H]\d?\+?", re.IGNORECASE)


def _hyphenated_given_names(parsed: Parsed, found: list[Candidate]) -> None:
    """'Chung Shin-a', 'Lee Ji-hoon': the NER may stop a Korean given name at its hyphen ('Chung Shin'); a person's
    name written on into a hyphen and a short lower-case syllable takes it in. Not 'Tencent-backed'."""
    tokens = parsed.tokens
    starts = {c.start for c in found}
    for c in found:
        hyphen = c.end
        if (
            c.label == "PERSON"
            and hyphen + 1 < len(tokens)
            and tokens[hyphen].text == "-"
            and not tokens[hyphen - 1].whitespace_
            and not tokens[hyphen].whitespace_
            and tokens[hyphen + 1].is_lower
            and tokens[hyphen + 1].is_alpha
            and len(tokens[hyphen + 1]) <= 4
            and hyphen + 1 not in starts
        ):
            c.end = hyphen + 2
            c.text = parsed.text_of(parsed.doc[c.start : c.end])


def _joined(
    parsed: Parsed, found: list[Candidate], join: Callable[[Candidate], tuple[int, int, Candidate | None] | None]
) -> list[Candidate]:
    """``found`` with each candidate that ``join`` joins to its neighbour replaced by the whole name, and the
    neighbour it takes in dropped. ``join`` gives the whole's start and end and the neighbouring candidate it takes
    in (None when the words it takes in are no candidate), or None when the candidate joins nothing."""
    out, merged = [], set()
    for c in found:
        if id(c) in merged:
            continue
        whole = join(c)
        if whole is None:
            out.append(c)
            continue
        start, end, other = whole
        out.append(_one_name(parsed, start, end, [c, *([other] if other else [])]))
        if other is not None:
            merged.add(id(other))
    return [c for c in out if id(c) not in merged]


def _names_across_a_hyphenated_word(parsed: Parsed, found: list[Candidate]) -> list[Candidate]:
    """'Hangzhou SF Intra-city Industrial', 'Shenzhen Cross-border Logistics': a registered name may hold a word
    hyphenated into lower case, where the NER and the other sources stop, leaving two pieces; they are one name when
    the parse makes the first piece and the lower-case word modifiers of the second's words. Not 'Grab-owned Ovo'
    nor 'Tencent-style Weixin' (a modifier), 'Shopee-Lazada' (two names), nor a KB company's name before the
    hyphen ('Alibaba-rival JD.com')."""
    tokens = parsed.tokens
    by_start = {c.start: c for c in found}

    def join(c: Candidate) -> tuple[int, int, Candidate | None] | None:
        hyphen, word = c.end, c.end + 1
        nxt = by_start.get(c.end + 2)
        if (
            nxt is not None
            and not c.kb_id
            and not nxt.kb_id
            and c.label != "PERSON"
            and tokens[hyphen].text == "-"
            and not tokens[hyphen - 1].whitespace_
            and not tokens[hyphen].whitespace_
            and tokens[word].is_lower
            and tokens[word].is_alpha
            and not _hyphen_modifier(tokens[word])
            and tokens[word].lower_ not in _LIKENESS
            and tokens[c.end - 1].dep_ == "compound"
            and tokens[word].dep_ in ("compound", "amod")
            and all(nxt.start <= tokens[k].head.i < nxt.end for k in (c.end - 1, word))
        ):
            return c.start, nxt.end, nxt
        return None

    return _joined(parsed, found, join)


def _names_over_a_title_hyphen(parsed: Parsed, found: list[Candidate]) -> list[Candidate]:
    """'Shandong Hi-Speed Holdings Group', 'Sino-Ocean Group': a company's name may hold a word hyphenated between two
    capitalised halves, where the NER stops, leaving the part after the hyphen (and the part before, when it tagged
    one); the whole is one name when the part after ends with a company word (Group, Holdings, Co.) and nothing
    before the hyphen is a name of the KB. Not 'China-US trade' nor 'the Alibaba-Tencent rivalry' (two names of the
    KB), nor a person ('Kim Chang-han')."""
    tokens = parsed.tokens
    ending = {c.end: c for c in found}

    def join(c: Candidate) -> tuple[int, int, Candidate | None] | None:
        i = c.start
        if (
            c.kb_id
            or c.label == "PERSON"
            or tokens[c.end - 1].lower_ not in lx.ORG_SUFFIXES
            or not _hyphen_joined(tokens, i)
            or not tokens[i].is_title
            or not tokens[i - 2].is_title
            or not tokens[i - 2].is_alpha
        ):
            return None
        before = ending.get(i - 1)
        if before is None:  # (the word before the hyphen, when no candidate ends there and none holds it)
            return None if any(k.start <= i - 2 < k.end for k in found) else (i - 2, c.end, None)
        return None if before.kb_id or before.label not in ("ORG", "GPE", "NORP") else (before.start, c.end, before)

    return _joined(parsed, found, join)


def _names_over_an_ampersand(parsed: Parsed, found: list[Candidate], common_words: Container[str]) -> list[Candidate]:
    """'Ping An Property & Casualty', 'Guoyuan Payment & Clearing': an organization's name may join capitalised
    common words with '&', where the NER stops or splits it in two. The whole is one name when the part before is an
    organization of no KB entry ending in a common word and the part after is capitalised common words (a candidate
    or not). Not 'Alibaba & Tencent' (no common words), nor with 'and', which far more often joins two names ('Sony
    Music and Warner Music', 'Tsinghua University and Carnegie Mellon')."""
    tokens = parsed.tokens
    starting = {c.start: c for c in found}

    def join(c: Candidate) -> tuple[int, int, Candidate | None] | None:
        ampersand, end = c.end, c.end + 1
        if (
            c.kb_id
            or c.label != "ORG"
            or ampersand >= len(tokens)
            or tokens[ampersand].text != "&"
            or tokens[c.end - 1].lower_ not in common_words
        ):
            return None
        after = starting.get(end)
        while end < len(tokens) and tokens[end].is_title and tokens[end].lower_ in common_words:
            end += 1
        if end == ampersand + 1 or (after is not None and (after.kb_id or after.end != end)):
            return None
        return c.start, end, after

    return _joined(parsed, found, join)


#: Romance particles that join a company's name to its country's or city's ("Renault do Brasil", "Nestlé de México").
_NAME_PARTICLES = frozenset({"do", "da", "dos", "das", "de", "del", "di"})


def _names_over_a_particle(parsed: Parsed, found: list[Candidate]) -> list[Candidate]:
    """'Renault do Brasil', 'Volkswagen do Brasil', 'Nestlé de México': a company's name, a lower-case Romance particle
    and the capitalised words of a name after it (up to a title) are one company's name, a local company of its own
    (the NER stops at the particle and reads the rest as a person or a place). Not 'Renault do' at a sentence's end,
    nor a particle before a lower-case word ('Alibaba and Tencent do business')."""
    tokens = parsed.tokens
    starting = {c.start: c for c in found}

    def join(c: Candidate) -> tuple[int, int, Candidate | None] | None:
        particle = c.end
        if (
            c.label != "ORG"
            or resolve_type(c.votes) != "Organization"
            or particle + 1 >= len(tokens)
            or tokens[particle].text not in _NAME_PARTICLES
        ):
            return None
        after = starting.get(particle + 1)
        end = after.end if after is not None else particle + 1
        while (
            end < len(tokens)
            and end - particle <= 3
            and _capitalised_proper(tokens[end])
            and tokens[end].lower_ not in _TITLE_WORDS  # ('Volkswagen do Brasil CEO Ciro Possobom')
        ):
            end += 1
        if end == particle + 1 or (after is not None and after.kb_id and resolve_type(after.votes) != "Place"):
            return None
        return c.start, end, after

    return _joined(parsed, found, join)


def _names_over_a_generic_tail(parsed: Parsed, found: list[Candidate], common_words: Container[str]) -> list[Candidate]:
    """'SoftBank China Venture Capital', 'Hillhouse China Growth Partners': capitalised common words ending in a
    company word ('Venture Capital'), which the NER tags apart right after a name, end that name: words so generic
    name no company alone. Not after a known company's name (the unit rules read 'Alibaba Venture Capital'), nor
    after a place's or a person's."""
    tokens = parsed.tokens
    starting = {c.start: c for c in found}

    def join(c: Candidate) -> tuple[int, int, Candidate | None] | None:
        tail = starting.get(c.end)
        if (
            tail is None
            or c.kb_id
            or tail.kb_id
            or resolve_type(c.votes) != "Organization"
            or tokens[tail.end - 1].lower_ not in lx.ORG_NAME_WORDS
            or not all(t.is_title and t.lower_ in common_words for t in tokens[tail.start : tail.end])
        ):
            return None
        return c.start, tail.end, tail

    return _joined(parsed, found, join)


def _state_owned_names(parsed: Parsed, found: list[Candidate]) -> list[Candidate]:
    """'Beijing State-owned Capital Operation and Management Co.', 'Shenzhen State-owned Assets Supervision and
    Administration Commission': a capitalised 'State-owned' inside a registered name, after a place, is a word of it
    (no one's '-owned'), where the NER and the other sources leave pieces. The name runs from the place's words to the
    last capitalised word after it ('and' and '&' within). Not a description: "Shanghai's state-owned Guosheng
    Group", "State-owned banks lent more"."""
    tokens = parsed.tokens
    out = list(found)
    for i in range(1, len(tokens) - 3):
        if not (
            tokens[i].text == "State"
            and tokens[i + 1].text == "-"
            and tokens[i + 2].lower_ == "owned"
            and not tokens[i].whitespace_
            and not tokens[i + 1].whitespace_
            and tokens[i - 1].pos_ == "PROPN"
            and tokens[i - 1].is_title
        ):
            continue
        start = i - 1
        while start > 0 and tokens[start - 1].pos_ == "PROPN" and tokens[start - 1].is_title:
            start -= 1
        end = last = i + 3
        while end < len(tokens) and (
            tokens[end].is_title or (tokens[end].lower_ in ("and", "&") and last == end and end + 1 < len(tokens))
        ):
            if tokens[end].is_title:
                last = end + 1
            end += 1
        if last == i + 3:
            continue  # no capitalised word after it: 'Beijing State-owned firms'
        pieces = [c for c in out if c.start < last and c.end > start]
        if any(c.kb_id for c in pieces):
            continue
        out = _replaced(out, pieces, _one_name(parsed, start, last, pieces))
    return sorted(out, key=lambda c: c.start)


def _place_led_names(parsed: Parsed, found: list[Candidate]) -> list[Candidate]:
    """'Chongqing Ant Consumer Finance', 'Shanghai Pudong Development Bank': a place the parse makes a word of an
    unknown organization's name right after it opens that registered name (the NER reads the place apart), also
    after a preposition ('a stake in Shanghai Pudong Development Bank'). Not a place after the preposition that
    opens the sentence ('In Beijing Acme Robotics opened a lab', a missing comma),
    nor one before a known name ('Shenzhen-based BYD', 'Hangzhou Alibaba' keeps Alibaba whole)."""
    tokens = parsed.tokens
    by_start = {c.start: c for c in found}
    out = list(found)
    for place in found:
        name = by_start.get(place.end)
        if (
            name is None
            or name.kb_id
            or resolve_type(place.votes) != "Place"
            or resolve_type(name.votes) != "Organization"
            or (place.start > 0 and tokens[place.start - 1].pos_ == "ADP" and _opens_sentence(tokens, place.start - 1))
            or not (outward := [t for t in tokens[place.start : place.end] if t.head.i >= place.end])
            or not all(t.dep_ == "compound" and name.start <= t.head.i < name.end for t in outward)
        ):
            continue
        out = _replaced(out, [place, name], _one_name(parsed, place.start, name.end, [place, name]))
    return sorted(out, key=lambda c: c.start)


def _airlines_named_for_places(parsed: Parsed, found: list[Candidate]) -> list[Candidate]:
    """'Air China', 'Air New Zealand', 'Air Macau': 'Air' written as a name before a place names a carrier, which the
    NER reads as the place alone (not 'by air China …', nor 'Air' apart from the place: 'Air, China's …')."""
    tokens = parsed.tokens
    taken = {i for c in found for i in range(c.start, c.end)}
    out = list(found)
    for place in found:
        air = place.start - 1
        if air < 0 or tokens[air].text != "Air" or air in taken or resolve_type(place.votes) != "Place":
            continue
        name = parsed.text_of(parsed.doc[air : place.end])
        out = _replaced(out, [place], Candidate(air, place.end, name, "ORG", votes={"Organization": 2.0}))
    return sorted(out, key=lambda c: c.start)


def _bracketed_registered_names(parsed: Parsed, found: list[Candidate]) -> list[Candidate]:
    """'China Pacific Insurance (Group) Co.', 'Acme Logistics (Shenzhen) Technology Co.': a registered name holding a
    bracketed word (a legal form, a place), continued by capitalised words that end in a company suffix, is one name
    (the NER stops at the bracket and tags what follows apart); so is one that ends with the bracket, when it holds a
    legal form or a place in title case ('Ping An Insurance (Group)', 'Ant Bank (Hong Kong)'). Not 'Acme Holdings (HK)
    rose' (a code, not a name's word), nor 'Acme (Shenzhen) Ltd rose' cut short. A known company's registered name is
    that company's."""
    tokens = parsed.tokens
    by_start = {c.start: c for c in found}
    out = list(found)
    for c in found:
        j = c.end
        if resolve_type(c.votes) != "Organization" or j + 3 >= len(tokens) or tokens[j].text != "(":
            continue
        place = by_start.get(j + 1)
        close = j + 2 if place is None else place.end  # ('(Hong Kong)': a place of two words)
        inside = tokens[j + 1 : close]
        if (
            close >= len(tokens)
            or tokens[close].text != ")"
            or not inside
            or not all(t.is_alpha and t.text[:1].isupper() for t in inside)
        ):
            continue
        end = close + 1
        while end < len(tokens) and end - j < 8 and tokens[end].text[:1].isupper():
            end += 1
        if end == close + 1:
            # the name ends with its bracket: a legal form or a place's name in title case (not a code: 'Sea Ltd
            # (SE)', 'Acme Holdings (HK)')
            # a place only after a name of more than one word: 'Ant Bank (Hong Kong)', 'Bank of China (Hong Kong)';
            # not a city after a one-word brand, 'Meituan (Beijing) and Alibaba (Hangzhou)'
            if not inside[0].is_title or not (
                (len(inside) == 1 and inside[0].lower_ in lx.LEGAL_FORM_WORDS)
                or (place is not None and resolve_type(place.votes) == "Place" and c.end - c.start > 1)
            ):
                continue
        elif tokens[end - 1].lower_ not in lx.COMPANY_SUFFIXES:
            continue
        pieces = [k for k in out if k.start < end and k.end > c.start]
        if any(k.kb_id and k is not place and k is not c for k in pieces):
            continue
        whole = _one_name(parsed, c.start, end, [c])
        whole.kb_id = c.kb_id  # (a known company's registered name is that company's: 'Alipay (China) … Co.')
        out = _replaced(out, pieces, whole)
    return sorted(out, key=lambda c: c.start)


#: Words that open a clause after a colon, never a subtitle ('Tencent: It said …').
_CLAUSE_OPENERS = frozenset({"the", "a", "an", "it", "its", "this", "that", "these", "he", "she", "they", "we", "i"})


def _colon_titles(parsed: Parsed, found: list[Candidate]) -> list[Candidate]:
    """'Arknights: Endfield', 'San Guo: Mou Ding Tian Xia', 'Honkai: Nexus Anima': a title and its subtitle, a colon
    written right after the first, name one work, a product (the NER tags the halves apart). Both halves are
    capitalised words inside a sentence; not a known company or a place before the colon ('Tencent: Profits rose'),
    nor a clause after it (a verb after the capitalised words: 'Its message to Beijing: Tencent will comply'; a
    pronoun or an article first)."""
    tokens = parsed.tokens
    by_end = {c.end: c for c in found}
    out = list(found)
    for colon in tokens:
        i = colon.i
        if colon.text != ":" or i == 0 or i + 1 >= len(tokens) or tokens[i - 1].whitespace_ or not colon.whitespace_:
            continue
        start = i
        while start > 0 and i - start < 4 and tokens[start - 1].is_alpha and _written_as_name(tokens[start - 1].text):
            start -= 1
        end = i + 1
        while (
            end < len(tokens)
            and end - i <= 6
            and (tokens[end].is_alpha or tokens[end].like_num)
            and (_written_as_name(tokens[end].text) or tokens[end].like_num)
        ):
            end += 1
        left = by_end.get(i)
        if left is not None:
            start = min(start, left.start)
        if (
            start == i
            or end == i + 1
            or tokens[start].is_sent_start
            or parsed.sent_index[start] != parsed.sent_index[end - 1]
            or tokens[i + 1].lower_ in _CLAUSE_OPENERS
            or (end < len(tokens) and tokens[end].pos_ in ("VERB", "AUX"))
            or (left is not None and left.kb_id is not None and left.label != "PRODUCT")
        ):
            continue
        pieces = [c for c in out if c.start < end and c.end > start]
        if any(c.start < start or c.end > end for c in pieces):
            continue
        title = Candidate(start, end, parsed.text_of(parsed.doc[start:end]), "PRODUCT", votes={"Program": 2.0})
        out = _replaced(out, pieces, title)
    return sorted(out, key=lambda c: c.start)


def _replaced(found: list[Candidate], pieces: list[Candidate], whole: Candidate) -> list[Candidate]:
    """``found`` with the candidates ``pieces`` (these very ones, not equal ones) replaced by ``whole``."""
    joined = {id(c) for c in pieces}
    return [c for c in found if id(c) not in joined] + [whole]


def _administrations(parsed: Parsed, found: list[Candidate]) -> list[Candidate]:
    """'the Trump administration', 'the Biden administration': a leader's name between 'the' and a lower-case
    'administration' names the government that leader heads, an organization called by both words (the NER takes
    the name for a person's or a company's). Not 'Trump's administration' (a person's, as the possessive says), nor
    a known company, nor 'the State Administration for Market Regulation' (a name of its own)."""
    tokens = parsed.tokens
    out = []
    for c in found:
        kind = resolve_type(c.votes)
        if (
            c.start > 0
            and c.end < len(tokens)
            and tokens[c.start - 1].lower_ == "the"
            and tokens[c.end].text == "administration"
            and (kind == "Person" or (kind == "Organization" and c.kb_id is None))
        ):
            span = parsed.doc[c.start : c.end + 1]
            c = Candidate(span.start, span.end, parsed.text_of(span), "ORG", votes={"Organization": 3.0})
        out.append(c)
    return out


#: Capitalised offices of a government, whose portfolio stands before them ("Industry and Technology Minister").
_PORTFOLIO_OFFICES = frozenset({"minister", "secretary"})


def _persons_after_titles(parsed: Parsed, found: list[Candidate], common_words: Container[str]) -> list[Candidate]:
    """A full name of two or three capitalised words right after a capitalised title is a person's, whole: "Renault
    Chief Executive François Provost" (which the NER missed), "Industry and Technology Minister Mehmet Fatih Kacır"
    (which it cut to 'Fatih Kacır'). The words of a minister's portfolio before the title name no company ('Turkish
    Industry', 'Technology'). Not a name the NER calls a place or a company ('Managing Director Asia Pacific'), nor
    one word, which may be a company's ('President Trump' is the NER's to read)."""
    tokens = parsed.tokens
    by_token: dict[int, Candidate] = {}
    for c in found:
        for i in range(c.start, c.end):
            by_token[i] = c
    out = list(found)
    for t in tokens:
        if not (t.text[:1].isupper() and t.lower_ in _TITLE_WORDS) or (
            t.i + 1 < len(tokens) and tokens[t.i + 1].lower_ in _TITLE_WORDS
        ):
            continue
        end = t.i + 1
        while end < len(tokens) and end - t.i <= 4 and _capitalised_proper(tokens[end]):
            end += 1
        run = tokens[t.i + 1 : end]
        inside = {id(piece): piece for i in range(t.i + 1, end) if (piece := by_token.get(i)) is not None}
        if (
            not 2 <= len(run) <= 3
            or any(x.lower_ in _TITLE_WORDS or x.ent_type_ not in ("", "PERSON") for x in run)
            or any(c.label != "PERSON" or c.start <= t.i or c.end > end for c in inside.values())
            or (end < len(tokens) and tokens[end].text in ("-", "&"))
        ):
            continue
        span = parsed.doc[t.i + 1 : end]
        whole = Candidate(span.start, span.end, parsed.text_of(span), "PERSON", votes={"Person": 2.5})
        out = _replaced(out, list(inside.values()), whole)
        if t.lower_ in _PORTFOLIO_OFFICES:
            out = [c for c in out if not _portfolio_words(tokens, c, t.i, common_words)]
    out.sort(key=lambda c: c.start)
    return out


def _portfolio_words(tokens: list[Token], c: Candidate, office: int, common_words: Container[str]) -> bool:
    """Whether ``c`` is unknown common words of the portfolio before an office ('Turkish Industry' and 'Technology'
    in 'Turkish Industry and Technology Minister')."""
    if c.kb_id is not None or not 0 <= office - c.end <= 3:
        return False
    between = tokens[c.end : office]
    return all(x.lower_ in ("and", ",", "&") or x.lower_ in common_words for x in between) and all(
        x.lower_ in common_words or x.ent_type_ == "NORP" for x in tokens[c.start : c.end]
    )


def _one_name(parsed: Parsed, start: int, end: int, pieces: list[Candidate]) -> Candidate:
    """The organization's name over tokens ``start:end`` that joins ``pieces``, with the type votes of all of them."""
    votes: dict[str, float] = {}
    for c in pieces:
        for label, v in c.votes.items():
            votes[label] = votes.get(label, 0) + v
    return Candidate(start, end, parsed.text_of(parsed.doc[start:end]), "ORG", votes=votes)


def _dateline_sources(parsed: Parsed, found: list[Candidate]) -> list[Candidate]:
    """'MILAN/SHENZHEN, July 9 (Payments Asia Journal) — …': the publication a dateline credits in brackets before
    its dash is an organization, whole (the NER reads such a name in pieces: 'Asia Journal'); a known one keeps its
    link. A desk or a staff credit ('(Business Desk)', '(Staff report)') names nothing."""
    tokens = parsed.tokens
    out = list(found)
    for t in tokens:
        if t.text != "(" or not _opens_dateline(tokens, t.i):
            continue
        close = next((k for k in range(t.i + 1, min(t.i + 8, len(tokens))) if tokens[k].text == ")"), None)
        if close is None or close == t.i + 1 or close + 1 >= len(tokens):
            continue
        words = tokens[t.i + 1 : close]
        if tokens[close + 1].text not in lx.DATELINE_DASHES or not all(
            w.text[:1].isupper() or w.text == "&" for w in words
        ):
            continue
        start, end = t.i + 1, close
        inside = [c for c in out if c.start < end and start < c.end]
        if any(c.kb_id and (c.start, c.end) == (start, end) for c in inside):
            continue
        out = [c for c in out if c not in inside]
        if all(w.lower_ in lx.NEWSROOM_WORDS for w in words) or words[-1].lower_ in lx.NEWSROOM_UNITS:
            continue  # '(Business Desk)', '(Staff report)', '(Markets Desk)': a desk of the paper, which is no name
        span = parsed.doc[start:end]
        out.append(Candidate(start, end, parsed.text_of(span), "ORG", votes={"Organization": 5.0}))
    return sorted(out, key=lambda c: c.start)


def _opens_dateline(tokens: list[Token], i: int) -> bool:
    """Whether only a dateline's place and date stand between the paragraph's start and token i ('SEOUL, Jan 8',
    'MILAN/SHENZHEN, July 9')."""
    j = i - 1
    while j >= 0 and "\n" not in tokens[j].text:
        t = tokens[j]
        if not (
            (t.is_upper and t.is_alpha) or t.is_digit or t.text in (",", "/", ".") or t.lower_.rstrip(".") in MONTHS
        ):
            return False
        j -= 1
    return j < i - 1


def _joins_another_title_word(tokens: list[Token], i: int, known: list[Candidate]) -> bool:
    """Whether 'and' (or '&') at token i joins a title-case word that belongs to no known organization."""
    return (
        (tokens[i].lower_ == "and" or tokens[i].text == "&")
        and i + 1 < len(tokens)
        and tokens[i + 1].text[:1].isupper()
        and tokens[i + 1].is_alpha
        and not any(k.start <= i + 1 < k.end for k in known)
    )


def _rules_name_end(tokens: list[Token], i: int) -> int | None:
    """End of the name of a set of rules that a plural head opens ('Measures for the Administration of Online Games',
    'Provisions on the Management of Algorithmic Recommendations', 'Regulations on the Protection of Minors Online'):
    'for' or 'on', then title-case words joined by 'of', 'and', 'the', 'for' and 'on'; None when no title-case word
    follows ('rules for the sector', 'Measures on Monday')."""
    j = i + 1
    if j + 1 >= len(tokens) or tokens[j].lower_ not in ("for", "on"):
        return None
    j += 1 + (tokens[j + 1].lower_ == "the")
    end = None
    while j < len(tokens) and j - i < 16 and tokens[j].ent_type_ != "DATE":  # ('… of Online Games on Monday')
        if (
            (tokens[j].text[:1].isupper() and tokens[j].is_alpha)
            or _title_hyphen_half(tokens, j)
            or (tokens[j].text == "-" and end == j)
        ):
            j += 1
            end = j
        elif end == j and tokens[j].lower_ in ("of", "and", "for", "on", "the") and j + 1 < len(tokens):
            # ('… Content and the Measures for …' is two names: no article after 'and')
            j += 1 + (tokens[j + 1].lower_ == "the" and tokens[j].lower_ in ("of", "for", "on"))
        else:
            break
    return end


def _title_hyphen_half(tokens: list[Token], i: int) -> bool:
    """Whether token i is the small second half of a hyphenated title-case word ('Audio-video', 'E-commerce')."""
    return tokens[i].is_alpha and _hyphen_joined(tokens, i)


def _closes_a_title_list(tokens: list[Token], i: int, known: list[Candidate]) -> bool:
    """Whether the comma at token i lists title-case words that an 'and' closes ('Ministry of Economy, Trade and
    Industry', 'Zakat, Tax and Customs Authority'): title-case words and commas up to 'and' and one more."""
    j = i
    while j + 1 < len(tokens) and tokens[j].text == "," and tokens[j + 1].text[:1].isupper() and tokens[j + 1].is_alpha:
        j += 2
        while j < len(tokens) and tokens[j].text[:1].isupper() and tokens[j].is_alpha:
            j += 1
        if _joins_another_title_word(tokens, j, known):
            return True
    return False


def _joined_institutions(parsed: Parsed, found: list[Candidate]) -> list[Candidate]:
    """One name for a body or a law whose title-case name the NER breaks at 'and', '&', a hyphen or 'of' ("Foreign
    Exchange and Foreign Trade Act", "Payment & Clearing Association of China", "Korea Federation of SMEs"): from
    its head word, left over title-case words joined so, and right over 'of' and a title-case run; the pieces it
    covers give way. It never takes in a known organization ("Meituan and the China Chamber of Commerce")."""
    tokens = parsed.tokens
    known = [c for c in found if c.kb_id and c.votes.get("Organization")]
    out = list(found)
    for t in tokens:
        lemma = t.lower_
        law = lemma in lx.LAW_HEADS
        if t.text[:1].isupper() and lemma in lx.RULES_HEADS and (ruled := _rules_name_end(tokens, t.i)):
            law, end = True, ruled  # 'Measures for the Administration of Online Games': the head first
        elif not (t.text[:1].isupper() and (law or lemma in lx.INSTITUTION_HEADS)):
            continue
        else:
            end = t.i + 1
        start = t.i
        while start > 0:
            prev = tokens[start - 1]
            title = prev.text[:1].isupper() and prev.lower_ not in ("the", "a")
            title = title or _title_hyphen_half(tokens, start - 1)
            joiner = prev.text in ("-", "&") or (
                prev.lower_ in ("and", ",")
                and start >= 2
                and (tokens[start - 2].text[:1].isupper() or _title_hyphen_half(tokens, start - 2))
                and (prev.lower_ == "and" or _closes_a_title_list(tokens, start - 1, known))
            )
            if not (title or joiner):
                break
            start -= 1
            if prev.is_sent_start:
                break
        while tokens[start].text in ("-", "&", ",") or tokens[start].lower_ == "and":
            start += 1
        if (
            not law
            and end + 1 < len(tokens)
            and tokens[end].lower_ in ("of", "for")  # ('Federal Ministry for Economic Affairs and Climate Action')
            and tokens[end + 1].text[:1].isupper()
        ):
            end += 1
            while end < len(tokens):
                if tokens[end].text[:1].isupper() and not tokens[end].is_punct:
                    end += 1
                elif _joins_another_title_word(tokens, end, known) or _closes_a_title_list(tokens, end, known):
                    end += 2  # 'Ministry of Internal Affairs and Communications', 'Ministry of Economy, Trade and …'
                else:
                    break
        inside = [c for c in out if c.start < end and start < c.end]
        if end - start < 3 or any(c.start == start and c.end == end for c in inside):
            continue  # two title-case words, or a name the NER read whole
        if any(k.start < end and start < k.end for k in known):
            continue
        if any(c.start < start or c.end > end for c in inside):
            continue  # overlaps a longer name
        out = [c for c in out if c not in inside]
        span = parsed.doc[start:end]
        out.append(Candidate(start, end, parsed.text_of(span), "ORG", votes={"Other" if law else "Organization": 5.0}))
    return sorted(out, key=lambda c: c.start)


#: 'Brand names that start with digits: "99Food", "7Fresh", "52Toys" (not "5G", "4K", "10x").
_DIGIT_LED_NAME = re.compile(r"\d+[A-Z][a-z]{2,}[A-Za-z]*")
#: Names of digits and capitals ("4PX", "3SBio"): names only where a name stands, and never a unit ("10GW", "128GB").
_DIGIT_LED_CODE = re.compile(r"\d+[A-Z]{2,4}[a-z]*")


def _digit_led_names(parsed: Parsed, covered: bytearray) -> list[Candidate]:
    """Names the NER never tags because they start with digits ("99Food", "7Fresh", "52Toys"): a run of digits then
    a capitalised word, in one token, is a brand's name."""
    out = []
    for t in parsed.tokens:
        # ('4PX, which is owned by Cainiao': a code of digits and capitals is a name as a clause's argument, not as
        # a modifier, and not when its letters are a unit or the code is jargon: '10GW plant', '3PL providers')
        code = (
            _DIGIT_LED_CODE.fullmatch(t.text) is not None
            and t.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "appos", "conj")
            and t.text.lstrip("0123456789").lower() not in lx.UNIT_LETTERS
            and t.lower_ not in lx.JARGON
        )
        if not covered[t.i] and (code or _DIGIT_LED_NAME.fullmatch(t.text)):
            covered[t.i] = 1
            out.append(Candidate(t.i, t.i + 1, parsed.text_of(parsed.doc[t.i : t.i + 1]), "DIGITS",
                                 votes={"Organization": 2.0}))  # fmt: skip
    return out


def _short_names(parsed: Parsed, found: list[Candidate], covered: bytearray) -> list[Candidate]:
    """A company the text names in full with its legal form ("Hello Inc.", "Dingdong (Cayman) Ltd.", "Kyoritsu
    Maintenance Co.") is then called by the rest of its name or by its first word ("Hello competes with …",
    "Kyoritsu said …"): those mentions, wherever the NER missed them. The short name stands alone (not inside a
    longer capitalised name: "Red Sea" is no mention of "Sea Ltd."), and a known name is never one."""
    tokens = parsed.tokens
    shorts: dict[tuple[str, ...], Candidate] = {}
    first_words: set[tuple[str, ...]] = set()
    for c in found:
        # ('The Pokémon Company' is then 'Pokémon Company', never 'The')
        words = [t for t in tokens[c.start : c.end] if (not t.is_punct or t.text == "&") and t.text != "The"]
        k = len(words)
        while k > 1 and _legal_word(words[k - 1]):
            k -= 1
        if (
            c.kb_id is None
            and k == len(words)
            and k > 1
            and words[k - 1].lower_ in lx.ORG_NAME_WORDS
            and words[k - 1].text[:1].isupper()
        ):
            k -= 1  # 'Hoshizora Interactive', then 'Hoshizora': an unknown company's name ending goes like a legal form
        base = tuple(t.text for t in words[:k] if not (t.text.startswith("(") or t.text.endswith(")")))
        if k < len(words) and base and _written_as_name(words[0].text) and base[-1].lower() not in lx.LEGAL_FORM_WORDS:
            shorts.setdefault(base, c)
            if len(base) > 1 and base[0].isalpha() and len(base[0]) > 2:
                first_words.add(base[:1])
                shorts.setdefault(base[:1], c)  # 'Kyoritsu Maintenance Co.', then 'Kyoritsu'

    out = []
    by_span = {(c.start, c.end): c for c in found}
    for base, full in shorts.items():
        n = len(base)
        for i in range(len(tokens) - n + 1):
            if not (
                tokens[i].text == base[0]
                # a first word the NER calls a place or a nationality elsewhere ('Saudi Logistics Services Co',
                # then 'Saudi rival SMSA') is one there
                and not (base in first_words and tokens[i].ent_type_ in ("GPE", "NORP", "LOC"))
                # a known company's first word that qualifies the word after it is that word's modifier, not the
                # company ('Industrial output fell' after 'Industrial and Commercial Bank of China Ltd.')
                and not (
                    base in first_words
                    and full.kb_id
                    and tokens[i].dep_ in ("amod", "compound", "nmod")
                    and tokens[i].head.i > i
                )
                and tuple(t.text for t in tokens[i : i + n]) == base
                and _stands_alone(tokens, i, n)
            ):
                continue
            same = by_span.get((i, i + n)) or _piece_of_a_short_name(found, full, i, i + n, covered)
            if same is not None and same.kb_id is None and same is not full:
                # the NER's own span of the short name ("Sea" taken for a place), or of a piece of it ('Sheep' of
                # 'Three Sheep', its number read apart): the company's, as the text says
                same.start, same.end, same.text = i, i + n, parsed.text_of(parsed.doc[i : i + n])
                covered[i : i + n] = b"\x01" * n
                same.votes["Organization"] = same.votes.get("Organization", 0) + 3.0
                same.short_for = full
            elif not any(covered[i : i + n]):
                span = parsed.doc[i : i + n]
                covered[i : i + n] = b"\x01" * n
                out.append(
                    Candidate(i, i + n, parsed.text_of(span), "SHORT", votes={"Organization": 3.0}, short_for=full)
                )
    return out


def _number_led_names(parsed: Parsed, found: list[Candidate], covered: bytearray) -> None:
    """'Three Sheep Network', 'Five Star Holdings': a capitalised number word that counts the name's own words
    (the small model reads it apart, as a cardinal) opens an unknown name. Not 'Two Alibaba units' (the number
    counts the units, after the name) nor a known name ('Three Kingdoms' in the KB keeps its own span)."""
    tokens = parsed.tokens
    for c in found:
        if c.kb_id is not None or c.start == 0 or covered[c.start - 1]:
            continue
        number = tokens[c.start - 1]
        if (
            number.like_num
            and number.is_alpha
            and number.is_title
            and number.lower_ != "one"
            and c.start <= number.head.i < c.end
        ):
            c.start = number.i
            c.text = parsed.text_of(parsed.doc[c.start : c.end])
            covered[number.i] = 1


def _piece_of_a_short_name(
    found: list[Candidate], full: Candidate, start: int, end: int, covered: bytearray
) -> Candidate | None:
    """The one unknown name inside the tokens of a short name that covers all that is covered there ('Sheep' in
    'Three Sheep said …' after 'Three Sheep Network'), else None."""
    inside = [c for c in found if start <= c.start and c.end <= end and c is not full and c.kb_id is None]
    if len(inside) != 1 or sum(covered[start:end]) != inside[0].end - inside[0].start:
        return None
    return inside[0]


#: Participles after a place and a hyphen that describe a company by its seat ('Berlin-based', 'Lisbon-headquartered').
_SEAT_PARTICIPLES = frozenset({"based", "headquartered"})


def _based_names(parsed: Parsed, found: list[Candidate], covered: bytearray) -> list[Candidate]:
    """Names right after a company's seat: "Berlin-based GetYourGuide" (which the NER missed), "Paris-based
    Vestiaire Collective" (which it took for a person). What has a seat is an organization (a person is
    'Berlin-born'), and the seat a place ('the Wolfsburg-based group', which the NER took for a company)."""
    tokens, out = parsed.tokens, []
    starts = {c.start: c for c in found if c.kb_id is None}
    ends = {c.end: c for c in found if c.kb_id is None}
    for t in tokens:
        if t.lower_ not in _SEAT_PARTICIPLES or t.i < 2 or tokens[t.i - 1].text not in ("-", "‐"):
            continue
        if not _seat_of_a_company(t):
            continue
        if (seat := ends.get(t.i - 1)) is not None:
            seat.votes["Place"] = seat.votes.get("Place", 0) + 3.0  # 'The Wolfsburg-based group': a seat is a place
        elif (
            (where := _proper_run(tokens, t.i - 2, -1)) is not None
            and not any(covered[where[0] : where[1]])
            and not any(x.ent_type_ == "NORP" for x in tokens[where[0] : where[1]])  # ('Chinese-headquartered')
        ):
            # ('the Eindhoven-headquartered chipmaker': the NER saw no name)
            out.append(_claimed(parsed, covered, where, "SEAT", {"Place": 3.0}))
        if (named := starts.get(t.i + 1)) is not None:
            named.votes["Organization"] = named.votes.get("Organization", 0) + 3.0
            continue
        run = _proper_run(tokens, t.i + 1, 1)
        if run is None or any(covered[run[0] : run[1]]):
            continue
        out.append(_claimed(parsed, covered, run, "SEATED", {"Organization": 3.0}))
    return out


def _seat_of_a_company(based: Token) -> bool:
    """Whether 'based' tells a company's seat: it modifies a name or a kind of company ('the Wolfsburg-based group',
    'Berlin-based GetYourGuide'), not a product ('CEA-based vehicles', 'Android-based phones')."""
    head = based.head if based.dep_ in ("amod", "compound") else based
    while head.dep_ == "compound" and head.head.i > head.i:
        head = head.head
    kind = head.lemma_.lower()
    return (
        head.tag_ in ("NNP", "NNPS")
        or lx.NAME_CATEGORY_TYPES.get(kind) == "Organization"
        or kind.endswith(("maker", "builder"))  # 'shipbuilder', 'toolmaker'
    )


def _names_of_a_country(parsed: Parsed, found: list[Candidate], covered: bytearray) -> list[Candidate]:
    """Names a place's possessive introduces: "Germany's Ceconomy", "Spain's Ebro" (which the NER missed): a
    country's company. Not a title ("France's President Macron", "Japan's Prime Minister")."""
    tokens, out = parsed.tokens, []
    for c in found:
        if c.label not in ("GPE", "LOC") or c.end + 1 >= len(tokens) or tokens[c.end].lower_ not in ("'s", "’s"):
            continue
        end = c.end + 1  # (capitalised words, whatever their tag: the small model tags an unknown name a noun)
        while end < len(tokens) and end - c.end <= 3 and tokens[end].is_alpha and tokens[end].text[:1].isupper():
            end += 1
        run = (c.end + 1, end)
        first, after = tokens[run[0]], tokens[end] if end < len(tokens) else None
        if (
            end == c.end + 1
            or any(covered[run[0] : run[1]])
            or first.lower_ in _TITLE_WORDS | _HIGH_OFFICES | {"series"}  # ('Japan's Prime Minister', a Series B)
            or first.ent_type_ == "NORP"
            or (after is not None and (after.lower_ in _PLACE_NOUNS or after.text == "-"))  # 'Tokyo's Shibuya
            # district', 'Belgium's French-speaking south'
        ):
            continue
        out.append(_claimed(parsed, covered, run, "ORG", {"Organization": 2.0}))
    return out


#: Nouns after a name that make it a place: "Tokyo's Shibuya district".
_PLACE_NOUNS = frozenset({"district", "province", "city", "region", "area", "county", "state", "island", "port"})
#: Offices of a state, never a company's name after its country's possessive ("France's President Macron").
_HIGH_OFFICES = frozenset({"president", "prime", "chancellor", "king", "queen", "emperor", "crown", "supreme"})


def _stands_alone(tokens: Sequence[Token], i: int, n: int) -> bool:
    """Whether the ``n`` tokens from ``i`` are not inside a longer capitalised name ('Sea' in 'Red Sea'); a title
    after it is no part of it ('Sea Chairman and Chief Executive Forrest Li')."""
    return not _after_a_name_word(tokens, i) and not (
        i + n < len(tokens)
        and tokens[i + n].text[:1].isupper()
        and tokens[i + n].lower_ not in lx.PERSON_POSTS | _TITLE_OPENERS
    )


#: Words that open a title ('Chief Executive', 'Co-founder'), which may follow a company's name capitalised.
_TITLE_OPENERS = frozenset({"chief", "co-founder", "cofounder", "founder", "senior", "executive"})


def _repeated_names(parsed: Parsed, found: list[Candidate], covered: bytearray) -> list[Candidate]:
    """Every other place the text writes a name it already gave as an organization's or a person's, where the NER
    missed it ("Loggi, founded in 2013 by …" after "Loggi’s CEO"): the same words, standing alone (not inside a
    longer capitalised name), are the same name."""
    tokens = parsed.tokens
    names: dict[tuple[str, ...], Candidate] = {}
    for c in found:
        if c.votes.get("Organization", 0) > 0 or c.votes.get("Person", 0) > 0 or c.kb_id:
            names.setdefault(tuple(t.text for t in tokens[c.start : c.end]), c)
    at: dict[str, list[int]] = {}  # token text -> where it stands
    for t in tokens:
        at.setdefault(t.text, []).append(t.i)
    out = []
    for words, first in names.items():
        n = len(words)
        if not words[0][:1].isupper() or all(w.isupper() and len(w) <= 3 for w in words):
            continue  # short acronyms are too often something else
        for i in at.get(words[0], ()):
            if (
                i + n > len(tokens)
                or any(covered[i : i + n])
                or tuple(t.text for t in tokens[i : i + n]) != words
                or not _stands_alone(tokens, i, n)
            ):
                continue
            covered[i : i + n] = b"\x01" * n
            span = parsed.doc[i : i + n]
            out.append(
                Candidate(
                    i, i + n, parsed.text_of(span), first.label, first.kb_id, votes=dict(first.votes), guess=first.guess
                )
            )
    return out


def _listed_names(parsed: Parsed, found: list[Candidate], covered: bytearray) -> list[Candidate]:
    """Names right before a ticker: what has a listing is a company. The NER's own names there ("Yonghui
    Superstores (SHA: 601933)") get that vote whatever their shape says; names it missed ("Payoneer (NASDAQ:
    PAYO)", "East Buy Holding (HKEX: 1797)") are claimed, and returned."""
    if not parsed.tickers:
        return []
    tokens, out = parsed.tokens, []
    first_at = {t.idx: t.i for t in tokens}
    parens = [_name_end_before(tokens, first_at[t.start]) for t in parsed.tickers if t.start in first_at]
    for paren in parens:
        run = _proper_run(tokens, paren - 1, -1) if paren else None
        if run is None or any(covered[run[0] : run[1]]):
            continue
        if all(t.lower_.rstrip(".") in lx.LEGAL_FORM_WORDS for t in tokens[run[0] : run[1]]):
            continue  # 'Ltd.' of 'Dingdong (Cayman) Ltd.' is no name of its own
        out.append(_claimed(parsed, covered, run, "LISTED", {"Organization": 3.0}))
    for c in (*found, *out):
        if c.end in parens and not c.kb_id:
            c.votes["Organization"] = c.votes.get("Organization", 0) + 3.0
    return out


def _name_end_before(tokens: list[Token], paren: int) -> int:
    """Where the name before a ticker's bracket ends: at the bracket, or before one bracketed word between them
    ("Kuka Home (顾家家居) (SHSE: 603816)", "Dingdong (Cayman) (NYSE: DDL)")."""
    return paren - 3 if one_word_bracket(tokens, paren - 3) else paren


def _ticker_exchanges(
    parsed: Parsed, found: list[Candidate], covered: bytearray, exchange_codes: Mapping[str, str]
) -> list[Candidate]:
    """The exchange a ticker's code names ("ADX" in "(ADX: EAND)"), read from the KB's ticker prefixes where no
    KB name matched it; a name the NER gave the code alone takes the exchange's link."""
    out = []
    for ticker in parsed.tickers:
        for start, end in ticker.exchanges:
            exchange = exchange_codes.get(parsed.text[start:end].upper())
            span = parsed.doc.char_span(start, end, alignment_mode="expand")
            if exchange is None or span is None:
                continue
            same = [c for c in found if (c.start, c.end) == (span.start, span.end)]
            if same:
                for c in same:
                    c.kb_id = c.kb_id or exchange
            elif not any(covered[span.start : span.end]):
                covered[span.start : span.end] = b"\x01" * len(span)
                out.append(
                    Candidate(span.start, span.end, parsed.text_of(span), "ORG", exchange, {"Organization": 5.0})
                )
    return out


def _quoted_programs(parsed: Parsed, skip: list[bool], taken: bytearray) -> list[Candidate]:
    """Programs named in quotes: a title-case name with a program head, or one a program noun follows."""
    doc, sent_of, text = parsed.doc, parsed.sent_index, parsed.text
    out = []
    for m in _QUOTE.finditer(text):
        # "X Plan 2.0": the version is not part of the name; nor is the comma American style puts inside the quote
        name = re.sub(r"\s+v?\d+(?:\.\d+)+$", "", m[1].strip().rstrip(",.;:").rstrip())
        words = name.split()
        # the noun after the closing quote, past up to two modifiers ("“Shein Exchange” resale program")
        after = re.match(
            r"\s*(?:[a-z-]+\s+){0,2}?(plans?|programs?|programmes?|projects?|conventions?|initiatives?|schemes?|"
            r"campaigns?|mechanisms?|functions?|features?|services?|tools?)\b",
            text[m.end() : m.end() + 40],
        ) or re.match(r"\s*([A-Za-z]+)", text[m.end() : m.end() + 30])
        after_word = after[1].lower() if after else ""
        after_lemma = (
            after_word[:-1] if after_word.endswith("s") and after_word[:-1] in lx.PROGRAM_NOUNS else after_word
        )
        is_prog = (
            (_is_title(words) and words[-1].lower() in lx.PROGRAM_HEADS)
            # '“Sanguo: Mou Ding Tianxia,” a Three Kingdoms strategy title': a work its appositive names as one
            or (_is_title(words) and _WORK_APPOSITIVE.match(text, m.end()) is not None)
            # (a common word in quotes is a term, not a name: 'a “pity” mechanism')
            or (after_lemma in lx.PROGRAM_NOUNS and len(words) <= 6 and not (len(words) == 1 and name.islower()))
            or (_is_title(words) and _SUCH_AS_PROGRAMS.search(text[max(0, m.start() - 200) : m.start()]))
        )
        span = doc.char_span(m.start(1), m.start(1) + len(name), alignment_mode="expand")
        if not is_prog or span is None or skip[sent_of[span.start]]:
            continue
        out.append(Candidate(span.start, span.end, parsed.text_of(span), "PROGRAM", votes={"Program": 5.0}))
        taken[span.start : span.end] = b"\x01" * (span.end - span.start)
    return out


def _emphasised_titles(parsed: Parsed, skip: list[bool], taken: bytearray) -> list[Candidate]:
    """Works an article sets off in Markdown emphasis: a title-case name between asterisks (underscores) is a
    product's ('*Three Kingdoms: Strategy*, the title Bilibili launched'), not a publication's ('*Caixin* reported')
    nor a phrase stressed ('*not*')."""
    doc, sent_of, text = parsed.doc, parsed.sent_index, parsed.text
    out = []
    for m in _EMPHASIS.finditer(text):
        name = m[2].rstrip(",.;:")
        span = doc.char_span(m.start(2), m.start(2) + len(name), alignment_mode="contract")
        if (
            span is None
            or not _is_title(name.split())
            or _PUBLICATION_AFTER.match(text, m.end())
            or skip[sent_of[span.start]]
            or any(taken[span.start : span.end])
        ):
            continue
        out.append(Candidate(span.start, span.end, parsed.text_of(span), "PROGRAM", votes={"Program": 5.0}))
        taken[span.start : span.end] = b"\x01" * (span.end - span.start)
    return out


def _passed_over(parsed: Parsed, ent: Span, skip: list[bool], taken: bytearray) -> bool:
    """Whether a KB-ruler or NER span is no candidate at all: of no type kept, in a sentence skipped, taken, a
    listing code, a likeness, or a capitalised plural noun opening a sentence."""
    tokens = parsed.tokens
    if ent.label_ not in lx.NER_TYPES or skip[parsed.sent_index[ent.start]] or any(taken[ent.start : ent.end]):
        return True
    if parsed.tickers and in_code(parsed.tickers, ent.start_char, ent.end_char):
        return True  # "(NYSE: BABA)": a listing code is data about its company, never an entity
    if _after_ticker_word(tokens, ent.start) and not any(c.islower() for c in ent.text):
        return True  # 'trades under the ticker DIDIY', 'under the symbol “9626”', 'its Nasdaq-listed stock (WB)'
    if ent.end + 1 < len(tokens) and _hyphen_joined(tokens, ent.end + 1) and tokens[ent.end + 1].lower_ in _LIKENESS:
        return True  # "Shanghai's Nasdaq-style STAR Market", "an Amazon-like service": a likeness, not the company
    # '“Wafers are.”', 'Models, computing power …': a plural noun opening a sentence, capitalised (not a dateline's
    # 'SHANGHAI')
    return (
        ent.end - ent.start == 1
        and not ent.ent_id_
        and tokens[ent.start].tag_ == "NNS"
        and tokens[ent.start].text[1:].islower()
        and _opens_sentence(tokens, ent.start)
    )


def _entity_candidate(
    parsed: Parsed,
    ent: Span,
    by_start: dict[int, Span],
    skip: list[bool],
    taken: bytearray,
    common_words: Container[str] = frozenset(),
) -> Candidate | None:
    """The candidate a KB-ruler or NER span gives, if any (marked taken when it is a KB company in full)."""
    tokens = parsed.tokens
    if _passed_over(parsed, ent, skip, taken):
        return None
    if ent.ent_id_ and ent.label_ != "PERSON":  # (a known person's name goes on in its own way, below)
        in_full = _kb_company_in_full(parsed, ent, by_start)
        if in_full is not None:
            taken[in_full.start : in_full.end] = b"\x01" * (in_full.end - in_full.start)
            return in_full
    end = ent.end
    if (
        ent.label_ == "PERSON"
        and not ent.ent_id_
        and (
            end - ent.start == 1
            # (a Western given name is no noun of a kind of person: not 'Scientist Wenfeng Liang', 'Anchor Jiaqi Li')
            or (
                end - ent.start == 2
                and pinyin_syllables(tokens[ent.start].text) >= 2
                and tokens[ent.start - 1].lower_ not in lx.CATEGORY_TYPES
                and tokens[ent.start - 1].lower_ not in lx.PERSON_DESCRIPTIONS
            )
        )
        and _given_name_before(tokens, ent.start, end)
    ):
        # 'Chief Executive Deepinder Goyal': the NER tagged 'Goyal' only; 'Rex Yongjun Chen': a Western given name
        # before a Chinese one, left out (not 'Fantastic Pixel Castle')
        ent = Span(parsed.doc, ent.start - 1, end, label=ent.label_)
    # (also of a name tagged a person's whose last word no person's name ends in: 'the Agent Cooperation Network')
    if (
        (ent.label_ != "PERSON" or tokens[end - 1].lower_ in lx.ORG_NAME_WORDS)
        and not ent.ent_id_
        and (start := _with_first_words(tokens, ent.start, end)) < ent.start
    ):
        ent = Span(parsed.doc, start, end, label=ent.label_)  # 'a stake in Paradox Interactive'
    if ent.label_ == "PERSON" and ent.ent_id_:
        end = _own_name_end(tokens, ent)
    if ent.label_ != "PERSON" and not ent.ent_id_ and _hyphenated_on(tokens, end):
        end += 2  # 'Media-Saturn', 'Hewlett-Packard': the NER stopped at the hyphen of a name written as one
    if end < len(tokens) and _hyphen_joined(tokens, end) and tokens[end].is_alpha:
        end += 1  # the NER cut a hyphenated word in half ("Choi Soo-" of "Choi Soo-yeon", "E-" of "E-mart")
    if ent.label_ != "PERSON" and not ent.ent_id_:
        end = _numbered_name_end(tokens, end)
    # the legal form's tokens after the name, which the NER may leave out or tag apart ('Co.')
    legal_form = range(end, end if ent.ent_id_ else _legal_suffix_end(tokens, end))
    end = legal_form.stop
    if ent.label_ == "PERSON" and end - ent.start > 1 and tokens[end - 1].lower_ in lx.COMPANY_SUFFIXES:
        ent = Span(parsed.doc, ent.start, end, label="ORG")  # 'Novo Nordisk A/S', 'Prada SpA': a company's name
    if legal_form and ent.label_ in ("GPE", "LOC"):
        ent = Span(parsed.doc, _registered_name_start(tokens, ent.start), end, label="ORG")
    start, end = _clean(tokens, ent.start, end)
    if not ent.ent_id_ and ent.label_ in _THE_NAMED_LABELS and _capital_the_before(tokens, start):
        start -= 1  # 'Overseas, The RealReal (NASDAQ: REAL) and …': a capital 'The' inside a sentence is the name's
    while ent.label_ == "PERSON" and not ent.ent_id_ and end - start > 1 and tokens[start].lower_ in _TITLE_WORDS:
        start += 1  # 'Analyst Zhang', 'Chairperson Li Wei': a title is not part of the name
    if end - start > 2 and tokens[end - 1].lower_ in lx.HONORIFIC_SUFFIXES and tokens[end - 2].text in ("-", "‐"):
        end -= 2  # 'Nagoshi-san' is Nagoshi
    while not ent.ent_id_ and end - start > 1 and (tokens[start].is_lower or tokens[start].text in ("-", "‐")):
        start += 1  # 'start-up Loggi', 'rival Keeta': a lower-case word before a name is a description of it
    while end - start > 1 and tokens[end - 1].like_num and end < len(tokens) and tokens[end].lower_ in lx.AMOUNT_WORDS:
        end -= 1  # 'fined Meituan 3.44 billion yuan': the amount is not part of the name
    if start >= end or any(taken[start:end]):
        return None
    kb_id = ent.ent_id_ or None
    if not kb_id:
        # NER tail words in lower case are not part of a name ("Youzan platform"), unless a hyphen joins them to
        # the name ("Kim Chang-han", "E-mart"); a compound modifier's tail is not ("Alibaba-owned", "Seoul-based"),
        # nor is a hyphen left by a common noun cut off ("Kunlunxin spin-off")
        while (
            end - start > 1
            and (tokens[end - 1].is_lower or tokens[end - 1].text in ("-", "‐"))
            and not (_hyphen_joined(tokens, end - 1) and not _hyphen_modifier(tokens[end - 1]))
        ):
            end -= 1
    if not kb_id and end - start == 1 and _capitalised_common_word(tokens, start, common_words):
        return None
    name = parsed.text_of(parsed.doc[start:end])
    if not kb_id and _not_a_name(name, ent, end - start):
        return None  # idioms, lower-case junk, nationalities ("Chinese"); "New Oriental" is kept
    votes = _ner_votes(tokens, ent.label_, start, end, kb_id, name)
    kind = _no_ones_name([t.text for t in tokens[start:end]], common_words) if ent.label_ == "PERSON" else None
    if not kb_id and kind:
        votes = {kind: 1.5}
    # the NER's label is a guess from the word's shape, repeated at each mention, so it counts once per entity; but
    # a place the dictionary knows ('Kenya', 'Gulf') is the model knowing the word, and counts at every mention
    known_place = ent.label_ in ("GPE", "LOC") and end - start == 1 and tokens[start].lower_ in common_words
    guess = {} if known_place else votes
    c = Candidate(start, end, name, ent.label_, kb_id, votes=dict(votes), guess=guess)
    if not kb_id:
        _head_word_vote(c, [t.text for t in tokens[start:end]], tokens[end - 1].lower_)
    if legal_form:  # ('Co.' tagged apart is no entity of its own)
        taken[legal_form.start : legal_form.stop] = b"\x01" * len(legal_form)
    return c


#: The labels of names that may begin with 'The' ('The Trade Desk', 'The Information'); not places ('— The Hangzhou
#: firm …' after a dateline) nor persons.
_THE_NAMED_LABELS = frozenset({"ORG", "PRODUCT", "WORK_OF_ART", "FAC", "EVENT"})


def _capital_the_before(tokens: list[Token], start: int) -> bool:
    """Whether a capital 'The' stands right before ``start`` inside its sentence, after a word or a comma: part of
    the name it opens ('rivals such as The RealReal', 'a report by The Information'), as a sentence's, a quote's, a
    title's or a clause's first word after a dash or colon is not."""
    if start < 2 or tokens[start - 1].text != "The" or _opens_sentence(tokens, start - 1):
        return False
    before = tokens[start - 2]
    return before.is_alpha or before.text == ","


def _numbered_name_end(tokens: list[Token], end: int) -> int:
    """End of a name the NER cut before its number: a numbered name ('Asia No. 1', 'Shanghai No. 6 Middle School':
    the tokenizer splits 'No.' from its point) or a product's model number, in the phrase of the kind of product it
    names ('the Hanguang 800 AI inference chip', 'its Yitian 710 server processor'; not 'Alibaba 2025 revenue', a
    year, nor 'sold Tencent 300 chips', a count)."""
    no = end - 1 if tokens[end - 1].text == "No" else end  # (the NER may take 'No' in or leave it out)
    if no + 3 < len(tokens) and tokens[no].text == "No" and tokens[no + 1].text == "." and tokens[no + 2].like_num:
        numbered = no + 3
        # ('Beijing No. 4 High School': the name runs on after its number in capitals)
        while numbered < len(tokens) and tokens[numbered].is_title and tokens[numbered].pos_ == "PROPN":
            numbered += 1
        return numbered
    if end + 1 >= len(tokens) or _YEAR.fullmatch(tokens[end].text) or tokens[end + 1].is_lower:
        return end  # ('Tencent 300 chips': a count qualifies the noun after it directly)
    return end + 1 if _numbered_product(tokens[end]) else end


def _numbered_product(number: Token) -> bool:
    """Whether a token is a model number in the phrase of a kind of product ('the Hanguang 800 AI inference
    chip')."""
    if number.dep_ != "nummod" or not number.text.isdigit():
        return False
    kind = number.head
    while kind.dep_ in ("compound", "nmod") and kind.head.i > kind.i:
        kind = kind.head
    return kind.lemma_.lower() in lx.PRODUCT_NOUNS and kind.i > number.i


def _no_ones_name(words: list[str], common_words: Container[str]) -> str | None:
    """What a name the NER took for a person's is when it is no one's (else None): an organization when it is a brand
    (:func:`_brand_shaped`, :func:`_pinyin_brand`) or a name of two or more words ending in a legal-form word ('Jin
    Jiang International', 'Wuba Holdings'); a title when it ends in a number, as a sequel or a model does ('Honor
    of Kings 2'), which no one's name does.

    >>> _no_ones_name(["Duoduo", "Maicai"], set()), _no_ones_name(["Wuthering", "Waves", "2"], set())
    ('Organization', 'Program')
    >>> _no_ones_name(["Zhang", "Yiming"], set()), _no_ones_name(["Ouyang", "Nana"], set())
    (None, None)
    """
    if len(words) >= 2 and words[-1].isdigit():
        return "Program"
    legal_ending = len(words) >= 2 and words[-1][:1].isupper() and words[-1].lower() in lx.LEGAL_FORM_WORDS
    brand = _brand_shaped(words, common_words) or _pinyin_brand(words, common_words)
    return "Organization" if legal_ending or brand else None


def _pinyin_brand(words: list[str], common_words: Container[str]) -> bool:
    """Whether a name in pinyin throughout is a brand's: every word of two or more syllables ('Duoduo Maicai',
    'Qishui Yinyue'). A Chinese person's name has a surname of one syllable, first or last ('Zhang Yiming', 'Yiming
    Zhang'), but for a few surnames of two ('Ouyang', 'Sima'), which the name then is read as. Short words and
    dictionary words may be English names that only look like pinyin ('Peter Hale', 'Mike Lane'), and are not read.

    >>> _pinyin_brand(["Xingsheng", "Youxuan"], set()), _pinyin_brand(["Wang", "Xing"], set())
    (True, False)
    >>> _pinyin_brand(["Sima", "Qianli"], set()), _pinyin_brand(["Peter", "Hale"], set())
    (False, False)
    """
    return (
        len(words) >= 2
        and all(pinyin_syllables(w) >= 2 and len(w) >= 5 and w.lower() not in common_words for w in words)
        and not any(w.lower() in lx.COMPOUND_SURNAMES for w in words)
    )


def _brand_shaped(words: list[str], common_words: Container[str]) -> bool:
    """Whether a name reads as a Chinese brand with an English word after it ('Jingdou Cloud', 'Wanda Realm',
    'Meituan Select'): a first word of two or more pinyin syllables and a last word from the dictionary that is no
    pinyin, which no personal name has (a Chinese one is pinyin throughout, 'Lei Jun'; an English given name comes
    first, 'Pony Ma'; a one-syllable given name is an English one as well, 'Dan Brown').

    >>> _brand_shaped(["Jingdou", "Cloud"], {"cloud"}), _brand_shaped(["Lei", "Jun"], {"jun"})
    (True, False)
    >>> _brand_shaped(["Dan", "Brown"], {"brown"}), _brand_shaped(["Xiaomei", "Ives"], {"cloud"})
    (False, False)
    """
    if len(words) < 2:
        return False
    last = words[-1]
    return pinyin_syllables(words[0]) >= 2 and last.lower() in common_words and not pinyin_syllables(last)


def _legal_suffix_end(tokens: list[Token], end: int) -> int:
    """End of the name ending at ``end`` with the legal form written after it, which the NER may leave out or tag
    apart: 'Novo Nordisk A/S', 'Siemens AG', 'Temasek Holdings Pte. Ltd.', 'Eli Lilly and Co.', 'JPMorgan Chase &
    Co.'; ``end`` when none follows (not 'Johnson & Johnson', nor a 'Co-op'). A bracket inside the name ('(Group)
    Co.') is :func:`_bracketed_registered_names`'s."""
    j = end
    while j < len(tokens) and j - end < 3 and tokens[j].text[:1].isupper() and tokens[j].lower_ in lx.COMPANY_SUFFIXES:
        j += 1
    if (
        j == end
        and j + 1 < len(tokens)
        and tokens[j].lower_ in ("and", "&")
        and tokens[j + 1].text in ("Co.", "Co")
        and not (j + 2 < len(tokens) and tokens[j + 2].text in ("-", "‐"))
    ):
        j += 2
    return j


#: Capitalised words before a name that are titles or honorifics, not given names.
_TITLE_WORDS = (
    frozenset(w for w in (*lx.ROLE_NOUNS, *lx.REL_NOUNS) if " " not in w)
    | lx.TITLE_MODIFIERS
    | {"chief", "officer", "mr", "ms", "mrs", "dr", "madam", "analyst", "minister", "director", "professor"}
    | {"sir", "dame", "lord", "lady"}
    | {"secretary", "governor", "commissioner", "premier", "senator", "founder", "partner", "economist"}
)


def dictionary_words(tables: Mapping[str, Sequence[str]] | None) -> frozenset[str]:
    """The ordinary nouns and adjectives of a rule lemmatizer's ``lemma_index`` table (WordNet's, in the English
    pipelines), lower case: the words that are no name for being capitalised at the start of a sentence.

    >>> sorted(dictionary_words({"noun": ["card", "demand"], "adj": ["financial"], "verb": ["grow"]}))
    ['card', 'demand', 'financial']
    """
    if not tables:
        return frozenset()
    return frozenset(w for pos in ("noun", "adj") for w in tables.get(pos, ()) if w.isalpha())


#: What a company's own people and stock are called right after its name ("Shell executives said", "Snap shares
#: fell"): a dictionary word before them is read as a name still.
_OWN_NOUNS = lx.SHARE_NOUNS | lx.FIRM_POSTS | {"official", "spokesperson", "spokesman", "spokeswoman", "employee"}


#: Public offices named by their portfolio ('Financial Secretary', 'Finance Minister', 'Trade Commissioner').
_PUBLIC_OFFICES = (lx.STATE_TITLES - {"president"}) | {"secretary", "commissioner"}


def _capitalised_common_word(tokens: list[Token], i: int, common_words: Container[str]) -> bool:
    """Whether the one-word name the NER gave at ``i`` is an ordinary word capitalised only because it opens the
    sentence ("Card networks moved quickly", "Reserve management, …", "Financial Secretary Paul Chan said",
    "“Consumers in Europe are …"): a dictionary noun or adjective that modifies the lower-case noun after it, names
    the portfolio of a public office, or that the tagger reads as a plural noun or an adjective; or a word the text
    also writes in lower case ("Education has been slower to return" where "education" is written too). A word the text
    also capitalises inside a sentence, alone or opening a name, is a name ("Octopus cards … the Octopus operator",
    "Noon said … Noon Minutes"), and so is one before its people or stock ("Shell executives said")."""
    t = tokens[i]
    if not (t.is_title and _opens_sentence(tokens, i)):
        return False
    # ('Robotaxi operators Pony.ai and WeRide …' where the text writes 'robotaxi' too: a word of the text's own; the
    # whole text is read only for a word that opens its sentence)
    written_lower = any(o.lower_ == t.lower_ and o.is_lower for o in tokens)
    if not (t.lower_ in common_words or t.lemma_.lower() in common_words or written_lower):
        return False
    after = tokens[i + 1] if i + 1 < len(tokens) else None
    modifies = (
        after is not None
        and after.is_lower
        and after.is_alpha
        and t.head.i == after.i
        and t.dep_ in ("compound", "amod")
    )
    # ('Financial Secretary Paul Chan', 'Commerce Secretary …': the portfolio of a public office)
    office = after is not None and after.is_title and after.lower_ in _PUBLIC_OFFICES
    common = t.tag_ == "NNS" or (t.tag_ == "JJ" and after is not None and after.is_lower) or written_lower
    if not (modifies or office or common):
        return False
    if after is not None and after.lemma_.lower() in _OWN_NOUNS:
        return False
    # ('Noon Minutes' names the company Noon; 'Anchorpoint Financial' is another name)
    return not any(
        o.text == t.text and o.i != i and not _opens_sentence(tokens, o.i) and not _after_a_name_word(tokens, o.i)
        for o in tokens
    )


def _opens_sentence(tokens: Sequence[Token], i: int) -> bool:
    """Whether token ``i`` opens its sentence, or a quotation ('“Wafers are,” …'): where any word is capitalised."""
    return i == 0 or bool(tokens[i].is_sent_start) or tokens[i - 1].text in ("“", '"', "‘")


def _after_a_name_word(tokens: Sequence[Token], i: int) -> bool:
    """Whether a capitalised word inside the sentence stands right before token ``i`` ('Sea' in 'Red Sea')."""
    return i > 0 and tokens[i - 1].text[:1].isupper() and not tokens[i - 1].is_sent_start


def _hyphenated_on(tokens: list[Token], end: int) -> bool:
    """Whether a name ending before ``end`` goes on over a hyphen written without spaces to a capitalised proper noun
    the parse makes its head and the NER tags as no name of its own ('Media-Saturn'; not 'Alibaba-Tencent', two
    companies, nor 'Tencent-backed')."""
    if end + 1 >= len(tokens) or not _hyphen_joined(tokens, end + 1):
        return False
    word, last = tokens[end + 1], tokens[end - 1]
    return (
        word.tag_ == "NNP"
        and word.is_title
        and word.is_alpha
        and not word.ent_type_
        and last.dep_ == "compound"
        and last.head.i == word.i
    )


def _with_first_words(tokens: list[Token], start: int, end: int) -> int:
    """Where a name found at [start, end) begins with the first words the NER left out (at most two of them, each
    a :func:`_names_first_word`)."""
    first = start
    while start - first < 2 and first > 0 and _names_first_word(tokens[first - 1], start, end):
        first -= 1
    return first


def _names_first_word(t: Token, start: int, end: int) -> bool:
    """Whether ``t``, right before a name the NER found at [start, end), is a word of that name it left out: a
    capitalised proper noun the parse makes a compound inside the name, tagged as nothing else, no title and no
    jargon ('Paradox' of 'Paradox Interactive'; not 'Chairman' of 'Chairman Li', 'AI' of 'AI Singapore')."""
    return (
        t.tag_ == "NNP"
        and t.is_title
        and t.dep_ == "compound"
        and start <= t.head.i < end
        and not t.ent_type_
        and t.lower_ not in _TITLE_WORDS
        and t.lower_ not in lx.JARGON
        and t.lower_ not in lx.FORMER_WORDS
    )


def _after_ticker_word(tokens: list[Token], i: int) -> bool:
    """Whether the word at ``i`` follows a word of a listing ('ticker', 'symbol', 'code'), or stands in brackets or
    quotes right after one or after a company's stock ('under the ticker “DCRD”', 'its stock (WB)')."""
    j = i - 1
    if j >= 0 and tokens[j].text in ("(", "“", '"', "‘", "'"):
        j -= 1
        listing = lx.TICKER_WORDS | {"stock", "stocks", "share", "shares", "ads", "adss", "adr", "adrs"}
    else:
        listing = lx.TICKER_WORDS
    return j >= 0 and tokens[j].lower_ in listing


def _own_name_end(tokens: list[Token], ent: Span) -> int:
    """End of a known person's name written on with their Chinese name ('Pony Ma Huateng', 'Miranda Qu Fang' of
    'Pony Ma', 'Miranda Qu'): the capitalised words right after it that the parse makes the head of its noun phrase
    ('Jack Ma Yun'); not a name of its own beside it ('Pony Ma Tencent's' has none)."""
    end = ent.end
    while (
        end < len(tokens)
        and end - ent.end < 2
        and tokens[end].pos_ == "PROPN"
        and tokens[end].is_alpha
        and tokens[end].is_title
        and not tokens[end].ent_id_
        and tokens[end - 1].dep_ == "compound"
        and tokens[end - 1].head.i == end
    ):
        end += 1
    return end


def _given_name_before(tokens: list[Token], i: int, end: int, tagged: bool = False) -> bool:
    """Whether the token before a person's name (tokens ``i`` to ``end``) is a given name of it, which the NER
    left out (or, ``tagged``, tagged as a name of its own)."""
    g = tokens[i - 1] if i > 0 else None
    return (
        g is not None
        and g.pos_ == "PROPN"
        and g.dep_ == "compound"
        and i <= g.head.i < end
        and (tagged or not g.ent_type_)
        and g.is_alpha
        and g.is_title
        and g.lower_ not in _TITLE_WORDS
        and g.lower_ not in lx.JARGON
    )


def _kb_company_in_full(parsed: Parsed, ent: Span, by_start: dict[int, Span]) -> Candidate | None:
    """'Kuaishou Technology', 'Alibaba Group Holding Ltd': the KB company itself, in full; or a unit of it."""
    legal_end = _legal_tail(parsed.tokens, ent)
    if legal_end and ent.label_ in ("GPE", "LOC") and parsed.tokens[legal_end - 1].lower_ in lx.COMPANY_SUFFIXES:
        # (a legal form, not a word of one: 'Hong Kong International Airport' stays the place's)
        span = parsed.doc[_registered_name_start(parsed.tokens, ent.start) : legal_end]
        return Candidate(span.start, span.end, parsed.text_of(span), "ORG", votes={"Organization": 1.0})
    if legal_end:
        span = parsed.doc[ent.start : legal_end]
        votes = {lx.NER_TYPES.get(ent.label_, "Organization"): 1.0}
        return Candidate(span.start, span.end, parsed.text_of(span), ent.label_, ent.ent_id_, votes=votes)
    unit_end = _unit_end(parsed.tokens, ent, by_start)
    if unit_end:
        # ('First Abu Dhabi Bank': a place inside a name may come after the name's first words)
        place = ent.label_ in ("GPE", "LOC")
        start = _with_first_words(parsed.tokens, ent.start, unit_end) if place else ent.start
        span = parsed.doc[start : _numbered_name_end(parsed.tokens, unit_end)]
        return Candidate(span.start, span.end, parsed.text_of(span), "ORG", None, votes={"Organization": 1.0})
    return None


#: Endings of adjectives of nationality and region ('South Korean', 'Southeast Asian', 'Middle Eastern', 'Emirati').
_DEMONYM_ENDINGS = ("an", "ese", "ish", "ern", "i")
_PLURAL_ACRONYM = re.compile(r"[A-Z]{2,}s")


def _registered_name_start(tokens: Sequence[Token], place: int) -> int:
    """Start of a company's registered name whose place word, at token ``place``, comes before a legal form
    ('Sixjoy Hong Kong Ltd.', 'Hong Kong Ltd.'): the capitalised proper nouns right before the place, which the NER
    leaves out; the place itself is then no place but a word of the name."""
    start = place
    while start > 0 and tokens[start - 1].pos_ == "PROPN" and tokens[start - 1].is_title:
        start -= 1
    return start


def _not_a_name(name: str, ent: Span, length: int) -> bool:
    last = name.split()[-1].lower() if name.split() else ""
    return (
        (ent.label_ in ("NORP", "LOC") and last.endswith(_DEMONYM_ENDINGS) and ent[-1].tag_ in ("JJ", "NNP", "NNPS"))
        or normalise_name(name) in lx.IDIOMS
        or normalise_name(name) in lx.JARGON
        or normalise_name(name).rstrip(".") in lx.ORG_SUFFIXES  # 'Group CEO X': a legal or group word alone
        or name.islower()
        or not any(c.isalpha() for c in name)
        or (ent.label_ == "NORP" and length == 1)
        or name.split("-")[0].lower() in lx.NATION_COMBINING_FORMS  # 'Sino-US', 'Indo-Pacific'
        or _PLURAL_ACRONYM.fullmatch(name) is not None  # 'the other IPs', 'ADSs': a common noun's plural
        or ent.label_ == "DATE"
    )


def _ner_votes(tokens: list[Token], label: str, start: int, end: int, kb_id: str | None, name: str) -> dict[str, float]:
    """The type votes of an NER label, corrected by what the field teaches and by the name's own shape."""
    votes = {lx.NER_TYPES[label]: 1.0}
    if not kb_id and label == "NORP":
        votes = {"Organization": 1.0}
    elif not kb_id and start > 0 and tokens[start - 1].text.rstrip(".") in ("Mr", "Ms", "Mrs", "Dr", "Madam"):
        votes = {"Person": 3.0}  # 'Mr. Ma'
    elif not kb_id and label == "PERSON" and end - start == 1:
        # A lone capitalised word is rarely a full personal name; in this field it is mostly a brand
        # ("Deliveroo", "Amap") unless it is a known person's surname (linked later).
        votes = {"Organization": 1.0, "Person": 0.5}
    elif not kb_id and label == "PERSON":
        votes = {"Person": 1.5}  # a full personal name ("Xin Youzhi") is the NER's most reliable guess
    if not kb_id and label in ("PERSON", "ORG", "NORP") and (kind := name_kind(name)):
        # the name's own shape: "Jessica Lin", "Archipelago Insights" (also of a name the NER took for a
        # nationality, "Hong Xiaobo"); as unreliable on Chinese names as the NER, so it only ties with an ORG label
        votes[kind] = votes.get(kind, 0) + 1.0
        if label == "ORG" and kind == "Person" and _chinese_personal_name(name.split()):
            votes["Person"] += 0.5  # 'founded by Qian Dongqi': a surname and a given name in pinyin break the tie
    return votes


def _chinese_personal_name(words: list[str]) -> bool:
    """Whether a name of two words is a Chinese person's in pinyin: a common surname of one syllable, then a given
    name of one or two syllables ('Qian Dongqi', 'Wang Xing'); not a brand in pinyin ('Dingdang Kuaiyao', whose
    first word is no surname) nor a surname before an English word ('Li Auto').

    >>> _chinese_personal_name(["Qian", "Dongqi"]), _chinese_personal_name(["Dingdang", "Kuaiyao"])
    (True, False)
    >>> _chinese_personal_name(["Li", "Auto"]), _chinese_personal_name(["Zhou", "Hongyi"])
    (False, True)
    """
    return (
        len(words) == 2
        and words[0].lower() in lx.CHINESE_SURNAMES
        and words[1].istitle()
        and 1 <= pinyin_syllables(words[1]) <= 2
    )


def _head_word_vote(c: Candidate, words: list[str], last: str) -> None:
    """A title-case name's last word tells its type: 'Red Cat Plan', 'Intime Retail', 'Anti-Monopoly Law' …"""
    if (last in lx.PROGRAM_HEADS or (last[:-1] in lx.PROGRAM_HEADS and last.endswith("s"))) and _is_title(words):
        c.votes["Program"] = 5.0  # 'Red Cat Plan', 'Mini Programs'
    elif (
        len(words) >= 2
        and (
            (last in lx.ORG_NAME_WORDS and _is_title(words))
            # ('Huadong Medicine'; not 'the Nobel Prize in Physiology or Medicine')
            or (last in lx.MEDICAL_NAME_WORDS and all(w[:1].isupper() for w in words))
        )
    ):
        c.votes["Organization"] = c.votes.get("Organization", 0) + 3.0  # 'Intime Retail', 'Deppon Logistics'
    elif len(words) == 2 and last in lx.PINYIN_ORG_NAME_WORDS and pinyin_syllables(words[0]) and words[0].istitle():
        c.votes["Organization"] = c.votes.get("Organization", 0) + 3.0  # 'Jiuzhou Culture' (not 'Pop Culture')
    elif len(words) >= 2 and last in lx.LAW_HEADS and _is_title(words):
        c.votes["Other"] = 5.0  # 'Digital Services Act', 'Anti-Monopoly Law'
    elif last in lx.EVENT_HEADS and _is_title(words):
        c.votes["Event"] = 5.0  # 'the Bund Summit', 'World Internet Conference'


#: A product's code written as a name ('R1', 'K2', 'H20', 'A100'), not a quarter or a half-year ('Q3', 'H1').
_MODEL_CODE = re.compile(r"(?![QH][1-4]$)[A-Z][A-Za-z]{0,2}\d{1,4}[A-Za-z]?")


def _model_code(word: str) -> bool:
    return _MODEL_CODE.fullmatch(word) is not None


def _capitalised_proper(t: Token) -> bool:
    """Whether ``t`` is a proper noun written with its capital: a word of a name."""
    return t.tag_ in ("NNP", "NNPS") and t.text[:1].isupper()


def _name_word(w: Token, common_words: Container[str]) -> bool:
    """Whether ``w`` is a word of a name: a capitalised proper noun, or a capitalised noun or adjective no
    dictionary has, whatever the tagger calls it ('Enlight' in 'Enlight Media', read as an adjective); never a
    nationality, a function word ('The', 'Our', 'Its') or a verb ('Nexon Acquires Embark Studios')."""
    return _capitalised_proper(w) or (
        bool(common_words)
        and w.is_title
        and w.is_alpha
        and not w.is_stop
        and w.pos_ in ("PROPN", "NOUN", "ADJ")
        and w.ent_type_ != "NORP"
        and w.lower_ not in common_words
        and w.lemma_.lower() not in common_words
    )


def _proper_run(
    tokens: list[Token], start: int, step: int, common_words: Container[str] = frozenset()
) -> tuple[int, int] | None:
    """The run of capitalised proper-noun tokens that starts at ``start`` and extends in direction ``step``; with
    ``common_words``, of any :func:`_name_word`."""
    if not 0 <= start < len(tokens) or tokens[start].lower_ in lx.JARGON:
        return None
    i = start
    while (
        0 <= i < len(tokens)
        and abs(i - start) < 4
        and (_name_word(tokens[i], common_words) or _model_code(tokens[i].text))  # (a model code opens with a capital)
    ):
        i += step  # 'Measurable AI': a jargon word may end a name, never start it
    if i == start:
        return None
    return (start, i) if step > 0 else (i + 1, start + 1)


def _org_word_names(parsed: Parsed, covered: bytearray, common_words: Container[str]) -> list[Candidate]:
    """Title-case names the NER missed whose last word makes them companies ('Galaxy Robotics', 'Silver Lake
    Logistics'): a run of two to six capitalised words, no part of another mention nor the tail of a longer
    name, ending in such a word. A word of the run is a capitalised proper noun, or a capitalised word no
    dictionary has whatever the tagger calls it ('Enlight Media', where 'Enlight' is read as an adjective and
    'Media' as a plural noun); the last word is a proper noun, or capitalised inside its sentence."""
    tokens, out = parsed.tokens, []
    for t in tokens:
        if covered[t.i] or t.lower_ not in lx.ORG_NAME_WORDS or t.lower_ in lx.JARGON:
            continue
        if t.tag_ not in ("NNP", "NNPS") and not (t.is_title and not _opens_sentence(tokens, t.i)):
            continue
        if t.i + 1 < len(tokens) and _capitalised_proper(tokens[t.i + 1]):
            continue  # ('Galaxy Robotics Group': the run goes on)
        start = t.i
        # (the run stops at another mention: 'Nexon Acquires Embark Studios', 'SoftBank China Venture Capital')
        while start > 0 and t.i - start < 5 and not covered[start - 1] and _name_word(tokens[start - 1], common_words):
            start -= 1
        before = tokens[start - 1].text if start > 0 else ""
        if t.i == start or any(covered[start : t.i + 1]) or before in (")", "of"):
            continue  # ('Alipay (Hangzhou) Information Technology', 'Ministry of Industry and Information Technology')
        out.append(_claimed(parsed, covered, (start, t.i + 1), "ORG", {"Organization": 3.0}))
    return out


def _category_names(parsed: Parsed, covered: bytearray, common_words: Container[str]) -> list[Candidate]:
    """Names the NER missed beside a category noun that types them: "the e-commerce platform Tokopedia",
    "Quantic Dream, the Paris studio behind …" (a proper-noun run, not part of another mention)."""
    tokens, out = parsed.tokens, []
    for t in tokens:
        lemma = t.lemma_.lower()
        kind = lx.CATEGORY_TYPES.get(lemma) if t.pos_ == "NOUN" and lemma not in lx.PERSON_OR_ORGANIZATION else None
        runs = []
        if t.pos_ == "NOUN" and lemma in lx.PRODUCT_NOUNS and any(c.dep_ == "poss" for c in t.children):
            kind = kind or "Program"
            runs.append(_proper_run(tokens, _before_kind(tokens, t), -1))  # 'its Prime membership'
        if kind not in ("Organization", "Program"):
            continue
        if (t.i + 1 < len(tokens) and tokens[t.i + 1].head.i in (t.i, t.i + 1)) or t.dep_ in ("compound", "nmod"):
            runs.append(_proper_run(tokens, t.i + 1, 1))  # 'the platform Tokopedia'
        if t.i + 2 < len(tokens) and tokens[t.i + 1].text == ",":
            after = _proper_run(tokens, t.i + 2, 1)  # "Red Star's main rival, Easyhome, …": the name in apposition
            if after and any(k.dep_ == "appos" and after[0] <= k.i < after[1] for k in t.children):
                runs.append(after)
        if t.dep_ == "appos" and t.head.i < t.i and tokens[t.head.i + 1].text == ",":
            runs.append(_proper_run(tokens, t.head.i, -1, common_words))  # 'Quantic Dream, the Paris studio'
        if lemma in lx.BRAND_NOUNS and t.tag_ == "NN" and t.i >= 2 and tokens[t.i - 1].head.i == t.i:
            brand = _proper_run(tokens, _before_kind_words(tokens, t), -1)  # 'the Han Shu (skincare) brand'
            # (not 'the Czech brand', 'the Shanghai label': a nationality or a place the language knows says where the
            # brand is from; 'the Kans skincare brand', tagged a nationality too, is a name)
            if brand is not None and not all(
                k.ent_type_ in ("NORP", "GPE") and k.lower_ in common_words for k in tokens[brand[0] : brand[1]]
            ):
                runs.append(brand)
        for run in runs:
            if run is None or any(covered[run[0] : run[1]]):
                continue
            out.append(_claimed(parsed, covered, run, "CATEGORY", {kind: 2.0}))
    return out


def _before_kind_words(tokens: list[Token], brand: Token) -> int:
    """The token before the lower-case words of kind that a brand noun may take ('the Kans skincare brand', 'the
    Timage makeup label'): where its name ends."""
    i = brand.i - 1
    while i > brand.i - 3 and tokens[i].is_lower and tokens[i].pos_ in ("NOUN", "ADJ") and tokens[i].head.i == brand.i:
        i -= 1
    return i


def _numbered_products(parsed: Parsed, covered: bytearray) -> list[Candidate]:
    """Products named with a model number before their kind, which the NER misses or tags in pieces: 'the Kirin 9000
    chip', 'the Yitian 710 server processor', 'its Hanguang 800 AI inference chip' (one or two capitalised words and
    the number; not 'the 2025 chip', a year, nor 'its 300 chips', a count without a name), or with a model code
    alone ('its EX2 compact electric SUV', "Xiaomi's SU7 sedan")."""
    tokens, out = parsed.tokens, []
    for t in tokens:
        # ('SUV': the small model tags a kind in capitals a proper noun)
        if (
            not (t.pos_ == "NOUN" or (t.pos_ == "PROPN" and t.text.isupper()))
            or t.lemma_.lower() not in lx.PRODUCT_NOUNS
        ):
            continue
        if not any(c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ == "the") for c in t.children):
            continue
        i = t.i - 1
        while i >= 0 and t in tokens[i].ancestors and (tokens[i].is_lower or tokens[i].lower_ in lx.JARGON):
            i -= 1  # the kind's own words ('AI inference', 'server')
        if i >= 0 and _model_code(tokens[i].text) and not covered[i]:  # 'its EX2 compact electric SUV': a code alone
            out.append(_claimed(parsed, covered, (i, i + 1), "CATEGORY", {"Program": 3.0}))
            continue
        if i < 1 or not tokens[i].text.isdigit() or _YEAR.fullmatch(tokens[i].text):
            continue
        start = i
        while (
            start > 0
            and i - start < 2
            and tokens[start - 1].is_title
            and tokens[start - 1].is_alpha
            and tokens[start - 1].tag_ not in ("PRP$", "DT")  # ('Its 300 chips' opening a sentence: a count)
        ):
            start -= 1
        if start == i or any(covered[start : i + 1]):
            continue
        out.append(_claimed(parsed, covered, (start, i + 1), "CATEGORY", {"Program": 3.0}))
    return out


#: Cue verbs whose subject (and, for some, object) is a company: what a name the NER missed there is.
_COMPANY_SUBJECT_CUES = frozenset({"partner_of", "acquired", "competes_with"})
_COMPANY_OBJECT_CUES = frozenset({"acquired", "competes_with", "partner_of"})


def _cue_arguments(parsed: Parsed, covered: bytearray) -> list[Candidate]:
    """Names the NER missed as the subject or object of a cue verb that only companies fill ("Zalando faces
    competition from …", "Otto competes with …", "… agreed to acquire Mojang", "Zentro was founded by …"): a
    proper-noun run standing there that the NER gave no other kind (not a date, a place or a nationality). And a
    person's name of one word the NER missed where a post or an age says it is one ("Szarfsztejn was named chief
    executive", "Zhao, 44, …")."""
    tokens, out = parsed.tokens, []
    for t in tokens:
        if not covered[t.i] and ((t.dep_ in ("nsubj", "nsubjpass") and _takes_a_post(t)) or _aged(t)):
            covered[t.i] = 1
            out.append(Candidate(t.i, t.i + 1, t.text, "CUE", votes={"Person": 1.5}))
            continue
        # ('Almosafer competes with …': an unknown word opening a sentence may be tagged a verb)
        misread = t.is_sent_start and t.is_title and t.is_alpha and t.tag_ in ("VB", "VBZ", "VBP", "JJ")
        if (
            t.dep_ not in ("nsubj", "nsubjpass", "dobj", "pobj")
            or covered[t.i]
            or not (t.tag_ in ("NNP", "NNPS") or misread)
        ):
            continue
        verb = t.head.head if t.dep_ == "pobj" and t.head.lower_ in ("with", "against") else t.head
        # ('take' is too many things: 'X took over from Y as chief executive')
        pred = lx.VERB_CUES.get(verb.lemma_.lower(), ("", ""))[0] if verb.lemma_.lower() != "take" else ""
        if t.dep_ == "nsubj":
            fits = pred in _COMPANY_SUBJECT_CUES or verb.lemma_.lower() in lx.FACE_VERBS
        elif t.dep_ == "nsubjpass" and pred == "founded":
            # 'Zentro was founded in 2011 by …': what is founded (not 'Hengqin was formed (set up) as a new area')
            fits = verb.lemma_.lower() in lx.FOUNDING_LEMMAS
        else:
            fits = pred in _COMPANY_OBJECT_CUES and (t.dep_ != "pobj" or pred == "competes_with")
        # ('in a price war with Guming', 'competition from Chabaidao': the other side of a contest, whatever the
        # verb; 'with' and 'from' only, and not a fight, which may be against a disease: 'the fight against Ebola')
        contest = t.dep_ == "pobj" and t.head.lower_ in ("with", "from") and _contest(t.head.head)
        run = (
            (_proper_run(tokens, t.i, -1) or ((t.i, t.i + 1) if misread else None))
            if (fits and verb.pos_ == "VERB") or contest
            else None
        )
        if (
            run is None
            or any(covered[run[0] : run[1]])
            or any(x.ent_type_ for x in tokens[run[0] : run[1]])
            or (run[0] > 0 and tokens[run[0] - 1].text == "-")  # (not the end of 'E-Mart')
        ):
            continue
        out.append(_claimed(parsed, covered, run, "CUE", {"Organization": 1.5}))
    return out


#: Nouns of a contest whose other side is a rival ('a price war with X', 'competition from X'); not 'pressure',
#: 'threat' or 'fight', which may come from or be against anything.
_CONTEST_NOUNS = frozenset({"war", "competition", "rivalry", "contest", "race", "duel", "showdown", "clash", "tussle"})


def _contest(noun: Token) -> bool:
    """A noun of a contest between companies ('a price war', 'competition', 'its rivalry')."""
    return noun.pos_ == "NOUN" and noun.lemma_.lower() in _CONTEST_NOUNS


#: Bodies whose members are people ("a management board member", "a standing committee member").
_BOARD_WORDS = frozenset({"board", "committee"})


def _persons_before_posts(parsed: Parsed, covered: bytearray) -> list[Candidate]:
    """A full name the NER missed with a person's post set after it: "Ralf Brandstätter, the Volkswagen management
    board member responsible for China, said …", "Ana Souza, chief executive of Loggi, …": two or three capitalised
    proper nouns the NER gave no kind. Not one word (a company's name may be one: 'Loggi, a start-up') nor a name
    with a kind of thing after it ('Vila Madalena, the district')."""
    tokens, out = parsed.tokens, []
    for t in tokens:
        post = next((k for k in t.children if k.dep_ == "appos"), None)
        if (
            post is None
            or covered[t.i]
            or not (
                post.lemma_.lower() in lx.PERSON_POSTS
                or (post.lower_ == "member" and any(k.lower_ in _BOARD_WORDS for k in post.children))
            )
        ):
            continue
        run = _proper_run(tokens, t.i, -1)
        if (
            run is None
            or not 2 <= run[1] - run[0] <= 3
            or any(covered[run[0] : run[1]])
            or any(x.ent_type_ or x.lower_ in _TITLE_WORDS for x in tokens[run[0] : run[1]])
            or _after_a_capital(tokens, run[0])
        ):
            continue
        out.append(_claimed(parsed, covered, run, "CUE", {"Person": 2.0}))
    return out


def _after_a_capital(tokens: list[Token], start: int) -> bool:
    """Whether a run from ``start`` goes on a capitalised word before it, inside a sentence (a longer name's end)."""
    return start > 0 and tokens[start - 1].text[:1].isupper() and not tokens[start - 1].is_sent_start


def _claimed(
    parsed: Parsed, covered: bytearray, run: tuple[int, int], label: str, votes: dict[str, float]
) -> Candidate:
    """A candidate the NER missed over the tokens ``run``, which it covers from now on."""
    span = parsed.doc[run[0] : run[1]]
    covered[span.start : span.end] = b"\x01" * len(span)
    return Candidate(span.start, span.end, parsed.text_of(span), label, votes=votes)


#: Words of a company post a name may stand before, as its company ("Citadel founder Ken Griffin").
_COMPANY_POST_WORDS = frozenset(
    {"founder", "co-founder", "cofounder", "chairman", "chairwoman", "chief", "executive", "ceo", "cfo", "cto", "boss"}
)


def _co_hyphen(tokens: list[Token], i: int) -> bool:
    """Whether token ``i`` is the 'co' or the hyphen of a 'co-founder' the tokenizer split."""
    word = tokens[i].lower_
    return (word == "co" and i + 2 < len(tokens) and tokens[i + 1].text == "-") or (
        word == "-" and i >= 1 and tokens[i - 1].lower_ == "co"
    )


def _companies_before_posts(parsed: Parsed, found: list[Candidate], covered: bytearray) -> list[Candidate]:
    """Names the NER missed before a company post and a person's name: "Citadel founder Ken Griffin", "Pinnacle chief
    executive Li Wei": the company whose post it is (a proper-noun run the NER gave no kind: not 'US President X',
    'Chinese founder X', nor 'Monday')."""
    tokens, out = parsed.tokens, []
    for c in found:
        if c.label != "PERSON":
            continue
        i = c.start - 1
        # ('co-founder' comes as three tokens)
        while i >= 0 and c.start - i <= 3 and (tokens[i].lower_ in _COMPANY_POST_WORDS or _co_hyphen(tokens, i)):
            i -= 1
        run = _proper_run(tokens, i, -1) if i < c.start - 1 else None
        if (
            run is None
            or any(covered[run[0] : run[1]])
            or any(x.ent_type_ or x.lower_ in _COMPANY_POST_WORDS for x in tokens[run[0] : run[1]])
            or _after_a_capital(tokens, run[0])
        ):
            continue
        out.append(_claimed(parsed, covered, run, "CUE", {"Organization": 1.5}))
    return out


def _listed_beside_companies(parsed: Parsed, found: list[Candidate], covered: bytearray) -> list[Candidate]:
    """Names the NER missed in a list of companies ("founded by Alibaba together with Fosun, Intime Retail and …"):
    a run of capitalised proper nouns conjoined to a company's name is a company's name (not a title, a date or a
    place the NER tagged, nor jargon)."""
    tokens, out = parsed.tokens, []
    company = bytearray(len(tokens))
    for c in found:
        if c.label == "ORG" or c.votes.get("Organization", 0) >= max(c.votes.values(), default=0) > 0:
            company[c.start : c.end] = b"\x01" * (c.end - c.start)
    for t in tokens:
        if covered[t.i] or t.tag_ not in ("NNP", "NNPS") or t.ent_type_:
            continue
        beside = (t.dep_ == "conj" and company[t.head.i]) or any(k.dep_ == "conj" and company[k.i] for k in t.children)
        run = _proper_run(tokens, t.i, -1) if beside else None
        if run is None or any(covered[run[0] : run[1]]) or any(x.ent_type_ for x in tokens[run[0] : run[1]]):
            continue
        words = tokens[run[0] : run[1]]
        if any(w.lower_ in _TITLE_WORDS or not _name_cased(w) for w in words) or (
            run[0] > 0 and tokens[run[0] - 1].text == "-"
        ):
            continue
        span = parsed.doc[run[0] : run[1]]
        if parsed.tickers and in_code(parsed.tickers, span.start_char, span.end_char):
            continue  # '(NYSE: XPEV; HKEX: 9868)': a listing code
        out.append(_claimed(parsed, covered, run, "LISTED", {"Organization": 1.5}))
    return out


#: What the NER may wrongly call a brand's name and still leave it a name ('BAIC's Stelato' tagged a place): not a
#: person's, a date's, an amount's or a nationality's.
_MISREAD_NAME_LABELS = frozenset({"", "GPE", "LOC", "CARDINAL", "PRODUCT", "FAC"})


def _possessed_by_companies(parsed: Parsed, found: list[Candidate], covered: bytearray) -> list[Candidate]:
    """Names the NER missed that a company's possessive owns ("Chery's Luxeed, BAIC's Stelato and SAIC's
    Shangjie"): a run of capitalised proper nouns at the head of its phrase whose possessor is a company's name is a
    brand or a unit's name (not a title, jargon, a person's name or a date the NER tagged)."""
    tokens, out = parsed.tokens, []
    company = bytearray(len(tokens))
    for c in found:
        if c.label == "ORG" or c.votes.get("Organization", 0) >= max(c.votes.values(), default=0) > 0:
            company[c.start : c.end] = b"\x01" * (c.end - c.start)
    for t in tokens:
        # ("Stellantis's Tofaş joint venture": a name before the lower-case kind its owner's possessive governs, of the
        # type that kind says)
        kind = t.head if t.dep_ in ("compound", "nmod") and _lower_kind_after(tokens, t) else t
        kind_type = "Organization" if kind is t else _possessed_kind_type(kind)
        if (
            covered[t.i]
            or t.tag_ not in ("NNP", "NNPS")
            or kind_type is None
            or (kind is t and t.dep_ in ("compound", "poss", "amod"))
            or not any(c.dep_ == "poss" and company[c.i] for c in kind.children)
        ):
            continue
        run = _proper_run(tokens, t.i, -1)
        if run is None or any(covered[run[0] : run[1]]):
            continue
        words = tokens[run[0] : run[1]]
        if any(
            w.lower_ in _TITLE_WORDS or w.ent_type_ not in _MISREAD_NAME_LABELS or not _name_cased(w) for w in words
        ) or (kind is not t and any(w.ent_type_ in ("GPE", "LOC") for w in words)):  # ("Volvo's Ghent unit": a site)
            continue
        out.append(_claimed(parsed, covered, run, "POSSESSED", {kind_type: 1.5}))
    return out


def _possessed_kind_type(kind: Token) -> str | None:
    """What a name before a company's kind of thing is: a product before a product's noun ('Huawei's Ascend chips'),
    else what the kind names ('Stellantis's Tofaş joint venture'); None for a kind that leaves it open ('Google's
    Home platform')."""
    lemma = kind.lemma_.lower()
    if lemma in lx.PRODUCT_NOUNS or kind.lower_ in lx.PRODUCT_NOUNS:
        return "Program"
    if lemma == "platform":  # (a company's 'Home platform' or 'Taobao platform' may be either)
        return None
    return "Organization" if lemma == "venture" else lx.NAME_CATEGORY_TYPES.get(lemma)


def _lower_kind_after(tokens: list[Token], t: Token) -> bool:
    """Whether ``t`` stands right before lower-case words that end in the common noun it modifies ('Tofaş joint
    venture', 'Cainiao logistics unit')."""
    head = t.head
    return (
        head.i > t.i
        and head.tag_ in ("NN", "NNS")
        and all(x.text.islower() and x.is_alpha for x in tokens[t.i + 1 : head.i + 1])
    )


def _name_cased(w: Token) -> bool:
    """A word written as a name is: 'Fosun', 'KKR', or in camel case ('MetaX', 'WeRide', 'DiDi'); not 'designers'."""
    return w.is_title or _initials(w) or _camel_cased(w)


def _written_as_name(text: str) -> bool:
    """A word that opens a name: a capital ('Zentrix'), or one small letter before a capital ('iRobot', 'eHang')."""
    return text[:1].isupper() or (len(text) > 2 and text[0].islower() and text[1].isupper())


def _camel_cased(w: Token) -> bool:
    """'MetaX', 'WeRide', 'DiDi': a capital, small letters, then another capital, a shape of brand names only (not
    jargon such as 'PhD')."""
    text = w.text
    return (
        w.is_alpha
        and text[:1].isupper()
        and any(c.islower() for c in text)
        and any(c.isupper() for c in text[1:])
        and w.lower_ not in lx.JARGON
    )


def _initials(w: Token) -> bool:
    """A company's name in capitals ('backed by PLDT and KKR'), not jargon ('AI', 'GMV') nor a currency ('RMB')."""
    return w.is_upper and w.is_alpha and len(w.text) >= 3 and w.lower_ not in lx.JARGON | lx.CURRENCY_CODES


def _aged(t: Token) -> bool:
    """'Zhao, 44, succeeds …': a capitalised word alone that an age in commas follows is a person's name."""
    doc = t.doc
    return (
        t.is_alpha
        and t.text[:1].isupper()
        and t.text[1:].islower()
        and t.ent_type_ in ("", "PERSON")
        and t.i + 3 < len(doc)
        and doc[t.i + 1].text == ","
        and doc[t.i + 2].is_digit
        and 16 <= int(doc[t.i + 2].text) <= 99
        and doc[t.i + 3].text == ","
        and (t.i == 0 or not doc[t.i - 1].text[:1].isupper() or bool(t.is_sent_start))
    )


def _takes_a_post(t: Token) -> bool:
    """'Szarfsztejn was named chief executive of …', 'Sakhnini became chairman': a capitalised word alone (the small
    model may tag an unknown surname a common noun) that becomes, or is named or appointed to, a person's post."""
    v = t.head
    return (
        t.is_alpha
        and t.text[:1].isupper()
        and t.text[1:].islower()
        and not t.ent_type_
        and t.i + 1 < len(t.doc)
        and not t.doc[t.i + 1].text[:1].isupper()  # (one word: 'Morgan Stanley' is no surname)
        and (t.i == 0 or not t.doc[t.i - 1].text[:1].isupper() or bool(t.is_sent_start))
        and v.lemma_.lower() in ("become", "name", "appoint")
        and any(c.dep_ in ("attr", "oprd", "dobj") and c.lower_ in lx.PERSON_POSTS for c in v.children)
    )


def _before_kind(tokens: list[Token], kind: Token) -> int:
    """The token before the words of a product's kind and a closing quote ('its “AutoGLM” agent product' →
    AutoGLM): where the product's own name ends."""
    i = kind.i - 1
    while i >= 0 and tokens[i].head.i == kind.i and tokens[i].dep_ == "compound" and tokens[i].is_lower:
        i -= 1
    while i >= 0 and tokens[i].text in ("”", '"', "’", "'"):
        i -= 1
    return i


def _legal_tail(tokens: list[Token], ent: Span) -> int | None:
    """End of '<KB name> <legal-form words>' ("Kuaishou Technology", "NetEase Inc.", "Douyu International
    Holdings"): the same company with its legal form, not a unit of its own. None when no such words follow. A
    bracket inside the name ('(Group) Co.') is :func:`_bracketed_registered_names`'s."""
    j = ent.end
    while j < len(tokens) and j - ent.end < 4 and _legal_word(tokens[j]):
        j += 1
    return j if j > ent.end else None


def _legal_word(t: Token) -> bool:
    """A capitalised legal-form word ('Holdings', 'Inc.', 'Group')."""
    return t.lower_ in lx.LEGAL_FORM_WORDS and t.text[:1].isupper()


def _unit_end(tokens: list[Token], ent: Span, by_start: dict[int, Span]) -> int | None:
    """End of '<KB name> <Title Words>' when that names a unit of its own: words ending in a company
    suffix ("Taobao Tmall Commerce Group"), or a name the NER reads right after the KB name
    ("NetEase Cloud Music"). None when the KB name stands alone."""
    if ent.end >= len(tokens) or tokens[ent.end].text in lx.NOT_UNIT_WORDS or tokens[ent.end].is_sent_start:
        return None  # (nor the next sentence's first words: '… of Alibaba Group Holding Ltd. Shares rose …')
    j, words = ent.end, 0
    while j < len(tokens) and words < 5:
        words += 1
        if _capitalised_hyphen_after(tokens, j):
            j += 3  # 'Fosun Bio-Pharma': a hyphenated word of the name
        elif (
            tokens[j].text[:1].isupper()
            and tokens[j].text.rstrip(".").isalpha()
            and tokens[j].lower_ not in lx.CURRENCY_CODES  # 'fined Trip.com Group RMB 2.7 billion'
        ):
            j += 1  # ('Co.' and 'Ltd.' end a name)
        else:
            break
    if j - ent.end >= 2 and tokens[j - 1].lower_ in lx.ORG_SUFFIXES:
        return j
    nxt = by_start.get(ent.end)
    compass = tokens[ent.end]
    after_compass = by_start.get(ent.end + 1) if compass.lower_ in lx.REGION_WORDS and compass.is_title else None
    # ('Shopee Brazil'; "L'Oréal North Asia", the region's first word the NER left out)
    for region in (nxt, after_compass):
        if (
            region is not None
            and ent.label_ == "ORG"
            and region.label_ in ("GPE", "LOC")
            and _regional_unit(tokens, region)
        ):
            return region.end
    if (
        nxt is not None
        and nxt.label_ in ("ORG", "PRODUCT", "FAC")
        and not nxt.ent_id_
        and all(t.text[:1].isupper() or _hyphen_joined(tokens, t.i + 1) for t in nxt)  # ('Huahai Bio-Technology')
        and (nxt.end <= j or _hyphen_joined(tokens, j + 1))
    ):
        return nxt.end
    # '<KB name> <One to three Capitalised words>' ("JD Takeaway", "Taobao Instant Commerce")
    k, words = ent.end, 0
    while k < j and not tokens[k].ent_id_ and tokens[k].text not in lx.NOT_UNIT_WORDS and words < 3:
        k += 3 if _capitalised_hyphen_after(tokens, k) else 1  # ('Bio-Pharma' is one word)
        words += 1
    if k > ent.end and (
        k == len(tokens) or not (tokens[k].text[:1].isupper() or _capitalised_hyphen_after(tokens, k - 1))
    ):
        return k  # (not the first half of a hyphenated word: 'Zhejiang Huahai Bio-Technology' is no 'Huahai Bio')
    return None


def _capitalised_hyphen_after(tokens: list[Token], i: int) -> bool:
    """Whether token ``i`` is the first half of a hyphenated word of a name: a hyphen without spaces, then a capital
    ('Bio' of 'Bio-Pharma'; not 'State' of 'State-owned')."""
    return i + 2 < len(tokens) and _hyphen_joined(tokens, i + 2) and tokens[i + 2].text[:1].isupper()


def _regional_unit(tokens: list[Token], place: Span) -> bool:
    """Whether a place right after a company's name ends the name of its unit there ('Shopee Brazil cut fees',
    'AliExpress Korea', 'TikTok Shop Japan'): not when a common noun or adjective, a hyphen or a possessive
    follows, which the place qualifies with the company ('Alibaba Hong Kong listing', 'Temu US sales', 'Meituan
    Hong Kong-listed', 'made Alibaba China's most valuable company')."""
    if any(t.is_space for t in place):
        return False
    after = tokens[place.end] if place.end < len(tokens) else None
    return tokens[place.start - 1].whitespace_ == " " and (
        after is None or not (_qualifies(after) or after.text in ("-", "‐", "'s", "’s"))
    )


def _qualifies(t: Token) -> bool:
    """Whether a lower-case word after a name is what the name qualifies (a noun, an adjective, a gerund read as
    one: 'listing'), not the clause's next word ('rose', 'said', 'and', 'in') nor a title ('Walmart China chief
    executive X': a post at the name) nor a date ('head of TikTok Shop Indonesia last month')."""
    return (
        t.is_lower
        and t.lower_ not in _POST_WORDS
        and t.ent_type_ != "DATE"
        and (t.pos_ in ("NOUN", "ADJ", "NUM") or t.tag_ == "VBG")
    )


def _description_after_comma(tokens: list[Token], c: Candidate) -> Token | None:
    """The kind a description set off after a name gives it, read on tokens where the small model hangs the
    description elsewhere: 'including 52Toys and Top Toy, the toy chain controlled by Miniso' (a name, a comma, an
    article, lower-case words, a singular noun of a kind); None for anything else."""
    j = c.end
    if j + 2 >= len(tokens) or tokens[j].text != "," or tokens[j + 1].lower_ not in lx.ARTICLES:
        return None
    k = j + 2
    while k < len(tokens) and k < j + 6 and tokens[k].is_lower and tokens[k].pos_ in ("NOUN", "ADJ"):
        k += 1
    kind, after = tokens[k - 1], tokens[k] if k < len(tokens) else None
    # (the description's head noun, not a modifier of a longer one: 'a community group-buying service'; nor a
    # possessor, 'X, the company's general counsel', nor a new clause's subject, 'Since X, the company said …')
    if k == j + 2 or kind.tag_ != "NN" or kind.dep_ in ("compound", "nmod", "npadvmod", "amod", "poss", "nsubj"):
        return None
    if after is not None and (after.tag_ in ("POS", "VBD", "VBZ", "VBP", "MD") or after.text in ("-", "‐")):
        return None
    return kind if lx.NAME_CATEGORY_TYPES.get(kind.lemma_.lower()) else None


#: What a firm that studies a market is called before its name ('market researcher Canalys'); 'researcher' without
#: 'market' is as often a person.
_MARKET_WATCHERS = frozenset({"researcher", "tracker"})


def _market_watcher_named(tokens: list[Token], c: Candidate) -> bool:
    """Whether a name follows 'market researcher' (or 'tracker') as the firm's own: not a person of a firm, named
    before ('Counterpoint market researcher Ivan Lam') or after ('market researcher Jane Smith of IDC')."""
    return (
        c.start >= 2
        and tokens[c.start - 1].lemma_.lower() in _MARKET_WATCHERS
        and tokens[c.start - 2].lower_ == "market"
        and not (c.start >= 3 and (tokens[c.start - 3].pos_ == "PROPN" or tokens[c.start - 3].ent_type_ == "ORG"))
        and not (c.end < len(tokens) and tokens[c.end].lower_ in ("of", "at", "from"))
    )


def category_vote(tokens: list[Token], c: Candidate, countries: frozenset[str]) -> None:
    """'platforms such as X', 'the platform X', 'its investor X' vote for X's type (``countries``: the KB's ids of
    countries, whose possessive introduces a company: 'Italy's Fila')."""
    head = tokens[c.end - 1]
    if c.end - c.start > 1 and _numbered_product(head):
        c.votes["Program"] = c.votes.get("Program", 0) + 3.0  # 'the Hanguang 800 AI inference chip': a product
        return
    if _listed_before_works(tokens, c):  # 'the Assassin's Creed, Far Cry and Rainbow Six franchises'
        c.votes["Program"] = c.votes.get("Program", 0) + 3.0
        return
    if _possessed_place_name(tokens, c, countries):
        c.votes["Organization"] = c.votes.get("Organization", 0) + 2.0
        return
    if _market_watcher_named(tokens, c):
        # 'market researcher AVC Revo', 'market tracker Canalys': a firm, whatever a given name's shape suggests
        c.votes["Organization"] = c.votes.get("Organization", 0) + c.guess.get("Person", 0) + 2.0
        return
    if (
        c.end - c.start > 1
        and _model_code(head.text)
        and c.start > 0
        and tokens[c.start - 1].lower_ == "the"
        and not (c.end < len(tokens) and tokens[c.end].pos_ in ("NOUN", "PROPN"))  # ('the Mercedes F1 team')
    ):
        c.votes["Program"] = c.votes.get("Program", 0) + 3.0  # 'unveiled the Saros Z70', 'the Audi A6': a model
        return
    cat = None
    h = head
    while h.dep_ == "conj":  # 'platforms such as X, Y and Z', 'the platforms X, Y and Z'
        h = h.head
    if h.dep_ == "pobj" and h.head.lower_ in lx.EXAMPLE_PREPS:
        cat = h.head.head
    elif (h.dep_ == "pobj" and h.head.lower_ == "of" and h.head.head.lemma_.lower() in lx.MAKER_NOUNS) or (
        h.dep_ in ("compound", "nmod")
        and h.head.lemma_.lower() in lx.MAKER_NOUNS
        and h.head.tag_ == "NN"
        and h.head.i == c.end  # (not 'Shenzhen-based 52Toys and building-block maker Bloks')
    ):
        c.votes["Program"] = c.votes.get("Program", 0) + 3.0  # 'the maker of Fortnite', 'the Fortnite maker': a product
        return
    elif h.dep_ == "pobj" and h.head.lower_ == "of" and h.head.head.lemma_.lower() in lx.UNIT_OF_PARENT_NOUNS:
        c.votes["Organization"] = c.votes.get("Organization", 0) + 2.0  # 'the livestream arm of New Oriental'
        return
    elif h.dep_ == "pobj" and _what_money_goes_into(h.head):
        c.votes["Organization"] = c.votes.get("Organization", 0) + 2.0  # 'a 10% stake in Shenji': what has shares
        return
    elif (
        h.dep_ == "pobj"
        and h.head.lower_ == "in"
        and h.head.head.lemma_.lower() in lx.PERSON_POSTS | {"official", "reporter", "correspondent"}
    ):
        c.votes["Place"] = c.votes.get("Place", 0) + 2.0  # 'a Volkswagen spokesman in Wolfsburg': where one works
        return
    elif _where_a_site_stands(h):
        c.votes["Place"] = c.votes.get("Place", 0) + 2.0  # 'a plant in Izmir', 'a site in Camaçari, Bahia'
        return
    elif (
        h.dep_ == "pobj"
        and h.head.lower_ == "to"
        and any(k.dep_ == "dobj" and k.lemma_.lower() in lx.HANDED_POSTS for k in h.head.head.children)
    ):
        c.votes["Person"] = c.votes.get("Person", 0) + 2.0  # 'handed the CEO role to Cyril Han': a successor
        return
    elif (
        h.dep_ == "dobj"
        and h.head.lemma_.lower() in ("succeed", "replace")
        and any(
            k.dep_ == "prep" and k.lower_ == "as" and any(p.lemma_.lower() in lx.PERSON_POSTS for p in k.subtree)
            for k in h.head.children
        )
    ):
        c.votes["Person"] = c.votes.get("Person", 0) + 2.0  # 'succeeded Fabrizio Freda as chief executive'
        return
    elif h.dep_ == "appos":
        cat = h.head
    elif h.dep_ == "nsubj" and h.head.lemma_ == "be":
        # 'Nanya is Taiwan's largest maker of memory chips': what a copula says the name is
        cat = next((k for k in h.head.children if k.dep_ == "attr"), None)
    elif h.dep_ in ("oprd", "dobj", "attr") and h.head.lemma_.lower() in lx.NAMING_VERBS and h.head.dep_ == "acl":
        cat = h.head.head  # 'a programme called Shopee Seller Boost', 'its campaign, dubbed Shenqiang Shou'
    elif (
        h.dep_ in ("compound", "nmod")
        and h.head.lemma_.lower() in lx.PRODUCT_NOUNS
        and lx.CATEGORY_TYPES.get(h.head.lemma_.lower(), "Program") == "Program"
        and any(k.dep_ == "poss" for k in h.head.children)
    ):
        # 'its own MiLM models', 'its Model Studio service': a product of the possessor, whatever the NER or the
        # name's last word ('Studio') says; but 'its SPX Express logistics network' may be a company's network
        strong = h.head.lemma_.lower() != "network" and max(c.votes.values(), default=0) >= 5.0
        c.votes["Program"] = c.votes.get("Program", 0) + (5.5 if strong else 3.0)
        return
    elif (
        h.dep_ in ("compound", "nmod")
        and (h.head.tag_ == "NNS" or h.head.lower_ in lx.UNIT_NOUNS)
        and any(k.dep_ == "poss" for k in h.head.children)
        and lx.CATEGORY_TYPES.get(h.head.lemma_.lower()) == "Organization"
    ):
        # 'its Yunmanman and Huochebang apps', 'Sea's Shopee and Garena units', 'its Miu Miu label': names before
        # an owner's kind of business or unit are of that kind (without an owner, 'Hollywood studios' are a
        # place's)
        c.votes["Organization"] = c.votes.get("Organization", 0) + 3.0
        return
    for child in head.children:
        # 'the navigation app Amap', 'Duo Duo Grocery, a group-buying service', 'rival Eleme' (the small model's
        # adjective)
        if (
            (child.dep_ in ("compound", "nmod", "amod") and child.i < c.start) or child.dep_ == "appos"
        ) and child.lemma_.lower() in lx.NAME_CATEGORY_TYPES:
            cat = child
    after_comma = _description_after_comma(tokens, c)
    cat = after_comma or cat  # (nearer the name than a list's category: 'rivals, including A and B, the toy chain')
    if cat is not None and cat.lemma_.lower() in lx.NAME_CATEGORY_TYPES:
        t = lx.NAME_CATEGORY_TYPES[cat.lemma_.lower()]
        # what the text calls a name ('coffee brand Lucky Cup') outweighs what its last word suggests ('Cup');
        # a noun that fits people as well as companies ('a poker player', 'an investor') only counts as usual
        strong = cat.lemma_.lower() not in lx.PERSON_OR_ORGANIZATION and max(c.votes.values(), default=0) >= 5.0
        # ('Kimi K2, an open-weight model': a description in apposition, with its article, says what the name is)
        described = (
            (cat.dep_ == "appos" or cat is after_comma)
            and any(k.dep_ == "det" for k in cat.children)
            and cat.lemma_.lower() not in lx.PERSON_OR_ORGANIZATION  # ('X, a partner at Y' may be either)
        )
        weight = 5.5 if strong else 3.0 if described else 2.0
        if t != "Person" and cat.i == c.start - 1 and cat.lemma_.lower() not in lx.PERSON_OR_ORGANIZATION:
            # 'German outdoor brand Jack Wolfskin': a kind no person is, right before the name, outweighs the NER's
            # guess from a given name's shape (not 'brand ambassador Jackie Chan', whose kind is 'ambassador')
            weight = max(weight, c.guess.get("Person", 0) + 0.5)
        c.votes[t] = c.votes.get(t, 0) + weight
    elif (beside := _category_beside(tokens, c)) is not None:
        # ('the Lucky Cup brand': a brand noun the name modifies says what it is, whatever its last word suggests)
        kind = tokens[c.end] if c.end < len(tokens) else None
        branded = kind is not None and kind.lemma_.lower() in lx.BRAND_NOUNS and kind.dep_ != "compound"
        c.votes[beside] = c.votes.get(beside, 0) + (5.5 if branded and head.head.i == c.end else 2.0)


def _hanzi_personal_name(tokens: list[Token], c: Candidate) -> bool:
    """Whether a name shaped as a Chinese person's in pinyin (a surname, a given name of one or two syllables) has
    its Chinese form in brackets after it with one character a syllable: 'Tong Zhilei (童之磊)', 'Hou Yameng
    (侯亚孟)'. A company's Chinese name is longer than its pinyin's syllables ('Three Sheep (三只羊网络)') or beside
    a name of no such shape ('Proya (珀莱雅)'); a listing after the brackets lists a company ('Lin Meiyu (林美玉)
    (HKEX: 2219)').

    >>> import spacy
    >>> doc = spacy.blank("en")("founded by Tong Zhilei (童之磊) in 2000 with Li Auto (理想汽车)")
    >>> _hanzi_personal_name(list(doc), Candidate(2, 4, "Tong Zhilei", "GPE"))
    True
    >>> _hanzi_personal_name(list(doc), Candidate(10, 12, "Li Auto", "ORG"))
    False
    """
    words = [t.text for t in tokens[c.start : c.end]]
    if not (one_word_bracket(tokens, c.end) and _chinese_personal_name(words)):
        return False
    if c.end + 3 < len(tokens) and tokens[c.end + 3].text == "(":
        return False
    native = tokens[c.end + 1].text
    syllables = sum(pinyin_syllables(w) for w in words)
    return len(native) == syllables and all("\u4e00" <= ch <= "\u9fff" for ch in native)


def _possessed_place_name(tokens: list[Token], c: Candidate, countries: frozenset[str]) -> bool:
    """Whether a name the NER took for a place, and no known place, follows a country's or a company's possessive:
    'Italy's Fila', 'Japan's Asics', 'Deckers Brands' Hoka' are a country's company and a company's brand. Not a
    place the KB knows ('China's Guangdong'), one a noun follows ('Tokyo's Shibuya district', 'Tesla's Fremont
    plant'), one after a preposition of where ('a plant in Thailand's Rayong') nor one a city's possessive
    introduces ('Seoul's Yeoksam', 'Guangzhou's Panyu': a city's districts)."""
    if c.kb_id or c.label not in ("GPE", "LOC") or c.start < 2 or tokens[c.start - 1].tag_ != "POS":
        return False
    owner, after, head = tokens[c.start - 2], tokens[c.end] if c.end < len(tokens) else None, tokens[c.end - 1]
    if after is not None and (_qualifies(after) or after.text in ("-", "‐")):
        return False  # 'Tesla's Fremont plant', 'China's Anhui-based Chery': what the place qualifies
    if head.dep_ == "pobj" and head.head.lower_ in _WHERE_PREPS:
        return False  # 'a factory in India's Karnataka', 'wages in China's Pearl River Delta': where things are
    return owner.ent_type_ == "ORG" or owner.ent_id_ in countries


#: Prepositions of where something is: a name after one and a country's possessive is a region of the country.
_WHERE_PREPS = frozenset({"in", "at", "near", "across", "throughout", "around", "outside", "inside", "within"})


def _where_a_site_stands(h: Token) -> bool:
    """Whether a name is where a site stands: the object of 'in' after a facility ('a plant in Izmir', 'two
    restaurants in Vila Madalena'), or a region set after such a place ('a site in Camaçari, Bahia'), or the
    object of 'of' after a kind of place ('the southern state of Paraná'). Not 'a stake in Shenji' (what has
    shares) nor 'an office of Tencent' (whose)."""
    if h.dep_ == "appos" and h.head.dep_ == "pobj":
        h = h.head
    if h.dep_ != "pobj":
        return False
    prep, owner = h.head, h.head.head
    if prep.lower_ == "in":  # ('runs two restaurants in Vila Madalena': the parser may hang 'in' on the verb)
        sites = [owner, *(k for k in owner.children if k.dep_ == "dobj")] if owner.pos_ == "VERB" else [owner]
        return any(x.lemma_.lower() in lx.FACILITY_NOUNS for x in sites)
    return prep.lower_ == "of" and owner.lower_ in _PLACE_NOUNS and owner.tag_ == "NN"


def _listed_before_works(tokens: list[Token], c: Candidate) -> bool:
    """Whether a name stands in a list of names right before a plural kind of creative work ('the Assassin's Creed,
    Far Cry and Rainbow Six franchises', 'the Gran Turismo and Horizon games'): the list's names are works, read on
    tokens (the small model parses such lists every which way). Not one name before the kind ('library Aniplex
    titles': the maker's), a kind of company ('the Tencent and NetEase studios') or of goods a maker's name may
    stand before ('the Moore Threads and MetaX chips'), nor a list that goes on in lower case ('Far Cry and other
    franchises')."""
    j = c.end
    # (a possessive ends the list: in 'Disney, Sanrio and Bandai's Gundam franchises' the names before it own them)
    while j < len(tokens) and (tokens[j].text[:1].isupper() or tokens[j].text in (",", "and", "&")):
        j += 1
    noun = tokens[j] if j < len(tokens) else None
    listed = any(t.text in (",", "and", "&") for t in tokens[c.end : j]) or (
        c.start > 0 and tokens[c.start - 1].text in (",", "and", "&")
    )
    return (
        listed
        and noun is not None
        and (noun.tag_ == "NNS" or noun.lower_ == "series")  # ('series' is its own plural)
        and noun.lemma_.lower() in _WORK_KINDS
        and tokens[j - 1].text[:1].isupper()
    )


#: Kinds of creative work whose plural after a list of names makes them works: a maker's name may stand before
#: other kinds ('the Moore Threads and MetaX chips').
_WORK_KINDS = frozenset({"franchise", "game", "title", "series", "film", "show", "drama"})


def _what_money_goes_into(prep: Token) -> bool:
    """Whether a preposition's object is what a stake or a round is in: 'a 10% stake in Shenji', 'took stakes in A,
    B and C' (the phrase hung on the verb), 'bought shares in X', 'a financing (round) for X', 'invested in X', '21%
    of X'."""
    noun, word = prep.head, prep.lower_
    if word == "of":  # 'paid €1 billion for 21% of Ampere': a share of a company
        return percent_of(noun)
    if word not in ("in", "for", "into"):
        return False
    lemma = noun.lemma_.lower()
    if noun.pos_ == "VERB" and word != "for":
        return lemma == "invest" or any(
            c.dep_ == "dobj" and c.lemma_.lower() in ("stake", "holding", "share") for c in noun.children
        )
    return lemma in ("financing", "funding", "investment", "round") or (word == "in" and lemma in ("stake", "holding"))


def _category_beside(tokens: list[Token], c: Candidate) -> str | None:
    """The type a category noun right beside a name says, read on tokens where the parse hangs it elsewhere: before
    it ('creator agency UUUM', 'Beijing law firm Zhong Lun'), or after it, in the singular, when it names a company
    ('the Lotte Cinema chain'; not 'the Nvidia chip', which may name the maker or the product, nor 'Hollywood
    studios') or a person, whose organization the name is then ('a Nvidia China executive'); or the firm a person's
    post is at ('an analyst at Bernstein in Hong Kong')."""
    before = tokens[c.start - 1] if c.start > 0 else None
    if before is not None and before.is_lower and before.pos_ == "NOUN" and before.lemma_.lower() in lx.CATEGORY_TYPES:
        return lx.CATEGORY_TYPES[before.lemma_.lower()]
    after = tokens[c.end] if c.end < len(tokens) else None
    owned = before is not None and before.tag_ == "POS"  # 'Nvidia's Drive Orin platform' is a product of Nvidia
    if after is not None and after.is_lower and after.tag_ == "NN" and not owned:
        kind = lx.CATEGORY_TYPES.get(after.lemma_.lower())
        # ('a former Nvidia China executive', 'a Douyin streamer': a kind of person after a name is of that
        # organization, never the name itself)
        if kind in ("Organization", "Person"):
            return "Organization"
    comma = _end_of_listed_names(tokens, c.end)
    if 0 <= comma < len(tokens) - 1 and (
        tokens[comma + 1].lower_ in lx.ARTICLES or tokens[comma + 1].lower_ in lx.LIST_NUMBERS
    ):
        # 'Idealo, the German price-comparison site', 'Yunmanman and Huochebang, two rival truck-hailing apps': an
        # appositive the parse hung elsewhere (after a list, of every name in it)
        noun = tokens[comma + 1].head
        if noun.dep_ in ("nsubj", "nsubjpass") and noun.head.lemma_.lower() in lx.SAY_VERBS:
            return None  # 'shops in Korea, the companies said': the sentence's source, not a description of Korea
        if noun.i - comma <= 6 and noun.pos_ == "NOUN" and (kind := lx.CATEGORY_TYPES.get(noun.lemma_.lower())):
            return kind
    if before is not None and before.lower_ == "at" and c.start > 1:
        return "Organization" if tokens[c.start - 2].lemma_.lower() in lx.FIRM_POSTS else None
    return None


def _end_of_listed_names(tokens: list[Token], end: int) -> int:
    """The comma after a name ending at ``end``, or after the list of capitalised names joined by 'and' that it
    opens ('Yunmanman and Huochebang, two …'); -1 when neither follows."""
    j, joined = end, False
    while j < len(tokens) and j - end < 8:
        if tokens[j].text == "," and (j == end or joined):
            return j
        if tokens[j].lower_ == "and":
            joined = True
        elif not (tokens[j].text == "," or (tokens[j].pos_ == "PROPN" and tokens[j].is_title)):
            return -1
        j += 1
    return -1


def _coordination_vote(tokens: list[Token], cands: list[Candidate], kb_index: dict[str, tuple[str, str]]) -> None:
    """Coordination joins like with like: an unknown name listed with known companies ("a race among Blinkit,
    Zepto and Flipkart", "Shopee, Lazada and Tokopedia") is a company too, whatever place or person the NER
    took it for. Only known (KB) companies vote, so two unknown names never vote for each other; and a name listed
    with a person the article named in full before ("Eddie Wu … Wu and Tsai") is a person."""
    by_head = {c.end - 1: c for c in cands}
    surnames = {
        tokens[c.end - 1].lower_: c.start for c in cands if c.label == "PERSON" and c.end - c.start > 1
    }  # the last word of a full name, and where it was first named
    for c in cands:
        if c.kb_id or "Program" in c.votes:
            continue
        head = tokens[c.end - 1]
        if (
            c.end < len(tokens)
            and head.ent_type_ in ("GPE", "LOC")
            and (tokens[c.end].tag_ == "POS" or _qualifies(tokens[c.end]))
        ):
            # 'Uber and Estonia's Bolt', 'Temasek and Gulf sovereign wealth funds': the place qualifies what is
            # listed with the companies (a country's company), it is not listed itself
            continue
        root = head
        while root.dep_ == "conj" and root.head.i != root.i:
            root = root.head
        chain = [root, *root.conjuncts]
        known = sum(
            1
            for t in chain
            if t.i != head.i
            and (other := by_head.get(t.i)) is not None
            and other.kb_id
            and kb_index.get(other.kb_id, ("", ""))[1] == "Organization"
        )
        if known:
            c.votes["Organization"] = c.votes.get("Organization", 0) + (2.0 if known >= 2 else 1.5)
        named_people = sum(
            1
            for t in chain
            if t.i != head.i
            and (other := by_head.get(t.i)) is not None
            and other.end - other.start == 1
            and surnames.get(t.lower_, t.i) < t.i
        )
        if named_people and c.end - c.start == 1:
            c.votes["Person"] = c.votes.get("Person", 0) + 1.5


class Linker:
    """Union-find over linking keys, so aliases, versions' bases and variants share one entity."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, k: str) -> str:
        while self.parent.get(k, k) != k:
            k = self.parent[k]
        return k

    def union(self, keep: str, other: str) -> None:
        a, b = self.find(keep), self.find(other)
        if a != b:
            self.parent[b] = a


def _base(name: str) -> str:
    words = normalise_name(name).split()
    return " ".join(words[:-1]) if len(words) > 1 and words[-1] in lx.PROGRAM_HEADS else " ".join(words)


def _clipped_kb_name(key: str, kb_names: list[str]) -> bool:
    """Whether ``key`` is the start of a longer word of a KB name (``kb_names`` sorted: :func:`kb_words`)."""
    if len(key) < 2:
        return False
    i = bisect.bisect_right(kb_names, key)  # the first word after ``key``: a longer one it starts, if any
    return i < len(kb_names) and kb_names[i].startswith(key)


def kb_words(kb_index: dict[str, tuple[str, str]]) -> list[str]:
    """The words of the KB's canonical names, normalised and sorted (what a clipped known name is checked
    against)."""
    return sorted(
        {w for name, kind in kb_index.values() if kind == "Organization" for w in normalise_name(name).split()}
    )


#: Last words no person's name ends in: a name tagged a person's that ends in one makes no surname.
_ORGANIZATION_LAST_WORDS = lx.ORG_NAME_WORDS | lx.MEDICAL_NAME_WORDS


def link(
    parsed: Parsed,
    cands: list[Candidate],
    kb_index: dict[str, tuple[str, str]],
    kb_names: list[str],
    countries: frozenset[str],
) -> tuple[list[Candidate], dict[str, dict]]:
    """Give each candidate an entity key; return kept candidates and the entity table (``kb_names``:
    :func:`kb_words` of ``kb_index``; ``countries``: the KB's ids of countries)."""
    tokens = parsed.tokens
    linker = Linker()
    surnames: dict[str, set[str]] = {}
    for c in cands:
        c.key = c.kb_id or normalise_name(c.text)
        words = c.text.split()
        # Chinese order (Yang Tianzhen) or Western (Daniel Zhang); not a company's name the NER took for a person's
        # ('Hoshizora Interactive': its 'Hoshizora' is the company)
        # (nor one its own shape reads as a brand: 'launched Dingdang Kuaiyao', tagged a person, makes no surname of
        # 'Dingdang', the company's short name)
        if (
            c.label == "PERSON"
            and len(words) > 1
            and words[-1].lower() not in _ORGANIZATION_LAST_WORDS
            and not _pinyin_brand(words, ())
        ):
            # or both: 'Eric Shen Ya' is Mr Shen
            for w in {words[0], words[-1], *(words[1:2] if len(words) == 3 else [])}:
                surnames.setdefault(normalise_name(w), set()).add(c.key)
    persons_multi = {k: next(iter(v)) for k, v in surnames.items() if len(v) == 1}
    # a known person's surname alone, where the NER missed it ("In 2021 Zhang handed …")
    covered = {i for c in cands for i in range(c.start, c.end)}
    for t in tokens:
        if (
            t.i not in covered
            and t.pos_ == "PROPN"
            and t.text[:1].isupper()
            and t.lower_ in persons_multi
            and not (t.i + 1 < len(tokens) and tokens[t.i + 1].pos_ == "PROPN")
        ):
            cands.append(Candidate(t.i, t.i + 1, t.text, "PERSON", votes={"Person": 1.0}, key=persons_multi[t.lower_]))
    cands.sort(key=lambda c: c.start)
    other_labels: dict[str, int] = {}
    for c in cands:
        if c.label != "PERSON":
            other_labels[c.key] = other_labels.get(c.key, 0) + 1
    kept = []
    for c in cands:
        # 'founded by Tong Zhilei (童之磊)': a person's name, unless the text says what kind of thing it is ('Bai
        # Xiang (白象), the instant noodle maker': category_vote voted)
        undescribed = dict(c.votes) if c.kb_id is None and _hanzi_personal_name(tokens, c) else None
        category_vote(tokens, c, countries)
        if undescribed is not None and c.votes == undescribed:
            c.votes["Person"] = c.votes.get("Person", 0) + 3.0
        if (
            c.label in ("PERSON", "ORG", "GPE", "CUE", "LISTED", "WORK_OF_ART", "PRODUCT")
            and not c.kb_id
            and len(c.text.split()) == 1
            and c.key in persons_multi
        ):
            c.key = persons_multi[c.key]  # 'Zhang', 'Su' after 'Daniel Zhang', 'Su Hua' (the NER may mislabel it)
            c.votes = {"Person": 1.0}
        elif c.label in ("PERSON", "ORG", "GPE", "NORP") and not c.kb_id and c.key in surnames and " " not in c.text:
            c.votes = {"Person": 1.0}  # 'Kim' after 'Bom Kim' and 'Brian Kim': a person, though which is unclear
        elif (
            not c.kb_id
            and len(c.text.split()) == 1
            and c.key not in other_labels
            and c.votes.get("Person", 0) < 3.0
            and not _aged(tokens[c.start])  # ('Lin, 44, replaces …' is a person, not a clipped 'Lingxing')
            and _clipped_kb_name(c.key, kb_names)
        ):
            continue  # a clipped known name ("Tao's" for Taobao/Taotian) is not a new entity
        kept.append(c)
    _coordination_vote(tokens, kept, kb_index)
    # Program names differing only in their head noun ("X Plan", "X Project") are one program.
    by_base: dict[str, str] = {}
    for c in kept:
        if "Program" in c.votes and not c.kb_id:
            b = _base(c.text)
            if b in by_base:
                linker.union(by_base[b], c.key)
            else:
                by_base[b] = c.key
    # Literal translations of pinyin names ("Xiaohongxing" / "Little Red Star") are aliases.
    # (over distinct names, so that a long document with many mentions stays cheap)
    pinyin = {c.text: c.key for c in kept if not c.kb_id and re.fullmatch(r"[A-Z][a-z]+(?: [A-Z][a-z]+)?", c.text)}
    english = {c.text: c.key for c in kept if not c.kb_id and len(c.text.split()) >= 2}
    english_words = [
        (key, [w.lower() for w in text.split()], [w.lower() for w in _base(text).split()])
        for text, key in english.items()
    ]
    for p_text, p_key in pinyin.items():
        units = gloss_units(p_text)
        for e_key, words, base_words in english_words:
            if p_key != e_key and (units_gloss(units, words) or units_gloss(units, base_words)):
                linker.union(p_key, e_key)
    for c in kept:
        if c.short_for is not None:
            linker.union(c.short_for.key, c.key)  # 'Hello' after 'Hello Inc.'
    kept += _appositive_aliases(parsed, kept, linker)
    return kept, _entity_table(kept, linker, kb_index)


def _entity_table(kept: list[Candidate], linker: Linker, kb_index: dict[str, tuple[str, str]]) -> dict[str, dict]:
    """One row an entity: its canonical label (the KB name, else the first mention of the group), aliases and the
    summed type votes of its mentions."""
    table: dict[str, dict] = {}
    guessed: dict[str, dict[str, float]] = {}  # per entity and type, the NER's largest guess on one mention
    for c in kept:
        c.key = linker.find(c.key)
        e = table.setdefault(
            c.key,
            {"label": None, "votes": {}, "aliases": [], "kb_id": c.kb_id, "version_of": None, "version_label": None},
        )
        if c.kb_id and c.kb_id in kb_index:
            e["label"], kb_type = kb_index[c.kb_id]
            e["kb_id"] = c.kb_id
            e["votes"]["__kb__"] = kb_type
        elif e["label"] is None:
            e["label"] = c.text
        if c.text not in e["aliases"]:
            e["aliases"].append(c.text)
        guesses = guessed.setdefault(c.key, {})
        for etype, weight in c.votes.items():
            guess = min(c.guess.get(etype, 0.0), weight)
            e["votes"][etype] = e["votes"].get(etype, 0) + weight - guess
            guesses[etype] = max(guesses.get(etype, 0.0), guess)
    # the NER's label on each mention of a name is one guess about one word, repeated: it counts once, while every
    # cue in the text ('Galbot founder Wang He', 'Galbot, the Beijing-based developer') counts
    for key, guesses in guessed.items():
        votes = table[key]["votes"]
        for etype, guess in guesses.items():
            votes[etype] = votes.get(etype, 0) + guess
    return table


def _appositive_aliases(parsed: Parsed, cands: list[Candidate], linker: Linker) -> list[Candidate]:
    """'X (Y)', 'X, also known as Y', 'X, formerly Y': Y names the same thing as X (returns the
    alias mentions the NER missed)."""
    tokens = parsed.tokens
    by_start = {c.start: c for c in cands}
    tickers = {t.start for t in parsed.tickers}  # '(NYSE: BABA)' names no alias of what precedes it
    extra: list[Candidate] = []
    for c in cands:
        j = c.end
        while j < len(tokens) and (tokens[j].is_punct and tokens[j].text in "“”\"'"):
            j += 1
        if j < len(tokens) and tokens[j].idx in tickers:
            continue
        if j < len(tokens) and tokens[j].text == "(" and j + 1 in by_start:
            # ('Alibaba Group (China) Co.': a place in the bracket is where a company's local arm is, not its name)
            if resolve_type(by_start[j + 1].votes) != "Place" or resolve_type(c.votes) == "Place":
                linker.union(c.key, by_start[j + 1].key)
            continue
        if j < len(tokens) and tokens[j].text == "(":  # 'Duoduo Maicai (Duo Duo Grocery)': a name the NER missed
            k = j + 1
            while (
                k < len(tokens)
                and k - j <= 6
                and tokens[k].text != ")"
                and (tokens[k].text[:1].isupper() or tokens[k].text in "&-.")
            ):
                k += 1
            if (
                k < len(tokens)
                and tokens[k].text == ")"
                and k > j + 1
                and not tokens[j + 1].like_num
                and not all(_legal_word(t) for t in tokens[j + 1 : k])  # 'Ping An Insurance (Group)'
            ):
                span = parsed.doc[j + 1 : k]
                extra.append(Candidate(span.start, span.end, parsed.text_of(span), "ALIAS", votes={}, key=c.key))
            continue
        tail = parsed.text_of(parsed.doc[j : j + 8]).lower() if j < len(tokens) else ""
        m = re.match(
            r",?\s*(?:(?:also |widely |better )?known (?:to [a-z]+ )?as|also called|formerly known as|formerly|"
            r"now called|renamed)\s+(?:the\s+)?[“\"]?",
            tail,
        )
        if m:
            k = j
            while k < len(tokens) and tokens[k].idx < tokens[j].idx + m.end():
                k += 1
            if k in by_start:
                linker.union(c.key, by_start[k].key)
    return extra


def resolve_type(votes: dict) -> str:
    """KB type wins; then the heaviest vote (NER labels, cue words, program shapes)."""
    if "__kb__" in votes:
        return votes["__kb__"]
    scored = {k: v for k, v in votes.items() if k != "__kb__"}
    if not scored:
        return "Other"
    return max(sorted(scored), key=lambda k: scored[k])


def versions(parsed: Parsed, cands: list[Candidate], table: dict[str, dict]) -> list[Candidate]:
    """'X 2.0', 'version 3.0 of X', 'X relaunched version 2.0': versions of program X (new entities)."""
    tokens = parsed.tokens
    tok_cand = {}
    for c in cands:
        for i in range(c.start, c.end):
            tok_cand[i] = c
    out = []
    for t in tokens:
        if not _VERSION.match(t.text) or (t.i + 1 < len(tokens) and tokens[t.i + 1].lower_ in lx.AMOUNT_WORDS):
            continue  # 'fined Meituan 3.44 billion yuan' is an amount, not a version of Meituan
        base, start, end = None, t.i, t.i + 1
        if t.i > 0 and t.i - 1 in tok_cand:  # X 2.0
            base = tok_cand[t.i - 1]
            start = base.start
        elif t.i > 0 and tokens[t.i - 1].lower_ == "version":
            start = t.i - 1
            if t.i + 2 < len(tokens) and tokens[t.i + 1].lower_ == "of" and t.i + 2 in tok_cand:  # version 3.0 of X
                base = tok_cand[t.i + 2]
                end = base.end
            else:  # X relaunched version 2.0: the subject of the verb
                verb = tokens[t.i - 1].head if tokens[t.i - 1].head.pos_ == "VERB" else t.head
                for s in verb.children:
                    if s.dep_ == "nsubj" and s.i in tok_cand:
                        base = tok_cand[s.i]
        if base is None:
            continue
        entry = table[base.key]
        entry["votes"]["Program"] = entry["votes"].get("Program", 0) + 3.0
        label = f"{entry['label']} {t.text}"
        key = normalise_name(label)
        v = table.setdefault(
            key,
            {
                "label": label,
                "votes": {"Program": 9.0},
                "aliases": [],
                "kb_id": None,
                "version_of": base.key,
                "version_label": t.text,
            },
        )
        text = parsed.text_of(parsed.doc[start:end])
        if text not in v["aliases"]:
            v["aliases"].append(text)
        out.append(Candidate(start, end, text, "VERSION", key=key))
    return out
