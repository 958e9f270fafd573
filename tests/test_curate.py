"""Curations: each action through the library, the CLI and the app; re-applied by every build (a rebuild from
scratch gives the same quads); undone; shared (import merges, reports conflicts); stale ones listed; promoted."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pyoxigraph as ox
import pytest
from streamlit.testing.v1 import AppTest
from typer.testing import CliRunner

from explore_sample import build_sample_store, sample_documents, sample_kb
from kg import curate
from kg.cli import app as cli
from kg.curate.apply import curating, curations_path
from kg.explore.terms import PREFIXES
from kg.graphs import DocumentWrite
from kg.labels import refresh_labels
from kg.rdf import extraction_quads, kb_quads
from kg.settings import Settings
from kg.store import open_reader, open_writer
from kg.vocab import KB_GRAPH, META_GRAPH
from tests.conftest import open_app_page

runner = CliRunner()
SENTENCE = "JD.com competes with Vipshop."


@pytest.fixture
def store(tmp_path) -> Settings:
    """A fresh copy of the sample store (two articles and a KB graph), curated by "ana"."""
    settings = Settings.load(store=str(tmp_path / "store"), curator="ana")
    build_sample_store(settings)
    return settings


def quads(settings: Settings) -> set[ox.Quad]:
    """Every quad but the meta graph's time stamp."""
    return {q for q in open_reader(settings).quads() if q.graph_name.value != str(META_GRAPH)}


def rebuild(settings: Settings, directory: Path, documents=None) -> Settings:
    """A new store with the sample's graphs written as `kg build` writes them (the KB graph, then each document,
    through the curating writer; then the labels), reading the same curations file."""
    new = settings.replace(store=str(directory), curations=str(curations_path(settings)))
    with open_writer(new) as writer:
        curated = curating(writer, new)
        curated.replace_graph(ox.NamedNode(str(KB_GRAPH)), kb_quads(sample_kb()))
        curated.write_documents(
            [DocumentWrite(s.doc.id, extraction_quads(s.extraction)) for s in documents or sample_documents()]
        )
        refresh_labels(writer)
    return new


def cli_run(settings: Settings, *args: str):
    return runner.invoke(cli, [*args, "--store", settings.store])


# (name, library call, CLI arguments, a graph pattern true before and false after, one false before and true after)
ACTIONS = [
    (
        "reject",
        lambda s: curate.reject(s, "xiaohongshu", "partner_of", "jd.com", note="not a partnership"),
        ["curate", "reject", "xiaohongshu", "partner_of", "jd.com", "-m", "not a partnership"],
        "entity:xiaohongshu kg:partner_of entity:jd.com",
        '?c kg:curationAction "reject" ; rdfs:comment "not a partnership" ; prov:wasAttributedTo/rdfs:label "ana"',
    ),
    (
        "confirm",
        lambda s: curate.confirm(s, "alibaba", "invested_in", "xiaohongshu"),
        ["curate", "confirm", "alibaba", "invested_in", "xiaohongshu"],
        '?c kg:curationAction "reject"',  # stays false: the fact stays
        '?c kg:curationAction "confirm" ; kg:curatedSubject entity:alibaba ; prov:generatedAtTime ?t . '
        "entity:alibaba kg:invested_in entity:xiaohongshu",
    ),
    (
        "merge",
        lambda s: curate.merge(s, "red cat plan", "xiaohongxing"),
        ["curate", "merge", "red cat plan", "xiaohongxing"],
        # nowhere but in its curation's record
        "GRAPH ?g { { ?x ?p <https://w3id.org/kg-explorer/id/entity/red%20cat%20plan> } UNION "
        "{ <https://w3id.org/kg-explorer/id/entity/red%20cat%20plan> ?p ?x } } FILTER(!STRENDS(STR(?g), '/curations'))",
        'entity:xiaohongshu kg:launched entity:xiaohongxing . entity:xiaohongxing skos:altLabel "Red Cat Plan"',
    ),
    (
        "split-alias",
        lambda s: curate.split_alias(s, "xiaohongshu", "RedNote"),
        ["curate", "split-alias", "xiaohongshu", "RedNote"],
        'entity:xiaohongshu skos:altLabel "RedNote"',
        'entity:rednote a kg:Organization ; rdfs:label "RedNote"',
    ),
    (
        "set-type",
        lambda s: curate.set_type(s, "vipshop", "Place"),
        ["curate", "set-type", "vipshop", "Place"],
        "entity:vipshop a kg:Organization",
        "entity:vipshop a kg:Place",
    ),
    (
        "add-alias",
        lambda s: curate.add_alias(s, "taotian", "淘宝天猫", chinese=True),
        ["curate", "add-alias", "taotian", "淘宝天猫", "--chinese"],
        '?c kg:curationAction "reject"',
        'entity:taotian skos:altLabel "淘宝天猫"@zh',
    ),
    (
        "rename",
        lambda s: curate.rename(s, "jd.com", "JD.com Inc."),
        ["curate", "rename", "jd.com", "JD.com Inc."],
        'entity:jd.com rdfs:label "JD.com"',
        'entity:jd.com rdfs:label "JD.com Inc." ; skos:altLabel "JD.com"',
    ),
    (
        "add-fact",
        lambda s: curate.add_fact(
            s, "vipshop", "partner_of", "xiaohongshu", document="seed-sample", sentence=SENTENCE, date="2025"
        ),
        [
            "curate",
            "add-fact",
            "vipshop",
            "partner_of",
            "xiaohongshu",
            "-d",
            "seed-sample",
            "--sentence",
            SENTENCE,
            "--date",
            "2025",
        ],
        '?c kg:curationAction "reject"',
        f'entity:vipshop kg:partner_of entity:xiaohongshu . ?st rdf:subject entity:vipshop ; kg:source "curation" ; '
        f'kg:date "2025"^^xsd:gYear ; kg:evidence [ kg:sentence "{SENTENCE}" ; '
        "kg:document <https://w3id.org/kg-explorer/id/doc/seed-sample> ]",
    ),
]
PREFIX = "PREFIX entity: <https://w3id.org/kg-explorer/id/entity/>\n"


def holds(settings: Settings, pattern: str) -> bool:
    reader = open_reader(settings)
    return bool(reader.query(PREFIXES + PREFIX + f"ASK {{ {pattern} }}"))


@pytest.mark.parametrize("via", ["library", "cli"])
@pytest.mark.parametrize("name, call, args, gone, made", ACTIONS, ids=[a[0] for a in ACTIONS])
def test_each_action_changes_the_graph(store, via, name, call, args, gone, made):
    was_gone, was_made = holds(store, gone), holds(store, made)
    assert not was_made
    if via == "library":
        done = call(store)
    else:
        result = runner.invoke(cli, [*args, "--store", store.store, "--curator", "ana"])
        assert result.exit_code == 0, result.output
        [done] = curate.read_curations(curations_path(store))
        assert done.id in result.output
    assert done.action == name and done.curator == "ana" and done.at
    assert holds(store, made)
    assert not holds(store, gone)
    assert was_gone or name in ("confirm", "add-alias", "add-fact")


@pytest.mark.parametrize("name, call, args, gone, made", ACTIONS, ids=[a[0] for a in ACTIONS])
def test_undo_restores_the_graph(store, name, call, args, gone, made):
    before = quads(store)
    done = call(store)
    assert quads(store) != before
    undone = curate.undo(store)
    assert undone.target == done.id
    assert quads(store) == before
    assert [r.status for r in curate.listing(store, open_reader(store))] == ["undone", "undo"]


def curate_all(settings: Settings) -> None:
    for _, call, *_ in ACTIONS:
        call(settings)


def test_a_rebuild_from_scratch_gives_the_same_quads(store, tmp_path):
    curate_all(store)
    curated = quads(store)
    assert curate.apply_curations(store) == 0  # each curation applied as made: a full re-application changes nothing
    again = rebuild(store, tmp_path / "rebuilt")
    assert quads(again) == curated
    assert rebuild(store, tmp_path / "rebuilt-twice") and quads(again) == curated


def test_a_curations_file_changed_elsewhere_is_applied_by_the_next_write(store, tmp_path):
    """A teammate's file pulled over the store's (or edited by hand): the next build brings the store in line."""
    other = Settings.load(store=str(tmp_path / "other"), curator="bo")
    build_sample_store(other)
    curate.set_type(other, "vipshop", "Place")
    shutil.copy(curations_path(other), curations_path(store))
    with open_writer(store) as writer:
        curating(writer, store)
    assert holds(store, "entity:vipshop a kg:Place") and not holds(store, "entity:vipshop a kg:Organization")


def test_a_changed_kb_lands_curated(store):
    """A build whose KB files changed writes the KB graph through the curations in force: written once, curated."""
    from kg.build import _kb_graph, _write_kb_if_changed
    from kg.kb import load_kb

    curate.set_type(store, "alibaba", "Place")
    kb = "GRAPH <https://w3id.org/kg-explorer/id/graph/kb> { ?x ?p ?o }"
    before = open_reader(store).query(PREFIXES + f"SELECT (COUNT(*) AS ?n) WHERE {{ {kb} }}")
    with open_writer(store) as writer:
        _write_kb_if_changed(
            writer, store, _kb_graph(load_kb(store))
        )  # the shipped KB, not the sample's: another graph
    after = open_reader(store).query(PREFIXES + f"SELECT (COUNT(*) AS ?n) WHERE {{ {kb} }}")
    assert int(next(after)["n"].value) > int(next(before)["n"].value)
    assert holds(store, "entity:alibaba a kg:Place") and not holds(store, "entity:alibaba a kg:Organization")


@pytest.mark.parametrize("name, call, args, gone, made", ACTIONS, ids=[a[0] for a in ACTIONS])
def test_folding_the_lines_near_the_curated_entities_is_folding_the_whole_graph(store, name, call, args, gone, made):
    """Only the lines naming a curated entity, and those about the nodes they describe, are parsed and folded again
    (kg.curate.apply._near): the quads are the ones a fold of every triple gives."""
    from kg.curate.apply import CURATED_BY, Curations, _parse, curation_node, fold, relevant
    from kg.graphs import graph_node, ntriples

    call(store)
    curations = Curations(store)
    curated = 0
    for sample in sample_documents():
        pristine = ntriples(extraction_quads(sample.extraction))
        todo = relevant(curations.active, curations.present(pristine))
        whole, hits = fold(_parse(pristine), todo, sample.doc.id)
        near, near_hits = curations.document(sample.doc.id, pristine)
        assert near_hits == hits
        if near is None:
            assert not hits
            continue
        curated += 1
        marks = [(graph_node(sample.doc.id), CURATED_BY, curation_node(c)) for c in todo if c.id in hits]
        assert set(_parse(near)) == set(whole + marks)
    assert curated or name in ("add-fact", "add-alias")  # those two change the curations graph only


def test_the_curations_file_is_json_lines_a_person_reads(store):
    curate_all(store)
    lines = curations_path(store).read_text(encoding="utf-8").splitlines()
    records = [json.loads(line) for line in lines]
    assert [r["action"] for r in records] == [a[0] for a in ACTIONS]
    assert all(r["curator"] == "ana" and r["at"].startswith("20") and r["id"] for r in records)
    assert records[0]["subject"] == "jd.com" and records[0]["predicate"] == "partner_of"  # keys, never statement IRIs
    assert not any("statement/" in line for line in lines)


def test_import_merges_and_reports_conflicts(store, tmp_path):
    curate.reject(store, "xiaohongshu", "partner_of", "jd.com")
    theirs = Settings.load(store=str(tmp_path / "theirs"), curator="bo")
    build_sample_store(theirs)
    curate.confirm(theirs, "xiaohongshu", "partner_of", "jd.com", note="the article says so")
    curate.set_type(theirs, "vipshop", "Place")
    exported = tmp_path / "bo.jsonl"
    result = runner.invoke(cli, ["curate", "export", "-o", str(exported), "--store", theirs.store])
    assert result.exit_code == 0, result.output
    result = runner.invoke(cli, ["curate", "import", str(exported), "--store", store.store])
    assert result.exit_code == 2, result.output  # conflicts
    assert "conflict (left out)" in result.output and "1 imported" in result.output
    assert holds(store, "entity:vipshop a kg:Place")
    assert not holds(store, "entity:xiaohongshu kg:partner_of entity:jd.com")  # ours stands
    again = curate.import_curations(store, exported)
    assert not again.added and len(again.duplicates) == 1 and len(again.conflicts) == 1
    taken = curate.import_curations(store, exported, prefer_theirs=True)
    assert [c.action for c in taken.added] == ["confirm"]
    assert holds(store, "entity:xiaohongshu kg:partner_of entity:jd.com")  # theirs now, confirmed


def test_curations_that_match_nothing_after_a_rebuild_are_listed(store, tmp_path):
    curate.reject(store, "xiaohongshu", "partner_of", "jd.com")
    curate.set_type(store, "vipshop", "Place")
    hostile_only = [s for s in sample_documents() if s.doc.id == "hostile"]
    again = rebuild(store, tmp_path / "fewer", hostile_only)
    in_force = curate.active(curate.read_curations(curations_path(again)))
    assert [c.action for c in curate.stale(open_reader(again), in_force)] == [
        "reject",
        "set-type",
    ]  # vipshop is gone too
    result = runner.invoke(cli, ["curations", "--stale", "--store", again.store], env={"KG_CURATIONS": again.curations})
    assert result.exit_code == 1 and "reject" in result.output and "stale" in result.output
    assert len(curate.read_curations(curations_path(again))) == 2  # listed, never dropped
    assert runner.invoke(cli, ["curations", "--stale", "--store", store.store]).exit_code == 0


@pytest.mark.parametrize(
    "args, named",
    [
        (["curate", "reject", "nobody", "partner_of", "jd.com"], "'nobody'"),
        (["curate", "reject", "xiaohongshu", "friend_of", "jd.com"], "'friend_of'"),
        (["curate", "reject", "xiaohongshu", "owns", "jd.com"], "no fact xiaohongshu owns jd.com"),
        (["curate", "set-type", "vipshop", "Robot"], "'Robot'"),
        (["curate", "merge", "vipshop", "vipshop"], "'vipshop' into itself"),
        (["curate", "split-alias", "xiaohongshu", "Weibo"], "'Weibo' is not a name"),
        (
            ["curate", "add-fact", "vipshop", "owns", "jd.com", "-d", "seed-sample", "--start", "0", "--end", "99999"],
            "[0:99999]",
        ),
        (
            ["curate", "add-fact", "vipshop", "owns", "jd.com", "-d", "seed-sample", "--sentence", "Never said."],
            "'Never said.'",
        ),
        (
            ["curate", "add-fact", "vipshop", "owns", "jd.com", "-d", "no-such-doc", "--sentence", SENTENCE],
            "'no-such-doc'",
        ),
        (["curate", "add-fact", "vipshop", "owns", "jd.com", "--url", "javascript:alert(1)"], "'javascript:alert(1)'"),
        (["curate", "undo", "c000"], "'c000'"),
    ],
)
def test_bad_input_names_the_value_and_the_fix(store, args, named):
    result = cli_run(store, *args)
    assert result.exit_code == 1
    assert named in result.output and ";" in result.output  # the value, then what to do
    assert not curate.read_curations(curations_path(store))


def test_a_merged_entity_is_named_by_its_merge(store):
    done = curate.merge(store, "red cat plan", "xiaohongxing")
    with pytest.raises(curate.CurationError, match=f"merged into 'xiaohongxing' \\(curation {done.id}\\)"):
        curate.set_type(store, "red cat plan", "Event")


def test_the_same_decision_twice_is_refused(store):
    curate.confirm(store, "alibaba", "invested_in", "xiaohongshu")
    with pytest.raises(curate.CurationError, match="already curated so"):
        curate.confirm(store, "alibaba", "invested_in", "xiaohongshu")


def test_promote_writes_a_kb_file_the_kb_loads(store, tmp_path):
    from kg.kb import load_kb

    curate.merge(store, "red cat plan", "xiaohongxing")
    curate.add_alias(store, "vipshop", "唯品会", chinese=True)
    curate.set_type(store, "vipshop", "Organization")
    curate.rename(store, "alibaba", "Alibaba Group")  # a KB entity: promoted by hand
    out = tmp_path / "mine.yaml"
    result = runner.invoke(cli, ["curate", "promote", "--to", str(out), "--store", store.store])
    assert result.exit_code == 0, result.output
    assert "not promoted: alibaba" in result.output
    kb = load_kb(store.replace(kb_paths=str(out)))
    assert kb.entities["xiaohongxing"].aliases == ("Red Cat Plan",)
    assert kb.lookup("唯品会").id == "vipshop" and kb.entities["vipshop"].type == "Organization"


def test_curations_listing_shows_who_when_why(store):
    curate.reject(store, "xiaohongshu", "partner_of", "jd.com", note="a sales tie-up")
    curate.undo(store)
    curate.confirm(store, "alibaba", "invested_in", "xiaohongshu")
    result = cli_run(store, "curations")
    assert result.exit_code == 0
    assert "confirm" in result.output and "reject" not in result.output
    every = cli_run(store, "curations", "--all", "--json")
    rows = [json.loads(line) for line in every.output.splitlines() if line.startswith("{")]
    assert [(r["action"], r["status"]) for r in rows] == [("reject", "undone"), ("undo", "undo"), ("confirm", "active")]
    assert rows[0]["note"] == "a sales tie-up" and rows[0]["curator"] == "ana"


def test_review_queue_lists_doubtful_facts_and_look_alikes(store):
    from kg.explore.claims import claim_index
    from kg.explore.review import facts_to_review
    from kg.explore.statements import statement_graph

    reader = open_reader(store)
    queue = facts_to_review(statement_graph(reader), claim_index(reader).claims, threshold=0.7)
    low = [f for f in queue if "low confidence" in f.reasons]
    assert [(f.subject, f.predicate, f.object) for f in low] == [("jd.com", "competes_with", "vipshop")]
    assert all("single source" in f.reasons for f in queue)  # one article each
    curate.confirm(store, "jd.com", "competes_with", "vipshop")
    decided = curate.curation_index(curate.read_curations(curations_path(store))).facts
    reader = open_reader(store)
    after = facts_to_review(statement_graph(reader), claim_index(reader).claims, threshold=0.7, decided=decided)
    assert not [f for f in after if "low confidence" in f.reasons]


# --- the app (AppTest) ------------------------------------------------------------------------------------


@pytest.fixture
def app(store, monkeypatch):
    monkeypatch.setenv("KG_STORE", store.store)
    monkeypatch.setenv("KG_CURATOR", "ana")

    return open_app_page


def button(at: AppTest, prefix: str):
    return next(b for b in at.button if b.key and b.key.startswith(prefix))


def test_entity_page_rejects_a_fact_in_place_and_undoes_it(app, store):
    at = app("entity", entity="jd.com")
    rows = [p.value for p in at.page_link if p.value.startswith("Vipshop —")]
    assert rows
    button(at, "reject:").click().run()
    assert not at.exception
    assert any("reject recorded" in s.value for s in at.success)
    assert not holds(store, "entity:jd.com kg:competes_with entity:vipshop")
    assert not [p.value for p in at.page_link if p.value.startswith("Vipshop —")]
    assert any("1 curation(s)" in c.value for c in at.caption)
    at.toggle(key="correcting:jd.com").set_value(True).run()
    assert any("rejected by ana" in c.value for c in at.caption)
    button(at, "undo:jd.com:").click().run()
    assert holds(store, "entity:jd.com kg:competes_with entity:vipshop")


def test_entity_page_confirms_a_fact_and_shows_who(app, store):
    at = app("entity", entity="jd.com")
    at.text_input(key=next(t.key for t in at.text_input if t.key.startswith("note:"))).input("checked the filing")
    button(at, "confirm:").click().run()
    assert any("confirmed by ana" in c.value and "checked the filing" in c.value for c in at.caption)


@pytest.mark.parametrize(
    "action, field, value, pattern",
    [
        ("set-type", "type:vipshop", "Place", "entity:vipshop a kg:Place"),
        ("add-alias", "alias:vipshop", "VIP.com", 'entity:vipshop skos:altLabel "VIP.com"'),
        ("rename", "label:vipshop", "Vipshop Holdings", 'entity:vipshop rdfs:label "Vipshop Holdings"'),
        ("merge", "into:vipshop", "jd.com", 'entity:jd.com skos:altLabel "Vipshop"'),
    ],
)
def test_entity_page_corrects_the_entity(app, store, action, field, value, pattern):
    at = app("entity", entity="vipshop")
    at.toggle(key="correcting:vipshop").set_value(True).run()
    widget = at.selectbox(key=field) if field.startswith("type:") else at.text_input(key=field)
    (widget.set_value(value) if field.startswith("type:") else widget.input(value)).run()
    button(at, f"{action}:").click().run()
    assert not at.exception and not at.error, [e.value for e in at.error]
    assert holds(store, pattern)


def test_entity_page_splits_an_alias_off(app, store):
    from kg.explore.entity import entity_info

    info = entity_info(open_reader(store), "xiaohongshu")
    assert info is not None
    at = app("entity", entity="xiaohongshu")
    at.toggle(key="correcting:xiaohongshu").set_value(True).run()
    button(at, f"split:xiaohongshu:{info.aliases.index('RedNote')}").click().run()
    assert not at.exception and not at.error, [e.value for e in at.error]
    assert holds(store, 'entity:rednote a kg:Organization ; rdfs:label "RedNote"')
    assert not holds(store, 'entity:xiaohongshu skos:altLabel "RedNote"')


def test_entity_page_adds_a_missed_fact_citing_a_sentence(app, store):
    at = app("entity", entity="vipshop")
    at.toggle(key="correcting:vipshop").set_value(True).run()
    at.checkbox(key="addfact:vipshop").check().run()
    at.selectbox(key="fpred:vipshop").set_value("partner_of")
    at.text_input(key="fother:vipshop").input("xiaohongshu")
    at.selectbox(key="fdoc:vipshop").set_value("seed-sample")
    at.text_input(key="fsent:vipshop").input(SENTENCE).run()
    button(at, "add-fact:vipshop").click().run()
    assert not at.exception and not at.error, [e.value for e in at.error]
    assert holds(
        store,
        'entity:vipshop kg:partner_of entity:xiaohongshu . ?st kg:source "curation" ; rdf:subject entity:vipshop ; '
        f'kg:evidence/kg:sentence "{SENTENCE}"',
    )


@pytest.mark.parametrize(
    "decision, pattern",
    [
        ("rv-merge-ab", 'entity:xiaohongshu skos:altLabel "Little Red Book"'),
        ("rv-merge-ba", '<https://w3id.org/kg-explorer/id/entity/little%20red%20book> skos:altLabel "Xiaohongshu"'),
        ("rv-apart", '?c kg:curationAction "distinct" ; kg:curatedEntity entity:xiaohongshu'),
    ],
)
def test_review_page_decides_look_alikes(app, store, decision, pattern):
    curate.split_alias(store, "xiaohongshu", "Little Red Book")  # "Little Red Book": Xiaohongshu's English calque
    at = app("review", list="look-alikes")
    assert {m.label: m.value for m in at.metric}["Look-alike entities"] == "1"
    button(at, f"{decision}:little red book|xiaohongshu").click().run()
    assert not at.exception and not at.error, [e.value for e in at.error]
    assert holds(store, pattern)
    assert {m.label: m.value for m in at.metric}["Look-alike entities"] == "0"


def test_entity_page_says_what_is_wrong(app, store):
    at = app("entity", entity="vipshop")
    at.toggle(key="correcting:vipshop").set_value(True).run()
    at.text_input(key="into:vipshop").input("nobody").run()
    button(at, "merge:").click().run()
    assert at.error and "nobody" in at.error[0].value
    assert not curate.read_curations(curations_path(store))


def test_review_page_counts_and_decides_fast(app, store):
    at = app("review")
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Low confidence"] == "1" and int(metrics["Single source"]) >= 6
    button(at, "rv-reject:jd.com|competes_with|vipshop").click().run()
    assert not at.exception
    assert not holds(store, "entity:jd.com kg:competes_with entity:vipshop")
    assert {m.label: m.value for m in at.metric}["Low confidence"] == "0"
    at.segmented_control(key="list").set_value("look-alikes").run()
    assert at.query_params["list"] == "look-alikes"


# --- a real build (the spaCy pipeline) ----------------------------------------------------------------------


def cited(settings: Settings, start: str, end: str) -> tuple[str, str]:
    """(document id, sentence) of the only document, from ``start`` to ``end`` in its stored text."""
    from kg.curate.apply import document_text

    reader = open_reader(settings)
    [doc] = reader.documents()
    text = document_text(reader, doc.id)
    at = text.index(start)
    return doc.id, text[at : text.index(end, at) + len(end)]


def curate_the_seed(settings: Settings) -> None:
    """The four corrections of the issue's journey, on the seed article's graph."""
    doc, sentence = cited(settings, "Specifically, the", "transaction.")
    curate.reject(settings, "louis-vuitton", "operates_on", "xiaohongshu", note="a brand, not a seller")
    curate.merge(settings, "number store integration", "home store opening program")
    curate.set_type(settings, "comment area link", "Other")
    curate.add_fact(settings, "tmall", "partner_of", "xiaohongshu", document=doc, sentence=sentence)


@pytest.mark.model
def test_kg_build_reapplies_curations_to_the_same_quads(seed_store, tmp_path):
    from kg.build import build
    from tests.conftest import SEED_ARTICLE

    settings = seed_store.replace(store=str(tmp_path / "store"), curator="ana")
    shutil.copytree(seed_store.store, settings.store)
    curate_the_seed(settings)
    curated = quads(settings)
    assert not curate.stale(open_reader(settings), curate.active(curate.read_curations(curations_path(settings))))
    assert build(settings).unchanged and quads(settings) == curated  # nothing to write: nothing changes
    again = settings.replace(store=str(tmp_path / "again"), curations=str(curations_path(settings)))
    assert build(again).added == [str(Path(seed_store.corpus) / SEED_ARTICLE.name)]
    assert quads(again) == curated  # from scratch: every curation re-applied, the same quads
    edited = tmp_path / "edited"
    edited.mkdir()
    (edited / SEED_ARTICLE.name).write_text(
        SEED_ARTICLE.read_text(encoding="utf-8") + "\nA closing line.\n", encoding="utf-8"
    )
    changed = settings.replace(store=str(tmp_path / "changed"), curations=str(curations_path(settings)))
    build(changed, [edited])  # a changed article is curated as it is written; the cited text has moved: stale
    stale = curate.stale(open_reader(changed), curate.active(curate.read_curations(curations_path(changed))))
    assert [c.action for c in stale] == ["add-fact"]
    assert not holds(changed, "entity:louis-vuitton kg:operates_on entity:xiaohongshu")
