"""A parsed Doc with the lookups every rule needs made once.

spaCy builds a new :class:`~spacy.tokens.Token` object on every ``doc[i]`` and every iteration over a
``Doc``, and walks all tokens on every ``doc.sents`` and ``Span.text``: the rules, written plainly over a
``Doc``, made each token's object ~24 times (~8,500 per 300-word article, most of the extractor's time),
and ``Doc.text`` and ``Doc.ents`` are rebuilt on every use. :class:`Parsed` makes them once per document.

>>> import spacy
>>> nlp = spacy.blank("en")
>>> nlp.add_pipe("sentencizer")  # doctest: +ELLIPSIS
<...>
>>> p = Parsed.of(nlp("Taobao grew. JD.com did too."))
>>> [p.text_of(s) for s in p.sents], p.sent_index[3], p.tokens[3].text
(['Taobao grew.', 'JD.com did too.'], 1, 'JD.com')
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from kg.extract import lexicon as lx
from kg.extract.tickers import Ticker, find_tickers


@dataclass(frozen=True, eq=False)
class Parsed:
    doc: Doc
    text: str
    tokens: list[Token]  # doc[i] is tokens[i]
    ents: tuple[Span, ...]
    sents: list[Span]
    sent_index: list[int]  # token -> number of its sentence
    sent_first: list[int]  # sentence number -> its first token
    tickers: list[Ticker]  # "(NYSE: BABA)" brackets of the text: read by the mention finder and the rules

    @classmethod
    def of(cls, doc: Doc) -> Parsed:
        sents = list(doc.sents)
        sent_index = [0] * len(doc)
        for k, s in enumerate(sents):
            sent_index[s.start : s.end] = [k] * (s.end - s.start)
        tokens = list(doc)
        # the text as published (kg.nlp.TypographyTokenizer parsed a plain copy of the same length), else
        # doc.text without making the tokens again
        text = doc.user_data.get("text") or "".join(t.text_with_ws for t in tokens)
        return cls(doc, text, tokens, tuple(doc.ents), sents, sent_index, [s.start for s in sents], find_tickers(text))

    def text_of(self, span: Span) -> str:
        """``span.text``, sliced from the document's text instead of joined from its tokens."""
        return self.text[span.start_char : span.end_char]


def one_word_bracket(tokens: Sequence[Token], opening: int) -> bool:
    """Whether a bracket of one word opens at ``opening``: a name's native form or a code beside it ("Kuka Home
    (顾家家居)", "Dingdong (Cayman) Ltd.", "the Cheers (芝华仕) brand")."""
    return (
        opening >= 0 and opening + 2 < len(tokens) and tokens[opening].text == "(" and tokens[opening + 2].text == ")"
    )


def is_percent(t: Token) -> bool:
    """'%', 'percent', 'per cent' (the small model reads 'per' as the compound of 'cent')."""
    return t.lower_ in lx.PERCENT_WORDS or (t.lower_ == "cent" and any(c.lower_ == "per" for c in t.children))


def percent_of(t: Token) -> bool:
    """Whether ``t`` is the percent of a number that takes a share of what 'of' names ('21% of Y', '10 per cent of
    Y'), not a number alone ('21% more'); the share a stake rule reads and what has shares a type vote reads."""
    return (
        is_percent(t)
        and any(k.like_num for k in t.children)
        and any(k.dep_ == "prep" and k.lower_ == "of" for k in t.children)
    )
