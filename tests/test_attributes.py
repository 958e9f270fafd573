"""The attribute ruler as a lookup table (kg.attributes): the same annotation as spaCy's ruler, token by token."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc

from kg.attributes import AttributeTable, Unsupported, tabulate_attribute_ruler

DATA = Path(__file__).resolve().parent / "data"


def _annotation(doc: Doc) -> list[tuple[str, str, str, str]]:
    return [(t.tag_, t.pos_, str(t.morph), t.lemma_) for t in doc]


def _ruler(patterns: list[dict]) -> tuple[spacy.language.Language, AttributeRuler]:
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add_patterns(patterns)
    return nlp, ruler


def _doc(nlp, words: list[str], tags: list[str], deps: list[str] | None = None) -> Doc:
    deps = deps or ["ROOT"] + ["dep"] * (len(words) - 1)
    return Doc(nlp.vocab, words=words, tags=tags, deps=deps, heads=[0] * len(words))


def _both(nlp, ruler: AttributeRuler, words, tags, deps=None):
    table = AttributeTable(ruler)
    return _annotation(ruler(_doc(nlp, words, tags, deps))), _annotation(table(_doc(nlp, words, tags, deps)))


def test_a_later_pattern_wins_and_both_set_their_attributes():
    nlp, ruler = _ruler(
        [
            {"patterns": [[{"TAG": "NN"}]], "attrs": {"POS": "NOUN", "MORPH": "Number=Sing"}},
            {"patterns": [[{"TAG": "NN", "LOWER": "nothing"}]], "attrs": {"POS": "PRON"}},
        ]
    )
    stock, table = _both(nlp, ruler, ["Nothing", "else"], ["NN", "NN"])
    assert table == stock == [("NN", "PRON", "Number=Sing", ""), ("NN", "NOUN", "Number=Sing", "")]


def test_a_longer_pattern_sets_the_token_it_names_and_only_where_it_matches():
    nlp, ruler = _ruler(
        [
            {"patterns": [[{"LOWER": "gon"}, {"LOWER": "na"}]], "attrs": {"LEMMA": "going"}, "index": 0},
            {"patterns": [[{"LOWER": "gon"}, {"LOWER": "na"}]], "attrs": {"LEMMA": "to"}, "index": -1},
            {"patterns": [[{"DEP": "expl"}, {"LOWER": {"IN": ["is", "are"]}}]], "attrs": {"POS": "VERB"}, "index": 1},
        ]
    )
    words = ["gon", "na", "gon", "There", "is", "is"]
    stock, table = _both(nlp, ruler, words, ["VB"] * 6, ["ROOT", "dep", "dep", "expl", "dep", "dep"])
    assert table == stock
    assert [lemma for *_, lemma in table] == ["going", "to", "", "", "", ""]  # a lone 'gon' is no match
    assert [pos for _, pos, *_ in table] == ["", "", "", "", "VERB", ""]


@pytest.mark.parametrize(
    "spec",
    [
        {"TAG": {"NOT_IN": ["TO", ""]}},
        {"LOWER": {"REGEX": "^n'?t$"}},
        {"IS_SPACE": True},
        {"TAG": {"IN": ["VBP", "VBZ"]}, "LOWER": "ai"},
    ],
)
def test_each_predicate_the_model_uses(spec):
    nlp, ruler = _ruler([{"patterns": [[spec]], "attrs": {"LEMMA": "hit"}}])
    words, tags = ["ai", "n't", "nt", "to", "  ", "x"], ["VBP", "RB", "RB", "TO", "_SP", "NN"]
    stock, table = _both(nlp, ruler, words, tags)
    assert table == stock
    assert any(lemma == "hit" for *_, lemma in table)  # each spec matches something here: the test can fail


@pytest.mark.parametrize(
    "pattern",
    [
        [{"TAG": "NN", "OP": "?"}],  # an operator
        [{"SHAPE": "Xxxx"}],  # an attribute the table does not read
        [{"LENGTH": {">=": 3}}],  # a comparison
    ],
)
def test_a_pattern_it_cannot_read_keeps_the_stock_ruler(pattern):
    nlp, ruler = _ruler([{"patterns": [pattern], "attrs": {"POS": "NOUN"}}])
    with pytest.raises(Unsupported):
        AttributeTable(ruler)
    assert tabulate_attribute_ruler(nlp) is False
    assert nlp.pipe_names == ["attribute_ruler"]


def test_a_document_without_a_parse_goes_to_the_stock_ruler():
    nlp, ruler = _ruler([{"patterns": [[{"DEP": "expl"}]], "attrs": {"POS": "PRON"}}])
    table = AttributeTable(ruler)
    doc = Doc(nlp.vocab, words=["There", "is"], tags=["EX", "VBZ"])  # tags, no dependencies
    assert _annotation(table(doc)) == _annotation(ruler(Doc(nlp.vocab, words=["There", "is"], tags=["EX", "VBZ"])))


@pytest.fixture(scope="module")
def model_pair():
    from kg.nlp import FALLBACK_MODELS

    name = FALLBACK_MODELS["en_core_web_sm"]
    stock, tabled = spacy.load(name), spacy.load(name)
    assert tabulate_attribute_ruler(tabled)
    return stock, tabled


@pytest.mark.model
def test_the_models_patterns_are_all_read(model_pair):
    _, tabled = model_pair
    assert "kg_attribute_table" in tabled.pipe_names and "attribute_ruler" not in tabled.pipe_names


@pytest.mark.model
def test_same_annotation_as_the_models_ruler_on_articles(model_pair):
    stock, tabled = model_pair
    files = sorted((DATA / "blind12").rglob("*.md")) + sorted((DATA / "dev").glob("*.md"))
    texts = [f.read_text(encoding="utf-8") for f in files]
    assert len(texts) >= 20
    tokens = 0
    for a, b in zip(stock.pipe(texts), tabled.pipe(texts), strict=True):
        assert _annotation(a) == _annotation(b)
        tokens += len(a)
    assert tokens > 10_000


_WORDS = ["gon", "na", "got", "ta", "let", "'s", "ai", "n't", "y'", "all", "There", "is", "were", "but", "that",
          "I", "her", "its", "a", "the", "can", "'d", "something", "while", "Tencent", "  ", "\n", "better",
          "bought"]  # fmt: skip
_TAGS = ["NN", "NNP", "VBZ", "VBP", "VBD", "VBN", "IN", "CC", "DT", "WDT", "PRP", "PRP$", "MD", "EX", "RB", "TO",
         "JJR", "_SP", "XX", "``", "HYPH"]  # fmt: skip
_DEPS = ["ROOT", "nsubj", "expl", "advmod", "dobj", "aux", "det", "dep"]


@pytest.mark.model
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(st.sampled_from(_WORDS), st.sampled_from(_TAGS), st.sampled_from(_DEPS)), min_size=1,
                max_size=12))  # fmt: skip
def test_same_annotation_as_the_models_ruler_on_any_tokens(model_pair, tokens):
    stock, tabled = model_pair
    words, tags, deps = (list(column) for column in zip(*tokens, strict=True))

    def doc(nlp):
        return Doc(nlp.vocab, words=words, tags=tags, deps=deps, heads=[0] * len(words))

    assert _annotation(tabled.get_pipe("kg_attribute_table")(doc(tabled))) == _annotation(
        stock.get_pipe("attribute_ruler")(doc(stock))
    )
