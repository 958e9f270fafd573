"""The ``kg_extractor`` pipeline component: runs the rules and stores plain data on ``Doc._.kg``.

Everything stored is msgpack-serialisable (dicts, lists, str, int, float, None) so that
``nlp.pipe(n_process=2)`` can send it back to the parent. Document context (the published date)
is not visible here: dates are stored as specs and resolved by :mod:`kg.extract` in the parent.
"""

from __future__ import annotations

import dataclasses

from collections import Counter
from itertools import combinations

from spacy.language import Language
from spacy.tokens import Doc, Token

from kg.extract import lexicon as lx
from kg.schema import MONEY_EVENTS, SCHEMA
from kg.extract import mentions as mx
from kg.extract import quantities as qx
from kg.extract.dates import ANCHOR_CUES, date_spec
from kg.extract.parsed import Parsed
from kg.extract.relations import EVENTS, NOT_EVENTS, SIGNATURES, STATIVE, Context, governing_verb, run_rules

if not Doc.has_extension("kg"):
    Doc.set_extension("kg", default=None)


@Language.factory("kg_extractor")
def make_extractor(nlp: Language, name: str) -> "Extractor":
    return Extractor()


class Extractor:
    def __init__(self) -> None:
        self.kb_index: dict[str, tuple[str, str]] = {}
        self.kb_words: list[str] = []
        self.kb_parents: dict[str, str] = {}

    def set_kb(self, kb) -> None:
        """KB id -> (canonical name, type); the KB's names reach the Doc through the entity ruler."""
        self.kb_index = {e.id: (e.name, e.type) for e in kb.entities.values()}
        self.kb_words = mx.kb_words(self.kb_index)
        # unit -> parent, from the KB's well-known structure (what an article about a group is about)
        self.kb_parents = {f.subject: f.object for f in kb.facts if f.predicate == "part_of"}
        self.kb_parents.update({f.object: f.subject for f in kb.facts if f.predicate == "owns"})

    def __call__(self, doc: Doc) -> Doc:
        doc._.kg = extract(doc, self.kb_index, self.kb_words, self.kb_parents)
        return doc


def _cue_votes(doc: Doc, cands: list[mx.Candidate], table: dict) -> None:
    """Context cues: 'formed X with Y' (X a program), 'cooperation with X' (X an organization)."""
    for c in cands:
        head = doc[c.start:c.end].root
        h = head
        while h.dep_ == "conj":
            h = h.head
        gov = h.head
        if h.dep_ == "dobj" and gov.lemma_.lower() in ("form", "create", "build", "develop") and any(
                ch.dep_ == "prep" and ch.lower_ == "with" for t in (gov, h, *h.conjuncts) for ch in t.children):
            table[c.key]["votes"]["Program"] = table[c.key]["votes"].get("Program", 0) + 3.0
        if c.label in ("GPE", "LOC", "FAC", "NORP") and h.dep_ in ("nsubj", "dobj", "nsubjpass") and (
                lx.VERB_CUES.get(gov.lemma_.lower(), ("operates_on",))[0] not in ("operates_on", "published")):
            # the agent or object of launching, founding, acquiring … is an organization, not a place
            table[c.key]["votes"]["Organization"] = table[c.key]["votes"].get("Organization", 0) + 1.5
        if h.dep_ == "pobj" and h.head.lower_ == "with" and (
                h.head.head.lemma_.lower() in lx.COOP_NOUNS or lx.VERB_CUES.get(h.head.head.lemma_.lower(), ("",))[0] == "partner_of"):
            table[c.key]["votes"]["Organization"] = table[c.key]["votes"].get("Organization", 0) + 2.0


def _dates(parsed: Parsed) -> list[dict]:
    """Date mentions in order: spec, offsets, governing verb; 'July' + 'of the same year' joined."""
    tokens = parsed.tokens
    out = []
    ents = [e for e in parsed.ents if e.label_ == "DATE"]
    skip = set()
    for k, e in enumerate(ents):
        if k in skip:
            continue
        start, end = e.start, e.end
        if start >= 2 and tokens[start - 1].lower_ in ("following", "next") and tokens[start - 2].lower_ == "the":
            start -= 2  # 'the following April' (the NER may leave the modifier out)
        if k + 1 < len(ents) and ents[k + 1].start == end + 1 and tokens[end].lower_ == "of":
            end = ents[k + 1].end
            skip.add(k + 1)
        span = parsed.doc[start:end]
        spec = date_spec(parsed.text_of(span))
        out.append({"spec": spec, "start": span.start_char, "end": span.end_char, "gov": governing_verb(span.root).i,
                    "tok": span.start})
    # bare years the NER missed ("In 2022 Bilibili closed …")
    in_date = {i for e in ents for i in range(e.start, e.end)}
    for t in tokens:
        if (t.i not in in_date and len(t.text) == 4 and t.text[:2] in ("19", "20") and t.text.isdigit()
                and t.dep_ == "pobj" and t.head.lower_ in ("in", "since", "by", "from", "until", "during", "before", "after")):
            out.append({"spec": {"y": int(t.text)}, "start": t.idx, "end": t.idx + 4, "gov": governing_verb(t).i, "tok": t.i})
    for s in parsed.sents:
        m = ANCHOR_CUES.match(parsed.text_of(s))
        if m:
            span = parsed.doc.char_span(s.start_char, s.start_char + m.end(), alignment_mode="expand")
            out.append({"spec": {"rel": "anchor"}, "start": span.start_char, "end": span.end_char,
                        "gov": governing_verb(span.root).i, "tok": span.start})
    out.sort(key=lambda d: d["start"])
    return out


def _date_for(tok: Token, dates: list[dict], sent_of: list[int], by_sent: dict[int, list[int]]) -> tuple[int | None, str | None]:
    """The date its clause governs (the verb or an ancestor), else the sentence's, else none."""
    chain = []
    t = governing_verb(tok)
    while True:
        chain.append(t.i)
        if t.head.i == t.i:
            break
        t = t.head
    best = None
    fallback = None
    for k in by_sent.get(sent_of[tok.i], ()):
        d = dates[k]
        if d["spec"] is None:
            continue
        absolute = d["spec"].get("rel") is None
        if d["gov"] in chain:
            rank = (chain.index(d["gov"]), not absolute)
            if best is None or rank < best[0]:
                best = (rank, k)
        elif fallback is None or absolute and dates[fallback]["spec"].get("rel") is not None:
            fallback = k
    if best:
        return best[1], "clause"
    if fallback is not None:
        return fallback, "sentence"
    return None, None


def extract(doc: Doc, kb_index: dict[str, tuple[str, str]], kb_words: list[str], kb_parents: dict[str, str] | None = None) -> dict:
    """The rules' plain data for one parsed Doc (``kb_words``: :func:`~kg.extract.mentions.kb_words` of ``kb_index``;
    ``kb_parents``: unit -> parent in the KB's structure)."""
    parsed = Parsed.of(doc)
    tokens, sents, sent_of = parsed.tokens, parsed.sents, parsed.sent_index
    cands = mx.candidates(parsed)
    kept, table = mx.link(parsed, cands, kb_index, kb_words)
    _cue_votes(doc, kept, table)
    version_cands = mx.versions(parsed, kept, table)
    types = {k: mx.resolve_type(e["votes"]) for k, e in table.items()}
    all_mentions = [(c.start, c.end, c.key) for c in kept] + [(c.start, c.end, c.key) for c in version_cands]
    ctx = Context(parsed, all_mentions, types, kb_parents)
    dates = _dates(parsed)
    by_sent: dict[int, list[int]] = {}
    for k, d in enumerate(dates):
        by_sent.setdefault(sent_of[d["tok"]], []).append(k)

    relations, events, seen = [], {}, set()
    for c in run_rules(ctx):
        if c.o is None:
            continue
        rule = c.rule + ("+coref" if (c.s and c.s.resolved_by) or c.o.resolved_by else "")
        date, how = _date_for(tokens[c.trigger], dates, sent_of, by_sent) if c.dated and c.p not in STATIVE else (None, None)
        ev_id = f"e{c.trigger}"
        s_types, o_types = SIGNATURES.get(c.p, (set(), set()))
        alternative = lx.TYPE_ALTERNATIVES.get((c.p, c.s.type)) if c.s is not None and c.s.type not in s_types else None
        if alternative:  # 'Taotian, which runs Taobao': an organization that runs Y owns it
            c = dataclasses.replace(c, p=alternative, rule=f"{alternative}.{c.rule}", role=None)
            rule = c.rule + ("+coref" if c.s.resolved_by or c.o.resolved_by else "")
            s_types, o_types = SIGNATURES[c.p]
        subject_ok = c.s is not None and c.s.type in s_types and c.s.key != c.o.key
        inverse = SCHEMA[c.p].inverse if c.p in SCHEMA and SCHEMA[c.p].stored_as_inverse else None
        if subject_ok and c.o.type in o_types and inverse and c.o.type in SCHEMA[inverse].subject \
                and c.s.type in SCHEMA[inverse].object:  # 'Alibaba owns Lazada' is stored as 'Lazada part_of Alibaba'
            c = dataclasses.replace(c, s=c.o, p=inverse, o=c.s)
        if subject_ok and c.o.type in o_types:
            sig = (c.s.key, c.p, c.o.key, c.trigger)
            if sig in seen:
                continue
            seen.add(sig)
            relations.append({
                "s": c.s.key, "p": c.p, "o": c.o.key, "sent": sent_of[c.trigger], "ss": list(c.s.span),
                "os": list(c.o.span), "rule": rule, "date": date, "date_how": how, "role": c.role,
                "resolved_by": c.s.resolved_by or c.o.resolved_by, "event": ev_id if c.p in EVENTS and c.dated else None,
            })
        elif c.p in EVENTS and (c.o.type in ("Program", "Event") and (c.s is None or c.s.type in ("Program", "Event"))
                                or c.p in ("_listing", "founded") and c.s is None and c.o.type == "Organization"):
            pass  # an agentless event (about a program, a listing, a founding): recorded below without a relation
        else:
            continue
        if c.p not in EVENTS or not c.dated or not c.event or c.rule in NOT_EVENTS:
            continue  # a description ("X, chairman of Y") or a standing role ("Y, led by X") is not an appointment
        etype, srole, orole = EVENTS[c.p]
        if etype == "founding" and date is None:
            continue  # an undated founding is a description ('built by X'), not an event of the story
        ev = events.setdefault(ev_id, {"id": ev_id, "type": etype, "participants": [], "sent": sent_of[c.trigger],
                                       "date": date, "date_how": how, "rule": f"event.{etype}", "trigger": c.trigger})
        parts = []
        if c.s is not None:
            parts.append([c.s.key, srole if subject_ok else "program"])
        version_of = table.get(c.o.key, {}).get("version_of")
        if version_of:  # a version's event is also its program's
            parts.append([version_of, orole])
        parts.append([c.o.key, "version" if version_of else orole])
        for p in parts:
            if p not in ev["participants"]:
                ev["participants"].append(p)

    quantities = []
    for s in sents:
        for q in qx.find(parsed.text_of(s), s.start_char):
            att = qx.attach(ctx, q)
            if att is None:
                continue
            about, attribute, gov = att
            about_key = table.get(about.key, {}).get("version_of") or about.key
            date, how = _date_for(tokens[gov], dates, sent_of, by_sent)
            unit = q["unit"]
            rule = "quantity.percent" if unit == "percent" else "quantity.money" if unit.isupper() else "quantity.count"
            event = next((e["id"] for e in events.values() if governing_verb(tokens[e["trigger"]]).i == gov
                          and e["type"] in MONEY_EVENTS and unit.isupper()), None)
            quantities.append({"about": about_key, "attribute": attribute, "value": q["value"], "value_max": q["value_max"],
                               "unit": unit, "text": q["text"], "sent": sent_of[doc.char_span(q["start"], q["end"], alignment_mode="expand").start],
                               "span": [q["start"], q["end"]], "date": date, "date_how": how, "rule": rule, "event": event})

    mention_rows = []
    per_sent: dict[int, set[str]] = {}
    for c in kept + version_cands:
        span = doc[c.start:c.end]
        mention_rows.append([span.start_char, span.end_char, parsed.text_of(span), c.key, c.label])
        per_sent.setdefault(sent_of[c.start], set()).add(c.key)
    pair_sents: dict[tuple[str, str], list[int]] = {}
    for k, keys in per_sent.items():
        for a, b in combinations(sorted(keys), 2):
            pair_sents.setdefault((a, b), []).append(k)
    mention_counts = Counter(m[3] for m in mention_rows)
    entities = {
        k: {"label": e["label"], "type": types[k], "aliases": sorted(set(e["aliases"]) - {e["label"]}),
            "kb_id": e["kb_id"], "version_of": e["version_of"], "version_label": e["version_label"]}
        for k, e in table.items() if mention_counts[k]
    }
    for ev in events.values():
        ev.pop("trigger")
    return {
        "sents": [[s.start_char, s.end_char] for s in sents],
        "entities": entities,
        "mentions": mention_rows,
        "dates": [{"spec": d["spec"], "start": d["start"], "end": d["end"], "sent": sent_of[d["tok"]]} for d in dates],
        "relations": relations,
        "events": list(events.values()),
        "quantities": quantities,
        "comentions": [[a, b, len(ks), ks] for (a, b), ks in sorted(pair_sents.items())],
    }
