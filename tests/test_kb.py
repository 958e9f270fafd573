"""The knowledge base: shipped entities and facts, lookup by alias, errors that name file and fix."""

from __future__ import annotations

import pytest

from kg.errors import KnowledgeBaseError
from kg.kb import SHIPPED_DIR, KnowledgeBase, load_kb
from kg.settings import Settings
from kg.vocab import ENTITY_TYPES, RELATIONS


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return load_kb(Settings.load())


@pytest.mark.parametrize("alias, kb_id", [
    ("Little Red Book", "xiaohongshu"), ("RedNote", "xiaohongshu"), ("XHS", "xiaohongshu"), ("小红书", "xiaohongshu"),
    ("Taobao and Tmall Group", "taotian"), ("淘天", "taotian"), ("Jingdong", "jd"), ("京东", "jd"),
    ("Louis Vuitton", "louis-vuitton"), ("Xiaohongshu’s", "xiaohongshu"), ("  alibaba group ", "alibaba"),
])
def test_lookup_by_alias(kb, alias, kb_id):
    assert kb.lookup(alias).id == kb_id


def test_unknown_name_is_none(kb):
    assert kb.lookup("Red Cat Plan") is None


def test_kb_holds_structure_not_article_facts(kb):
    facts = {(f.subject, f.predicate, f.object) for f in kb.facts}
    assert {("taobao", "part_of", "taotian"), ("tmall", "part_of", "taotian"), ("taotian", "part_of", "alibaba")} <= facts
    assert all(f.predicate in ("part_of", "owns", "founded") for f in kb.facts)
    assert all(e.type != "Program" for e in kb.entities.values())
    assert all(e.type in ENTITY_TYPES for e in kb.entities.values())
    assert all(f.predicate in RELATIONS and f.file == "platforms.yaml" for f in kb.facts)


def test_extra_kb_file_from_settings(tmp_path):
    extra = tmp_path / "extra.yaml"
    extra.write_text("entities:\n  - {id: shopee, name: Shopee, type: Organization, aliases: [虾皮]}\n"
                     "facts:\n  - [shopee, competes_with, temu]\n", encoding="utf-8")
    kb = load_kb(Settings.load(kb_paths=str(extra)))
    assert kb.lookup("虾皮").id == "shopee"
    assert kb.facts[-1].file == "extra.yaml"
    assert len(kb.entities) == len(load_kb(Settings.load()).entities) + 1


@pytest.mark.parametrize("content, message", [
    ("entities: [\n", "invalid YAML at line"),
    ("- just a list\n", "top level must be a mapping"),
    ("entities:\n  - {id: x, name: X, type: Company}\n", "type 'Company'"),
    ("entities:\n  - {id: x, type: Organization}\n", "lacks name"),
    ("entities:\n  - {id: x, name: X, type: Organization, aliases: X}\n", "aliases must be a list"),
    ("entities:\n  - {id: x, name: X, type: Organization, wiki: y}\n", "unknown keys"),
    ("entities:\n  - {id: x, name: Taobao, type: Organization}\n", "already a name of 'taobao'"),
    ("entities:\n  - {id: taobao, name: Tao Bao, type: Organization}\n", "defined twice"),
    ("facts:\n  - [taobao, owned_by, alibaba]\n", "predicate 'owned_by'"),
    ("facts:\n  - [taobao, part_of, nowhere]\n", "unknown entity id 'nowhere'"),
    ("facts:\n  - taobao part_of alibaba\n", "must be a list"),
])
def test_malformed_file_names_file_and_fix(tmp_path, content, message):
    bad = tmp_path / "bad.yaml"
    bad.write_text(content, encoding="utf-8")
    with pytest.raises(KnowledgeBaseError) as err:
        load_kb(Settings.load(kb_paths=str(bad)))
    assert str(bad) in str(err.value) and message in str(err.value)


def test_missing_file_is_reported(tmp_path):
    with pytest.raises(KnowledgeBaseError, match="cannot read"):
        load_kb(Settings.load(kb_paths=str(tmp_path / "nope.yaml")))


def test_shipped_files_exist():
    assert sorted(p.name for p in SHIPPED_DIR.glob("*.yaml")) == ["platforms.yaml"]
