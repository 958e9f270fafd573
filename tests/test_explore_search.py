"""The search box's index: names, aliases, Chinese names, their pinyin, and Hanzi or pinyin read through glosses."""

from __future__ import annotations

import pytest

from kg.explore.search import LabelIndex, build_label_index, glossed_readings, suggestions
from kg.explore.terms import EntityRef
from kg.store import open_reader

ENTITIES = [
    EntityRef("xiaohongshu", "Xiaohongshu", "Organization"),
    EntityRef("red-cat-plan", "Red Cat Plan", "Program"),
    EntityRef("sequoia", "Sequoia Capital", "Organization"),
    EntityRef("taobao", "Taobao", "Organization"),
]
ALIASES = {"xiaohongshu": ["RedNote", "小红书", "Little Red Book"], "sequoia": ["红杉资本"]}


@pytest.fixture(scope="module")
def index() -> LabelIndex:
    return LabelIndex(ENTITIES, ALIASES)


@pytest.mark.parametrize(
    "typed, first, why",
    [
        ("rednote", "Xiaohongshu", "alias RedNote"),
        ("REDN", "Xiaohongshu", "alias RedNote"),
        ("xiaohongshu", "Xiaohongshu", ""),
        ("小红", "Xiaohongshu", "Chinese name 小红书"),
        ("hongshanzi", "Sequoia Capital", "pinyin of 红杉资本"),
        ("hong shan", "Sequoia Capital", "pinyin of 红杉资本"),
        ("红猫", "Red Cat Plan", "红猫 read as “red cat”"),
        ("hongmao", "Red Cat Plan", "hongmao read as “red cat”"),
        ("red cat", "Red Cat Plan", ""),
    ],
)
def test_search_finds_names_aliases_chinese_and_pinyin(index, typed, first, why):
    hit = index.search(typed)[0]
    assert (hit.entity.label, hit.why) == (first, why)


@pytest.mark.parametrize("typed", ["nothing", "猫猫猫", "zzz", " "])
def test_search_without_a_match_is_empty(index, typed):
    assert index.search(typed) == []


def test_direct_matches_rank_before_glossed_readings(index):
    """ "xiaohongshu" also reads as "little red book" (an alias of the same entity): the name itself wins."""
    assert "little red book" in glossed_readings("xiaohongshu")
    assert [(h.entity.label, h.why) for h in index.search("xiaohongshu")] == [("Xiaohongshu", "")]


def test_suggestions_show_label_type_and_why(index):
    assert suggestions(index, "rednote") == [("Xiaohongshu · Organization · alias RedNote", "xiaohongshu")]
    assert suggestions(index, "taob") == [("Taobao · Organization", "taobao")]
    assert len(suggestions(index, "r", limit=1)) == 1


@pytest.mark.parametrize(
    "typed, key",
    [("rednote", "xiaohongshu"), ("小红书", "xiaohongshu"), ("红猫", "red cat plan"), ("xiaohong", "xiaohongshu")],
)
def test_search_on_a_store(sample_store, typed, key):
    index = build_label_index(open_reader(sample_store))
    assert suggestions(index, typed)[0][1] == key
