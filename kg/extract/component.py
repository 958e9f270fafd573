"""The ``kg_extractor`` pipeline component: runs the rules and stores plain data on ``Doc._.kg``.

Everything stored is msgpack-serialisable (dicts, lists, str, int, float, None) so that
``nlp.pipe(n_process=2)`` can send it back to the parent. Document context (the published date)
is not visible here: dates are stored as specs and resolved by :mod:`kg.extract` in the parent.
"""

from __future__ import annotations

import bisect
import dataclasses
from collections import Counter
from itertools import combinations
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from kg.extract import learned
from kg.extract import lexicon as lx
from kg.extract import mentions as mx
from kg.extract import quantities as qx
from kg.extract.dates import ANCHOR_CUES, date_spec
from kg.extract.parsed import Parsed
from kg.extract.records import (
    CoMentionRow,
    DateRow,
    EntityRow,
    EventRow,
    Extracted,
    MentionRow,
    QuantityRow,
    RelationRow,
)
from kg.extract.relations import (
    BEGINNING_RULES,
    EVENTS,
    NOT_EVENTS,
    SIGNATURES,
    STATIVE,
    Cand,
    Context,
    cue_predicate,
    first_conjunct,
    governing_verb,
    irrealis,
    money_raised,
    possessors,
    role_in,
    run_rules,
)
from kg.extract.tickers import in_code
from kg.schema import MONEY_EVENTS, SCHEMA

if not Doc.has_extension("kg"):
    Doc.set_extension("kg", default=None)


@Language.factory("kg_extractor")
def make_extractor(nlp: Language, name: str) -> Extractor:
    # the model's own dictionary: the rule lemmatizer's WordNet index (none in a pipeline without one)
    lemmatizer = nlp.get_pipe("lemmatizer") if "lemmatizer" in nlp.pipe_names else None
    lookups = getattr(lemmatizer, "lookups", None)
    index = lookups.get_table("lemma_index") if lookups is not None and lookups.has_table("lemma_index") else None
    return Extractor(mx.dictionary_words(index))


@dataclasses.dataclass(frozen=True)
class KBView:
    """What extraction reads of the knowledge base, worked out once per pipeline."""

    index: dict[str, tuple[str, str]] = dataclasses.field(default_factory=dict)  # id -> (canonical name, type)
    words: list[str] = dataclasses.field(default_factory=list)  # :func:`~kg.extract.mentions.kb_words` of index
    parents: dict[str, str] = dataclasses.field(default_factory=dict)  # unit -> parent, the KB's structure
    kinds: dict[str, str] = dataclasses.field(default_factory=dict)  # id -> "company", "exchange" or "authority"
    seats: dict[str, str] = dataclasses.field(default_factory=dict)  # exchange id -> the id of its Place
    exchange_codes: dict[str, str] = dataclasses.field(default_factory=dict)  # ticker prefix -> exchange id
    countries: frozenset[str] = frozenset()  # the ids of countries (the KB's countries file), not cities or regions

    @classmethod
    def of(cls, kb) -> KBView:
        index = {e.id: (e.name, e.type) for e in kb.entities.values()}
        # unit -> parent, from the KB's well-known structure (what an article about a group is about)
        parents = {f.subject: f.object for f in kb.facts if f.predicate == "part_of"}
        parents.update({f.object: f.subject for f in kb.facts if f.predicate == "owns"})
        # institutions that no company owns, invests in or competes with: exchanges (what a company is listed
        # on: the entities with ticker prefixes, and the boards beside them) and authorities (the regulators' file)
        kinds = {e.id: "company" for e in kb.entities.values() if e.type == "Organization"}
        kinds |= {e.id: "authority" for e in kb.entities.values() if e.source == "regulators"}
        kinds |= {
            e.id: "exchange"
            for e in kb.entities.values()
            if e.ticker_prefixes or (e.source == "exchanges" and e.type == "Organization")
        }
        seats = {e.id: e.seat for e in kb.entities.values() if e.seat}
        codes = {code.upper(): e.id for e in kb.entities.values() for code in e.ticker_prefixes}
        countries = frozenset(e.id for e in kb.entities.values() if e.source == "countries")
        return cls(index, mx.kb_words(index), parents, kinds, seats, codes, countries)


class Extractor:
    def __init__(self, common_words: frozenset[str] = frozenset()) -> None:
        self.kb = KBView()
        self.common_words = common_words

    def set_kb(self, kb) -> None:
        """The KB as extraction reads it; the KB's names reach the Doc through the entity ruler."""
        self.kb = KBView.of(kb)

    def __call__(self, doc: Doc) -> Doc:
        doc._.kg = extract(doc, self.kb, self.common_words)
        return doc


def _person_cue(doc: Doc, c: mx.Candidate) -> bool:
    """Whether the words around a name say a person holds it: a post before it ('chief
    executive Sameer Nigam', 'councillor Ana Reis'), a post in apposition ('X, head of equity capital markets', 'X,
    a managing partner at Y', 'X, the company's general counsel'), or an age ('X, 44, joined …'). Not 'rival Meituan
    Dianping' nor 'X, a partner of Y' (a partner may be a company; a managing or founding partner is not). A name of
    one word too when an age or a relative 'who' follows it ('Zhao, 44, succeeds …', 'Wang, who became …')."""
    if c.end + 1 < len(doc) and doc[c.end].text == "," and doc[c.end + 1].lower_ == "who":
        h = doc[c.start : c.end].root
        # ('X, the general manager of Shopee Brazil, who joined …': the 'who' is X's, the post's holder)
        return not (h.dep_ == "pobj" and h.head.lower_ in ("of", "at") and h.head.head.pos_ == "NOUN")
    if c.end + 2 < len(doc) and doc[c.end].text == "," and doc[c.end + 2].text == ",":
        age = doc[c.end + 1]  # ('Zhao, 44, succeeds …': an age makes a person of a name of one word too)
        if age.is_digit and 16 <= int(age.text) <= 99:
            return True
    before = doc[c.start - 1] if c.start > 0 else None
    if c.end - c.start < 2:
        # ('Chairman Wu': a capitalised title right before a name of one word makes it a person's)
        return before is not None and before.is_title and before.lower_ in lx.PERSON_POSTS and not before.is_sent_start
    if before is not None and before.lower_ in lx.PERSON_POSTS:
        return True
    head = doc[c.start : c.end].root
    for post in (k for k in head.children if k.dep_ == "appos"):
        word = post.lower_
        if word in lx.PERSON_POSTS or (word == "head" and any(k.lower_ == "of" for k in post.children)):
            return True
        if word == "partner" and any(k.lower_ in ("managing", "founding", "general") for k in post.children):
            return True
    return False


def _dateline_place(doc: Doc, c: mx.Candidate) -> bool:
    """'ZARAGOZA, Spain, June 24 — …', 'BOGOTÁ — …': a name in capitals that opens a paragraph, before a comma or a
    dash, is the dateline's place (the small model reads a word in capitals as an organization); not before a comma
    and a word in lower case ('COL, founded in 2000 by …' is a company's acronym)."""
    words = doc[c.start : c.end]
    if c.end >= len(doc) or doc[c.end].text not in (",", "/", *lx.DATELINE_DASHES):
        return False
    if doc[c.end].text == "," and c.end + 1 < len(doc) and doc[c.end + 1].is_lower:
        return False
    if not all(t.is_upper or not t.is_alpha for t in words) or not any(t.is_alpha for t in words):
        return False
    return doc.text[: words[0].idx].rstrip(" \t")[-1:] in ("", "\n")


def _cue_votes(doc: Doc, cands: list[mx.Candidate], table: dict) -> None:
    """Context cues: 'formed X with Y' (X a program), 'cooperation with X' (X an organization), 'chief executive
    X' (X a person)."""
    for c in cands:
        if not c.kb_id and _person_cue(doc, c):
            table[c.key]["votes"]["Person"] = table[c.key]["votes"].get("Person", 0) + 3.0
        if not c.kb_id and _dateline_place(doc, c):
            table[c.key]["votes"]["Place"] = table[c.key]["votes"].get("Place", 0) + 5.0
        h = first_conjunct(doc[c.start : c.end].root)
        gov = h.head
        if (
            h.dep_ == "dobj"
            and gov.lemma_.lower() in ("form", "create", "build", "develop")
            and any(ch.dep_ == "prep" and ch.lower_ == "with" for t in (gov, h, *h.conjuncts) for ch in t.children)
        ):
            table[c.key]["votes"]["Program"] = table[c.key]["votes"].get("Program", 0) + 3.0
        if (
            c.label in ("GPE", "LOC", "FAC", "NORP")
            and h.dep_ in ("nsubj", "dobj", "nsubjpass")
            and (lx.VERB_CUES.get(gov.lemma_.lower(), ("operates_on",))[0] not in ("operates_on", "published"))
        ):
            # the agent or object of launching, founding, acquiring … is an organization, not a place
            table[c.key]["votes"]["Organization"] = table[c.key]["votes"].get("Organization", 0) + 1.5
        if (
            h.dep_ == "pobj"
            and h.head.lower_ in ("with", "against", "to", "from")
            and (
                (h.head.lower_ == "with" and h.head.head.lemma_.lower() in lx.COOP_NOUNS)
                or lx.VERB_CUES.get(h.head.head.lemma_.lower(), ("",))[0] in ("partner_of", "competes_with")
                or h.head.head.lemma_.lower() in lx.COMPETE_NOUNS
                or (h.head.lower_ == "to" and h.head.head.lemma_.lower() in lx.LOSE_VERBS)
            )
        ):
            # a partner or rival ('cooperation with X', 'competes with X', 'competition from X', 'lost share to X')
            table[c.key]["votes"]["Organization"] = table[c.key]["votes"].get("Organization", 0) + 2.0
        if not c.kb_id and h.dep_ == "pobj" and h.head.lower_ == "of" and h.head.head.lower_ in _COMPANY_POSTS:
            # 'chief executive of Zalando': a company's post (not 'president of Indonesia', a state's)
            table[c.key]["votes"]["Organization"] = table[c.key]["votes"].get("Organization", 0) + 2.0
        # (a product said to compete stays a product: 'Careem Quik, its grocery service, competes with …')
        votes = table[c.key]["votes"]
        if not c.kb_id and "Program" not in votes and (kind := _no_person_slot(h)) is not None:
            votes[kind] = votes.get(kind, 0) + 3.0


def _no_person_slot(h: Token) -> str | None:
    """The type a name takes from a cue verb's slot that the schema gives no person: the subject of 'competes'
    ('Top Toy competes with …') or the one a participle describes ('Top Toy, the chain owned by Miniso'); None for
    any other place, or a slot a person may fill. An organization where the slot allows one."""
    if h.dep_ in ("nsubj", "nsubjpass") and h.head.i != h.i:
        slots = [(h.head, "subject" if h.dep_ == "nsubj" else "object")]
    else:
        slots = []
    # the first appositive describes the name; one after a post ('Lindner, head of policy at Idealo, the site owned
    # by Axel Springer') is another's, misattached
    appositive = next((c for c in h.children if c.dep_ == "appos"), None)
    described = [h] if appositive is None or appositive.lemma_.lower() in lx.REL_NOUNS else [h, appositive]
    slots += [(p, "object") for d in described for p in d.children if p.dep_ == "acl" and p.tag_ == "VBN"]
    for verb, role in slots:
        pred = lx.VERB_CUES.get(verb.lemma_.lower(), (None,))[0]
        if pred in SCHEMA:
            allowed = SCHEMA[pred].subject if role == "subject" else SCHEMA[pred].object
            if "Person" not in allowed and "Organization" in allowed:
                return "Organization"
    return None


#: Posts only a company has (a president, a governor or a head may be a state's or a region's).
_COMPANY_POSTS = frozenset(
    {"executive", "officer", "chairman", "chairwoman", "chairperson", "founder", "co-founder", "cofounder"}
    | {"ceo", "cfo", "cto", "coo", "shareholder", "investor", "backer"}
)


def _span(parsed: Parsed, start: int, end: int) -> Span:
    """The tokens that cover characters [start, end) of the text."""
    span = parsed.doc.char_span(start, end, alignment_mode="expand")
    assert span is not None  # "expand" widens to whole tokens: only offsets outside the text give None
    return span


def _date_governor(tok: Token) -> Token:
    """The verb a date's clause hangs on, past an amount of won the small model reads as a verb ('fined Coupang
    162.8 billion won in June 2024': the fine's date)."""
    verb = governing_verb(tok)
    if verb.lower_ == "won" and verb.i > 0 and verb.dep_ in ("acl", "relcl") and verb.doc[verb.i - 1].like_num:
        return governing_verb(verb.head)
    return verb


def _dates(parsed: Parsed) -> list[dict]:
    """Date mentions in order: spec, offsets, governing verb; 'July' + 'of the same year' joined."""
    tokens = parsed.tokens
    out: list[dict[str, Any]] = []
    ents = [e for e in parsed.ents if e.label_ == "DATE"]
    skip = set()
    for k, e in enumerate(ents):
        if k in skip:
            continue
        start, end = e.start, e.end
        # the NER may run a date on across a dash ('on Nov 1 — days before …'): the date ends there
        end = next((t.i for t in tokens[start:end] if t.text in ("—", "–", ";", "(")), end)
        if end == start or (parsed.tickers and in_code(parsed.tickers, e.start_char, e.end_char)):
            continue  # a listing code is no year ('Prada (HKEX: 1913)')
        if start >= 2 and tokens[start - 1].lower_ in ("following", "next") and tokens[start - 2].lower_ == "the":
            start -= 2  # 'the following April' (the NER may leave the modifier out)
        if k + 1 < len(ents) and ents[k + 1].start == end + 1 and tokens[end].lower_ == "of":
            end = ents[k + 1].end
            skip.add(k + 1)
        span = parsed.doc[start:end]
        spec = date_spec(parsed.text_of(span))
        yearless = spec is not None and spec.get("rel") is None and spec.get("y") is None
        if spec is not None and set(spec) == {"y"} and _of_a_noun(span.root):
            spec = {**spec, "of_noun": True}
        if spec is not None and (spec.get("rel") == "month_only" or yearless):
            # a new dict: date_spec's answer stays as it is
            spec = {**spec, "tense": _tense(governing_verb(span.root))}
        out.append(
            {
                "spec": spec,
                "start": span.start_char,
                "end": span.end_char,
                "gov": _date_governor(span.root).i,
                "tok": span.start,
                "noun": _dated_noun(span.root),
            }
        )
    # bare years the NER missed ("In 2022 Bilibili closed …")
    in_date = {i for e in ents for i in range(e.start, e.end)}
    for t in tokens:
        if (
            t.i not in in_date
            and len(t.text) == 4
            and t.text[:2] in ("19", "20")
            and t.text.isdigit()
            and t.dep_ == "pobj"
            and t.head.lower_ in ("in", "since", "by", "from", "until", "during", "before", "after")
        ):
            spec = {"y": int(t.text)} | ({"of_noun": True} if _of_a_noun(t) else {})
            out.append({"spec": spec, "start": t.idx, "end": t.idx + 4, "gov": _date_governor(t).i, "tok": t.i})
    for s in parsed.sents:
        m = ANCHOR_CUES.match(parsed.text_of(s))
        if m:
            anchor = _span(parsed, s.start_char, s.start_char + m.end())
            out.append(
                {
                    "spec": {"rel": "anchor"},
                    "start": anchor.start_char,
                    "end": anchor.end_char,
                    "gov": governing_verb(anchor.root).i,
                    "tok": anchor.start,
                }
            )
    out.sort(key=lambda d: d["start"])
    return out


#: Nouns of a report whose clause dates what it reports ('according to a letter sent on Monday').
_REPORT_NOUNS = frozenset({"letter", "memo", "statement", "filing", "notice", "announcement", "release", "email"})


def _of_a_noun(root: Token) -> bool:
    """Whether a year qualifies a noun of a phrase, not a clause ('1% of Apple's sales in mainland China in 2024,
    concludes an investigation opened in March': the sales' year, not the timeline's)."""
    prep = root.head
    word = prep.head  # (a noun, or an adjective set on one: 'the penalty, equivalent to … in 2024')
    return (
        root.dep_ == "pobj"
        and prep.dep_ == "prep"
        and word.i < prep.i
        and (word.pos_ in ("NOUN", "PROPN") or (word.pos_ == "ADJ" and word.dep_ == "amod"))
    )


def _dated_noun(root: Token) -> int | None:
    """The event noun a date modifies ('fined it over its 2016 acquisition of Y': the acquisition's date, not the
    fine's), else None."""
    head = root.head
    if root.dep_ in ("compound", "nummod", "nmod", "amod", "poss") and head.pos_ == "NOUN" and head.i > root.i:
        return head.i if head.lemma_.lower() in lx.NOUN_CUES else None
    return None


def _tense(verb: Token) -> str | None:
    """ "past", "future" or None (present or unknown) for the clause a date hangs on."""
    aux = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if aux & {"will", "would", "'ll", "shall"} or (verb.lower_ == "to" or "to" in aux):
        return "future"
    if verb.tag_ == "VBD" or aux & {"had", "was", "were", "did"} or (verb.tag_ == "VBN" and aux & {"has", "have"}):
        return "past"
    return None


def _date_for(
    tok: Token, dates: list[dict], sent_of: list[int], by_sent: dict[int, list[int]], args: tuple[int, ...] = ()
) -> tuple[int | None, str | None]:
    """The date its clause governs (the verb or an ancestor), else the sentence's, else none. A date in a relative
    clause or participle that holds none of ``args`` (token indices) dates that clause only."""
    opener = _temporal_phrase(tok)
    if opener is not None:
        # 'moved its shares in 2022 after a probe by the CAC': the probe was before 2022; a date in the phrase is its
        # own ('after a probe by the CAC in 2021')
        inside = [
            k
            for k in by_sent.get(sent_of[tok.i], ())
            if dates[k]["spec"] is not None and opener.left_edge.i <= dates[k]["tok"] <= opener.right_edge.i
        ]
        return (inside[0], "clause") if inside else (None, None)
    chain = []
    # 'X was founded in 2019 and has since raised Y': a date after the first of two conjoined verbs is its own;
    # one before it ('On May 7, A announced … and launched …') is the whole sentence's
    other_clause, other_from = -1, 0
    t = governing_verb(tok)
    described: Token | None = None  # the relative clause or participle the statement is in, describing a noun
    while True:
        chain.append(t.i)
        if t.head.i == t.i:
            break
        if t.dep_ == "conj" and t.pos_ == "VERB" and t.head.pos_ == "VERB":
            other_clause, other_from = t.head.i, t.head.idx
            described = t.head if t.head.dep_ in ("relcl", "acl") else described
            break
        if t.dep_ in ("relcl", "acl") and t.pos_ == "VERB":
            described = described or t
            if t.dep_ == "relcl" or (
                t.tag_ == "VBN" and (t.head.pos_ == "PROPN" or t.head.dep_ == "appos" or _set_off_description(t.head))
            ):
                # 'Keeta, which Meituan launched in 2023, entered Brazil in October': not October; nor is 'DeepSeek,
                # the lab backed by High-Flyer, upended the market in January' an investment of January (but 'in
                # 2018 X raised money in a round led by Y' is Y's investment of 2018)
                break
        t = t.head
    if described is not None and described.dep_ == "relcl":
        # 'since 2023, when Su Hua stepped down': a clause describing a date is of that date
        for k in by_sent.get(sent_of[tok.i], ()):
            d = dates[k]
            if d["spec"] is not None and d["start"] <= described.head.idx < d["end"]:
                return k, "clause"
    own = [k for k in by_sent.get(sent_of[tok.i], ()) if dates[k]["spec"] is not None and dates[k].get("noun") == tok.i]
    if own:
        return own[0], "clause"  # 'its 2016 acquisition of Y': the event noun's own date
    describing = [
        k
        for k in by_sent.get(sent_of[tok.i], ())
        if dates[k]["spec"] is not None
        and tok.doc[dates[k]["gov"]].dep_ in ("acl", "relcl")
        and tok.doc[dates[k]["gov"]].head.i == tok.i
    ]
    if describing and tok.pos_ == "NOUN" and tok.lemma_.lower() in lx.NOUN_CUES:
        return describing[0], "clause"  # 'an investigation (the Commission) opened in October 2024': its own date
    best = None
    fallback = None
    for k in by_sent.get(sent_of[tok.i], ()):
        d = dates[k]
        if d["spec"] is None or (d["gov"] == other_clause and d["start"] > other_from):
            continue
        if d.get("noun") is not None and d["noun"] != tok.i:
            continue  # ('over its 2016 acquisition of Y': the acquisition's, not the clause's)
        gov = tok.doc[d["gov"]]
        if gov.dep_ == "conj" and gov.head.i == chain[0] and gov.i > chain[0]:
            continue  # 'founded by Bom Kim and listed in New York in 2021': the later conjunct's own date
        absolute = d["spec"].get("rel") is None
        if d["gov"] in chain or d["gov"] == other_clause:  # (a fronted date governs both conjoined clauses)
            rank = (chain.index(d["gov"]) if d["gov"] in chain else len(chain), not absolute)
            if best is None or rank < best[0]:
                best = (rank, k)
        elif _clause_of_another(tok.doc[d["gov"]], chain, args):
            continue  # 'Keeta, which entered Saudi Arabia in September 2024, was fined': the date of that clause
        elif fallback is None or (absolute and dates[fallback]["spec"].get("rel") is not None):
            fallback = k
    if best:
        return best[1], "clause"
    if fallback is None:
        return None, None
    at = dates[fallback]["tok"]
    if described is None or described.head.left_edge.i <= at <= described.right_edge.i:
        return fallback, "sentence"
    if at > described.right_edge.i and not any(
        t.pos_ in ("VERB", "AUX") for t in tok.doc[described.right_edge.i + 1 : at]
    ):  # 'under John Furner, who succeeded Doug McMillon as chief executive on Feb. 1': the small model may hang
        # the date that closes a relative clause on the main verb
        return fallback, "clause"
    # 'Grab, which counts Uber among its shareholders, reported a profit in February': the time of the main clause
    # is not the description's
    return None, None


def _temporal_phrase(tok: Token) -> Token | None:
    """The 'after'/'before' that opens the phrase a statement's word is in, below its clause's verb ('… in 2022
    after a probe by X'), if any."""
    t = tok
    while t.pos_ not in ("VERB", "AUX") and t.head.i != t.i:
        if _after_before_object(t):
            return t.head
        t = t.head
    return None


def _in_temporal_phrase(gov: Token, chain: list[int]) -> bool:
    """Whether ``gov`` (a date's word) is below an 'after'/'before' phrase off the statement's path: 'backed A and
    B before the two companies combined to form C in 2021', where the small model reads the clause as a noun."""
    t = gov
    while t.i not in chain and t.head.i != t.i:
        if _after_before_object(t) and t.head.head.i in chain:
            return True
        t = t.head
    return False


def _after_before_object(t: Token) -> bool:
    """Whether ``t`` is what an 'after' or 'before' governs (a time placed before or after the clause's event)."""
    return t.dep_ == "pobj" and t.head.dep_ == "prep" and t.head.lower_ in ("after", "before")


def _clause_of_another(gov: Token, chain: list[int], args: tuple[int, ...]) -> bool:
    """Whether ``gov`` heads a relative clause or participle off the statement's path that holds none of its
    arguments, and reports nothing ('a letter sent on Monday' dates what the letter says); or an adverbial clause
    with a subject of its own that places the statement against another event ('the first such probe since the
    law took effect in December'; not 'when', whose clause may date the statement)."""
    if any(gov.left_edge.i <= a <= gov.right_edge.i for a in args):
        return False
    reported = gov
    while (
        reported.dep_ in ("ccomp", "xcomp", "conj") and reported.head.i not in chain and reported.head.i != reported.i
    ):
        reported = reported.head  # 'Chen Hao, who the prospectus said had stepped down in February': the relative's
    if reported is not gov and reported.dep_ in ("relcl", "acl"):
        return _clause_of_another(reported, chain, args)
    if _in_temporal_phrase(gov, chain):
        return True
    if gov.dep_ == "advcl" and gov.tag_ in ("VBN", "VBG") and gov.i < gov.head.i and gov.lemma_ not in lx.SAY_VERBS:
        # 'Founded in 2011 by A and B, Tujia raised money from C': a fronted participle tells an event of its own
        # (not 'Announced in March, the deal gives …', nor 'Completed in March 2021, Alibaba's acquisition of X
        # cost …': of the deal the main clause is about)
        about_a_deal = any(
            c.dep_ in ("nsubj", "nsubjpass") and (c.lemma_.lower() in lx.DEAL_NOUNS or c.lemma_.lower() in lx.NOUN_CUES)
            for c in gov.head.children
        )
        return not about_a_deal and not any(c.dep_ in ("mark", "nsubj", "nsubjpass") for c in gov.children)
    if gov.dep_ == "advcl":
        marks = [c for c in gov.children if c.dep_ == "mark" and c.lower_ in _OTHER_EVENT_MARKS]
        # (a subject of its own, or one the small model hangs on the mark: 'the biggest purchase since Yatsen
        # bought Eve Lom in 2021')
        subjects = [c for c in gov.children if c.dep_ in ("nsubj", "nsubjpass")]
        return bool(marks) and bool(subjects or [c for m in marks for c in m.children if c.dep_ == "pobj"])
    return gov.dep_ in ("relcl", "acl") and gov.head.i not in chain and gov.head.lemma_.lower() not in _REPORT_NOUNS


def _set_off_description(noun: Token) -> bool:
    """Whether ``noun`` heads a description with its article set off by a comma right after a name ('DeepSeek, the
    Hangzhou lab backed by High-Flyer, …'), however the small model hangs it."""
    first = noun.left_edge.i
    return (
        noun.pos_ == "NOUN"
        and any(c.dep_ == "det" and c.lower_ in lx.ARTICLES for c in noun.children)
        and first >= 2
        and noun.doc[first - 1].text == ","
        and noun.doc[first - 2].pos_ == "PROPN"
    )


#: Subordinators of an adverbial clause that dates another event than its main clause's.
_OTHER_EVENT_MARKS = frozenset({"since", "after", "before", "until", "although", "though", "because", "while"})


def analyse(doc: Doc, kb: KBView, common_words: frozenset[str] = frozenset()) -> tuple[Context, list, list, dict]:
    """The mentions of one parsed Doc, linked and typed, and the rules' :class:`Context` over them;
    also the kept and version candidates and the link table (key -> label, votes, aliases …)."""
    parsed = Parsed.of(doc)
    cands = mx.candidates(parsed, kb.exchange_codes, common_words)
    kept, table = mx.link(parsed, cands, kb.index, kb.words, kb.countries)
    _cue_votes(doc, kept, table)
    version_cands = mx.versions(parsed, kept, table)
    types = {k: mx.resolve_type(e["votes"]) for k, e in table.items()}
    all_mentions = [(c.start, c.end, c.key) for c in kept] + [(c.start, c.end, c.key) for c in version_cands]
    kinds = kb.kinds | _authorities_by_name(table, types, kb.kinds)
    return Context(parsed, all_mentions, types, kb.parents, kinds), kept, version_cands, table


def _authorities_by_name(table: dict, types: dict[str, str], known: dict[str, str]) -> dict[str, str]:
    """Organizations the KB does not know whose name says they are an authority: its head word ('Korea
    Communications Commission', 'Ministry of Internal Affairs and Communications', 'Bureau of Consumer
    Protection'). Not a fund ('Abu Dhabi Investment Authority' invests)."""
    out = {}
    for key, entry in table.items():
        if key in known or types.get(key) != "Organization":
            continue
        words = entry["label"].lower().split()
        head = words[words.index("of") - 1] if "of" in words[1:] else words[-1] if words else ""
        if head in lx.AUTHORITY_NOUNS and not {"investment", "fund", "capital"} & set(words):
            out[key] = "authority"
    return out


def extract(doc: Doc, kb: KBView, common_words: frozenset[str] = frozenset()) -> dict:
    """The rules' plain data for one parsed Doc: :meth:`Extracted.to_wire` of what they found."""
    ctx, kept, version_cands, table = analyse(doc, kb, common_words)
    parsed = ctx.parsed
    dating = _Dating(parsed, _dates(parsed))
    relations, events = _statements(ctx, table, dating)
    relations += _learned_statements(ctx, dating, relations)
    _date_by_taking_effect(relations, events, ctx, dating)
    _date_listings(relations, ctx, dating, kb.seats)
    _date_by_lead(relations, ctx, dating)
    _date_by_succession(relations)
    _date_posts_held_since(relations, ctx, dating)
    quantities = _quantities(ctx, table, dating, events)
    mentions, comentions = _mentions(parsed, kept + version_cands)
    return Extracted(
        sentences=[[s.start_char, s.end_char] for s in parsed.sents],
        entities=_entities(table, ctx.types, mentions),
        mentions=mentions,
        dates=[DateRow(d["spec"], d["start"], d["end"], parsed.sent_index[d["tok"]]) for d in dating.dates],
        relations=relations,
        events=[e.row for e in events.values()],
        quantities=quantities,
        comentions=comentions,
    ).to_wire()


class _Dating:
    """A Doc's date mentions by sentence: the date a token's clause, else its sentence, gives."""

    def __init__(self, parsed: Parsed, dates: list[dict]) -> None:
        self.dates = dates
        self.tokens = parsed.tokens
        self.sent_of = parsed.sent_index
        self.starts = [t.idx for t in parsed.tokens]
        self.by_sent: dict[int, list[int]] = {}
        for k, d in enumerate(dates):
            self.by_sent.setdefault(self.sent_of[d["tok"]], []).append(k)

    def date_for(self, i: int, spans: tuple[list[int] | tuple[int, int], ...] = ()) -> tuple[int | None, str | None]:
        """(index into the dates, "clause" or "sentence") for token ``i`` of a statement whose arguments stand at
        the character ``spans``; (None, None) when undated."""
        args = tuple(self.token_at(span[0]) for span in spans)
        return _date_for(self.tokens[i], self.dates, self.sent_of, self.by_sent, args)

    def governed_by(self, verb: int) -> int | None:
        """The first date (index into the dates) that token ``verb`` governs itself, not through another clause
        ('became chief executive in 2019'), else None."""
        return next(
            (
                k
                for k in self.by_sent.get(self.sent_of[verb], ())
                if self.dates[k]["spec"] is not None and self.dates[k]["gov"] == verb
            ),
            None,
        )

    def token_at(self, char: int) -> int:
        """The index of the token that holds character ``char``."""
        return max(bisect.bisect_right(self.starts, char) - 1, 0)


@dataclasses.dataclass
class _Event:
    row: EventRow
    trigger: int  # token index of its cue: a figure governed by the same verb is the event's amount


def _institutions_fit(predicate: str, subject: str, obj: str, kinds: dict[str, str]) -> bool:
    """Whether a relation may hold between these two: an exchange or an authority is never a company's owner,
    unit, investor, investee, partner or rival ('Alibaba invested in the NYSE', 'Temu, part of the European
    Commission' are misreadings), what a company is listed on is no authority, and no company fines or
    investigates an authority."""
    institutions = ("authority", "exchange")
    s_kind, o_kind = kinds.get(subject), kinds.get(obj)
    if predicate == "listed_on":
        return s_kind not in institutions and o_kind != "authority"
    if predicate == "part_of":  # an unknown office may be a unit of an authority ('the CCI's investigation arm')
        return not (s_kind in institutions and o_kind not in institutions) and not (
            o_kind in institutions and s_kind == "company"
        )
    if predicate in lx.BETWEEN_COMPANIES:
        return (s_kind in institutions) == (o_kind in institutions)
    if predicate in ("fined", "investigated"):  # 'Didi fined the CAC': a company does not fine its regulator
        return not (s_kind in ("company", "exchange") and o_kind == "authority")
    return True


def _date_in_arguments_clauses(ctx: Context, dating: _Dating, reading: learned.Reading, date: int) -> bool:
    """Whether a date stands inside every relative clause or participle that holds a learned statement's argument
    below the noun where its two names meet: 'Grab, which counts Uber among its shareholders, reported a profit in
    February' meet at 'Grab' (its date is the one of 'reported'), but February is not when Uber invested."""
    at = dating.dates[date]["tok"]
    if ctx.tokens[reading.trigger].pos_ in ("VERB", "AUX"):
        return True  # they meet at a verb: its clause states the fact ('Alibaba led a round that valued Moonshot')
    for span in (reading.s.span, reading.o.span):
        t = ctx.tokens[dating.token_at(span[0])]
        while t.i != reading.trigger and t.head.i != t.i:
            if t.dep_ in ("relcl", "acl") and not t.left_edge.i <= at <= t.right_edge.i:
                return False
            t = t.head
    return True


#: Words of a company's listing that may name its exchange or the exchange's city ('listed in New York', 'its Hong
#: Kong IPO', 'went public on the Hong Kong Stock Exchange').
_LISTING_VERBS = frozenset({"list", "float", "debut"})
_LISTING_NOUNS = frozenset({"listing", "ipo", "debut", "flotation", "offering"})


#: Verbs of a post that its subject takes ('Wu replaced Zhang as chief executive': Wu's, not Zhang's; 'joined Xiaomi
#: in 2019' takes none, 'joined as vice-chairman' one).
_SUBJECT_TAKES_POST = frozenset({"become", "join", "replace", "succeed", "assume"})
#: Per relation the classifier reads undated, the verbs whose own date is when it began: a post taken, a stake
#: taken, a listing made, a company founded (what it reads as founding is most often a title, 'founder Jack Ma', in
#: a sentence about something later).
_TAKING_VERBS: dict[str, frozenset[str]] = {
    "leads": lx.APPOINT_VERBS | _SUBJECT_TAKES_POST,
    "founded": frozenset(w for w, (p, _) in lx.VERB_CUES.items() if p == "founded"),
    "invested_in": frozenset(w for w, (p, _) in lx.VERB_CUES.items() if p == "invested_in")
    | {"lead", "take", "buy", "acquire", "join", "participate", "subscribe"},
    "listed_on": _LISTING_VERBS | {"go"},
}


def _taking_date(ctx: Context, dating: _Dating, reading: learned.Reading) -> tuple[int | None, str | None]:
    """The date a verb of taking on the way from either name to where they meet gives its own clause ('Tencent
    completed … in 2025' is not; 'Alibaba led a round in early 2024', 'Wu became chief executive in September
    2023', 'both of which went public on Nasdaq in January' are), else none."""
    verbs = _TAKING_VERBS[reading.p]
    for span in (reading.s.span, reading.o.span):
        t = ctx.tokens[dating.token_at(span[0])]
        while True:
            if (
                t.pos_ == "VERB"
                and t.lemma_.lower() in verbs
                and _taken_by_subject(ctx, t, reading)
                and (date := dating.governed_by(t.i)) is not None
            ):
                return date, "clause"
            if t.i == reading.trigger or t.head.i == t.i:
                break
            t = t.head
    return _listing_date(ctx, dating, reading) if reading.p == "listed_on" else (None, None)


def _listing_date(ctx: Context, dating: _Dating, reading: learned.Reading) -> tuple[int | None, str | None]:
    """The date of a listing the sentence names as an event: a listing word right after the exchange ('WeRide's
    Nasdaq listing in October 2024') or the listed company's own ('its May 2024 IPO', 'Zhipu's debut on the STAR
    Market in January'), dated in its own phrase."""
    exchange_end = dating.token_at(reading.o.span[1] - 1) + 1
    sentence = dating.sent_of[reading.trigger]
    for word in ctx.parsed.sents[sentence]:
        if word.lemma_.lower() not in _LISTING_NOUNS | _LISTING_VERBS or word.pos_ not in ("NOUN", "PROPN", "VERB"):
            continue
        owner = next((c for c in word.children if c.dep_ == "poss"), None)
        if word.i != exchange_end and not (
            owner is not None and (owner.pos_ == "PRON" or owner.idx == reading.s.span[0])
        ):
            continue
        for k in dating.by_sent.get(sentence, ()):
            if dating.dates[k]["spec"] is not None and _dates_the_noun(dating, k, word):
                return k, "clause"
    return None, None


def _dates_the_noun(dating: _Dating, date: int, noun: Token) -> bool:
    """Whether a date stands in a noun's own phrase: before it ('its May 2024 IPO') or in a phrase it heads ('its
    listing in October 2024')."""
    d = dating.dates[date]
    for tok in dating.tokens[d["tok"] : dating.token_at(d["end"] - 1) + 1]:
        head = tok.head
        if head.i == noun.i or (tok.dep_ == "pobj" and head.dep_ == "prep" and head.head.i == noun.i):
            return True
    return False


def _taken_by_subject(ctx: Context, verb: Token, reading: learned.Reading) -> bool:
    """Whether a verb of taking states the reading's subject's own taking: the investor or the listed company is
    its subject, if it names one ('Alibaba, which has backed MiniMax since 2024, and Mirae' dates no stake of
    Mirae's); a person appointed is whoever the verb names, a post otherwise taken is its subject's, 'join' only with
    its post ('as')."""
    lemma = verb.lemma_.lower()
    if reading.p == "leads" and lemma in lx.APPOINT_VERBS:
        return True
    if lemma == "join" and not any(c.dep_ == "prep" and c.lower_ == "as" for c in verb.children):
        return False
    subjects = ctx.subjects(verb)  # (none named: 'both of which went public on Nasdaq in January')
    return not subjects or any(a.key == reading.s.key for a in subjects)


def _learned_statements(ctx: Context, dating: _Dating, relations: list[RelationRow]) -> list[RelationRow]:
    """What the learned classifier reads between names the rules left unrelated in their sentence."""
    known = {(r.sentence, r.subject, r.object) for r in relations}
    rows = []
    for reading in learned.read(ctx, known):
        if not _institutions_fit(reading.p, reading.s.key, reading.o.key, ctx.kinds):
            continue
        if reading.p in _TAKING_VERBS:
            # (a role it reads is most often a title's, described, not taken; an investment it reads most often told
            # as a holding in a sentence about something later: dated by the clause, 18 of 24 were wrong on the
            # development sets; so was a listing it reads, 'the Hong Kong-listed X'. Only a verb of the taking
            # between the two names dates them: 'who joined as Shein vice-chairman in 2023')
            date, how = _taking_date(ctx, dating, reading)
        elif reading.p not in STATIVE:
            date, how = dating.date_for(reading.trigger, (reading.s.span, reading.o.span))
        else:
            date, how = None, None
        if how == "sentence" or (date is not None and not _date_in_arguments_clauses(ctx, dating, reading, date)):
            date, how = None, None
        rows.append(
            RelationRow(
                subject=reading.s.key,
                predicate=reading.p,
                object=reading.o.key,
                sentence=ctx.sent_index[reading.trigger],
                subject_span=list(reading.s.span),
                object_span=list(reading.o.span),
                rule=learned.rule_id(reading.p),
                date=date,
                dated_by=how,
                role=None,
                resolved_by=None,
                event=None,
            )
        )
    return rows


def _statements(ctx: Context, table: dict, dating: _Dating) -> tuple[list[RelationRow], dict[str, _Event]]:
    """Relations and events from the rules' candidates, checked against the schema's signatures and dated."""
    sent_of = ctx.parsed.sent_index
    relations: list[RelationRow] = []
    events: dict[str, _Event] = {}
    seen: set[tuple[str, str, str, int]] = set()
    for c in run_rules(ctx):
        if c.o is None:
            continue
        # (an organization a title implies, named elsewhere, places nothing: 'X, who founded Y in 1999, became
        # executive chairman' is not dated 1999 by Y's clause)
        stated = (c.s, c.o) if not c.rule.endswith((".implicit", ".salient")) else (c.s,)
        date, how = (
            dating.date_for(c.trigger, tuple(a.span for a in stated if a is not None))
            if c.dated
            and (c.p not in STATIVE or c.rule.split("+")[0] in BEGINNING_RULES)
            and not _standing_role(c, ctx)
            and not _held_before(c, ctx)
            else (None, None)
        )
        c, rule, subject_ok, is_relation = _typed(c)
        if is_relation:
            assert c.s is not None and c.o is not None  # _typed: a relation has both
            if c.s.key == c.o.key or not _institutions_fit(c.p, c.s.key, c.o.key, ctx.kinds):
                continue  # (no relation of the schema holds between a thing and itself)
            sig = (c.s.key, c.p, c.o.key, c.trigger)
            if sig in seen:
                continue
            seen.add(sig)
            relations.append(
                RelationRow(
                    subject=c.s.key,
                    predicate=c.p,
                    object=c.o.key,
                    sentence=sent_of[c.trigger],
                    subject_span=list(c.s.span),
                    object_span=list(c.o.span),
                    rule=rule,
                    date=date,
                    dated_by=how,
                    role=c.role,
                    resolved_by=c.s.resolved_by or c.o.resolved_by,
                    event=f"e{c.trigger}" if c.p in EVENTS and c.dated else None,
                )
            )
        elif not _agentless_event(c):
            continue
        _add_event(events, c, subject_ok, table, sent_of[c.trigger], date, how)
    _date_by_decision(relations, _dated_decisions(ctx, dating))
    _date_by_founding(relations, events)
    return relations, events


def _standing_role(c: Cand, ctx: Context) -> bool:
    """Whether a verb states a role held, not taken: 'Zhipu is run by Zhang Peng', 'BYD, led by Wang Chuanfu'
    (dated by the sentence, it would take its date from a clause about something else); 'Zhang ran the unit
    from 2019' is past, and its date is the role's."""
    return c.rule in NOT_EVENTS and _tense(ctx.tokens[c.trigger]) != "past"


def _held_before(c: Cand, ctx: Context) -> bool:
    """Whether the clause changes a tie that already was: 'X will deepen its partnership with Y' on Tuesday dates the
    change, not the partnership, which began before ('formed a partnership with Y' dates it). A stake raised is
    another matter: shares bought on that date, an investment of that date (the annotation guide: "when the relation
    started or the event happened")."""
    verb = governing_verb(ctx.tokens[c.trigger])
    return verb.lemma_.lower() in lx.DEGREE_VERBS and any(
        o.dep_ in ("dobj", "nsubjpass") and o.lemma_.lower() in lx.COOP_NOUNS for o in verb.children
    )


#: Verbs (with their particle) of a person's taking or leaving a post on a date: 'will take over on Nov 1'.
_TAKING_OFFICE = {("take", "over"), ("take", "up"), ("assume", "")}
_LEAVING_OFFICE = {("step", "down"), ("step", "aside")}
_OFFICE_WORD_STARTS = ("effect", "tak", "took", "step", "assum")
#: How many sentences after an appointment 'The change takes effect on April 1' may still date it.
_EFFECT_SENTENCES = 3


def _date_by_taking_effect(
    relations: list[RelationRow], events: dict[str, _Event], ctx: Context, dating: _Dating
) -> None:
    """An appointment or succession starts when it takes effect, not when it is announced: 'Lazada named Tan chief
    executive on Tuesday … Tan will take over on Nov 1'; 'X will step down at the end of March'; 'The change takes
    effect on April 1'. The date of a person's own taking (or leaving) of the post dates their statements; a
    change's taking effect dates the announcement-dated ones just before it."""
    taking: dict[str, int] = {}  # person -> the date they take the post
    leaving: dict[str, int] = {}  # person -> the date they leave it
    changes: list[tuple[int, int]] = []  # (sentence, date)
    for t in ctx.tokens:
        if not t.lower_.startswith(_OFFICE_WORD_STARTS):  # (a lemma is costly to read on every token)
            continue
        lemma = t.lemma_.lower()
        particle = next((c.lower_ for c in t.children if c.dep_ == "prt"), "")
        general = (lemma == "effect" and t.head.lemma_.lower() == "take") or lemma == "effective"
        takes, leaves = (t.pos_ == "VERB" and (lemma, particle) in kinds for kinds in (_TAKING_OFFICE, _LEAVING_OFFICE))
        if not (general or takes or leaves):
            continue
        verb = t.head if lemma == "effect" else t
        date, how = dating.date_for(verb.i)
        if date is None or how != "clause" or _announced(dating, date):
            continue
        if general:
            changes.append((ctx.sent_index[t.i], date))
        for person in ctx.subjects(verb) if takes or leaves else []:
            if person.type == "Person":
                (taking if takes else leaving).setdefault(person.key, date)
    successors = {(r.sentence, r.subject) for r in relations if r.predicate == "succeeded"}
    for r in relations:
        if r.predicate not in ("leads", "succeeded"):
            continue
        own = taking.get(r.subject) or (leaving.get(r.object) if r.predicate == "succeeded" else None)
        if own is not None:
            r.date, r.dated_by = own, "effective"
            continue
        later = [d for s, d in changes if 0 <= s - r.sentence <= _EFFECT_SENTENCES]
        if later and r.date is not None and _announced(dating, r.date):
            r.date, r.dated_by = later[0], "effective"
        elif later and r.date is None and _taken_post(r, events, successors):
            # 'Lazada has named Zhou as its chief executive, replacing Dong … The changes take effect on Dec. 1'
            # (an undated role that is not an appointment is a standing one: 'Dong, who led the company')
            r.date, r.dated_by = later[0], "effective"
            if r.event in events and events[r.event].row.date is None:
                events[r.event].row.date, events[r.event].row.dated_by = later[0], "effective"


def _taken_post(r: RelationRow, events: dict[str, _Event], successors: set[tuple[int, str]]) -> bool:
    """Whether a statement tells of a post being taken: a succession, an appointment, or the post of one said in
    the same sentence to succeed someone."""
    if r.predicate == "succeeded":
        return True
    appointed = r.event is not None and r.event in events and events[r.event].row.type == "appointment"
    return appointed or (r.sentence, r.subject) in successors


def _listing_word(t: Token) -> bool | None:
    """True for a verb of a company's listing ('listed', 'went public'), False for a noun of it ('its IPO'), else
    None."""
    if t.pos_ == "VERB" and (
        t.lemma_.lower() in _LISTING_VERBS
        or (t.lemma_.lower() == "go" and any(c.lower_ == "public" for c in t.children))
    ):
        return True
    return False if t.pos_ in ("NOUN", "PROPN") and t.lower_ in _LISTING_NOUNS else None


def _listing_read_as_participle(t: Token) -> bool:
    """'raised HK$3.45 billion in a Hong Kong listing in March 2025': the noun read as a participle on the place
    right before it."""
    return t.lower_ == "listing" and t.dep_ == "acl" and t.head.i == t.i - 1 and t.head.pos_ == "PROPN"


def _listing_venues(t: Token, ctx: Context) -> tuple[set[str], set[str]]:
    """(Places, exchanges) a listing word names as where: 'in New York', 'on the Nasdaq', 'its Nasdaq listing',
    'on the Tokyo Stock Exchange's Growth market'."""
    holders = [t, *(c for c in t.children if c.dep_ == "prep" and c.lower_ in ("in", "on"))]
    named = [c for h in holders for c in h.children if c.dep_ in (("pobj",) if h is not t else ("compound", "nmod"))]
    named += [t.head] if _listing_read_as_participle(t) else []
    named += [p for c in named if c.dep_ == "pobj" for p in c.children if p.dep_ in ("poss", "compound")]
    keys = {m[2] for c in named if (m := ctx.tok_mention[c.i]) is not None}
    return {k for k in keys if ctx.types.get(k) == "Place"}, {k for k in keys if ctx.kinds.get(k) == "exchange"}


def _date_listings(relations: list[RelationRow], ctx: Context, dating: _Dating, seats: dict[str, str]) -> None:
    """A listing its clause dates gives its date to the company's listing on the exchange it names ('both of which
    went public on the Hong Kong Stock Exchange in January'; 'WeRide's Nasdaq listing in October 2024') or, named by
    its city, on the exchange there: 'Bilibili (NASDAQ: BILI), which listed in New York in 2018'; 'since its
    secondary listing in Hong Kong in 2022' (only when the company is listed on one exchange of that city in the
    article: New York has two)."""
    for t in ctx.tokens:
        verb = _listing_word(t)
        if verb is None:
            continue
        places, exchanges = _listing_venues(t, ctx)
        if not places and not exchanges:
            continue
        date, how = dating.date_for(t.i)
        if date is None or how != "clause":
            continue
        if _listing_read_as_participle(t):
            # 'raised $1 billion in a Hong Kong listing': the raiser's, when it is done ('is weighing a Hong Kong
            # listing in 2027', 'hopes to raise … in a listing' are plans)
            raising = governing_verb(t.head)
            done = (
                t.head.dep_ in ("dobj", "pobj")
                and raising.lemma_.lower() in lx.RAISE_VERBS
                and raising.tag_ == "VBD"
                and not irrealis(raising)
                and not any(c.dep_ == "prep" and c.lower_ in ("of", "for") for c in t.children)  # (another's)
            )
            companies = ctx.subjects(raising) if done else []
        elif verb:  # ('the group listed in New York in 2018': the small model may read a participle)
            companies = ctx.subjects(t) or (ctx.expand(t.head) if t.dep_ == "acl" else [])
        else:
            companies = [a for c in possessors(t) for a in ctx.expand(c)]
            if not companies and t.dep_ in ("dobj", "pobj"):
                companies = ctx.subjects(governing_verb(t))
        for company in companies:
            listings = [
                r
                for r in relations
                if r.predicate == "listed_on"
                and r.subject == company.key
                and (r.object in exchanges if exchanges else seats.get(r.object) in places)
            ]
            if len({r.object for r in listings}) == 1:
                for r in listings:
                    if r.date is None:
                        r.date, r.dated_by = date, "clause"


#: How many sentences open an article with its news ('SEOUL, Jan 22 — The regulator on Thursday fined …').
_LEAD_SENTENCES = 2
#: What a lead's day dates in the rest of the article: deals, rulings, launches and listings. Not appointments,
#: which take effect on a day of their own and sit beside the roles of predecessors; not foundings, never news.
_LEAD_NEWS = frozenset(EVENTS) - {"leads", "founded"}


def _date_by_lead(relations: list[RelationRow], ctx: Context, dating: _Dating) -> None:
    """A news article leads with its news and the day of it, then names the parties: 'SEOUL, Jan 22 — The
    regulator on Thursday fined three game publishers … The commission said Netmarble would pay 2.1 billion won'.
    An event statement the article leaves undated is part of the lead's news when it is of the same kind (a fine,
    an investment, a launch …) and about what the lead's statements of that kind are about if it names any, is
    no description or background ('Rappi, backed by SoftBank'; 'had invested'), and the article dates that fact
    nowhere else. The news's day is the one its clause or its sentence gives ('…, the company said on Tuesday'); a
    dateline's is not, for it is the day of the report ('BEIJING, Jan 20 — The regulator has fined …')."""
    lead: dict[str, int] = {}  # kind of news -> its day
    targets: dict[str, set[str]] = {}  # kind of news -> what the lead names it about
    undated_news: set[str] = set()  # kinds of news the lead tells as done without a day ('X has fined Y')
    opening = _lead_sentences(ctx.parsed)
    if not opening:
        return  # an empty text has no lead
    for t in ctx.tokens[ctx.sent_first[opening.start] :]:
        if ctx.sent_index[t.i] not in opening:
            break
        predicate = _news_cue(t)
        if predicate in _LEAD_NEWS and t.dep_ not in ("amod", "acl", "relcl"):  # ('the SoftBank-backed app')
            date = dating.date_for(t.i)[0]
            if date is None and _tense(_stating_verb(t)) != "future":
                undated_news.add(predicate)
            if date is not None and _day(dating, date):
                lead.setdefault(predicate, date)
                if predicate == "invested_in" and money_raised(t):  # 'Y has raised $700 million': in Y
                    targets.setdefault(predicate, set()).update(a.key for a in ctx.subjects(t))
    for r in relations:
        if r.sentence in opening and r.predicate in _LEAD_NEWS:
            targets.setdefault(r.predicate, set()).add(r.object)
            if r.date is not None and _day(dating, r.date):
                lead.setdefault(r.predicate, r.date)
    announced = _announcement_day(dating, opening) if undated_news - lead.keys() else None
    if announced is not None:
        for predicate in undated_news:
            lead.setdefault(predicate, announced)
    dated_facts = {(r.subject, r.predicate, r.object) for r in relations if r.date is not None}
    for r in relations:
        if (
            r.date is None
            and r.predicate in lead
            and r.object in targets.get(r.predicate, {r.object})
            and _news_statement(r, ctx)
            and (r.subject, r.predicate, r.object) not in dated_facts
        ):
            r.date, r.dated_by = lead[r.predicate], "lead"


#: How many sentences after the lead may give the day its news was announced ('The company said on Wednesday …').
_ANNOUNCEMENT_SENTENCES = 2
#: Verbs of making news public, besides those of saying ('disclosed in a filing late on Monday').
_DISCLOSE_VERBS = lx.SAY_VERBS | {"disclose", "confirm", "publish", "post", "file", "unveil"}
#: Nouns an article calls its news by once told ('The deal, announced on Monday, …').
_NEWS_NOUNS = frozenset({"deal", "agreement", "transaction", "acquisition", "takeover", "penalty", "fine", "decision"})


def _announcement_day(dating: _Dating, opening: range) -> int | None:
    """The day a lead that tells its news undated was announced: an article opens with what happened ('The CAC has
    fined Xiaohongshu …', 'JD.com has completed its takeover of Ceconomy') and then says when it was made public
    ('The regulator said on Monday that …', 'said in a notice posted on its website on Thursday'). The first day,
    in the lead or just after it, of a sentence whose main verb is one of saying; not a day of what is said ('said
    the fine was paid on Monday') nor of a clause describing something else."""
    for sentence in range(opening.start, opening.stop + _ANNOUNCEMENT_SENTENCES):
        for k in dating.by_sent.get(sentence, ()):
            if not _day(dating, k):
                continue
            verb = dating.tokens[dating.dates[k]["gov"]]
            while verb.dep_ == "acl" and verb.lemma_.lower() in _DISCLOSE_VERBS:
                if verb.head.lemma_.lower() in _NEWS_NOUNS and verb.head.dep_ in ("nsubj", "nsubjpass"):
                    return k  # 'The deal, disclosed in a filing late on Monday, is …'
                verb = governing_verb(verb.head)  # ('said in a notice posted on Thursday')
            if verb.dep_ == "ROOT" and verb.lemma_.lower() in _DISCLOSE_VERBS:
                return k
    return None


def _stating_verb(cue: Token) -> Token:
    """The verb whose tense tells whether a cue's news is done: its own, or the one it is the object of ('has
    completed its takeover'), or the agreement it was made under ('has agreed to buy')."""
    verb = governing_verb(cue)
    if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in _AGREE_VERBS:
        return verb.head
    return verb


#: Verbs of a deal made whose infinitive tells what was agreed, not what is to come ('agreed to buy a stake').
_AGREE_VERBS = frozenset({"agree", "sign", "vote"})


#: What a gerund after 'since' says was taken: a post ('since taking office', 'since becoming chief executive').
_POST_TAKING_GERUNDS = _SUBJECT_TAKES_POST | {"take", "return"}


def _date_posts_held_since(relations: list[RelationRow], ctx: Context, dating: _Dating) -> None:
    """A post held since a dated start begins then: 'SAMR head Luo Wen has made it a priority since taking office
    in 2022'; 'Ouyang, who has led Kunlunxin since it was carved out of Baidu in 2021'. A verb of leading may be
    held since any dated clause; any other verb only since its subject took a post ('since taking office', not
    'has grown since it listed in 2020')."""
    for r in relations:
        if r.predicate != "leads" or r.date is not None:
            continue
        person = ctx.tokens[dating.token_at(r.subject_span[0])]
        verbs = [governing_verb(person)] + [c for c in person.head.children if c.dep_ == "relcl"]
        for verb in verbs:
            for clause in _since_clauses(verb):
                taking = clause.lemma_.lower() in _POST_TAKING_GERUNDS and clause.dep_ == "pcomp"
                if not (taking or verb.lemma_.lower() in lx.LEAD_VERBS):
                    continue
                taken = role_in(" ".join(t.text for t in clause.subtree))
                if taken is not None and r.role is not None and taken != r.role:
                    continue  # 'chairman Ding Lei, … since becoming chief executive in 2001': not the chair's date
                if (date := dating.governed_by(clause.i)) is not None:
                    r.date, r.dated_by = date, "clause"
                    break
            if r.date is not None:
                break


def _since_clauses(verb: Token) -> list[Token]:
    """The verbs of a verb's 'since' adjuncts: a gerund ('since taking office') or a clause ('since it was spun
    off')."""
    out = []
    for c in verb.children:
        if c.lower_ == "since" and c.dep_ == "prep":
            out += [x for x in c.children if x.dep_ == "pcomp" and x.pos_ in ("VERB", "AUX")]
        elif c.dep_ == "advcl" and any(m.lower_ == "since" and m.dep_ == "mark" for m in c.children):
            out.append(c)
    return out


def _date_by_succession(relations: list[RelationRow]) -> None:
    """A successor takes the post of the one succeeded when the succession happens: 'Li was named chief executive
    on Monday … She succeeds Wang, who …' dates the succession by the appointment, and 'Zhou will succeed Wang on
    March 1' dates Zhou's post. Only where the successor holds one post the article dates (or one it names), so
    that a chief executive's other seats do not take the day of a new one."""
    dated_posts: dict[str, set[int]] = {}
    posts: dict[str, set[str]] = {}
    successions: dict[str, set[int]] = {}
    for r in relations:
        if r.predicate == "leads":
            posts.setdefault(r.subject, set()).add(r.object)
            if r.date is not None and r.dated_by in ("clause", "effective"):
                dated_posts.setdefault(r.subject, set()).add(r.date)
        elif r.predicate == "succeeded" and r.date is not None and r.dated_by in ("clause", "effective"):
            successions.setdefault(r.subject, set()).add(r.date)
    for r in relations:
        if r.date is not None:
            continue
        if r.predicate == "succeeded" and len(dated_posts.get(r.subject, ())) == 1:
            (r.date,) = dated_posts[r.subject]
            r.dated_by = "succession"
        elif r.predicate == "leads" and len(posts[r.subject]) == 1 and len(successions.get(r.subject, ())) == 1:
            (r.date,) = successions[r.subject]
            r.dated_by = "succession"


def _lead_sentences(parsed: Parsed) -> range:
    """The sentences that open an article with its news: the first ones after its headline, if it opens with one
    (a paragraph of one sentence without a full stop: 'Meituan fined 3.4 billion yuan as delivery war drags on')."""
    if not parsed.sents:
        return range(0)
    first = 0
    end = parsed.text.find("\n")
    if end > 0 and not parsed.text[:end].rstrip().endswith(_SENTENCE_ENDS):
        # (the small model may split a headline in two)
        first = next((k for k, s in enumerate(parsed.sents) if s.start_char > end), 0)
    last, stated = first, 0
    # at least one sentence that ends as one: a dateline ('SEOUL, Jan 22 —') may come parsed in pieces
    for last in range(first, len(parsed.sents)):
        stated += parsed.text_of(parsed.sents[last]).rstrip().endswith(_SENTENCE_ENDS)
        if last - first + 1 >= _LEAD_SENTENCES and (stated or last - first + 1 >= 2 * _LEAD_SENTENCES):
            break
    return range(first, last + 1)


#: What a sentence of running text ends with (a headline ends with none).
_SENTENCE_ENDS = tuple('.!?…"”’')


def _news_cue(t: Token) -> str | None:
    """The kind of news a word reports: a verb ('fined', 'raised $50 million') or an event noun ('ordered an
    investigation')."""
    if t.pos_ == "VERB":
        if money_raised(t):
            return "invested_in"  # 'Y has raised $700 million in a new round': the investments in it
        return cue_predicate(t)
    if t.pos_ == "NOUN" and t.dep_ == "dobj" and t.lower_ in lx.COOP_NOUNS - {"deal", "venture"}:
        return "partner_of"  # 'has signed a strategic partnership with Y'
    return lx.NOUN_CUES.get(t.lower_) if t.pos_ == "NOUN" else None


def _day(dating: _Dating, date: int) -> bool:
    """Whether a date names a day ('on Thursday', 'Jan 20')."""
    spec = dating.dates[date]["spec"]
    return spec is not None and (spec.get("rel") == "weekday" or spec.get("d") is not None)


def _news_statement(r: RelationRow, ctx: Context) -> bool:
    """Whether a statement may report news: an event a verb states in a clause of its own, or one the classifier
    read; not a description ('the startup backed by SoftBank') or background in the past perfect ('had
    invested')."""
    if learned.is_learned(r.rule):
        return r.predicate in EVENTS
    if r.event is None:
        return False
    verb = ctx.tokens[int(r.event[1:])]
    background = any(
        (c.dep_ == "aux" and c.lower_ == "had")
        or (c.dep_ in ("prep", "advmod", "advcl") and c.lower_ in _BACKGROUND_WORDS)
        for c in verb.children
    )
    return verb.dep_ not in ("acl", "amod", "relcl") and not background


#: Words that set a statement before the news ('invested in the company before its listing', 'had previously backed').
_BACKGROUND_WORDS = frozenset({"before", "prior", "previously", "earlier", "formerly", "once", "since"})


def _announced(dating: _Dating, date: int) -> bool:
    """Whether a date is an announcement's ('said on Monday'): the date of a verb of saying."""
    return dating.tokens[dating.dates[date]["gov"]].lemma_.lower() in lx.SAY_VERBS


#: How far after a dated fine or probe an undated one of the same authority is read as part of the same decision.
_DECISION_SENTENCES = 4
_DECISIONS = ("fined", "investigated")


def _dated_decisions(ctx: Context, dating: _Dating) -> list[tuple[int, str, str, int]]:
    """(sentence, authority, predicate, date) of each fine or probe verb its own clause dates, named targets or
    not ('the watchdog on Wednesday fined five platforms')."""
    out = []
    for t in ctx.tokens:
        pred = cue_predicate(t) if t.pos_ == "VERB" else None
        if pred not in _DECISIONS:
            continue
        date, how = dating.date_for(t.i)
        if date is not None and how == "clause":
            out += [(ctx.sent_index[t.i], a.key, pred, date) for a in ctx.subjects(t)]
    return out


def _date_by_decision(relations: list[RelationRow], decisions: list[tuple[int, str, str, int]]) -> None:
    """An undated fine or probe read just after a dated one by the same authority is part of the same decision:
    'The watchdog on Wednesday fined five platforms … The largest penalty was imposed on X … Y was fined …'."""
    dated = sorted(
        [(r.sentence, r.subject, r.predicate, r.date) for r in relations if r.date is not None] + decisions,
        key=lambda d: d[0],
    )
    for r in relations:
        if r.predicate not in _DECISIONS or r.date is not None:
            continue
        before = [
            d for d in dated if d[1:3] == (r.subject, r.predicate) and 0 < r.sentence - d[0] <= _DECISION_SENTENCES
        ]
        if before:
            r.date, r.dated_by = before[-1][3], "decision"


def _date_by_founding(relations: list[RelationRow], events: dict[str, _Event]) -> None:
    """An organization is founded once: an undated founder of it ('Meituan founder Wang Xing', 'Ximalaya's founders,
    A and B') takes the date the text gives its founding elsewhere ('Ximalaya, which was founded in 2012')."""
    organization_role = EVENTS["founded"][2]
    founded_on: dict[str, int] = {}
    for e in sorted(events.values(), key=lambda e: e.row.sentence):
        if e.row.type == EVENTS["founded"][0] and e.row.date is not None:
            for key, role in e.row.participants:
                if role == organization_role:
                    founded_on.setdefault(key, e.row.date)
    for r in relations:
        if r.predicate == "founded" and r.date is None and r.object in founded_on:
            r.date, r.dated_by = founded_on[r.object], "founding"


def _with_coref(c: Cand) -> str:
    """The rule's name, marked when an argument was found by resolving a reference."""
    return c.rule + ("+coref" if (c.s and c.s.resolved_by) or (c.o and c.o.resolved_by) else "")


def _typed(c: Cand) -> tuple[Cand, str, bool, bool]:
    """The candidate against its relation's signature: (the candidate, its rule name, whether its subject fits,
    whether it is a relation). A subject of another type may call for another relation ('Taotian, which runs
    Taobao': an organization that runs Y owns it); a relation stored as its inverse is turned round."""
    s, o = c.s, c.o
    assert o is not None  # run by _statements on candidates with an object
    rule = _with_coref(c)
    s_types, o_types = SIGNATURES.get(c.p, (set(), set()))
    # (not for a post: an organization named chief executive is a misread name, not an owner)
    alternative = (
        lx.TYPE_ALTERNATIVES.get((c.p, s.type)) if s is not None and s.type not in s_types and not c.role else None
    ) or (
        (lx.SUBJECT_SENSES.get((c.rule, s.type)) or lx.ARGUMENT_SENSES.get((c.rule, s.type, o.type)))
        if s is not None
        else None
    )
    if s is not None and (c.rule, s.type, o.type) in lx.ARGUMENT_SENSES and o.resolved_by:
        # ('X, president of Y, unveiled it': what a person launches, named by a pronoun, is a product of theirs,
        # not the company the pronoun may be read as)
        return c, rule, False, False
    if alternative:
        c = dataclasses.replace(c, p=alternative, rule=f"{alternative}.{c.rule}", role=None)
        rule = _with_coref(c)
        s_types, o_types = SIGNATURES[c.p]
    subject_ok = s is not None and s.type in s_types and s.key != o.key
    inverse = SCHEMA[c.p].inverse if c.p in SCHEMA and SCHEMA[c.p].stored_as_inverse else None
    if (
        s is not None
        and subject_ok
        and o.type in o_types
        and inverse
        and o.type in SCHEMA[inverse].subject
        and s.type in SCHEMA[inverse].object
    ):
        # 'Alibaba owns Lazada' is stored as 'Lazada part_of Alibaba'
        c = dataclasses.replace(c, s=o, p=inverse, o=s)
        s, o = o, s
    return c, rule, subject_ok, subject_ok and o.type in o_types


def _agentless_event(c: Cand) -> bool:
    """An event about a program, a listing or a founding: recorded without a relation."""
    assert c.o is not None
    about_programs = c.o.type in ("Program", "Event") and (c.s is None or c.s.type in ("Program", "Event"))
    founding_or_listing = c.p in ("_listing", "founded") and c.s is None and c.o.type == "Organization"
    return c.p in EVENTS and (about_programs or founding_or_listing)


def _add_event(
    events: dict[str, _Event], c: Cand, subject_ok: bool, table: dict, sentence: int, date: int | None, how: str | None
) -> None:
    """The candidate's event (one per cue) with its participants, if it tells of one."""
    assert c.o is not None
    if c.p not in EVENTS or not c.dated or not c.event or c.rule in NOT_EVENTS:
        return  # a description ("X, chairman of Y") or a standing role ("Y, led by X") is not an appointment
    etype, srole, orole = EVENTS[c.p]
    if etype == "founding" and date is None:
        return  # an undated founding is a description ('built by X'), not an event of the story
    ev_id = f"e{c.trigger}"
    if ev_id not in events:
        events[ev_id] = _Event(EventRow(ev_id, etype, [], sentence, date, how, f"event.{etype}"), c.trigger)
    participants = events[ev_id].row.participants
    parts: list[list[Any]] = []
    if c.s is not None:
        parts.append([c.s.key, srole if subject_ok else "program"])
    version_of = table.get(c.o.key, {}).get("version_of")
    if version_of:  # a version's event is also its program's
        parts.append([version_of, orole])
    parts.append([c.o.key, "version" if version_of else orole])
    for p in parts:
        if p not in participants:
            participants.append(p)


def _quantities(ctx: Context, table: dict, dating: _Dating, events: dict[str, _Event]) -> list[QuantityRow]:
    """The figures of the text, each with what it measures, its date and the money event it is the amount of."""
    parsed = ctx.parsed
    tokens, sent_of = parsed.tokens, parsed.sent_index
    out = []
    for s in parsed.sents:
        for q in qx.find(parsed.text_of(s), s.start_char):
            att = qx.attach(ctx, q)
            if att is None:
                continue
            about, attribute, gov = att
            date, how = dating.date_for(gov)
            unit = q["unit"]
            rule = "quantity.percent" if unit == "percent" else "quantity.money" if unit.isupper() else "quantity.count"
            event = next(
                (
                    e.row.id
                    for e in events.values()
                    if governing_verb(tokens[e.trigger]).i == gov and e.row.type in MONEY_EVENTS and unit.isupper()
                ),
                None,
            )
            out.append(
                QuantityRow(
                    about=table.get(about.key, {}).get("version_of") or about.key,
                    attribute=attribute,
                    value=q["value"],
                    value_max=q["value_max"],
                    unit=unit,
                    text=q["text"],
                    sentence=sent_of[_span(parsed, q["start"], q["end"]).start],
                    span=[q["start"], q["end"]],
                    date=date,
                    dated_by=how,
                    rule=rule,
                    event=event,
                )
            )
    return out


def _mentions(parsed: Parsed, cands: list[mx.Candidate]) -> tuple[list[MentionRow], list[CoMentionRow]]:
    """Every mention, and every pair of entities named in the same sentence (with those sentences)."""
    rows: list[MentionRow] = []
    per_sent: dict[int, set[str]] = {}
    for c in cands:
        span = parsed.doc[c.start : c.end]
        rows.append([span.start_char, span.end_char, parsed.text_of(span), c.key, c.label])
        per_sent.setdefault(parsed.sent_index[c.start], set()).add(c.key)
    pair_sents: dict[tuple[str, str], list[int]] = {}
    for k, keys in per_sent.items():
        for a, b in combinations(sorted(keys), 2):
            pair_sents.setdefault((a, b), []).append(k)
    return rows, [[a, b, len(ks), ks] for (a, b), ks in sorted(pair_sents.items())]


def _entities(table: dict, types: dict[str, str], mentions: list[MentionRow]) -> dict[str, EntityRow]:
    """The linked entities that are mentioned, with their type and aliases."""
    mention_counts = Counter(m[3] for m in mentions)
    return {
        k: EntityRow(
            label=e["label"],
            type=types[k],
            aliases=sorted(set(e["aliases"]) - {e["label"]}),
            kb_id=e["kb_id"],
            version_of=e["version_of"],
            version_label=e["version_label"],
        )
        for k, e in table.items()
        if mention_counts[k]
    }
