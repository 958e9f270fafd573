"""Relation rules: small generator functions over a parsed Doc that yield typed candidates.

Each rule is keyed on a cue (verb lemma, noun lemma or an entity's own dependents), finds its
arguments through the parse (subjects, passive agents, objects, prepositions, conjuncts,
"such as" examples, xcomp/conj chains, references such as "the two sides") and yields
:class:`Cand` records with a rule id. :func:`run_rules` makes one linear pass over the tokens.
"""

from __future__ import annotations

import bisect
import contextlib
import dataclasses
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass

from spacy.tokens import Token

from kg.extract import lexicon as lx
from kg.extract.parsed import Parsed, is_percent, one_word_bracket, percent_of
from kg.schema import SCHEMA
from kg.schema import STATIVE as STATIVE  # re-exported: the component dates what is not stative

#: Argument types each predicate accepts (subject types, object types), from the schema.
SIGNATURES = {name: (set(rel.subject), set(rel.object)) for name, rel in SCHEMA.items()}
#: Predicate -> (n-ary event type, subject role, object role), from the schema; "_listing" is a
#: listing whose exchange is not named (only the company is known).
EVENTS = {name: rel.event for name, rel in SCHEMA.items() if rel.event} | {"_listing": ("listing", None, "company")}
#: Rules that state a standing role rather than a change ('Y, led by X', 'X runs Y'): no appointment event.
NOT_EVENTS = frozenset({"leads.verb"})
#: Rules of a stative relation that say when it began, so are dated like events: 'folded Kugou into the group in
#: 2016' (Kugou has been part of it since).
BEGINNING_RULES = frozenset({"part_of.fold_into"})


def rule_ids() -> list[str]:
    """Every rule id the extractor can emit (relations, their '+coref' variants, events, quantities)."""
    relation_rules = {rule for _, rule in lx.VERB_CUES.values()} | {
        "partner.verb.coordinated",
        "found.inside",
        "compete.verb.coordinated",
        "compete.same_targets",
        "compete.take_on",
        "launch.from_maker",
        "part_of.from_maker",
        "found.as_venture",
        "leads.take_charge",
        "acquire.take_control",
        "acquire.managing_control",
        "leads.acquire.managing_control",
        "acquire.sold_to",
        "acquire.sold_to.control",
        "acquire.handover",
        "invest.stake.sold_by_itself",
        "invest.buy_into",
        "invest.owned_by_group",
        "acquire.controlling_stake.sold_by_itself",
        "acquire.take_private",
        "acquire.held_before_sale",
        "launch.open",
        "invest.lead_round",
        "partner.reach",
        "partner.reach.coordinated",
        "partner.under",
        "partner.under.coordinated",
        "owns.brands_owner",
        "owns.possessed",
        "operates.sold_on",
        "acquire.paid_for",
        "partner.noun",
        "partner.noun.coordinated",
        "partner.work_with",
        "partner.between",
        "partner.open_to",
        "participant.form_with",
        "operates.launched_on",
        "launch.possessed",
        "operates.platform_account",
        "part_of.possessive",
        "part_of.possessive_product",
        "part_of.possessive.adjacent",
        "part_of.possessive.conjunct",
        "part_of.regional_name",
        "part_of.possessed_kind",
        "part_of.kind_of_owner",
        "part_of.whose_unit",
        "part_of.behind",
        "launch.behind",
        "part_of.under_brand",
        "launch.under_brand",
        "relaunch.under_brand",
        "succeed.handover",
        "succeed.took_over_on_leaving",
        "leads.noun.implicit",
        "leads.noun.salient",
        "leads.noun.relative",
        "founded.noun.salient",
        "invested_in.noun.salient",
        "invest.stake.salient",
        "invest.raise_from",
        "invest.with_backing",
        "invest.sell_holding",
        "invest.possessed_stake",
        "invest.stake_in_exchange",
        "owns.possessed_stake",
        "fine.verb.implicit",
        "launch.verb.named_after",
        "investigate.verb.implicit",
        "leads.succession",
        "partner.join_forces",
        "invest.stake",
        "invest.stake.gapped",
        "invest.part_owned",
        "partner.make_with",
        "partner.with_partner",
        "partner.agreed_with",
        "invest.round",
        "invest.round_drew",
        "invest.money_into",
        "invest.took_part",
        "investigated.nominal.sole_company",
        "owns.controlling_stake",
        "owns.possessed_control",
        "participant.form_with.subject",
        "participant.possessive",
        "part_of.under",
        "part_of.sits_within",
        "listed_on.first_day",
        "listed_on.application",
        "part_of.part_of",
        "leads.succession.implicit",
        "part_of.noun.salient",
        "owns.hyphen",
        "invest.hyphen",
        "acquire.controlling_stake",
        "acquire.remaining_stake",
        "compete.noun",
        "compete.noun.clause",
        "compete.noun.between",
        "compete.noun.engaged",
        "part_of.fold_into",
        "part_of.fold_into.unit",
        "launch.fold_into_new",
        "launch.itself",
        "invest.portfolio",
        "compete.lose_to",
        "compete.pit",
        "compete.noun.multiway",
        "compete.gain_from",
        "compete.fight",
        "compete.face",
        "compete.defend",
        "compete.aimed_at",
        "compete.rival_group",
        "compete.ranked",
        "compete.rival.clause",
        "compete.rival.conjunct",
        "compete.rival.salient",
        "listed_on.ticker",
        "listed_on.verb",
        "listed_on.noun",
        "listed_on.shares",
        "listed_on.trading",
        "invest.stake.reciprocal",
        "acquire.sale_to",
        "leads.title",
        "founded.title",
        "leads.title.agent",
        "founded.title.agent",
        "leads.under_title",
        "leads.stepping_down",
        "founded.under_title",
    }
    relation_rules |= {
        f"{alternative}.{rule}"
        for (p, _), alternative in lx.TYPE_ALTERNATIVES.items()
        for lemma, (predicate, rule) in lx.VERB_CUES.items()
        if predicate == p
    }
    relation_rules |= {f"{alternative}.{rule}" for (rule, _), alternative in lx.SUBJECT_SENSES.items()}
    relation_rules |= {f"{alternative}.{rule}" for (rule, _, _), alternative in lx.ARGUMENT_SENSES.items()}
    relation_rules |= {"acquire.controlling_stake+coref"}
    relation_rules |= {f"{lx.VERB_CUES[v][1]}.reduced_relative" for v in lx.REDUCED_RELATIVE_VERBS}
    relation_rules |= (
        {f"{p}.nominal" for p in lx.NOUN_CUES.values()}
        | {f"{p}.nominal.clause_subject" for p in lx.NOUN_CUES.values()}
        | {"fined.nominal.implicit", "investigated.nominal.implicit", "investigated.nominal.closed"}
    )
    relation_rules |= {f"{p}.noun" for p, _ in lx.REL_NOUNS.values()}
    events = {f"event.{t}" for t, _, _ in EVENTS.values()}
    quantities = {"quantity.percent", "quantity.money", "quantity.count"}
    return sorted(relation_rules | {r + "+coref" for r in relation_rules} | events | quantities)


_OBJECT_PREPS = {
    "partner_of": {"with"},
    "invested_in": {"in", "into"},
    "competes_with": {"with", "against", "behind"},  # 'lags behind Y'
    "operates_on": {"on"},
    "participant_in": {"in"},
    "acquired": set(),
    "succeeded": {"from"},
    "investigated": {"into"},
}


#: How many times more often than the next one an organization is named to be the article's main one, and to be
#: the one its unnamed investors' stakes are in.
SALIENCE_LEAD = 1.5
DOMINANCE_LEAD = 2.0


@dataclass
class Arg:
    key: str
    span: tuple[int, int]  # document character offsets of the mention
    type: str
    resolved_by: str | None = None
    member: bool = False  # named as one who leads a body of investors ('a consortium led by X'): a co-owner at most


@dataclass
class Cand:
    s: Arg | None
    p: str
    o: Arg | None
    rule: str
    trigger: int  # token index of the cue
    role: str | None = None
    dated: bool = True  # False for descriptions ("X, the founder of Y"): the sentence's date is not theirs
    event: bool = True  # False for a state that continues ("X remained chairman"): dated, but no change happened


class Context:
    """Token -> mention lookups, argument finding and reference resolution for one Doc."""

    def __init__(
        self,
        parsed: Parsed,
        mentions: list[tuple[int, int, str]],
        types: dict[str, str],
        parents: dict[str, str] | None = None,
        kinds: dict[str, str] | None = None,
    ):
        doc = self.doc = parsed.doc
        self.kinds = kinds or {}  # KB id -> "company" | "exchange" | "authority"
        self.parsed = parsed
        self.tokens = tokens = parsed.tokens  # tokens[i], not doc[i]: spaCy makes a new Token on each doc[i]
        self.types = types
        # "(NYSE: BABA; HKEX: 9988)": the bracket's first token -> the exchanges named in it. The mentions
        # inside a ticker serve only the listing rule: no other rule sees them ("X (NASDAQ: X), Y's rival").
        self.tickers: dict[int, list[tuple[int, int, str]]] = {}
        self.ticker_opening: dict[int, int] = {}  # a ticker bracket's last token -> its first
        in_ticker = bytearray(len(doc))
        brackets = [
            (ticker, doc.char_span(ticker.start, ticker.end, alignment_mode="expand")) for ticker in parsed.tickers
        ]
        for _, inside in brackets:
            if inside is not None:
                self.tickers[inside.start] = list(
                    dict.fromkeys(
                        m for m in mentions if inside.start <= m[0] < inside.end and types.get(m[2]) == "Organization"
                    )
                )
                in_ticker[inside.start : inside.end] = b"\x01" * len(inside)
                self.ticker_opening[inside.end - 1] = inside.start
        mentions = [m for m in mentions if not in_ticker[m[0]]]
        self.tok_mention: list[tuple[int, int, str] | None] = [None] * len(doc)
        for m in mentions:
            for i in range(m[0], m[1]):
                self.tok_mention[i] = m
        # 'owned by Sea Ltd (SE.N)': the small model may head the phrase with the code; a listing code stands for
        # the company named right before its bracket (not the place in 'listed in Hong Kong (9927.HK)')
        for ticker, bracket in brackets:
            before = self.tok_mention[bracket.start - 1] if bracket is not None and bracket.start > 0 else None
            before = before if before is not None and types.get(before[2]) == "Organization" else None
            for start, end in ticker.code_spans if before is not None else ():
                code = doc.char_span(start, end, alignment_mode="expand")
                for i in range(code.start, code.end) if code is not None else ():
                    self.tok_mention[i] = before
        self.by_type = {
            t: sorted((m[0], m[2]) for m in mentions if types.get(m[2]) == t)
            for t in ("Organization", "Person", "Program")
        }
        counts: dict[str, int] = {}
        for _, k in self.by_type["Organization"]:
            counts[k] = counts.get(k, 0) + 1
        parents = parents or {}
        self.parents = parents
        for unit, n in list(counts.items()):  # a group's units named in the article count towards the group
            seen, up = {unit}, parents.get(unit)
            while up is not None and up not in seen:
                if up in counts:
                    counts[up] += n
                seen.add(up)
                up = parents.get(up)
        ranked = sorted(counts.items(), key=lambda kv: -kv[1])
        # the article's main organization: clearly the most mentioned one (None when two are close); 'dominant'
        # when it leads by twice as much, as an unnamed investor's target needs ('backers include A and B')
        self.salient: Arg | None = None
        self.dominant: Arg | None = None
        if ranked and (len(ranked) == 1 or ranked[0][1] >= SALIENCE_LEAD * ranked[1][1]):
            first = next(m for m in mentions if m[2] == ranked[0][0])
            self.salient = self._arg(first)
            if len(ranked) == 1 or ranked[0][1] >= DOMINANCE_LEAD * ranked[1][1]:
                self.dominant = self.salient
        self.starts = {t: [m[0] for m in ms] for t, ms in self.by_type.items()}
        self.sent_index = parsed.sent_index
        self.sent_first = parsed.sent_first
        self.mention_head = {m: doc[m[0] : m[1]].root for m in mentions}  # the syntactic head of each mention
        self.is_subject = {m[0]: head.dep_ in ("nsubj", "nsubjpass") for m, head in self.mention_head.items()}
        self.exclude: set[str] = set()  # keys a reference may not resolve to (the other argument)
        self.leads: dict[str, list[tuple[Arg, str | None]]] = {}  # person key -> (organization led, role), as read
        # coordinated lists of names ("A, B and C"), for list references ("all six"): (first token, args)
        self.lists: list[tuple[int, list[Arg]]] = []
        for t in tokens:
            if self.tok_mention[t.i] and t.dep_ != "conj" and t.conjuncts:
                members = [self.tok_mention[c.i] for c in (t, *t.conjuncts)]
                named = [m for m in members if m is not None]
                if len(named) == len(members):
                    self.lists.append((t.i, [self._arg(m) for m in dict.fromkeys(named)]))
        self._descriptions: dict[str, set[str]] | None = None  # organization key -> words describing it (lazy)
        self.founded: dict[str, Arg] = {}  # person key -> organization founded, as read so far
        self.units: dict[str, Arg] = {}  # organization key -> its unit last read ('the JD.com subsidiary')
        self.units_read: dict[str, Arg] = {}  # every unit read so far, any organization's, by key

    def names_in_sentence(self, key: str, i: int) -> bool:
        """Whether the entity ``key`` is named in the sentence of token ``i``."""
        sentence = self.sent_index[i]
        return any(self.sent_index[start] == sentence for start, k in self.by_type["Organization"] if k == key)

    def names_no_other_organization(self, key: str, i: int) -> bool:
        """Whether the sentence of token ``i`` names no organization but ``key`` and its units ('Keeta' of
        Meituan), an exchange or an authority ('where executive chairman X courted the government and the Financial
        Conduct Authority cleared a prospectus': a regulator's or exchange's own officers a title would name)."""
        sentence = self.sent_index[i]
        return all(
            k == key or self.within(k, key) or self.kinds.get(k) in ("exchange", "authority")
            for start, k in self.by_type["Organization"]
            if self.sent_index[start] == sentence
        )

    def within(self, unit: str, group: str) -> bool:
        """Whether the knowledge base puts ``unit`` under ``group``, at any depth."""
        seen, up = {unit}, self.parents.get(unit)
        while up is not None and up not in seen:
            if up == group:
                return True
            seen.add(up)
            up = self.parents.get(up)
        return False

    # --- mentions ---------------------------------------------------------------------------
    def _arg(self, m: tuple[int, int, str], resolved_by: str | None = None) -> Arg:
        d = self.tokens
        return Arg(
            m[2], (d[m[0]].idx, d[m[1] - 1].idx + len(d[m[1] - 1].text)), self.types.get(m[2], "Other"), resolved_by
        )

    def _mention_at(self, i: int) -> tuple[int, int, str]:
        """The mention token ``i`` is in, where the caller has seen that there is one."""
        m = self.tok_mention[i]
        assert m is not None
        return m

    def ent(self, tok: Token) -> Arg | None:
        m = self.tok_mention[tok.i]
        if m:
            return self._arg(m)
        if tok.lower_ in lx.LEGAL_FORM_WORDS and tok.text[:1].isupper():
            # 'Lakala Payment Co.': the name that the legal form's words follow ('Lakala') is the company
            # (or the name right before it, however parsed: 'Geely Holding', 'Geely' taken for an adverb)
            named = [
                self.tok_mention[c.i]
                for c in tok.children
                if (c.dep_ == "compound" and c.i < tok.i) or c.i == tok.i - 1
            ]
            if named and named[0] is not None and self.types.get(named[0][2]) == "Organization":
                return self._arg(named[0])
        # '“X” mechanism', 'the Taobao platform': a cue noun right after (or headed by) a mention.
        if (tok.lemma_.lower() in lx.PROGRAM_NOUNS or tok.lemma_.lower() in lx.CATEGORY_TYPES) and (
            tok.lemma_.lower() not in lx.REL_NOUNS or (tok.lemma_.lower() in lx.BRAND_NOUNS and tok.tag_ == "NN")
        ):  # 'the JD.com subsidiary' is not JD.com; 'the Koling brand' is Koling (a list before brands is expand's)
            j, steps = tok.i - 1, 0
            tokens = self.tokens
            heads = {tok.i}  # the noun and the modifiers passed: 'its Keeta delivery app' hangs Keeta on 'delivery'
            while (
                j >= 0
                and steps < 4
                and (
                    (tokens[j].is_punct and tokens[j].text in "“”\"'")
                    # (and their own modifiers: 'its Seedream image generation model')
                    # ('the Hanguang 800 AI inference chip': a word of jargon may be one of them)
                    or (
                        (tokens[j].is_lower or tokens[j].lower_ in lx.JARGON)
                        and tokens[j].head.i in heads
                        and tokens[j].dep_ in ("compound", "amod")
                    )
                )
            ):
                heads.add(j)
                j, steps = j - 1, steps + 1  # past quotes and modifiers: '“X” resale program'
            m = self.tok_mention[j] if j >= 0 else None
            # (the small model may parse the name's own words oddly: 'Naver Plus Store' as 'Naver' + conjunct)
            if (
                m is not None
                and any(tokens[k].head.i in heads for k in range(m[0], m[1]))
                # ('the Tokyo consultancy X': a place before a kind of organization says where it is, never its name;
                # 'a former Nvidia China executive': a kind of person is no company named before it)
                and not _kind_of_other_type(lx.CATEGORY_TYPES.get(tok.lemma_.lower()), self.types.get(m[2]))
            ):
                return self._arg(m)
        return None

    def organization_of(self, person: str, role: str | None = None) -> Arg | None:
        """The organization a person was last read to lead (in that role, when one is given and was read),
        else to have founded (None if neither)."""
        led = self.leads.get(person, [])
        same_role = [o for o, r in led if role and r == role]
        if same_role or led:
            return (same_role or [o for o, _ in led])[-1]
        return self.founded.get(person)

    def role_of(self, person: str) -> str | None:
        """The role a person was last read to hold (None if unknown)."""
        return next((r for _, r in reversed(self.leads.get(person, [])) if r), None)

    # --- references -------------------------------------------------------------------------
    def _recent(self, tok: Token, n: int, kind: str = "Organization", back: int = 2) -> list[tuple[int, str]]:
        """The n nearest distinct entities of a type before ``tok``, within ``back`` earlier sentences."""
        limit = self.sent_first[max(self.sent_index[tok.i] - back, 0)]
        found, starts = self.by_type[kind], self.starts[kind]
        out: list[tuple[int, str]] = []
        i = bisect.bisect_left(starts, tok.i) - 1
        while i >= 0 and found[i][0] >= limit and len(out) < n:
            if all(found[i][1] != k for _, k in out) and found[i][1] not in self.exclude:
                out.append(found[i])
            i -= 1
        return out

    @contextlib.contextmanager
    def excluding(self, keys: set[str]) -> Iterator[None]:
        """References may not resolve to ``keys`` while the block runs (the other argument, the names of a phrase);
        what was excluded before is back after it."""
        saved, self.exclude = self.exclude, keys
        try:
            yield
        finally:
            self.exclude = saved

    def resolve(self, tok: Token) -> list[Arg]:
        """Entities a reference stands for; their spans are the reference's own (in the sentence)."""
        if tok.lower_ == "its" and (appointer := self._appointer(tok)) is not None:
            # 'Kuka Home named Feng, a former Midea executive, as its chief executive': who appoints, never a name
            # in the aside on the one appointed (none when the appointer is a description not resolved)
            args = [Arg(a.key, a.span, a.type, "coref:its") for a in appointer]
        elif tok.lower_ == "its" and (founded := self._founded_by_antecedent(tok)):
            # 'the company founded by Ding Lei, who remains its chairman': what the founder founded
            args = [Arg(a.key, a.span, a.type, "coref:its") for a in founded]
        else:
            args = self._resolve(tok)
        if tok.lower_ == "its":  # ('Liang said … after Alibaba responded by folding its unit …': never a person's)
            # nor a name inside the phrase it opens: in 'its controlling shareholder, Lumio Group' its is not Lumio
            phrase = self.doc[tok.head.left_edge.i : tok.head.right_edge.i + 1] if tok.dep_ == "poss" else None
            args = [
                a
                for a in args
                if a.type != "Person" and not (phrase and phrase.start_char <= a.span[0] < phrase.end_char)
            ]
        first = tok if tok.pos_ == "PRON" else tok.left_edge
        span = (first.idx, tok.idx + len(tok.text))
        return [Arg(a.key, span, a.type, a.resolved_by) for a in args]

    def _founded_by_antecedent(self, tok: Token) -> list[Arg]:
        """What the person a relative clause holding ``tok`` describes founded, by the verb whose agent they are."""
        founder = self._relative_head(tok)
        if founder is not None and (a := self.ent(founder)) is not None and a.type != "Person":
            founder = self._person_describing(founder)  # 'founded by X, a former researcher at Y, who …'
        return _founded_by(self, founder) if founder is not None else []

    def _resolve(self, tok: Token) -> list[Arg]:
        phrase = (
            self.parsed.text_of(self.doc[tok.left_edge.i : tok.i + 1]).lower() if tok.pos_ != "PRON" else tok.lower_
        )
        words = phrase.split()
        if len(words) == 2 and words[0] in ("all", "the", "these", "those") and lx.LIST_NUMBERS.get(words[1], 0) >= 3:
            return self._resolve_list(tok, lx.LIST_NUMBERS[words[1]], phrase)
        if self._unit_reference(tok, phrase):
            return self._resolve_unit(tok, phrase)
        if (earlier := self._conjoined_it_before(tok)) is not None:
            return self._resolve(earlier)  # 'in 2024 it sold X, and in 2025 it trimmed Y': the same 'it' twice
        # ('A and B long dominated the market, but both have lost share to C': 'both' standing alone as a subject)
        if (
            tok.lower_ == "both"
            and tok.dep_ in ("nsubj", "nsubjpass")
            and (pair := self._coordinated_subject(tok, sole_pair=True))
        ):
            return pair
        if phrase in lx.PAIR_REFS or tok.lower_ in lx.PLURAL_PRONOUNS:
            return self._resolve_pair(tok, phrase)
        elif tok.lower_ == "its" and (
            doer := self._conjoined_name(tok) or self._controlling_object(tok) or self._punished_for(tok)
        ):
            # 'a contest for SM, which ended when Kakao and its entertainment arm, Kakao Entertainment, took
            # control': the name it is conjoined to, whatever clause the pair sits in; 'Palliser is pressing the
            # search group to hand shareholders a slice of its chip unit': the object; 'SAMR fined Tencent over its
            # 2016 acquisition of Y': whose conduct is punished, the one punished
            return [Arg(a.key, a.span, a.type, "coref:" + phrase) for a in doer]
        elif (
            tok.lower_ in ("its", "it")
            and (antecedent := self._relative_head(tok)) is not None
            and not self._copular_subjects(tok)
        ):
            # 'MiniMax, which counts Tencent among its backers': its = what the relative clause describes (in 'A,
            # which launched its app, and B', A alone: the names before the clause)
            clause = next((a for a in tok.ancestors if a.dep_ == "relcl"), tok)
            named = self.expand(antecedent, refs=False)
            before = [a for a in named if a.span[0] < clause.left_edge.idx] or named
            return [Arg(a.key, a.span, a.type, "coref:" + phrase) for a in before]
        elif (
            tok.lower_ == "its"
            and not self._after_named_conjunct(tok)
            and (subject := self._referring_clause_subject(tok)) is not None
        ):
            # 'The group already owns Skyscanner, …, and has been marketing its Trip.com brand': its = what the
            # clause's own subject, a reference too, stands for (not the nearest name)
            return self._resolve(subject)
        elif tok.lower_ == "its" and (owner := self._set_off_after_name(tok) or self._parallel_possessor(tok)):
            # 'Meituan and Alibaba, through its Ele.me service, answered …': the name the aside follows;
            # "Alibaba's Ele.me and its Taobao Instant Commerce unit": its = the possessor of the first conjunct
            return [Arg(owner.key, owner.span, owner.type, "coref:" + phrase)]
        elif tok.lower_ in ("its", "it") and (described := self._clause_description(tok)) is not None:
            # 'the Buenos Aires-based company will spend …, including on its fintech arm': its = that company
            return self._resolve(described)
        elif (speaker := self._reporting_speaker(tok)) is not None:
            # 'ZhongAn, the insurer founded by Ant Group, Tencent and Ping An, said it would …': it = who said so,
            # however many names its description holds
            return [self._arg(speaker, "coref:" + phrase)]
        elif self._authority_description(tok):
            at = self._authority_named_near(tok)
            return [self._arg(self._mention_at(at), "coref:" + phrase)] if at is not None else []
        elif (
            phrase in lx.SINGLE_REFS
            or tok.lower_ in lx.PERSON_REFS
            or phrase in lx.PROGRAM_REFS
            or self._organization_description(tok, words)
        ):
            kind = (
                "Person" if tok.lower_ in lx.PERSON_REFS else "Program" if phrase in lx.PROGRAM_REFS else "Organization"
            )
            found = self._recent(tok, 4, kind, back=2 if tok.pos_ == "PRON" else 4)
            given, found = self._plausible_antecedents(tok, kind, found)
            if given is not None:
                return [Arg(given.key, given.span, given.type, "coref:" + phrase)]
            if tok.lower_ in ("it", "him", "her") and tok.dep_ in ("dobj", "dative"):
                found = self._for_object_pronoun(tok, found)
            if tok.pos_ != "PRON" and kind == "Organization":
                found = self._groups_over_their_units(tok, self._fitting_description(tok, found))
            if kind == "Organization" and tok.pos_ != "PRON":
                # 'the company', 'the Xiamen-based group' is no regulator or exchange (those it would name as such),
                # nor a person's former employer ('X, a former Baidu executive who has run the company since …')
                found = [
                    f
                    for f in found
                    if self.kinds.get(f[1]) not in ("authority", "exchange") and not self._former_employer(f[0])
                ]
            # a reference prefers its own sentence's subject, then the nearest name of its sentence;
            # a pronoun then prefers an earlier sentence's subject (centering), a description the nearest name
            here = self.sent_index[tok.i]
            same = [f for f in found if self.sent_index[f[0]] == here]
            own = self._named_clause_subject(tok)
            pick = (
                next((f for f in same if f[1] == own), None)
                or next((f for f in same if self._subject_here(f[1], kind, here)), None)
                or (same[0] if same else None)
            )
            if pick is None and (tok.pos_ == "PRON" or (kind == "Organization" and phrase not in lx.SINGLE_REFS)):
                # so does a longer description ('the Shenzhen-based carmaker'): it continues a topic
                pick = self._nearest_subject(found) or self._subject_before_more_names(tok, kind)
                if tok.pos_ == "PRON" and kind == "Organization":
                    # '… The company was founded by X. Its backers include A': a later subject that is
                    # itself a reference continues the topic the named subject began
                    since = self.sent_index[pick[0]] if pick else self.sent_index[tok.i] - 3
                    if chained := self._referring_subject(tok, since):
                        return chained
            if pick is None and found and kind == "Organization" and self.salient is not None:
                # 'the company' with no name in its sentence: the article's own, when it was named lately
                pick = next((f for f in found if f[1] == self.salient.key), None)
            found = found if pick else self._unlisted(tok, kind, found)
            pick = pick or (found[0] if found else None)
            salient = self.salient if self.salient and self.salient.key not in self.exclude else None
            if (
                pick is None
                and not found
                and (phrase in lx.SINGLE_REFS if tok.pos_ != "PRON" else self._topic_pronoun(tok))
                and salient
            ):
                # 'the company' or 'It' with no organization named in the sentences before: the article's own
                return [Arg(salient.key, salient.span, salient.type, "coref:" + phrase)]
            return [self._arg(self._mention_at(pick[0]), "coref:" + phrase)] if pick else []
        return []

    def _resolve_pair(self, tok: Token, phrase: str) -> list[Arg]:
        """'they', 'the two sides': a pronoun's coordinated subject of an enclosing clause, else the two names last
        mentioned."""
        if tok.lower_ in lx.PLURAL_PRONOUNS and (pair := self._coordinated_subject(tok)):
            return pair
        found = self._recent(tok, 2)
        return [self._arg(self._mention_at(i), "coref:" + phrase) for i, _ in found] if len(found) == 2 else []

    def _coordinated_subject(self, tok: Token, sole_pair: bool = False) -> list[Arg]:
        """'X and Y announced that they …': the coordinated subject of a clause enclosing ``tok`` ([] if none);
        with ``sole_pair``, [] too when that clause has a coordinated object ('A and B backed C and D early, and
        both later …': either pair)."""
        h = tok.head
        while h.head.i != h.i:
            h = h.head
            subj = [c for c in h.children if c.dep_ == "nsubj"]
            if subj and subj[0].conjuncts:
                if sole_pair and any(c.dep_ == "dobj" and c.conjuncts for c in h.children):
                    return []
                return self.expand(subj[0], refs=False)
        return []

    def _topic_pronoun(self, tok: Token) -> bool:
        """Whether a pronoun may stand for the article's topic when no organization is named before it: a subject
        'it' ('Mao founded the company in 2013. It has since grown …'), or an 'its' not before its clause's named
        subject ('Through its Model Studio platform, Alibaba Cloud will …' is that subject's). Not an object 'it'
        ('Amazon can buy it with its balance sheet': most often a thing)."""
        if tok.lower_ == "it":
            return tok.dep_ in ("nsubj", "nsubjpass")
        verb = governing_verb(tok)
        return tok.lower_ == "its" and not any(
            c.dep_ in ("nsubj", "nsubjpass") and c.i > tok.i and self.tok_mention[c.i] for c in verb.children
        )

    def _subject_before_more_names(self, tok: Token, kind: str) -> tuple[int, str] | None:
        """For an organization's pronoun, the previous sentence's subject when more names than the nearest few
        followed it ('X was formed through the merger of A and B, and counts C and D among its investors. It …'),
        else None."""
        if tok.pos_ != "PRON" or kind != "Organization":
            return None
        _, wider = self._plausible_antecedents(tok, kind, self._recent(tok, 8, kind, back=1))
        here = self.sent_index[tok.i]
        return next((f for f in wider if self.is_subject[f[0]] and self.sent_index[f[0]] == here - 1), None)

    def _groups_over_their_units(self, tok: Token, found: list[tuple[int, str]]) -> list[tuple[int, str]]:
        """Of the recent names, those of the reference's sentence that are the group of another named there
        ('Alibaba Group's AliExpress … relies on Cainiao, the group's logistics arm': Alibaba Group), by the
        knowledge base, a possessive or a unit read so far; all of them when none is, or for another noun."""
        if tok.lower_ not in lx.GROUP_NOUNS:
            return found
        here = [f for f in found if self.sent_index[f[0]] == self.sent_index[tok.i]]
        keys = {k for _, k in here}
        groups = {g for at, key in here for g in keys if g != key and self._unit_of(at, key, g)}
        return [f for f in here if f[1] in groups] or found

    def _unit_of(self, at: int, key: str, group: str) -> bool:
        """Whether the name at token ``at`` (of ``key``) is a unit of ``group``: by the knowledge base, its possessive
        or a unit read so far."""
        head = self.tokens[self._mention_at(at)[1] - 1]
        return (
            self.within(key, group)
            or any(c.dep_ == "poss" and (m := self.tok_mention[c.i]) and m[2] == group for c in head.children)
            or (group in self.units and self.units[group].key == key)
        )

    def _fitting_description(self, tok: Token, found: list[tuple[int, str]]) -> list[tuple[int, str]]:
        """Of the recent names, the one an earlier description fits as this one does ('the Shanghai-based audio
        company' after 'online audio platform Ximalaya' and 'the music giant Tencent Music': Ximalaya), when exactly
        one does; else all of them."""
        words = _description_words(t for left in tok.lefts for t in left.subtree)
        # ('the Hangzhou-based e-commerce group': the place before any other word of it)
        words |= {w for k in range(tok.left_edge.i + 1, tok.i + 1) if (w := _based_in(self.tokens, k))}
        if not words:
            return found
        described = self._described()
        fitting = [f for f in found if described.get(f[1], set()) & words]
        return fitting if len({f[1] for f in fitting}) == 1 else found

    def _described(self) -> dict[str, set[str]]:
        """The words that describe each organization where it is named: the common words before its name in its
        phrase ('online audio platform Ximalaya') and in an appositive after it ('Ximalaya, the audio platform')."""
        if self._descriptions is None:
            self._descriptions = {}
            for m, head in self.mention_head.items():
                if self.types.get(m[2]) != "Organization":
                    continue
                around = [t for t in head.lefts if t.i < m[0]]
                around += [a for c in head.children if c.dep_ == "appos" for a in c.subtree]
                if head.dep_ == "appos":  # 'the audio platform, Ximalaya'
                    around += [t for t in head.head.subtree if t.i < head.head.i or t.i == head.head.i]
                words = _description_words(t for a in around for t in a.subtree)
                if based := _based_in(self.tokens, m[0]):  # 'Hangzhou-based Alibaba', however parsed
                    words.add(based)
                self._descriptions.setdefault(m[2], set()).update(words)
        return self._descriptions

    def _plausible_antecedents(
        self, tok: Token, kind: str, found: list[tuple[int, str]]
    ) -> tuple[Arg | None, list[tuple[int, str]]]:
        """The recent names a reference may stand for, less those it cannot: a name qualifying a personal possession
        ('his Stanford dorm room') or a person ('Mao, a Stanford graduate'), a place someone worked at or left before
        ('worked at Bain before starting the company'), what a copula says the reference's clause subject is of ('A
        and B remain among the company's shareholders', 'X, which has been among its backers'), the name a relative
        clause's noun describes ('Sogou, the search engine it bought'); and, for that last, the referent the clause
        itself gives (the subject of the clause the noun is in), when it gives one."""
        found = [
            f
            for f in found
            if not self._qualifies_a_thing(f[0])
            and not (kind == "Organization" and (self._left_for(f[0], tok) or self._describes_a_person(f[0])))
        ]
        if kind == "Organization" and tok.pos_ == "PRON":
            keys = {k for _, k in found}
            found = [f for f in found if not self._in_description_of(f[0], keys, tok)]
        if (
            tok.pos_ == "PRON"
            and tok.dep_ == "nsubj"
            and tok.head.dep_ == "relcl"
            # (a clause of where or when is no thing's description: 'at home, where it competes with …')
            and not any(c.tag_ == "WRB" for c in tok.head.children)
        ):
            owner, described = self._relative_subject(tok, kind)
            if owner:
                return owner[0], found
            found = [f for f in found if f[1] not in described]
        if own_subjects := self._copular_subjects(tok):
            found = [f for f in found if f[1] not in own_subjects]
        if kind == "Organization" and tok.pos_ == "NOUN" and (traded := self._company_of_shares_sold_by(tok)):
            return traded, found
        return None, found

    def _in_description_of(self, start: int, keys: AbstractSet[str], reference: Token) -> bool:
        """Whether the name at token ``start`` stands inside an appositive that describes another of the names
        ``keys``, and ``reference`` outside it ('Amer, owner of Arc'teryx, Salomon and Wilson, returned …, and Anta
        remains its largest shareholder': the sentence is about Amer, not the names its description lists; but in
        'SAMR, the watchdog that blocked a plan to merge Huya with its rival', its is Huya)."""
        m = self.tok_mention[start]
        if m is None:
            return False
        for a in self.mention_head[m].ancestors:
            if a.dep_ == "appos":
                described = self.tok_mention[a.head.i]
                return (
                    described is not None
                    and described[2] != m[2]
                    and described[2] in keys
                    and a not in reference.ancestors
                    and self.sent_index[a.i] == self.sent_index[reference.i]  # (a later sentence may be about it)
                )
        return False

    def _company_of_shares_sold_by(self, tok: Token) -> Arg | None:
        """'JD Health will buy Yixintang shares from the chain's founder', 'bought a stake in Sogou from the search
        company's chairman': a description whose person sells the shares stands for the company they are of (not
        the buyer, the clause's subject)."""
        owner = tok.head if tok.dep_ == "poss" else None
        source = owner.head if owner is not None and owner.dep_ == "pobj" and owner.head.lower_ == "from" else None
        verb = source.head if source is not None else None
        for _ in range(3):  # ('a stake in Sogou from …': the small model may hang the source on what was bought)
            if verb is None or verb.pos_ == "VERB" or verb.dep_ not in ("dobj", "pobj", "prep"):
                break
            verb = verb.head
        if verb is None or verb.pos_ != "VERB" or verb.lemma_.lower() not in lx.CONTROL_VERBS:
            return None
        bought = [
            c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in (lx.STAKE_NOUNS | lx.SHARE_NOUNS)
        ]
        named = [
            a
            for d in bought
            for a in (
                *_named(self.ent(c) for c in d.children if c.dep_ in ("compound", "nmod") and c.i < d.i),
                *_named_after(self, (d,), ("in", "of"), refs=False),
            )
            if a.type == "Organization"
        ]
        return named[0] if len(named) == 1 else None

    def _mention_before_comma(self, i: int) -> tuple[int, int, str] | None:
        """The mention right before the comma that token ``i`` follows ('Sogou, the search engine …'; '“Honor of
        Kings,” the game …', the comma inside the quotes, or after them: '“Genshin Impact”, the game'; a ticker
        between, or its native name in brackets), else None."""
        if i >= 1 and self.tokens[i - 1].text in _CLOSING_QUOTES:
            i -= 1
        if i >= 3 and self.tokens[i - 1].text == "," and self.tokens[i - 2].text in _CLOSING_QUOTES:
            return self.tok_mention[i - 3]
        if i >= 2 and self.tokens[i - 1].text == "," and i - 2 in self.ticker_opening:
            # 'GDS (NASDAQ: GDS), the operator founded by …': past its listing
            opening = self.ticker_opening[i - 2]
            return self.tok_mention[opening - 1] if opening > 0 else None
        if i >= 5 and self.tokens[i - 1].text == "," and one_word_bracket(self.tokens, i - 4):
            return self.tok_mention[i - 5]  # 'Ocean Engine (巨量引擎), ByteDance's arm': past its native name
        return self.tok_mention[i - 2] if i >= 2 and self.tokens[i - 1].text == "," else None

    def _relative_subject(self, tok: Token, kind: str) -> tuple[list[Arg], set[str]]:
        """For a pronoun subject of a relative clause without its pronoun ('Sogou, the search engine it bought'):
        the subject of the clause the described noun is in ('Tencent owns Sogou, …': Tencent), and the names the noun
        describes (never the pronoun's referent)."""
        noun = tok.head.head
        owner = [a for a in self.subjects(governing_verb(noun)) if a.type == kind]
        before = self._mention_before_comma(noun.left_edge.i)  # ('owns Sogou, the search engine it bought')
        described = {a.key for a in self.expand(noun, refs=False)} | ({before[2]} if before else set())
        return [a for a in owner if a.key not in described], described

    def _after_named_conjunct(self, tok: Token) -> bool:
        """Whether 'its' opens the second conjunct after a name: 'sent Apple and its Japanese subsidiary a request'."""
        noun = tok.head
        return noun.dep_ == "conj" and self.tok_mention[noun.head.i] is not None

    def _conjoined_name(self, tok: Token) -> list[Arg]:
        """The name right before the 'and' (or comma) that 'its' follows in a list, when that name stands on its
        own ('Kakao and its arm'; 'Tencent, JD.com and its unit': JD.com); [] otherwise."""
        j = tok.i - 1
        while j > 0 and self.tokens[j].dep_ in ("cc", "punct"):
            j -= 1
        # ('funding from Xiaomi and its investment arm Shunwei': 'its' right after 'Name and', however it is parsed)
        right_after_and = j == tok.i - 2 and self.tokens[tok.i - 1].lower_ == "and"
        m = self.tok_mention[j] if j < tok.i - 1 and (self._after_named_conjunct(tok) or right_after_and) else None
        return [self._arg(m)] if m is not None and self._plain_name(self.mention_head[m]) else []

    def _plain_name(self, name: Token) -> bool:
        """Whether a name stands on its own: not possessed ("Alibaba's Ele.me and its unit", 'its fintech arm Du
        Xiaoman and its video unit': its = the possessor) nor in apposition ('keep its unit, GoTo Financial, and its
        stake': its = the clause's subject)."""
        if name.dep_ == "appos" or any(t.dep_ == "poss" for t in name.subtree if t.i < name.i):
            return False
        # (the description before the name, however parsed: 'its fintech arm Du Xiaoman')
        tokens, j = self.tokens, name.left_edge.i - 1
        while j >= 0 and tokens[j].is_lower and tokens[j].pos_ in ("NOUN", "ADJ", "PUNCT") and j > name.i - 6:
            j -= 1
        return j < 0 or tokens[j].tag_ not in ("PRP$", "POS")

    def _referring_clause_subject(self, tok: Token) -> Token | None:
        """The subject of the clause of a possessive 'its' (or of the clause its clause is conjoined to) when that
        subject is itself a reference to one organization ('the group', 'the company', 'it'); None otherwise."""
        subject = self._subject_of_its_clause(tok)
        if subject is None or self.tok_mention[subject.i] is not None:
            return None
        return subject if subject.lower_ != "its" and self._refers(subject) else None

    def _named_clause_subject(self, tok: Token) -> str | None:
        """The key of the name that is the subject of the clause of a possessive 'its' (or of the clause its clause
        is conjoined to): 'Tongcheng was formed when Tongcheng Network merged with eLong, and counts Tencent among
        its shareholders' (Tongcheng, not the nearer subject of the 'when' clause); None when that subject is no
        name."""
        subject = self._subject_of_its_clause(tok) if tok.lower_ == "its" else None
        mention = self.tok_mention[subject.i] if subject is not None else None
        return mention[2] if mention is not None else None

    def _subject_of_its_clause(self, tok: Token) -> Token | None:
        """The one subject before ``tok`` of its clause, or of the clause its clause is conjoined to or depends on
        without a subject of its own; None when there is none or more than one."""
        verb = governing_verb(tok)
        # (an adverbial clause with no subject of its own takes the one of the clause it depends on: 'It sold its
        # stake in Y after agreeing to sell its Intime chain': its = It, not the nearer name; not a bare
        # infinitive's: in 'it tried to merge Huya with its rival' its is Huya)
        climbed: list[str] = []
        while not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children) and (
            verb.dep_ in ("conj", "xcomp", "advcl") or (verb.dep_ == "pcomp" and verb.head.dep_ == "prep")
        ):
            if (hung := _subject_hung_before(verb)) is not None:
                return hung  # ('… in February and Alibaba responded by folding its unit': the name hung before)
            climbed.append("infinitive" if verb.dep_ == "xcomp" and verb.tag_ == "VB" else verb.dep_)
            verb = verb.head if verb.dep_ != "pcomp" else verb.head.head
        if "infinitive" in climbed and not {"advcl", "pcomp"} & set(climbed):
            return None
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        return subjects[0] if len(subjects) == 1 and subjects[0].i < tok.i else None

    def _punished_for(self, tok: Token) -> list[Arg]:
        """The organization a verb of punishing names as its object when 'its' stands in the verb's 'for' or 'over'
        phrase ('fined Tencent 500,000 yuan over its acquisition of Y'), else []."""
        noun = tok.head
        prep = noun.head
        if tok.dep_ != "poss" or noun.dep_ != "pobj" or prep.lower_ not in ("for", "over") or prep.dep_ != "prep":
            return []
        verb = prep.head
        if cue_predicate(verb) not in ("fined", "investigated"):
            return []
        objects = [c for c in verb.children if c.dep_ in ("dobj", "dative", "nsubjpass")]
        punished = [a for c in objects for a in self.expand(c, refs=False)]
        return punished if len(punished) == 1 and punished[0].type == "Organization" else []

    def _copular_subjects(self, tok: Token) -> set[str]:
        """The names a copular clause ('is', 'remains', 'has been among') has as its subject when ``tok`` is the
        possessor in what the clause says they are ('among the company's largest shareholders', 'its rival')."""
        if tok.dep_ != "poss":
            return set()
        verb = governing_verb(tok)
        if verb.lemma_.lower() not in lx.STATE_COPULAS | {"become"}:
            return set()
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        if verb.dep_ == "relcl" and any(c.tag_ in ("WDT", "WP") for c in subjects):
            # ('A, B and X, which has been among its shareholders': none of the list the clause ends)
            listed = first_conjunct(verb.head)
            subjects = [listed]
        return {a.key for c in subjects for a in self.expand(c, refs=False)}

    def _qualifies_a_thing(self, i: int) -> bool:
        """Whether the name at token ``i`` only qualifies a possessed thing that is no business ('started the company
        from his Stanford dorm room and led it': a pronoun's referent is no such modifier; 'Alibaba's Tmall unit
        said it' may be)."""
        m = self.tok_mention[i]
        head = self.mention_head[m] if m is not None else self.tokens[i]
        if head.dep_ not in ("compound", "nmod") or head.head.i < head.i:
            return False
        thing = head.head
        while thing.dep_ in ("compound", "nmod") and thing.head.i > thing.i:
            thing = thing.head  # ('his Stanford dorm room': the room)
        return (
            thing.pos_ == "NOUN"
            and self.tok_mention[thing.i] is None
            and thing.lemma_.lower() not in _OWNED_KIND_NOUNS
            and lx.REL_NOUNS.get(thing.lemma_.lower()) is None
            and any(c.dep_ == "poss" and c.tag_ == "PRP$" for c in thing.children)
        )

    def _former_employer(self, i: int) -> bool:
        """Whether the name at token ``i`` qualifies a past post: 'a former Baidu executive', 'a former vice-president
        of (at) Alibaba', 'Baidu's former chief', 'an early employee of food-delivery giant Meituan'."""
        m = self.tok_mention[i]
        head = self.mention_head[m] if m is not None else self.tokens[i]
        post = head.head.head if head.dep_ == "pobj" and head.head.lower_ in ("of", "at") else head.head
        if head.dep_ not in ("compound", "nmod", "poss", "pobj") or post.i == head.i:
            return False
        return any(
            c.lower_ in lx.PAST_POST_WORDS for c in post.children if c.dep_ in ("amod", "advmod") and c.i < post.i
        )

    def _left_for(self, i: int, ref: Token) -> bool:
        """Whether the name at token ``i`` is where someone worked or what they left before the clause of the
        reference ``ref``: 'worked at Bain & Co. before starting the company', 'left Huawei's programme to start the
        company' (the company started is another)."""
        m = self.tok_mention[i]
        head = self.mention_head[m] if m is not None else self.tokens[i]
        verb = governing_verb(head)
        return (
            verb.lemma_.lower() in _LEAVING_VERBS
            and verb.i < ref.i
            and governing_verb(ref).i != verb.i
            and self.sent_index[verb.i] == self.sent_index[ref.i]
        )

    def _describes_a_person(self, i: int) -> bool:
        """Whether the name at token ``i`` qualifies a noun set beside a person's name: 'Mao, a Stanford graduate',
        'Lin, an Alibaba veteran' (where the person was, not what a reference after it stands for)."""
        m = self.tok_mention[i]
        head = self.mention_head[m] if m is not None else self.tokens[i]
        noun = head.head
        return (
            head.dep_ in ("compound", "nmod", "amod")
            and noun.pos_ == "NOUN"
            and noun.dep_ == "appos"
            and (person := self.tok_mention[noun.head.i]) is not None
            and self.types.get(person[2]) == "Person"
        )

    def _conjoined_it_before(self, tok: Token) -> Token | None:
        """The subject 'it' of the clause that the clause of the subject 'it' ``tok`` is conjoined to (None if
        there is none): both stand for one thing."""
        if tok.lower_ != "it" or tok.head.dep_ != "conj":
            return None
        first = tok.head.head
        if tok.dep_ == "dobj":
            # 'started the company in 1999 and led it': the object of the first verb, a reference too
            return next((c for c in first.children if c.dep_ == "dobj" and c.i < tok.i and self._refers(c)), None)
        if tok.dep_ not in ("nsubj", "nsubjpass"):
            return None
        return next(
            (c for c in first.children if c.lower_ == "it" and c.dep_ in ("nsubj", "nsubjpass") and c.i < tok.i), None
        )

    def _refers(self, tok: Token) -> bool:
        """Whether a noun phrase is a reference to one organization: 'it', 'the company'."""
        phrase = self.parsed.text_of(self.doc[tok.left_edge.i : tok.i + 1]).lower()
        return tok.lower_ == "it" or phrase in lx.SINGLE_REFS

    def _set_off_after_name(self, tok: Token) -> Arg | None:
        """The organization named right before an aside that 'its' opens with its preposition ('Alibaba, through its
        Ele.me service, answered', 'Tencent, via its WeChat Pay unit, …'): the aside qualifies that name, whatever
        the small model hangs it on. None unless a comma closes the aside, or when the name is inside a phrase of
        its own ('sales at JD.com, with its …')."""
        noun = tok.head
        prep = noun.head
        if tok.dep_ != "poss" or noun.dep_ != "pobj" or prep.dep_ != "prep" or prep.i < 2 or prep.i + 1 != tok.i:
            return None
        tokens = self.tokens
        after = noun.right_edge.i + 1
        if tokens[prep.i - 1].text != "," or after >= len(tokens) or tokens[after].text != ",":
            return None
        m = self.tok_mention[prep.i - 2]
        if m is None or m[1] != prep.i - 1 or self.types.get(m[2]) != "Organization":
            return None
        name = tokens[m[1] - 1]
        return None if name.dep_ == "pobj" or name.head.dep_ == "pobj" else self._arg(m)

    def _parallel_possessor(self, tok: Token) -> Arg | None:
        """The organization a possessive pronoun repeats from the conjunct before: "X's A and its B" (None if the
        first conjunct has no named possessor, or for 'its own')."""
        possessed = tok.head
        if possessed.dep_ != "conj" or tok.dep_ != "poss" or any(c.lower_ == "own" for c in possessed.children):
            return None  # ('the NRTA's filing process and its own review': its own is the clause's subject's)
        first = possessed.head
        if first.dep_ == "appos" and not possessors(first):
            first = first.head  # "X's framework, A, and its subsidiary, B": parsed as a conjunct of the appositive
        owners = [a for c in possessors(first) if (a := self.ent(c)) is not None and a.type == "Organization"]
        return owners[0] if len(owners) == 1 else None

    def _reporting_speaker(self, tok: Token) -> tuple[int, int, str] | None:
        """The named organization that says what a subject 'it' does ('Meituan said it would …', 'X told
        investors that it had …'): the subject of the verb of saying whose reported clause 'it' is the subject of;
        None for any other pronoun, or a speaker that is no organization's name ('Analysts said it would …')."""
        clause = tok.head
        if tok.lower_ != "it" or tok.dep_ not in ("nsubj", "nsubjpass") or clause.dep_ != "ccomp":
            return None
        if clause.head.lemma_.lower() not in lx.SAY_VERBS:
            return None
        said = _verb_with_its_subject(clause.head)  # ('X, …, founded …, said it …': the subject of 'founded')
        # (the subject, or the name a description that is the subject follows: 'Geely, the owner of Volvo, said it')
        named = {
            m
            for c in said.children
            if c.dep_ == "nsubj"
            and c.i < tok.i
            and (m := self.tok_mention[c.i] or self._mention_before_comma(c.left_edge.i))
        }
        mention = named.pop() if len(named) == 1 else None
        return mention if mention is not None and self.types.get(mention[2]) == "Organization" else None

    def _for_object_pronoun(self, tok: Token, found: list[tuple[int, str]]) -> list[tuple[int, str]]:
        """'Didi delisted from the NYSE, and the CAC fined it': the names an object pronoun may stand for, ranked. It
        is never its own verb's (nearest) subject, and stands for a name of its sentence rather than of an earlier
        one, for one that was a subject or an object rather than one inside a phrase (nearest first within each)."""
        verb = _verb_with_its_subject(tok.head)  # ('SAMR ordered X to …, and fined it': the first verb's subject)
        # (the nearest subject: the small model may give the verb the first clause's subject as well)
        nsubj = [c for c in verb.children if c.dep_ == "nsubj" and c.i < tok.i]
        own = self.ent(nsubj[-1]) if nsubj else None
        # (nor a name inside a description of that subject: 'Douyin, the app owned by ByteDance, has overtaken it';
        # but 'Meituan, which bought Mobike, shut it', "Sogou's new owner Tencent closed it")
        inside = {
            k.i
            for d in (nsubj[-1].children if nsubj else ())
            if d.dep_ in ("appos", "acl") and not any(r.dep_ == "relcl" for r in d.subtree)
            for k in d.subtree
        }
        here = self.sent_index[tok.i]
        return sorted(
            (f for f in found if (own is None or f[1] != own.key) and f[0] not in inside),
            key=lambda f: (
                self.sent_index[f[0]] != here,
                self.mention_head[self._mention_at(f[0])].dep_ not in _CORE_DEPS,
            ),
        )

    def _nearest_subject(self, found: list[tuple[int, str]]) -> tuple[int, str] | None:
        """Of the recent names, nearest first, the nearest sentence's subject, its main clause's before any other
        ('Tongcheng was formed when Tongcheng Network merged with eLong. Its shareholders …': Tongcheng)."""
        subjects = [f for f in found if self.is_subject[f[0]]]
        if not subjects:
            return None
        here = self.sent_index[subjects[0][0]]
        main = next((f for f in subjects if self.sent_index[f[0]] == here and self._in_main_clause(f[0])), None)
        return main or self._owner_of_main_subject(here, found) or subjects[0]

    def _owner_of_main_subject(self, sentence: int, found: list[tuple[int, str]]) -> tuple[int, str] | None:
        """The name owning a sentence's main subject when that subject is no name ('Keeta's model … has shaken up
        Saudi Arabia, where Talabat does not operate. There it competes …': Keeta, not the clause's Talabat)."""
        root = self.parsed.sents[sentence].root
        subject = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None or self.tok_mention[subject.i] is not None:
            return None
        owners = {m[0] for c in subject.children if c.dep_ == "poss" and (m := self.tok_mention[c.i]) is not None}
        return next((f for f in found if f[0] in owners), None)

    def _in_main_clause(self, i: int) -> bool:
        """Whether the name at token ``i`` hangs on its sentence's main verb, or a verb conjoined to it."""
        verb = first_conjunct(self.mention_head[self._mention_at(i)].head)
        return verb.dep_ == "ROOT"

    def _subject_here(self, key: str, kind: str, sentence: int) -> bool:
        """Whether any name of ``key`` is a subject in the sentence ('Dewu, known as Poizon, was spun out …': the
        nearest name, Poizon, is not; Dewu is)."""
        return any(
            k == key and self.sent_index[start] == sentence and self.is_subject[start]
            for start, k in self.by_type[kind]
        )

    def _referring_subject(self, tok: Token, since: int) -> list[Arg]:
        """What the subject of the nearest earlier sentence after sentence ``since`` stands for, when that subject
        is a reference ('it', 'the company') resolved to one organization (else [])."""
        for k in range(self.sent_index[tok.i] - 1, max(since, -1), -1):
            root = self.parsed.sents[k].root
            subject = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subject is None or self.tok_mention[subject.i] is not None or root.lemma_ == "be":
                continue  # ('It is not X's first tilt at …': an 'it' of a copula may stand for nothing)
            phrase = self.parsed.text_of(self.doc[subject.left_edge.i : subject.i + 1]).lower()
            refers = phrase in lx.SINGLE_REFS or self._unit_reference(subject, phrase)
            if refers and len(resolved := self._resolve(subject)) == 1:
                return resolved
            return []
        return []

    def _resolve_unit(self, tok: Token, phrase: str) -> list[Arg]:
        """'the JD.com subsidiary': the unit of that organization read last; 'the unit' alone: a unit in view."""
        parents = [m for c in tok.children if c.dep_ in ("compound", "nmod") and (m := self.tok_mention[c.i])]
        alone = len(phrase.split()) == 2
        unit = self.units.get(parents[0][2]) if parents else (self._unit_in_view(tok) if alone else None)
        return [Arg(unit.key, unit.span, unit.type, "coref:" + phrase)] if unit and unit.key not in self.exclude else []

    def _unit_in_view(self, tok: Token) -> Arg | None:
        """'the unit' alone ('…, its logistics arm. The unit operates …'): of the units read so far, those named
        in its sentence or the three before, the one named most often so far (the nearest of equals), else None."""
        limit = self.sent_first[max(self.sent_index[tok.i] - 3, 0)]
        named = [(i, k) for i, k in self.by_type["Organization"] if i < tok.i and k in self.units_read]
        in_view = {k for i, k in named if i >= limit}
        if not in_view:
            return None
        times = {k: [i for i, key in named if key == k] for k in in_view}
        return self.units_read[max(in_view, key=lambda k: (len(times[k]), times[k][-1]))]

    def _unlisted(self, tok: Token, kind: str, found: list[tuple[int, str]]) -> list[tuple[int, str]]:
        """'Cornerstone investors, including GIC, Hillhouse and UBS, took up … Zhu, who founded the company': of the
        recent names, those a singular description may name, which no one name of a list is."""
        if tok.pos_ == "PRON" or kind != "Organization":
            return found
        return [f for f in found if not self._listed_with_others(f[0])]

    def _listed_with_others(self, i: int) -> bool:
        """Whether the name at token ``i`` is one of a coordinated list of names ('GIC, Hillhouse and UBS')."""
        m = self.tok_mention[i]
        head = self.mention_head[m] if m is not None else self.tokens[i]
        return any(self.tok_mention[c.i] not in (None, m) for c in head.conjuncts)

    @staticmethod
    def _unit_reference(tok: Token, phrase: str) -> bool:
        """'the unit', 'the subsidiary', 'the arm': a reference to the unit read last."""
        return phrase.split()[:1] == ["the"] and lx.REL_NOUNS.get(tok.lemma_.lower(), ("",))[0] == "part_of"

    def _authority_description(self, tok: Token) -> bool:
        """'China's top market regulator', 'Saudi Arabia's competition watchdog', 'the commission', 'the country's
        central bank': a common noun naming an authority, with nothing named in it but a place ('the authority to
        approve deals' is a power, not a body)."""
        lemma = tok.lemma_.lower()
        return (
            tok.pos_ == "NOUN"
            and self.tok_mention[tok.i] is None
            and (
                lemma in lx.AUTHORITY_NOUNS
                or (lemma == "bank" and any(c.dep_ == "amod" and c.lower_ == "central" for c in tok.children))
            )
            and not any(c.dep_ in ("acl", "relcl", "xcomp") for c in tok.children)
            and not any(
                (m := self.tok_mention[t.i]) is not None and self.types.get(m[2]) != "Place"
                for t in self.doc[tok.left_edge.i : tok.i]
            )
            # ('was fined by French authorities': a country's authorities together are none of its named bodies)
            and not (tok.tag_ == "NNS" and any(c.dep_ == "amod" and c.ent_type_ == "NORP" for c in tok.children))
        )

    def _authority_named_near(self, tok: Token) -> int | None:
        """Where the authority a description stands for is named: the nearest authority named in its sentence or the
        four before; else the first in the two after (a lede describes, the next sentence names: 'China's top market
        regulator fined … The State Administration for Market Regulation said …'); else the article's only one."""
        here = self.sent_index[tok.i]
        named = [(start, key) for start, key in self.by_type["Organization"] if self.kinds.get(key) == "authority"]
        before = [(s, k) for s, k in named if s < tok.i and here - self.sent_index[s] <= 4]
        after = [(s, k) for s, k in named if s > tok.i and self.sent_index[s] - here <= 2]
        if before:
            return before[-1][0]
        if after:
            return after[0][0]
        return named[0][0] if len({k for _, k in named}) == 1 else None

    def _organization_description(self, tok: Token, words: list[str]) -> bool:
        """'the Hangzhou-based company', 'the e-commerce giant', 'the short-video platform': a definite singular
        description of a kind of company that names none (it refers like 'the company')."""
        return (
            words[:1] == ["the"]
            and _kind_of_company(tok)
            # as a subject it continues the topic; as an object it may not (but 'from the chain's founder' who sells
            # its shares is the chain's)
            and (tok.dep_ in ("nsubj", "nsubjpass") or self._company_of_shares_sold_by(tok) is not None)
            # (',' before it: '99, the ride-hailing company owned by Didi' describes the name beside it)
            and not (tok.left_edge.i > 0 and self.tokens[tok.left_edge.i - 1].text == ",")
            and not any(
                (m := self.tok_mention[t.i]) is not None and self.types.get(m[2]) != "Place"
                for t in self.doc[tok.left_edge.i : tok.i + 1]
            )
            and not any(c.dep_ == "prep" for c in tok.children)  # 'the company behind X', 'the unit of Y'
        )

    @staticmethod
    def _clause_subject(tok: Token) -> tuple[Token, Token | None]:
        """The verb of a pronoun's clause and that clause's subject (None if it has none); a conjoined verb's is
        the first verb's ('The group owns X and has been spending on its brand')."""
        h = tok.head
        while h.pos_ not in ("VERB", "AUX") and h.head.i != h.i:
            h = h.head
        subject = next((c for c in h.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None and h.dep_ == "conj" and h.head.pos_ in ("VERB", "AUX"):
            subject = next((c for c in h.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        return h, subject

    def _relative_head(self, tok: Token) -> Token | None:
        """The noun a relative clause describes, when the pronoun sits in that clause and 'which'/'that' is
        the clause's subject (for 'its', of the clause's first verb too: 'X, which sold Y to Z and has grown under W,
        its chief executive')."""
        h, subj = self._clause_subject(tok)
        if (
            subj is not None
            and h.dep_ == "conj"
            and subj.head.i == h.head.i
            and subj.tag_ == "WDT"
            and tok.dep_ == "poss"
        ):
            h = h.head  # (not 'X, who took over A and serves as its chairman', nor 'which spun off A and controls it')
        if subj is None or subj.tag_ not in ("WDT", "WP") or h.dep_ != "relcl" or not self.tok_mention[h.head.i]:
            return None
        return h.head

    def _clause_description(self, tok: Token) -> Token | None:
        """The description that is the subject of a pronoun's clause, if the subject is one."""
        _, subj = self._clause_subject(tok)
        if subj is None or subj.i > tok.i or self.tok_mention[subj.i]:
            return None
        words = self.parsed.text_of(self.doc[subj.left_edge.i : subj.i + 1]).lower().split()
        return subj if self._organization_description(subj, words) else None

    def _group_leaders(self, group: Token, led: Token) -> list[Arg]:
        """Who leads a body of investors, as members of it: 'a group of investors (a consortium, its shareholders)
        led by A and B', 'a Tencent-led consortium'; none for lenders ('a Goldman-led syndicate of banks')."""
        if led.lemma_.lower() != "lead" or group.lemma_.lower() not in lx.INVESTOR_GROUPS:
            return []
        if any(p.lemma_.lower() in _LENDER_NOUNS for p in _pobjs((group,), ("of",))):
            return []
        leaders = (
            [p for g in led.children if g.dep_ == "agent" for p in g.children if p.dep_ == "pobj"]
            if led.dep_ == "acl"
            else [g for g in led.children if g.dep_ in ("npadvmod", "compound", "nmod") and g.i < led.i]
        )
        return [
            dataclasses.replace(a, member=True)
            for p in leaders
            for a in self.expand(p, refs=False)
            if a.type in ("Organization", "Person")
        ]

    def plural_reference(self, tok: Token) -> list[Arg]:
        """'the platforms', 'the companies', 'their': the latest list of organizations before it, in its sentence
        or the one before ([] for anything else)."""
        words = self.parsed.text_of(self.doc[tok.left_edge.i : tok.i + 1]).lower().split()
        plural_description = (
            words[:1] == ["the"] and tok.tag_ == "NNS" and lx.CATEGORY_TYPES.get(tok.lemma_.lower()) == "Organization"
        )
        if not (plural_description or tok.lower_ == "their"):
            return []
        limit = self.sent_first[max(self.sent_index[tok.i] - 1, 0)]
        listed = [members for start, members in self.lists if limit <= start < tok.i and len(members) >= 2]
        members = listed[-1] if listed else []
        return [Arg(a.key, a.span, a.type, "coref:" + " ".join(words)) for a in members if a.type == "Organization"]

    def _resolve_list(self, tok: Token, n: int, phrase: str) -> list[Arg]:
        """'all six', 'the three': the latest list of that many names before it, within two sentences."""
        limit = self.sent_first[max(self.sent_index[tok.i] - 2, 0)]
        starts = [i for i, _ in self.lists]
        k = bisect.bisect_left(starts, tok.i) - 1
        while k >= 0 and self.lists[k][0] >= limit:
            members = self.lists[k][1]
            if len(members) == n:
                return [Arg(a.key, a.span, a.type, "coref:" + phrase) for a in members]
            k -= 1
        return []

    # --- arguments --------------------------------------------------------------------------
    def expand(self, tok: Token, refs: bool = True) -> list[Arg]:
        """The entities a noun phrase names: itself, its conjuncts, its examples, its 'of' argument."""
        out: list[Arg] = []
        for t in (tok, *tok.conjuncts, *self._added_as_well_as(tok), *self._listed_past_a_ticker(tok)):
            # 'Supercell, the Clash of Clans maker owned by X': an appositive describes the name it follows, though a
            # name inside it qualifies its noun
            describes = t.dep_ == "appos" and self.tok_mention[t.i] is None and self.tok_mention[t.head.i]
            if named := self._missed_appositive(t):
                out.extend(named)
                continue
            a = None if describes else self.ent(t)
            if a and tok.dep_ not in ("poss", "nmod") and (possessed := self._possessed_name(t)) is not None:
                out.append(possessed)  # 'competes with iFood and DiDi Global's 99Food': 99Food, not DiDi
                continue
            if a:
                out.append(a)
                out.extend(self._listed_before_place(t))
                out.extend(self._list_as_appositive(t))
                continue
            found = False
            if t.tag_ == "WP$" and (whose := self._whose(t, refs)) is not None:
                out.extend(whose)
                continue
            rel = t.head.head if t.head.dep_ == "prep" else t.head  # 'a company that X invested in'
            while rel.dep_ == "xcomp" and t.dep_ in ("dobj", "pobj"):
                rel = rel.head  # 'the platform that X agreed to buy'
            if t.tag_ in ("WDT", "WP") and rel.dep_ == "conj" and (first := first_conjunct(rel)).dep_ == "relcl":
                rel = first  # 'X, whose largest shareholder is Y and which counts Z as an investor': X
            if (
                t.lower_ in ("both", "all", "each")
                and rel.dep_ == "relcl"
                and any(p.tag_ in ("WDT", "WP") for c in t.children if c.lower_ == "of" for p in c.children)
                and t.i >= 1
                and len(listed := _names_listed_before(self, t.i - 1)) > 1
            ):
                out.extend(listed)  # 'A and B, both of which debuted on Y': every name of the list
                continue
            if t.tag_ in ("WDT", "WP") and rel.dep_ == "relcl":  # 'X, which/who …'
                out.extend(self._relative_antecedents(t, rel, refs))
                continue
            if t.lower_ in ("both", "all", "each") and t.dep_ == "appos" and self.tok_mention[t.head.i]:
                out.extend(self.expand(t.head, refs))  # 'A and B, both backed by X': every name of the list
                continue
            if t.dep_ == "appos" and (described := self._described_by_appositive(t)):
                out.extend(described)
                continue
            if (
                t.tag_ == "NNS"
                and t.lemma_.lower() in lx.BUSINESS_KINDS
                and (listed := _names_listed_before(self, t.i))
            ):
                out.extend(listed)  # 'owns the Taobao and Tmall marketplaces'
                continue
            if t.dep_ == "attr" and t.head.lemma_ == "be" and any(c.dep_ == "relcl" for c in t.children):
                # 'X is a company that Y invested in': the predicate noun is X
                out.extend(a for c in t.head.children if c.dep_ == "nsubj" for a in self.expand(c, refs))
                continue
            for ch in t.children:
                if ch.dep_ == "acl" and ch.lemma_.lower() in lx.NAMING_VERBS:  # 'a campaign called X'
                    named = [a for g in ch.children if g.dep_ in ("oprd", "dobj", "attr") if (a := self.ent(g))]
                    out.extend(named)
                    found = found or bool(named)
                elif (ch.dep_ == "prep" and ch.lower_ in lx.EXAMPLE_PREPS) or (
                    ch.dep_ == "prep" and ch.lower_ == "of" and t.lemma_.lower() in lx.PASS_THROUGH
                ):
                    for p in ch.children:
                        if p.dep_ == "pobj":
                            out.extend(self.expand(p, refs))
                            found = True
                elif ch.dep_ in ("acl", "amod") and (leaders := self._group_leaders(t, ch)):
                    out.extend(leaders)
                    found = True
                elif ch.dep_ == "appos":
                    # 'two startups: A and B', 'two apps — A and B —': the appositive and its conjuncts
                    named = [a for c in (ch, *ch.conjuncts) if (a := self.ent(c))] if self.ent(ch) else []
                    out.extend(named if t.tag_ == "NNS" else named[:1])
                    found = found or bool(named)
            if not found and (named_next := self._kind_then_name(t)) is not None:
                out.append(named_next)  # 'release the game Where Winds Meet', its title parsed as a clause
                continue
            if not found and t.tag_ == "NNS" and (listed := self._dash_list(t)):
                out.extend(listed)
                continue
            if not found and refs:
                out.extend(self.resolve(t))
        return out

    def _appointer(self, tok: Token) -> list[Arg] | None:
        """Who appoints, when ``tok`` is the possessor of the post an appointment gives ('Kuka Home named Feng, a
        former Midea executive, as its chief executive': Kuka Home, not the company the aside names), also when the
        parser reads the verb as a clause on the appointer ('Kuka Home, China's biggest sofa maker, on Thursday
        named …'); [] when a description of a company stands for no one organization; None for anything else (a
        person who appoints, a board, no appointment): then 'its' is read as before."""
        post, prep = tok.head, tok.head.head
        if not (post.dep_ == "pobj" and prep.lower_ == "as" and prep.dep_ == "prep"):
            return None
        verb = _verb_of_as(prep)
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in lx.APPOINT_VERBS:
            return None
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        if (
            not subjects
            and verb.dep_ in ("relcl", "acl")
            and verb.tag_ == "VBN"
            and not any(c.dep_ in ("nsubjpass", "agent") for c in verb.children)
        ):
            subjects = [verb.head]  # (not 'X, named by the board as its chair': a participle of the one appointed)
        if len(subjects) != 1:
            return None
        subject = subjects[0]
        if subject.lemma_.lower() in ("board", "director") and (owner := possessors(subject)):
            subject = owner[0]  # "Xpeng's board named Li Hua as its chief executive": Xpeng appoints
        if self.tok_mention[subject.i] is not None or subject.pos_ == "PRON":
            named = self.expand(subject, refs=subject.pos_ == "PRON")
            return named if len(named) == 1 and named[0].type == "Organization" else None  # (a person: as before)
        if not _kind_of_company(subject):
            return None  # 'its board named …', 'the committee named …': read as before
        # ('the Hangzhou-based company named …': a description stands for what it resolves to, or for no one)
        named = self.resolve(subject)
        return named if len(named) == 1 and named[0].type == "Organization" else []

    def _controlling_object(self, tok: Token) -> list[Arg]:
        """What the object of a verb of object control whose infinitive holds ``tok`` stands for ('pressing Baidu
        (the Chinese search group) to hand shareholders a slice of its unit': Baidu), when it names or describes one
        organization, a description being the nearest company named before it that is not the verb's subject; []
        where the infinitive has a subject of its own ('asked for Meituan to cut its fees' reads as parsed)."""
        clause = next((a for a in tok.ancestors if a.dep_ in ("xcomp", "ccomp")), None)
        if clause is None or any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children):
            return []
        verb = clause.head
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in lx.OBJECT_CONTROL:
            return []
        obj = next((c for c in verb.children if c.dep_ == "dobj" and c.i < clause.i), None)
        if obj is None or obj.conjuncts:
            return []
        if (m := self.tok_mention[obj.i]) is not None:
            return [self._arg(m)] if self.types.get(m[2]) == "Organization" else []
        if not (_kind_of_company(obj) and any(c.dep_ == "det" and c.lower_ == "the" for c in obj.children)):
            return []
        doers = {a.key for a in self.subjects(verb)}
        nearest = next((f for f in self._recent(obj, 4, back=1) if f[1] not in doers), None)
        return [self._arg(self._mention_at(nearest[0]))] if nearest is not None else []

    def _whose(self, t: Token, refs: bool) -> list[Arg] | None:
        """What 'whose' stands for: 'X, whose largest shareholder is Y': X; the name before the comma when the parse
        loses the relative clause or hangs it on the noun before ('the agreement with Geely, whose brands include
        …'); None when there is no relative clause and no name before."""
        clause = next((a for a in t.ancestors if a.dep_ == "relcl"), None)
        named = self.expand(clause.head, refs) if clause is not None else []
        set_off = t.i >= 2 and self.tokens[t.i - 1].text in (",", "—", "–")
        if not named and set_off and (owner := self.ent(_before_aside(self, t.i - 2))) is not None:
            named = [owner]
        return named if clause is not None or named else None

    def _relative_antecedents(self, t: Token, rel: Token, refs: bool) -> list[Arg]:
        """What the relative pronoun ``t`` of the clause ``rel`` stands for ('X, which/who …')."""
        singular = rel.tag_ == "VBZ" or any(c.tag_ == "VBZ" for c in rel.children if c.dep_ in ("aux", "auxpass"))
        plural = rel.tag_ == "VBP" or any(c.tag_ == "VBP" for c in rel.children if c.dep_ in ("aux", "auxpass"))
        # 'A and B, which both backed X': every name of the list before the comma, however parsed
        each = any(c.lower_ in ("both", "each", "all") and c.i < rel.i for c in rel.children)
        if each and t.i >= 1 and len(listed := _names_listed_before(self, t.i - 1)) > 1:
            return listed
        # 'A and B, which it acquired in 2023': a relative set off after a list is about its last name
        # unless its verb is plural ('A and B, which are …')
        if t.lower_ == "who" and not plural and (person := self._person_described(rel.head)):
            return person
        if t.lower_ == "which" and (described := self._described_past_its_agent(rel.head)):
            return described  # ('which' is no person: the small model may hang its clause on a participle's agent)
        if not plural and (nearest := self._listed_just_before(t, rel.head, listed_only=False)):
            return nearest
        if t.lower_ == "who" and (person := self._person_before_comma(t, rel.head)):
            return person  # 'At the conference, Wu, who also chairs X, …': who is a person
        if singular and (a := self.ent(rel.head)) is not None:
            return [a]  # 'A and B, who serves as president': B alone
        if t.dep_ == "nsubj" and (named := self._named_in_phrase_before(t, rel.head)):
            return named
        return self.expand(rel.head, refs)

    def _described_past_its_agent(self, person: Token) -> list[Arg]:
        """'Shunwei Capital, the venture firm co-founded by Lei Jun, which backed Kingsmith': the organization a
        participle describes, when ``person`` is that participle's agent; [] for anything else."""
        named = self.ent(person)
        if named is None or named.type != "Person" or person.dep_ != "pobj" or person.head.dep_ != "agent":
            return []
        participle = person.head.head
        if participle.dep_ != "acl":
            return []
        described = participle.head
        if self.tok_mention[described.i] is None and described.dep_ == "appos":
            described = described.head  # ('X, the venture firm co-founded by Y': the name the description is of)
        organization = self.ent(described)
        return [organization] if organization is not None and organization.type == "Organization" else []

    def _possessed_name(self, t: Token) -> Arg | None:
        """'competes with iFood and DiDi Global's 99Food', 'with Zara, H&M and Amazon's low-price Haul storefront':
        the name a possessor the parse took for an argument itself (a conjunct or an object with its "'s", reached
        from an argument, not from a possessor) owns, written in the noun phrase right after the "'s"; None when no
        name follows ('with Amazon's cloud unit' leaves Amazon to the caller)."""
        if t.dep_ in ("poss", "nmod") or not any(c.dep_ == "case" and c.tag_ == "POS" for c in t.children):
            return None
        m = self.tok_mention[t.i]
        end = m[1] if m is not None else t.i + 1
        for k in range(end + 1, min(end + 6, len(self.tokens))):
            nxt = self.tokens[k]
            if (n := self.tok_mention[k]) is not None and n != m:
                return self._arg(n)
            if (nxt.is_punct and nxt.text not in ("-", "–")) or nxt.pos_ in ("CCONJ", "ADP", "VERB", "AUX", "PRON"):
                return None
        return None

    def _missed_appositive(self, t: Token) -> list[Arg]:
        """'worked at Mojang, the Minecraft developer', 'PayPay, the payments app backed by X, has said …': the name
        a description set off by a comma right after it describes, when the parse hangs the description beside the
        name (on the name's own head) rather than on it; [] for anything else."""
        if (
            t.pos_ != "NOUN"
            or self.tok_mention[t.i] is not None
            or not any(c.dep_ == "det" and c.lower_ in lx.ARTICLES for c in t.children)
        ):
            return []
        if t.dep_ == "npadvmod" or (
            # (not after a named object: 'adopted Matter, the standard backed by …' is read as it is parsed)
            t.dep_ == "dobj"
            and not any(c.dep_ == "dobj" and c.i < t.i and self.tok_mention[c.i] for c in t.head.children)
        ):
            named = self._named_before_comma(t.left_edge, t.head)
        elif t.dep_ == "nsubj" and lx.CATEGORY_TYPES.get(t.lemma_.lower()) == "Organization":
            # (the name, read as a clause of its own, stands before the subject; not 'In Brazil, the company …')
            k = t.left_edge.i - 1
            m = self.tok_mention[k - 1] if k >= 1 and self.tokens[k].text == "," else None
            name = self._arg(m) if m is not None else None
            head = self.mention_head[m] if m is not None else None
            named = (
                [name] if name and head is not None and head.head.i == t.head.i and name.type == "Organization" else []
            )
        else:
            return []
        return named if named and self._attached_to(named[0], t.head) else []

    def _kind_then_name(self, t: Token) -> Arg | None:
        """'the game Where Winds Meet', 'the model Kimi K2': a product's kind right before its name, read on the
        tokens when the small model parses a title that reads as a clause ('Where Winds Meet') as a clause on the
        kind; only a name wholly inside the kind's phrase."""
        if t.tag_ != "NN" or t.lemma_.lower() not in lx.PRODUCT_NOUNS or t.i + 1 >= len(self.tokens):
            return None
        m = self.tok_mention[t.i + 1]
        if m is None or m[0] != t.i + 1:
            return None
        k = t.i + 1
        while k < len(self.tokens) and self.tok_mention[k] == m:
            if not t.left_edge.i <= k <= t.right_edge.i:
                return None
            k += 1
        return self._arg(m)

    def _added_as_well_as(self, tok: Token) -> list[Token]:
        """'against Mercado Libre, whose arm runs a dozen centers, as well as Amazon': a name added after a comma by
        'as well as' that the small model reads as a preposition and hangs inside the phrase of ``tok`` (its
        relative clause); not 'whose arm serves Amazon as well as eBay' (no comma: the clause's own list)."""
        tokens = self.tokens
        return [
            p
            for i in range(tok.i + 2, tok.right_edge.i)
            if tokens[i].lower_ == "as"
            and tokens[i].dep_ == "cc"
            and tokens[i - 1].lower_ == "well"
            and tokens[i - 3].text == ","
            and tokens[i].head.i != tok.i
            for p in tokens[i].children
            if p.dep_ == "pobj" and self.tok_mention[p.i]
        ]

    def _listed_past_a_ticker(self, tok: Token) -> list[Token]:
        """'competes with Huawei, Apple, Xiaomi (HKEX: 1810), Oppo and Vivo': the names that go on with the list of
        ``tok`` after a ticker's bracket, which the small model hangs on the clause as conjuncts of its verb."""
        last = max((tok, *tok.conjuncts), key=lambda t: t.i)
        named = self.tok_mention[last.i]
        if named is None or named[1] not in self.tickers:
            return []  # (no ticker's bracket after the list's last name: the common case, on expand's path)
        closing = next(k for k, first in self.ticker_opening.items() if first == named[1])
        if closing + 2 >= len(self.tokens) or self.tokens[closing + 1].text != ",":
            return []
        nxt = self.tokens[closing + 2]
        # (read as a conjunct, or hung anywhere but as a subject or a modifier when the list had begun: it goes on)
        joined = nxt.dep_ == "conj" or (
            last.i != tok.i and nxt.dep_ not in ("nsubj", "nsubjpass", "poss", "compound", "amod", "nmod")
        )
        if not joined or not self.tok_mention[nxt.i] or last.i in (a.i for a in nxt.ancestors):
            return []
        return [nxt, *nxt.conjuncts]

    def _dash_list(self, t: Token) -> list[Arg]:
        """'the three largest platforms — A, B and C —', 'two rivals: A and B': the names a dash or colon lists
        right after a plural noun (the small model hangs the list anywhere); [] unless only names, commas and
        'and'/'or' stand between the mark and the next dash or the end of the sentence."""
        i = t.i + 1
        if i >= len(self.tokens) or self.tokens[i].text not in ("—", "–", "--", ":"):
            return []
        end = self.parsed.sents[self.sent_index[t.i]].end
        names, stop = _names_read_on(self, i + 1, (",", "and", "or"), end)
        closed = stop == end or self.tokens[stop].text in ("—", "–", "--", ".", ";")
        return names if closed and len(names) >= 2 else []

    def _listed_just_before(self, t: Token, head: Token, listed_only: bool = True) -> list[Arg]:
        """The one name of the list headed by ``head`` that stands right before ``t`` ('A, owned by X, and B, run
        by Y'; 'A, B and C, the platform owned by Y'): a modifier set off by commas inside or at the end of a
        list is about the name it follows (the small model hangs it on the list's head); [] when no listed name
        stands there, or (``listed_only``) when ``head`` heads no list."""
        if listed_only and not head.conjuncts:
            return []
        k = t.i - 1
        while k >= 0 and self.tokens[k].is_punct:
            k -= 1
        if k < 0 or k == t.i - 1 or not self.tok_mention[k]:
            return []
        m = self._mention_at(k)
        name_head = self.mention_head[m]
        # ('A, B, which is owned by Y': the small model may read the second name as the first's appositive)
        if (
            name_head.i != head.i
            and name_head not in head.conjuncts
            and not (name_head.dep_ == "appos" and name_head.head.i == head.i)
        ):
            return []
        return [self._arg(m)]

    def _described_by_appositive(self, t: Token) -> list[Arg]:
        """The names an appositive noun describes: 'X, the company that …' (what it stands in apposition to, or the
        name right before its comma, or the last of a list); 'to counter Temu, the discount marketplace owned by Y'
        with the appositive hung on a word further back: the name before its comma ([] when none)."""
        if not self.tok_mention[t.head.i]:
            # (not a name conjoined to that word: 'its Monee fintech arm and Garena, the games unit' is for the
            # relational-noun rule to read)
            named = self._named_before_comma(t.left_edge, t.head) if t.tag_ == "NN" else []
            return [a for a in named if not any(a.span[0] <= c.idx < a.span[1] for c in t.head.conjuncts)]
        listed = self._listed_just_before(t.left_edge, t.head) if t.tag_ == "NN" else []
        return listed or self._named_before_comma(t.left_edge, t.head) or [self._arg(self._mention_at(t.head.i))]

    def _named_before_comma(self, first: Token, head: Token) -> list[Arg]:
        """'ByteDance agreed to pay … for a stake in Tokopedia, the marketplace controlled by GoTo': an appositive
        set off by a comma describes the name right before the comma, though the small model may hang it on a name
        further back; [] when no name stands there or it is the parse's own."""
        k = first.i - 1
        if k < 1 or self.tokens[k].text != "," or not self.tok_mention[k - 1] or k - 1 < head.i:
            return []
        m = self._mention_at(k - 1)
        return [] if self.tok_mention[head.i] == m else [self._arg(m)]

    def _described_after_comma(self, noun: Token) -> list[Arg]:
        """The name a description with its article, set off by a comma right after that name (or its closing
        quote), describes, however the small model hangs it; [] for a name or a noun with no article."""
        first = noun.left_edge.i
        if (
            noun.pos_ != "NOUN"
            or self.tok_mention[noun.i]
            or not any(c.dep_ == "det" and c.lower_ in lx.ARTICLES for c in noun.children)
            or (m := self._mention_before_comma(first)) is None
            # (past a ticker, or a one-word native name in brackets: 'Zhuanzhuan (转转), the platform backed by …')
            or (
                m[1] < first - 2
                and first - 2 not in self.ticker_opening
                and not one_word_bracket(self.tokens, first - 4)
            )
        ):
            return []
        return [self._arg(m)]

    def _described_beyond_place(self, v: Token) -> Token | None:
        """'Dreame, another Xiaomi-backed company from Suzhou, founded by Yu Hao in 2015, …': a participle set off by
        a comma that the small model hangs on the place ending an appositive describes the appositive's name; None
        for a place the sentence is about ('moved to Shenzhen, founded as a special zone in 1980')."""
        place, prep = v.head, v.head.head
        if not (v.i > 0 and self.tokens[v.i - 1].text == "," and place.dep_ == "pobj" and prep.dep_ == "prep"):
            return None
        m = self.tok_mention[place.i]
        noun = prep.head
        if m is None or self.types.get(m[2]) != "Place" or noun.pos_ != "NOUN" or noun.dep_ != "appos":
            return None
        return noun.head if self.tok_mention[noun.head.i] is not None else None

    def _person_before_comma(self, t: Token, head: Token) -> list[Arg]:
        """The person named right before the comma that opens a 'who' clause the small model hangs elsewhere."""
        named = self._named_before_comma(t, head)
        return named if named and named[0].type == "Person" and self.ent(head) != named[0] else []

    def _person_described(self, head: Token) -> list[Arg]:
        """'founded by Cao Xudong, a former researcher at Microsoft Research Asia and SenseTime, who remains chief
        executive': a 'who' clause the small model hangs on a company inside a person's description is the person's
        (up from the company through its preposition and the appositive to the person named)."""
        if (a := self.ent(head)) is None or a.type == "Person":
            return []
        person = self._person_describing(head)
        return _named((self.ent(person),)) if person is not None else []

    def _person_describing(self, head: Token) -> Token | None:
        """The person whose description holds the name ``head`` ('Cao Xudong, a former researcher at Microsoft
        Research Asia'), or None."""
        h = head
        for _ in range(6):
            if h.dep_ not in ("pobj", "prep", "conj", "appos") or h.head.i == h.i:
                return None
            step, h = h.dep_, h.head
            if (a := self.ent(h)) is not None and a.type == "Person":
                return h if step == "appos" else None  # (not 'Neil Shen and Sequoia China, who …': a list)
        return None

    def _named_in_phrase_before(self, t: Token, head: Token) -> list[Arg]:
        """'Revenue at Sea, which also owns Garena, …', 'shares of Tencent, which owns …': a relative subject set
        off by a comma is the name right before it when that name is the object of a preposition on the word the
        small model hangs the clause on, and that word is no name."""
        named = [] if self.tok_mention[head.i] else self._named_before_comma(t, head)
        if not named:
            return []
        name_head = self.mention_head[self._mention_at(t.i - 2)]
        on_head = name_head.dep_ == "pobj" and name_head.head.dep_ == "prep" and name_head.head.head.i == head.i
        return named if on_head else []

    def _attached_to(self, a: Arg, v: Token) -> bool:
        """Whether the parse hangs the name on ``v``, itself, through a preposition or through an open complement of
        ``v`` ('fined Temu', 'worked at Mojang', 'spent heavily to counter Temu')."""
        span = self.doc.char_span(a.span[0], a.span[1], alignment_mode="expand")
        h = span.root.head if span is not None else None
        if h is not None and h.dep_ == "prep":
            h = h.head
        if h is not None and h.dep_ == "xcomp":
            h = h.head
        return h is not None and h.i == v.i

    def _list_as_appositive(self, t: Token) -> list[Arg]:
        """'HongShan, Tencent, Alibaba and Geely are among …': the small model may make the list after the first
        name its appositive; a name with names (or other nouns) coordinated to it, set beside a name, lists them (an
        alias beside a name stands alone: 'Xiaohongshu, or RedNote')."""
        for c in t.children:
            if c.dep_ == "appos" and self.tok_mention[c.i] is not None and c.i > t.i:
                listed = [a for x in (c, *c.conjuncts) if (a := self.ent(x)) is not None]
                # ('stakes in Epic Games, Ubisoft and dozens of smaller developers': a list going on without names)
                head = self.ent(t)
                if len(listed) > 1 or (listed and c.conjuncts and head is not None and head.type == listed[0].type):
                    return listed
        return []

    def _listed_before_place(self, t: Token) -> list[Arg]:
        """'with Uber and Estonia's Bolt': the small model makes 'Uber and Estonia's' one possessor of Bolt; a
        country does not own jointly with a company, so Uber is listed beside Bolt. Likewise 'with Aramex and Saudi
        rival SMSA', parsed as one name."""
        out = []
        for c in t.children:
            if c.dep_ == "nmod" and c.i < t.i and any(k.dep_ == "cc" for k in c.children):
                if any(m.tag_ == "POS" for m in c.children):
                    continue  # 'Alibaba's and Ant's units'
                marked = [k for k in c.conjuncts if any(m.tag_ == "POS" for m in k.children)]
                # 'with Aramex and Saudi rival SMSA': nothing possessive, so a list the parser folded into one name;
                # 'with Meituan and Alibaba's Taobao Shangou': companies are not owned jointly (programmes are:
                # 'Meituan and Tencent's “Sky Bridge” project'), so Meituan is listed beside the unit
                owned = self.ent(t)
                if (owned is not None and owned.type == "Organization") or all(
                    (p := self.ent(k)) is not None and p.type == "Place" for k in marked
                ):
                    out += [a for k in (c, *c.conjuncts) if k not in marked and (a := self.ent(k)) is not None]
        return out

    def _after_comma_and(self, tok: Token) -> bool:
        """Whether the phrase of ``tok`` follows ', and'."""
        i = tok.left_edge.i
        return i >= 2 and self.tokens[i - 1].lower_ == "and" and self.tokens[i - 2].text == ","

    def coagents(self, *heads: Token, bare_with: bool = False) -> list[Arg]:
        """'(founded by) X together with Y', 'X, along with Y, (built …)': Y acts with X; with ``bare_with`` (a
        founding's agent: 'set up by X with Y') a plain 'with' says so too."""
        # ('together with': the small model may hang 'with' on the adverb)
        heads = (*heads, *(c for h in heads for c in h.children if c.lower_ in lx.COAGENT_ADVERBS))
        return [
            a
            for h in heads
            for c in h.children
            if (
                c.dep_ == "prep"
                and c.lower_ == "with"
                and (
                    bare_with
                    or h.lower_ in lx.COAGENT_ADVERBS
                    or any(m.lower_ in lx.COAGENT_ADVERBS for m in c.children if m.dep_ == "advmod")
                    or (c.i > 0 and self.tokens[c.i - 1].lower_ in lx.COAGENT_ADVERBS)
                )
            )
            for p in c.children
            if p.dep_ == "pobj"
            for a in self.expand(p, refs=False)
        ]

    def is_passive(self, v: Token) -> bool:
        return (
            any(c.dep_ in ("nsubjpass", "auxpass") for c in v.children)
            or (v.dep_ in ("acl", "amod") and v.tag_ == "VBN" and not _main_verb_as_modifier(v))
            or (
                v.dep_ in ("advcl", "csubj")  # ('Founded by X, a …, Y leases …': read as the verb's clausal subject)
                and v.tag_ == "VBN"
                and v.i < v.head.i
                and any(c.dep_ == "agent" for c in v.children)
            )
            # 'Founded in 2011 and backed by A, X grew': a participle with its agent conjoined to a fronted one
            or (
                v.dep_ == "conj"
                and v.tag_ in ("VBN", "VBD")
                and any(c.dep_ == "agent" for c in v.children)
                and not any(c.dep_ in ("nsubj", "aux") for c in v.children)
                and _fronted_participle(v.head)
            )
            # 'X has been majority-owned by Y': the small model reads a hyphenated participle as the copula's adjective
            or (v.dep_ == "acomp" and v.tag_ == "VBN" and any(c.dep_ == "agent" for c in v.children))
            # 'Xiaomi and Kingsoft, both chaired by Lei Jun, rose': a participle with its agent the small model reads
            # as a clause of its own, the name before it as its subject
            or (
                v.dep_ in ("ccomp", "ROOT")
                and v.tag_ == "VBN"
                and any(c.dep_ == "agent" for c in v.children)
                and not any(c.dep_ in ("aux", "auxpass") for c in v.children)
            )
            # 'which is controlled by X and run by Y': a participle conjoined to a passive shares its auxiliary;
            # 'X, founded by A and now run by B': or the participle it follows ('run' may be tagged as a base form)
            or (
                v.dep_ == "conj"
                and (v.tag_ in ("VBN", "VBD") or (v.tag_ == "VB" and v.lower_ == v.lemma_.lower()))
                and not any(c.dep_ in ("nsubj", "aux") for c in v.children)
                and (
                    (
                        v.tag_ != "VBD"
                        and any(c.dep_ == "agent" for c in v.children)
                        and (
                            any(c.dep_ in ("nsubjpass", "auxpass") for c in v.head.children)
                            or (v.head.dep_ in ("acl", "amod") and v.head.tag_ == "VBN")
                        )
                    )
                    # 'X was founded in 2010 and sold to Y in 2019': no agent, but no object either, of a verb that
                    # takes one (the small model may read 'sold' as a past tense)
                    or (
                        v.tag_ in ("VBN", "VBD")
                        and v.lemma_.lower() in _OBJECT_TAKING_VERBS
                        and not any(c.dep_ == "dobj" for c in v.children)
                        and any(c.dep_ in ("nsubjpass", "auxpass") for c in v.head.children)
                    )
                )
            )
        )

    def _titled_person(self, tok: Token) -> Token | None:
        """The person named right after the organization at ``tok`` and a run of its titles ('founded by Ctrip
        co-founder Ji Qi', 'led by Alibaba chief executive Eddie Wu'), where the small model may head the phrase
        with the organization and hang the person apart; None when no such person follows."""
        org = self.tok_mention[tok.i]
        if org is None or self.types.get(org[2]) != "Organization":
            return None
        end = org[1]
        while end < len(self.tokens) and end - org[1] < 6 and self.tok_mention[end] is None:
            end += 1
        person = self.tok_mention[end] if end < len(self.tokens) else None
        if person is None or self.types.get(person[2]) != "Person" or end == org[1]:
            return None
        if title_roles([t.text for t in self.tokens[org[1] : end]]) is None:
            return None
        return self.mention_head[person]

    def subjects(self, v: Token, depth: int = 0) -> list[Arg]:
        if depth > 4:
            return []
        if (named := self._subject_read_as_appositive(v)) is not None:
            # 'Onvo, the brand NIO launched in 2024': NIO read as the brand's appositive ('launched' as a participle,
            # 'the app ByteDance launched', is no passive)
            return self.expand(named)
        if self.is_passive(v):
            # 'was fined 26.7 billion won by X': the parser may hang the agent on the amount ('won' as a verb)
            amounts = [c for c in v.children if c.dep_ in ("dobj", "npadvmod") and any(t.like_num for t in c.subtree)]
            # 'founded in 1999 as Ctrip by James Liang', 'set up as a joint venture by X': or on what 'as' names
            named_as = [k for c in v.children if c.dep_ == "prep" and c.lower_ == "as" for k in c.children]
            by_after_as = [k for n in named_as for k in n.children if k.dep_ == "prep" and k.lower_ == "by"]
            for c in (*v.children, *(k for a in amounts for k in a.children), *by_after_as):
                if c.dep_ == "agent" or c in by_after_as:
                    agents = [self._titled_person(p) or p for p in c.children if p.dep_ == "pobj"]
                    found = [a for p in agents for a in self.expand(p)]
                    if v.dep_ == "acl" and v.i > 0 and self.tokens[v.i - 1].text == ",":
                        # 'A, owned by X, and B': ', and B' after a participle set off by commas goes on A's list
                        closing = [k.idx for p in agents for k in p.conjuncts if self._after_comma_and(k)]
                        found = [a for a in found if not closing or a.span[0] < min(closing)]
                    founding = cue_predicate(v) == "founded"
                    if founding and v.dep_ == "advcl" and v.i < v.head.i:
                        # 'Founded by X, a former engineer at Y, and Z, who …, W grew': the second founder hung on
                        # the fronted participle itself, or on the first one's appositive
                        described = [d for p in agents for d in p.children if d.dep_ == "appos"]
                        found += [
                            a
                            for k in (*v.children, *(k for d in described for k in d.children))
                            if k.dep_ == "conj"
                            and k.i > c.i
                            and (m := self.tok_mention[k.i])
                            and self.types.get(m[2]) == "Person"
                            for a in self.expand(k, refs=False)
                        ]
                    return found + self.coagents(v, *agents, bare_with=founding)
            return []
        # the nearest subject: 'Didi delisted …, and the following month the CAC fined it' may come parsed with
        # both names as subjects of 'fined'
        nsubj = [c for c in v.children if c.dep_ == "nsubj"]
        if nsubj:
            c = max(nsubj, key=lambda k: (k.i < v.i, k.i if k.i < v.i else -k.i))
            return self.expand(c) + self.coagents(v, c) + self._as_do_too(v)
        if (v.tag_ == "NNS" or v.pos_ == "VERB") and (named := _subject_read_as_compound(v)) is not None:
            return self.expand(named)  # 'Adyen competes with …' read as a noun phrase, or the name as its modifier
        if v.pos_ == "VERB" and (
            unlabelled := [
                c
                for c in v.children
                if c.dep_ in ("dep", "advmod", "npadvmod", "intj") and c.i < v.i and self.tok_mention[c.i]
            ]
        ):
            # 'PhonePe raised …' with the unknown name tagged NN, left unlabelled; 'Geely controls …' read as an adverb,
            # 'Beike competes …' as an interjection
            return self.expand(unlabelled[-1])
        h = v.head
        if v.dep_ == "conj" and h.dep_ == "xcomp" and v.tag_ != h.tag_:
            # 'attracting X to settle in, but also inviting Y': coordinated verbs share their form,
            # so a mismatch means the conjunct belongs to the xcomp's governor.
            return self.subjects(h.head, depth + 1)
        if v.dep_ == "xcomp":
            # ('analysts expect the slump to prompt X to acquire Y': a cause foreseen, not a deed)
            if h.lemma_.lower() in lx.OBJECT_CONTROL and not (h.lemma_.lower() in lx.CAUSE_VERBS and h.tag_ == "VB"):
                person = h.lemma_.lower() in lx.APPOINT_TO_VERBS
                return [
                    a
                    for c in h.children
                    if c.dep_ == "dobj"
                    for a in self.expand(c)
                    if a.type == "Person" or not person
                ]
            if self.is_passive(h) and (passive := [c for c in h.children if c.dep_ == "nsubjpass"]):
                # 'X is poised (expected, was asked) to invest in Y': the passive's subject does it
                return [a for c in passive for a in self.expand(c)]
            return self.subjects(h, depth + 1)
        if v.dep_ == "conj" and h.pos_ == "VERB" and self.is_passive(h):
            # 'Zhipu was founded in 2019 and has since raised …': the active conjunct's subject is the passive's
            return [a for c in h.children if c.dep_ == "nsubjpass" for a in self.expand(c)]
        if v.dep_ == "advcl" and (stranded := _subject_read_as_object_of_as(v)) is not None:
            # 'The deal comes as Douyin, which has built …, continues to take share from Meituan': the subject of the
            # 'as' clause, read as the object of 'as'
            return self.expand(stranded)
        if v.dep_ in ("conj", "advcl") and h.pos_ in ("VERB", "AUX"):
            return self._coordinated_subjects(v, depth)
        if (
            v.dep_ == "conj"
            and h.pos_ in ("NOUN", "PROPN")
            and (v.tag_ in ("VBZ", "VBD", "VBP") or _verb_read_as_noun(v))
        ):
            # 'X is the largest maker of memory chips, the parts that …, and competes with Y': a finite verb hung
            # on the last noun of the clause before shares that clause's subject
            governor = governing_verb(h)
            while governor.tag_ in ("VBN", "VBG") and governor.dep_ == "acl":
                governor = governing_verb(governor.head)  # ('runs a wallet used by 20 million people and competes')
            return self.subjects(governor, depth + 1) if governor.i != h.i else []
        if v.dep_ == "acomp" and v.lemma_.lower() in lx.PROSPECT_ADJECTIVES and h.pos_ in ("VERB", "AUX"):
            return self.subjects(h, depth + 1)  # 'X is due (set, likely) to launch …'; not 'they are able to
        if v.dep_ == "pcomp" and h.dep_ == "prep":  # 'X answered by launching Y'
            return self.subjects(h.head, depth + 1)
        if v.dep_ == "relcl" and not self.tok_mention[h.i] and any(c.lower_ == "to" for c in v.children):
            # 'X relied on subsidies to win users from Y': an infinitive of purpose read as a relative clause
            return self.subjects(governing_verb(h), depth + 1) if governing_verb(h).i != h.i else []
        if v.dep_ == "relcl":
            return self.expand(h)  # 'X, which launched …'
        if (root := _main_verb_subject(v)) is not None:
            # 'Tencent invested in …', 'Huya Inc., the platform controlled by Tencent, named …' misread as a modifier
            return self.expand(root)
        return []

    def _coordinated_subjects(self, v: Token, depth: int) -> list[Arg]:
        """The subjects of a conjoined or adverbial verb without one of its own: the main clause's after a
        subordinate one ('X was created when Y merged A with B, and listed …'), a name the parse hung elsewhere
        ('… in February and Alibaba responded'), or the governing verb's."""
        if v.dep_ == "conj" and (main := _main_clause_after_subordinate(v)) is not None:
            return [a for c in main.children if c.dep_ in ("nsubj", "nsubjpass") for a in self.expand(c)]
        if (hung := _subject_hung_before(v)) is not None:
            return _named([self.ent(hung)])  # (the name alone: not the list the parse hung it on)
        # ('Didi is developing …, and Hello Inc. last year formed a venture with …': the second clause's subject may
        # come read as one more conjunct of the first verb)
        stranded = _subject_read_as_conjunct(v) if v.dep_ == "conj" else None
        return self.expand(stranded) if stranded is not None else self.subjects(v.head, depth + 1)

    def _as_do_too(self, v: Token) -> list[Arg]:
        """'A and B hold stakes, as do C and D', 'A is a shareholder, as are C and D': an elliptical 'as' clause
        says the same of its own subjects."""
        return [
            a
            for c in v.children
            if c.dep_ == "advcl"
            and c.lemma_.lower() in ("be", "do")
            and any(m.dep_ == "mark" and m.lower_ == "as" for m in c.children)
            and not any(k.dep_ in ("dobj", "attr", "acomp") for k in c.children)
            for k in c.children
            if k.dep_ == "nsubj"
            for a in self.expand(k, refs=False)
        ]

    def _subject_read_into_agent(self, v: Token) -> list[Arg]:
        """'Founded in 2019 by X, a former engineer at Z, Y leases …': the small model may read the main clause's
        subject as one more appositive of the agent's name and leave its verb without a subject; the subject is the
        organization named right before that verb, after a comma."""
        k = v.head.i - 1
        m = self.tok_mention[k] if k > 0 else None
        if m is None or m[0] < 1 or self.tokens[m[0] - 1].text != "," or self.types.get(m[2]) != "Organization":
            return []
        return [self._arg(m)] if self.tokens[k].head.i != v.head.i else []

    def _subject_read_as_appositive(self, v: Token) -> Token | None:
        """The subject of a relative clause without its pronoun that the small model reads as an appositive of the
        noun the clause describes, the clause's past-tense verb as a modifier of the noun ('Onvo, the brand NIO
        launched in May 2024'): the name right before the verb; None for anything else. The small model may tag the
        verb a participle ('Soda Music, the streaming app ByteDance launched in 2022'), one with no agent."""
        if (
            v.dep_ != "acl"
            or v.tag_ not in ("VBD", "VBN")
            or v.i < 1
            or any(c.dep_ in ("nsubj", "dobj", "agent") for c in v.children)
        ):
            return None
        m = self.tok_mention[v.i - 1]
        if m is None or m[1] != v.i:
            return None
        head = self.mention_head[m]
        described = head.head  # the clause hangs on the noun, or on the name read as the noun's appositive
        on_noun_or_name = v.head.i in (described.i, head.i)
        return head if head.dep_ in ("appos", "compound") and on_noun_or_name and head.i > described.i else None

    def _kind_read_with_its_subject(self, v: Token) -> list[Arg]:
        """The name a relative clause without its pronoun describes when the small model reads the described noun and
        the clause's subject as one phrase, the clause's subject ('Honor of Kings, the game Tencent released in 2015'
        as 'the game Tencent'; 'X, the title Bilibili launched', Bilibili an appositive of 'the title'): the name
        right before the comma that opens the phrase; [] for anything else (a verb with an object of its own). The
        small model may tag the verb a participle; its active subject says it is not."""
        if v.tag_ not in ("VBD", "VBN") or v.i < 1 or any(c.dep_ == "dobj" for c in v.children):
            return []
        # (the nearest: 'Quantic Dream, the studio NetEase acquired outright …' may come with both names as subjects)
        subject = max((c for c in v.children if c.dep_ == "nsubj" and c.i < v.i), key=lambda c: c.i, default=None)
        name = self.tok_mention[v.i - 1]
        if subject is None or name is None or subject.left_edge.lower_ not in lx.ARTICLES:
            return []
        kind = [t for t in self.tokens[subject.left_edge.i + 1 : name[0]] if t.pos_ == "NOUN"]
        before = self._mention_before_comma(subject.left_edge.i)
        in_phrase = subject.left_edge.i < name[0] and subject.right_edge.i >= v.i - 1
        return [self._arg(before)] if kind and before is not None and in_phrase else []

    def _reduced_relative_object(self, v: Token) -> Token | None:
        """The noun a relative clause without its pronoun describes when that noun is the clause's object ('the
        studio Krafton bought in 2021'): a clause with a subject of its own and no object before a comma (the small
        model may hang the main clause's object on it: 'the marketplace Alibaba bought in 2016, cut jobs'); None
        for anything else."""
        if (named := self._subject_read_as_appositive(v)) is not None:
            return named.head  # 'Onvo, the brand NIO launched in 2024': the brand
        if v.dep_ != "relcl" or v.head.pos_ not in ("NOUN", "PROPN") or v.i < v.head.i:
            return None
        # (only a description in apposition to a name, or a name: 'Dada, the startup X founded'; not 'in Brazil,
        # where it competes with …')
        # ('owns Sogou, the search engine it bought': an appositive parsed as an object)
        first = v.head.left_edge
        set_off = self._mention_before_comma(first.i) is not None and first.lower_ == "the"
        described = (
            self.tok_mention[v.head.i] or (v.head.dep_ == "appos" and self.tok_mention[v.head.head.i]) or set_off
        )
        if not described or not any(c.dep_ == "nsubj" and c.i < v.i for c in v.children):
            return None
        if any(c.tag_ in ("WDT", "WP", "WP$", "WRB") or c.lower_ == "that" for c in v.subtree if c.i < v.i):
            return None
        comma = next((t.i for t in self.tokens[v.i + 1 : v.right_edge.i + 1] if t.text == ","), None)
        objects = [c for c in v.children if c.dep_ in ("dobj", "attr") and (comma is None or c.i < comma)]
        return None if objects else v.head

    def _main_subject_of_fronted(self, v: Token) -> list[Arg]:
        """What a fronted participle describes: 'Founded in 2013 by X, Y has grown' (or 'Y was added to …'), the main
        clause's subject (a reference there never stands for a name inside the participle's own phrase: 'Founded by
        X, a former engineer at Z, the company …' is not Z)."""
        in_phrase = {m[2] for t in v.subtree if (m := self.tok_mention[t.i]) is not None}
        with self.excluding(self.exclude | in_phrase):
            named = [a for c in v.head.children if c.dep_ in ("nsubj", "nsubjpass") for a in self.expand(c)]
        return named or self._subject_read_into_agent(v)

    def objects(self, v: Token, preps: AbstractSet[str] = frozenset()) -> list[Arg]:
        if self.is_passive(v):
            if v.dep_ in ("acl", "amod"):  # 'the program launched by X', 'the newly launched X'
                if v.head.tag_ == "NN" and (described := self._described_after_comma(v.head)):
                    # 'Lazada, the platform controlled by Alibaba, and Tokopedia': Lazada alone (also where the small
                    # model reads the description as a second predicate: 'a challenger to Shopee, the leader owned by')
                    return described
                if (appositive_name := self._described_beyond_place(v)) is not None:
                    return self.expand(appositive_name)
                if _unnamed_list_item(self, v.head):
                    return []  # 'A, B and a fund backed by Y': the fund, which has no name
                return self._listed_just_before(v, v.head) or self.expand(v.head)
            if (
                v.dep_ == "advcl"
                and v.i >= 2
                and self.tokens[v.i - 1].text == ","
                and (m := self.tok_mention[v.i - 2]) is not None
                and self.types.get(m[2]) == "Organization"
            ):
                return [self._arg(m)]  # 'For HongShan, led by Neil Shen, the deal …': the name it is set off after
            if v.dep_ in ("advcl", "csubj") and v.i < v.head.i and not any(c.dep_ == "nsubjpass" for c in v.children):
                return self._main_subject_of_fronted(v)  # 'Founded in 2013 by X, Y has grown'
            # 'X was itself fined': with 'itself' between, the small model calls X the active subject
            # (and may hang it on the auxiliary); a conjoined participle takes its head's subject
            if v.dep_ == "conj" and not any(c.dep_ in ("nsubjpass", "nsubj") for c in v.children):
                if v.head.dep_ in ("acl", "amod") and self.is_passive(v.head):
                    return self.objects(v.head)  # 'X, founded by A and now run by B': what the first describes
                if _fronted_participle(v.head):
                    return self._main_subject_of_fronted(v.head)  # 'Founded in 2011 and backed by A, X grew'
                # ('X would step down and be succeeded by Y': the active first verb's subject)
                return [a for c in v.head.children if c.dep_ in ("nsubjpass", "nsubj") for a in self.expand(c)]
            if v.dep_ == "xcomp" and not any(c.dep_ in ("nsubjpass", "nsubj") for c in v.children):
                return self.subjects(v.head)  # 'X will continue to be led by Y', 'X agreed to be acquired by Y'
            if any(c.dep_ == "nsubjpass" for c in v.children):
                return [a for c in v.children if c.dep_ == "nsubjpass" for a in self.expand(c)]
            heads = (v, *(c for c in v.children if c.dep_ == "auxpass"), *((v.head,) if v.dep_ == "acomp" else ()))
            return [a for h in heads for c in h.children if c.dep_ == "nsubj" for a in self.expand(c)]
        if named := self._kind_read_with_its_subject(v):
            return named  # 'Honor of Kings, the game Tencent released in 2015': Honor of Kings
        if (gap := self._reduced_relative_object(v)) is not None:
            # 'Lazada, the marketplace Alibaba bought in 2016, …': Lazada
            return self._named_before_comma(gap.left_edge, gap.head) or self.expand(gap)
        out = [a for c in v.children if c.dep_ in ("dobj", "attr") for a in self.expand(c)]
        for c in v.children:  # 'launched its delivery service, JD Takeaway, …' (apposition misattached to the verb)
            if (
                c.dep_ in ("npadvmod", "appos")
                and self.tok_mention[c.i]
                and c.i >= 2
                and self.tokens[c.left_edge.i - 1].text == ","
                and any(d.dep_ == "dobj" and d.right_edge.i == c.left_edge.i - 2 for d in v.children)
            ):
                out.append(self._arg(self._mention_at(c.i)))  # what ent() gives for a token in a mention
        # 'will invest about $700 million in X': the small model may hang the preposition on the amount
        amounts = [c for c in v.children if c.dep_ == "dobj" and c.pos_ == "NUM" and not self.tok_mention[c.i]]
        for c in (*v.children, *(k for a in amounts for k in a.children if k.dep_ == "prep")):
            # 'competes with A, which …, and with B': a conjoined preposition names more objects (the small model
            # hangs the second on the first or on the verb); 'competes in the region with A': on the place, and
            # 'competes for shoppers with A': on what the rivals want
            if (c.dep_ in ("prep", "dative") or (c.dep_ == "conj" and c.pos_ == "ADP")) and c.lower_ in preps:
                out.extend(
                    a
                    for k in (c, *c.conjuncts)
                    for p in k.children
                    if p.dep_ == "pobj" or (p.dep_ == "pcomp" and self.tok_mention[p.i])  # a name read as a clause
                    for a in self.expand(p)
                )
                # 'with A, owned by X, and with B': or on the participle that describes the first
                out.extend(
                    a
                    for p in c.children
                    if p.dep_ == "pobj"
                    for q in _prep_objects_in_clause_of(p, c.lower_)
                    for a in self.expand(q)
                )
                # 'competes with A and a growing field of players such as B': the list's last member read as a
                # conjunct of the verb, right after the preposition's phrase and 'and'
                out.extend(
                    a
                    for k in v.children
                    if k.dep_ == "conj"
                    and k.pos_ in ("NOUN", "PROPN")
                    and k.left_edge.i == c.right_edge.i + 2
                    and self.tokens[c.right_edge.i + 1].lower_ in ("and", "or")
                    for a in self.expand(k)
                )
            elif c.dep_ == "prep" and c.lower_ in ("in", "at", "for") and preps:
                out.extend(
                    a
                    for p in c.children
                    if p.dep_ == "pobj" and not self.tok_mention[p.i]
                    for k in p.children
                    if k.dep_ == "prep" and k.lower_ in preps
                    for q in k.children
                    if q.dep_ == "pobj"
                    for a in self.expand(q)
                )
                if v.dep_ == "relcl" and c.i == v.right_edge.i and not any(p.dep_ == "pobj" for p in c.children):
                    out.extend(self.expand(v.head, refs=False))  # 'a company X has invested in'
            elif c.dep_ == "prt":  # "team up with X": the preposition hangs off the particle or verb
                out.extend(
                    a
                    for p in c.children
                    if p.dep_ == "prep" and p.lower_ in preps
                    for q in p.children
                    if q.dep_ == "pobj"
                    for a in self.expand(q)
                )
        if (
            not out
            and v.dep_ == "relcl"
            and not any(c.dep_ in ("dobj", "attr") for c in v.children)
            and any(c.dep_ == "nsubj" and c.tag_ not in ("WDT", "WP") for c in v.children)
        ):
            out = self.expand(v.head, refs=False)  # 'X, the service it launched in May': a clause without 'which'
        return out


def _main_verb_as_modifier(v: Token) -> bool:
    """The small parser sometimes reads 'Tencent invested in X.' as a name modified by a participle; such a verb is
    the main verb (:func:`_main_verb_subject`)."""
    return _main_verb_subject(v) is not None


def _main_verb_subject(v: Token) -> Token | None:
    """The subject of a main verb the small parser read as a participle, or None: with a sentence root that is a
    noun and no 'by' agent, the verb on the root ('Tencent invested in X.': Tencent), or one set off by a comma after
    the root's appositive ('Huya Inc., the platform controlled by Tencent, named X chief executive', the verb hung
    on Tencent: Inc.)."""
    if v.dep_ != "acl" or any(c.dep_ == "agent" for c in v.children):
        return None
    root = v.sent.root
    if root.pos_ not in ("NOUN", "PROPN"):
        return None
    if v.head.i == root.i:
        return root
    set_off = v.i >= 1 and v.doc[v.i - 1].text == ","
    # ('JinkoSolar, founded in 2006 by A, B and C, listed on the NYSE in 2010': or after the root's participle)
    return (
        root
        if set_off and any(c.dep_ in ("appos", "acl") and c.i < v.i <= c.right_edge.i for c in root.children)
        else None
    )


#: Verbs that are never used without an object in the active: with none, a past tense is a passive participle.
_OBJECT_TAKING_VERBS = frozenset({"sell", "buy", "acquire", "purchase"})


def _verb_read_as_noun(t: Token) -> bool:
    """'J&T, which …, competes in the region with X': the small model tags a main verb after a long subject as a
    noun, yet gives it the subject; a noun with a subject of its own is a verb. So is 'competes' in 'Adyen competes
    with Stripe', read as a plural noun that the name before it modifies, when a preposition follows it."""
    if t.tag_ != "NNS":
        return False
    if t.dep_ == "ROOT" and any(c.dep_ == "nsubj" for c in t.children):
        return True
    if (
        t.dep_ == "conj"
        and t.lower_ in lx.VERB_ONLY_FORMS
        and (t.head.pos_ == "VERB" or any(c.dep_ == "prep" for c in t.children))
    ):
        # 'where it bought X and competes with Y', 'X is a maker of chips, the parts …, and competes with Y': a
        # conjoined verb read as a noun
        return True
    return _subject_read_as_compound(t) is not None and any(c.dep_ == "prep" for c in t.children)


def _subject_read_as_object_of_as(v: Token) -> Token | None:
    """The name the small model took for the object of a subordinating 'as' (or 'while') before a finite verb of
    its own without a subject: 'The deal comes as Douyin, which has built a division since 2020, continues to …'
    (not 'as a rival', whose verb is the main clause's)."""
    finite = ("MD", "VBZ", "VBD", "VBP")
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in v.children) or not (
        v.tag_ in finite or any(c.dep_ == "aux" and c.tag_ in finite for c in v.children)
    ):
        return None
    for prep in v.head.children:
        if prep.dep_ == "prep" and prep.lower_ in ("as", "while") and prep.i < v.i:
            for p in prep.children:
                between = v.doc[p.right_edge.i + 1 : v.i]
                if p.dep_ == "pobj" and all(t.is_punct or t.pos_ in ("ADV", "AUX", "PART") for t in between):
                    return p
    return None


def _subject_read_as_conjunct(v: Token) -> Token | None:
    """The name the small model took for a conjunct of the verb before a coordinated finite verb without a subject
    of its own: 'Xiaomi is testing a chip, and Lenovo Group Ltd. in March signed a deal with Qualcomm' read with
    'Ltd.' and 'signed' both conjuncts of 'testing'. Only a name right after the conjunction with nothing between it
    and the verb but the verb's own modifiers ('in March'); not 'is building a unit with Huawei and Baidu Inc., and
    last year formed …', whose names hang on 'with'."""
    if v.tag_ not in ("VBZ", "VBD", "VBP") or any(c.dep_ in ("nsubj", "nsubjpass") for c in v.children):
        return None
    named = [c for c in v.head.children if c.dep_ == "conj" and c.pos_ == "PROPN" and v.head.i < c.i < v.i]
    if not named:
        return None
    name = named[-1]
    opening = v.doc[name.left_edge.i - 1] if name.left_edge.i > 0 else None
    between = v.doc[name.right_edge.i + 1 : v.i]
    if opening is None or opening.dep_ != "cc" or any(v not in t.ancestors for t in between):
        return None
    return name


#: Words that open a subordinate clause ('when Tencent merged …').
_SUBORDINATORS = frozenset({"when", "after", "before", "as", "since", "while", "because", "until"})


def _main_clause_after_subordinate(v: Token) -> Token | None:
    """The main verb a conjunct returns to after a subordinate clause: 'China Literature was created in 2015 when
    Tencent merged its unit with Y, and listed in Hong Kong in 2017' read with 'listed' a conjunct of 'merged' (a
    comma before 'and', and a verb form the subordinate verb does not share, say the conjunct is the main clause's);
    None for anything else ('after Tencent merged A with B and listed it': the same clause)."""
    h = v.head
    opener = any(c.dep_ in ("mark", "advmod") and c.lower_ in _SUBORDINATORS and c.i < h.i for c in h.children)
    cc = next((c for c in h.children if c.dep_ == "cc" and h.i < c.i < v.i), None)
    if h.dep_ != "advcl" or not opener or cc is None or v.doc[cc.i - 1].text != "," or v.tag_ == h.tag_:
        return None
    main = h.head
    return (
        main if main.pos_ in ("VERB", "AUX") and any(c.dep_ in ("nsubj", "nsubjpass") for c in main.children) else None
    )


def _subject_hung_before(v: Token) -> Token | None:
    """The name right before a finite verb without a subject, after 'and', that the small model hung as a conjunct
    on a noun of the clause before: 'after JD.com moved into food delivery in February and Alibaba Group responded
    by …' read with 'Alibaba Group' a conjunct of 'February'. Not a name the verb's own clause governs."""
    if (
        v.tag_ not in ("VBZ", "VBD", "VBP")
        or v.lemma_ == "be"  # ('A was an investor in B and C is its largest shareholder': whose is unclear)
        or v.i < 2
        or any(c.dep_ in ("nsubj", "nsubjpass") for c in v.children)
    ):
        return None
    name = v.doc[v.i - 1]
    while name.dep_ == "compound" and name.head.i > name.i:
        name = name.head
    if name.right_edge.i != v.i - 1 or name.pos_ != "PROPN" or name.dep_ != "conj" or v in name.ancestors:
        return None
    opening = v.doc[name.left_edge.i - 1] if name.left_edge.i > 0 else None
    return name if opening is not None and opening.dep_ == "cc" and name.head.pos_ in ("NOUN", "PROPN") else None


def _subject_read_as_compound(t: Token) -> Token | None:
    """The proper noun right before a verb read as a plural noun ('Adyen competes'): the verb's subject; or the
    capitalised word the small model takes for a common noun or an adjective before a form that is only ever a verb
    ('NetEase competes', 'Meituan competes')."""
    return next(
        (
            c
            for c in t.children
            if c.i == t.i - 1
            and (
                (c.dep_ == "compound" and c.tag_ in ("NNP", "NNPS"))
                or (c.dep_ in ("compound", "amod") and c.text[:1].isupper() and t.lower_ in lx.VERB_ONLY_FORMS)
            )
        ),
        None,
    )


def cue(tok: Token, table) -> str | None:
    """The cue-table key of a token: its lemma, or its de-inflected form when the lemmatizer
    misses a rarer verb ('relaunched' -> 'relaunche')."""
    lemma = tok.lemma_.lower()
    if lemma in table:
        return lemma
    low = tok.lower_
    for cut in (1, 2, 3):
        if low[:-cut] in table and low[-cut:] in ("s", "d", "es", "ed", "ing"):
            return low[:-cut]
    prefix, _, rest = low.rpartition("-")  # 'co-led': the lemmatizer leaves an irregular verb's prefixed form
    if prefix and (base := lx.IRREGULAR_PAST.get(rest)) and f"{prefix}-{base}" in table:
        return f"{prefix}-{base}"
    return None


def cue_predicate(tok: Token) -> str | None:
    """The predicate a verb cue states ('fined' for 'fined', 'launched' for 'rolled'), or None for no cue."""
    word = cue(tok, lx.VERB_CUES)
    return lx.VERB_CUES[word][0] if word else None


def _description_words(tokens: Iterable[Token]) -> set[str]:
    """The words of a description that tell one company from another ('audio', 'ride-hailing'), not the generic
    ones ('the', 'new', 'company', 'based')."""
    return {
        t.lemma_.lower()
        for t in tokens
        if t.is_alpha
        and t.is_lower
        and not t.is_stop
        and t.pos_ in ("NOUN", "ADJ")
        and t.lemma_.lower() not in lx.GENERIC_DESCRIPTION_WORDS
    }


def _based_in(tokens: Sequence[Token], end: int) -> str | None:
    """'hangzhou-based' when the tokens right before index ``end`` read 'Hangzhou-based' (where a company is
    based tells it from others named), else None."""
    if end < 3 or tokens[end - 1].lower_ != "based" or tokens[end - 2].text != "-" or tokens[end - 3].pos_ != "PROPN":
        return None
    return f"{tokens[end - 3].lower_}-based"


_CLOSING_QUOTES = frozenset({"”", '"', "’", "'"})


def _fronted_participle(v: Token) -> bool:
    """Whether ``v`` is a past participle opening its sentence's clause ('Founded in 2011, X grew')."""
    return v.dep_ == "advcl" and v.tag_ == "VBN" and v.i < v.head.i


def first_conjunct(tok: Token) -> Token:
    """The first member of the coordination ``tok`` is in ('A, B and C': A for each), or ``tok`` itself."""
    while tok.dep_ == "conj":
        tok = tok.head
    return tok


def possessors(tok: Token) -> list[Token]:
    """'X's Y' and 'X and Z's Y' (the parser gives poss, or nmod with a possessive case marker)."""
    out = []
    for c in tok.children:
        if c.dep_ == "nmod" and any(k.dep_ == "poss" for k in c.children):
            # "A's B and C's D" parsed as B (nmod of D) with conjunct C: B is owned, C is D's owner
            out += [t for t in c.conjuncts if any(k.dep_ == "case" and k.tag_ == "POS" for k in t.children)]
        elif c.dep_ == "poss" or (
            c.dep_ == "nmod"
            and any(k.dep_ == "case" and k.tag_ == "POS" for t in (c, *c.conjuncts) for k in t.children)
        ):
            out.append(c)
    if out:  # 'X and Y's Z' parsed as X (nmod, with its own 'and') beside the possessor Y
        out += [
            c
            for c in tok.children
            if c.dep_ == "nmod"
            and c.i < out[0].i
            and c not in out
            and any(k.dep_ == "cc" for k in c.children)
            and not any(k.dep_ == "poss" for k in c.children)
        ]
    return out


#: Verbs of a job or a place one worked at or left, before founding or joining another: 'worked at X before …'.
_LEAVING_VERBS = frozenset({"leave", "quit", "work", "depart", "exit"})


def irrealis(tok: Token, *, negation_only: bool = False) -> bool:
    """'did not invest', 'may acquire', 'plans to launch', 'refused to back', 'denied that it had …':
    a statement of something that did not (or not yet) happen. With ``negation_only``, only what is denied:
    a rivalry is stated as well by 'will compete with' or 'tries to win users from' as by 'competes with'."""
    v = governing_verb(tok)
    if tok.dep_ == "dobj" and tok.head.i == v.i and v.lemma_.lower() in lx.IRREALIS_HEADS and not negation_only:
        return True  # 'is considering an investment in X': the noun is only intended
    for _ in range(4):
        if any(
            c.dep_ == "neg"
            or (c.dep_ == "aux" and c.lower_ in lx.MODALS and not negation_only and not _reported_future(c, v))
            for c in v.children
        ):
            return True
        if v.dep_ not in ("xcomp", "ccomp", "conj", "acl") or v.head.i == v.i:
            return False
        if v.dep_ in ("xcomp", "ccomp", "acl") and v.head.lemma_.lower() in lx.IRREALIS_HEADS:
            return not negation_only or v.head.lemma_.lower() in lx.DENIAL_HEADS
        if v.dep_ == "conj":
            return False
        v = v.head
    return False


def _reported_future(aux: Token, v: Token) -> bool:
    """'The board said X would succeed Y': 'would' in reported speech is the future of the past, a statement; so is
    what a deal's terms say would happen ('Under the agreement, X would acquire Y'). 'X would like to buy Y' or a
    'would' of its own is not."""
    if aux.lower_ != "would":
        return False
    if v.dep_ == "ccomp" and v.head.lemma_.lower() in lx.SAY_VERBS:
        return True
    return any(
        c.dep_ == "prep" and c.lower_ == "under" and any(p.lemma_.lower() in _PLAN_NOUNS for p in c.children)
        for c in v.children
    )


#: What a deal's terms are told under: 'Under the agreement (the plan, the terms, the structure discussed), …'.
_PLAN_NOUNS = lx.DEAL_NOUNS | {"plan", "term", "structure", "proposal", "framework", "scheme"}


def governing_verb(tok: Token) -> Token:
    t = tok
    while t.pos_ not in ("VERB", "AUX") and t.head.i != t.i:
        t = t.head
    return t


def _kind_of_other_type(kind: str | None, named: str | None) -> bool:
    """Whether a category noun's kind rules out the name before it being what the noun stands for: an organization
    is no place, a person no organization or place."""
    return (kind == "Organization" and named == "Place") or (kind == "Person" and named in ("Organization", "Place"))


def _named(args: Iterable[Arg | None]) -> list[Arg]:
    """The arguments found (ent() gives None for a token that names nothing)."""
    return [a for a in args if a is not None]


def _pairs(args: list[Arg]) -> Iterator[tuple[Arg, Arg]]:
    for i, a in enumerate(args):
        for b in args[i + 1 :]:
            yield a, b


def _particle(v: Token) -> str:
    """The verb's particle; the small model sometimes tags one RP but attaches it as a bare 'prep'
    ('will take on Tencent (0700.HK) and miHoYo', its object then on the verb)."""
    return next(
        (
            c.lower_
            for c in v.children
            if c.dep_ == "prt" or (c.tag_ == "RP" and c.dep_ == "prep" and not any(c.children))
        ),
        "",
    )


def _verb_of_as(prep: Token) -> Token:
    """The verb an 'as' phrase belongs to; the parser may hang it on the noun that verb is read as a clause of
    ('Kuka Home, China's biggest sofa maker, on Thursday named Feng Weidong, …, as its chief executive')."""
    if prep.head.pos_ == "VERB":
        return prep.head
    return next((c for c in prep.head.children if c.dep_ in ("relcl", "acl") and c.i < prep.i), prep.head)


def _object_read_as_subject(v: Token) -> list[Token]:
    """'Feng, 48, replaces Li Donglai': after an aside on the subject the small model may read the object as a
    second subject; a subject after the verb, when another stands before it, is its object."""
    if not any(c.dep_ == "nsubj" and c.i < v.i for c in v.children):
        return []
    return [c for c in v.children if c.dep_ == "nsubj" and c.i > v.i]


# --- rules -------------------------------------------------------------------------------------
def rule_verb(ctx: Context, v: Token) -> Iterator[Cand]:
    """Verb cues: 'X launched Y', 'Y was acquired by X', 'X and Y teamed up', 'X invested in Y' …"""
    lemma = cue(v, lx.VERB_CUES)
    assert lemma is not None  # _dispatch runs a rule on its cue words only
    dobj = [c for c in v.children if c.dep_ == "dobj"]
    read_as_subject = [] if dobj else _object_read_as_subject(v)
    dobj = dobj or read_as_subject
    pred, rule = _verb_sense(v, lemma, dobj)
    if (held := _stake_or_round(ctx, v, pred, dobj)) is not None:
        yield from held
        return
    need = lx.REQUIRED_PARTICLE.get(lemma)
    if (phrasal := _phrasal_sense(v, lemma, dobj)) is not None:
        pred, rule, dobj = phrasal
    elif (need and _particle(v) not in need) or _excluded_prep(v, lemma):
        return
    if _sold_to(v, lemma, dobj):
        yield from _verb_sold_to(ctx, v, dobj)
        return
    if lemma == "open" and dobj and (opened := ctx.ent(dobj[0])) and opened.type == "Program":
        pred, rule = "launched", "launch.open"  # 'the company opened Duo Duo Grocery, a … service'
    elif lemma == "open" and not (dobj and dobj[0].lemma_.lower() in ("store", "shop")):
        return  # 'open links to X' is rule_open_to
    if not _cue_applies(ctx, v, lemma, dobj):
        return
    if pred == "partner_of" and v.pos_ != "VERB":
        return
    subjects = _verb_subjects(ctx, v, pred)
    if lemma in lx.PERSON_ONLY_LEAD_VERBS:  # 'the vehicle chaired by Sheikh Tahnoon, as well as Alibaba': no owner
        subjects = [a for a in subjects if a.type == "Person"]
    preps = _OBJECT_PREPS.get(pred, set()) | ({"in", "into", "at"} if lemma in ("settle", "open") else set())
    preps |= {"through", "via"} if lemma in ("sell", "stream", "livestream") else set()
    preps -= lx.PURSUIT_VERBS.get(lemma, set())
    ctx.exclude = {a.key for a in subjects}  # 'X … the platform': the platform is not X
    # 'of' names the object ('took control of Y'), or the particle does ('taking on Y')
    light = rule in (
        "leads.take_charge",
        "acquire.take_control",
        "acquire.managing_control",
        "compete.take_on",
        "compete.hold_off",
    )
    ctrl = rule == "acquire.take_control"
    try:
        # (a described object is left alone: 'took control of the marketplace' may follow two marketplaces)
        # (an object read as a subject is no child ctx.objects reads)
        objects = (
            [a for d in dobj for a in ctx.expand(d, refs=not ctrl)]
            if light
            else ctx.objects(v, preps) + [a for d in read_as_subject for a in ctx.expand(d)]
        )
    finally:
        ctx.exclude = set()
    if pred == "invested_in" and _into_its_own_units(v, preps):
        return  # 'kept investing in its overseas brands, including Skyscanner': spending on what one owns
    if pred == "invested_in" or rule == "found.build":
        # 'invested heavily in the Redmi brand', 'is building the Douyin brand abroad': spending on a brand, growing
        # it, is no stake in it nor its founding
        branded = {
            a.key for c in (*dobj, *_pobjs((v,), preps)) if c.lemma_.lower() in lx.BRAND_NOUNS and (a := ctx.ent(c))
        }
        objects = [a for a in objects if a.key not in branded]
    if pred == "launched":
        yield from _launched_on(ctx, v, dobj, objects)
    objects = _more_objects(ctx, v, pred, rule, dobj, preps, objects)
    if pred == "investigated" and not objects:  # 'is probing Microsoft's investment in OpenAI': whose conduct
        objects = _whose_conduct(ctx, dobj, {a.key for a in subjects})
    if pred in ("partner_of", "competes_with") and not objects:
        yield from _without_objects(ctx, v, lemma, pred, rule, subjects)
        return
    if pred == "launched" and not objects and subjects and v.tag_ in ("VBD", "VBN") and _launched_itself(v):
        objects, subjects = subjects, []  # 'Amazon Now, which launched in Bengaluru in June': it was launched
    if pred == "launched" and not subjects and (makers := _named_in_product(ctx, objects)):
        yield from (Cand(m, pred, o, f"{rule}.named_after", v.i) for o, m in makers)  # 'Flipkart Minutes'
        return
    if pred == "launched" and not subjects and v.dep_ == "acl" and ctx.is_passive(v):
        # 'its Naver Plus Store app, launched in March 2025': the owner named the product's launcher
        subjects = [a for c in possessors(v.head) for a in ctx.expand(c) if a.type == "Organization"]
    if not subjects and pred in ("fined", "investigated") and (authority := _implicit_authority(ctx, v)):
        subjects, rule = [authority], f"{rule}.implicit"  # 'Baemin was separately fined 33.6 billion won'
    if not subjects and pred == "founded" and ctx.is_passive(v):
        # 'Zhuanzhuan was started inside 58.com in 2015': the company it was started within founded it (not 'was
        # started inside a Beijing flat')
        inside = [
            a
            for a in _named_after(ctx, (v,), ("inside", "within"), refs=False)
            # (a company, not 'inside Tsinghua University' nor inside a regulator)
            if a.type == "Organization"
            and ctx.kinds.get(a.key) in (None, "company")
            and ctx.doc.text[a.span[0] : a.span[1]].split()[-1].lower() not in lx.INSTITUTION_HEADS
        ]
        subjects, rule = (inside, "found.inside") if inside else (subjects, rule)
    if not subjects:  # agentless: an event only ("the program was launched")
        for o in objects:
            yield Cand(None, pred, o, rule, v.i)
        return
    for s in subjects:
        for o in objects:
            yield Cand(s, pred, o, rule, v.i, dated=rule != "invest.part_owned")  # a holding, not a deal
    if pred == "succeeded":
        yield from _succession(ctx, v, subjects, objects)


def _without_objects(ctx: Context, v: Token, lemma: str, pred: str, rule: str, subjects: list[Arg]) -> Iterator[Cand]:
    """A verb (cue ``lemma``) of partnership or rivalry without objects: 'A and B teamed up' pairs its subjects, 'A
    competes for the same riders as C' names C; not 'A and B raced to list in Shanghai' (each pursues a goal, not the
    other)."""
    if pred == "competes_with":
        yield from _rivals_after_the_same(ctx, v, subjects)
        if lemma in lx.PURSUIT_VERBS:
            return
    if _deals_each_with_others(v):
        return
    for a, b in _pairs(subjects):
        yield Cand(a, pred, b, rule + ".coordinated", v.i)


def _deals_each_with_others(v: Token) -> bool:
    """'BYD and Hithium have signed deals with developers in Chile': plural deals with a third party are each
    subject's own, not a deal between them ('A and B signed a deal', 'signed deals with each other' are)."""
    deals = [c for c in v.children if c.dep_ == "dobj" and c.tag_ == "NNS"]
    return bool(deals) and any(p.lower_ != "other" for p in _pobjs((v, *deals), ("with",)))


def _rivals_after_the_same(ctx: Context, v: Token, subjects: list[Arg]) -> Iterator[Cand]:
    """The subjects' rivals who go after what they compete for: 'A and B compete for the same merchants that C
    targets', 'A competes for the same riders as C'. Not 'compete for engineers in Beijing as a newcomer' (no
    'same'), nor 'the same contracts that the ministry awards' (an authority hands out, it does not compete)."""
    # ('chasing the same orders as X': what a verb of pursuit goes after is its object)
    wanted = [*_pobjs((v,), ("for",)), *(c for c in v.children if c.dep_ == "dobj")]
    sought = [p for p in wanted if any(c.lower_ == "same" for c in p.children)]
    # ('that Antom targets' may come with the verb read as a plural noun and the name as its compound)
    targeting = [a for p in sought for c in p.children if c.dep_ == "relcl" for a in ctx.subjects(c)]
    likewise = [*_pobjs(sought, ("as",)), *(_pobjs((v,), ("as",)) if sought else ())]
    for o in (*targeting, *(a for k in likewise for a in ctx.expand(k, refs=False))):
        if o.type == "Organization" and ctx.kinds.get(o.key) not in ("authority", "exchange"):
            yield from (Cand(s, "competes_with", o, "compete.same_targets", v.i) for s in subjects if s.key != o.key)


def _into_its_own_units(v: Token, preps: AbstractSet[str]) -> bool:
    """Whether what a verb of investing puts money into is the subject's own units ('invest in its overseas brands,
    such as Skyscanner', 'in their own apps'): no stake in them ('invested in its portfolio companies, including X'
    or 'in startups' may be)."""
    objects = _pobjs((v,), preps)
    return bool(objects) and all(p.lower_ in lx.UNIT_NOUNS and _owned_by_pronoun(p) for p in objects)


def _managing(control: Token) -> bool:
    """Whether control taken is a post, not a purchase: 'took direct (day-to-day) control of Y'."""
    return any(c.dep_ in ("amod", "compound") and c.lower_ in lx.MANAGING_CONTROL for c in control.children)


def _cue_applies(ctx: Context, v: Token, lemma: str, dobj: list[Token]) -> bool:
    """Whether a cue verb that says its relation only of some objects or subjects says it here: 'bring' goods
    ('brought its brands to Tmall'); 'sell' no company; 'lead' not of a body of investors; 'include' said by a
    named organization ('the international unit, which includes Lazada', 'Alibaba Group includes Taobao'), not by a
    list's noun ('its shareholders include Tencent') nor as 'including' (a preposition in all but tag); 'held' not
    as 'privately (publicly) held'; 'oversee' not said by a regulator; 'lead' not of a round; 'debut' not on an
    exchange."""
    if lemma == "bring":
        return bool(dobj) and dobj[0].lemma_.lower() in lx.GOODS_NOUNS
    if lemma == "debut" and not dobj:
        # 'A and B, both of which debuted on the STAR Market': a company's debut on an exchange is its listing
        # (rule_listing's), not a launch
        return not any(ctx.kinds.get(a.key) == "exchange" for a in _named_after(ctx, (v,), ("on",), refs=False))
    if lemma == "oversee":  # a regulator oversees what it regulates, not its own units
        return not any(ctx.kinds.get(a.key) == "authority" for a in ctx.subjects(v))
    if lemma == "hold" and any(c.dep_ == "advmod" and c.lower_ in lx.HOLDING_KINDS for c in v.children):
        return False  # 'privately held Zepto' says who may own it, not that anyone named does
    if lemma == "lead" and v.dep_ == "acl" and v.head.lemma_.lower() in lx.INVESTOR_GROUPS and not ctx.ent(v.head):
        return False  # 'a consortium led by A and B' names A and B as investors (Context.expand), not its leaders
    if lemma == "lead" and v.dep_ == "acl" and v.head.tag_ == "NNS" and not ctx.ent(v.head):
        return False  # 'membership clubs led by Walmart's Sam's Club': the kind's foremost, not a body it heads
    if lemma == "lead" and any(c.dep_ in ("dobj", "nsubjpass") and _is_round(c) for c in v.children):
        return False  # 'the round was led by X, with participation from A': a round's lead (rule_lead_round's)
    if lemma == "sell" and any(a.type == "Organization" for d in dobj for a in ctx.expand(d)):
        return False  # 'bought Dada in 2020 and sold it in 2025': a company sold is none of the seller's markets
    if lemma == "include":
        return (
            v.tag_ != "VBG"
            and all(a.type == "Organization" for a in ctx.subjects(v))
            and any(c.dep_ == "nsubj" and (ctx.tok_mention[c.i] or c.tag_ in ("WDT", "WP")) for c in v.children)
        )
    return True


def _excluded_prep(v: Token, lemma: str) -> bool:
    """Whether the verb takes a preposition after which its cue states nothing ('built TikTok into a giant')."""
    excluded = lx.EXCLUDED_PREPS.get(lemma)
    return excluded is not None and any(c.dep_ == "prep" and c.lower_ == excluded for c in v.children)


def _verb_subjects(ctx: Context, v: Token, pred: str) -> list[Arg]:
    """The subjects of a cue verb, with those a few cues add: a co-founder 'with' or 'alongside' ('Shen co-founded
    Vipshop with Hong Xiaobo'), and the one appointed for a succession in a participle of appointing ('Lazada named X
    as chief executive, replacing Y': X, not Lazada, replaces Y)."""
    subjects = ctx.subjects(v)
    if pred == "founded" and subjects:
        subjects += [
            a
            for c in v.children
            if c.dep_ == "prep" and c.lower_ in ("with", "alongside")
            for p in c.children
            if p.dep_ == "pobj"
            for a in ctx.expand(p, refs=False)
            if a.type == "Person" and all(a.key != s.key for s in subjects)
        ]
    if (
        pred == "succeeded"
        and v.dep_ == "advcl"
        and v.tag_ == "VBG"
        and not any(c.dep_ == "nsubj" for c in v.children)
        and v.head.lemma_.lower() in lx.APPOINT_VERBS
    ):
        appointed = [a for c in v.head.children if c.dep_ == "dobj" for a in ctx.expand(c) if a.type == "Person"]
        subjects = appointed or subjects
    if pred == "succeeded" and v.lemma_.lower() == "replace":
        # 'Liu replaced chief executive Xu Lei with Xu Ran': the one put in, not the one who made the change
        put_in = [
            a
            for a in _named_after(ctx, (v, *(c for c in v.children if c.dep_ == "dobj")), ("with",))
            if a.type == "Person"
        ]
        subjects = put_in or subjects
    if pred == "competes_with":
        # "Amazon's Saudi site competes with Noon", 'Noon and Amazon's site compete with Temu': a business no name
        # of its own names competes for its owner
        unnamed = [
            t
            for h in v.children
            if h.dep_ == "nsubj"
            for t in (h, *h.conjuncts)
            # ("Alibaba's food delivery unit Ele.me competes": the unit's own name competes, however parsed)
            if not any(ctx.tok_mention[c.i] for c in t.subtree if c.i != t.i and not _under_possessor(c, t))
            and not (t.i + 1 < len(ctx.tokens) and ctx.tok_mention[t.i + 1])
        ]
        named = {a.key for a in subjects}
        owners = {a.key: a for t in unnamed for a in _business_owners(ctx, [t]) if a.key not in named}
        subjects += owners.values()
    return subjects


def _named_in_product(ctx: Context, products: list[Arg]) -> list[tuple[Arg, Arg]]:
    """(product, maker) for each product whose name starts with an organization's name the text gives ('Flipkart
    Minutes' is Flipkart's, 'Noon Minutes' Noon's): who launched a product named after itself."""
    out = []
    for p in products:
        words = ctx.parsed.text[p.span[0] : p.span[1]].split()
        for start, key in ctx.by_type["Organization"]:
            m = ctx._mention_at(start)
            name = ctx.parsed.text[ctx.tokens[m[0]].idx : ctx.tokens[m[1] - 1].idx + len(ctx.tokens[m[1] - 1])].split()
            if key != p.key and len(name) < len(words) and words[: len(name)] == name:
                out.append((p, ctx._arg(m)))
                break
    return out


def _launched_itself(v: Token) -> bool:
    """'Amazon Now, which launched in Bengaluru in June': a launch verb with no object, said of what was launched
    (in a relative clause or a participle), not 'Meituan launched in Brazil' (a company entering a market, which
    the rules read no relation from)."""
    return v.dep_ in ("relcl", "acl") and not any(c.dep_ in ("dobj", "prt") for c in v.children)


def _implicit_authority(ctx: Context, v: Token) -> Arg | None:
    """The authority a fine or probe stated without one is by ('Baemin was separately fined'): the one named last;
    none when the verb names its agent ('fined by French authorities' is another's)."""
    return None if any(c.dep_ == "agent" for c in v.children) else _recent_authority(ctx, v)


def _recent_authority(ctx: Context, v: Token) -> Arg | None:
    """The authority named last, in this sentence or the two before, for a fine or a probe stated without one
    ('The KFTC fined Coupang … Baemin was separately fined 33.6 billion won'); None when none, or two, are."""
    named = [(start, key) for start, key in ctx._recent(v, 99, back=2) if ctx.kinds.get(key) == "authority"]
    return ctx._arg(ctx._mention_at(named[0][0])) if len({k for _, k in named}) == 1 else None


def _kind_of_company(noun: Token) -> bool:
    """Whether a singular common noun names a kind of company and nothing else ('company', 'search group'; not
    'investor', which may be a person)."""
    return (
        noun.tag_ == "NN"
        and lx.CATEGORY_TYPES.get(noun.lemma_.lower()) == "Organization"
        and noun.lemma_.lower() not in lx.PERSON_OR_ORGANIZATION
    )


def _relative_head(v: Token) -> list[Token]:
    """'OVO, the wallet Grab took control of in 2021': what a relative clause with a stranded preposition is about
    (the noun it describes; the name that noun stands beside is read from there)."""
    stranded = any(c.dep_ == "prep" and not any(k.dep_ in ("pobj", "pcomp") for k in c.children) for c in v.children)
    return [v.head] if v.dep_ == "relcl" and stranded else []


def _verb_sense(v: Token, lemma: str, dobj: list[Token]) -> tuple[str, str]:
    """The cue's (predicate, rule), or the sense its object or preposition gives a light verb."""
    if lemma == "take" and dobj and dobj[0].lower_ == "part":
        return "participant_in", "participant.join"
    if lemma == "take" and any(c.dep_ == "prep" and c.lower_ == "from" for c in v.children):
        return "succeeded", "succeed.verb"
    if lemma in ("join", "combine") and dobj and dobj[0].lower_ in ("hands", "forces"):
        return "partner_of", "partner.join_forces"  # 'X joined hands with Y'
    if lx.VERB_CUES[lemma][0] == "owns" and any(
        c.dep_ in ("advmod", "npadvmod") and c.lower_ in lx.PARTIAL_WORDS for c in v.children
    ):
        return "invested_in", "invest.part_owned"  # 'X, partly owned by Y': Y holds a stake, not X
    if (
        lx.VERB_CUES[lemma][0] == "founded"
        and v.dep_ in ("xcomp", "advcl")
        and v.head.lemma_.lower() in lx.FOLD_VERBS
        and not any(c.dep_ == "dobj" for c in v.head.children)  # ('merged their dairy units to create C')
    ):
        return "part_of", "part_of.merged_into"  # 'A and B merged to form C': they became parts of C, not its founders
    return lx.VERB_CUES[lemma]


#: The arcs of a 'to' phrase: a preposition, or the small model's dative ('sold X to Y', 'handed the role to Y').
_TO_DEPS = ("prep", "dative")


def _named_after(
    ctx: Context,
    heads: Iterable[Token],
    words: tuple[str, ...],
    *,
    refs: bool = True,
    deps: tuple[str, ...] = ("prep",),
    conjoined: bool = False,
) -> list[Arg]:
    """The names the prepositions ``words`` hanging off any of ``heads`` take as objects ('in Y', 'to X'), in text
    order of the heads; ``conjoined`` also reads a conjoined preposition ('to A in search and to B in ads')."""
    return [a for p in _pobjs(heads, words, deps=deps, conjoined=conjoined) for a in ctx.expand(p, refs=refs)]


def _pobjs(
    heads: Iterable[Token],
    words: AbstractSet[str] | tuple[str, ...],
    *,
    deps: tuple[str, ...] = ("prep",),
    conjoined: bool = False,
) -> list[Token]:
    """The objects of the prepositions ``words`` hanging off any of ``heads``; ``conjoined``: a conjoined
    preposition's too, wherever the small model hangs it ('from A, which …, and from B': on the clause)."""
    out = [
        p
        for h in heads
        for c in h.children
        if (c.dep_ in deps or (conjoined and c.dep_ == "conj" and c.pos_ == "ADP")) and c.lower_ in words
        for prep in ((c, *c.conjuncts) if conjoined else (c,))
        for p in prep.children
        if p.dep_ == "pobj" or (p.dep_ == "pcomp" and p.pos_ not in ("VERB", "AUX"))  # 'to Geely' with Geely an adverb
    ]
    if conjoined:
        out += [q for p in out for q in _prep_objects_in_clause_of(p, p.head.lower_, after_and=True)]
    return out


def _listed_after(prep: Token) -> list[Token]:
    """The objects of the same preposition repeated after ``prep`` as a list ('signed deals with A, with B and with
    C', 'with A in 2024 and with B in 2025', 'with A, as well as with B'), wherever the small model hangs the later
    ones: each after a comma or a conjunction, the last after a conjunction, all in the clause of ``prep``'s verb.
    Not 'a deal with A, with B expected to follow later' (no conjunction closes a list)."""

    def joined(t: Token) -> bool:  # ('and', 'or', or 'as well as' before it)
        return t.nbor(-1).lower_ in ("and", "or") or (
            t.i >= 3 and [w.lower_ for w in t.doc[t.i - 3 : t.i]] == ["as", "well", "as"]
        )

    verb = governing_verb(prep)
    repeated = [
        t
        for t in prep.sent
        if t.i > prep.i and t.pos_ == "ADP" and t.lower_ == prep.lower_ and (t.nbor(-1).lower_ == "," or joined(t))
    ]
    listed = []
    for t in repeated:
        if governing_verb(t) != verb and verb not in governing_verb(t).ancestors:
            break
        listed.append(t)
    while listed and not joined(listed[-1]):
        listed.pop()
    return [p for t in listed for p in t.children if p.dep_ == "pobj"]


def _prep_objects_in_clause_of(p: Token, word: str, *, after_and: bool = False) -> list[Token]:
    """The objects of a preposition ``word`` that the small model hangs on the participle or relative clause
    describing ``p``, conjoined there ('with A, owned by X, and with B') or, ``after_and``, read as the clause's own
    preposition right after 'and' ('from A, which …, and from B')."""
    return [
        q
        for m in p.children
        if m.dep_ in ("acl", "relcl")
        for k in m.children
        if k.pos_ == "ADP"
        and k.lower_ == word
        and (k.dep_ == "conj" or (after_and and k.dep_ == "prep" and k.i > 0 and k.nbor(-1).dep_ == "cc"))
        for q in k.children
        if q.dep_ == "pobj"
    ]


def _segments_after(ctx: Context, v: Token) -> list[Arg]:
    """'listed on the ChiNext board', 'debuted on the STAR Market board': the segment a kind noun after 'on' (or
    'in') is qualified by, named before it."""
    return _named(
        ctx.ent(c)
        for p in _pobjs((v,), ("on", "in"))
        if p.lemma_.lower() in lx.SEGMENT_NOUNS and ctx.ent(p) is None
        for c in p.children
        if c.dep_ == "compound" and ctx.tok_mention[c.i]
    )


def _named_tokens_after(head: Token, word: str) -> list[Token]:
    """The objects of the preposition ``word`` hanging off ``head`` ('charge of Y', 'control of Y')."""
    return [p for c in head.children if c.dep_ == "prep" and c.lower_ == word for p in c.children if p.dep_ == "pobj"]


def _business_owners(ctx: Context, businesses: Iterable[Token]) -> list[Arg]:
    """'competes with Douyin's in-house e-commerce and JD.com's livestreaming channels', 'faces Google's Home
    platform', 'Didi's international business includes a venture with Y': a business that no name of its own names
    stands for its owner, each listed one ('competes with OpenAI's Sora' is Sora's; 'faces Meituan's lawsuit' names
    no business)."""
    return [
        a
        for h in businesses
        for t in (h, *h.conjuncts)
        if t.pos_ == "NOUN"
        and t.lemma_.lower() in lx.BUSINESS_NOUNS
        and ctx.ent(t) is None
        and not any(c.dep_ == "appos" for c in t.children)  # "Didi's freight unit, Didi Freight": it is named
        for c in possessors(t)
        for a in ctx.expand(c, refs=False)
        if a.type == "Organization"
    ]


def _makers_of_offerings(ctx: Context, offerings: Iterable[Token]) -> list[Arg]:
    """'competes with software from A, B and C', 'vies with apps from X': the companies whose offerings one competes
    with are rivals (not 'software from the 1990s', which names no company)."""
    return [
        a
        for t in offerings
        if t.pos_ == "NOUN" and t.lemma_.lower() in lx.OFFERING_NOUNS and ctx.ent(t) is None
        for a in _named_after(ctx, (t,), ("from",), refs=False)
        if a.type == "Organization" and ctx.kinds.get(a.key) not in ("authority", "exchange")
    ]


def _verb_stake(ctx: Context, v: Token, stake: Token, held: bool = False) -> Iterator[Cand]:
    """'X bought a 5% stake in Y' is an investment, not an acquisition of Y; 'a controlling stake' is one, and
    one ``held`` ('X owns 60% of Y') makes Y a unit of X."""
    pred, rule = "invested_in", "invest.stake"
    if _controlling(ctx, stake):
        # 'bought a controlling (62%) stake in Y'
        pred, rule = ("owns", "owns.controlling_stake") if held else ("acquired", "acquire.controlling_stake")
    elif not held and any(c.dep_ == "amod" and c.lower_ == "remaining" for c in stake.children):
        pred, rule = "acquired", "acquire.remaining_stake"  # 'bought the remaining 30% of GoPay': all of it now
    if any(c.dep_ == "det" and c.lower_ == "no" for c in stake.children):
        return  # 'will take no equity stake in Y'
    swapped = v.lemma_.lower() in _SWAP_VERBS
    if swapped or _reciprocal(_pobjs((v, stake), ("in", "of"))):
        # 'A and B agreed to take stakes in each other', 'A and B swapped stakes', 'A swapped shares with B': each
        # invests in the other
        holders = ctx.subjects(v) + (_named_after(ctx, (v, stake), ("with",)) if swapped else [])
        for s in holders:
            for o in holders:
                if s.key != o.key:
                    yield Cand(s, pred, o, f"{rule}.reciprocal", v.i, dated=not held)
        return
    companies = (
        _named_after(ctx, (v, stake), ("in", "of"))
        or _capital_owners(ctx, v, stake)
        or _relative_in_on_controller(ctx, v)
    )
    if (
        not companies
        and pred == "invested_in"
        and ctx.dominant
        and not any(_names_a_holding(c) for c in stake.children)
    ):
        # 'Tencent and Alibaba both hold stakes', 'X holds a stake of just under 5%': in what the article is about
        companies, rule = [ctx.dominant], "invest.stake.salient"
    gapped = _gapped_holders(ctx, v, stake)
    gapped_keys = {g.key for g in gapped}
    companies = [o for o in companies if o.key not in gapped_keys]
    for s in ctx.subjects(v):
        for o in companies:
            if s.key != o.key:
                yield Cand(s, pred, o, rule, v.i, dated=not held)  # what one holds is no deal of the sentence's day
    for s in _holders_alongside(ctx, v) if held else ():
        for o in companies:
            if s.key != o.key:
                yield Cand(s, "invested_in", o, "invest.stake.alongside", v.i, dated=False)
    for s in gapped:
        for o in companies:
            if s.key != o.key:
                yield Cand(s, "invested_in", o, "invest.stake.gapped", v.i, dated=not held)


def _gapped_holders(ctx: Context, v: Token, stake: Token) -> list[Arg]:
    """'a venture in which Sinopec holds 51% and CATL 49%', 'Alibaba owns 33% of Sun Art and Auchan 20%': a name
    conjoined to the share or to the company, with a share of its own and the verb left out, is one more holder (not
    'holds 51% of Sun Art and Auchan', no share of its own)."""
    conjoined = (*stake.conjuncts, *(k for p in _pobjs((v, stake), ("in", "of")) for k in p.conjuncts))
    tokens, holders = ctx.tokens, []
    for k in conjoined:
        mention = ctx.tok_mention[k.i]
        end = mention[1] if mention is not None else len(tokens)
        share = tokens[end + 1] if end + 1 < len(tokens) and tokens[end].like_num else None
        if share is not None and share.lower_ == "per" and end + 2 < len(tokens):
            share = tokens[end + 2]  # 'Horizon 40 per cent'
        # (not 'and Zeekr 51% of Lynk & Co', a holding in another company, nor 'and Riot Games three years later')
        after = tokens[share.i + 1] if share is not None and share.i + 1 < len(tokens) else None
        if (
            share is not None
            and share.lower_ in lx.PERCENT_WORDS | {"cent"}
            and not (after is not None and after.lower_ in ("of", "in"))
        ):
            holders += [a for a in _named((ctx.ent(k),)) if a.type == "Organization"]
    return holders


def _holders_alongside(ctx: Context, v: Token) -> list[Arg]:
    """'X holds 45% of Y, with Z owning roughly 30% and W close to 10%': a 'with' clause on a holding that gives
    other companies shares of their own names more holders of Y (not 'with the rest owned by …', a passive, 'with
    Z planning to buy more', no holding, nor 'with Z owning 15% of W', another's)."""
    return [
        a
        for w in v.children
        if w.dep_ == "prep" and w.lower_ == "with"
        for h in w.children
        if h.dep_ == "pcomp"
        and h.tag_ == "VBG"
        and cue_predicate(h) == "owns"
        and any(is_percent(k) for k in h.children if k.dep_ in ("dobj", "npadvmod"))
        # (not 'with Alibaba owning 15% of Zentro': a holding in another company)
        and not _pobjs((h, *(k for k in h.children if is_percent(k))), ("of", "in"))
        for k in h.children
        if k.dep_ == "nsubj" or (k.dep_ == "conj" and ctx.tok_mention[k.i])
        for a in ctx.expand(k)
        if a.type == "Organization"
    ]


def _capital_owners(ctx: Context, v: Token, stake: Token) -> list[Arg]:
    """The company whose capital a holding is a part of: 'owns about 42 percent of Kering's share capital', 'holds
    30% of Y's voting rights' (not 'of the market', nor 'of Y's revenue'); a company's holding only: 'its founder
    controls about 25% of the company's voting rights' is a founder's equity, no investment."""
    if not any(a.type == "Organization" for a in ctx.subjects(v)):
        return []
    return [
        a
        for p in _pobjs((v, stake), ("of", "in"))
        if _capital_noun(p)
        for c in possessors(p)
        for a in ctx.expand(c)
        if a.type == "Organization"
    ]


def _capital_noun(p: Token) -> bool:
    """A company's capital or a part of it: 'share capital', 'shares', 'voting rights' (not 'market share', nor
    'streaming rights')."""
    words = {c.lower_ for c in p.children if c.dep_ in ("compound", "amod")}
    if p.lemma_.lower() == "right":
        return "voting" in words
    return p.lemma_.lower() in lx.CAPITAL_NOUNS and "market" not in words


def _relative_in_on_controller(ctx: Context, v: Token) -> list[Arg]:
    """What 'in which' stands for when the parse hangs it on the verb that controls a stake's verb: 'Hotta, in
    which Tencent agreed to buy a 30% stake', 'Y, in which X is expected to take a stake' (not a plain 'in': 'X
    agreed in March to buy a stake' names no holding)."""
    controller = v
    while controller.dep_ == "xcomp" and controller.head.i != controller.i:
        controller = controller.head
        relative = [p for p in _pobjs((controller,), ("in",)) if p.tag_ in ("WDT", "WP")]
        if relative:
            return [a for p in relative for a in ctx.expand(p)]
    return []


#: The reciprocal pronouns, by either word the parse makes their head: 'each other', 'one another'.
_RECIPROCAL_PARTNER = {"other": "each", "another": "one", "one": "another"}


def _reciprocal(objects: list[Token]) -> bool:
    """Whether a preposition's object is 'each other' or 'one another'."""
    return any(c.lower_ == _RECIPROCAL_PARTNER.get(o.lower_) for o in objects for c in o.children)


def _names_a_holding(prep: Token) -> bool:
    """Whether a preposition on a stake says what it is in ('a stake in Y', 'a stake in the company'); not its size
    ('a stake of just under 5%')."""
    return prep.dep_ == "prep" and not (prep.lower_ == "of" and any(t.like_num or t.text == "%" for t in prep.subtree))


#: What a company is taken on as when it is no rival: 'took on Tencent as an investor'.
_TAKEN_ON_AS = lx.INVESTOR_GROUPS | {
    "partner",
    "customer",
    "client",
    "supplier",
    "adviser",
    "advisor",
    "sponsor",
    "owner",
}


def _phrasal_sense(v: Token, lemma: str, dobj: list[Token]) -> tuple[str, str, list[Token]] | None:
    """What a cue verb says with its particle or object noun, and the tokens that name its object: 'took on Y',
    'held off Y', 'took control of Y', 'took charge of Y', 'bought into Y'; None when it says what its cue says."""
    if lemma == "take" and _particle(v) == "on":
        # 'taking on Meituan': the small model may hang the rival on the particle; 'took on Tencent as an investor'
        # is no rivalry
        on = [p for c in v.children if c.dep_ == "prt" for p in c.children if p.dep_ == "pobj"]
        roles = [p for c in (*v.children, *dobj, *on) if c.lower_ == "as" for p in c.children if p.dep_ == "pobj"]
        if any(p.lemma_.lower() in _TAKEN_ON_AS for p in roles):
            return None
        return "competes_with", "compete.take_on", dobj + on
    if lemma == "hold" and _particle(v) == "off":
        # 'to hold off Ecovacs and Dreame': rivals kept at bay, named (not 'creditors including X'), and no investors
        # ('held off Elliott Management in a proxy fight')
        named = [d for d in dobj if d.pos_ == "PROPN" and not _investor_name(d)]
        return "competes_with", "compete.hold_off", named
    if lemma in lx.CONTROL_VERBS and (control := next((d for d in dobj if d.lower_ == "control"), None)) is not None:
        # 'Grab took control of OVO in 2021'; 'took direct control of Y' (a person who does runs it: lx.SUBJECT_SENSES)
        # ('Lazada, which Alibaba bought control of': the relative pronoun, an object beside 'control')
        named = (
            _named_tokens_after(control, "of")
            or _named_tokens_after(v, "of")
            or _relative_head(v)
            or [d for d in dobj if d is not control]
        )
        return "acquired", "acquire.managing_control" if _managing(control) else "acquire.take_control", named
    if lemma == "take" and dobj and (post := dobj[0]).lower_ in lx.TAKEN_POSTS:
        # ('took the helm at Honor': the small model hangs 'at' (or 'of') on the verb as often as on the post)
        return (
            "leads",
            "leads.take_charge",
            [t for h in (post, v) for w in ("of", "at") for t in _named_tokens_after(h, w)],
        )
    if lemma == "take" and _particle(v) == "over" and not dobj and (taken_at := _named_tokens_after(v, "at")):
        return "leads", "leads.take_charge", taken_at  # 'de Meo, who took over at Kering in September'
    if lemma == "buy" and not dobj and (bought_into := _named_tokens_after(v, "into")):
        return "invested_in", "invest.buy_into", bought_into  # 'Temasek bought into Meituan in 2015'
    return None


#: Words of a name that say its bearer invests: an investing word, or an asset manager's 'Management'.
_INVESTOR_NAME_WORDS = lx.INVESTING_WORDS | {"management"}


def _investor_name(name: Token) -> bool:
    """Whether a name says its bearer invests ('Elliott Management', 'Zentro Capital', 'Hillhouse Investment')."""
    return any(t.lower_ in _INVESTOR_NAME_WORDS for t in name.subtree if t.dep_ == "compound" or t is name)


def _sold_to(v: Token, lemma: str, dobj: list[Token]) -> bool:
    """'sold a stake in Y to X' (the small model hangs 'to X' on the stake as often as on the verb), 'issued new
    shares to X' (sold them)."""
    return (lemma == "sell" or (lemma == "issue" and any(d.lemma_.lower() in lx.STAKE_NOUNS for d in dobj))) and any(
        c.dep_ in ("prep", "dative") and c.lower_ == "to" for h in _sale_words(v, dobj) for c in h.children
    )


def _sale_words(v: Token, dobj: list[Token]) -> tuple[Token, ...]:
    """The words a sale's buyer ('to Y') may hang on: the verb, what it sells, and the worth of that ('sold new
    shares worth $1.1 billion to Y': the small model may hang 'to Y' on 'worth')."""
    return (v, *dobj, *(c for d in dobj for c in d.children if c.dep_ == "amod" and c.lower_ == "worth"))


#: Nouns of a group's own buyer: 'to a unit (an affiliate, a subsidiary) of X'.
_BUYING_UNITS = frozenset({"unit", "affiliate", "subsidiary", "arm", "vehicle"})


def _verb_sold_to(ctx: Context, v: Token, dobj: list[Token]) -> Iterator[Cand]:
    """'X sold Z (control of Z) to Y': Y acquired Z; 'X sold a controlling stake in Z to Y' (as :func:`_stake` reads
    it)."""
    pred, rule = "acquired", "acquire.sold_to"
    sold_to = _pobjs(_sale_words(v, dobj), ("to",), deps=_TO_DEPS)
    buyers = [a for p in sold_to for a in ctx.expand(p)] or [
        # 'sold a 30% stake in Y to a unit of Tencent': the group buys through its unit
        a
        for p in sold_to
        if p.lemma_.lower() in _BUYING_UNITS
        for a in _named_after(ctx, (p,), ("of",), refs=False)
        if a.type == "Organization"
    ]
    stake = next((d for d in dobj if d.lemma_.lower() in lx.STAKE_NOUNS), None)
    if stake is not None:
        pred, rule, targets = _stake(ctx, stake)
        targets = targets or _named_after(ctx, (v,), ("in", "of"))  # 'sold its shares in Y to X', 'in Y' on the verb
        if (
            not targets
            and not any(
                c.dep_ == "poss"
                or (c.dep_ == "prep" and c.lower_ in ("in", "of") and not list(c.children))
                or (h is stake and c.i < stake.i and ctx.tok_mention[c.i])  # 'to sell its Kakao Mobility stake to Y'
                for h in (v, stake)
                for c in h.children
            )
            and not any(_into_its_own_units(h, {"in", "of"}) for h in (v, stake))
        ):
            # (nor 'sold a stake in its esports business to A': in a unit it has, unnamed)
            # 'Ant International sold a minority stake to A': a stake in itself; not 'sold its stake to A' (in another),
            # nor 'the marketplace that GoTo sold a stake in to A' (in the marketplace)
            targets, rule = [a for a in ctx.subjects(v) if a.type == "Organization"], f"{rule}.sold_by_itself"
    elif control := [d for d in dobj if d.lemma_.lower() == "control"]:
        # 'GoTo sold control of Tokopedia to TikTok': the buyer took control of Y, which is an acquisition
        targets, rule = _named_after(ctx, control, ("of", "over")), f"{rule}.control"
    else:
        targets = ctx.objects(v)
    for b in buyers:
        for o in targets:
            yield Cand(b, pred, o, rule, v.i)


def _launched_on(ctx: Context, v: Token, dobj: list[Token], launched: list[Arg]) -> Iterator[Cand]:
    """'X launched Y on Douyin': Y operates on the platform."""
    for c in (c for h in (v, *dobj) for c in h.children):
        if c.dep_ == "prep" and c.lower_ == "on":
            for p in c.children:
                for plat in ctx.expand(p, refs=False) if p.dep_ == "pobj" else []:
                    for o in launched:
                        yield Cand(o, "operates_on", plat, "operates.launched_on", v.i)


def _under_possessor(t: Token, top: Token) -> bool:
    """Whether ``t`` is (in) a possessor in the phrase headed by ``top``."""
    while t.i != top.i:
        if t.dep_ == "poss":
            return True
        t = t.head
    return False


def _more_objects(
    ctx: Context, v: Token, pred: str, rule: str, dobj: list[Token], preps: set[str], objects: list[Arg]
) -> list[Arg]:
    """The objects some cues find beyond the verb's own: the one fined, the partner joined hands with …; and fewer
    for one: a company 'cut off' is sanctioned, not closed ('cut off Huawei'; a service cut off is closed)."""
    if pred == "closed" and v.lemma_.lower() == "cut":
        objects = [a for a in objects if a.type != "Organization"]
    if pred == "fined":  # 'fined Meituan 3.44 billion yuan': the one fined may hang off the amount
        # ('the CAC fined it 8.03 billion yuan': the small model reads the one fined as a dative)
        objects += [a for c in v.children if c.dep_ == "dative" for a in ctx.expand(c, refs=c.pos_ == "PRON")]
        before_amount = [
            c
            for d in dobj
            for c in d.subtree
            if c.i < d.i and c.dep_ in ("nmod", "compound") and not _under_possessor(c, d)
        ]
        # the small model hangs it on the amount or, with 'billion', on its number ('fined Coupang 16 billion won');
        # a possessor's name is the owner of what was fined, not it ('penalised Elon Musk's X €120 million')
        named = [a for c in before_amount if c.head.i >= c.i for a in ctx.expand(c, refs=False)]
        objects += list({a.key: a for a in named}.values())
    if pred == "operates_on":
        if v.lemma_.lower() == "sell":  # 'sell on Tmall'; what is sold ('sell Quantic Dream') is no platform
            sold = {a.key for d in dobj for a in ctx.expand(d, refs=False)}
            objects = [a for a in objects if a.key not in sold]
        objects += [
            a
            for d in dobj
            for c in d.children
            if c.dep_ == "prep" and c.lower_ in preps
            for p in c.children
            if p.dep_ == "pobj"
            for a in ctx.expand(p, refs=False)
        ]
        objects = [a for a in objects if a.type == "Organization"]
        if not objects and v.dep_ == "xcomp" and v.head.lemma_.lower() in lx.INVITE_VERBS:
            objects = ctx.subjects(v.head)
    if pred == "competes_with":
        rivalled = [*dobj, *_pobjs((v,), preps, deps=("prep", "dative"), conjoined=True)]
        objects += _business_owners(ctx, rivalled) + _makers_of_offerings(ctx, rivalled)
    if rule == "partner.join_forces":
        objects = [
            a
            for c in v.children
            if c.dep_ == "prep" and c.lower_ == "with"
            for p in c.children
            if p.dep_ == "pobj"
            for a in ctx.expand(p)
        ]
    return objects


def rule_sold_on(ctx: Context, v: Token) -> Iterator[Cand]:
    """'Atour Planet, the group's brand sold through Tmall, JD.com and Douyin': a name sold on platforms is on them
    (not shares 'sold on Nasdaq': an exchange is no platform; not 'sold by X' nor 'sold to X through Y': a sale;
    not a clause's own verb: 'X was sold on Y early' may be someone convinced)."""
    if v.dep_ != "acl" or not ctx.is_passive(v) or any(c.dep_ == "agent" or c.lower_ == "to" for c in v.children):
        return
    sold = [a for a in ctx.objects(v) if a.type in ("Organization", "Program")]
    platforms = [
        a
        for a in _named_after(ctx, (v,), ("on", "through", "via"), refs=False)
        if a.type == "Organization" and ctx.kinds.get(a.key) not in ("authority", "exchange")
    ]
    for s in sold:
        for o in platforms:
            if s.key != o.key:
                yield Cand(s, "operates_on", o, "operates.sold_on", v.i, dated=False)


def rule_pay_for(ctx: Context, v: Token) -> Iterator[Cand]:
    """'X paid US$840 million for a 75 per cent stake in Y', 'X paid €1.5 billion for 21% of Y': an investment in
    Y, or its acquisition; 'X paid RMB 2.49 billion for Y': Y's acquisition (not 'paid RMB 1 billion for Y's
    expansion', 'for advertising on Y': no company bought)."""
    # (not 'paid US$86 million for Kuaishou in its first funding round': a stake)
    paid_money = any(d.dep_ == "dobj" and _money_like(d) for d in v.children) and not any(
        t.lemma_.lower() in lx.ROUND_NOUNS | lx.STAKE_NOUNS | lx.SHARE_NOUNS for t in v.subtree
    )
    for c in v.children:
        if c.dep_ in ("prep", "dative") and c.lower_ == "for":
            bought = [
                a
                for p in (c.children if paid_money else ())
                if p.dep_ == "pobj" and ctx.tok_mention[p.i] and not possessors(p)
                for a in ctx.expand(p, refs=False)
                if a.type == "Organization" and ctx.kinds.get(a.key) in (None, "company")
            ]
            for s in (a for a in ctx.subjects(v) if a.type == "Organization"):
                yield from (Cand(s, "acquired", o, "acquire.paid_for", v.i) for o in bought if o.key != s.key)
            for stake in (
                p for p in c.children if p.dep_ == "pobj" and (p.lemma_.lower() in lx.STAKE_NOUNS or percent_of(p))
            ):
                pred, rule, targets = _stake(ctx, stake)
                for s in ctx.subjects(v):
                    for o in targets:
                        yield Cand(s, pred, o, rule, v.i)


def _stake(ctx: Context, stake: Token) -> tuple[str, str, list[Arg]]:
    """(predicate, rule, companies) of 'a (controlling | 75 per cent) stake in Y': a stake that gives control
    is an acquisition of Y, another one an investment in Y."""
    targets = _named_after(ctx, (stake,), ("in", "of"))
    if _controlling(ctx, stake):
        return "acquired", "acquire.controlling_stake", targets
    return "invested_in", "invest.stake", targets


def _controlling(ctx: Context, stake: Token) -> bool:
    """Whether a stake gives control: a control word ('a controlling stake', 'a majority stake') or more than half
    ('a 62% stake', 'a 75 per cent stake')."""
    percent = None
    for t in stake.subtree:
        if t.i < stake.i and t.like_num:
            nxt = ctx.tokens[t.i + 1] if t.i + 1 < len(ctx.tokens) else None
            if nxt is not None and nxt.lower_ in ("%", "per", "percent"):
                with contextlib.suppress(ValueError):
                    percent = float(t.text.replace(",", ""))
    return any(c.lower_ in lx.CONTROL_WORDS for c in stake.subtree if c.i < stake.i) or (percent or 0) > 50


def _succession(ctx: Context, v: Token, subjects: list[Arg], objects: list[Arg]) -> Iterator[Cand]:
    """'X succeeded Y as chief executive' (no organization named): X now leads what Y led."""
    holders = [v, *(c for c in v.children if c.dep_ == "dobj")]  # 'as' hangs off the verb or its object
    roles = [
        p
        for h in holders
        for c in h.children
        if c.dep_ == "prep" and c.lower_ == "as"
        for p in c.children
        if p.dep_ == "pobj" and (_role_of(p) or ("",))[0] == "leads"
    ]
    if any(c.dep_ == "prep" for r in roles for c in r.children):
        return
    first = _role_of(roles[0]) if roles else None
    role = first[1] if first else None
    for s in subjects:
        for o in objects:
            if roles:
                org = ctx.organization_of(o.key, role)
                if org is not None:
                    yield Cand(s, "leads", org, "leads.succession", v.i, role=role)
            elif ctx.leads.get(o.key) and s.type == "Person":
                # 'Y was replaced by X': X now leads what Y was last read to lead, in Y's role
                yield Cand(
                    s, "leads", ctx.organization_of(o.key), "leads.succession.implicit", v.i, role=ctx.role_of(o.key)
                )


def rule_handover(ctx: Context, v: Token) -> Iterator[Cand]:
    """'X handed the chief executive role to Y', 'X gave up the post to Y': Y succeeded X, and leads
    the organization the role names or X was last read to lead (or to have founded)."""
    yield from _handed_business(ctx, v)
    posts = [c for c in v.children if c.dep_ == "dobj" and c.lemma_.lower() in lx.HANDED_POSTS]
    heirs = [a for a in _named_after(ctx, (v, *posts), ("to",), refs=False, deps=_TO_DEPS) if a.type == "Person"]
    if not posts or not heirs:
        return
    role = role_in(ctx.doc[posts[0].left_edge.i : posts[0].i].text)
    if role is None and any(c.dep_ == "det" and c.lower_ in ("that", "this") for c in posts[0].children):
        # 'took over as chief executive in 2019 and handed that role to Y': the role its conjoined clause took
        role = next(
            (
                r
                for u in v.conjuncts
                for o in _pobjs((u,), ("as",))
                if (r := role_in(ctx.doc[o.left_edge.i : o.i + 1].text))
            ),
            None,
        )
    named = [a for c in possessors(posts[0]) for a in ctx.expand(c)] + [
        a
        for c in posts[0].children
        if c.dep_ == "prep" and c.lower_ in ("of", "at")
        for p in c.children
        if p.dep_ == "pobj"
        for a in ctx.expand(p)
    ]
    # ("ByteDance's Zhang Yiming handed the CEO job to Y": the company whose person the giver is named as)
    givers_own = [
        a
        for c in v.children
        if c.dep_ == "nsubj"
        for p in possessors(c)
        for a in ctx.expand(p, refs=False)
        if a.type == "Organization"
    ]
    for x in (a for a in ctx.subjects(v) if a.type == "Person"):
        for y in heirs:
            yield Cand(y, "succeeded", x, "succeed.handover", v.i)
            org = named[0] if named else ctx.organization_of(x.key, role) or next(iter(givers_own), None)
            if org is not None and role:
                yield Cand(y, "leads", org, "leads.succession", v.i, role=role)


def role_in(words: str) -> str | None:
    """The role the longest role noun in ``words`` names ('the chief executive role': CEO), if any."""
    padded = f" {words.lower()} "
    return next((r for k, r in sorted(lx.ROLE_NOUNS.items(), key=lambda kv: -len(kv[0])) if f" {k} " in padded), None)


def _handed_business(ctx: Context, v: Token) -> Iterator[Cand]:
    """'GoTo handed control of Tokopedia to TikTok', 'Walmart handed its Yihaodian business to JD.com': the company it
    goes to acquired it (a business named by the subject's possessive or by 'control of')."""
    dobj = [c for c in v.children if c.dep_ == "dobj"]
    if not dobj or irrealis(v):
        return
    thing = dobj[0]
    if thing.lower_ == "control":
        handed = [a for p in _named_tokens_after(thing, "of") for a in ctx.expand(p, refs=False)]
    elif thing.lemma_.lower() in lx.BUSINESS_KINDS and possessors(thing):
        handed = _named_kind(ctx, thing)
    else:
        handed = [a for a in ctx.expand(thing, refs=False) if a.type == "Organization"]
    buyers = [a for a in _named_after(ctx, (v, thing), ("to",), deps=_TO_DEPS) if a.type == "Organization"]
    for b in buyers:
        for o in handed:
            if b.key != o.key and o.type == "Organization":
                yield Cand(b, "acquired", o, "acquire.handover", v.i)


def _is_round(tok: Token) -> bool:
    """'round', 'financing', or a lettered round ('Series C', whose head the small model makes the letter)."""
    return tok.lemma_.lower() in lx.ROUND_NOUNS or any(
        c.dep_ == "compound" and c.lower_ == "series" for c in tok.children
    )


def _list_right_before(ctx: Context, n: Token) -> list[Arg]:
    """The members of a list of names that ends right before ``n`` when ``n`` reads as its verb ('A, B and C battle
    for control'): the word after it is a preposition."""
    after = ctx.tokens[n.i + 1] if n.i + 1 < len(ctx.tokens) else None
    last = ctx.tok_mention[n.i - 1] if n.i > 0 else None
    if after is None or after.lower_ not in ("for", "over", "with", "to") or last is None:
        return []
    end = ctx._arg(last).span
    return next((members for _, members in ctx.lists if len(members) >= 2 and members[-1].span == end), [])


def _names_read_on(ctx: Context, i: int, separators: tuple[str, ...], end: int | None = None) -> tuple[list[Arg], int]:
    """The names listed from token ``i`` on, read on tokens (the small model parses such lists every which way):
    names and the ``separators`` between them, up to the first other token or ``end``; and where that stopped."""
    tokens, names = ctx.tokens, []
    end = len(tokens) if end is None else end
    while i < end:
        if (m := ctx.tok_mention[i]) is not None:
            names.append(ctx._arg(m))
            i = m[1]
        elif tokens[i].lower_ in separators:
            i += 1
        elif names and i + 2 < end and one_word_bracket(tokens, i):
            i += 3  # a word in brackets after a name, its native form mostly: 'the Cheers (芝华仕) brand'
        else:
            break
    return names, i


def rule_take_private(ctx: Context, private: Token) -> Iterator[Cand]:
    """'Silver Lake agreed to take Electronic Arts private', 'Geely is taking premium EV brand Zeekr private', '51job
    was taken private by a consortium including DCP Capital and Ocean Link', 'Network International, which Brookfield
    took private in 2024': the buyers acquire the company (read on tokens: the small model parses 'X private' every
    which way). Not 'Zeekr stays private' (no taking)."""
    tokens = ctx.tokens
    if ctx.tok_mention[private.i] is not None or (private.dep_ in ("amod", "compound") and private.head.i > private.i):
        return  # a word of a name or of what it qualifies: 'HSBC Private Bank', 'private equity funds'
    take = next(
        (
            tokens[j]
            for j in range(private.i - 1, max(private.i - 8, -1), -1)
            if tokens[j].lemma_.lower() == "take" and tokens[j].pos_ in ("VERB", "AUX")
        ),
        None,
    )
    if take is None or any(t.is_punct or t.pos_ in ("VERB", "AUX") for t in tokens[take.i + 1 : private.i]):
        return
    between = _names_read_on(ctx, _name_start(ctx, take.i + 1, private.i), (), private.i)[0]
    if between:  # active: 'take X private'
        taken, buyers = between, ctx.subjects(take) or _clause_actor(ctx, take)
    elif take.dep_ == "relcl" and not ctx.is_passive(take):  # 'Network International, which X took private'
        taken, buyers = ctx.expand(take.head), ctx.subjects(take)
    else:  # passive: 'X was taken private by A', 'by a consortium including A and B'
        taken = [a for c in take.children if c.dep_ == "nsubjpass" for a in ctx.expand(c)]
        by = next((t for t in tokens[private.i + 1 : private.i + 8] if t.lower_ == "by"), None)
        buyers = _names_after_by(ctx, by) if by is not None else []
    for b in buyers:
        for t in taken:
            if b.type == "Organization" and t.type == "Organization" and b.key != t.key:
                yield Cand(b, "acquired", t, "acquire.take_private", private.i)


def _name_start(ctx: Context, i: int, end: int) -> int:
    """The first token from ``i`` (before ``end``) that starts a name, past its describing words ('premium EV brand
    Zeekr'); ``end`` when none does."""
    return next((k for k in range(i, end) if (m := ctx.tok_mention[k]) is not None and m[0] == k), end)


def _names_after_by(ctx: Context, by: Token) -> list[Arg]:
    """The names 'by' introduces, or those a group it names lists ('by a consortium including A, B and C', 'by a
    consortium that included A and B')."""
    tokens = ctx.tokens
    named = _names_read_on(ctx, by.i + 1, (",", "and"))[0]
    if named:
        return named
    # ('by a consortium that included A and B': the group's relative clause lists them too)
    k = next(
        (t.i for t in tokens[by.i + 1 : by.i + 6] if t.lower_ in ("including", "led", "included", "includes")), None
    )
    if k is None:
        return []
    start = k + 2 if tokens[k].lower_ == "led" and k + 1 < len(tokens) and tokens[k + 1].lower_ == "by" else k + 1
    place = ctx.tok_mention[start] if start < len(tokens) else None
    if place is not None and ctx._arg(place).type == "Place" and place[1] < len(tokens):
        start = place[1] + 1 if tokens[place[1]].lower_ in ("'s", "’s") else start  # "Australia's SEEK Ltd."
    named, stop = _names_read_on(ctx, start, (",", "and"))
    if named and stop < len(tokens) and tokens[stop].lower_ in ("'s", "’s"):
        named = named[:-1]  # ('… and Hillhouse Capital, and 58.com's recruitment arm': the last owns what follows)
    return named


def _names_listed_from(ctx: Context, i: int) -> list[Arg]:
    """The names listed from token ``i`` on ('Alibaba, JD.com and Meituan'); [] unless a name stands at ``i``."""
    named = i < len(ctx.tok_mention) and ctx.tok_mention[i] is not None
    return _names_read_on(ctx, i, (",", "and"))[0] if named else []


def _names_before_unit_noun(
    ctx: Context, i: int, kinds: AbstractSet[str] = frozenset()
) -> tuple[list[Arg], int] | None:
    """The names listed from token ``i`` up to a unit noun ('Apollo Go unit', 'the Omoda, Jaecoo and Chirey
    brands', 'Taobao Instant Commerce and Ele.me units'), or a noun of one of the ``kinds`` of business by its lemma,
    and that noun's index; None unless only names, commas, 'and' and 'the' stand before it."""
    names, stop = _names_read_on(ctx, i, (",", "and", "the"))
    if not names or stop >= len(ctx.tokens):
        return None
    noun = ctx.tokens[stop]
    return (names, stop) if noun.lower_ in lx.UNIT_NOUNS or noun.lemma_.lower() in kinds else None


def _bracket_opening(tokens: Sequence[Token], close: int) -> int:
    """The index of the '(' that the ')' at ``close`` closes (a short aside: a code, a name), or -1."""
    return next((k for k in range(close - 1, max(close - 8, -1), -1) if tokens[k].text == "("), -1)


def _before_aside(ctx: Context, i: int) -> Token:
    """Token ``i``, or the name before the brackets it closes when they name nothing else: 'Sea Ltd (SE), whose …'
    is Sea's clause, a listing code between ('Meituan (and Keeta), whose …' is not Meituan's alone); or the name an
    appositive ending there describes: 'ByteDance, the owner of TikTok and Douyin, whose …' is ByteDance's clause."""
    t = ctx.tokens[i]
    if t.text != ")":
        h = first_conjunct(t)
        prep = h.head
        if h.dep_ == "pobj" and prep.lower_ == "of" and prep.head.dep_ == "appos" and ctx.ent(prep.head.head):
            return prep.head.head  # (not 'the agreement with Geely, whose …': Geely's)
        return t
    opening = _bracket_opening(ctx.tokens, i)
    if opening <= 0:
        return t
    named = ctx.ent(ctx.tokens[opening - 1])
    inside = [a for k in range(opening + 1, i) if (a := ctx.ent(ctx.tokens[k])) is not None]
    if named is None or any(a.key != named.key for a in inside):
        return t
    return ctx.tokens[opening - 1]


def rule_whose_unit(ctx: Context, whose: Token) -> Iterator[Cand]:
    """'Baidu, whose Apollo Go unit runs …', 'Alibaba — whose Taobao Instant Commerce and Ele.me units …': the
    units of the organization the relative clause follows, read on tokens where the small model loses the relative
    clause (where it keeps it, 'whose' stands for that name in :meth:`Context.expand`)."""
    if any(a.dep_ == "relcl" for a in whose.ancestors):
        return
    set_off = whose.i >= 2 and ctx.tokens[whose.i - 1].text in (",", "—", "–")
    owner = ctx.ent(_before_aside(ctx, whose.i - 2)) if set_off else None
    found = _names_before_unit_noun(ctx, whose.i + 1, lx.BUSINESS_KINDS)  # ('whose Shopee marketplace')
    if owner is None or owner.type != "Organization" or found is None:
        return
    for unit in found[0]:
        yield Cand(unit, "part_of", owner, "part_of.whose_unit", whose.i, dated=False)


def rule_maker_behind(ctx: Context, behind: Token) -> Iterator[Cand]:
    """'Man Wah Holdings, the recliner maker behind the Cheers brand', 'ByteDance is the company behind TikTok and
    Douyin': what a company is behind is its own, a unit or a brand; a product it is behind it launched ('miHoYo,
    the studio behind Genshin Impact'). Not 'lags behind Y' (a verb's: rule_ranked_against), nor 'the investor
    behind Y' (an investor's is a stake)."""
    kind = behind.head
    if behind.dep_ != "prep" or kind.pos_ != "NOUN" or kind.lemma_.lower() not in lx.MAKER_KIND_NOUNS:
        return
    if any(w.lower_ in lx.INVESTING_WORDS for w in kind.subtree if w.i < kind.i):
        return  # 'Hillhouse, the investment firm behind JD.com': an investor's
    if kind.dep_ == "appos":
        owners = ctx.expand(kind.head)
    elif kind.dep_ == "attr" and kind.head.lemma_ == "be":
        owners = ctx.subjects(kind.head)
    else:
        return
    listed = _names_before_unit_noun(ctx, behind.i + 1)  # 'behind the Omoda and Jaecoo brands'
    # (not 'the company behind most iPhones', 'the battery giant behind Tesla's Model 3': a supplier's customers')
    owned = (
        listed[0]
        if listed
        else [
            a
            for p in _pobjs((kind,), ("behind",))
            if not possessors(p) and not any(c.lower_ in ("most", "many", "some", "half", "all") for c in p.children)
            for a in ctx.expand(p, refs=False)
        ]
    )
    for owner in owners:
        for o in owned:
            if owner.type != "Organization" or o.key == owner.key:
                continue
            if o.type == "Program":
                yield Cand(owner, "launched", o, "launch.behind", behind.i, dated=False)
            else:
                yield Cand(o, "part_of", owner, "part_of.behind", behind.i, dated=False)


_UNDER_BRAND_RULES = {"launched": "launch.under_brand", "relaunched": "relaunch.under_brand"}


#: Nouns of the names a company sells under ('under the X brand', 'under brands such as A and B').
_BRAND_NOUNS = frozenset({"brand", "banner", "label", "marque"})


def _brands_named_from(ctx: Context, i: int) -> list[Arg]:
    """The names listed from token ``i`` up to a brand noun ('the KFC, Pizza Hut and Taco Bell brands'), or []."""
    found = _names_before_unit_noun(ctx, i)
    return found[0] if found is not None and ctx.tokens[found[1]].lemma_.lower() in _BRAND_NOUNS else []


def rule_under_brands(ctx: Context, under: Token) -> Iterator[Cand]:
    """'Chery, which sells under the Omoda, Jaecoo and Chirey brands', 'X operates under the Y banner', 'X runs
    hotels under brands including A, B and C': brands of the organization whose clause it is."""
    brands = _brands_named_from(ctx, under.i + 1)
    examples = not brands
    if examples:  # 'under brands such as A and B' (not 'under Tmall's brands such as …': another's)
        brands = [
            a
            for p in under.children
            if p.dep_ == "pobj" and p.lemma_.lower() in _BRAND_NOUNS and not possessors(p)
            for a in _examples_listed(ctx, p)
        ]
    if not brands:
        return
    verb = governing_verb(under)
    launching = cue_predicate(verb)
    for owner in ctx.subjects(verb):
        if owner.type == "Organization":
            # (not what a retailer or a maker for others sells under: 'sells shoes under brands including Nike', a
            # brand the knowledge base knows as a company of its own or of another group)
            for brand in [b for b in brands if not (examples and _placed_apart(ctx, under, b, owner))]:
                # 'Careem Rides operates under the Careem brand': a name it shares is its group's, not its own unit
                # (a longer one is its own: 'GreenTree runs hotels under brands including GreenTree Inn')
                if not owner.key.startswith(brand.key):
                    yield Cand(brand, "part_of", owner, "part_of.under_brand", under.i, dated=False)
                    if launching in _UNDER_BRAND_RULES:  # 'Didi relaunched its food service under the 99Food brand'
                        yield Cand(owner, launching, brand, _UNDER_BRAND_RULES[launching], under.i)


def rule_owner_of_brands(ctx: Context, n: Token) -> Iterator[Cand]:
    """'Yum China, the largest restaurant operator by sales and owner of the KFC, Pizza Hut and Taco Bell brands, …':
    the brands a name's appositive says it owns, read on tokens where the small model hangs 'owner' on the phrase
    before it (an appositive 'owner' is the relational noun's). Not when a verb or another name stands between the
    comma and 'owner' ('Yum China, which sold shares to the owner of …')."""
    tokens = ctx.tokens
    if n.dep_ in ("appos", "pobj") or n.i + 2 >= len(tokens) or tokens[n.i + 1].lower_ != "of":
        return  # ('an investor in the owner of …', 'in talks with the owner of …': someone else)
    brands = _brands_named_from(ctx, n.i + 2)
    if not brands:
        return
    k = n.i - 1
    while k > 0 and tokens[k].text != "," and ctx.tok_mention[k] is None and tokens[k].pos_ not in ("VERB", "AUX"):
        k -= 1
    if any(t.lower_ in lx.FORMER_WORDS for t in tokens[k + 1 : n.i]):
        return  # 'the e-commerce giant and former owner of the Intime brand'
    described = ctx._mention_before_comma(k + 1) if tokens[k].text == "," else None
    owner = ctx._arg(described) if described is not None else None
    if owner is None or owner.type != "Organization":
        return
    for brand in brands:
        if brand.key != owner.key:
            yield Cand(brand, "part_of", owner, "owns.brands_owner", n.i, dated=False)


def rule_stepping_down(ctx: Context, v: Token) -> Iterator[Cand]:
    """'X will step down as chief executive (of Y)', 'X is to retire as chairman': who is to leave a post holds it
    now (of Y, or of the article's organization the sentence names). Not 'X resigned as chief executive' (past: no
    longer), nor a post with no title."""
    if v.lemma_.lower() == "step" and _particle(v) not in ("down", "aside"):
        return
    future = any(c.dep_ == "aux" and c.lower_ in ("will", "would", "shall") for c in v.children) or (
        v.dep_ == "xcomp" and v.head.lemma_.lower() in ("be", "plan", "expect", "intend", "prepare")
    )
    if not future:
        return
    posts = [p for c in v.children if c.dep_ == "prep" and c.lower_ == "as" for p in c.children if p.dep_ == "pobj"]
    for post in posts:
        role = _role_of(post)
        if role is None or role[0] != "leads":
            continue
        named = _named_after(ctx, (post,), ("of",))
        for person in ctx.subjects(v):
            if person.type != "Person":
                continue
            # (no 'of': what the person was just read leading, or the article's organization the sentence names)
            led = [org for org, _ in ctx.leads.get(person.key, [])][-1:]
            salient = ctx.salient if ctx.salient is not None and ctx.names_in_sentence(ctx.salient.key, v.i) else None
            for org in named or led or ([salient] if salient else []):
                yield Cand(person, "leads", org, "leads.stepping_down", v.i, role=role[1], dated=False,
                               event=False)  # fmt: skip


def rule_took_over_on_leaving(ctx: Context, v: Token) -> Iterator[Cand]:
    """'Chen took over as chairman when founder Colin Huang stepped down', 'X, who took over last year after his
    predecessor Y left', 'X became chief executive after Y retired', 'X returned as chief executive after Y stepped
    down': X succeeded Y. Not 'took over the unit when
    sales fell' (no one left), 'took over after Y joined the board' (no leaving), nor 'took over as CFO after Y
    retired as chairman' (another post)."""
    lemma = v.lemma_.lower()
    particle = _particle(v)
    taken = lemma == "take" and (
        particle == "over" or any(c.dep_ == "dobj" and c.lower_ in lx.TAKEN_POSTS for c in v.children)
    )
    became = lemma == "become" and any(c.dep_ == "attr" and _role_of(c) for c in v.children)
    post = _post_taken(v)
    # 'X returned (stepped in, came back) as chief executive after Y stepped down'
    # (not 'X stepped down as chairman after Y left': a leaving)
    came_as = lemma in lx.ARRIVE_AS_VERBS and not _particle_in(v, ("down", "aside", "out")) and post is not None
    if not (taken or became or came_as):
        return
    # ('in 2022 when Y stepped down': the small model may hang the clause on the date)
    clauses = [c for c in v.children if c.dep_ == "advcl"] + [
        r for p in _pobjs((v,), ("in",)) for r in p.children if r.dep_ == "relcl"
    ]
    for clause in clauses:
        if clause.lemma_.lower() not in lx.LEAVE_VERBS or not any(
            c.dep_ in ("mark", "advmod") and c.lower_ in ("when", "after", "as") for c in clause.children
        ):
            continue
        if clause.lemma_.lower() == "step" and not _particle_in(clause, ("down", "aside")):
            continue
        left = _post_taken(clause)
        if post and left and post != left:
            continue
        # ('took over when Y stepped down in 2021': the leaving dates the succession when the taking is undated)
        dated_by_leaving = any(t.ent_type_ == "DATE" for t in clause.subtree) and not any(
            t.ent_type_ == "DATE"
            for c in v.children
            if c.i != clause.i and c.dep_ in ("prep", "npadvmod", "advmod")
            for t in c.subtree
        )
        trigger = clause.i if dated_by_leaving else v.i
        for heir in (a for a in ctx.subjects(v) if a.type == "Person"):
            for leaver in (a for a in ctx.subjects(clause) if a.type == "Person" and a.key != heir.key):
                yield Cand(heir, "succeeded", leaver, "succeed.took_over_on_leaving", trigger)


def _particle_in(v: Token, words: tuple[str, ...]) -> bool:
    """Whether the verb's particle (or the adverb the small model reads it as) is one of ``words``: 'stepped down'."""
    return any(c.dep_ in ("prt", "advmod") and c.lower_ in words for c in v.children)


def _post_taken(v: Token) -> str | None:
    """The role a verb of taking or leaving a post names ('as chairman', 'became chief executive'), or None."""
    for c in v.children:
        nouns = [c] if c.dep_ == "attr" else [p for p in c.children if p.dep_ == "pobj"] if c.lower_ == "as" else []
        for n in nouns:
            if (role := _role_of(n)) is not None and role[0] == "leads":
                return role[1]
    return None


def rule_under_leader(ctx: Context, under: Token) -> Iterator[Cand]:
    """'Under chief executive Chung Shin-a, Kakao has sold dozens of affiliates', 'Lazada has shifted focus under CEO
    James Dong', 'Meituan, under chief executive Wang Xing, countered': the clause's organization (or the name the
    phrase is set off after) is led (or was founded) by the titled person it is under. Not 'under pressure from X',
    nor a bare name ('under Ma'), nor a noun's ('the group's management under chief executive X')."""
    # ('under chief executive Wang Xing': the small model may make the title a second object)
    person = next(
        (
            m
            for c in under.subtree
            if (u := _under_of(c)) is not None and u.i == under.i and (m := ctx.tok_mention[c.i])
        ),
        None,
    )
    if person is None or ctx.types.get(person[2]) != "Person" or person[0] <= under.i + 1:
        return
    words = ctx.tokens[under.i + 1 : person[0]]
    roles = title_roles([w.text for w in words])
    organizations = _organizations_under(ctx, under)
    if not roles and len(words) == 1 and words[0].lower_ in ("governor", "commissioner"):
        # 'the PBOC, under Governor Pan Gongsheng': an authority's head by the title of its office (a country under
        # its president is no organization led)
        roles = [("leads", words[0].lower_)]
        organizations = [a for a in organizations if ctx.kinds.get(a.key) == "authority"]
    if not roles:
        return
    for titled, titles in _titled_people(ctx, person, roles):
        who = ctx._arg(titled)
        for org in organizations:
            for pred, role in dict.fromkeys(titles):
                yield Cand(who, pred, org, f"{pred}.under_title", under.i, role=role, dated=False, event=False)


def _titled_people(
    ctx: Context, person: tuple[int, int, str], roles: list[tuple[str, str | None]]
) -> list[tuple[tuple[int, int, str], list[tuple[str, str | None]]]]:
    """A titled person with the roles of their title, then the people conjoined after them, each with the roles of
    their own title ('under Chairman Joe Tsai and Chief Executive Eddie Wu': Eddie Wu as chief executive); none
    untitled ('and Zhang' has no role)."""
    out = [(person, roles)]
    end = person[1]
    for k in ctx.mention_head[person].conjuncts:
        m = ctx.tok_mention[k.i]
        if m is None or m[0] < end or ctx.types.get(m[2]) != "Person":
            continue
        words = [w.text for w in ctx.tokens[end : m[0]] if w.lower_ not in ("and", ",")]
        if own := title_roles(words):
            out.append((m, own))
        end = m[1]
    return out


def _under_of(name: Token) -> Token | None:
    """The 'under' whose object ``name`` is: 'under CEO X', and 'under returning chief executive X' (the small model
    may read the tenure word as a verb with X its object)."""
    if name.dep_ == "pobj" and name.head.lower_ == "under":
        return name.head
    if name.dep_ == "appos" and name.head.dep_ == "pobj" and name.head.head.lower_ == "under":
        return name.head.head  # ('under chief executive X': the title may come parsed as the object, X beside it)
    verb = name.head
    if (
        name.dep_ == "dobj"
        and verb.dep_ == "pcomp"
        and verb.lower_ in lx.TENURE_MODIFIERS
        and verb.head.lower_ == "under"
    ):
        return verb.head
    return None


def _organizations_under(ctx: Context, under: Token) -> list[Arg]:
    """The organizations an 'under' phrase puts under someone: the name it is set off after, or its clause's
    subject; [] when the phrase is about a noun ('the shake-up of the giant's management under …')."""
    fronted = under.is_sent_start or (under.i > 0 and ctx.tokens[under.i - 1].text in (",", "—", "–", ";"))
    named = ctx.ent(under.head) if fronted and under.head.i < under.i else None
    if named is not None and named.type == "Organization":
        return [named]  # 'Meituan, under chief executive Wang Xing, countered …': the name the phrase follows
    if under.head.pos_ in ("VERB", "AUX") or (
        under.head.dep_ in ("dobj", "pobj")
        and not ctx.tok_mention[under.head.i]
        and not possessors(under.head)
        and not any(c.dep_ == "prep" and c.lower_ == "of" for c in under.head.children)
    ):
        # ('Lazada has shifted focus from volume under CEO James Dong': or hung on a noun inside the predicate;
        # 'X was carved out in 2023 under chief executive Y': a passive's subject)
        v = governing_verb(under)
        return [a for a in (ctx.objects(v) if ctx.is_passive(v) else ctx.subjects(v)) if a.type == "Organization"]
    return []


#: Unit nouns of an appositive 'X, the … arm of Y'.
_APPOSITIVE_UNITS = frozenset({"arm", "unit", "subsidiary", "division", "affiliate"})


def rule_unit_appositive(ctx: Context, n: Token) -> Iterator[Cand]:
    """'JD Logistics, the delivery and warehousing arm of Chinese retailer JD.com, …': X is a unit of Y. Read on
    tokens (the small model often hangs 'arm' on a conjunct): a name, a comma, 'the', only lower-case words, the
    unit noun, 'of', at most three lower-case words or adjectives ('Chinese'), a name."""
    tokens = ctx.tokens
    if n.i + 1 >= len(tokens) or tokens[n.i + 1].lower_ != "of":
        return
    j = n.i + 2
    while (
        j < len(tokens)
        and j < n.i + 5
        and ctx.tok_mention[j] is None
        and (tokens[j].is_lower or tokens[j].pos_ == "ADJ")
    ):
        j += 1
    owner = ctx.ent(tokens[j]) if j < len(tokens) else None
    named = tokens[j] if j < len(tokens) else None
    while named is not None and named.dep_ == "compound" and named.head.i > named.i:
        named = named.head  # 'the arm of TikTok owner ByteDance': the name the compound describes is the owner
    if named is not None and ctx.ent(named) is None:
        named = next((c for c in named.children if c.dep_ == "appos"), named)  # (or hangs beside it)
    if named is not None and named.i != j:
        owner = ctx.ent(named)  # (none for 'the games unit of a Tencent rival')
    k = n.i - 1
    while k > 0 and (tokens[k].is_lower or tokens[k].text in ("-", "‐")) and tokens[k].lower_ not in lx.ARTICLES:
        k -= 1
    if owner is None or tokens[k].lower_ != "the" or k < 2 or tokens[k - 1].text != ",":
        return
    e = k - 2
    if tokens[e].text == ")":  # 'JD Logistics (2618.HK), the … arm of JD.com'
        e = _bracket_opening(tokens, e) - 1
    unit = ctx.ent(tokens[e]) if e >= 0 else None
    if unit is not None and unit.key != owner.key and owner.type == "Organization":
        yield Cand(unit, "part_of", owner, "part_of.noun", n.i, dated=False)


#: Who lends rather than invests: 'a Goldman-led syndicate of banks (lenders)'.
_LENDER_NOUNS = frozenset({"bank", "lender", "underwriter", "creditor", "bondholder"})
#: Verbs of stakes traded for each other: 'A and B swapped (exchanged) stakes', 'A swapped shares with B'.
_SWAP_VERBS = frozenset({"swap", "exchange"})


def rule_build_stake(ctx: Context, v: Token) -> Iterator[Cand]:
    """'X has built (amassed, raised, doubled) stakes in A, B and C', 'X retains a 25% stake in Y': an investment in
    each, whatever the verb; 'X will take 18 per cent of Y' (a share of a company it names); 'A and B swapped
    stakes' (each in the other)."""
    low = v.lemma_.lower()
    stakes = [
        c
        for c in v.children
        if c.dep_ == "dobj"
        and (
            (c.lemma_.lower() in ("stake", "holding") and low != "take")  # ('take a stake': the verb rule's)
            or (low in _SWAP_VERBS and c.lemma_.lower() == "share" and c.tag_ == "NNS")  # ('swapped shares')
            or (low == "take" and is_percent(c) and ctx.tok_mention[c.i] is None and _named_tokens_after(c, "of"))
        )
    ]
    if low in _SWAP_VERBS and any(possessors(c) or _pobjs((c,), ("in", "of")) for c in stakes):
        return  # 'swapped its stake in Y with Z', 'swapped stakes in Y': a holding in a third company changed hands
    if stakes and not (low in ("retain", "keep") and _stake(ctx, stakes[0])[0] == "acquired"):
        yield from _verb_stake(ctx, v, stakes[0])  # (keeping control of Y is no acquisition of it)


def _fraction_of(t: Token) -> bool:
    """'a third (half, quarter) of Y': a share of what 'of' names, told as a fraction."""
    return t.lemma_.lower() in lx.FRACTION_NOUNS and any(c.dep_ == "prep" and c.lower_ == "of" for c in t.children)


def rule_shares_on(ctx: Context, n: Token) -> Iterator[Cand]:
    """ "Meituan's shares on the Hong Kong Stock Exchange', 'shares of Alibaba on the NYSE', 'NIO's closing price on
    the New York Stock Exchange', "its American depositary shares, listed on the NYSE under …", 'its shares, which
    trade on Nasdaq': a company whose stock trades on an exchange is listed there (a standing fact, not dated by the
    trading day). Not 'shares on a platform' (no exchange), nor an exchange's own shares."""
    # ('its shares, listed (traded) on Y': the exchange on the participle set off after the shares)
    # ('its shares, which trade on Y': or on a relative clause)
    said_on = [c for c in n.children if c.dep_ in ("acl", "relcl") and c.lemma_.lower() in ("list", "trade")]
    traded = [n.head] if n.dep_ == "compound" and n.head.lemma_.lower() == "trade" else []
    # ('whose A shares trade on the ChiNext board': the small model may read the verb as a noun)
    exchanges = [
        a
        for a in _named_after(ctx, (n, *said_on, *traded), ("on",), refs=False)
        + [s for t in traded for s in _segments_after(ctx, t)]
        if ctx.kinds.get(a.key) == "exchange"
    ]
    if not exchanges:
        return
    companies = [a for c in (n, *traded) for p in possessors(c) for a in ctx.expand(p)] + (
        _named_after(ctx, (n,), ("of",)) if n.lemma_.lower() in lx.SHARE_NOUNS else []
    )
    for company in companies:
        if company.type == "Organization" and ctx.kinds.get(company.key) != "exchange":
            for exchange in exchanges:
                yield Cand(company, "listed_on", exchange, "listed_on.shares", n.i, dated=False)


def rule_ranked_against(ctx: Context, t: Token) -> Iterator[Cand]:
    """'Shopee ranks ahead of Lazada and Tokopedia', 'Lazada has fallen further behind Shopee': a company a clause
    ranks ahead of (behind) others competes with them. Not 'ahead of the results' (no company), 'Tencent invested
    ahead of Alibaba' (an event's 'ahead of' is 'before'), nor 'the company behind TikTok' (a noun's owner)."""
    ranked = t.head if t.head.lemma_.lower() in lx.RANK_NOUNS and not _named_tokens_after(t.head, "in") else None
    if t.lower_ == "ahead":
        rivals = _named_after(ctx, (t,), ("of",), refs=False)
    elif t.lower_ == "behind" and t.dep_ == "prep" and (ranked or t.head.pos_ in ("VERB", "AUX", "ADV")):
        rivals = [a for p in t.children if p.dep_ == "pobj" for a in ctx.expand(p, refs=False)]
    else:
        return
    verb = governing_verb(t)
    if ranked is not None:
        holders = _rank_holders(ctx, ranked)
    elif verb.pos_ not in ("VERB", "AUX") or cue(verb, lx.VERB_CUES):
        return  # ('Tencent invested ahead of Alibaba': before it)
    else:
        holders = list(ctx.subjects(verb))
    for s in holders if rivals else []:
        for o in rivals:
            if s.key != o.key and s.type == o.type == "Organization":
                yield Cand(s, "competes_with", o, "compete.ranked", t.i, dated=False)


def _rank_holders(ctx: Context, n: Token) -> list[Arg]:
    """Whose place in a market a rank noun names: 'Oppo's share', 'leaving Oppo with a share', 'Vivo held a share'
    (a stake, 'a share in Y', is no place in a market)."""
    holders = [a for c in possessors(n) for a in ctx.expand(c)]
    if not holders and n.dep_ == "pobj" and n.head.lower_ == "with":
        holders = [a for c in n.head.head.children if c.dep_ == "dobj" for a in ctx.expand(c)]
    if not holders and n.dep_ in ("dobj", "attr"):
        holders = list(ctx.subjects(governing_verb(n)))
    return holders


def rule_stake_in_exchange(ctx: Context, n: Token) -> Iterator[Cand]:
    """'Uber handed over its Southeast Asian operations in exchange for a 27.5% stake in Grab', 'in return for a stake
    in Y': whoever gives something up for a stake in Y invests in Y (dated by the clause)."""
    exchange = n.head
    if n.dep_ != "pobj" or exchange.lower_ != "for" or exchange.head.lemma_.lower() not in ("exchange", "return"):
        return
    opener = exchange.head.head  # 'in'
    if opener.lower_ != "in" or opener.dep_ != "prep":
        return
    targets = [a for a in _named_after(ctx, (n,), ("in",), refs=True) if a.type == "Organization"]
    for investor in ctx.subjects(opener.head) if targets else []:
        for target in targets:
            if investor.key != target.key:
                yield Cand(investor, "invested_in", target, "invest.stake_in_exchange", n.i)


def rule_possessed_stake(ctx: Context, n: Token) -> Iterator[Cand]:
    """ "Tencent's stake in Meituan was worth …", 'Prosus said its holding in Tencent fell': whoever a stake is said
    to be is its holder, an investor of no date the sentence gives ('talks about selling its controlling stake in
    Y': Y is its unit). Not 'its stake in the outcome' (no company named)."""
    holders = [a for c in possessors(n) for a in ctx.expand(c) if a.type in ("Organization", "Person")]
    if not holders or any(c.dep_ == "det" and c.lower_ == "no" for c in n.children):
        return
    pred, rule = ("owns", "owns.possessed_stake") if _controlling(ctx, n) else ("invested_in", "invest.possessed_stake")
    sale = governing_verb(n)
    if sale.lemma_.lower() in _SALE_VERBS and (
        (pred == "invested_in" and ctx.subjects(sale)) or (pred == "owns" and sale.tag_ in ("VBD", "VBN"))
    ):
        return  # a minority stake a seller sells is rule_sell_holding's; 'has sold its controlling stake': no unit
    if pred == "owns" and _sale_completed(n):
        return  # 'completed the sale of its controlling stake in Y': no longer its unit
    for s in holders:
        for o in _named_after(ctx, (n,), ("in",)):
            if s.key != o.key and o.type == "Organization":
                yield Cand(s, pred, o, rule, n.i, dated=False)


def rule_possessed_control(ctx: Context, n: Token) -> Iterator[Cand]:
    """'Tencent's control of China Literature', 'its ownership of Lazada': the possessor owns what its control is of,
    whatever else the sentence says of that (a standing relation: no date). Not 'Alibaba's control over prices'
    (no company), nor control given up ('Tencent ceded its control of Huya')."""
    owners = [a for c in possessors(n) for a in ctx.expand(c) if a.type in ("Organization", "Person")]
    if not owners or governing_verb(n).lemma_.lower() in lx.GIVE_UP_VERBS:
        return
    for s in owners:
        for o in _named_after(ctx, (n,), ("of", "over")):
            if s.key != o.key and o.type == "Organization":
                yield Cand(s, "owns", o, "owns.possessed_control", n.i, dated=False)


_SALE_NOUNS = frozenset({"sale", "disposal", "divestment", "divestiture"})
_COMPLETING_VERBS = frozenset({"complete", "close", "finalize", "finalise", "finish"})


def _sale_completed(stake: Token) -> bool:
    """'X completed (closed) the sale of its controlling stake in Y': a stake a finished sale was of; not 'the planned
    sale of …' nor 'agreed to complete the sale of …'."""
    of = stake.head
    sale = of.head if stake.dep_ == "pobj" and of.lower_ == "of" else None
    if sale is None or sale.lemma_.lower() not in _SALE_NOUNS:
        return False
    verb = sale.head if sale.dep_ in ("dobj", "nsubjpass") else None
    return verb is not None and verb.lemma_.lower() in _COMPLETING_VERBS and verb.tag_ in ("VBD", "VBN")


_HOLDING_NOUNS = frozenset({"stake", "holding", "position"})
_SALE_VERBS = frozenset({"sell", "offload", "divest", "trim", "reduce", "cut", "distribute"})
#: Verbs of selling a whole holding that are no cue of their own ('sell' is rule_verb's).
_DISPOSAL_VERBS = frozenset({"offload", "divest"})


def rule_sell_holding(ctx: Context, v: Token) -> Iterator[Cand]:
    """'X sold part of its holding in Y', 'X will sell roughly half of its stake in Y', 'X has cut positions in A and
    B': the seller held a stake, an investment of no date the sentence gives (the sale's date is not the
    investment's)."""
    dobj = [c for c in v.children if c.dep_ == "dobj"]
    if v.lemma_.lower() in _DISPOSAL_VERBS and any(
        c.dep_ in ("prep", "dative") and c.lower_ == "to" for h in _sale_words(v, dobj) for c in h.children
    ):  # 'offloaded its controlling stake in Y to X', as 'sold … to X' (rule_verb's)
        yield from _verb_sold_to(ctx, v, dobj)
        return
    # ('cut positions in A and B': a position sold is a holding)
    stakes = [d for d in dobj if d.lemma_.lower() in _HOLDING_NOUNS] + [
        p
        for d in dobj
        if d.lemma_.lower() in lx.PORTION_WORDS
        for c in d.children
        if c.dep_ == "prep" and c.lower_ == "of"
        for p in c.children
        if p.dep_ == "pobj" and p.lemma_.lower() in _HOLDING_NOUNS
    ]
    if not stakes or _stake(ctx, stakes[0])[0] == "acquired":
        return  # 'sold a 75% stake in Y': a controlling holder's sale of a unit, not an investor's
    for s in ctx.subjects(v):
        for o in _named_after(ctx, (v, stakes[0]), ("in", "of")):
            if s.key != o.key:
                yield Cand(s, "invested_in", o, "invest.sell_holding", v.i, dated=False)


def rule_lead_round(ctx: Context, v: Token) -> Iterator[Cand]:
    """'X led Y's Series D financing', 'Y's round was led by X'."""
    rounds = [c for c in v.children if c.dep_ in ("dobj", "nsubjpass") and _is_round(c)]
    rounds += [
        p
        for c in v.children
        if c.dep_ == "prep" and c.lower_ == "in"
        for p in c.children
        if p.dep_ == "pobj" and _is_round(p)
    ]
    investee_from_clause = []
    clause = None
    if (described := _round_described(v)) is not None:  # 'Y raised money in a round led by X'
        rounds.append(described)
        # ('Y was valued at $12 billion in a round led by X': the passive's subject)
        clause = governing_verb(described.head) if described.head.i != described.i else None
        investee_from_clause = (
            (ctx.objects(clause) if ctx.is_passive(clause) else ctx.subjects(clause)) if clause is not None else []
        )
    for r in rounds:
        # (a participle the parser hung on the clause or a date has the clause's subject: its leaders are its agents)
        hung_apart = r is described and v.head.i != r.i
        leaders = _named_after(ctx, (v,), ("by",), deps=("agent",)) if hung_apart else ctx.subjects(v)
        # ('Tencent led its previous round': 'its' is the company raising, never the one that leads)
        pronoun = any(c.pos_ == "PRON" for c in possessors(r))
        with ctx.excluding(ctx.exclude | ({a.key for a in leaders} if pronoun else set())):
            investees = _round_investees(ctx, r) or investee_from_clause or _round_raiser(ctx, r)
        investors = leaders + _participants(ctx, v, r, clause)
        for s in investors:
            for o in investees:
                if s.key != o.key:
                    yield Cand(s, "invested_in", o, "invest.lead_round", v.i)


def _round_described(v: Token) -> Token | None:
    """The round a participle of leading describes: 'a round led by X'; 'valued … in a funding round in 2023 led by
    X', where the small model hangs the participle on the clause or on the date."""
    if v.dep_ == "acl" and v.head.lemma_.lower() in lx.ROUND_NOUNS:
        return v.head
    amount = v.head
    if v.dep_ == "acl" and amount.dep_ == "pobj" and amount.head.lower_ == "of" and _is_round(amount.head.head):
        return amount.head.head  # 'a round of US$300 million led by X': the participle hung on the amount
    if v.dep_ == "conj" and v.tag_ == "VBN" and any(c.dep_ == "agent" for c in v.children):
        # 'a round led by A and joined by B': the same round (the small model may conjoin the second participle to
        # the clause the round is in)
        if v.head.tag_ == "VBN" and v.head.dep_ == "acl":
            return _round_described(v.head)
        rounds = [r for r in _pobjs((v.head,), ("in",)) if r.i < v.i and _is_round(r)]
        return rounds[-1] if rounds else None
    dated = v.dep_ == "acl" and v.head.ent_type_ == "DATE"
    if (v.dep_ == "advcl" or dated) and v.tag_ == "VBN" and any(c.dep_ == "agent" for c in v.children):
        clause = governing_verb(v.head)
        rounds = [r for r in _pobjs((clause,), ("in",)) if r.i < v.i and r.lemma_.lower() in lx.ROUND_NOUNS]
        return rounds[-1] if rounds else None
    return None


def _stake_or_round(ctx: Context, v: Token, pred: str, dobj: list[Token]) -> list[Cand] | None:
    """What a verb says when its object is a stake ('bought a 5% stake in Y', 'owns 14% of Y') or it is about a
    funding round ('invested in earlier rounds', 'also took part'); None when it is neither."""
    if (
        pred in ("acquired", "owns")
        and dobj
        and (dobj[0].lemma_.lower() in lx.STAKE_NOUNS or is_percent(dobj[0]) or _fraction_of(dobj[0]))
        and not (dobj[0].lemma_.lower() == "share" and _market_ground(dobj[0]))  # 'took market share'
    ):
        return list(_verb_stake(ctx, v, dobj[0], held=pred == "owns"))
    if pred in ("invested_in", "participant_in"):
        return _round_investment(ctx, v, pred, dobj)
    return None


def _round_investees(ctx: Context, r: Token) -> list[Arg]:
    """The company a round names: "Y's Series D financing", "the Y Series D round", "the Series B round of Y"."""
    investees = [a for c in possessors(r) for a in ctx.expand(c)]
    investees += _named(
        ctx.ent(t)
        for t in r.lefts
        if t.dep_ in ("compound", "nmod")
        for t in t.subtree
        if t.dep_ in ("compound", "nmod")
    )
    return investees + _named_after(ctx, (r,), ("in", "for", "of"))


def _round_raiser(ctx: Context, r: Token) -> list[Arg]:
    """'Zepto raised $450 million. The round was led by X': the company a definite round names none of is the one
    that raised money last, in its sentence or the two before ([] when none did)."""
    if any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in r.children):
        return []  # 'led a round in …' names its company, or none
    return _recent_raiser(ctx, r.i)


def _recent_raiser(ctx: Context, i: int) -> list[Arg]:
    """The organization that raised money last before token ``i``, in its sentence or the two before; or, when a
    round comes nearer, the company that round values ('… a funding round that valued Y. The round was led by X':
    Y, not a company said to have raised money earlier)."""
    first = ctx.sent_first[max(ctx.sent_index[i] - 2, 0)]
    for t in reversed(ctx.tokens[first:i]):
        if t.pos_ == "VERB" and t.lemma_.lower() == "raise":
            raisers = [a for a in ctx.subjects(t) if a.type == "Organization"]
            if raisers:
                return raisers
        elif _is_round(t) and (named := _round_valued(ctx, t)):
            return named
    return []


def _round_valued(ctx: Context, r: Token) -> list[Arg]:
    """The company a round's relative clause values: 'a round, completed this month, that valued Y at …' (the
    small model may hang the clause on the participle between: the first 'that (which) valued' after the round)."""
    valuing = next(
        (
            v
            for v in ctx.tokens[r.i + 1 : r.sent.end]
            if v.lemma_.lower() == "value"
            and v.pos_ == "VERB"
            and any(c.dep_ == "nsubj" and c.lower_ in ("that", "which") for c in v.children)
        ),
        None,
    )
    if valuing is None:
        return []
    return [
        a for c in valuing.children if c.dep_ == "dobj" for a in ctx.expand(c, refs=False) if a.type == "Organization"
    ]


def _absolute_with_lead(ctx: Context, v: Token) -> list[Arg]:
    """The first of the subjects of an absolute 'with' clause, where the small model hangs it on the name before
    ('led by GIC, with Hillhouse, Boyu and CIIF also taking part': 'with Hillhouse' on GIC, Boyu the subject)."""
    subject = next((c for c in v.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.left_edge.i < 2 or ctx.tokens[subject.left_edge.i - 1].text != ",":
        return []
    before = ctx.tokens[subject.left_edge.i - 2]
    while before.dep_ != "pobj" and before.head.i != before.i and before.head.i > before.i:
        before = before.head  # (from the last word of the name to its head)
    if before.dep_ == "pobj" and before.head.lower_ == "with" and before.head.i < v.i:
        return ctx.expand(before, refs=False)
    return []


def _round_investment(ctx: Context, v: Token, pred: str, dobj: list[Token]) -> list[Cand] | None:
    """'A and B invested in earlier rounds, alongside C', 'A also took part (in the round), alongside C': an
    investment in the company whose round it is (the round's own name for it, else the one that raised money just
    before, else, for a round named, the article's main company); None when the verb is about no round."""
    ins = _pobjs((v,), ("in",))
    rounds = [p for p in ins if _is_round(p)]
    taking_part = pred == "participant_in" and not ins and all(d.lower_ == "part" for d in dobj)
    if not rounds and not taking_part:
        return None
    investees = [a for r in rounds for a in _round_investees(ctx, r)] or _recent_raiser(ctx, v.i)
    if not investees and rounds and ctx.dominant is not None:
        investees = [ctx.dominant]
    if not investees:
        return None
    investors = [a for a in ctx.subjects(v) if a.type in ("Organization", "Person")]
    investors += _named_after(ctx, (v,), ("alongside",), refs=False)
    investors += [a for a in _absolute_with_lead(ctx, v) if a.type in ("Organization", "Person")]
    rule = "invest.round" if rounds else "invest.took_part"
    # 'earlier rounds' are not dated by the news the sentence follows
    dated = not any(c.lower_ in lx.EARLIER_WORDS for r in rounds for c in r.children)
    return [Cand(s, "invested_in", o, rule, v.i, dated=dated) for s in investors for o in investees if s.key != o.key]


def _named_kind(ctx: Context, noun: Token) -> list[Arg]:
    """The names that modify a kind of thing before it and name it ('its Doubao family', "Orbis Labs' Kestrel
    chatbot", 'its Yihaodian business')."""
    return _named(ctx.ent(k) for k in noun.children if k.dep_ in ("compound", "nmod") and k.i < noun.i)


def rule_launched_itself(ctx: Context, v: Token) -> Iterator[Cand]:
    """'Meituan's Keeta launched in Hong Kong in 2023', 'since its Doubao family launched in 2024': a product (a
    unit) said to launch, with no object, was launched by its possessor. Not 'Keeta launched in 2023' (no one named
    as its owner), 'PDD's Temu launched in Brazil (there) in 2024' (an entry into a market, not the launch), nor
    'Meituan launched Keeta' (the verb rule's)."""
    if ctx.is_passive(v) or any(c.dep_ in ("dobj", "nsubjpass") for c in v.children):
        return
    if any(c.lower_ in ("there", "here", "locally") for c in v.children) or any(
        a.type == "Place" for p in _pobjs((v,), ("in",)) for a in ctx.expand(p, refs=False)
    ):
        return
    for subject in (c for c in v.children if c.dep_ == "nsubj"):
        owners = [a for c in possessors(subject) for a in ctx.expand(c) if a.type == "Organization"]
        for launched in ctx.expand(subject, refs=False) or _named_kind(ctx, subject):
            for owner in owners:
                if launched.key != owner.key and launched.type in ("Organization", "Program"):
                    yield Cand(owner, "launched", launched, "launch.itself", v.i)


def rule_round_drew(ctx: Context, v: Token) -> Iterator[Cand]:
    """'Zhipu's Series C round drew Tencent and Meituan', 'The round, which also drew GIC, values Ant
    International at …': who a round draws invests in the company whose round it is (its own name for it, the
    company it values, else the one that raised money just before)."""
    r = v.head if v.dep_ == "relcl" else next((c for c in v.children if c.dep_ == "nsubj"), None)
    if r is None or not _is_round(r):
        return
    investors = [a for c in v.children if c.dep_ == "dobj" for a in ctx.expand(c, refs=False)]
    values = r.dep_ == "nsubj" and r.head.lemma_.lower() == "value"  # 'the round … values Y at …'
    valued = [a for c in r.head.children if c.dep_ == "dobj" for a in ctx.expand(c, refs=False)] if values else []
    investees = _round_investees(ctx, r) or valued or _round_raiser(ctx, r)
    for s in investors:
        for o in investees:
            if s.key != o.key and s.type in ("Organization", "Person") and o.type == "Organization":
                yield Cand(s, "invested_in", o, "invest.round_drew", v.i)


def _participants(ctx: Context, v: Token, r: Token, clause: Token | None = None) -> list[Arg]:
    """'X led the round, with participation from A and B', 'with A and B taking part (joining)', 'alongside C':
    the others who took part ('with participation from' also on the ``clause`` naming the round: 'Y raised money
    in a round led by X, with participation from A')."""
    participation = [
        a
        for c in (*v.children, *(clause.children if clause is not None else ()))
        if c.dep_ == "prep" and c.lower_ == "with"
        for n in c.children
        if n.dep_ == "pobj" and n.lemma_.lower() == "participation"
        for p in n.children
        if p.dep_ == "prep" and p.lower_ == "from"
        for q in p.children
        if q.dep_ == "pobj"
        for a in ctx.expand(q, refs=False)
    ]
    taking_part = [
        w
        for c in v.children
        if c.dep_ == "prep" and c.lower_ == "with"
        for w in c.children
        if w.dep_ in ("pcomp", "pobj") and _takes_part(w)
    ]
    joined = [a for w in taking_part for c in w.children if c.dep_ == "nsubj" for a in ctx.expand(c, refs=False)]
    # 'led the round alongside C': the small model hangs 'alongside' on the verb or on the round
    return participation + joined + _named_after(ctx, (v, r, *taking_part), ("alongside",), refs=False)


def _takes_part(w: Token) -> bool:
    """'participating', 'joining', 'investing', 'taking part'."""
    lemma = w.lemma_.lower()
    return lemma in ("participate", "join", "invest") or (
        lemma == "take" and any(c.dep_ == "dobj" and c.lower_ == "part" for c in w.children)
    )


def rule_coop_noun(ctx: Context, n: Token) -> Iterator[Cand]:
    """'reached (a) cooperation with X', 'through cooperation with X, Y …', 'the cooperation between X and Y'."""
    if ctx.tok_mention[n.i]:
        return  # a name's word ('Blackbird Ventures', 'Partnership Capital') is no partnership
    rule = "partner.noun"
    subjects: list[Arg] = []
    # ('signed technology and joint venture deals with Y': the small model may make the deals a conjunct of the
    # verb's object)
    taken = n.head if n.dep_ == "conj" and n.head.dep_ == "dobj" and n.head.head.pos_ == "VERB" else n
    if n.lemma_.lower() in lx.COOP_NOUNS_WITH_PARTY and not (
        taken.dep_ == "dobj" and taken.head.lemma_.lower() in lx.CONTRACT_VERBS
    ):
        return  # ('A and B signed a contract', 'signed a contract with B'; not 'won a contract with the army')
    if taken.dep_ in ("dobj", "attr"):
        subjects = ctx.subjects(taken.head)
        if taken.head.lemma_.lower() in lx.COOP_SUPPORT:
            rule = "partner.reach"
    elif n.dep_ == "pobj" and n.head.dep_ == "prep" and n.head.lower_ in ("through", "via", "by", "after", "in"):
        subjects = ctx.subjects(governing_verb(n.head))
    elif n.dep_ == "nsubjpass" and n.head.lemma_.lower() in lx.COOP_SUPPORT:
        subjects, rule = ctx.subjects(n.head), "partner.reach"  # 'the venture was formed by A and B'
    elif n.dep_ == "pobj" and n.head.dep_ == "prep" and n.head.lower_ == "under":
        # 'Uber and Baidu began offering rides under a partnership (the two companies signed)': theirs
        subjects, rule = ctx.subjects(governing_verb(n.head)), "partner.under"
    if not subjects and n.dep_ in ("dobj", "attr"):
        subjects = _business_owners(ctx, [c for c in n.head.children if c.dep_ == "nsubj"])
    # 'Carizon, its joint venture with Y': 'its' is not the venture's own
    with ctx.excluding({a.key for a in ctx.expand(n.head, refs=False)} if n.dep_ == "appos" else set()):
        subjects += [a for c in n.children if c.dep_ == "poss" for a in ctx.expand(c)]
    # 'the Tencent joint venture with Y': a name before the noun is one side of it
    subjects += [
        a for c in n.lefts if c.dep_ in ("compound", "nmod") and (a := ctx.ent(c)) and a.type == "Organization"
    ]
    objects, between = [], []
    listed: list[tuple[Arg, int]] = []
    for c in n.children:
        if c.dep_ == "prep" and c.lower_ == "with":
            # ('its joint venture with Geely': the small model may read the name as the preposition's clause)
            objects += [
                a
                for p in c.children
                if p.dep_ == "pobj" or (p.dep_ == "pcomp" and ctx.tok_mention[p.i])
                for a in ctx.expand(p)
            ]
            # ('deals with A in 2024 and with B in 2025': each later preposition is its own cue, and its own date's)
            listed += [
                (a, p.head.i) for p in _listed_after(c) for a in ctx.expand(p, refs=False) if a.type == "Organization"
            ]
        # ('a joint venture of A, B and C': its partners, when the 'of' names two or more)
        if c.dep_ == "prep" and (c.lower_ == "between" or (c.lower_ == "of" and n.lemma_.lower() == "venture")):
            between += [a for p in c.children if p.dep_ == "pobj" for a in ctx.expand(p)]
    if not objects and taken.dep_ in ("dobj", "attr"):
        objects = ctx.objects(taken.head, {"with"})
    for a, b in _pairs(between):
        # ('Anchorpoint, a joint venture of A, B and C': a description, undated by its sentence's news)
        yield Cand(a, "partner_of", b, "partner.between", n.i, dated=n.dep_ != "appos")
    if objects:
        for s in subjects:
            for o in objects:
                yield Cand(s, "partner_of", o, rule, n.i)
            for o, cue_at in listed:
                yield Cand(s, "partner_of", o, rule, cue_at)
        if subjects and n.lemma_.lower() == "venture":  # 'a joint venture with A and B': they own it together
            for a, b in _pairs(objects):
                yield Cand(a, "partner_of", b, f"{rule}.coordinated", n.i)
    elif rule in ("partner.reach", "partner.under") and not _deals_each_with_others(n.head):
        for a, b in _pairs(subjects):
            yield Cand(a, "partner_of", b, f"{rule}.coordinated", n.i)


def rule_work_with(ctx: Context, v: Token) -> Iterator[Cand]:
    """'X has worked with Y on in-car assistants', 'the site, which X operates with Y', 'X runs the game with Y': a
    company that works or runs something with another named company is its partner (not 'works with merchants', nor
    a bank or law firm that worked with one side of a deal)."""
    if any(t.lemma_.lower() in lx.ADVISORY_WORDS for t in v.sent):
        return  # 'Trip.com was advised by A; Rutalia worked with B': B advised on a deal
    partners = [a for a in _named_after(ctx, (v,), ("with",), conjoined=True) if a.type == "Organization"]
    for s in ctx.subjects(v) if partners else []:
        if s.type == "Organization":
            for o in partners:
                yield Cand(s, "partner_of", o, "partner.work_with", v.i)


def rule_compete_noun(ctx: Context, n: Token) -> Iterator[Cand]:
    """'put X in (direct) competition with Y', 'X's rivalry with Y', 'the competition between X and Y'."""
    # 'faces competition in freight from Y': the small model may hang the rival on the market
    markets = (n, n.head) if n.dep_ == "dobj" else (n,)  # (or on the verb's 'in')
    heads = [
        n,
        *(
            p
            for h in markets
            for c in h.children
            if c.dep_ == "prep" and c.lower_ == "in"
            for p in c.children
            if p.dep_ == "pobj"
        ),
    ]
    if n.dep_ == "pobj" and n.head.lower_ in ("in", "into"):
        heads.append(n.head.head)  # 'puts X in competition with A, …, and with B': the second 'with' on the verb
    preps = (
        ("with", "against", "from", "to") if n.lemma_.lower() in lx.COMPETE_NOUNS_TO else ("with", "against", "from")
    )
    against = _pobjs(heads, preps, conjoined=True)
    if len(heads) > 1 and n.dep_ == "pobj":
        # 'puts it in competition with A for queries and with B for ads': the second 'with' conjoined to the 'for'
        against += [
            p
            for c in (*n.children, *heads[-1].children)
            if c.dep_ == "prep" and c.i > n.i
            for k in c.conjuncts
            if k.pos_ == "ADP" and k.lower_ in preps
            for p in k.children
            if p.dep_ == "pobj"
        ]
    if n.dep_ == "dobj":
        # 'is fighting a subsidy war at home with A and B', 'stepping up its challenge to A and B': the small model may
        # hang the rival's preposition on the verb
        verb_preps = [c for c in n.head.children if c.dep_ == "prep" and c.lower_ in preps and c.i > n.i]
        against += [
            p
            for c in verb_preps
            for p in c.children
            if p.dep_ == "pobj"
            and not any(k.lower_ == "as" for k in (*p.children, *c.children))  # ('… with X as a partner')
        ]
        # 'faces competition from A, and from firms such as B': the small model conjoins the second 'from' to the verb,
        # or to a relative clause on the first ('from A and B, both of which own fleets, and from C')
        against += [
            p
            for c in (*n.head.children, *n.subtree)
            if c.dep_ == "conj" and c.pos_ == "ADP" and c.lower_ in preps and c.i > n.i
            for p in c.children
            if p.dep_ == "pobj"
        ]
    named = [a for p in against for a in ctx.expand(p, refs=False)] + _business_owners(ctx, against)
    rivals = list({a.key: a for a in named}.values())
    if not rivals and (answered := _answered_challenge(ctx, n)):
        # 'Alibaba responded to JD.com's challenge', 'Didi fended off Meituan's threat': the one who answers it
        for s, o in answered:
            yield Cand(s, "competes_with", o, "compete.noun", n.i, dated=False)
        return
    # 'a race among A, B and C', 'a subsidy war between the two'; 'as A, B and C battle for …' (the small model
    # takes the verb for a noun after a list)
    between = _named_after(ctx, (n,), ("between", "among", "amongst")) or _list_right_before(ctx, n)
    for a, b in _pairs(between):
        yield Cand(a, "competes_with", b, "compete.noun.between", n.i)
    if not rivals:
        # 'the platforms' price war', 'their price war': among the names the article just listed
        for a, b in _pairs([a for c in possessors(n) for a in ctx.plural_reference(c)]):
            yield Cand(a, "competes_with", b, "compete.noun.between", n.i)
        # 'A, B and C are locked in a costly contest': among the names of the subject
        for a, b in _pairs(_engaged_in(ctx, n)):
            yield Cand(a, "competes_with", b, "compete.noun.engaged", n.i, dated=False)
        return
    subjects = [a for c in possessors(n) for a in ctx.expand(c)]
    if not subjects and n.dep_ == "pobj" and n.head.lower_ in ("in", "into"):
        v = n.head.head
        objs = [a for c in v.children if c.dep_ == "dobj" for a in ctx.expand(c)] if v.pos_ == "VERB" else []
        if v.pos_ == "VERB" and ctx.tok_mention[v.i] is not None:
            # 'puts Keep in competition with Y': the small model may read a name that is a word as a verb
            objs = [a for a in _named((ctx.ent(v),)) if a.type == "Organization"]
        elif _puts_the_doer(v):
            # 'it agreed to buy a stake in Y, putting it in competition with Z': the buyer, not Y, meets Z
            objs = [a for a in ctx.subjects(v.head) if a.type == "Organization"]
        if not objs and v.pos_ == "VERB" and ctx.is_passive(v):  # 'X is locked (embroiled, caught up) in a war with Y'
            objs = [a for c in v.children if c.dep_ == "nsubjpass" for a in ctx.expand(c)]
        subjects = objs or (ctx.subjects(v) if v.pos_ in ("VERB", "AUX") else [])
    if not subjects and n.dep_ == "dobj":  # 'Meituan faces competition from Douyin', 'X launched a price war with Y'
        subjects = ctx.subjects(n.head)
    rule = "compete.noun"
    if not subjects and (subjects := _clause_actor(ctx, n)):
        rule = "compete.noun.clause"
    for s in subjects:
        for o in rivals:
            yield Cand(s, "competes_with", o, rule, n.i, dated=False)
    if subjects and _MULTIWAY.search(n.doc[n.left_edge.i : n.i].text):
        for a, b in _pairs(rivals):  # 'a three-way battle with B and C': B and C fight each other too
            yield Cand(a, "competes_with", b, "compete.noun.multiway", n.i, dated=False)


def rule_possessed_launch(ctx: Context, v: Token) -> Iterator[Cand]:
    """ "AliExpress's Choice programme, the low-cost service launched in 2023", "Tencent's Yuanbao assistant, the
    chatbot unveiled in May": a product named with its possessor, described by a participle of launching with no
    launcher of its own, was launched by that possessor (as one that 'launched' itself, :func:`rule_launched_itself`).
    Not one launched 'by' someone (the agent rules')."""
    if (
        cue_predicate(v) != "launched"
        or v.dep_ != "acl"
        or v.tag_ != "VBN"
        or any(c.dep_ in ("agent", "dobj", "nsubjpass") for c in v.children)
    ):
        return
    noun = v.head  # the product's noun, or a noun set beside it ('Choice programme, the … service launched')
    if noun.dep_ == "appos":
        noun = noun.head
    products = [a for a in ctx.expand(noun, refs=False) or _named_kind(ctx, noun) if a.type == "Program"]
    owners = [a for c in possessors(noun) for a in ctx.expand(c) if a.type == "Organization"]
    for owner in owners:
        for product in products:
            yield Cand(owner, "launched", product, "launch.possessed", v.i)


def _answered_challenge(ctx: Context, n: Token) -> list[tuple[Arg, Arg]]:
    """For a challenge or a threat named by its possessor and answered by a verb's subject ('Alibaba responded to
    JD.com's challenge', 'Didi fended off Meituan's threat'): (subject, challenger) pairs of organizations. Not a
    possessive pronoun (a company's own challenge), nor a challenge that is the subject ('JD.com's challenge
    faded')."""
    if n.lemma_.lower() not in lx.COMPETE_NOUNS_TO - {"answer", "alternative"}:
        return []
    if n.dep_ == "dobj":
        verb = n.head
    elif n.dep_ == "pobj" and n.head.dep_ == "prep":
        verb = n.head.head
    else:
        return []
    challengers = [
        a for c in possessors(n) if c.pos_ != "PRON" for a in ctx.expand(c, refs=False) if a.type == "Organization"
    ]
    if verb.pos_ != "VERB" or not challengers:
        return []
    return [(s, o) for s in ctx.subjects(verb) if s.type == "Organization" for o in challengers if o.key != s.key]


def _puts_the_doer(v: Token) -> bool:
    """Whether ``v`` is a participle set after a clause with no subject of its own and 'it' as its object ('…,
    putting it in direct competition with Z'): that 'it' is the clause's doer."""
    return (
        v.dep_ == "advcl"
        and v.tag_ == "VBG"
        and v.i > v.head.i
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in v.children)
        and any(c.dep_ == "dobj" and c.lower_ == "it" for c in v.children)
    )


def _engaged_in(ctx: Context, n: Token) -> list[Arg]:
    """The organizations a clause says are in the contest ``n`` ('A and B are locked (embroiled, engaged) in a price
    war'): the subject of such a verb (or of 'be') with 'in' the contest; [] for anything else."""
    if n.dep_ != "pobj" or n.head.lower_ != "in" or n.head.head.lemma_.lower() not in lx.ENGAGED_VERBS:
        return []
    v = n.head.head
    return [
        a for c in v.children if c.dep_ in ("nsubj", "nsubjpass") for a in ctx.expand(c) if a.type == "Organization"
    ]


def rule_fold_into(ctx: Context, v: Token) -> Iterator[Cand]:
    """'Tencent folded Kugou and Kuwo into the group in 2016', 'JD merged Dada into its JD Retail arm': what is
    folded (merged, consolidated) into an organization becomes part of it; and a unit it is folded into, when the
    folder's own ('folding its Ele.me service into a rebranded Taobao Instant Commerce unit'), is the folder's.
    Not 'merged with Y' (no 'into'), nor plans folded into a strategy (no name)."""
    folders = [a for a in ctx.subjects(v) if a.type == "Organization"] if not ctx.is_passive(v) else []
    into = _pobjs((v, *(c for c in v.children if c.dep_ == "dobj")), ("into",))
    # (a model or feature folded into apps is built in, not made a unit: 'folded its Seedance model into CapCut')
    folded = [c for c in v.children if c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() not in lx.FEATURE_NOUNS]
    parts = [a for c in folded for a in _named_unit(ctx, c) if a.type in ("Organization", "Program")]
    # ('Tencent folded Kugou and Kuwo into the group': the group is neither Tencent nor what it folded)
    ctx.exclude = {a.key for a in (*folders, *parts)}
    try:
        wholes = [a for p in into for a in _named_unit(ctx, p) if a.type == "Organization"]
    finally:
        ctx.exclude = set()
    for s in parts:
        for o in wholes:
            if s.key != o.key:
                yield Cand(s, "part_of", o, "part_of.fold_into", v.i)
    kinds = [p for p in into if p.lemma_.lower() in lx.BUSINESS_KINDS and not possessors(p)]
    for kind in kinds:
        new = any(c.dep_ == "amod" and c.lower_ == "new" for c in kind.children)
        for unit in _named_unit(ctx, kind):
            for owner in (o for o in folders if o.key != unit.key):
                yield Cand(unit, "part_of", owner, "part_of.fold_into.unit", v.i)
                if new:  # 'folding its Ele.me app into a new Taobao Instant Commerce business': it launched that
                    yield Cand(owner, "launched", unit, "launch.fold_into_new", v.i)


def _named_unit(ctx: Context, t: Token) -> list[Arg]:
    """The names a noun phrase gives, and for a kind of business named by a name before it ('its Xiaodu unit', 'a
    rebranded Taobao Instant Commerce unit') that name."""
    if t.lemma_.lower() in lx.BUSINESS_KINDS and (named := _named(ctx.ent(c) for c in t.lefts if c.dep_ == "compound")):
        return named
    return ctx.expand(t)


def rule_portfolio(ctx: Context, v: Token) -> Iterator[Cand]:
    """'HongShan's portfolio includes ByteDance and Meituan', 'Temasek's holdings include Shein': what an investor's
    portfolio holds, it has invested in (not 'the regulator's portfolio includes …': an authority invests in
    nothing)."""
    portfolios = [c for c in v.children if c.dep_ == "nsubj" and c.lemma_.lower() in lx.PORTFOLIO_NOUNS]
    investors = [a for p in portfolios for a in _portfolio_holders(ctx, p)]
    held = [a for c in v.children if c.dep_ == "dobj" for a in ctx.expand(c, refs=False) if a.type == "Organization"]
    for s in investors:
        for o in held:
            if s.key != o.key:
                yield Cand(s, "invested_in", o, "invest.portfolio", v.i, dated=False)


def rule_portfolio_examples(ctx: Context, n: Token) -> Iterator[Cand]:
    """'Tencent has kept its foreign holdings, including Supercell and Riot Games', 'HongShan's portfolio, including
    ByteDance and Shein, has doubled': the examples of what an investor's portfolio holds, it has invested in (not
    'the regulator's portfolio, including X': an authority invests in nothing; not 'SoftBank sold investments such as
    Uber': no holder named)."""
    if not _holdings_of_stakes(n):
        return
    investors = _portfolio_holders(ctx, n)
    held = [a for a in _examples_listed(ctx, n) if a.type == "Organization"] if investors else []
    for s in investors:
        for o in held:
            if s.key != o.key:
                yield Cand(s, "invested_in", o, "invest.portfolio", n.i, dated=False)


def _holdings_of_stakes(n: Token) -> bool:
    """Whether a noun of holdings means stakes: 'its foreign holdings', 'its investments', 'its investment portfolio';
    not a company's own line-up ('ByteDance's portfolio, including TikTok'), nor one of what else it holds ('its
    customer portfolio', 'its portfolio of services')."""
    if any(c.dep_ == "prep" and c.lower_ == "of" for c in n.children):
        return False
    modifiers = {c.lemma_.lower() for c in n.children if c.dep_ in ("compound", "nmod") and c.pos_ == "NOUN"}
    if n.lemma_.lower() == "portfolio":
        return bool(modifiers) and modifiers <= _STAKE_WORDS
    return modifiers <= _STAKE_WORDS


#: What a holding is of when it is a stake: 'its investment (equity, venture) portfolio'.
_STAKE_WORDS = frozenset({"investment", "equity", "venture", "stake", "share", "stock"})


def _portfolio_holders(ctx: Context, portfolio: Token) -> list[Arg]:
    """The organizations whose portfolio a noun of holdings names: 'HongShan's portfolio', 'its holdings' (not an
    authority's or an exchange's: neither invests)."""
    return [
        a
        for c in possessors(portfolio)
        for a in ctx.expand(c)
        if a.type == "Organization" and ctx.kinds.get(a.key) not in ("authority", "exchange")
    ]


def rule_aimed_at(ctx: Context, v: Token) -> Iterator[Cand]:
    """'Meituan cut fees in Riyadh, a move aimed at Jahez', 'JD's push into food delivery, aimed squarely at
    Meituan': a company's move aimed at another company makes them rivals (not 'a move aimed at merchants')."""
    if v.dep_ != "acl" or v.head.lemma_.lower() not in lx.MOVE_NOUNS:
        return
    rivals = [
        a
        for a in _named_after(ctx, (v,), ("at",), refs=False, conjoined=True)
        if a.type == "Organization" and ctx.kinds.get(a.key) not in ("authority", "exchange")
    ]
    if not rivals:
        return
    movers = [a for c in possessors(v.head) for a in ctx.expand(c)] or _clause_actor(ctx, v.head)
    for s in movers:
        for o in rivals:
            if s.key != o.key:
                yield Cand(s, "competes_with", o, "compete.aimed_at", v.i, dated=False)


def _clause_actor(ctx: Context, n: Token) -> list[Arg]:
    """Who wages a war a clause mentions without saying whose: the nearest subject up the tree, the noun a relative
    clause describes, or whose that subject is ('JD's move, which set off a war with Y'; 'X said it would waive
    fees, escalating a war with Y'; 'X reported a loss as a battle with Y eased'; 'X faces pressure at home, where a
    war with Y …'). Nothing when that subject names
    nobody ('analysts expect a war with Y')."""
    h = n
    for _ in range(6):
        if h.dep_ == "relcl" and any(c.tag_ == "WRB" for c in h.children):
            h = h.head  # 'X faces pressure at home, where a war with Y …': the clause of the place or time
            continue
        if h.dep_ == "relcl":
            head = h.head
            for _ in range(3):  # 'X's move into grocery in 2020, which set off …': what moved, not the year
                named = ctx.expand(head, refs=False) or [a for c in possessors(head) for a in ctx.expand(c)]
                if named or head.dep_ != "pobj":
                    return named
                head = head.head.head
            return []
        if h.head.i == h.i:
            return []
        h = h.head
        subject = next((c for c in h.children if c.dep_ in ("nsubj", "nsubjpass") and c.i != n.i), None)
        if subject is not None and subject.tag_ not in ("WDT", "WP"):  # 'kicking off what is expected to be …'
            named = ctx.expand(subject) or [a for c in possessors(subject) for a in ctx.expand(c)]
            return [a for a in named if a.type == "Organization"]
    return []


#: 'a three-way fight', 'a four-cornered race', 'a multi-sided war': everyone named fights everyone.
_MULTIWAY = re.compile(r"\b(?:three|four|five|six|multi|many|\d+)\s*-?\s*(?:way|cornered|sided|horse)\b", re.I)


def _market_ground(tok: Token) -> bool:
    """'(market) share', 'ground', 'users': what one platform wins or loses to another; not 'a 5% share' (a
    stake) nor 'its shares'."""
    lemma = tok.lemma_.lower()
    if lemma not in lx.MARKET_GROUND or (tok.tag_ == "NNS" and lemma == "share"):
        return False
    return not (
        lemma == "share"
        and any(c.dep_ in ("nummod", "quantmod") or c.like_num or c.lower_ in ("a", "an", "%") for c in tok.subtree)
    )


def rule_lose_to(ctx: Context, v: Token) -> Iterator[Cand]:
    """'X lost (market) share to Y', 'X has been losing ground to Y and Z', 'X ceded customers to Y': Y is X's
    rival. What is lost must be ground in a market ('lost a lawsuit to Y', 'lost money to fraud' say nothing)."""
    if not any(c.dep_ == "dobj" and _market_ground(c) for c in v.children):
        return
    # 'to Naver in search and to Google in advertising'
    rivals = _named_after(ctx, (v,), ("to",), refs=False, deps=_TO_DEPS, conjoined=True)
    for s in ctx.subjects(v) if rivals else []:
        for o in rivals:
            yield Cand(s, "competes_with", o, "compete.lose_to", v.i, dated=False)


def rule_gain_from(ctx: Context, v: Token) -> Iterator[Cand]:
    """'X took (market) share from Y', 'X is luring merchants away from Y', 'X clawed back users from Y', 'X set out
    to poach Y's audience': Y is X's rival. What is won must be ground in a market ('took a 5% share from Y' is a
    stake bought, 'poached Y's executives' no market)."""
    won = [c for c in v.children if c.dep_ == "dobj" and _market_ground(c)]
    if not won:
        return
    heads = (v, *won, *(c for c in v.children if c.dep_ in ("advmod", "prt") and c.lower_ in ("away", "back")))
    rivals = _named_after(ctx, heads, ("from",), refs=False, conjoined=True)
    owners = [a for c in won for p in possessors(c) for a in ctx.expand(p, refs=False) if a.type == "Organization"]
    for s in ctx.subjects(v) if rivals or owners else []:
        for o in rivals or owners:
            if o.key != s.key:
                yield Cand(s, "competes_with", o, "compete.gain_from", v.i, dated=False)


def money_raised(v: Token) -> list[Token]:
    """What a verb of raising money raised ('raised $700 million', 'secured new funding'); [] for other verbs
    and other objects ('raised prices')."""
    if cue(v, _VERB_RULES) not in lx.RAISE_VERBS:
        return []
    return [k for c in v.children if c.dep_ == "dobj" and _money_like(c) for k in (c, *c.conjuncts)]


def rule_raise_from(ctx: Context, v: Token) -> Iterator[Cand]:
    """'Zhipu has raised money from backers such as A and B', 'Yanolja raised $1.7 billion from X', 'X took a
    further 500 million yuan from Y': the ones money came from invested in the one that raised it."""
    # ('took a 20% stake in Y from X': shares bought from their holder, not money raised from an investor)
    raised = [m for m in money_raised(v) if m.lemma_.lower() not in lx.STAKE_NOUNS | lx.SHARE_NOUNS]
    if not raised:
        return
    # 'raised several rounds, including from A and B': the sources an example list names
    # ('including $1 billion from X': a part of the sum and where it came from)
    listing = [c for h in (v, *raised) for c in h.children if c.dep_ == "prep" and c.lower_ in lx.EXAMPLE_PREPS]
    listing += [p for c in listing for p in c.children if p.dep_ == "pobj" and _money_like(p)]
    sources = _named_after(ctx, (v, *raised, *listing), ("from",), refs=False, conjoined=True)
    yield from _money_from(sources, lambda: ctx.subjects(v), "invest.raise_from", v.i)


def rule_among_backers(ctx: Context, n: Token) -> Iterator[Cand]:
    """'X raised $200 million in 2022, with A and B among the investors', 'X raised a round, with A among its
    backers': the ones the clause names among the backers invested in the one that raised the money, or in the one
    the backers are named as of ('Tang took Momo to Nasdaq with Alibaba among its early backers'). Only after money
    raised or of a named company ('X expanded, with A among the investors'; not 'the index rose, with A among the
    gainers')."""
    among = n.head
    if n.dep_ != "pobj" or among.lower_ != "among" or among.dep_ != "prep":
        return
    # the small model hangs 'among' on the name ('with A among …') or on the verb beside 'with'
    named_on = among.head if among.head.dep_ == "pobj" and among.head.head.lower_ == "with" else None
    verb = named_on.head.head if named_on is not None else among.head
    named = [p for p in _pobjs((verb,), ("with",)) if named_on is None or p == named_on]
    investors = [a for p in named for a in ctx.expand(p, refs=False) if a.type in ("Organization", "Person")]
    # 'took it to Nasdaq with Alibaba among its early backers': whose backers they are, the possessor says (never
    # one of them)
    with ctx.excluding(ctx.exclude | {a.key for a in investors}):
        backed = [
            a
            for c in possessors(n)
            for a in ctx.expand(c)
            if a.type == "Organization" and ctx.kinds.get(a.key) not in ("authority", "exchange")
        ]
    raised = bool(money_raised(verb))
    # ('Sequoia backed Keep early, with Tencent among its other investors': with a deal of its own in the clause, its
    # may be either company)
    dealt = cue_predicate(verb) is not None or any(c.dep_ == "dobj" and ctx.tok_mention[c.i] for c in verb.children)
    if not raised and (not backed or dealt):
        return

    def companies() -> list[Arg]:
        return ctx.subjects(verb) if raised else backed

    # (a named company's backers are a state, not the deal the clause dates)
    yield from _money_from(investors, companies, "invest.among_backers", n.i, dated=raised)


def _money_from(
    sources: list[Arg], companies: Callable[[], list[Arg]], rule: str, trigger: int, dated: bool = True
) -> Iterator[Cand]:
    """Each organization or person named as where money came from invested in each company that took it
    (``companies`` is only looked up when someone is named)."""
    investors = [a for a in sources if a.type in ("Organization", "Person")]
    for s in companies() if investors else []:
        if s.type == "Organization":
            for o in investors:
                if o.key != s.key:
                    yield Cand(o, "invested_in", s, rule, trigger, dated=dated)


def _examples_listed(ctx: Context, noun: Token) -> list[Arg]:
    """The names a noun's examples list: 'backers including A and B', 'rival platforms such as A and B'."""
    return [
        a
        for c in noun.children
        if c.dep_ == "prep" and c.lower_ in lx.EXAMPLE_PREPS
        for p in c.children
        if p.dep_ == "pobj"
        for a in ctx.expand(p, refs=False)
    ]


def rule_with_backing(ctx: Context, n: Token) -> Iterator[Cand]:
    """'J&T, founded in 2015 with backing from Oppo founder Tony Chen', 'Zhipu grew with funding from A and B', 'J&T
    listed in 2023 with backers including A and B': the ones money came from invested in the company the clause is
    about, the one founded when a person founded it ('Hou Yi founded Freshippo with backing from Alibaba')
    ('expanded with funding from its own cash' names no one; 'with the backing of regulators' is no money 'from'
    anyone)."""
    verb = n.head.head
    if n.dep_ != "pobj" or n.head.lower_ != "with" or verb.pos_ not in ("VERB", "AUX"):
        return
    backers = n.lemma_.lower() in ("backer", "investor")
    if backers and verb.lemma_.lower() in lx.MEETING_VERBS:
        return  # ('met with investors including BlackRock': whose investors, the meeting does not say)
    sources = _examples_listed(ctx, n) if backers else _named_after(ctx, (n,), ("from",), refs=False)
    founded = cue_predicate(verb) == "founded" and not ctx.is_passive(verb)
    yield from _money_from(
        sources,
        # ('J&T, founded in 2015 with backing from X': the participle's company; 'Noon was founded by A with backing
        # from X': the passive's subject, not its agent)
        lambda: (
            (ctx.objects(verb) if ctx.is_passive(verb) or founded else ctx.subjects(verb))
            or (ctx.expand(verb.head) if verb.dep_ == "acl" and verb.tag_ == "VBN" else [])
        ),
        "invest.with_backing",
        n.i,
        dated=not backers,  # ('listed in 2024 with backers including X': backers from before)
    )


def rule_with_partner(ctx: Context, n: Token) -> Iterator[Cand]:
    """'X hauls freight with partner Y', 'X sells cars in Norway with local partner Y', 'X rolled out the feature
    with partners A and B': whoever does a thing with a partner so named is that partner's partner. Not a former
    one ('split with former partner Y'), nor a partner of a rivalry ('competes with partner-turned-rival Y')."""
    if any(c.lower_ in lx.FORMER_WORDS for c in n.children):
        return
    if n.dep_ == "compound" and n.head.dep_ == "pobj":
        named, prep = [n.head], n.head.head  # 'with partner Y'
    elif n.dep_ == "pobj":
        named, prep = [c for c in n.children if c.dep_ == "appos"], n.head  # 'with partners A and B'
    else:
        return
    if prep.lower_ != "with" or not named:
        return
    verb = governing_verb(prep)
    if verb.pos_ not in ("VERB", "AUX") or cue_predicate(verb) == "competes_with":
        return
    partners = [a for c in named for a in ctx.expand(c, refs=False) if a.type == "Organization"]
    for s in ctx.objects(verb) if ctx.is_passive(verb) else ctx.subjects(verb):
        if s.type == "Organization":
            for o in partners:
                yield Cand(s, "partner_of", o, "partner.with_partner", n.i)


#: What companies agree with each other to do that ends or settles what is between them: no partnership ('agreed
#: with Qualcomm to drop all litigation', 'to end their tie-up', 'to sell down its stake').
_PARTING_VERBS = frozenset(
    {
        "settle", "drop", "end", "stop", "halt", "terminate", "withdraw", "resolve", "compete", "sell", "dissolve",
        "cancel", "scrap", "part", "pay", "divest", "exit", "unwind", "wind", "suspend", "abandon", "waive", "split",
    }
)  # fmt: skip


def rule_agreed_with(ctx: Context, v: Token) -> Iterator[Cand]:
    """'Momenta agreed last year with Uber to begin testing robotaxis', 'CATL has agreed with Ford to license its
    battery technology': companies that agree with each other to do a thing are partners. Not an agreement of views
    ('analysts agreed with Alibaba that growth would slow': nothing to do), nor one with an authority ('Didi agreed
    with the regulator to fix its app')."""
    if not any(
        c.dep_ == "xcomp"
        and c.lemma_.lower() not in _PARTING_VERBS
        and any(k.dep_ == "aux" and k.lower_ == "to" for k in c.children)
        for c in v.children
    ):
        return
    partners = [
        a
        for a in _named_after(ctx, (v,), ("with",), refs=False)
        if a.type == "Organization" and ctx.kinds.get(a.key) not in ("authority", "exchange")
    ]
    for s in ctx.subjects(v) if partners else []:
        if s.type == "Organization" and ctx.kinds.get(s.key) not in ("authority", "exchange"):
            for o in partners:
                if o.key != s.key:
                    yield Cand(s, "partner_of", o, "partner.agreed_with", v.i)


def rule_platform_account(ctx: Context, n: Token) -> Iterator[Cand]:
    """'Douyin said in a statement on its Weibo account', 'in a post on its official WeChat account', "Lei Jun's
    Weibo account", "Estée Lauder's flagship stores on Tmall", "its Tmall flagship store": whoever holds an account
    or a store on a platform named before it or after 'on' operates on that platform. A store named before is a
    chain of the owner's ('its Hema stores') unless the knowledge base puts that name under another group. Not an
    account with a bank ('its account with HSBC'), nor one without an owner ('the Weibo account that leaked it')."""
    modifiers = [c for c in n.children if c.dep_ in ("compound", "nmod") and c.i < n.i]
    # ('its Tmall flagship store': the platform modifies the modifier)
    modifiers += [k for c in modifiers for k in c.children if k.dep_ in ("compound", "nmod")]
    store = n.lemma_.lower() in lx.PLATFORM_STORE_NOUNS
    platforms = [
        a
        for c in modifiers
        if (a := ctx.ent(c)) is not None and a.type == "Organization" and (not store or a.key in ctx.parents)
    ] + [
        a
        for c in n.children
        if c.dep_ == "prep" and c.lower_ == "on"
        for p in c.children
        if p.dep_ == "pobj"
        for a in ctx.expand(p, refs=False)
        if a.type == "Organization"
    ]
    if not platforms:
        return
    owning, root = possessors(n), n.sent.root
    owners = [a for c in owning for a in ctx.expand(c)]
    if not owning and n.dep_ == "dobj" and n.head.lemma_.lower() in lx.UNIT_HOLDING_VERBS:
        # 'Nike operates a flagship store on Tmall': on a platform the knowledge base knows (not 'a store on
        # Nanjing Road'; 'opened a store on Y' is rule_verb's)
        owners = ctx.subjects(n.head)
        platforms = [a for a in platforms if ctx.kinds.get(a.key) == "company"]
    if any(c.pos_ == "PRON" for c in owning) and any(c.dep_ == "nsubj" and c.i > n.i for c in root.children):
        # 'In a statement on its Weibo account, Meituan said …': the pronoun of a fronted phrase looks ahead
        owners = ctx.subjects(root)
    for s in owners:
        if s.type in ("Organization", "Person"):
            for o in platforms:
                if o.key != s.key and not ctx.within(o.key, s.key):
                    yield Cand(s, "operates_on", o, "operates.platform_account", n.i, dated=False)


def _money_like(tok: Token) -> bool:
    """'money', 'funds', '$1.7 billion', 'a further 500 million yuan', 'a Series B round'."""
    return (
        tok.lemma_.lower() in lx.MONEY_NOUNS
        or tok.lemma_.lower() in lx.ROUND_NOUNS
        or tok.ent_type_ == "MONEY"
        or any(t.ent_type_ == "MONEY" or t.like_num for t in tok.subtree)
    )


def rule_money_into(ctx: Context, v: Token) -> Iterator[Cand]:
    """'SoftBank poured US$2 billion into Didi', 'Tencent injected 1.5 billion yuan into Kuaishou', 'A put a further
    500 million yuan into B': a sum put into a company is an investment in it ('put its logistics arm into a joint
    venture', 'poured resources into Keeta' name no money)."""
    if not any(c.dep_ == "dobj" and _money_like(c) and c.lemma_.lower() not in lx.ROUND_NOUNS for c in v.children):
        return
    investees = [o for o in _named_after(ctx, (v,), ("into",)) if o.type == "Organization"]
    for s in ctx.subjects(v):
        if s.type in ("Organization", "Person"):
            for o in investees:
                if o.key != s.key:
                    yield Cand(s, "invested_in", o, "invest.money_into", v.i)


def rule_fight(ctx: Context, v: Token) -> Iterator[Cand]:
    """'A and B are fighting for (over) riders', 'A is fighting with B for users', 'A fights B and C for users': a
    fight over a market's customers is competition; 'A fought the fine' or 'A fights fraud' (no 'for' or 'over') is
    not."""
    wanted = _pobjs((v,), ("for", "over"))
    if not wanted:
        return
    subjects = [a for a in ctx.subjects(v) if a.type == "Organization"]
    # 'fights for merchants against JD.com': the small model may hang the rival on what is fought for
    rivals = _named_after(ctx, (v, *wanted), ("with", "against"), refs=False, conjoined=True) + [
        a for c in v.children if c.dep_ == "dobj" for a in ctx.expand(c) if a.type == "Organization"
    ]
    for s in subjects:
        for o in rivals:
            yield Cand(s, "competes_with", o, "compete.fight", v.i, dated=False)
    if not rivals:
        for a, b in _pairs(subjects):
            yield Cand(a, "competes_with", b, "compete.fight", v.i, dated=False)


def rule_face(ctx: Context, v: Token) -> Iterator[Cand]:
    """'Lalamove faces GrabExpress and Gogox', 'Cainiao will go up against Mercado Libre', 'X squared off against
    Y', 'X went head to head with Y': a company facing or lined up against another is its rival (a regulator faced
    is no rival: the schema's institutions are filtered later; 'faces a fine' names no company)."""
    lemma = v.lemma_.lower()
    # 'went head to head (head-to-head, toe to toe) with Y', read on the tokens the small model parses apart
    pair = [t for t in ctx.tokens[v.i + 1 : v.i + 6] if t.lower_ in ("head", "toe")] if lemma == "go" else []
    if lemma == "face" and not any(c.dep_ == "prt" for c in v.children):
        faced = [c for c in v.children if c.dep_ == "dobj"]
    elif len(pair) == 2 and pair[0].lower_ == pair[1].lower_:
        faced = _pobjs((v, *pair), ("with", "against"), conjoined=True)
    else:
        faced = _pobjs((v, *(c for c in v.children if c.dep_ == "prt")), ("against",), conjoined=True)
    named = [a for c in faced for a in ctx.expand(c, refs=False)] + _business_owners(ctx, faced)
    rivals = [a for a in named if a.type == "Organization"]
    for s in ctx.subjects(v) if rivals else []:
        for o in rivals:
            yield Cand(s, "competes_with", o, "compete.face", v.i, dated=False)


def _founded_by(ctx: Context, founder: Token) -> list[Arg]:
    """The organizations a founding verb says ``founder`` (its agent, or one of them) founded: what a bare post in
    apposition to the founder is a post at ('founded by Zhang Wei, now chairman'); [] for anyone else."""
    founder = first_conjunct(founder)
    agent = founder.head
    if founder.dep_ != "pobj" or agent.dep_ != "agent" or cue_predicate(agent.head) != "founded":
        return []
    return [a for a in ctx.objects(agent.head) if a.type == "Organization"]


def _clause_organizations(ctx: Context, phrase: Token, fillers: list[Arg]) -> list[Arg]:
    """The named organizations whose clause a rival phrase sits in: its verb's subject ('Meituan overtook rival
    Eleme'), or, when the phrase is that subject, the subject of the clause it depends on ('Xiaomi kept its lead
    while rivals Huawei and vivo gained', 'Grab said rival Gojek lost drivers'). Nothing for a main clause's
    own subject ('Rival Eleme cut fees')."""
    known = {f.key for f in fillers}
    v = governing_verb(phrase)
    t = phrase
    while t.head.i != v.i and t.head.i != t.i:
        t = t.head
    for _ in range(4):
        if t.dep_ not in ("nsubj", "nsubjpass"):
            # ('DeepSeek's R1 model forced rivals including A and B to …': the model stands for its maker)
            subjects = [c for c in v.children if c.dep_ == "nsubj"]
            named = (
                ctx.subjects(v)
                or _business_owners(ctx, subjects)
                # ('JD.com's shares fell as rivals A and B reported …': the company whose shares they are)
                or [
                    a
                    for c in subjects
                    if c.lemma_.lower() in lx.SHARE_NOUNS
                    for p in possessors(c)
                    for a in ctx.expand(p)
                ]
            )
            named = [a for a in named if a.type == "Organization" and a.key not in known]
            # (not past a gerund of a deal, whose subject invests or sells: 'before selling its stake to rival X')
            if (
                named
                or v.dep_ not in ("relcl", "xcomp", "pcomp")
                or (v.dep_ == "pcomp" and _deal_verb(v))
                or v.head.i == v.i
            ):
                return named
            # ('X used its power to punish partners that listed rooms on rival platforms A and B': the rivals of
            # whoever the clause that holds this one is about, when this one names no organization; 'X bought Y,
            # weeks before merging with rival Z': a gerund after a preposition has its clause's subject)
            t, v = v, governing_verb(v.head)
            continue
        if (
            not (
                v.dep_ in ("advcl", "ccomp", "conj", "xcomp")
                # ('Douyin launched it, a step that rival Kuaishou copied': a noun summing up the clause before it)
                or (v.dep_ == "relcl" and v.head.dep_ in ("npadvmod", "appos") and v.head.pos_ == "NOUN")
            )
            or v.head.i == v.i
        ):
            return []
        t, v = v, governing_verb(v.head)
    return []


def _deal_verb(v: Token) -> bool:
    """Whether a verb invests or sells ('backing', 'selling'): its subject is an investor or a seller, no rival of
    the companies it names."""
    return lx.VERB_CUES.get(v.lemma_.lower(), ("",))[0] == "invested_in" or v.lemma_.lower() == "sell"


def rule_rival_group(ctx: Context, rival: Token) -> Iterator[Cand]:
    """'two rival apps, A and B', 'rival platforms such as A and B': the names rival whoever the phrase belongs
    to ('Y's rival apps A and B', 'Y fended off rival apps A and B'), else each other."""
    group = rival.head
    names = [a for c in group.children if c.dep_ == "appos" for a in ctx.expand(c, refs=False)] or _examples_listed(
        ctx, group
    )
    if not names and group.dep_ in ("compound", "nmod") and group.tag_ == "NN" and (named := ctx.ent(group.head)):
        # 'merging with rival classifieds site Ganji': the kind, singular, modifies the name; 'in JD.com and rival
        # retailer Pinduoduo': the rival of the name it is listed beside
        if group.head.dep_ == "conj":
            if (beside := ctx.ent(group.head.head)) is not None:
                yield Cand(beside, "competes_with", named, "compete.rival_group", rival.i, dated=False)
            return
        if _deal_verb(governing_verb(group)):
            return  # ('before backing rival chip designer X': a rival of someone else's, its investor's target)
        names = [named]
    if not names:
        yield from _rival_group_after_names(ctx, rival)
        return
    owners = [a for c in possessors(group) for a in ctx.expand(c)] or _clause_organizations(ctx, group, names)
    for o in owners:
        for a in names:
            yield Cand(o, "competes_with", a, "compete.rival_group", rival.i, dated=False)
    if not owners:
        for a, b in _pairs(names):
            yield Cand(a, "competes_with", b, "compete.rival_group", rival.i, dated=False)


def _named_before_rivals(ctx: Context, rivals: Token) -> list[Arg]:
    """'LONGi, Trina Solar, JA Solar and dozens of smaller rivals raced', 'Luckin, Cotti and other rivals have cut
    prices': the organizations a subject list names before the plural rival noun that closes it (no one's rivals:
    not "A, B and their rivals", nor "other rivals of C"), which that noun calls rivals; [] unless two or more."""
    if (
        rivals.tag_ != "NNS"
        or possessors(rivals)
        or any(ctx.tok_mention[c.i] or (c.dep_ == "prep" and c.lower_ == "of") for c in rivals.children)
    ):
        return []  # (nor 'A, B and other rivals of C': C's rivals)
    member = rivals.head.head if rivals.dep_ == "pobj" and rivals.head.lower_ == "of" else rivals
    if member.dep_ != "conj" or member.left_edge.i < 1 or ctx.tokens[member.left_edge.i - 1].lower_ != "and":
        return []
    first = first_conjunct(member.head)
    if first.dep_ not in ("nsubj", "nsubjpass"):
        return []  # (a list the clause's subject acts on: 'ByteDance hired engineers from A, B and other rivals')
    listed = _named(ctx.ent(t) for t in (first, *first.conjuncts) if t.i != member.i)
    organizations = [a for a in listed if a.type == "Organization"]
    return organizations if len(organizations) >= 2 and len(organizations) == len(listed) else []


def _rival_group_after_names(ctx: Context, rival: Token) -> Iterator[Cand]:
    """'the merger of Yunmanman and Huochebang, two rival truck-hailing apps', 'Meituan and Dianping, rival review
    sites, merged': organizations listed right before a plural description set off by a comma, which calls them
    rivals, rival each other (read on tokens: the small model hangs the description on the clause's subject). Not
    'Alibaba, its rival apps' (one name), nor 'investors in rival apps' (no description of the names)."""
    group = rival.head
    left = group.left_edge.i
    if group.tag_ != "NNS" or group.dep_ != "appos" or left < 2 or ctx.tokens[left - 1].text != ",":
        return
    # (the description says what the names are: 'Yunmanman' may be read as a place by the NER)
    if lx.CATEGORY_TYPES.get(group.lemma_.lower()) != "Organization":
        return
    names = [a for a in _names_listed_before(ctx, left - 1) if a.type != "Person"]
    count = next((lx.LIST_NUMBERS.get(c.lower_, 0) for c in group.children if c.dep_ == "nummod"), len(names))
    if len(names) > 1 and count == len(names):
        for a, b in _pairs(names):
            yield Cand(a, "competes_with", b, "compete.rival_group", rival.i, dated=False)


#: What a company holds in a market and defends against a rival ('defend its share (lead, turf) against Y'); not its
#: customers (kept safe from fraud). A 'position' is one too, unless its sentence is about a dispute (below).
_MARKET_HOLDINGS = frozenset({"share", "lead", "ground", "turf", "dominance", "territory", "franchise"})
#: Words of a dispute that make a defended 'position' a stance ('defended its position against Y in court').
_DISPUTE_WORDS = frozenset(
    {"court", "dispute", "lawsuit", "suit", "case", "litigation", "trial", "ruling", "royalty", "claim", "campaign"}
)


def rule_defend_against(ctx: Context, v: Token) -> Iterator[Cand]:
    """'X cut prices to defend its position against A and B', 'X is protecting its market share against Y': a
    company defending its hold on a market against another is its rival; not 'X defended its patents against Y'
    (no hold on a market), 'X defended its position against Y in the royalty dispute' (a stance: a word of a
    dispute in the sentence) nor 'X defended itself against Y's lawsuit'."""
    disputed = any(t.lemma_.lower() in _DISPUTE_WORDS for t in v.sent)
    held = [
        c
        for c in v.children
        if c.dep_ == "dobj"
        and (c.lemma_.lower() in _MARKET_HOLDINGS or (c.lemma_.lower() == "position" and not disputed))
    ]
    rivals = [
        a
        for a in _named_after(ctx, (v, *held), ("against",), refs=False, conjoined=True)
        + _business_owners(ctx, _pobjs((v, *held), ("against",)))
        if a.type == "Organization"
    ]
    for s in ctx.subjects(v) if held else []:
        for o in rivals:
            yield Cand(s, "competes_with", o, "compete.defend", v.i, dated=False)


def rule_held_before_sale(ctx: Context, v: Token) -> Iterator[Cand]:
    """'In 2024 it sold K-Swiss and Palladium, acquired from E-Land in 2019, to …', 'Fosun sold Club Med, bought from
    Axa in 2015': a company the subject sells, merges or lists, which a participle without an agent says was bought
    from a named company, was bought by the subject. Not 'sold Club Med, acquired by Fosun in 2015' (an agent names
    the buyer), 'outsold Volvo Cars, acquired from Ford' (no sale of it), 'sold Moutai, bought from distributors'
    (no company it was bought from) nor a participle with no seller ('sold Ele.me, acquired in 2018')."""
    if v.tag_ != "VBN" or any(c.dep_ == "agent" for c in v.children):
        return
    sellers = [a for a in _named_after(ctx, (v,), ("from",), refs=False) if a.type == "Organization"]
    if not sellers:
        return
    if v.dep_ == "acl":
        held = v.head
    elif v.dep_ == "advcl" and v.i > 1 and ctx.tokens[v.i - 1].text == ",":
        held = ctx.tokens[v.i - 2]  # (the participle set off after the object, hung on the verb)
    else:
        return
    held = first_conjunct(held)
    verb = held.head
    if (
        held.dep_ != "dobj"
        or ctx.tok_mention[held.i] is None
        or (v.dep_ == "advcl" and verb.i != v.head.i)
        or verb.lemma_.lower() not in _HELD_BEFORE_VERBS
    ):
        return
    owners = [s for s in ctx.subjects(verb) if s.type == "Organization" and ctx.kinds.get(s.key) != "authority"]
    seller_keys = {a.key for a in sellers}
    for o in (a for a in ctx.expand(held, refs=False) if a.type == "Organization" and a.key not in seller_keys):
        for s in owners:
            if s.key != o.key:
                yield Cand(s, "acquired", o, "acquire.held_before_sale", v.i)


#: Verbs of parting with, combining or listing a company one owns: what they take was the subject's to act on.
_HELD_BEFORE_VERBS = frozenset({"sell", *_DISPOSAL_VERBS, "merge", "combine", "list", "spin", "fold", "close"})


def rule_pit_against(ctx: Context, v: Token) -> Iterator[Cand]:
    """'The deal pits (puts, sets) X against Y (and against Z)': X and each Y are rivals, whatever the verb's subject
    is."""
    pitted = [c for c in v.children if c.dep_ == "dobj"]
    against = _named_after(ctx, (v, *pitted), ("against",), refs=False, conjoined=True)
    for d in pitted:
        for s in ctx.expand(d, refs=False):
            for o in against:
                yield Cand(s, "competes_with", o, "compete.pit", v.i, dated=False)


#: Nouns of a part of a group that stand for the part unnamed ('Alibaba's local services group').
_UNIT_KINDS = lx.UNIT_NOUNS | {"group", "segment"}
#: What a unit sits (falls, is housed) within, by verb: 'sits under Y', 'falls under Y' (not 'fell within a range').
_WITHIN_PREPS = {
    "sit": ("within", "under", "inside"),
    "fall": ("under",),
    "house": ("within", "under", "inside", "in"),
}


def rule_sits_within(ctx: Context, v: Token) -> Iterator[Cand]:
    """'Lazada sits under Alibaba International', 'the unit sits within the Cloud Intelligence Group', 'Quark is
    housed within Alibaba's Intelligent Information unit', 'Ele.me falls under Alibaba's local services arm': a unit
    of the group it sits in. Not 'sits within walking distance of Tencent' (no group named there), nor 'fell under
    pressure from Meituan'."""
    lemma = v.lemma_.lower()
    if lemma == "house" and not ctx.is_passive(v):
        return
    # the group named, or the owner of a unit named by its kind ('under Alibaba's local services group')
    groups = [
        g
        for c in _pobjs((v,), _WITHIN_PREPS[lemma])
        for g in ([c] if ctx.tok_mention[c.i] is not None else possessors(c) if c.lemma_.lower() in _UNIT_KINDS else [])
    ]
    units = ctx.objects(v) if lemma == "house" else ctx.subjects(v)
    for unit in (u for u in units if u.type == "Organization"):
        for group in (a for g in groups for a in ctx.expand(g, refs=False) if a.type == "Organization"):
            if group.key != unit.key:
                yield Cand(unit, "part_of", group, "part_of.sits_within", v.i, dated=False)


def rule_open_to(ctx: Context, v: Token) -> Iterator[Cand]:
    """'X opened (up / its links / its users) to Y': opening one's platform to another is a partnership."""
    heads = [v, *(c for c in v.children if c.dep_ == "dobj")]  # 'opened links to X' / 'opened (links to X)'
    objects = _named_after(ctx, heads, ("to",), refs=False, deps=_TO_DEPS)
    for s in ctx.subjects(v):
        for o in objects:
            yield Cand(s, "partner_of", o, "partner.open_to", v.i)


def _prep_objects(ctx: Context, prep: Token, conduct: bool = False) -> list[Arg]:
    """What a nominal cue's preposition names: 'into X', or the subject of 'into whether X abused …'. With
    conduct (an investigation's), also the organization whose conduct is named: 'into Amazon's pricing practices',
    'into whether Apple's new fees comply …' (not an acquisition's: 'the acquisition of Tencent's music arm')."""
    found: list[Arg] = []
    for p in prep.children:
        if p.dep_ == "pobj" or (p.dep_ == "pcomp" and ctx.tok_mention[p.i]):
            # ('of Just Eat Takeaway': a name read as a clause, 'Just Eat' its verb)
            named, heads = ctx.expand(p, refs=False), [p]
        elif p.dep_ == "pcomp" and p.pos_ == "VERB":
            named, heads = ctx.subjects(p), [c for c in p.children if c.dep_ in ("nsubj", "nsubjpass")]
        else:
            continue
        if not named and conduct:
            named = _whose_conduct(ctx, heads, set())
        found += named
    return found


def _whose_conduct(ctx: Context, heads: Iterable[Token], investigators: set[str]) -> list[Arg]:
    """The organizations whose conduct an investigation names: the possessor ('into Amazon's pricing practices';
    'the practices of A and B');
    'examined its marketing practices', 'its' a company other than the ``investigators``, when what it has is a
    kind of conduct), a relative clause's subject ('into exclusivity clauses that iFood signs'), a participle's
    agent ('into fees charged by Kuaishou')."""
    found: list[Arg] = []
    # ('its' is no authority's: an authority investigates, it is not investigated, in what this reads)
    authorities = {key for key, kind in ctx.kinds.items() if kind == "authority"}
    with ctx.excluding(investigators | authorities):
        for h in heads:
            conduct = h.lemma_.lower() in lx.CONDUCT_NOUNS
            found += [a for c in possessors(h) for a in ctx.expand(c, refs=conduct and c.pos_ == "PRON")]
            # 'examining the practices of marketplaces A and B', '… of overseas platforms, including C'
            # (not 'the acquisition of Y': a deal reviewed is no conduct of the company bought)
            found += (
                _named_after(ctx, (h,), ("of",), refs=False)
                if conduct and h.lemma_.lower() not in lx.DEAL_NOUNS
                else []
            )
            for c in h.children if conduct else ():
                if c.dep_ == "relcl":
                    found += [a for k in c.children if k.dep_ == "nsubj" for a in ctx.expand(k, refs=False)]
                elif c.dep_ == "acl" and c.tag_ == "VBN":
                    # 'fees charged by Kuaishou'; with no agent, whose ground it is: 'fees charged on its platform'
                    found += _named_after(ctx, (c,), ("by",), refs=False, deps=("agent",)) or [
                        a for p in _pobjs((c,), ("on", "in", "across")) for k in possessors(p) for a in ctx.expand(k)
                    ]
    return [a for a in found if a.type == "Organization" and a.key not in investigators | authorities]


def rule_noun_cue(ctx: Context, n: Token) -> Iterator[Cand]:
    """'the closure of X (by Y)', 'the acquisition of X by Y'; the actor defaults to the clause subject."""
    pred = lx.NOUN_CUES[n.lemma_.lower()]
    objects, agents = [], []
    of = lx.NOUN_OBJECT_PREPS.get(pred, {"of"})  # 'the acquisition of X', 'Tencent's investment in X'
    if pred == "invested_in" and _into_its_own_units(n, of):
        return  # 'to accelerate investment in its Keeta brand': spending on what one owns
    for c in n.children:
        if c.dep_ == "prep" and c.lower_ in of:
            objects += _prep_objects(ctx, c, conduct=pred == "investigated")
        if c.dep_ == "prep" and c.lower_ == "by":
            agents += [a for p in c.children if p.dep_ == "pobj" for a in ctx.expand(p, refs=False)]
        if c.dep_ == "poss":
            agents += ctx.expand(c)
    if not objects and n.dep_ == "dobj":  # 'opened an investigation into X': the preposition hangs off the verb
        objects = [
            a
            for c in n.head.children
            if c.dep_ == "prep" and c.lower_ in of and c.lower_ != "of"
            for a in _prep_objects(ctx, c, conduct=pred == "investigated")
        ]
    if not objects and pred == "investigated" and n.dep_ == "pobj" and n.head.lower_ == "under":
        # 'the CAC placed it under a review alongside X and Y'; 'Didi came under investigation'
        v = n.head.head
        under = [c for c in v.children if c.dep_ == "dobj"] if v.lemma_.lower() in lx.PLACE_VERBS else []
        objects = [a for c in under for a in ctx.expand(c)] or (
            ctx.subjects(v) if v.lemma_.lower() in lx.COME_UNDER_VERBS else []
        )
        if objects:
            objects += _named_after(ctx, (v, n, *under), ("alongside",), refs=False, conjoined=True)
            agents = agents or (ctx.subjects(v) if under else [])
    if not objects and pred == "investigated" and n.dep_ == "nsubj" and n.head.lemma_.lower() in lx.FINDING_VERBS:
        # 'an investigation by X found that Y and Z …': the investigation was into what it found them doing
        objects = [a for c in n.head.children if c.dep_ == "ccomp" for a in ctx.subjects(c)]
    rule = f"{pred}.nominal"
    governor = governing_verb(n)
    while governor.dep_ == "prep" and governor.head.i != governor.i:  # '…, including penalties on X': 'including'
        governor = governing_verb(governor.head)
    if not objects and pred == "fined":  # 'penalties that also hit X'
        objects = [
            a
            for c in n.children
            if c.dep_ == "relcl" and c.lemma_.lower() in lx.HIT_VERBS
            for d in c.children
            if d.dep_ == "dobj"
            for a in ctx.expand(d, refs=False)
        ]
    if not objects and pred == "fined" and (objects := _penalised(ctx, n)):
        if any(c.dep_ in ("prep", "agent") and c.lower_ in ("from", "by") for h in (n, n.head) for c in h.children):
            # 'received a fine from SAMR'; 'a fine from its landlord' is no authority's
            agents = agents or _named_after(ctx, (n, n.head), ("from", "by"), deps=("prep", "agent"))
            if not agents:
                return
        governor = n  # the clause's subject is the one fined, or nobody
    if not agents and governor.lemma_.lower() not in lx.REACTION_VERBS:
        agents, rule = ctx.subjects(governor), f"{pred}.nominal.clause_subject"
    if not agents and objects and pred in ("fined", "investigated") and (authority := _recent_authority(ctx, n)):
        agents, rule = [authority], f"{pred}.nominal.implicit"  # 'a penalty of 9.8 million riyals went to X'
    if not objects and pred == "investigated" and (closed := _closed_by_fine(ctx, governor)):
        # 'X fined Y …, ending a five-month investigation': of the one fined (when it began, the text does not say,
        # unless the investigation's own clause does: 'an investigation the Commission opened in October 2024')
        opened = any(
            c.dep_ in ("acl", "relcl")
            and c.lemma_.lower() in lx.OPENING_VERBS
            and any(t.ent_type_ == "DATE" for t in c.subtree)
            for c in n.children
        )
        yield from (Cand(s, pred, o, f"{pred}.nominal.closed", n.i, dated=opened) for s, o in closed)
        return
    if not objects and pred == "investigated" and _targetless(n, governor) and agents:
        # 'Didi listed in June, only for the CAC to open a review days later': a review that names no target,
        # opened by an authority in a sentence about one company, is of that company
        objects, rule = _sole_company(ctx, n, agents), f"{pred}.nominal.sole_company"
    # ('closing a two-year review': not begun on the day it closed)
    closes = pred == "investigated" and governor.lemma_.lower() in lx.CLOSING_VERBS
    for s in agents:
        for o in objects:
            yield Cand(s, pred, o, rule, n.i, dated=not closes)


def _closed_by_fine(ctx: Context, closing: Token) -> list[tuple[Arg, Arg]]:
    """(authority, fined) of the fine a participle or conjoined verb of closing says ended an investigation: 'X fined
    Y …, closing (ending, concluding) a two-year investigation'; or of the fine told just before a decision that
    closes (follows) one: 'X fined Y … The decision concludes an investigation the Commission opened in 2024'; []
    for anything else."""
    lemma = closing.lemma_.lower()
    if lemma in lx.CLOSING_VERBS | {"follow"} and any(
        c.dep_ == "nsubj" and c.lemma_.lower() in lx.DECISION_NOUNS for c in closing.children
    ):
        fine = _fine_before(ctx, closing.i)
    elif lemma in lx.CLOSING_VERBS and closing.dep_ in ("advcl", "conj"):
        fine = closing.head
    else:
        return []
    if fine is None or fine.i == closing.i or cue_predicate(fine) != "fined" or irrealis(fine):
        return []
    authorities = [a for a in ctx.subjects(fine) if ctx.kinds.get(a.key) == "authority"]
    dobj = [c for c in fine.children if c.dep_ == "dobj"]
    # (the one fined as the fine rule reads it: 'fined Coupang 16 billion won' hangs it on the amount)
    named = _more_objects(ctx, fine, "fined", "", dobj, set(), ctx.objects(fine))
    fined = [a for a in named if a.type == "Organization" and ctx.kinds.get(a.key) != "authority"]
    return [(s, o) for s in authorities for o in fined]


def _fine_before(ctx: Context, i: int) -> Token | None:
    """The last verb of fining in the two sentences before token ``i``'s ('X fined Y … The decision …')."""
    first = ctx.sent_first[max(ctx.sent_index[i] - 2, 0)]
    last = ctx.sent_first[ctx.sent_index[i]]
    return next((t for t in reversed(ctx.tokens[first:last]) if t.pos_ == "VERB" and cue_predicate(t) == "fined"), None)


def _targetless(n: Token, governor: Token) -> bool:
    """Whether an investigation noun says nothing of what it is into: no preposition on it or on its verb ('opened a
    review', not 'a review of the sector', 'into the market')."""
    return not any(c.dep_ == "prep" and c.lower_ in ("of", "into", "on") for h in (n, governor) for c in h.children)


def _sole_company(ctx: Context, n: Token, agents: list[Arg]) -> list[Arg]:
    """The one company the sentence of ``n`` names besides the ``agents``, when every agent is an authority; []
    when it names none or several."""
    if not all(ctx.kinds.get(a.key) == "authority" for a in agents):
        return []
    sent = ctx.parsed.sents[ctx.sent_index[n.i]]
    agent_keys = {a.key for a in agents}
    companies = {
        a.key: a
        for t in sent
        if (a := ctx.ent(t)) is not None
        and a.type == "Organization"
        and a.key not in agent_keys
        and ctx.kinds.get(a.key) not in ("authority", "exchange")
    }
    return list(companies.values()) if len(companies) == 1 else []


def _penalised(ctx: Context, penalty: Token) -> list[Arg]:
    """Who a penalty noun says was fined when no preposition of its own does: 'a fine was imposed (levied) on X',
    'smaller fines went to A and B', 'X received (incurred, was handed) a penalty of …'."""
    v, dep = penalty.head, penalty.dep_
    lemma = v.lemma_.lower()
    if dep == "nsubjpass" and lemma in lx.IMPOSE_VERBS:
        return _named_after(ctx, (v,), ("on", "against", "to"), deps=_TO_DEPS, conjoined=True)
    if dep == "nsubj" and lemma == "go":
        return _named_after(ctx, (v,), ("to",), deps=_TO_DEPS, conjoined=True)
    if dep == "dobj" and lemma in lx.RECEIVE_PENALTY_VERBS:
        if ctx.is_passive(v):  # 'X was handed a fine'
            return [a for c in v.children if c.dep_ == "nsubjpass" for a in ctx.expand(c)]
        return ctx.subjects(v) if lemma != "hand" else []
    return []


def rule_form_with(ctx: Context, v: Token) -> Iterator[Cand]:
    """'X formed/built Z with Y' ('… respectively' pairs lists in order): X and Y take part in Z."""
    programs = [a for c in v.children if c.dep_ == "dobj" for a in ctx.expand(c, refs=False)]
    programs = [a for a in programs if a.type in ("Program", "Event")]
    # 'with' hangs off the verb or (a parser slip) off the last object conjunct
    holders = [v, *(t for c in v.children if c.dep_ == "dobj" for t in (c, *c.conjuncts))]
    partners = _named_after(ctx, holders, ("with",), refs=False)
    making = v.lemma_.lower() in lx.MAKE_VERBS
    if making and programs:
        return  # ('produces the game with X' is rule_work_with's, if anyone's)
    if not programs and partners and (making or v.lemma_.lower() == "build"):
        # 'a plant that Stellantis is building with CATL', 'assembles cars in Barcelona with Ebro', 'formed a
        # robotaxi venture with A and B': companies that make something together are partners
        makers = [a for a in partners if a.type == "Organization"]
        for s in (a for a in ctx.subjects(v) if a.type == "Organization") if makers else ():
            for o in makers:
                yield Cand(s, "partner_of", o, "partner.make_with", v.i)
        return
    if not programs or not partners:
        return  # 'X built (developed) its own Z' alone is no joint programme
    respectively = any(c.lower_ == "respectively" for c in v.children)
    if v.lemma_.lower() != "launch":
        for s in ctx.subjects(v):
            for o in programs:
                yield Cand(s, "participant_in", o, "participant.form_with.subject", v.i)
    if respectively and len(programs) == len(partners):
        pairs = list(zip(partners, programs, strict=True))
    elif respectively:
        return
    else:
        pairs = [(p, o) for p in partners for o in programs]
    for p, o in pairs:
        yield Cand(p, "participant_in", o, "participant.form_with", v.i)


def rule_possessive_program(ctx: Context, tok: Token) -> Iterator[Cand]:
    """'X and Y's “Z” project': the possessors of a joint programme take part in it (not one possessor, who runs
    it, nor in a product named without a programme's head word: 'ByteDance's Doubao', 'Pop Mart's Labubu')."""
    prog = ctx.ent(tok)
    if prog is None or prog.type not in ("Program", "Event"):
        return
    # the words of the name and the noun after it ('“Green Rider” project'): a programme's head word or not
    after = ctx.parsed.text[prog.span[1] : prog.span[1] + 30].lstrip("”\"' ").split()
    words = ctx.parsed.text[prog.span[0] : prog.span[1]].lower().split()[-1:] + [w.lower() for w in after[:1]]
    product = prog.type == "Program" and not any(
        w.strip("”\"'.,").rstrip("s") in lx.PROGRAM_NOUNS or w.strip("”\"'.,") in lx.PROGRAM_NOUNS
        for w in (*words, tok.lemma_.lower())
    )
    owners = [a for c in possessors(tok) for a in ctx.expand(c, refs=False)]
    joint = len(owners) > 1 or any(  # ('Meituan and Ele.me's project', however parsed)
        c.i >= 2 and ctx.tokens[c.i - 1].lower_ == "and" and ctx.tok_mention[c.i - 2] for c in possessors(tok)
    )
    if not joint:
        return  # ('AliExpress's Choice programme', 'Huawei's Genius Youth programme': run by it, no one takes part)
    for a in owners:
        # (a company's product is its own, but annotators state it as a relation for 21 of 65 such possessives
        # on the development sets, as 'launched' for none: the possessive alone gives no relation)
        if not (product and a.type == "Organization"):
            yield Cand(a, "participant_in", prog, "participant.possessive", tok.i)


def _role_of(t: Token) -> tuple[str, str | None] | None:
    """(predicate, role) of a relational noun: 'founder', 'chief executive', 'owner', 'arm' …"""
    low = t.lemma_.lower()
    if low == "executive" and any(c.lower_ == "chief" for c in t.children):
        return "leads", "CEO"
    if low == "officer" and any(c.lower_ == "chief" for c in t.children):  # 'chief financial officer'
        # 'chief financial officer' is the CFO; any other 'chief X officer' keeps its words ('chief marketing officer')
        kind = next(
            (
                c.lower_
                for c in t.children
                if c.i < t.i and c.lower_ != "chief" and c.is_alpha and c.dep_ in ("compound", "amod", "nmod")
            ),
            None,
        )
        return ("leads", lx.OFFICER_ROLES.get(kind, f"chief {kind} officer")) if kind else None
    if low == "manager" and any(c.lower_ == "general" for c in t.children):
        return "leads", "general manager"
    for post in ("director", "secretary"):
        # 'director general of BEUC', 'secretary general of the association': the small model's noun is 'general'
        # (or 'secretary', with 'general' its modifier)
        if (low == "general" and any(c.lower_ == post and c.i < t.i for c in t.children)) or (
            low == post and any(c.lower_ == "general" and c.i > t.i and c.dep_ == "amod" for c in t.children)
        ):
            return "leads", f"{post} general"
    if low in ("director", "partner") and any(c.lower_ == "managing" for c in t.subtree if c.i < t.i):
        return "leads", f"managing {low}"  # 'founding and managing partner of HongShan': a firm's head
    if low.startswith("co-") and low[3:] in lx.REL_NOUNS:
        low = low[3:]
    return lx.REL_NOUNS.get(low)


def title_roles(words: list[str]) -> list[tuple[str, str | None]] | None:
    """The (predicate, role) pairs a run of title words states, or None if a word is no title word:
    ['co-founder', 'and', 'chief', 'executive'] -> [('founded', None), ('leads', 'CEO')].

    >>> title_roles(["founder", ",", "chairman", "and", "chief", "executive"])
    [('founded', None), ('leads', 'chairman'), ('leads', 'CEO')]
    >>> title_roles(["analyst"]) is None
    True
    """
    roles: list[tuple[str, str | None]] = []
    # 'co-chief executive', 'vice-president': the tokenizer splits the hyphen off; 'co' is a modifier like 'vice'
    i, low = 0, [p for w in words for p in w.lower().replace("‐", "-").split("-") if p]
    while i < len(low):
        w = low[i]
        if w in (",", "and", "&"):
            i += 1
            continue
        for size in (3, 2, 1):  # the longest title first: 'chief executive officer', 'general manager'
            phrase = " ".join(low[i : i + size])
            base = phrase[3:] if phrase.startswith("co-") else phrase
            if base in lx.ROLE_NOUNS:
                roles.append(("leads", lx.ROLE_NOUNS[base]))
            elif base in lx.REL_NOUNS and lx.REL_NOUNS[base][0] in ("founded", "leads"):
                roles.append(lx.REL_NOUNS[base])
            elif size == 3 and low[i] == "chief" and low[i + 2 : i + 3] == ["officer"] and low[i + 1].isalpha():
                roles.append(("leads", lx.OFFICER_ROLES.get(low[i + 1], f"chief {low[i + 1]} officer")))
            else:
                continue
            i += size
            break
        else:
            if w in lx.TITLE_MODIFIERS or (w in lx.TENURE_MODIFIERS and not roles):
                i += 1
                continue
            return None
    return roles or None


def _definite(n: Token) -> bool:
    """'the (eighteen co-)founders': a definite article opens the noun phrase (hyphenated words split)."""
    for t in reversed(n.doc[max(0, n.i - 4) : n.i]):
        if t.lower_ == "the":
            return True
        if (t.is_punct and t.text != "-") or t.pos_ in ("VERB", "ADP", "AUX"):
            return False
    return False


def _first_for_singular_subject(head_role: Token, fillers: list[Arg]) -> list[Arg]:
    """'Taobao owner Alibaba and JD.com reported …': a singular title in subject position names its first name only."""
    if head_role.tag_ == "NN" and head_role.dep_ in ("nsubj", "nsubjpass") and len(fillers) > 1:
        return fillers[:1]
    return fillers


def _name_set_off(ctx: Context, role: Token) -> list[Token]:
    """A person or company named between commas right after a possessed role, however parsed: 'has put its chief
    technology officer, Wang Haifeng, in charge of …', 'Kakao and its entertainment arm, Kakao Entertainment, took
    control' (the small model may hang the name on the verb or on the first conjunct)."""
    after = role.right_edge.i + 1
    if not possessors(role) or after + 1 >= len(ctx.tokens) or ctx.tokens[after].text != ",":
        return []
    m = ctx.tok_mention[after + 1]
    if m is None or m[0] != after + 1 or ctx.types.get(m[2]) not in ("Person", "Organization"):
        return []
    end = m[1]  # (a mention's end token, exclusive)
    closed = end >= len(ctx.tokens) or ctx.tokens[end].text in (",", ".")
    return [ctx.mention_head[m]] if closed else []


def _appositive_names(ctx: Context, role: Token) -> list[Token]:
    """The names in apposition to a role noun ('its chairman, Eric Jing'); none for a possessed noun named already,
    which a list's next name follows ("ahead of TAL's Xueersi brand, iFlytek and …"; not "Rappi's Brazil head, X",
    a place, nor "the Douyin host X", a platform with no possessor before it)."""
    if possessors(role) and any(
        c.dep_ in ("compound", "amod", "nmod") and (a := ctx.ent(c)) is not None and a.type != "Place"
        for c in role.children
    ):
        return []
    # (not a list whose first name has an owner of its own: in 'A, B's advertising arm, C's D and E' the role is A's;
    # but 'its main rival, ByteDance's Douyin' names the rival)
    return [
        c
        for c in role.children
        if c.dep_ == "appos"
        and ctx.tok_mention[c.i]
        and not (any(k.dep_ == "poss" for k in c.children) and any(k.dep_ == "conj" for k in c.subtree))
    ]


def _role_fillers(ctx: Context, n: Token, head_role: Token, own_names: list[Token]) -> tuple[list[Arg], list[Arg]]:
    """Who holds a relational noun's role, as its phrase and clause say ('X, chairman of Y', 'X is Y's CEO', 'Y
    named X chief executive'), and the organization that appointed them when the clause names one."""
    fillers: list[Arg] = []
    appointer: list[Arg] = []  # 'Meituan appointed X as chief executive': Meituan, when no other is named
    dep, h = head_role.dep_, head_role.head
    if own_names:  # '…, the chairman Eric Jing': the role's own name, not what it is in apposition to
        fillers = _first_for_singular_subject(head_role, [a for c in own_names for a in ctx.expand(c, refs=False)])
    elif (
        dep != "appos"
        and possessors(head_role)
        and _possessed_name_after_comma(ctx, head_role.i + 1)
        and (set_off_after := ctx._mention_before_comma(head_role.left_edge.i)) is not None
    ):
        # 'Ocean Engine (巨量引擎), ByteDance's advertising arm, Alibaba's Alimama and …': a possessed role set off by
        # commas after a name, then another owner's name, describes the name before it, though the small model reads
        # the role as a list's first member (not 'Besides Meituan, Alibaba's delivery arm, Ele.me, …': the role's name)
        fillers = [ctx._arg(set_off_after)]
    elif dep == "pobj" and h.lower_ == "of" and h.head.dep_ == "appos" and h.head.lower_ in ("one", "each"):
        fillers = ctx.expand(h.head.head, refs=False)  # 'Eddie Wu, one of the eighteen co-founders'
    elif (
        dep == "pobj"
        and h.lower_ == "of"
        and h.head.lower_ == "one"
        and h.head.dep_ in ("attr", "oprd")
        and h.head.head.lemma_.lower() in lx.COPULAS
    ):
        fillers = ctx.subjects(h.head.head)  # 'X is one of the largest shareholders of Y'
    elif dep == "appos" or (dep in ("compound", "nmod", "amod") and ctx.tok_mention[h.i]):  # "Lyft's rival Uber"
        # ('Temu and its rival Shein': the title's name alone, not the list it ends)
        fillers = _named([ctx.ent(h)]) if h.dep_ == "conj" and dep != "appos" else ctx.expand(h, refs=False)
        if dep == "appos" and (_ends_a_list_of_possessed(head_role) or _appositive_in_list(ctx, head_role)):
            fillers = []
        if dep != "appos" and head_role.tag_ == "NN" and len(fillers) > 1 and (own := ctx.ent(h)) is not None:
            fillers = [own]  # 'Zara owner Inditex and H&M': a singular title names the one name it stands on
        if dep == "appos" and head_role.tag_ == "NN" and len(fillers) > 1:
            # 'ByteDance, Meituan and PDD Holdings, the owner of Temu': a singular appositive after a list
            # describes the name right before it, however the small model hangs it
            before = [a for a in fillers if a.span[1] <= head_role.idx]
            fillers = [max(before, key=lambda a: a.span[1])] if before else fillers
        elif (
            dep == "appos"
            and head_role.tag_ == "NN"
            and len(fillers) == 1
            and (described := ctx._described_after_comma(head_role))
            and described != fillers
        ):
            # 'A (HKEX: 2020), which holds a stake in B (NYSE: AS), the owner of C': the name right before the
            # appositive's comma (past its ticker), which the small model passes over for the clause's subject
            fillers = described
    # (not a noun summing the clause up: 'X remains the largest shareholder in Y, an arrangement that …')
    elif names := _appositive_names(ctx, head_role):
        fillers = _first_for_singular_subject(head_role, [a for c in names for a in ctx.expand(c, refs=False)])
    elif dep in ("oprd", "dobj") and h.lemma_.lower() in lx.APPOINT_VERBS:
        # 'X was named chief executive of Y'; 'Y named X chief executive' (Y appoints when nothing else is named),
        # the person's name often parsed into the title's phrase ('appointed Chung Shin-a chief executive')
        named = [
            c
            for c in h.children
            if (c.dep_ in ("dobj", "nsubjpass") or (c.dep_ == "oprd" and c.i < n.i))  # ('named X its partner')
            and c.i != n.i
            and ctx.tok_mention[c.i]
        ]
        fillers = [a for c in named for a in ctx.expand(c)] or [
            a for c in n.children if c.dep_ in ("compound", "nmod") and (a := ctx.ent(c)) and a.type == "Person"
        ]
        appointer = [a for a in ctx.subjects(h) if a.type == "Organization" and a not in fillers]
    elif (dep in ("attr", "oprd") and h.lemma_.lower() in lx.COPULAS) or (
        dep == "pobj" and h.lower_ == "among" and h.head.lemma_.lower() in lx.COPULAS
    ):
        fillers = ctx.subjects(h if dep != "pobj" else h.head)  # ('A and B are among its backers')
        if dep == "pobj" and len(listed := _subject_list_on_tokens(ctx, h.head)) > len(fillers):
            fillers = listed
    elif (
        dep == "pobj"
        and h.lower_ == "as"
        and (verb := _verb_of_as(h)).pos_ == "VERB"
        and verb.lemma_.lower() not in ("resign", "quit", "step", "leave", "retire")
    ):
        appointed = (
            [c for c in verb.children if c.dep_ in ("dobj", "oprd") and ctx.tok_mention[c.i]]
            if verb.lemma_.lower() in lx.APPOINT_VERBS or verb.lemma_.lower() == "count"
            else []
        )
        # 'Kakao named Chung Shina as its chief executive': the appointee, not the one who appoints ('Weibo counts
        # Alibaba as a major shareholder': the one counted)
        fillers = [a for c in appointed for a in ctx.expand(c, refs=False)]
        if fillers:
            appointer = [a for a in ctx.subjects(verb) if a.type == "Organization"]
        elif ((_role_of(n) or ("",))[0] == "part_of" or verb.lemma_.lower() in lx.APPOINT_VERBS) and any(
            c.dep_ == "nsubjpass" for c in verb.children
        ):
            # 'Kingsoft Cloud was set up in 2012 as a unit of Kingsoft Corp': what was set up; 'X was named as chief
            # executive of Y': who was named
            fillers = [a for c in verb.children if c.dep_ == "nsubjpass" for a in ctx.expand(c)]
        else:
            fillers = ctx.subjects(verb)
            if verb.lemma_.lower() in ("join", "rejoin"):  # 'X joined Meituan as chief executive': the one joined
                appointer = [
                    a for c in verb.children if c.dep_ == "dobj" for a in ctx.expand(c) if a.type == "Organization"
                ]
    elif dep == "nsubj" and h.lemma_ == "be":  # "Y's older rival is X"
        fillers = [a for c in h.children if c.dep_ == "attr" for a in ctx.expand(c, refs=False)]
    elif dep == "pobj" and h.lower_ == "among" and h.head.lemma_ in ("count", "number", "list"):
        # 'Y, which counts A and B among its backers' (the small model may read a name it does not know as an adverb)
        fillers = [
            a
            for c in h.head.children
            if c.dep_ == "dobj" or (c.dep_ in ("advmod", "npadvmod") and ctx.tok_mention[c.i])
            for a in ctx.expand(c, refs=False)
        ]
        # ('… among its shareholders, alongside C, D and E': those are counted among them too, the phrase hung on the
        # verb or on the role noun)
        fillers += _named_after(ctx, (h.head, head_role), ("alongside",), refs=False)
    elif dep == "nsubj" and h.lemma_ in lx.LIST_VERBS:  # "Y's backers include A, B and C"
        fillers = [a for c in h.children if c.dep_ == "dobj" for a in ctx.expand(c, refs=False)]
    elif dep == "pobj" and h.lower_ == "of" and h.head.lemma_.lower() in lx.OFFICE_NOUNS and h.head.dep_ == "dobj":
        # 'X will take on (assume, hold) the additional title (role, post) of chief executive of Y'
        fillers = [a for a in ctx.subjects(h.head.head) if a.type == "Person"]
    if not fillers and possessors(head_role):  # "Y's existing backers, which include A and B"
        fillers = [
            a
            for c in head_role.children
            if c.dep_ == "relcl" and c.lemma_ in lx.LIST_VERBS and any(k.tag_ in ("WDT", "WP") for k in c.children)
            for d in c.children
            if d.dep_ == "dobj"
            for a in ctx.expand(d, refs=False)
        ]
    return fillers, appointer


def _possessed_name_after_comma(ctx: Context, i: int) -> bool:
    """Whether a comma at token ``i`` is followed by a name marked possessive ("…, Alibaba's Alimama")."""
    m = ctx.tok_mention[i + 1] if i + 1 < len(ctx.tokens) and ctx.tokens[i].text == "," else None
    return m is not None and m[0] == i + 1 and m[1] < len(ctx.tokens) and ctx.tokens[m[1]].tag_ == "POS"


def _subject_list_on_tokens(ctx: Context, verb: Token) -> list[Arg]:
    """The names listed from the start of the sentence up to its verb, read on tokens ('Alibaba Group Holding, Tencent
    Holdings and game developer miHoYo are among its early backers': the small model hangs the first names on the
    last one's description); a name's own description ('game developer') may stand before it. [] unless the list,
    joined by 'and', fills everything before the verb."""
    tokens = ctx.tokens
    start = ctx.parsed.sents[ctx.sent_index[verb.i]].start
    named: list[Arg] = []
    joined = False
    j = verb.i - 1
    while j >= start:
        if (m := ctx.tok_mention[j]) is not None:
            named.insert(0, ctx._arg(m))
            j = m[0] - 1
        elif tokens[j].lower_ in (",", "and"):
            joined = joined or tokens[j].lower_ == "and"
            j -= 1
        elif tokens[j].is_lower and tokens[j].pos_ in ("NOUN", "ADJ") and j + 1 < verb.i and ctx.tok_mention[j + 1]:
            while j >= start and tokens[j].is_lower and tokens[j].pos_ in ("NOUN", "ADJ"):
                j -= 1  # (a description of the name after it)
        else:
            return []
    return named if joined and len(named) > 1 else []


def _split_modifier(n: Token) -> bool:
    """Whether the small model split a coordinated modifier from its noun: 'GoTo Financial, its payments and lending
    unit' parsed with 'payments' as the appositive and 'unit' conjoined to it (the possessive and the place in the
    sentence are the first word's)."""
    first = n.head
    return (
        first.dep_ == "appos"
        and first.tag_ in ("NN", "NNS")
        and _role_of(first) is None
        and any(c.dep_ == "poss" for c in first.children)
        and not any(c.dep_ in ("det", "poss") for c in n.children)
    )


def _names_brands(ctx: Context, noun: Token, own_names: list[Token]) -> bool:
    """Whether the names before a noun are what it is, not its owner: a plural brand noun with no name of its own
    ('the Hanting, JI Hotel and Crystal Orange brands'; but 'Lotus, a Geely brand' and 'Alibaba brands such as
    Freshippo' are Geely's, Alibaba's)."""
    return (
        noun.tag_ == "NNS" and noun.lemma_.lower() in _BRAND_NOUNS and not own_names and not _examples_listed(ctx, noun)
    )


def rule_relational_noun(ctx: Context, n: Token) -> Iterator[Cand]:
    """'X, (then) chairman of Y', 'Y's owner X', 'Y founder X', 'X is an investor in Y',
    'X became chairman of Y', 'X succeeded Z as chief executive of Y', 'Y's rival is X'."""
    pred_role = _role_of(n)
    assert pred_role is not None  # _dispatch runs this rule on role nouns only
    pred, role = pred_role
    # 'Y's controlling shareholder', 'the majority shareholder of Y': a company that is one owns Y (a person holding
    # control is a shareholder still: no unit of theirs)
    controlling = pred == "invested_in" and any(
        c.dep_ in ("amod", "compound") and c.lower_ in lx.CONTROL_WORDS for c in n.children
    )
    if (
        ctx.tok_mention[n.i] is not None  # a word of a name ('London Business School') is no relational noun
        or any(c.lower_ in lx.FORMER_WORDS for c in n.children if c.dep_ in ("amod", "advmod", "compound"))
        or any(t.lower_ in lx.FORMER_WORDS for t in n.doc[max(0, n.i - 4) : n.i] if t.dep_ == "amod")
    ):
        return  # 'former chairman X': a past holder does not lead
    if pred == "part_of" and _sibling(n):
        return  # "Vivo's sister brand iQoo": Vivo's kin, not its unit
    if pred == "competes_with" and (listed := _named_before_rivals(ctx, n)):
        for a, b in _pairs(listed):  # 'A, B, C and dozens of smaller rivals raced to add capacity'
            yield Cand(a, "competes_with", b, "compete.rival_group", n.i, dated=False)
        return
    head_role = n
    # 'chairman and chief executive of Y'; 'joins as senior vice-president and head of Y' (a post of no relation
    # first: its place in the clause is the second's)
    # (not a conjunct with an owner of its own: "Meituan's Keeta brand and Didi's overseas units" are two phrases)
    while (
        head_role.dep_ == "conj"
        and not possessors(head_role)
        and (
            _role_of(head_role.head)
            or head_role.head.lemma_.lower() in lx.PERSON_POSTS | lx.PERSON_DESCRIPTIONS
            or _split_modifier(head_role)
        )
    ):
        head_role = head_role.head
    dep, h = head_role.dep_, head_role.head
    anchors: list[Arg] = []
    # only a role taken through a verb ('became chairman in 2021', 'succeeded Y as CEO') is dated
    # ('X, who serves as chairman': a present state, neither dated by the sentence nor an appointment)
    serving = dep == "pobj" and h.lower_ == "as" and h.head.lemma_.lower() in lx.STATE_COPULAS
    present = serving and h.head.tag_ in ("VBZ", "VBP")
    # ('Tencent and Sony remain investors', 'X is chairman': a present state is not dated by the sentence either)
    dated = (
        (dep in ("attr", "oprd") and h.lemma_.lower() in lx.COPULAS and h.tag_ not in ("VBZ", "VBP"))
        or (dep == "pobj" and h.lower_ == "as" and not present)
        or (dep == "dobj" and h.lemma_.lower() in lx.APPOINT_VERBS)  # 'appointed X chief executive in 2023'
        or _held_since(head_role)  # 'James Dong, Lazada's chief executive since 2022'
    )
    event = not (dep in ("attr", "oprd") and h.lemma_.lower() in lx.STATE_COPULAS) and not serving
    own_names = _appositive_names(ctx, head_role) or _name_set_off(ctx, head_role)
    fillers, appointer = _role_fillers(ctx, n, head_role, own_names)
    if pred == "part_of" and _unit_named_then_list(ctx, head_role):
        fillers = []  # "Tesla's Megapack business, Wärtsilä and BYD": a unit named already, then a list
    if not own_names and dep in ("compound", "nmod", "amod") and ctx.tok_mention[h.i]:
        # "Y's chairman X": the possessive may hang off the name
        anchors += [a for c in possessors(h) if c.i < n.i for a in _possessor_alone(ctx, ctx.expand(c))]
    if not fillers:  # "Y's biggest backers, including A, B and C"
        fillers = _examples_listed(ctx, head_role)
    # "Meituan's domestic rivals Alibaba and JD have …": the names right after it, however parsed
    fillers = fillers or _names_listed_from(ctx, head_role.i + 1)
    if fillers and pred == "invested_in" and dep == "attr":
        # 'A and B are shareholders in Y, having invested early, along with C': 'along with' on the participle
        # (on the copula, the subjects have it)
        fillers += ctx.coagents(*(c for c in h.children if c.dep_ in ("advcl", "xcomp")))
    named_by_compound = not fillers and bool(possessors(head_role))
    if named_by_compound:  # "Didi's Qingju brand", "its Exeed, iCar and Luxeed brands"
        modifiers = [c for c in head_role.children if c.dep_ in ("compound", "nmod", "amod") and c.i < head_role.i]
        # ('its Kunlunxin chip unit': the name may modify the word of the unit's trade before the unit noun)
        modifiers += [
            k for c in modifiers if c.is_lower and c.pos_ == "NOUN" for k in c.children if k.dep_ == "compound"
        ]
        fillers = [
            a
            for c in modifiers
            # ("GoTo's Gojek ride-hailing unit": the name before an adjective may come as one more adjective)
            if (c.dep_ != "amod" or c.tag_ == "NNP") and ctx.tok_mention[c.i] and not _list_of_possessed(c)
            for a in ctx.expand(c, refs=False)
            if a.type in ("Organization", "Program")
        ]
    if not fillers:
        return
    # 'Tencent, an investor in the company': not Tencent itself; but 'its HoYoverse brand' may be miHoYo's own
    # name for itself, and 'its' must then find miHoYo (and give nothing) rather than the company before it
    ctx.exclude = set() if named_by_compound else {a.key for a in fillers}
    # "its fintech arm A, and its webtoon unit, B": the second 'its' is the first's owner, not the unit beside it
    ctx.exclude |= {a.key for a in _parallel_pronoun(ctx, head_role)}
    try:
        # in order: the output must not vary by run; a conjoined noun that is no role ('its unit X and its
        # holding in Y') gives no organization
        # ('a partner at Hillhouse' is a post at a firm; 'a partner of (to) Y' a company's ally)
        # ('a challenger (an alternative) to Y': a rival's 'to')
        anchor_preps = {"partner_of": ("of", "to", "with"), "competes_with": ("of", "to")}.get(pred, ("of", "at", "in"))
        by_role: dict[Token, list[Arg]] = {}
        brand_lists = {t.i for t in (n, head_role) if _names_brands(ctx, t, own_names)}
        for t in dict.fromkeys((n, head_role, *(k for k in n.conjuncts if _role_of(k)))):
            own = by_role[t] = [a for c in possessors(t) for a in _possessor_alone(ctx, ctx.expand(c))]
            # ('the Hanting, JI Hotel and Crystal Orange brands': names before a plural brand noun are the brands
            # themselves, not their owner; 'Lotus, a Geely brand' is Geely's)
            # (a conjoined role's own name is not the organization: 'unit A and arm B'; nor a place: 'a stake in
            # Shandong rival X' is the rival of the clause's subject, from Shandong)
            if t in (n, head_role) and t.i not in brand_lists:
                own += [
                    a
                    for a in _named(
                        ctx.ent(c) for c in t.children if c.dep_ in ("compound", "nmod", "amod") and c.i < t.i
                    )
                    if a.type != "Place"
                ]
            if not (pred == "leads" and _post_below_the_top(ctx, t)):  # (a department's head: no firm led)
                own += (
                    _named_after(ctx, (t,), anchor_preps)
                    or _board_of(ctx, t)
                    or (_whose_operations(ctx, t) if pred == "leads" and role in lx.CHIEF_ROLES else [])
                )
            if t is head_role and dep == "appos":  # 'X, chairman of A and of its B unit': 'and of' hung on X
                own += [
                    a
                    for k in h.children
                    if k.dep_ == "prep" and k.lower_ in anchor_preps and k.i > t.i and k.nbor(-1).lower_ == "and"
                    for q in k.children
                    if q.dep_ == "pobj"
                    for a in _named_unit(ctx, q)
                ]
            if t is head_role and dep in ("attr", "oprd"):  # 'a company in which X is a major shareholder'
                own += [
                    a
                    for c in h.children
                    if c.dep_ == "prep" and c.lower_ in anchor_preps
                    for p in c.children
                    if p.dep_ == "pobj" and p.tag_ in ("WDT", "WP")
                    for a in ctx.expand(p)
                ]
        # 'chairman and chief executive of Y': a role without an organization of its own takes its conjunct's;
        # 'the president of A and the creator of B': each role its own
        # (not for names before a plural brand noun: 'owner of the Zara and Massimo Dutti brands' names no owner of
        # Inditex's)
        anchors += by_role[n] or ([] if n.i in brand_lists else [a for v in by_role.values() for a in v])
    finally:
        ctx.exclude = set()
    known = {f.key for f in fillers}
    anchors = [a for a in anchors if a.key not in known]
    if pred == "operates_on":
        # 'its best-known host, X': a company's own host may be its employee; only a platform named is where one
        # sells or streams ('Kuaishou host X')
        anchors = [a for a in anchors if a.resolved_by is None]
    if anchors:
        rule = f"{pred}.noun"
    else:
        anchors, rule = _unnamed_anchors(ctx, n, head_role, pred, fillers, bool(own_names), appointer)
    seen = set()
    for x in fillers:
        for y in anchors:
            if (x.key, y.key) not in seen:
                seen.add((x.key, y.key))
                if controlling and x.type == "Organization":
                    yield Cand(x, "owns", y, rule.replace("invested_in.", "owns.", 1), n.i, dated=dated, event=event)
                else:
                    yield Cand(x, pred, y, rule, n.i, role=role, dated=dated, event=event)


def _board_of(ctx: Context, role: Token) -> list[Arg]:
    """'chairman of Grab's board', 'vice-chairman of the board of Haidilao', '… of the board of directors of X': the
    company whose board a post is on."""
    out: list[Arg] = []
    for board in _pobjs((role,), ("of",)):
        if board.lemma_.lower() == "board" and ctx.tok_mention[board.i] is None:
            directors = [p for p in _pobjs((board,), ("of",)) if p.lemma_.lower() == "director"]
            out += [a for c in possessors(board) for a in _possessor_alone(ctx, ctx.expand(c))]
            out += _named_after(ctx, (board, *directors), ("of",))
    return out


def _ends_a_list_of_possessed(noun: Token) -> bool:
    """'Huawei, ByteDance's Volcano Engine and Tencent's cloud business have all cut prices': a possessed noun whose
    possessor is conjoined to another possessed name ends a list of three, however the small model hangs it on the
    first as an appositive ('Hello, Ant and Alibaba's joint venture' is an appositive still)."""
    return any(
        c.dep_ in ("nmod", "compound")
        and c.i < noun.i
        and any(k.dep_ == "conj" for k in c.children)
        and any(k.dep_ == "poss" for k in c.children)
        for c in noun.children
    )


def _unit_named_then_list(ctx: Context, role: Token) -> bool:
    """Whether a possessed unit noun carries a name of its own before it and an appositive list after it: "competing
    with Tesla's Megapack business, Wärtsilä and a field of players such as BYD" (the names after it are the next
    items of a list, not the unit's; "Tencent's WeChat Pay unit, Tenpay, was fined" names the unit twice)."""
    # (not a place: "L'Oréal's China investment arm, Shanghai Meicifang" names the arm after it)
    named = bool(possessors(role)) and any(
        c.dep_ in ("compound", "nmod")
        and c.i < role.i
        and (m := ctx.tok_mention[c.i]) is not None
        and ctx.types.get(m[2]) in ("Organization", "Program")
        for c in role.children
    )
    return named and any(c.dep_ == "appos" and any(k.dep_ == "conj" for k in c.children) for c in role.children)


def _list_of_possessed(name: Token) -> bool:
    """'competes with Tesla's Megapack, Fluence, BYD and Huawei's digital power unit': a name before a unit noun
    whose conjuncts end in a possessor of their own lists rivals, each with its own owner, not the units of the
    first possessor ("its Exeed, iCar and Luxeed brands" has none)."""
    return any(k.dep_ == "case" for c in name.conjuncts for k in c.children)


def _unnamed_list_item(ctx: Context, noun: Token) -> bool:
    """Whether a noun is a list's item of its own with no name: 'Alibaba Group, Ant Group and a fund backed by China
    Mobile', '… and two funds backed by Y' (an indefinite common noun conjoined to what comes before it)."""
    return (
        noun.dep_ == "conj"
        and ctx.tok_mention[noun.i] is None
        and any(
            (c.dep_ == "det" and c.lower_ in ("a", "an", "another")) or c.dep_ == "nummod" or c.lower_ == "several"
            for c in noun.children
        )
    )


def _appositive_in_list(ctx: Context, role: Token) -> bool:
    """'software from Oracle, SAP's retail unit and Kingdee International': an appositive unit noun that 'and' joins
    to a name with no comma before it is one more item of a list, not a description of the name before it
    ('Lazada, Alibaba's Southeast Asian unit, and Shopee' is; so is 'Cainiao, Alibaba's logistics unit and Ele.me,
    its delivery arm', whose second name is described in turn; a person's post is left as parsed)."""
    if (_role_of(role) or ("", None))[0] != "part_of":
        return False
    tokens = ctx.tokens
    # ('Alibaba Group, Ant Group, Geely's investment arm and a fund backed by Y': after a name that is a list's item
    # itself, what 'and' joins without a comma need not be a name)
    return any(
        c.dep_ == "conj"
        and (ctx.tok_mention[c.i] or (role.head.dep_ == "conj" and _unnamed_list_item(ctx, c)))
        and any(k.dep_ == "cc" and k.i < c.i and tokens[k.i - 1].text != "," for k in role.children)
        and not (
            c.right_edge.i + 2 < len(tokens)
            and tokens[c.right_edge.i + 1].text == ","
            and tokens[c.right_edge.i + 2].tag_ in ("DT", "PRP$")
        )
        for c in role.children
    )


def _post_below_the_top(ctx: Context, role: Token) -> bool:
    """'head of research at Counterpoint', 'director general of the commission's surveillance bureau', 'a managing
    director at UBP': the head of a department named by a common noun, or one holder of a rank many hold, is at the
    firm but does not lead it ('head of Alibaba Cloud', 'the managing director of X', 'chief executive of the
    company' do)."""
    return any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in role.children) or any(
        p.pos_ == "NOUN"
        and ctx.tok_mention[p.i] is None
        # ('chief executive of its operations', 'chairman of its board': of the company)
        and p.lemma_.lower() not in lx.OPERATIONS_NOUNS | {"board"}
        and (bool(possessors(p)) or not ctx.expand(p))
        for p in _pobjs((role,), ("of",))
    )


def _parallel_pronoun(ctx: Context, role: Token) -> list[Arg]:
    """The unit named in the first of two phrases owned by a pronoun ('its fintech arm A, and its webtoon unit, B',
    however the small model hangs the second on the first), which the second 'its' is not; [] for anything else
    ('hedge fund High-Flyer and its founder X': its founder's)."""
    own, first = possessors(role), role.head
    if role.dep_ != "conj" or not own or not all(c.tag_ == "PRP$" for c in own):
        return []
    if _role_of(first) is not None and _owned_by_pronoun(first):
        return [a for c in first.children if c.dep_ == "appos" for a in ctx.expand(c, refs=False)]
    named = ctx.tok_mention[first.i]
    if named is None or named[0] == 0:
        return []
    before = ctx.tokens[named[0] - 1]
    return [ctx._arg(named)] if _role_of(before) and _owned_by_pronoun(before) else []


def _owned_by_pronoun(noun: Token) -> bool:
    """'its fintech arm': a noun a possessive pronoun owns."""
    return any(c.tag_ == "PRP$" for c in possessors(noun))


def _sibling(n: Token) -> bool:
    """'its sister brand X', 'a sibling app' with no 'to Y' (a sister of what its possessor owns): kin, not a unit."""
    # ('its sister brand Realme': the small model may hang 'sister' on the name beside the noun)
    words = [*n.children, *(n.head.children if n.dep_ == "compound" else ())]
    return any(
        c.lower_ in lx.SIBLING_WORDS and c.dep_ in ("amod", "compound") and c.i < n.i for c in words
    ) and not any(c.dep_ == "prep" and c.lower_ == "to" for c in n.children)


def _held_since(role: Token) -> bool:
    """Whether a role noun says when it was taken: 'chief executive since 2022' (a date, not 'since the merger')."""
    return any(
        c.dep_ == "prep" and c.lower_ == "since" and any(p.dep_ == "pobj" and p.ent_type_ == "DATE" for p in c.children)
        for c in role.children
    )


def _whose_operations(ctx: Context, role: Token) -> list[Arg]:
    """'chief executive of TikTok's global business (operations)': the organization whose business one runs; not
    'of its Instamart business' (a business with a name of its own)."""
    return [
        a
        for p in _pobjs((role,), ("of",))
        if p.lemma_.lower() in lx.OPERATIONS_NOUNS
        and ctx.ent(p) is None
        and not any(ctx.tok_mention[c.i] for c in p.children if c.dep_ in ("compound", "nmod", "amod"))
        for c in possessors(p)
        for a in ctx.expand(c)
        if a.type == "Organization"
    ]


def _head_of_state(title: Token) -> bool:
    """'under President Javier Milei', 'Premier Li Qiang said': a capitalised title of state inside a sentence is a
    country's, never a company's."""
    return title.lemma_.lower() in lx.STATE_TITLES and title.text[:1].isupper() and not title.is_sent_start


def _organization_of_relative(ctx: Context, person: Token) -> list[Arg]:
    """The organization a relative clause on a person says they founded, run or joined: 'chief executive William Ding,
    who founded NetEase in 1997', 'chief technology officer Wang Haifeng, who joined Baidu in 2010' (the bare title
    before the name is a post there); [] for anything else."""
    if ctx.tok_mention[person.i] is None or ctx.types.get(ctx._mention_at(person.i)[2]) != "Person":
        return []
    return [
        a
        for clause in person.children
        if clause.dep_ == "relcl" and clause.lemma_.lower() in lx.OWN_ORGANIZATION_VERBS and not irrealis(clause)
        for o in clause.children
        if o.dep_ == "dobj"
        for a in ctx.expand(o, refs=False)
        if a.type == "Organization" and ctx.kinds.get(a.key) not in ("authority", "exchange")
    ]


def _raised_from(ctx: Context, investors: Token, fillers: list[Arg]) -> list[Arg]:
    """The companies that raised money from the investors a plural noun names ('X raised $50 million from investors
    including A and B', 'X …, raising US$931 million in a round from investors such as A'): the subjects of the
    raising verb, when what it raised is money or a round (not 'received complaints from investors')."""
    if investors.dep_ != "pobj" or investors.head.lower_ != "from":
        return []
    verb = governing_verb(investors)
    raised = [c for c in verb.children if c.dep_ == "dobj"]
    if verb.lemma_.lower() not in lx.RAISE_VERBS or not any(
        c.ent_type_ == "MONEY" or c.lemma_.lower() in lx.ROUND_NOUNS for c in raised
    ):
        return []
    doers = ctx.subjects(verb)
    if not doers and verb.dep_ == "advcl" and verb.tag_ == "VBG":
        # ('X was carved out of Y in 2019, raising …': the passive's subject raised it)
        doers = [a for c in verb.head.children if c.dep_ == "nsubjpass" for a in ctx.expand(c)]
    funders = {f.key for f in fillers}
    return [a for a in doers if a.type == "Organization" and a.key not in funders]


def _serves_a_state(ctx: Context, person: tuple[int, int, str]) -> bool:
    """Whether what is set after a person's name says they hold an office of state ('Vice-President X, who also
    serves as minister of development', 'X, the country's trade minister'): their title is the state's."""
    head = ctx.mention_head[person]
    return any(
        w.lemma_.lower() in lx.STATE_TITLES for c in head.children if c.dep_ in ("relcl", "appos") for w in c.subtree
    )


def _unnamed_anchors(
    ctx: Context, n: Token, head_role: Token, pred: str, fillers: list[Arg], own_names: bool, appointer: list[Arg]
) -> tuple[list[Arg], str]:
    """The organization of a title that names none, and the rule that read it (none: ([], the plain rule))."""
    dep, h = head_role.dep_, head_role.head
    if appointer and not any(c.dep_ == "prep" and c.lower_ in ("of", "at") for c in head_role.children):
        return appointer, f"{pred}.noun"  # 'Meituan appointed X as chief executive'
    if pred == "leads" and dep in ("compound", "nmod") and (told := _organization_of_relative(ctx, h)):
        return told, "leads.noun.relative"  # 'chief executive William Ding, who founded NetEase in 1997'
    if pred == "leads" and dep == "appos" and (founded := _founded_by(ctx, h)):
        return founded, "leads.noun.founder"  # 'Founded in 1999 by James Liang, now executive chairman, Ctrip …'
    if pred == "leads" and dep == "attr" and h.dep_ == "relcl" and (founded := ctx._founded_by_antecedent(head_role)):
        return founded, "leads.noun.founder"  # 'founded in 2016 by Cao Xudong, who remains chief executive'
    if (
        pred == "leads"
        and (dep in ("attr", "oprd") or (dep == "pobj" and h.lower_ == "as" and h.head.lemma_ in lx.STATE_COPULAS))
        and len(fillers) == 1
        and (organization := ctx.organization_of(fillers[0].key))
    ):
        # 'Su remained chairman': of what he was read to lead or to have founded
        return [organization], "leads.noun.implicit"
    if (
        pred in ("leads", "founded", "part_of")
        and ctx.salient
        and _definite(n)
        and (pred != "part_of" or dep in ("compound", "nmod") or own_names)
    ):
        # 'the chief executive Simon Hu', 'one of the co-founders': the article's main organization
        return [ctx.salient], f"{pred}.noun.salient"
    if (
        pred in ("leads", "founded")
        and ctx.salient
        and dep in ("compound", "nmod")
        and ctx.tok_mention[h.i]
        and ctx.types.get(ctx._mention_at(h.i)[2]) == "Person"
        # the article's organization named there, or none other ('the memo, signed by founder and chairman X')
        and (ctx.names_in_sentence(ctx.salient.key, n.i) or ctx.names_no_other_organization(ctx.salient.key, n.i))
        and not _organization_before_titles(ctx, n)
        and not (h.dep_ == "pobj" and h.head.dep_ == "agent")  # 'run by chief executive X': the verb says what
        and h.dep_ != "poss"  # 'during President X's visit': a visitor, not a speaker
        and not _head_of_state(n)
        # ('… under CEO X', when rule_under_leader finds whom it is under)
        and not ((under := _under_of(h)) is not None and _organizations_under(ctx, under))
    ):
        # 'NIO said that chief financial officer Steven Feng will leave': a bare title before a name, in a
        # sentence about the article's main organization, is a title there
        return [ctx.salient], f"{pred}.noun.salient"
    if pred == "invested_in" and n.tag_ == "NNS" and (raisers := _raised_from(ctx, n, fillers)):
        return raisers, f"{pred}.noun"  # 'X, raising US$931 million from investors including A and B': in X
    if pred == "invested_in" and ctx.dominant and n.tag_ == "NNS" and all(f.key != ctx.dominant.key for f in fillers):
        # 'Tencent and HongShan are also investors', 'early backers include A and B', 'existing shareholders A
        # and B topped up': investors in what the article is about
        return [ctx.dominant], f"{pred}.noun.salient"
    if (
        pred == "competes_with"
        and dep in ("compound", "amod")
        and h.dep_ == "conj"
        and (
            first := ctx.ent(h.head)
            or next((a for a in ctx._described_after_comma(h.head) if a.type == "Organization"), None)
        )
    ):
        # 'Temu and rival Shein', 'Temu, the shopping app owned by PDD, and rival Shein': the name it is listed beside
        return [first], "compete.rival.conjunct"
    if pred == "competes_with" and (clause := _clause_organizations(ctx, head_role, fillers)):
        return clause, "compete.rival.clause"  # 'Xiaomi kept its lead, while rivals Huawei and vivo gained'
    if (
        pred == "competes_with"
        and ctx.salient
        and (
            (n.tag_ == "NNS" and dep in ("nsubj", "nsubjpass"))
            or (dep == "attr" and any(c.dep_ == "det" and c.lower_ in ("another", "a", "an") for c in n.children))
        )
        and all(f.key != ctx.salient.key for f in fillers)
    ):
        # 'Other rivals include A, B and C', 'Competitors including A and B have cut prices', 'Tencent is another
        # competitor': the article's main organization's
        return [ctx.salient], "compete.rival.salient"
    if (
        pred == "competes_with"
        and ctx.salient
        and dep in ("compound", "amod")
        and n.is_sent_start
        and h.dep_ in ("nsubj", "nsubjpass")
        and all(f.key != ctx.salient.key for f in fillers)
    ):
        # 'Rival VNET Group, which …, has been winning orders': a sentence that opens on a rival names no one else's
        return [ctx.salient], "compete.rival.salient"
    if pred == "founded" and (agent := _leading_agent(head_role)) is not None:
        # 'Meituan, led by co-founder and chief executive Wang Xing': the titles are of what the name leads
        return [a for a in ctx.objects(agent.head) if a.type == "Organization"], f"{pred}.noun"
    if (
        pred == "partner_of"
        and n.tag_ == "NNS"
        and dep in ("dobj", "pobj")
        and h.dep_ != "agent"  # ('vehicles built by partners including A and B': the partners are the doers)
        and any(c.dep_ == "prep" and c.lower_ in lx.EXAMPLE_PREPS for c in n.children)
    ):
        # 'Cainiao ceded the market to partners such as A and B': the clause's subject's partners
        verb = governing_verb(n)
        return [a for a in ctx.subjects(verb) if a.type == "Organization"], f"{pred}.noun"
    if pred == "part_of" and own_names and dep == "dobj" and h.lemma_.lower() in lx.UNIT_HOLDING_VERBS:
        # 'BYD has a semiconductor subsidiary, BYD Semiconductor': the unit named is the subject's
        return [a for a in ctx.subjects(h) if a.type == "Organization"], f"{pred}.noun"
    return [], f"{pred}.noun"


def _leading_agent(role: Token) -> Token | None:
    """The 'by' of 'led (run, headed) by' whose object is the title or the titled name ('led by chief executive X',
    'led by co-founder and chief executive X'), else None."""
    by = role.head if role.dep_ == "pobj" else role.head.head if role.dep_ in ("compound", "nmod") else None
    if by is None or (role.dep_ in ("compound", "nmod") and role.head.dep_ != "pobj"):
        return None
    return by if by.dep_ == "agent" and by.head.lemma_.lower() in lx.LEAD_VERBS else None


def _organization_before_titles(ctx: Context, n: Token) -> bool:
    """Whether the run of title words around ``n`` follows an organization's name ("Kuaishou co-founder and
    chairman Su Hua"): then :func:`rule_title_before_name` reads it, with that organization."""
    j = n.i - 1
    while (
        (
            j >= 0
            and ctx.tok_mention[j] is None
            # (a word of a title of two, 'chief' in 'Hema chief executive X', as well as one of its own)
            and (
                title_roles([ctx.tokens[j].text]) is not None or title_roles([t.text for t in ctx.tokens[j : n.i + 1]])
            )
        )
        or (j >= 0 and ctx.tokens[j].lower_ in (",", "and", "'s", "’s"))
    ):
        j -= 1
    return j >= 0 and ctx.tok_mention[j] is not None and ctx.types.get(ctx._mention_at(j)[2]) == "Organization"


def rule_title_before_name(ctx: Context, person: tuple[int, int, str]) -> Iterator[Cand]:
    """'Kuaishou co-founder and chairman Su Hua', 'Walmart chief executive Doug McMillon', "Cainiao's CEO
    Wan Lin": an organization, its titles, then the person (read on the tokens: the small model's parse of
    stacked titles is unreliable). A former holder ('former Kuaishou chairman X') is not its leader."""
    tokens = ctx.tokens
    j = person[0] - 1
    while j >= 0 and ctx.tok_mention[j] is None and tokens[j].lower_ not in ("'s", "’s") and person[0] - j <= 7:
        j -= 1
    if j < 0 or person[0] - j < 2:
        return
    words = [t.text for t in tokens[j + 1 : person[0]]]
    while words and words[0].lower().rstrip(".") in lx.LEGAL_FORM_WORDS:
        words = words[1:]  # 'Nu Holdings Ltd., whose …' where the name stops before 'Ltd.'
    if [w.lower() for w in words[:2]] == [",", "whose"]:
        words = words[2:]  # 'Prosus, whose chief executive Fabricio Bloisi …'
    if tokens[j].lower_ in ("'s", "’s"):
        j -= 1
    org = ctx.tok_mention[j] if j >= 0 else None
    if org is not None and ctx.types.get(org[2]) == "Person":
        org = None  # 'by chief executive X and president Y': the name before Y's titles is a person's
    roles = title_roles(words)
    if (org is None or roles is None) and ctx.types.get(person[2]) == "Person":
        yield from _bare_titles(ctx, person)  # (no organization right before the titles: 'led by founder X')
        return
    if org is None or roles is None or ctx.types.get(org[2]) != "Organization" or ctx.types.get(person[2]) != "Person":
        return
    if any(t.lower_ in lx.FORMER_WORDS for t in tokens[max(0, org[0] - 2) : person[0]]):
        return
    who, where = ctx._arg(person), ctx._arg(org)
    for pred, role in dict.fromkeys(roles):
        yield Cand(who, pred, where, f"{pred}.title", person[0], role=role, dated=False, event=False)


def _title_run(ctx: Context, name: int) -> tuple[list[tuple[str, str | None]] | None, int]:
    """The roles of the longest run of title words right before the name at token ``name``, and the index of the
    token before that run."""
    roles, j = None, name - 1
    for k in range(name - 1, max(-1, name - 8), -1):
        t = ctx.tokens[k]
        if ctx.tok_mention[k] is not None or (t.is_punct and t.text != "-") or t.is_space:
            break
        if t.lower_ != "and" and (found := title_roles([w.text for w in ctx.tokens[k:name]])) is not None:
            roles, j = found, k - 1
    return roles, j


def _clause_opening_titles(ctx: Context, name: int) -> list[tuple[str, str | None]] | None:
    """The roles of the longest run of title words right before the name at token ``name`` when that run opens
    its clause ('“…,” founder and chief executive X said', 'said chief executive X'); None when there is no such
    run, or it belongs to a phrase about someone else's ('shareholder behind founder X', 'former chairman X')."""
    roles, j = _title_run(ctx, name)
    before = ctx.tokens[j] if j >= 0 else None
    if before is None or before.is_punct or before.is_space or before.lemma_.lower() in lx.SAY_VERBS:
        return roles
    return None


def _agent_titles(ctx: Context, person: tuple[int, int, str]) -> Iterator[Cand]:
    """'Coupang, which is led by founder and chairman Bom Kim', 'Y, now run by chief executive X', 'Y, founded by
    chief executive X in 2010': the titles of the agent of a passive of leading or founding are posts at what the
    passive is said of (not 'set up by President X')."""
    roles, j = _title_run(ctx, person[0])
    by = ctx.tokens[j] if j >= 0 else None
    conjoined = by is not None and by.lower_ in ("and", ",")
    if conjoined:
        # 'founded by chief executive X and president Y': Y's titles stand after the first agent's
        first = first_conjunct(ctx.mention_head[person])
        by = first.head if first.i != ctx.mention_head[person].i else by
    if not roles or by is None or by.lower_ != "by" or by.dep_ != "agent" or not ctx.is_passive(by.head):
        return
    leading = by.head.lemma_.lower() in lx.LEAD_VERBS or cue(by.head, lx.FOUNDING_LEMMAS) is not None
    if not leading and conjoined:
        return  # ('a holding company controlled by co-chief executive X and founder Y': neither post is the clause's)
    if not leading:
        yield from _titles_of_the_clause_subject(ctx, person, by, roles, j)
        return
    h = first_conjunct(ctx.mention_head[person])
    if h.dep_ == "appos" and _role_of(h.head):
        h = h.head  # 'by chief executive X', parsed as the title with the name beside it
    if h.dep_ != "pobj" or h.head.i != by.i:
        return  # 'created by President X's government': X is no agent
    who = ctx._arg(person)
    # ('a consortium led by founder and chief executive X and Tencent': what is led is not among its leaders)
    agents = range(by.idx, max(t.idx + len(t) for t in by.subtree))
    orgs = [org for org in ctx.objects(by.head) if org.type == "Organization" and org.span[0] not in agents]
    salient = ctx.salient
    if not orgs and salient is not None and ctx.names_in_sentence(salient.key, person[0]):
        orgs = [salient]  # 'NetEase sold …, acquired during a spree led by founder and chief executive Ding Lei'
    for org in orgs:
        for pred, role in dict.fromkeys(roles):
            yield Cand(who, pred, org, f"{pred}.title.agent", person[0], role=role, dated=False, event=False)


def _titles_of_the_clause_subject(
    ctx: Context, person: tuple[int, int, str], by: Token, roles: list[tuple[str, str | None]], j: int
) -> Iterator[Cand]:
    """'Xiaomi unveiled the YU9 at an event hosted by founder and chief executive Lei Jun': a company's titles before
    the agent of a participle that describes something in a clause are posts at that clause's subject company. Not
    'an event attended by President X' (a head of state's title as well), nor 'by former chief executive X'."""
    company_titles = lx.CHIEF_ROLES - {"president"}
    if (
        by.head.dep_ != "acl"
        or any(r not in company_titles for _, r in roles if r)
        or ctx.tokens[j + 1].lower_ in ("former", "ex")
    ):
        return
    orgs = [a for a in ctx.subjects(governing_verb(by.head.head)) if a.type == "Organization"]
    who = ctx._arg(person)
    for org in orgs[:1]:
        for pred, role in dict.fromkeys(roles):
            yield Cand(who, pred, org, f"{pred}.title.agent", person[0], role=role, dated=False, event=False)


def _bare_titles(ctx: Context, person: tuple[int, int, str]) -> Iterator[Cand]:
    """'“…,” founder and chief executive Yang Zhilin said': titles right before a name that no organization
    precedes, in a sentence that names no organization but the article's own (or names it), are the article's
    organization's (read on the tokens: the small model may hang such titles on the quote before them)."""
    roles = _clause_opening_titles(ctx, person[0])
    if roles is None:
        yield from _agent_titles(ctx, person)
        return
    if _serves_a_state(ctx, person):
        return  # ('Vice-President X, who also serves as minister of development, said …': a country's)
    salient = ctx.salient
    if salient is None or not (
        ctx.names_in_sentence(salient.key, person[0]) or ctx.names_no_other_organization(salient.key, person[0])
    ):
        return
    who = ctx._arg(person)
    for pred, role in dict.fromkeys(roles):
        yield Cand(who, pred, salient, f"{pred}.noun.salient", person[0], role=role, dated=False, event=False)


def rule_under(ctx: Context, h: Token) -> Iterator[Cand]:
    """'X under Y' (a business under its group); 'Y's X' between two organizations ("Alibaba's Taobao")."""
    me = ctx.ent(h)
    if any(_role_of(c) and ctx.tok_mention[c.i] is None for c in h.children):
        return  # "WeChat's owner Tencent" is a relational noun's business ('FinTech Business Group' is a name)
    mention = ctx.tok_mention[h.i]
    start = mention[0] if mention is not None else h.i
    if start >= 2 and ctx.tokens[start - 2].text == "-" and cue(ctx.tokens[start - 1], lx.HYPHEN_CUES):
        return  # 'Sea Ltd's Shopee and Alibaba-controlled Lazada': a name with an owner of its own is no one else's
    parsed_possessors = possessors(h)
    adjacent = _possessor_by_adjacency(ctx, h)
    if adjacent is None and mention is not None and ctx.tokens[mention[1] - 1].lower_ in lx.LEGAL_FORM_WORDS:
        # 'ByteDance's Douyin and Kuaishou Technology': a name in full with its legal form, conjoined after another
        # company's unit, is a company in its own right, not that company's too
        parsed_possessors = []
    for c in parsed_possessors:
        # a possessor found as a conjunct ("A's B and C's D") is itself alone, not its whole coordination
        owners = _named([ctx.ent(c)]) if c.dep_ == "conj" else ctx.expand(c, refs=False)
        if any(a.type == "Place" for a in owners):
            continue  # 'Uber and Estonia's Bolt': a country's company; Uber is listed beside it, not its co-owner
        for a in owners:
            # 'Meituan and Alibaba's Taobao Shangou': only the marked possessor owns a company; and the mark right
            # before the name says whose it is ('BAIC's Stelato and SAIC's Shangjie' may come parsed as BAIC's both)
            if (
                a.type == "Organization"
                and _marked_possessive(ctx, a)
                and (adjacent.key == a.key if adjacent is not None else me is None or not _placed_apart(ctx, h, me, a))
            ):
                yield Cand(me, "part_of", a, "part_of.possessive", h.i)
    owner = None if parsed_possessors else adjacent
    if owner is not None and me is not None and owner.key != me.key:
        yield Cand(me, "part_of", owner, "part_of.possessive.adjacent", h.i)
    if me is not None and (parent := _regional_parent(ctx, h, me)) is not None:
        yield Cand(me, "part_of", parent, "part_of.regional_name", h.i)
    if me is not None and not parsed_possessors:
        for a in _conjunct_possessor(ctx, h, me):
            yield Cand(me, "part_of", a, "part_of.possessive.conjunct", h.i)
    for c in h.children:
        if c.dep_ == "prep" and c.lower_ == "under":
            for p in c.children:
                if p.dep_ == "pobj":
                    for a in ctx.expand(p, refs=False):
                        yield Cand(me, "part_of", a, "part_of.under", c.i)


def rule_possessive_product(ctx: Context, noun: Token) -> Iterator[Cand]:
    """'its Prime membership', 'Tencent's WeChat Pay service', 'its Alipay+ network': a service that a possessor is
    said to have, named before its kind, is a unit of that organization; so is an exchange's segment ('the Shenzhen
    Stock Exchange's ChiNext board'), though a company's board is its directors."""
    segment = noun.lemma_.lower() not in lx.SERVICE_NOUNS
    # (an authority runs no service: 'fined X for … on its Y app' is X's)
    owners = [
        a
        for c in possessors(noun)
        for a in ctx.expand(c)
        if a.type == "Organization"
        and ctx.kinds.get(a.key) != "authority"
        and (not segment or ctx.kinds.get(a.key) == "exchange")
    ]
    if not owners:
        return
    # 'its Keeta delivery brand': the name may modify the kind's modifier
    # ("WeBank's Weilidai and Meituan's credit services": a name with an owner of its own, or read as one of the
    # owners, is no service of the possessor; "TAL's Xueersi brand": the small model may read a name as an adjective)
    owning = set(possessors(noun))
    modifiers = [
        c
        for c in noun.children
        if (c.dep_ in ("compound", "nmod") or (c.dep_ == "amod" and ctx.tok_mention[c.i]))
        and c.i < noun.i
        and c not in owning
        and not possessors(c)
    ]
    modifiers += [k for c in modifiers if c.is_lower for k in c.children if k.dep_ == "compound" and k.i < c.i]
    names = _named(ctx.ent(c) for c in modifiers)
    for name in names:
        if name.type in ("Organization", "Program"):
            for owner in owners:
                if owner.key != name.key:
                    yield Cand(name, "part_of", owner, "part_of.possessive_product", noun.i)


def _possessor_by_adjacency(ctx: Context, h: Token) -> Arg | None:
    """'Alibaba Group’s AliExpress secured …', 'competition with ByteDance’s Douyin': the small model often parses a
    name right after a possessive as anything but the possessed. Read on the tokens: an organization's name, its
    possessive mark (a ticker in brackets may stand between: 'Tencent Holdings’ (0700.HK) Weixin Pay'), the name of
    the mention headed by h. Not when a common noun follows that name, which the possessive then qualifies
    ('JD.com’s Ceconomy takeover', 'East Buy’s Douyin audience'), unless the noun names a service or a unit."""
    m = ctx.tok_mention[h.i]
    if m is None:
        return None
    tokens = ctx.tokens
    j = m[0] - 1
    if j >= 0 and tokens[j].text == ")":
        j = max(_bracket_opening(tokens, j), 0) - 1
    if j < 1 or tokens[j].lower_ not in _POSSESSIVE_MARKS:
        return None
    owner = ctx.tok_mention[j - 1]
    if owner is None or owner[1] != j or ctx.types.get(owner[2]) != "Organization":
        return None
    kind = tokens[m[1]] if m[1] < len(tokens) and tokens[m[1]].pos_ == "NOUN" else None
    if kind is not None and (kind.lemma_.lower() not in _OWNED_KIND_NOUNS or possessors(kind)):
        return None  # (a parsed 'Tencent's WeChat Pay service' is the possessive product or unit rules')
    return ctx._arg(owner)


#: Nouns after a possessed name that keep the possessive on the name: 'Tencent’s WeChat app', 'Sea’s Shopee unit'.
_OWNED_KIND_NOUNS = lx.SERVICE_NOUNS | lx.UNIT_NOUNS | lx.PROGRAM_NOUNS | {"marketplace", "platform", "chatbot"}


def rule_possessed_kind(ctx: Context, noun: Token) -> Iterator[Cand]:
    """'its AliExpress and Trendyol marketplaces', 'Alibaba's own marketplaces, including AliExpress, Lazada in
    Southeast Asia and Trendyol', 'Meituan's apps such as Keeta': names of a kind of business an organization is
    said to have are its units (read on tokens: the small model parses such lists every which way). Not 'Alibaba's
    rivals, including JD' (no kind of business), nor names after another noun ('its apps' users such as X')."""
    # (an authority runs no business: 'the CAC launched a review of its Yunmanman and Huochebang apps' is another's)
    owners = [
        a
        for c in possessors(noun)
        for a in ctx.expand(c)
        if a.type == "Organization" and ctx.kinds.get(a.key) != "authority"
    ]
    if not owners:
        yield from _kind_of_named_owner(ctx, noun)
        return
    tokens = ctx.tokens
    named = _names_listed_before(ctx, noun.i)
    low = noun.lemma_.lower()
    if len(named) < 2 and (low in lx.SERVICE_NOUNS or lx.REL_NOUNS.get(low, ("",))[0] == "part_of"):
        named = []  # one name before a service or unit noun is another rule's ('its Prime membership', 'X's Y unit')
    k = noun.i + 1 + (noun.i + 1 < len(tokens) and tokens[noun.i + 1].text == ",")
    if k < len(tokens) and tokens[k].lower_ in ("including", "like"):
        named += _names_read_on(ctx, k + 1, (",", "and", "in"))[0]
    elif k + 1 < len(tokens) and tokens[k].lower_ == "such" and tokens[k + 1].lower_ == "as":
        named += _names_read_on(ctx, k + 2, (",", "and", "in"))[0]
    if not named and lx.REL_NOUNS.get(low, ("",))[0] != "part_of":
        # "Meituan's delivery app, Keeta, …": the one name set beside the kind, of an owner named (not 'Amazon's
        # marketplace, Noon and Shein', a list; a reference's owner is left to the rules that resolve it)
        named = [
            a
            for c in noun.children
            if c.dep_ == "appos" and ctx.tok_mention[c.i] and not any(k.dep_ == "conj" for k in c.children)
            for a in _named([ctx.ent(c)])
        ]
        if named:
            owners = [o for o in owners if o.resolved_by is None]
    if (
        not named
        and lx.REL_NOUNS.get(low, ("",))[0] != "part_of"
        and (described := _described_by_apposition(ctx, noun))
    ):
        # 'Delivery Hero sold Yogiyo, its other Korean app': of an owner its sentence names ('… Meituan. Careem Quik,
        # its grocery service, …' leaves 'its' to a reader who knows the article)
        named = [described]
        owners = [o for o in owners if ctx.names_in_sentence(o.key, noun.i)]
    for name in named:
        if name.type in ("Organization", "Program"):
            for owner in owners:
                # (a unit the knowledge base puts under another group is where the owner does business: 'sales at
                # its Tmall flagship store' of a brand)
                if owner.key != name.key and not (name.key in ctx.parents and not ctx.within(name.key, owner.key)):
                    yield Cand(name, "part_of", owner, "part_of.possessed_kind", noun.i, dated=False)


def _kind_of_named_owner(ctx: Context, noun: Token) -> Iterator[Cand]:
    """'AliExpress, the Alibaba Group marketplace', 'Shopee, the Sea Ltd [SE.N] marketplace that …': a kind of
    business, named by its owner's name and set in apposition to a name, is that organization's (a unit noun is the
    relational-noun rule's; a place before the kind is no owner: 'Daraz, the South Asia marketplace')."""
    if lx.REL_NOUNS.get(noun.lemma_.lower(), ("",))[0] == "part_of" or not any(
        c.dep_ == "det" and c.lower_ == "the" for c in noun.children
    ):
        return
    owners = [
        a
        for c in noun.children
        if c.dep_ in ("compound", "nmod")
        and c.i < noun.i
        and (a := ctx.ent(c)) is not None
        and a.type == "Organization"
        and ctx.kinds.get(a.key) not in ("authority", "exchange")
    ]
    described = _described_by_apposition(ctx, noun) if owners else None
    for owner in owners:
        if described is not None and described.key != owner.key:
            yield Cand(described, "part_of", owner, "part_of.kind_of_owner", noun.i, dated=False)


def _described_by_apposition(ctx: Context, noun: Token) -> Arg | None:
    """The name a possessed kind of business describes in apposition, right after its comma ('Yogiyo, its other
    Korean app'; 'Intime, Alibaba's department-store chain'), however the small model hangs it; not a rival's
    ('Meituan, its rival app')."""
    first = noun.left_edge.i
    if (
        noun.dep_ in ("nsubj", "nsubjpass")  # ('Yogiyo, its app grew': no apposition)
        or first < 2
        or ctx.tokens[first - 1].text != ","
        or (m := ctx.tok_mention[first - 2]) is None
        or m[1] != first - 1
        or any(c.lower_ in lx.RIVAL_ADJECTIVES or c.lemma_.lower() == "rival" for c in noun.children)
    ):
        return None
    # (the small model may hang the apposition on the verb: 'made X sell Yogiyo, its other Korean app')
    return ctx._arg(m)


def _names_listed_before(ctx: Context, i: int) -> list[Arg]:
    """The names listed right before token ``i`` ('the Taobao and Tmall marketplaces', 'the QQ Music, Kugou and Kuwo
    streaming services': past the noun's own words in lower case), read back on tokens."""
    tokens = ctx.tokens
    named: list[Arg] = []
    j = i - 1
    while (
        j >= 0
        and ctx.tok_mention[j] is None
        and (tokens[j].is_lower or tokens[j].text == "-")
        and tokens[j].dep_ in ("compound", "amod", "punct")
        and tokens[i] in tokens[j].ancestors
    ):
        j -= 1
    while j >= 0 and (ctx.tok_mention[j] is not None or tokens[j].lower_ in (",", "and", "&")):
        if (m := ctx.tok_mention[j]) is not None:
            named.insert(0, ctx._arg(m))
            j = m[0]
        j -= 1
    return named


def _marked_possessive(ctx: Context, a: Arg) -> bool:
    """Whether the name is itself marked possessive ('Alibaba's'): the parser's possessor may be a name owned in its
    turn ("PDD's Pinduoduo and ByteDance's Douyin" read as Pinduoduo owning Douyin), or one listed beside the owner
    ("Meituan and Alibaba's Taobao Shangou": companies are not owned jointly)."""
    if a.resolved_by:
        return True  # 'its': a pronoun is its own mark
    span = ctx.doc.char_span(a.span[0], a.span[1], alignment_mode="expand")
    return span is not None and span.end < len(ctx.tokens) and ctx.tokens[span.end].lower_ in _POSSESSIVE_MARKS


_POSSESSIVE_MARKS = frozenset({"'s", "’s", "'", "’"})
#: The arcs of a verb's own arguments, as against a name inside one of its phrases.
_CORE_DEPS = frozenset({"nsubj", "nsubjpass", "dobj"})


def _regional_parent(ctx: Context, h: Token, me: Arg) -> Arg | None:
    """'Shopee Brazil', 'AliExpress Korea', 'TikTok Shop Japan': a company the knowledge base does not know, named
    by a company it knows and a place, is that company's unit there (when the text names the company itself)."""
    m = ctx.tok_mention[h.i]
    if m is None or me.key in ctx.kinds or ctx.tokens[m[1] - 1].ent_type_ not in ("GPE", "LOC"):
        return None
    first = ctx.tokens[m[0]]
    end = m[0] + 1
    while end < m[1] and ctx.tokens[end].ent_iob_ == "I":
        end += 1
    # (the company is named on its own too: a relation's ends are the document's entities)
    if first.ent_type_ != "ORG" or ctx.kinds.get(first.ent_id_) != "company" or first.ent_id_ not in ctx.types:
        return None
    if end >= m[1]:  # (the whole name is the company's: no place after it)
        return None
    last = ctx.tokens[end - 1]
    return Arg(first.ent_id_, (first.idx, last.idx + len(last)), "Organization")


def _conjunct_possessor(ctx: Context, h: Token, me: Arg) -> list[Arg]:
    """ "Alibaba's Taobao and Tmall", "Meta's Facebook and Instagram": a name conjoined to a possessed one shares its
    possessor, unless the knowledge base knows it as a company of its own or another's ("Alibaba's Taobao and JD.com
    compete", "Meituan's Keeta and Didi's 99Food" are rivals listed together, not units)."""
    if h.dep_ != "conj" or me.type not in ("Organization", "Program"):
        return []
    if any(c.dep_ in ("amod", "det", "nmod", "poss") or (c.dep_ == "compound" and c.is_lower) for c in h.children):
        return []  # "JD.com's 7Fresh, Fujian-based Pupu and Walmart": a member described on its own is no unit
    first = first_conjunct(h.head)
    if ctx.ent(first) is None:
        return []
    named_possessors = [a for c in possessors(first) for a in _named([ctx.ent(c)])]
    mine = {a.key for a in named_possessors}
    owned = [
        k
        for k in first.conjuncts
        # (another owner named: not 'its Ele.me', nor the same owner again)
        if any(c.dep_ == "poss" and (a := ctx.ent(c)) is not None and a.key not in mine for c in k.children)
    ]
    before = [k for k in first.conjuncts if k.i < h.i]
    if owned and (ctx.tokens[ctx._mention_at(h.i)[0] - 1].text == "," or (before and before[-1] in owned)):
        # "Sea's SeaBank, Bank Jago, BCA's blu and Superbank": in a list whose members have owners of their own, a
        # name after a comma or after another's unit shares no owner ("Alibaba's Taobao and Tmall, PDD's Pinduoduo":
        # the pair joined by 'and' does)
        return []
    owners = [
        a for a in named_possessors if a.type == "Organization" and a.key != me.key and _marked_possessive(ctx, a)
    ]
    return [a for a in owners if not _placed_apart(ctx, h, me, a)]


def _placed_apart(ctx: Context, h: Token, me: Arg, owner: Arg) -> bool:
    """Whether the name ``me`` (headed by ``h``) belongs elsewhere than to ``owner``, whose possessive stands
    before a list it is in: the knowledge base places it elsewhere or knows it as a company of its own ("Alibaba's
    Taobao and JD.com"; "Sea Ltd's Shopee and TikTok Shop"), or the name begins with another company's name the
    knowledge base knows ("Alibaba's Alimama and Tencent Advertising")."""
    if me.key in ctx.parents or ctx.kinds.get(me.key) is not None:
        return not ctx.within(me.key, owner.key)
    m = ctx.tok_mention[h.i]
    if m is None or m[1] - m[0] < 2:
        return False
    first = ctx.tokens[m[0]].ent_id_
    return (
        first not in ("", me.key, owner.key) and ctx.kinds.get(first) == "company" and not ctx.within(first, owner.key)
    )


def _possessor_alone(ctx: Context, named: list[Arg]) -> list[Arg]:
    """Of a possessor read with the list it ends, the one marked possessive: 'backers including Alibaba, Tencent and
    Saudi Aramco's venture arm Prosperity7' (an arm of Saudi Aramco's alone)."""
    marked = [a for a in named if _marked_possessive(ctx, a)]
    return marked if len(named) > 1 and marked else named


def rule_hyphen(ctx: Context, v: Token) -> Iterator[Cand]:
    """'a Tencent-backed retailer', 'the ByteDance-owned app': Y owns / invested in what the noun names."""
    lemma = cue(v, lx.HYPHEN_CUES)
    assert lemma is not None  # _dispatch runs a rule on its cue words only
    pred, rule = lx.HYPHEN_CUES[lemma]
    owners = _named(
        ctx.ent(c)
        for c in v.children
        if c.i < v.i
        and c.dep_ in ("npadvmod", "compound", "nmod", "amod", "advmod")  # 'Geely-backed': Geely is often an adverb
        and c.i + 1 < v.i
        and ctx.tokens[c.i + 1].text == "-"
    )
    if not owners and v.i >= 2 and ctx.tokens[v.i - 1].text == "-" and ctx.tok_mention[v.i - 2]:
        # 'the Ping An-backed platform': a name of two words, whose last the parser hangs on the hyphen anyhow
        owners = [ctx._arg(ctx._mention_at(v.i - 2))]
    owners += _suspended_hyphen_names(ctx, v)
    if not owners and pred == "owns" and (degree := _ownership_degree(v)):
        # 'Trip.com and its majority-owned Qunar', 'Alibaba's wholly owned Lazada': the possessor owns the name (a
        # part-owned one it holds a stake in)
        if ctx.ent(v.head) is None:
            return
        owners = [a for c in possessors(v.head) for a in _possessor_alone(ctx, ctx.expand(c))]
        pred, rule = ("invested_in", "invest.part_owned") if degree == "partial" else (pred, "owns.possessed")
    if pred == "listed_on":
        owners = [a for a in owners if ctx.kinds.get(a.key) == "exchange"]  # ('Hong Kong-listed': a city)
    if not owners:
        return
    if pred == "listed_on" and v.head.lemma_.lower() in lx.SHARE_NOUNS:
        # 'its Nasdaq-listed shares', 'the Nasdaq-listed shares of Baidu': the shares' company is listed
        holders = [*possessors(v.head), *_named_tokens_after(v.head, "of")]
        for company in (a for c in holders for a in ctx.expand(c) if a.type == "Organization"):
            for exchange in owners:
                yield Cand(company, pred, exchange, rule, v.i, dated=False)
        return
    ctx.exclude = {a.key for a in owners}
    try:
        before = ctx._mention_before_comma(v.head.left_edge.i) if ctx.ent(v.head) is None else None
        if before is not None:
            # 'X, the Y-owned app': the name right before the comma, though the parser reads the noun apart from it
            # or as one more member of a list X ends ('A, B and X, the Y-owned service'); past a ticker in
            # brackets ('China Literature (HKEX: 0772), the Tencent-controlled publisher')
            owned = [ctx._arg(before)]
        else:
            own = ctx.ent(v.head)
            after = ctx.tokens[v.i + 1] if v.i + 1 < len(ctx.tokens) else None
            if own is not None and after is not None and after in possessors(v.head) and ctx.tok_mention[after.i]:
                own = ctx.ent(after)  # 'Tencent-backed WeBank's Weilidai': the participle qualifies the possessor
            kind = v.head
            while own is None and kind.dep_ == "compound" and kind.head.i - v.i <= 4:
                # 'the Y-backed logistics group SAL': the nouns of its kind qualify the name they stand before
                kind = kind.head
                own = ctx.ent(kind) if ctx.tok_mention[kind.i] else None
            owned = ctx.expand(v.head, refs=False) if own is None else [own]
    finally:
        ctx.exclude = set()
    for s in owners:
        for o in owned:
            # ('the Nasdaq-listed group': the group is listed on the exchange the hyphen names)
            subject, obj = (o, s) if pred == "listed_on" else (s, o)
            yield Cand(subject, pred, obj, rule, v.i, dated=False)


def _ownership_degree(v: Token) -> str:
    """The degree an 'owned' that no name qualifies states: 'full' ('majority-owned', 'wholly owned'), 'partial'
    ('partly owned'), or '' (none, or a past holding: 'its once wholly owned Arm', 'sold its majority-owned
    Sprint')."""
    modifiers = [c for c in v.children if c.dep_ in ("advmod", "npadvmod") and c.i < v.i]
    sold = v.head.dep_ == "dobj" and v.head.head.lemma_.lower() in _SALE_VERBS
    if sold or any(c.lower_ in lx.FORMER_WORDS | _PAST_WORDS for c in (*modifiers, *v.head.children)):
        return ""
    for c in modifiers:
        if c.lower_ in _FULL_OWNERSHIP_WORDS:
            return "full"
        if c.lower_ in lx.PARTIAL_WORDS:
            return "partial"
    return ""


#: Words of degree on 'owned' that make its possessor the owner: 'its majority-owned Qunar', 'wholly owned'.
_FULL_OWNERSHIP_WORDS = frozenset({"majority", "wholly", "fully"})
#: Words that put a holding in the past: 'its once wholly owned Arm', 'its formerly majority-owned eLong'.
_PAST_WORDS = frozenset({"once", "formerly", "previously", "then"})


def _suspended_hyphen_names(ctx: Context, v: Token) -> list[Arg]:
    """The names whose hyphen is left hanging before a compound modifier's own ('the Tiger Global- and
    SoftBank-backed maker', 'Tencent-, Hillhouse- and Sequoia-backed'): each name ending right before a hanging
    hyphen, in the run of such names and conjunctions that ends at the modifier's own name."""
    if v.i < 3 or ctx.tokens[v.i - 1].text != "-" or (last := ctx.tok_mention[v.i - 2]) is None:
        return []
    names: list[Arg] = []
    i = last[0] - 1  # the conjunction (or comma) before the modifier's own name
    while i >= 2 and ctx.tokens[i].lower_ in ("and", "or", ",") and ctx.tokens[i - 1].text == "-":
        m = ctx.tok_mention[i - 2]
        if m is None or m[1] != i - 1:
            break
        names.append(ctx._arg(m))
        i = m[0] - 1
    return names


def rule_part_of(ctx: Context, n: Token) -> Iterator[Cand]:
    """'X remained part of Y', 'X is part of Y', 'all six remained part of Y'; 'X, part of Y, …' (an appositive:
    what it stands beside is the part)."""
    if n.dep_ == "appos":
        # ('began as the games division of YY, now part of JOYY': set off after a name, it is the name's, whatever
        # the small model hangs it on)
        # ('Tencent Video, part of Tencent, and Alibaba's Youku': not the conjunct after it)
        parts = ctx._named_before_comma(n.left_edge, n.head) or [
            a for a in ctx.expand(n.head, refs=False) if a.span[1] <= n.idx
        ]
    elif n.dep_ in ("attr", "oprd") and n.head.lemma_.lower() in lx.PART_COPULAS:
        parts = ctx.subjects(n.head)
    else:
        return
    of = [p for c in n.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children if p.dep_ == "pobj"]
    # 'part of the Haier stable', 'part of Alibaba's empire': the owner named on a noun of its holdings
    owners = [
        k
        for p in of
        if ctx.tok_mention[p.i] is None and p.lemma_.lower() in lx.HOLDINGS_NOUNS
        # ('the Geely empire': the small model may read the owner as an adjective)
        for k in (*(c for c in p.children if c.dep_ in ("compound", "amod") and ctx.tok_mention[c.i]), *possessors(p))
    ]
    wholes = [
        a
        for p in (*of, *owners)
        # (an appositive's whole is a name: 'Meituan, part of a group of bidders including Tencent' is no unit)
        if n.dep_ != "appos" or ctx.tok_mention[p.i]
        for a in ctx.expand(p, refs=False)
        if a.type == "Organization" or p not in owners
    ]
    for s in parts:
        for o in wholes:
            yield Cand(s, "part_of", o, "part_of.part_of", n.i)


def rule_reduced_relative(ctx: Context, v: Token) -> Iterator[Cand]:
    """'Amap, the navigation app Alibaba bought in 2014, launched …', 'Lazada, the marketplace Alibaba acquired in
    2016, named …': a described name, then a clause without a relative pronoun that says who acted on it. The small
    model reads the described name as the verb's subject and the actor as one more appositive. Not 'Amap, the
    navigation app, bought a stake in X' (no actor named before the verb), nor a verb with an object of its own."""
    word = cue(v, lx.VERB_CUES)
    if word not in lx.REDUCED_RELATIVE_VERBS or any(c.dep_ in ("dobj", "nsubjpass", "prt") for c in v.children):
        return
    described = next((c for c in v.children if c.dep_ == "nsubj" and ctx.tok_mention[c.i] is not None), None)
    actor = ctx.tokens[v.i - 1]
    if described is None or actor.dep_ != "appos" or ctx.tok_mention[actor.i] is None:
        return
    noun = (
        actor.head
        if actor.head.i != described.i
        else next((c for c in described.children if c.dep_ == "appos" and c.i < actor.i), None)
    )
    if noun is None or noun.tag_ != "NN" or not any(k.dep_ == "det" for k in noun.children):
        return
    if noun.head.i not in (described.i, actor.i) and noun.i != actor.head.i:
        return
    # the clause is set off: a comma after it, before any other verb ('…, the app Alibaba bought in 2014, cut …')
    rest = ctx.tokens[v.i + 1 : min(len(ctx.tokens), v.i + 9)]
    comma = next((t.i for t in rest if t.text == ","), None)
    if comma is None or any(t.pos_ in ("VERB", "AUX") for t in ctx.tokens[v.i + 1 : comma]):
        return
    pred, rule = lx.VERB_CUES[word]
    target, by = ctx.ent(described), ctx.ent(actor)
    if target is not None and by is not None:
        yield Cand(by, pred, target, f"{rule}.reduced_relative", v.i)


def rule_listing(ctx: Context, v: Token) -> Iterator[Cand]:
    """'X listed (its shares) on Y', 'X, which is listed on Y', 'X plans to list on Y', 'X debuted on Y': X is
    listed on exchange Y (an exchange of the KB: 'listed its products on Tmall' is no listing), and so when 'X went
    public on Y'; 'X went public' alone: a listing event only."""
    if v.lower_ == "listing" and not (v.tag_ == "VBG" and v.dep_ == "pcomp" and _owned_subject(v) is None):
        # the noun read as a verb ("X's Nasdaq listing", 'for its STAR Market listing'), not a gerund after a
        # preposition ('since listing on Y')
        yield from rule_listing_noun(ctx, v)
        return
    low = v.lemma_.lower()
    public = low == "go" and any(c.lower_ == "public" for c in v.children)
    exchanges = [
        a
        for a in _named_after(ctx, (v,), ("on", "in"), refs=False) + _segments_after(ctx, v) + _where_at(ctx, v)
        if ctx.kinds.get(a.key) == "exchange"
    ]
    if low == "trade":
        yield from _trading_on(ctx, v, exchanges)
        return
    if exchanges and (low in ("list", "debut", "float") or public):
        earlier: list[Token] = []
        if ctx.is_passive(v):
            companies = ctx.objects(v)
        else:
            # ('Baidu floated iQiyi on Nasdaq': a company listed by another is the object; 'list it on Y': a
            # reference reads as the subject's own)
            objects = [c for c in v.children if c.dep_ == "dobj" and low != "debut"]
            floated = [a for c in objects for a in ctx.expand(c, refs=False) if a.type == "Organization"]
            if v.dep_ == "conj" and any(c.lower_ == "it" for c in objects):
                earlier = [c for c in v.head.children if c.dep_ == "dobj"]
            if not floated and earlier:
                # 'founded Focus Media in 2003 and listed it on Nasdaq': what the first verb took (nothing named in
                # 'spun off the unit and listed it on the STAR Market': the unit is no one's listing here)
                companies = [a for c in earlier for a in ctx.expand(c, refs=False) if a.type == "Organization"]
            else:
                companies = floated or ctx.subjects(v)
        if not companies and not earlier and v.dep_ == "conj" and v.head.pos_ == "VERB":
            # 'Founded in 2004 and listed on the NYSE in 2021, Roblox …': the first participle's company
            companies = ctx.objects(v.head) if ctx.is_passive(v.head) else ctx.subjects(v.head)
        for s in companies:
            for o in exchanges:
                yield Cand(s, "listed_on", o, "listed_on.verb", v.i)
    elif (low == "list" and v.tag_ != "VBN") or public:
        for s in ctx.subjects(v):
            yield Cand(None, "_listing", s, "event.listing", v.i)


def _where_at(ctx: Context, v: Token) -> list[Arg]:
    """The place a 'where' clause hangs on: 'a filing to the Shanghai Stock Exchange, where its shares trade', 'the
    Nasdaq, where it listed in 2019' (what the clause's verb is done at)."""
    if v.dep_ != "relcl" or not any(c.dep_ == "advmod" and c.lower_ == "where" for c in v.children):
        return []
    named = ctx.ent(v.head)
    return [named] if named is not None else []


def _filers_to(ctx: Context, v: Token) -> list[Arg]:
    """Who made the filing to the exchange a 'where' clause ``v`` hangs on ('a filing by X to the Shenzhen Stock
    Exchange, where …'); [] without one."""
    if not _where_at(ctx, v) or v.head.dep_ != "pobj" or v.head.head.lower_ != "to":
        return []
    return _named_after(ctx, (v.head.head.head,), ("by",))


def _trading_on(ctx: Context, v: Token, exchanges: list[Arg]) -> Iterator[Cand]:
    """'NIP Group began trading on Nasdaq in July 2024', 'X, which has traded on the STAR Market since July 2020',
    'Shares of X trade on the NYSE': a company whose shares trade on an exchange is listed there. The clause dates
    the listing only when it says trading began ('began trading', 'since'): 'shares of X traded on Nasdaq on
    Tuesday' is a day of trading, not of the listing. Not 'investors trading on Nasdaq' (no company), nor 'Bitcoin
    trades on Coinbase' (no exchange of the KB)."""
    if not exchanges:
        return
    subjects = [c for c in v.children if c.dep_ == "nsubj"]
    shares = [c for c in subjects if c.lemma_.lower() in lx.SHARE_NOUNS]
    if filers := _filers_to(ctx, v):
        companies = filers  # 'a filing by X to the Shenzhen Stock Exchange, where its shares trade': X's shares
    elif shares:
        companies = [a for c in shares for a in (*_named_after(ctx, (c,), ("of",)), *_owners_of(ctx, c))]
    else:
        companies = ctx.subjects(v)
    begun = (v.dep_ == "xcomp" and v.head.lemma_.lower() in lx.BEGIN_VERBS) or any(
        c.dep_ == "prep" and c.lower_ == "since" for c in v.children
    )
    for s in companies:
        if s.type == "Organization" and ctx.kinds.get(s.key) != "exchange":
            for o in exchanges:
                yield Cand(s, "listed_on", o, "listed_on.trading", v.i, dated=begun)


def _owners_of(ctx: Context, n: Token) -> list[Arg]:
    """The companies a noun's possessive or compound names ("X's shares", 'Tencent shares')."""
    return [a for c in n.children if c.dep_ in ("poss", "compound") for a in ctx.expand(c, refs=c.dep_ == "poss")]


def rule_listing_noun(ctx: Context, n: Token) -> Iterator[Cand]:
    """'PayPay rose 18% in its Nasdaq debut', 'Shares of X jumped in their HKEX debut', 'X's NYSE listing', 'X's
    debut on the NYSE', 'X completed its listing on Y', 'X filed for an IPO on Y': the company whose debut (listing,
    IPO) an exchange names is listed on it. Not 'a Nasdaq listing would give X …' (no owner of the listing), 'X's
    Hong Kong listing' (a place, not an exchange) nor 'X welcomed listings on Y' (not a verb of making one)."""
    before = ctx.tokens[n.i - 1] if n.i > 0 else None
    # ("WeRide's Nasdaq listing": the small model may read the exchange as the noun and 'listing' as a verb beside it,
    # or as the subject of 'listing': 'after its STAR Market listing in July 2020')
    misread = (
        before is not None and before.head.i != n.i and before.dep_ == n.dep_ == "pobj" and before.head == n.head
    ) or (before is not None and (subject := _owned_subject(n)) is not None and subject.i == before.i)
    maker = _listing_maker(n)
    exchanges = [
        a
        for c in (*n.children, *((before,) if misread else ()))
        if (c.dep_ in ("compound", "nmod") or c is before) and (a := ctx.ent(c)) is not None
    ] + _named_after(ctx, (n,) if maker is None else (n, maker), ("on",), refs=False)  # 'made its debut on Y'
    if n.dep_ == "pobj" and n.head.dep_ == "prep" and maker is None:
        # 'Zhihu's shares fell 10% on their debut on the NYSE': the small model hangs the exchange on the verb
        exchanges += [a for a in _named_after(ctx, (n.head.head,), ("on",), refs=False) if a.span[0] > n.idx]
    exchanges = [a for a in exchanges if ctx.kinds.get(a.key) == "exchange"]
    if not exchanges:
        return
    # ('its 2018 listing on Y': the small model makes the year the noun and the listing a participle on it)
    on_year = n.dep_ == "acl" and before is not None and before.i == n.head.i and before.ent_type_ == "DATE"
    owners = (*possessors(n), *(possessors(before) if (misread or on_year) and before is not None else ()))
    companies = [a for c in owners for a in ctx.expand(c)] + _named_after(ctx, (n,), ("of",))
    if misread and any(c.pos_ == "PRON" for c in owners) and _other_company_before(ctx, n, companies):
        companies = []  # 'Hillhouse bought shares in Kuaishou after its Nasdaq listing': whose 'its' is, unsure
    if not companies and n.dep_ == "pobj" and n.head.dep_ == "prep" and n.head.lower_ in ("in", "during", "on"):
        # 'X rose 18% in its debut', 'Shares of X rose in their debut', 'A and B soared on their debuts'
        companies = _debut_movers(ctx, n.head)
    if not companies and maker is not None:
        companies = ctx.objects(maker) if ctx.is_passive(maker) else ctx.subjects(maker)
    # (a listing filed for or planned has not happened: the clause's date is the plan's)
    dated = maker is None or maker.lemma_.lower() not in lx.LISTING_PLAN_VERBS
    for s in companies:
        if s.type == "Organization":
            for o in exchanges:
                yield Cand(s, "listed_on", o, "listed_on.noun", n.i, dated=dated)


def rule_listing_application(ctx: Context, n: Token) -> Iterator[Cand]:
    """'X submitted its application to the Hong Kong stock exchange', 'X filed a draft prospectus with Nasdaq': a
    company that files for a listing with an exchange is (to be) listed on it, undated (the filing is not the
    listing). Only papers filed with an exchange ('filed an application with the regulator' is not), by the
    company that files them or whose papers they are."""
    verb = n.head
    if n.dep_ != "dobj" or verb.lemma_.lower() not in lx.FILING_VERBS:
        return
    # (not papers filed for another: 'on behalf of Shein'; nor for something else: 'an application to issue bonds')
    if any(p.lower_ == "behalf" for h in (n, verb) for c in h.children if c.dep_ == "prep" for p in c.children):
        return
    if any(
        c.dep_ in ("acl", "advcl", "xcomp", "relcl")
        and any(a.lower_ == "to" for a in c.children if a.dep_ == "aux")
        and c.lemma_.lower() not in lx.LIST_VERBS_OF_FILING
        for h in (n, verb)
        for c in h.children
    ):
        return
    exchanges = [
        a for a in _named_after(ctx, (n, verb), ("to", "with"), refs=False) if ctx.kinds.get(a.key) == "exchange"
    ]
    if not exchanges:
        return
    companies = [a for c in possessors(n) for a in ctx.expand(c) if a.type == "Organization"]
    companies = companies or [a for a in ctx.subjects(verb) if a.type == "Organization"]
    for s in companies:
        if ctx.kinds.get(s.key) not in ("exchange", "authority"):
            for o in exchanges:
                yield Cand(s, "listed_on", o, "listed_on.application", n.i, dated=False)


def _organizations_named(ctx: Context, start: int, end: int) -> set[str]:
    """The keys of the organizations named between tokens ``start`` and ``end``."""
    return {m[2] for m in ctx.tok_mention[start:end] if m is not None and ctx.types.get(m[2]) == "Organization"}


def _other_company_before(ctx: Context, n: Token, companies: list[Arg]) -> bool:
    """Whether a company other than ``companies`` is named in the sentence before ``n``."""
    keys = {a.key for a in companies}
    return any(
        k not in keys and ctx.kinds.get(k) not in ("authority", "exchange")
        for k in _organizations_named(ctx, n.sent.start, n.i)
    )


def _owned_subject(n: Token) -> Token | None:
    """The subject of 'listing' read as a verb when a possessive opens it ('its STAR Market listing': the exchange
    with 'its' on it), else None; a gerund's own subject has none ('after Nasdaq listing' names no owner either), nor
    does a listing planned ('its planned Nasdaq listing')."""
    if n.tag_ != "VBG":
        return None
    subject = next((c for c in n.children if c.dep_ == "nsubj" and c.i == n.i - 1 and any(possessors(c))), None)
    if subject is None or any(c.dep_ == "amod" and c.lower_ in lx.UNREALISED_WORDS for c in subject.children):
        return None
    return subject


def _debut_movers(ctx: Context, prep: Token) -> list[Arg]:
    """Whose shares moved in the debut a phrase names: the subject of the verb it hangs on ('X rose 18% in its
    debut'), or the company of 'Shares of X' there."""
    v = governing_verb(prep)
    return ctx.subjects(v) or [
        a
        for c in v.children
        if c.dep_ == "nsubj" and c.lemma_.lower() in ("share", "stock")
        for a in [*_named_after(ctx, (c,), ("of",)), *(b for o in possessors(c) for b in ctx.expand(o))]
    ]


def rule_first_day_of_trading(ctx: Context, n: Token) -> Iterator[Cand]:
    """'X quadrupled in value on its first day of trading on the STAR Market', 'Shares of X jumped on their first
    day of trading on the NYSE': X is listed on the exchange its trading began on. Not 'volumes on the first day of
    trading on the Nasdaq were thin' (no company's shares moved)."""
    day = n.head.head
    if not (n.dep_ == "pobj" and n.head.lower_ == "of" and day.lemma_.lower() in ("day", "session")):
        return
    if day.dep_ != "pobj" or day.head.lower_ not in ("on", "in", "during"):
        return
    # ('day of trading on Y': the small model hangs 'on Y' on the day as often as on the trading)
    exchanges = [a for a in _named_after(ctx, (n, day), ("on",), refs=False) if ctx.kinds.get(a.key) == "exchange"]
    if not exchanges:
        return
    companies = [a for c in possessors(day) for a in ctx.expand(c)] or _debut_movers(ctx, day.head)
    for s in (a for a in companies if a.type == "Organization"):
        for o in exchanges:
            yield Cand(s, "listed_on", o, "listed_on.first_day", n.i)


def _listing_maker(n: Token) -> Token | None:
    """The verb that makes or seeks the listing ``n``: 'completed (its) listings', 'made its debut', 'filed for an
    IPO', 'plans a listing'."""
    v = n.head
    if n.dep_ == "pobj" and v.lower_ in ("for", "of") and v.head.pos_ == "VERB":
        v = v.head  # 'filed (applied) for an IPO', 'the completion of its listing' is no verb
    elif n.dep_ != "dobj":
        return None
    return v if v.pos_ == "VERB" and v.lemma_.lower() in lx.LISTING_VERBS else None


def rule_formed_as_venture(ctx: Context, v: Token) -> Iterator[Cand]:
    """'Fluence, formed in 2018 as a joint venture between Siemens and AES', 'X was set up as a venture of A and B':
    the partners of the venture a company was formed as founded it (not 'formed as a unit of Y': no partners)."""
    ventures = [p for p in _pobjs((v,), ("as",)) if p.lemma_.lower() == "venture"]
    founders = [
        a for p in _pobjs(ventures, ("between", "of")) for a in ctx.expand(p, refs=False) if a.type == "Organization"
    ]
    if len(founders) < 2:
        return
    formed = ctx.objects(v) if ctx.is_passive(v) else []
    if not formed and v.dep_ == "acl" and v.tag_ == "VBN":
        formed = _named([ctx.ent(v.head)])  # 'Fluence, formed in 2018 as …'
    for o in formed:
        for s in founders:
            if o.type == "Organization" and s.key != o.key:
                yield Cand(s, "founded", o, "found.as_venture", v.i)


def rule_product_from_maker(ctx: Context, prep: Token) -> Iterator[Cand]:
    """'“Black Myth: Wukong”, the action game from Game Science', 'Kimi, the chatbot from Moonshot AI': a product
    that a description set after its name says is from a company was launched by it. Not 'a loan from Ant' (no
    product), nor 'the game, with backing from Tencent' (the description is not the product's own)."""
    noun = prep.head
    if prep.dep_ == "prep" and (named := _named_from_aside(ctx, prep)) is not None:
        yield from named
        return
    if prep.dep_ != "prep" or noun.lemma_.lower() not in lx.PRODUCT_NOUNS:
        return
    described = ctx._described_after_comma(noun)
    if not described or (product := described[0]).type != "Program":
        return
    for p in prep.children:
        if p.dep_ == "pobj":
            for maker in ctx.expand(p, refs=False):
                if maker.type == "Organization":
                    yield Cand(maker, "launched", product, "launch.from_maker", prep.i)


def _in_an_object(t: Token) -> bool:
    """Whether ``t`` is a verb's object or a preposition's, or inside one, below its clause's verb: 'agreed to buy
    Moonton, the developer of Mobile Legends, from ByteDance' names the seller, whatever noun the small model hangs
    'from' on; 'users moved to JD.com, from Alibaba,' names no aside of JD.com's."""
    while t.pos_ not in ("VERB", "AUX") and t.head.i != t.i:
        if t.dep_ in ("dobj", "pobj", "dative"):
            return True
        t = t.head
    return False


def _verb_with_its_subject(verb: Token) -> Token:
    """``verb``, or the verb it is conjoined to when it has no subject of its own ('SAMR ordered X to …, and fined
    it': 'ordered')."""
    while verb.dep_ == "conj" and not any(c.dep_ == "nsubj" for c in verb.children):
        verb = verb.head
    return verb


def _named_from_aside(ctx: Context, prep: Token) -> list[Cand] | None:
    """'ShortMax, from Jiuzhou Culture, and GoodShort …', 'CapCut, from ByteDance, topped …': a name with an aside
    between commas that says which company it is from was launched by it (a product) or is part of it (an app or a
    brand typed as a company); None when 'from' is no such aside. Not 'Shein, from Guangzhou,' (a place), nor
    'Zhang, from Tencent,' (a person's employer)."""
    before = ctx._mention_before_comma(prep.i)
    if before is None or prep.head.pos_ in ("VERB", "AUX") or _in_an_object(prep.head):
        return None  # ('from' a verb's, or in its object's phrase)
    if _in_an_object(ctx.tokens[before[1] - 1]):
        return None  # (nor 'users moved to JD.com, from Alibaba,': a name that is an object)
    name = ctx._arg(before)
    end = prep.right_edge.i + 1
    if end < len(ctx.tokens) and ctx.tokens[end].text not in (",", ".", ";", *lx.DATELINE_DASHES):
        return None
    makers = [
        a
        for p in prep.children
        if p.dep_ == "pobj"
        for a in ctx.expand(p, refs=False)
        if a.type == "Organization" and ctx.kinds.get(a.key) not in ("authority", "exchange") and a.key != name.key
    ]
    if name.type == "Program":
        return [Cand(m, "launched", name, "launch.from_maker", prep.i) for m in makers]
    if name.type == "Organization":
        return [Cand(name, "part_of", m, "part_of.from_maker", prep.i, dated=False) for m in makers]
    return []


def rule_sale_to(ctx: Context, n: Token) -> Iterator[Cand]:
    """'its $3.1 billion sale to Uber', 'the sale of Yogiyo to GS Retail': the buyer acquired what was sold (the
    possessor when no 'of' says). Not 'sales to merchants' (a plural: trade), nor 'the sale of shares to X'."""
    if n.lower_ != "sale":
        return
    buyers = _named_after(ctx, (n,), ("to",))
    if not buyers:
        return
    has_of = any(c.dep_ == "prep" and c.lower_ == "of" for c in n.children)
    sold = _named_after(ctx, (n,), ("of",)) if has_of else [a for c in possessors(n) for a in ctx.expand(c)]
    for b in buyers:
        for o in sold:
            if b.key != o.key and o.type == "Organization":
                yield Cand(b, "acquired", o, "acquire.sale_to", n.i)


#: Words that may stand between a company and its ticker: "Alibaba shares (HKEX: 9988)", "Sea’s stock (NYSE: SE)".
_BEFORE_TICKER = frozenset(
    {"'s", "’s", "’", "'", "shares", "share", "stock", "adrs", "inc", "inc.", "ltd", "ltd.", ",", "group"}
)


def rule_ticker(ctx: Context, paren: Token) -> Iterator[Cand]:
    """'Alibaba (NYSE: BABA; HKEX: 9988)', 'Meituan shares (HKEX: 3690)': the company is listed on each
    exchange the bracket names (an exchange that is an entity; the code itself is never one); so is the company a
    description stands for ('the company (SSE: 688256) said')."""
    for company in _ticker_holders(ctx, paren.i - 1):
        for mention in ctx.tickers[paren.i]:
            exchange = ctx._arg(mention)
            if exchange.key != company.key:
                yield Cand(company, "listed_on", exchange, "listed_on.ticker", paren.i, dated=False)


def _ticker_holders(ctx: Context, j: int) -> list[Arg]:
    """The companies whose code a bracket opening after token ``j`` gives."""
    if j >= 1 and ctx.tok_mention[j] is None and f"{ctx.tokens[j - 1].lower_} {ctx.tokens[j].lower_}" in lx.SINGLE_REFS:
        # (before 'group' is read as the end of a name: 'Alibaba Group (…)'); only a subject with no organization
        # named before it in its sentence ('Lenovo sued Dahua, saying the company (…) copied …' is either)
        described = ctx.tokens[j]
        named_before = _organizations_named(ctx, described.sent.start, j)
        return ctx.resolve(described) if described.dep_ == "nsubj" and not named_before else []
    sentence, steps = ctx.sent_index[j + 1], 0
    while j >= 0 and steps < 3 and ctx.tok_mention[j] is None:
        if one_word_bracket(ctx.tokens, j - 2):
            j, steps = j - 3, steps + 1  # 'Dingdong (Cayman) Ltd. (NYSE: DDL)': a bracketed word of the name
        elif ctx.tokens[j].lower_ in _BEFORE_TICKER:
            j, steps = j - 1, steps + 1
        else:
            break
    if j < 0 or ctx.tok_mention[j] is None or ctx.sent_index[j] != sentence:
        return []
    named = ctx._arg(ctx._mention_at(j))
    return _listed_in_city(ctx, ctx.tokens[j]) if named.type == "Place" else [named]


#: Verbs of a company's shares being traded at a place ('listed in New York', 'whose shares trade in Hong Kong').
_TRADED_AT = frozenset({"list", "trade", "quote"})


def _listed_in_city(ctx: Context, city: Token) -> list[Arg]:
    """'JD.com, listed in New York (Nasdaq: JD)', 'X, which is listed in New York (…) and Hong Kong (…)', 'Baidu,
    whose shares trade in New York (NASDAQ: BIDU)': a code after the city of a listing is the listing of the company
    the clause is about; [] for a city in any other phrase ('opened an office in London (LSE: ABC)')."""
    # back over the cities listed before, with their codes ('in Hong Kong (HKEX: 3896) and New York (…)'), to the
    # preposition, by the words (the small model may make the second city the subject of the main verb)
    k = ctx._mention_at(city.i)[0] - 1
    while k >= 0 and ctx.tokens[k].lower_ not in ("in", "on"):
        m = ctx.tok_mention[k]
        if ctx.tokens[k].text == ")" and (opening := _bracket_opening(ctx.tokens, k)) >= 0:
            k = opening - 1
        elif m is not None and ctx.types.get(m[2]) == "Place":
            k = m[0] - 1
        elif ctx.tokens[k].lower_ in (",", "and"):
            k -= 1
        else:
            return []
    if k < 0 or (v := ctx.tokens[k].head).lemma_.lower() not in _TRADED_AT:
        return []
    if ctx.is_passive(v):
        return ctx.objects(v)
    shares = [c for c in v.children if c.dep_ == "nsubj" and c.lemma_.lower() in ("share", "stock")]
    return [a for c in shares for owner in possessors(c) for a in ctx.expand(owner)] if shares else ctx.subjects(v)


#: Rules whose relation a noun phrase presupposes, whatever the mood of the clause it stands in.
_PRESUPPOSING = ("part_of.possessive", "owns.hyphen", "invest.hyphen", "listed_on.ticker")


def _possessed_noun(t: Token) -> bool:
    """A noun with a possessor ('Alibaba's Lazada unit', 'its GoFood service'): what it says of its owner holds
    whatever the mood of its clause."""
    return t.pos_ in ("NOUN", "PROPN") and any(c.dep_ == "poss" for c in t.children)


def run_rules(ctx: Context) -> Iterator[Cand]:
    """One pass over the tokens; each cue dispatches to its rule. Leaders read so far are remembered
    (for successions that name no organization)."""
    for cand in _dispatch(ctx):
        if cand.p == "owns" and cand.s is not None and cand.s.member:
            # 'owned by a group of investors led by A and B': each is an investor, none the owner
            cand = dataclasses.replace(cand, p="invested_in", rule="invest.owned_by_group")
        # a title describes a standing role whatever the clause says happened: 'Kuaishou founder Su Hua did not
        # attend', 'Alibaba chief executive Eddie Wu may step down'
        # and a possessive or a hyphenated owner presupposes what it says: 'the deal could pressure Meituan's Keeta'
        description = (
            (not cand.dated and cand.p in ("leads", "founded"))
            # 'Temasek, Didi's largest investor, did not sell': an appositive describes whatever its clause says, and
            # so does a subject noun ('existing investors including A and B will not sell shares')
            or (not cand.dated and ctx.tokens[cand.trigger].dep_ in ("appos", "nsubj", "nsubjpass"))
            or cand.rule.startswith(_PRESUPPOSING)
            or (cand.p == "part_of" and _possessed_noun(ctx.tokens[cand.trigger]))  # 'would fold Alibaba's Lazada unit'
        )
        if not description and irrealis(ctx.tokens[cand.trigger], negation_only=cand.p in lx.STATIVE_RIVALRY):
            continue
        if (
            cand.p in ("leads", "founded")
            and cand.s is not None
            and cand.o is not None
            and cand.o.type == "Organization"
        ):
            if cand.p == "founded":
                ctx.founded.setdefault(cand.s.key, cand.o)
            else:
                ctx.leads.setdefault(cand.s.key, []).append((cand.o, cand.role))
        if cand.p in ("part_of", "owns") and cand.s and cand.o and cand.s.type == cand.o.type == "Organization":
            unit, group = (cand.s, cand.o) if cand.p == "part_of" else (cand.o, cand.s)
            ctx.units[group.key] = ctx.units_read[unit.key] = unit
        yield cand


#: The rules keyed on a verb's lemma (besides :func:`rule_verb` on every cue of :data:`lx.VERB_CUES`).
_VERB_RULES: dict[str, list[Callable[[Context, Token], Iterator[Cand]]]] = {}
for _lemmas, _rule in (
    (("lead", "co-lead", "participate", "join"), rule_lead_round),
    (("open",), rule_open_to),
    (_WITHIN_PREPS, rule_sits_within),
    (("form", "create", "build", "establish", "develop", "launch", "set", *lx.MAKE_VERBS), rule_form_with),
    (("list", "go", "debut", "float", "trade"), rule_listing),
    (("form", "create", "establish", "found", "set"), rule_formed_as_venture),
    (lx.REDUCED_RELATIVE_VERBS, rule_reduced_relative),
    (lx.PAY_VERBS, rule_pay_for),
    (("hand", "pass", "give", "cede", "transfer", "relinquish"), rule_handover),
    (("take", "become", *lx.ARRIVE_AS_VERBS), rule_took_over_on_leaving),
    (lx.LOSE_VERBS, rule_lose_to),
    (lx.GAIN_VERBS, rule_gain_from),
    (("fight",), rule_fight),
    (("aim",), rule_aimed_at),
    (lx.FOLD_VERBS, rule_fold_into),
    (("include",), rule_portfolio),
    (("agree",), rule_agreed_with),
    (lx.RAISE_VERBS, rule_raise_from),
    (lx.FACE_VERBS, rule_face),
    (("defend", "protect", "guard", "shield"), rule_defend_against),
    (("acquire", "buy", "purchase"), rule_held_before_sale),
    (("draw", "attract"), rule_round_drew),
    (("launch", "debut"), rule_launched_itself),
    (lx.MONEY_INTO_VERBS, rule_money_into),
    (("work", "operate", "run"), rule_work_with),
    (
        ("build", "amass", "accumulate", "increase", "raise", "lift", "boost", "double", "expand", "retain", "keep")
        + ("take", *_SWAP_VERBS),
        rule_build_stake,
    ),
    (_SALE_VERBS, rule_sell_holding),
    (("sell",), rule_sold_on),
):
    for _lemma in sorted(_lemmas):
        _VERB_RULES.setdefault(_lemma, []).append(_rule)


#: The rules keyed on a word's lemma whatever its place in the parse (and on its part of speech, when given).
_TokenRule = Callable[[Context, Token], Iterator[Cand]]
_WORD_RULES: dict[str, list[tuple[str | None, _TokenRule]]] = {}
_WORD_RULE_TABLE: tuple[tuple[Iterable[str], str | None, _TokenRule], ...] = (
    (("pit",), None, rule_pit_against),  # the small model tags 'pits' in 'the war pits X against Y' as a noun often
    (("put", "set"), "VERB", rule_pit_against),  # 'the move puts (sets) X against Y'
    (lx.SERVICE_NOUNS | lx.SEGMENT_NOUNS, "NOUN", rule_possessive_product),
    (("part",), "NOUN", rule_part_of),
    (("whose",), None, rule_whose_unit),
    (("behind",), "ADP", rule_maker_behind),
    (_APPOSITIVE_UNITS, "NOUN", rule_unit_appositive),
    (("under",), "ADP", rule_under_brands),
    (("owner", "parent"), "NOUN", rule_owner_of_brands),
    (("under",), "ADP", rule_under_leader),
    (("step", "resign", "retire", "quit"), "VERB", rule_stepping_down),
    (("debut", "listing", "ipo", "flotation"), "NOUN", rule_listing_noun),
    (("application", "prospectus"), "NOUN", rule_listing_application),
    (("trading",), "NOUN", rule_first_day_of_trading),
    (lx.BUSINESS_KINDS, "NOUN", rule_possessed_kind),
    (("sale",), "NOUN", rule_sale_to),
    (("from",), "ADP", rule_product_from_maker),
    (("backing", "funding", "financing", "investment", "backer", "investor"), "NOUN", rule_with_backing),
    (("backer", "investor", "shareholder"), "NOUN", rule_among_backers),
    (("partner",), "NOUN", rule_with_partner),
    (lx.PORTFOLIO_NOUNS, "NOUN", rule_portfolio_examples),
    (lx.PLATFORM_ACCOUNT_NOUNS | lx.PLATFORM_STORE_NOUNS, "NOUN", rule_platform_account),
    (tuple(lemma for lemma, (p, _) in lx.VERB_CUES.items() if p == "launched"), "VERB", rule_possessed_launch),
    (("stake", "holding"), "NOUN", rule_possessed_stake),
    (("control", "ownership"), "NOUN", rule_possessed_control),
    (("stake", "holding"), "NOUN", rule_stake_in_exchange),
    ((*lx.SHARE_NOUNS, "price"), "NOUN", rule_shares_on),
    (("ahead", "behind"), None, rule_ranked_against),
    (("private",), None, rule_take_private),  # (the small model may tag it a noun: "took Belle International private")
)
for _words, _pos, _word_rule in _WORD_RULE_TABLE:
    for _word in sorted(_words):
        _WORD_RULES.setdefault(_word, []).append((_pos, _word_rule))


def _hyphenated(ctx: Context, t: Token) -> str:
    """The hyphenated word a noun ends ('tie-up' for the 'up' of 'tie', '-', 'up'), or ''."""
    if t.i < 2 or ctx.tokens[t.i - 1].text != "-" or ctx.tokens[t.i - 2].head.i != t.i:
        return ""
    return f"{ctx.tokens[t.i - 2].lower_}-{t.lower_}"


def _dispatch(ctx: Context) -> Iterator[Cand]:
    seen_heads: set[int] = set()
    for t in ctx.tokens:
        lemma, pos, dep = t.lemma_.lower(), t.pos_, t.dep_  # read once: each read is a string-store lookup
        if (pos == "VERB" or _verb_read_as_noun(t)) and cue(t, lx.VERB_CUES):
            yield from rule_verb(ctx, t)
        if dep == "amod" and t.tag_ == "VBN" and cue(t, lx.HYPHEN_CUES):
            yield from rule_hyphen(ctx, t)
        for wanted_pos, rule in _WORD_RULES.get(lemma, ()):
            if wanted_pos is None or pos == wanted_pos:
                yield from rule(ctx, t)
        if lemma in lx.RIVAL_ADJECTIVES and dep == "amod" and not ctx.tok_mention[t.head.i]:
            yield from rule_rival_group(ctx, t)
        if t.i in ctx.tickers:
            yield from rule_ticker(ctx, t)
        if pos == "VERB":
            for rule in _VERB_RULES.get(cue(t, _VERB_RULES) or lemma, ()):
                yield from rule(ctx, t)
        elif pos in ("NOUN", "PROPN"):
            if lemma in lx.COOP_NOUNS or _hyphenated(ctx, t) in lx.COOP_NOUNS:  # ('tie-up' comes as 'tie', '-', 'up')
                yield from rule_coop_noun(ctx, t)
            elif lemma in lx.NOUN_CUES:
                yield from rule_noun_cue(ctx, t)
            elif lemma in lx.COMPETE_NOUNS:
                yield from rule_compete_noun(ctx, t)
        if (
            pos in ("NOUN", "PROPN")
            or dep in ("nsubj", "dobj", "pobj", "appos", "attr")
            or (dep == "amod" and ctx.tok_mention[t.head.i])
            # ('its Changzhou-based rival Star Charge': or as a word of the compound of a name someone's 'its' owns)
            or (dep == "compound" and ctx.tok_mention[t.head.i] and possessors(t.head))
        ) and _role_of(t):
            yield from rule_relational_noun(ctx, t)  # ('rival' is sometimes tagged as an adjective)
        m = ctx.tok_mention[t.i]
        head = t if m is None else ctx.mention_head[m]
        if head.i in seen_heads:
            continue
        if m is not None or (lemma in lx.PROGRAM_NOUNS and ctx.ent(t)):
            seen_heads.add(head.i)
            a = ctx.ent(head)
            if a is None:
                continue
            if a.type in ("Program", "Event"):
                yield from rule_possessive_program(ctx, head)
                nxt = head.head if head.head.i == head.i + 1 or head.head.i == head.i + 2 else None
                if (
                    nxt is not None
                    and nxt.i not in seen_heads
                    and nxt.lemma_.lower() in lx.PROGRAM_NOUNS
                    and ctx.tok_mention[nxt.i] is None
                ):
                    seen_heads.add(nxt.i)
                    yield from rule_possessive_program(ctx, nxt)
            elif a.type == "Organization":
                yield from rule_under(ctx, head)
            elif a.type == "Person":
                assert m is not None  # a person is a mention (ent() finds programs and categories by their nouns)
                yield from rule_title_before_name(ctx, m)
