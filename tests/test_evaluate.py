"""Scoring logic of kg.evaluate on hand-built extractions and annotations (no model needed)."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from kg.errors import AnnotationError
from kg.evaluate import Report, load_annotations, parse_amount, score_extraction
from kg.model import Document, Entity, EventRecord, Extraction, PartialDate, Participant, Quantity, Relation

DATA = Path(__file__).resolve().parent / "data" / "eval"

ANNOTATION = """\
document: article.md
about: a small test annotation
entities:
- name: Xiaohongshu
  type: Organization
  aliases: [RedNote, Little Red Book]
- name: Taotian
  type: Organization
- name: JD.com
  type: Organization
  aliases: [JD]
- name: Red Cat Plan
  type: Program
- name: Xiaohongxing
  type: Program
- name: Yang Tianzhen
  type: Person
not_entities:
- Red Sea
relations:
- s: Xiaohongshu
  p: partner_of
  o: Taotian
  date: 2025-05-07
- s: Xiaohongshu
  p: launched
  o: Red Cat Plan
  date: 2025-05
- s: Yang Tianzhen
  p: operates_on
  o: Xiaohongshu
- s: Xiaohongshu
  p: suspended
  o: Xiaohongxing
  date: 2023-08
acceptable:
- s: Taotian
  p: launched
  o: Red Cat Plan
events:
- date: 2025-05-07
  who: [Xiaohongshu, Taotian]
  what: Red Cat Plan
  type: partnership
- date: 2025-05-12
  who: [JD.com]
  what: JD.com confirms
quantities:
- about: Xiaohongshu
  value: 70%
  what: share of revenue from advertising
- about: Xiaohongshu
  value: 300 million yuan
  what: Series D
- about: Xiaohongshu
  value: 300000000
  what: monthly active users
acceptable_quantities:
- about: Xiaohongshu
  value: 70%-80%
  what: advertising share range
"""


def write_annotation(tmp_path: Path, text: str = ANNOTATION, article: str = "Some text.") -> Path:
    (tmp_path / "article.md").write_text(article, encoding="utf-8")
    path = tmp_path / "gold.yaml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def ann(tmp_path):
    return load_annotations(write_annotation(tmp_path))


def extraction(entities, relations=(), events=(), quantities=()) -> Extraction:
    doc = Document(id="d", text="t", title="t", source_path="article.md")
    ents = {
        key: Entity(key=key, label=label, type=etype, aliases=set(aliases)) for key, label, etype, *aliases in entities
    }
    return Extraction(
        document=doc, entities=ents, relations=list(relations), events=list(events), quantities=list(quantities)
    )


def rel(s, p, o, date=None, rule="r") -> Relation:
    return Relation(s, p, o, evidence=[], rule=rule, confidence=0.5, date=PartialDate.parse(date) if date else None)


def qty(about, value, unit, value_max=None, rule="q") -> Quantity:
    return Quantity(
        about, "x", value, unit, text=f"{value} {unit}", evidence=[], rule=rule, confidence=0.5, value_max=value_max
    )


BASE = [("xhs", "Xiaohongshu", "Organization"), ("tt", "Taotian", "Organization"), ("rcp", "Red Cat Plan", "Program")]


# --- entities ---------------------------------------------------------------------------------


def test_entity_matches_through_an_alias_on_either_side(ann):
    ex = extraction([("rednote", "RedNote", "Organization"), ("jingdong", "Jingdong", "Organization", "JD")])
    scores = score_extraction(ann, ex).scores["entities (span only)"]
    assert (scores.tp, scores.fp, scores.fn) == (2, 0, 4)


def test_wrong_type_counts_only_against_typed_score(ann):
    ex = extraction([("xhs", "Xiaohongshu", "Person"), ("tt", "Taotian", "Organization")])
    result = score_extraction(ann, ex)
    assert result.scores["entities (span only)"].tp == 2
    typed = result.scores["entities (with type)"]
    assert (typed.tp, typed.fp) == (1, 1)


def test_not_entity_and_unknown_spans_are_false_positives(ann):
    ex = extraction([*BASE, ("red sea", "the Red Sea", "Place"), ("today", "Today", "Other")])
    result = score_extraction(ann, ex)
    assert result.scores["entities (span only)"].fp == 1 + 0 + 1  # 'the Red Sea' does not normalise to 'Red Sea'
    ex = extraction([*BASE, ("red sea", "Red Sea", "Place")])
    result = score_extraction(ann, ex)
    assert result.mistakes["entities fp (not_entity)"] == ["Red Sea"]
    assert result.scores["entities (span only)"].precision == pytest.approx(3 / 4)


def test_version_entity_stands_for_its_program(ann):
    ex = extraction([*BASE, ("xhx", "Xiaohongxing", "Program")])
    ex.entities["xhx2"] = Entity(key="xhx2", label="Xiaohongxing 2.0", type="Program", version_of="xhx")
    ex.relations = [rel("xhs", "suspended", "xhx2", "2023-08")]
    result = score_extraction(ann, ex)
    assert result.scores["entities (span only)"].fp == 0
    assert result.per_relation["suspended"].tp == 1


# --- relations -----------------------------------------------------------------------------------


def test_symmetric_relation_matches_either_way_but_directed_does_not(ann):
    ex = extraction(
        BASE + [("yang", "Yang Tianzhen", "Person")],
        [rel("tt", "partner_of", "xhs"), rel("xhs", "operates_on", "yang")],
    )
    result = score_extraction(ann, ex)
    assert result.per_relation["partner_of"].tp == 1
    assert (result.per_relation["operates_on"].tp, result.per_relation["operates_on"].fp) == (0, 1)
    assert result.per_relation["operates_on"].fn == 1


def test_acceptable_relation_is_neither_credited_nor_penalised(ann):
    ex = extraction(BASE, [rel("tt", "launched", "rcp", rule="launch"), rel("rcp", "launched", "tt", rule="launch")])
    result = score_extraction(ann, ex)
    assert result.scores["relations"].tp == 0
    assert result.scores["relations"].fp == 1  # only the reversed one
    assert result.per_rule == {"launch": (1, 2)}


def test_relation_scores_and_f1(ann):
    ex = extraction(BASE, [rel("xhs", "partner_of", "tt"), rel("xhs", "launched", "rcp"), rel("xhs", "launched", "tt")])
    s = score_extraction(ann, ex).scores["relations"]
    assert (s.tp, s.fp, s.fn) == (2, 1, 2)
    assert s.precision == pytest.approx(2 / 3) and s.recall == pytest.approx(0.5)
    assert s.f1 == pytest.approx(2 * (2 / 3) * 0.5 / (2 / 3 + 0.5))


def test_unlinked_entities_make_relations_false(ann):
    ex = extraction(BASE + [("x", "Somebody", "Person")], [rel("x", "partner_of", "tt")])
    result = score_extraction(ann, ex)
    assert result.mistakes["relations fp"] == ["?Somebody partner_of Taotian"]


def test_relation_date_needs_the_same_value_and_precision(ann):
    right = score_extraction(ann, extraction(BASE, [rel("xhs", "partner_of", "tt", "2025-05-07")]))
    assert right.scores["relation dates"].tp == 1
    coarse = score_extraction(ann, extraction(BASE, [rel("xhs", "partner_of", "tt", "2025-05")]))
    d = coarse.scores["relation dates"]
    assert (d.tp, d.fp, d.fn) == (0, 1, 1)
    finer = score_extraction(ann, extraction(BASE, [rel("xhs", "launched", "rcp", "2025-05-07")]))
    assert finer.scores["relation dates"].tp == 0
    missing = score_extraction(ann, extraction(BASE, [rel("xhs", "partner_of", "tt")]))
    assert (missing.scores["relation dates"].fp, missing.scores["relation dates"].fn) == (0, 1)


# --- events --------------------------------------------------------------------------------------


def event(date, *who, rule="ev"):
    return EventRecord(
        key=f"e{date}",
        type="partnership",
        participants=[Participant(w, "partner") for w in who],
        evidence=[],
        rule=rule,
        confidence=0.5,
        date=PartialDate.parse(date) if date else None,
    )


def test_events_match_on_participants_and_score_dates(ann):
    ex = extraction(
        BASE + [("jd", "JD.com", "Organization")],
        events=[event("2025-05-07", "tt"), event("2025-05", "jd"), event("2024", "rcp")],
    )
    result = score_extraction(ann, ex)
    e, d = result.scores["events"], result.scores["event dates"]
    assert (e.tp, e.fp, e.fn) == (2, 1, 0)  # the Red Cat Plan is no participant of any gold event
    assert (d.tp, d.fp, d.fn) == (1, 1, 1)  # 2025-05 is not 2025-05-12


def test_same_date_pairs_are_matched_first(ann):
    # a second event that shares a participant but not the date must not take the gold event
    # that an exactly dated event matches
    ex = extraction(BASE, events=[event("2025-05-12", "tt"), event("2025-05-07", "tt")])
    result = score_extraction(ann, ex)
    e, d = result.scores["events"], result.scores["event dates"]
    assert (e.tp, e.fp) == (1, 1)
    assert (d.tp, d.fp) == (1, 0)


# --- quantities ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "unit", "hit"),
    [
        (70, "percent", True),
        (70, "%", True),
        (300_000_000, "CNY", True),
        (300_000_000, "yuan", True),
        (300_000_000, "users", True),
        (300_000_000, "USD", False),
        (70, "users", False),
        (0.7, "percent", False),
    ],
)
def test_quantities_compare_values_with_unit_sense(ann, value, unit, hit):
    result = score_extraction(ann, extraction(BASE, quantities=[qty("xhs", value, unit)]))
    assert result.scores["quantities"].tp == int(hit)


def test_quantity_about_the_wrong_entity_is_false(ann):
    result = score_extraction(ann, extraction(BASE, quantities=[qty("tt", 70, "percent")]))
    assert (result.scores["quantities"].tp, result.scores["quantities"].fp) == (0, 1)


def test_acceptable_quantity_range_is_not_penalised(ann):
    result = score_extraction(ann, extraction(BASE, quantities=[qty("xhs", 70, "percent", value_max=80, rule="range")]))
    q = result.scores["quantities"]
    assert (q.tp, q.fp, q.fn) == (0, 0, 3)
    assert result.per_rule == {"range": (1, 1)}


def test_parse_amount_rejects_text():
    with pytest.raises(ValueError):
        parse_amount("a lot of money")
    assert parse_amount("3-4 billion yuan") == (3e9, 4e9, "CNY")


# --- the report ----------------------------------------------------------------------------------


def test_report_sums_documents_and_renders(ann):
    one = score_extraction(ann, extraction(BASE, [rel("xhs", "partner_of", "tt", rule="a")]))
    two = score_extraction(ann, extraction(BASE, [rel("xhs", "launched", "tt", rule="a")]))
    report = Report(documents=[one, two])
    assert report.per_rule == {"a": (1, 2)}
    assert report.scores["relations"].tp == 1 and report.scores["relations"].fp == 1
    table = report.to_table()
    assert "| relations | 0.500 |" in table and "| partner_of |" in table
    data = report.to_json()
    assert data["per_rule"]["a"] == {"true": 1, "predicted": 2}
    assert data["documents"][1]["mistakes"]["relations fp"] == ["Xiaohongshu launched Taotian"]


# --- loading -------------------------------------------------------------------------------------


def test_shipped_annotations_load():
    files = sorted(DATA.glob("*.yaml"))
    assert len(files) >= 6
    for path in files:
        ann = load_annotations(path)
        assert ann.document.is_file() and ann.relations and not ann.warnings, path


def test_document_falls_back_to_the_corpus_setting(tmp_path):
    from kg.settings import Settings

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "elsewhere.md").write_text("Text.", encoding="utf-8")
    (tmp_path / "ann").mkdir()
    path = tmp_path / "ann" / "gold.yaml"
    path.write_text("document: elsewhere.md\n", encoding="utf-8")
    assert load_annotations(path, Settings.load(corpus=str(corpus))).document == corpus / "elsewhere.md"


def test_unknown_keys_are_warnings_not_errors(tmp_path):
    ann = load_annotations(
        write_annotation(tmp_path, ANNOTATION.replace("  what: JD.com confirms", "  wat: JD.com confirms"))
    )
    assert len(ann.warnings) == 1 and "'wat'" in ann.warnings[0]


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("  p: suspended", "  p: paused", "not a core relation"),
        ("  o: Xiaohongxing\n  date: 2023-08", "  o: Xiaohong Star\n  date: 2023-08", "not a declared entity"),
        ("  date: 2023-08", "  date: August 2023", "is not YYYY"),
        ("  date: 2023-08", "  date: 2023-13", "is not YYYY"),
        ("  type: Person", "  type: Human", "type 'Human'"),
        ("- Red Sea", "- RedNote", "also a name of 'Xiaohongshu'"),
        ("  aliases: [JD]", "  aliases: [Taotian]", "already used by 'Taotian'"),
        ("  value: 70%\n", "  value: seventy\n", "is not an amount"),
        ("document: article.md", "document: missing.md", "not found"),
        ("- s: Yang Tianzhen\n  p: operates_on\n", "- s: Yang Tianzhen\n", "missing 'p'"),
        ("relations:\n", "relations: Xiaohongshu\nunused:\n", "expected a list"),
        ("about: a small", "about: [a small", "not valid YAML"),
    ],
)
def test_malformed_annotation_raises_with_file_and_fix(tmp_path, old, new, message):
    assert old in ANNOTATION
    path = write_annotation(tmp_path, ANNOTATION.replace(old, new, 1))
    with pytest.raises(AnnotationError) as info:
        load_annotations(path)
    assert message in str(info.value)
    assert str(path) in str(info.value) and info.value.fix


def test_annotation_must_be_a_mapping(tmp_path):
    with pytest.raises(AnnotationError, match="expected a mapping"):
        load_annotations(write_annotation(tmp_path, textwrap.dedent("- just\n- a list\n")))


# --- the whole run, with a stand-in extractor ----------------------------------------------------


def test_evaluate_reads_each_article_and_calibrate_hands_over_rule_counts(tmp_path, monkeypatch):
    import sys
    import types

    from kg.evaluate import calibrate, evaluate

    seen = []

    def extract_document(document, nlp):
        seen.append((document.title, nlp))
        return extraction(BASE, [rel("xhs", "partner_of", "tt", rule="partner")])

    written = {}
    fake_extract = types.ModuleType("kg.extract")
    fake_extract.extract_document = extract_document
    fake_calibration = types.ModuleType("kg.extract.calibration")
    fake_calibration.write_rule_precision = lambda per_rule, path: written.update(per_rule=per_rule, path=path)
    monkeypatch.setitem(sys.modules, "kg.extract", fake_extract)
    monkeypatch.setitem(sys.modules, "kg.extract.calibration", fake_calibration)

    path = write_annotation(tmp_path, article="---\ntitle: Gold\npublished: 2025-05\n---\n\nXiaohongshu met Taotian.\n")
    report = evaluate([tmp_path], nlp="NLP")  # a directory stands for its *.yaml files
    assert seen == [("Gold", "NLP")]
    assert report.documents[0].annotation == str(path)
    assert report.scores["relations"].tp == 1 and report.per_rule == {"partner": (1, 1)}
    calibrate(report, tmp_path / "rules.yaml")
    assert written == {"per_rule": {"partner": (1, 1)}, "path": tmp_path / "rules.yaml"}
    (tmp_path / "empty").mkdir()
    with pytest.raises(AnnotationError, match="no annotation files"):
        evaluate([tmp_path / "empty"], nlp="NLP")
    with pytest.raises(AnnotationError, match="cannot be read"):
        evaluate([tmp_path / "missing.yaml"], nlp="NLP")
