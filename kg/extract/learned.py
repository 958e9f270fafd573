"""The learned relation classifier: typed relations between two names of one sentence that no rule read.

The rules (:mod:`kg.extract.relations`) read the constructions they were written for, with high precision;
news text has many more. This component scores every pair of names in a sentence for every relation
their types allow (:data:`kg.extract.relations.SIGNATURES`), from features of the dependency path and the
words between them, with a multinomial logistic regression trained on the annotated development articles
(:mod:`kg.extract.training`; never on a blind test half). Its weights ship with the package as JSON, so
scoring needs no scikit-learn, is deterministic and runs offline. A pair a rule already read keeps the
rule's reading: the classifier only adds.

>>> from kg.extract.learned import labels_for
>>> sorted(labels_for("Person", "Organization"))[:3]
['acquired>', 'fined<', 'founded>']
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterator, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from functools import cache
from importlib.resources import files
from itertools import combinations, pairwise

from spacy.tokens import Token

from kg.extract import lexicon as lx
from kg.extract.relations import SIGNATURES, Arg, Context, governing_verb
from kg.schema import SYMMETRIC

#: The label of a pair that is no relation.
NONE = "none"
#: Relations the classifier reads: typed facts between two names. Event-like relations with a programme or
#: an event as object (launched, closed …) and reported ownership need the rules' constructions.
LEARNED = (
    "acquired",
    "competes_with",
    "founded",
    "invested_in",
    "leads",
    "listed_on",
    "part_of",
    "partner_of",
    "succeeded",
    "fined",
    "investigated",
)
#: Names further apart than this (tokens) are not paired: a sentence that long is a list, not a fact.
MAX_GAP = 30
#: Node types a pair is made of.
PAIRED_TYPES = frozenset({"Organization", "Person"})

WEIGHTS_PATH = "learned_relations.json"


def labels_for(first: str, second: str) -> list[str]:
    """The classes a pair of types (in text order) can take: ``p>`` the first name is the subject, ``p<``
    the second, ``p=`` a symmetric relation."""
    return list(_labels(first, second))


def pair_labels(ctx: Context, pair: Pair) -> tuple[str, ...]:
    """The classes a pair of names can take: those of their types (:func:`labels_for`), a listing only on an
    exchange ('Geely listed its cars on the Tmall board' names a platform, which lists no company)."""
    first, second = pair.first[2], pair.second[2]
    return tuple(
        c
        for c in _labels(ctx.types[first], ctx.types[second])
        if not c.startswith("listed_on") or ctx.kinds.get(second if c.endswith(">") else first) == "exchange"
    )


@cache
def _labels(first: str, second: str) -> tuple[str, ...]:
    """:func:`labels_for`, worked out once per pair of types (asked twice for every pair of names)."""
    out = []
    for p in LEARNED:
        subjects, objects = SIGNATURES[p]
        if p in SYMMETRIC:
            if first in subjects and second in objects:
                out.append(f"{p}=")
            continue
        if first in subjects and second in objects:
            out.append(f"{p}>")
        if second in subjects and first in objects:
            out.append(f"{p}<")
    return tuple(out)


@dataclass(frozen=True)
class Pair:
    """Two names of one sentence, in text order, with the features the classifier reads."""

    first: tuple[int, int, str]  # a mention: (start token, end token, entity key)
    second: tuple[int, int, str]
    trigger: int  # the token that governs both (their lowest common ancestor): the fact's clause
    features: tuple[str, ...]


#: Words that state a relation, whatever their part of speech: the rules' cues, grouped by relation, so
#: that a cue word seen once in training stands for its whole group.
CUE_GROUPS: dict[str, str] = {
    # ('include' is no cue word here: mostly 'including', a preposition in all but tag)
    **{lemma: rel for lemma, (rel, _) in lx.VERB_CUES.items() if lemma != "include"},
    **{noun: rel for noun, (rel, _) in lx.REL_NOUNS.items()},
    **lx.NOUN_CUES,
    **dict.fromkeys(lx.COOP_NOUNS, "partner_of"),
    **dict.fromkeys(lx.COMPETE_NOUNS, "competes_with"),
    **dict.fromkeys(lx.STAKE_NOUNS | lx.ROUND_NOUNS, "invested_in"),
    **dict.fromkeys(("list", "listing", "float", "ipo", "debut", "trade", "ticker"), "listed_on"),
}


def _cue_features(prefix: str, words: list[str]) -> list[str]:
    return [f"{prefix}:{CUE_GROUPS[w]}" for w in words if w in CUE_GROUPS]


def _ancestors(tok: Token) -> list[Token]:
    chain = [tok]
    while chain[-1].head.i != chain[-1].i:
        chain.append(chain[-1].head)
    return chain


def _word(tok: Token) -> str:
    if tok.like_num:
        return "<num>"
    return tok.lemma_.lower()


def pair_features(
    ctx: Context, first: tuple[int, int, str], second: tuple[int, int, str]
) -> tuple[int, tuple[str, ...]] | None:
    """The trigger token and the features of a pair of mentions (``first`` before ``second``); None when no token
    governs both (the small model may parse one sentence as two trees)."""
    tokens = ctx.tokens
    h1, h2 = ctx.mention_head[first], ctx.mention_head[second]
    up1, up2 = _ancestors(h1), _ancestors(h2)
    on2 = {t.i: n for n, t in enumerate(up2)}
    n1 = next((n for n, t in enumerate(up1) if t.i in on2), None)
    if n1 is None:
        return None
    lca = up1[n1]
    n2 = on2[lca.i]
    t1, t2 = ctx.types.get(first[2], "Other"), ctx.types.get(second[2], "Other")
    feats = [
        f"types:{t1}>{t2}",
        f"d1:{h1.dep_}",
        f"d2:{h2.dep_}",
        f"lca:{_word(lca)}",
        f"lcapos:{lca.pos_}",
        f"hh1:{_word(h1.head)}",
        f"hh2:{_word(h2.head)}",
        f"d1hh1:{h1.dep_}:{_word(h1.head)}",
        f"d2hh2:{h2.dep_}:{_word(h2.head)}",
    ]
    ups = [t.dep_ for t in up1[:n1]]
    downs = [t.dep_ for t in reversed(up2[:n2])]
    shape = "^".join(ups) + "|" + "v".join(downs)
    feats += [f"path:{shape}", f"pathlca:{shape}:{_word(lca)}", f"plen:{min(n1 + n2, 8)}"]
    path_words = [_word(t) for t in [*up1[1:n1], lca, *up2[1:n2]] if t.i not in (h1.i, h2.i)]
    feats += [f"pw:{w}" for w in path_words]
    feats += _cue_features("pcue", path_words) + _cue_features("lcacue", [_word(lca)])
    if any(c.dep_ == "neg" for t in (lca, *up1[:n1], *up2[:n2]) for c in t.children):
        feats.append("neg")
    if (h2.dep_ == "conj" and h2.head.i == h1.i) or any(c.i == h2.i for c in h1.conjuncts):
        feats.append("conj")
    between = tokens[first[1] : second[0]]
    gap = len(between)
    feats.append(f"gap:{min(gap, 10) if gap < 10 else 10 + min(gap // 10, 3)}")
    others = {m for t in between if (m := ctx.tok_mention[t.i]) is not None}
    feats.append(f"between_names:{min(len(others), 3)}")
    if gap <= 12:
        words = [_word(t) for t in between if not t.is_space]
        feats += [f"bw:{w}" for w in words]
        feats += _cue_features("bcue", words)
        feats += [f"bb:{a}_{b}" for a, b in pairwise(words)]
        if not words:
            feats.append("adjacent")
    else:
        feats += [f"bwfar:{_word(t)}" for t in between if t.pos_ in ("VERB", "NOUN") and not t.is_space]
    if first[0] > 0:
        feats.append(f"b1:{_word(tokens[first[0] - 1])}")
    if second[1] < len(tokens):
        feats.append(f"a2:{_word(tokens[second[1]])}")
    if first[1] < second[0]:
        feats.append(f"a1:{_word(tokens[first[1]])}")
    if second[0] - 1 >= first[1]:
        feats.append(f"b2:{_word(tokens[second[0] - 1])}")
    return lca.i, tuple(feats)


def pairs(
    ctx: Context, known: set[tuple[int, str, str]] | None = None, wanted: AbstractSet[str] | None = None
) -> Iterator[Pair]:
    """Every pair of names of distinct entities within a sentence whose types some learned relation allows (one of
    ``wanted``, when given); without those in ``known`` (see :func:`is_known`), which are not featurised (half of
    the pairs, in the rules' sentences)."""
    by_sentence: dict[int, list[tuple[int, int, str]]] = {}
    for m in sorted(ctx.mention_head):
        if ctx.types.get(m[2]) in PAIRED_TYPES:
            by_sentence.setdefault(ctx.sent_index[m[0]], []).append(m)
    for sentence, mentions in by_sentence.items():
        for first, second in combinations(mentions, 2):
            if first[2] == second[2] or second[0] - first[1] > MAX_GAP:
                continue
            labels = _labels(ctx.types[first[2]], ctx.types[second[2]])
            if not labels or (wanted is not None and not any(label[:-1] in wanted for label in labels)):
                continue
            if known and ((sentence, first[2], second[2]) in known or (sentence, second[2], first[2]) in known):
                continue
            featured = pair_features(ctx, first, second)
            if featured is not None:
                yield Pair(first, second, *featured)


def is_known(ctx: Context, pair: Pair, known: set[tuple[int, str, str]]) -> bool:
    """Whether the rules related the two names of ``pair`` in its sentence (either way round)."""
    sentence, a, b = ctx.sent_index[pair.first[0]], pair.first[2], pair.second[2]
    return (sentence, a, b) in known or (sentence, b, a) in known


@dataclass(frozen=True)
class Model:
    """A multinomial logistic regression over hashed-free string features: class -> feature -> weight."""

    classes: tuple[str, ...]
    intercept: dict[str, float]
    weights: dict[str, dict[str, float]]  # feature -> {class: weight}
    thresholds: dict[str, float]  # relation -> least probability to assert it
    # relation -> (right, asserted) of its additions in cross-validation at that threshold: its precision
    measured: dict[str, tuple[int, int]] = field(default_factory=dict)

    def probabilities(self, features: tuple[str, ...], allowed: Sequence[str]) -> dict[str, float]:
        """P(class | features) over ``allowed`` and :data:`NONE` (the softmax restricted to them)."""
        scores = {c: self.intercept.get(c, 0.0) for c in (NONE, *allowed)}
        for f in features:
            by_class = self.weights.get(f)
            if by_class:  # (the few allowed classes looked up in the feature's weights, not the other way round)
                for c in scores:
                    scores[c] += by_class.get(c, 0.0)
        top = max(scores.values())
        exp = {c: math.exp(v - top) for c, v in scores.items()}
        total = sum(exp.values())
        return {c: v / total for c, v in exp.items()}

    def best(self, features: tuple[str, ...], allowed: Sequence[str]) -> tuple[str, float] | None:
        """The most probable of the ``allowed`` classes and its probability, or None when :data:`NONE` is at
        least as probable (thresholds are the caller's: training chooses them from these)."""
        probs = self.probabilities(features, allowed)
        top = max(allowed, key=probs.__getitem__)
        return (top, probs[top]) if probs[top] > probs[NONE] else None

    def to_json(self) -> dict:
        return {
            "classes": list(self.classes),
            "intercept": self.intercept,
            "weights": self.weights,
            "thresholds": self.thresholds,
            "measured": {k: list(v) for k, v in self.measured.items()},
        }

    @classmethod
    def from_json(cls, data: dict) -> Model:
        measured = {k: (int(v[0]), int(v[1])) for k, v in data.get("measured", {}).items()}
        return cls(tuple(data["classes"]), data["intercept"], data["weights"], data["thresholds"], measured)


@cache
def model() -> Model | None:
    """The shipped model, or None when the package has none (the rules then work alone)."""
    path = files("kg.extract") / WEIGHTS_PATH
    if not path.is_file():
        return None
    return Model.from_json(json.loads(path.read_text(encoding="utf-8")))


def rule_id(relation: str) -> str:
    """The rule id of what the classifier asserts for ``relation`` (evidence and calibration name it)."""
    return f"learned.{relation}"  # is_learned() reads this prefix


def is_learned(rule: str) -> bool:
    """Whether ``rule`` names what the classifier asserted (not a rule's reading)."""
    return rule.startswith("learned.")


def measured_precision() -> dict[str, tuple[int, int]]:
    """Rule id -> (right, asserted) of the classifier's additions, measured out of sample when it was trained."""
    classifier = model()
    return {rule_id(rel): counts for rel, counts in classifier.measured.items()} if classifier else {}


@dataclass(frozen=True)
class Reading:
    """A relation the classifier asserts: subject, predicate, object as arguments, at a trigger token."""

    s: Arg
    p: str
    o: Arg
    trigger: int
    probability: float


def _plural(noun: str) -> str:
    return noun[:-1] + "ies" if noun.endswith("y") else noun + "s"


#: Words one of which a sentence must hold for the classifier to read a relation there: a person leads an
#: organization by a title ('Alibaba, whose shares rose, said Joe Tsai would speak' states no role).
_CUE_WORDS = {
    "leads": frozenset(part for title in lx.ROLE_NOUNS for part in title.replace("-", " ").split())
    | {"head", "heads", "led", "runs", "director", "boss", "helm"},
    # a fine is stated by a word of fining or of paying ('said Netmarble would pay 2.1 billion won'); 'summoned
    # executives from A, B and C' fines none of them
    "fined": frozenset(
        form
        for w in (*(w for w, (p, _) in lx.VERB_CUES.items() if p == "fined"), "settle")
        for form in (w, w + "s", w + "d")  # ('fined': the small model's lemma of it is 'fin')
    )
    | frozenset(form for w, p in lx.NOUN_CUES.items() if p == "fined" for form in (w, _plural(w)))
    | {"settlement", "settlements", "pay", "pays", "paid"},
}


def _cue_present(ctx: Context, predicate: str, trigger: int) -> bool:
    words = _CUE_WORDS.get(predicate)
    if words is None:
        return True
    sentence = ctx.parsed.sents[ctx.sent_index[trigger]]
    return any(part in words for t in sentence for part in (*t.lower_.split("-"), t.lemma_.lower()))


def _contrasted(ctx: Context, mention: tuple[int, int, str]) -> bool:
    """Whether a name is set against what the sentence says ('Alibaba invested early, unlike Baidu'): the one thing
    a name after 'unlike' or 'except' is said not to share."""
    head = ctx.mention_head[mention]
    return head.dep_ == "pobj" and head.head.lower_ in CONTRAST_PREPS


def _in_a_timed_clause_apart(ctx: Context, first: tuple[int, int, str], second: tuple[int, int, str]) -> bool:
    """Whether two names stand in different clauses, one of which only times the other ('Xpeng raced to deliver cars
    before Tesla cut prices', 'after Meituan listed, Alibaba …'): two events told together, no rivalry stated."""
    clauses = [governing_verb(ctx.mention_head[m]) for m in (first, second)]
    return clauses[0].i != clauses[1].i and any(
        clause.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in TIME_MARKS for c in clause.children)
        for clause in clauses
    )


def _across_a_possessive(ctx: Context, first: tuple[int, int, str], second: tuple[int, int, str]) -> bool:
    """Whether one name is the possessor of a phrase that holds the other and says it is no unit ("Xiaomi's sister
    company Kingsoft", "Alibaba's Ant Group board", "Meituan's rival Ele.me"); not "Apple's App Store download
    charts" nor "Microsoft's Xbox studios"."""
    for owner, owned in ((first, second), (second, first)):
        head = ctx.mention_head[owner]
        if (
            head.dep_ in ("poss", "nmod")
            and any(c.tag_ == "POS" for c in head.children)
            and any(t.i == ctx.mention_head[owned].i for t in head.head.subtree)
            and any(t.lemma_.lower() in lx.NO_UNIT_WORDS for t in (head.head, *head.head.children))
        ):
            return True
    return False


#: Subordinators of a clause that only times another.
TIME_MARKS = frozenset({"before", "after", "until", "since", "when", "once"})

#: Prepositions that set a name against what its sentence says of others.
CONTRAST_PREPS = frozenset({"unlike", "except", "excluding"})


def read(ctx: Context, known: set[tuple[int, str, str]], classifier: Model | None = None) -> list[Reading]:
    """The classifier's relations in ``ctx`` between pairs of names not in ``known`` ((sentence, key, key):
    pairs the rules already related in that sentence), each the pair's most probable class when it
    clears its threshold."""
    classifier = classifier or model()
    if classifier is None:
        return []
    out = []
    # (a relation training chose no threshold for is never added: its pairs are not featurised)
    for pair in pairs(ctx, known, wanted=classifier.measured.keys()):
        best = classifier.best(pair.features, pair_labels(ctx, pair))
        if best is None:
            continue
        (p, direction), probability = (best[0][:-1], best[0][-1]), best[1]
        if (
            probability < classifier.thresholds.get(p, 1.0)
            or not _cue_present(ctx, p, pair.trigger)
            or _contrasted(ctx, pair.first)
            or _contrasted(ctx, pair.second)
            or (p == "competes_with" and _in_a_timed_clause_apart(ctx, pair.first, pair.second))
            or (p == "part_of" and _across_a_possessive(ctx, pair.first, pair.second))
        ):
            continue
        first, second = ctx._arg(pair.first), ctx._arg(pair.second)
        s, o = (second, first) if direction == "<" else (first, second)
        out.append(Reading(s, p, o, pair.trigger, round(probability, 3)))
    return out
