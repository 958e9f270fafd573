"""One claim, many reports (kg.explore.claims): grouping, sources, reporting dates, conflicts, the as-of view,
the jsonl fields, the entity page's badges and the SPARQL examples, on articles written for it
(tests/data/corroboration/: three events, each reported by three publishers on different days; the Meituan–Lalamove
deal is dated June 12 by two of them and June 19 by the third)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kg.corpus import split_front_matter
from kg.explore.claims import (
    Report,
    best_per_document,
    claim_badge,
    claim_index,
    claim_key,
    claims,
    compatible_dates,
    declarative_rank,
    find_conflicts,
    group_reports,
    published_by,
    reported_as_of,
    source_name,
)
from kg.settings import Settings
from tests.conftest import open_app_page

CORPUS = Path(__file__).parent / "data" / "corroboration"
#: Each event's articles (by file-name prefix) and the claim they all report.
EVENTS = {
    "tencent-zhihu": ("tencent", "invested_in", "zhihu"),
    "meituan-lalamove": ("meituan", "acquired", "lalamove"),
    "jd-xiaohongshu": ("jd", "partner_of", "xiaohongshu"),
}
#: SPARQL examples that need a claim reported by several sources: the sample and seed graphs have none, so
#: tests/test_explore_entity.py and tests/test_backends.py let them answer nothing there; here they must answer.
NEEDS_SEVERAL_SOURCES = frozenset({"claims-several-sources", "conflicting-claims"})


def front_matter(prefix: str) -> list[dict]:
    """The front matter of an event's articles, as written."""
    return [split_front_matter(p.read_text(encoding="utf-8"))[0] for p in sorted(CORPUS.glob(f"{prefix}-*.md"))]


def published_where(phrase: str) -> set[str]:
    """The publication dates of the articles whose text holds ``phrase``."""
    found = (split_front_matter(p.read_text(encoding="utf-8")) for p in CORPUS.glob("*.md"))
    return {meta["published"].iso for meta, body in found if phrase in body}


def expected_source(meta: dict) -> str:
    """A publisher as the articles' front matter gives it (its source, else its URL's host), read independently."""
    return meta.get("source") or meta["url"].split("/")[2].removeprefix("www.")


# --- pure functions, no store --------------------------------------------------------------------------------


def report(
    doc: str,
    date: str | None = None,
    *,
    source: str | None = None,
    reported: str | None = "2025-01-01",
    role: str | None = None,
    amount: tuple[float, str] | None = None,
    inferred: bool = False,
) -> Report:
    return Report(f"st-{doc}-{date}", doc, source or doc.upper(), reported, date, inferred, role, amount)


@pytest.mark.parametrize(
    "predicate, reports, conflict",
    [
        ("acquired", [report("a", "2025-06-12"), report("b", "2025-06-19")], "date: 2025-06-12 (A) vs 2025-06-19 (B)"),
        ("acquired", [report("a", "2025"), report("b", "2025-06-19")], None),  # a year fits its days
        ("acquired", [report("a", "2025-06-12"), report("a", "2025-06-19")], None),  # one document: not across reports
        ("owns", [report("a", "2020"), report("b", "2023")], None),  # a state holds at both times
        (
            "acquired",
            [report("a", "2025-06-12", inferred=True), report("b", "2025-07-01")],
            "date: 2025-06-12 (year inferred) (A) vs 2025-07-01 (B)",
        ),
        (
            "invested_in",
            [report("a", amount=(5e8, "USD")), report("b", amount=(6e8, "USD"))],
            "amount: 500000000 USD (A) vs 600000000 USD (B)",
        ),
        ("invested_in", [report("a", amount=(5e8, "USD")), report("b", amount=(5e8, "USD"))], None),
        ("leads", [report("a", role="CEO"), report("b", role="chairman")], "role: ceo (A) vs chairman (B)"),
        ("leads", [report("a", role="CEO"), report("b", role="ceo")], None),
    ],
)
def test_conflicts_are_differences_across_documents(predicate, reports, conflict):
    assert find_conflicts(predicate, reports) == ((conflict,) if conflict else ())


def test_a_claim_groups_its_reports():
    reports = [
        report("b", "2025-06-19", source="TechNode", reported="2025-06-20"),
        report("a", "2025-06-12", source="36Kr", reported="2025-06-13"),
        report("c", "2025-06-12", source="36Kr", reported=None),
    ]
    claim = group_reports("meituan", "acquired", "lalamove", reports)
    assert (claim.documents, claim.sources, claim.first_reported, claim.last_reported) == (
        3,
        ("36Kr", "TechNode"),
        "2025-06-13",
        "2025-06-20",
    )
    assert claim.event_dates == (("a", "2025-06-12"), ("b", "2025-06-19"), ("c", "2025-06-12"))  # undated report last
    assert claim_badge(claim) == "2 sources · first reported 2025-06-13 · conflicting"
    earlier = claim.known_as_of("2025-06-15")
    assert earlier is not None and earlier.documents == 1 and not earlier.conflicts
    assert claim.known_as_of("2025-06-12") is None


@pytest.mark.parametrize(
    "reported, as_of, known",
    [
        ("2025-05-07", "2025-05-07", True),
        ("2025-05-08", "2025-05-07", False),
        ("2025-05", "2025-05-07", True),
        ("2024-12-31", "2024", True),
        ("2025-01-01", "2024", False),
        (None, "2099", False),
    ],
)
def test_published_by(reported, as_of, known):
    assert published_by(reported, as_of) is known


@pytest.mark.parametrize(
    "source, url, expected",
    [
        ("Caixin Global", "https://www.caixinglobal.com/x", "Caixin Global"),
        (None, "https://WWW.Reuters.com/x", "reuters.com"),
        ("  ", "http://36kr.com:8080/p", "36kr.com"),
        (None, None, "doc-1"),
    ],
)
def test_source_name(source, url, expected):
    assert source_name(source, url, "doc-1") == expected


def test_a_symmetric_claim_is_one_whichever_way_round():
    assert claim_key("xiaohongshu", "partner_of", "jd") == claim_key("jd", "partner_of", "xiaohongshu")
    assert claim_key("xiaohongshu", "owns", "jd") != claim_key("jd", "owns", "xiaohongshu")
    assert compatible_dates("2025-05", "2025-05-07") and not compatible_dates("2025-05", "2025-06")


class Ev:
    def __init__(self, document: str, sentence: str):
        self.document, self.sentence = document, sentence


def test_one_declarative_sentence_per_document_first():
    statement, hedge, question = (
        "JD.com partnered with Xiaohongshu.",
        "JD.com may partner with Xiaohongshu.",
        "Will JD.com partner with Xiaohongshu?",
    )
    first, rest = best_per_document([Ev("a", question), Ev("a", hedge), Ev("b", hedge), Ev("a", statement)])
    assert [(e.document, e.sentence) for e in first] == [("a", statement), ("b", hedge)]
    assert [e.sentence for e in rest] == [hedge, question]
    assert declarative_rank(statement) < declarative_rank(hedge) < declarative_rank(question)


# --- a store built from the corroboration articles -----------------------------------------------------------


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Settings:
    from kg.build import build

    base = tmp_path_factory.mktemp("corroboration")
    shutil.copytree(CORPUS, base / "corpus")
    settings = Settings.load(store=str(base / "store"), corpus=str(base / "corpus"))
    report = build(settings)
    assert report.ok and len(report.added) == len(list(CORPUS.glob("*.md"))), report
    return settings


@pytest.fixture(scope="module")
def reader(store):
    from kg.store import open_reader

    return open_reader(store)


@pytest.mark.model
@pytest.mark.parametrize("prefix", EVENTS)
def test_each_event_is_one_claim_with_its_sources_and_reporting_dates(reader, prefix):
    metas = front_matter(prefix)
    [claim] = [c for c in claims(reader) if c.key == claim_key(*EVENTS[prefix])]
    published = sorted(m["published"].iso for m in metas)
    assert claim.documents == len(metas) >= 3
    assert set(claim.sources) == {expected_source(m) for m in metas}
    assert (claim.first_reported, claim.last_reported) == (published[0], published[-1])
    assert [c.key for c in claims(reader, EVENTS[prefix][0]) if c.key == claim.key] == [claim.key]  # by entity
    assert bool(claim.conflicts) is (prefix == "meituan-lalamove")


@pytest.mark.model
def test_the_conflicting_date_is_flagged_with_who_says_what(reader):
    [claim] = claims(reader, "lalamove", conflicting=True)
    says = {(m["published"].iso, expected_source(m)) for m in front_matter("meituan-lalamove")}
    [conflict] = claim.conflicts
    assert conflict.startswith("date: 2025-06-12 (") and " vs 2025-06-19 (" in conflict
    june_19 = conflict.split(" vs ")[1]
    assert [s for _, s in says if s in june_19] == ["TechNode"]  # the one article that says June 19
    assert sorted(str(d) for _, d in claim.event_dates) == ["2025-06-12", "2025-06-12", "2025-06-19"]


@pytest.mark.model
def test_jsonl_relation_records_carry_their_claim(reader):
    from kg.export import jsonl_records

    index = claim_index(reader)
    relations = [r for r in jsonl_records(reader) if r["kind"] == "relation"]
    for prefix, key in EVENTS.items():
        claim = index.claims[claim_key(*key)]
        records = [r for r in relations if r["id"] in claim.statements]
        assert len(records) == len(claim.statements) >= 3, prefix
        for r in records:
            assert (r["documents"], r["sources"], r["first_reported"], r["last_reported"]) == (
                claim.documents,
                sorted({expected_source(m) for m in front_matter(prefix)}),
                claim.first_reported,
                claim.last_reported,
            )
            assert bool(r["conflicts"]) is (prefix == "meituan-lalamove")
    assert all(r["documents"] == 0 and r["sources"] == [] for r in relations if r["source"] == "kb")


@pytest.mark.model
def test_each_report_keeps_its_own_date_and_evidence(reader):
    """The statements of one claim are the documents' own: each with its article's date and sentences."""
    from kg.explore.entity import relation_rows

    claim = claim_index(reader).claims[claim_key(*EVENTS["meituan-lalamove"])]
    rows = {r.statement: r for r in relation_rows(reader, claim.statements)}
    for rep in claim.reports:
        row = rows[rep.statement]
        assert row.date == rep.date and {e.document for e in row.evidence} == {rep.document}
        # a sentence gives that day (the headline, evidence too, states the fact without it)
        assert any(str(rep.date)[-2:].lstrip("0") in e.sentence for e in row.evidence)


@pytest.mark.model
@pytest.mark.parametrize(
    "second, dates",
    [
        # a second sentence whose own clause dates the fact: a report of its own, with its date and its sentence
        ("In 2021, regulators fined Meituan, and Alibaba invested in Xiaohongshu.", {"2018-06": 1, "2021": 1}),
        ("Later, in 2021, when Alibaba invested in Xiaohongshu again, Tencent followed.", {"2018-06": 1, "2021": 1}),
        # a date elsewhere in the sentence (the filing's, not the investment's) is no date of the fact: the report
        # joins the clause-dated one with its sentence, rather than becoming an investment of March 2021
        ("Alibaba invested in Xiaohongshu, the company said in a filing dated March 2021.", {"2018-06": 2}),
    ],
)
def test_in_one_document_each_clause_dated_report_keeps_its_date(extract_text, second, dates):
    """Inside one document, two reports of one fact whose own clauses give different dates stay two statements,
    each with its own sentence; a report dated only by a guess from elsewhere in its sentence joins the clause-dated
    one (docs/graph-model.md#claims-and-the-two-time-axes)."""
    first = "In June 2018, Alibaba invested in Xiaohongshu."
    found = [
        r
        for r in extract_text(f"{first} {second}").relations
        if (r.subject, r.predicate, r.object) == ("alibaba", "invested_in", "xiaohongshu")
    ]
    assert {r.date.iso if r.date else None: len(r.evidence) for r in found} == dates
    by_date = {r.date.iso: {e.sentence for e in r.evidence} for r in found if r.date}
    assert first in by_date["2018-06"]
    if "2021" in dates:
        assert by_date["2021"] == {second}


@pytest.mark.model
@pytest.mark.parametrize(
    "as_of, documents", [("2025-03-04", 1), ("2025-04-09", 2), ("2025-04-10", 3), ("2025-03-03", 0)]
)
def test_as_of_keeps_what_was_published_by_then(reader, as_of, documents):
    known = {c.key: c for c in claims(reader, as_of=as_of)}
    tencent = known.get(claim_key(*EVENTS["tencent-zhihu"]))
    assert (tencent.documents if tencent else 0) == documents
    assert all(c.last_reported is not None and c.last_reported <= as_of for c in known.values())


@pytest.mark.model
def test_as_of_on_the_statement_graph_and_the_timeline(reader):
    from kg.explore.statements import statement_graph
    from kg.explore.timeline import timeline_items

    G, index = statement_graph(reader), claim_index(reader)
    early = reported_as_of(G, index, "2025-06-15")
    kept = {n for _, _, n in early.edges(keys=True)}
    assert kept and kept < {n for _, _, n in G.edges(keys=True)}
    articles = [n for _, _, n, d in early.edges(keys=True, data=True) if not d["kb"]]
    assert articles and all(published_by(index.reported(n), "2025-06-15") for n in articles)
    lalamove = {n for s, o, n in early.edges(keys=True) if "lalamove" in (s, o)}
    assert len(lalamove) == 1  # only 36Kr's report had been published
    event_axis = timeline_items(reader, "lalamove", limit=50, as_of="2025-06-15")
    assert {i.date for i in event_axis.items if i.kind == "relation"} == {"2025-06-12"}
    reported_axis = timeline_items(reader, "lalamove", limit=50, axis="reported")
    assert {i.date for i in reported_axis.items if i.kind == "relation"} == {
        m["published"].iso for m in front_matter("meituan-lalamove")
    }
    # an undated relation has a place on the reporting axis only: its article's publication date
    leads = {i.date for i in timeline_items(reader, "wang-xing", limit=50, axis="reported").items if i.type == "leads"}
    assert leads == published_where("Wang Xing, the chief executive of Meituan")
    assert not [i for i in timeline_items(reader, "wang-xing", limit=50).items if i.type == "leads"]
    with pytest.raises(ValueError, match="unknown time axis 'x'"):
        timeline_items(reader, axis="x")


@pytest.mark.model
@pytest.mark.parametrize("example", ["claims-several-sources", "conflicting-claims", "known-as-of"])
def test_the_claim_examples_agree_with_the_claims_and_repeat_no_row(store, reader, example):
    from kg.explore.console import load_examples
    from kg.explore.search import build_label_index
    from kg.query import run_user_query

    [query] = [e.query for e in load_examples() if e.id == example]
    result = run_user_query(query, store)
    rows = [tuple(t.value if t is not None else None for t in row) for row in result.rows]
    assert rows and len(set(rows)) == len(rows)
    labels = {e.key: e.label for e in build_label_index(reader).entities.values()}
    named = {(r[0], r[1], r[2]) for r in rows}
    if example == "claims-several-sources":
        expected = claims(reader, min_sources=2)
    elif example == "conflicting-claims":
        expected = claims(reader, conflicting=True)
    else:  # what was known about Xiaohongshu on 31 May 2025: two of the three JD–Xiaohongshu articles
        expected = claims(reader, "xiaohongshu", as_of="2025-05-31")
    assert named == {(labels[c.subject], c.predicate, labels[c.object]) for c in expected}
    if example == "claims-several-sources":
        assert {(r[0], r[3]) for r in rows} == {(labels[c.subject], str(len(c.sources))) for c in expected}


CLAIM_FIELDS = """SELECT ?s ?p ?o ?k ?v WHERE { GRAPH <https://w3id.org/kg-explorer/id/graph/claims> {
  ?c kg:claimSubject ?s ; kg:claimPredicate ?p ; kg:claimObject ?o ; ?k ?v } }"""


def stored_claims(reader) -> dict:
    """The claims graph, read back: claim key → {field local name: sorted values}."""
    from kg.explore.terms import PREFIXES, entity_key, local_name

    found: dict = {}
    for s, p, o, k, v in reader.query(PREFIXES + CLAIM_FIELDS):
        fields = found.setdefault((entity_key(s), local_name(p), entity_key(o)), {})
        fields.setdefault(local_name(k), []).append(v.value)
    return {key: {k: sorted(v) for k, v in fields.items()} for key, fields in found.items()}


@pytest.mark.model
def test_the_claims_graph_holds_every_claim_of_two_documents_as_grouped(reader):
    stored = stored_claims(reader)
    index = claim_index(reader)
    several = {key: c for key, c in index.claims.items() if c.documents >= 2}
    assert set(stored) == set(several) >= {claim_key(*key) for key in EVENTS.values()}
    for key, c in several.items():
        fields = stored[key]
        assert fields["documentCount"] == [str(c.documents)] and fields["sourceCount"] == [str(len(c.sources))]
        assert fields["reportedBy"] == sorted(c.sources)
        assert (fields["firstReported"], fields["lastReported"]) == ([c.first_reported], [c.last_reported])
        assert fields["eventDate"] == sorted({d for _, d in c.event_dates if d})
        assert fields.get("conflict", []) == sorted(c.conflicts)


@pytest.mark.model
def test_the_claims_graph_follows_curations_and_removals(store, tmp_path):
    from kg import curate
    from kg.build import remove_document
    from kg.store import open_reader

    copy = store.replace(store=str(tmp_path / "store"), curations=str(tmp_path / "curations.jsonl"))
    shutil.copytree(store.store, copy.store)
    deal = claim_key(*EVENTS["meituan-lalamove"])
    assert deal in stored_claims(open_reader(copy))
    curate.reject(copy, *deal)
    assert deal not in stored_claims(open_reader(copy))
    curate.undo(copy)
    assert stored_claims(open_reader(copy))[deal]["documentCount"] == ["3"]
    [doc] = [d.id for d in open_reader(copy).documents() if d.source_path.endswith("meituan-lalamove-bloomberg.md")]
    remove_document(copy, doc)
    assert stored_claims(open_reader(copy))[deal]["documentCount"] == ["2"]


@pytest.mark.model
def test_entity_page_shows_badges_and_conflicts(store, reader, monkeypatch):

    from kg.explore.highlight import md

    monkeypatch.setenv("KG_STORE", store.store)
    at = open_app_page("entity", entity="meituan")
    shown = "\n".join(m.value for m in at.markdown)
    first = min(m["published"].iso for m in front_matter("meituan-lalamove"))
    assert f"3 sources · first reported {first} · conflicting" in shown
    [claim] = claims(reader, "meituan", conflicting=True)
    assert all(f":red-background[{md(c)}]" in shown for c in claim.conflicts)


@pytest.mark.model
@pytest.mark.parametrize(
    "params", [{}, {"as_of": "2025-06-15"}, {"axis": "reported"}, {"axis": "reported", "as_of": "2025-06-30"}]
)
def test_timeline_page_axes_and_as_of(store, reader, monkeypatch, params):
    from kg.explore.timeline import timeline_items

    monkeypatch.setenv("KG_STORE", store.store)
    at = open_app_page("timeline", entity="lalamove", **params)
    found = timeline_items(reader, "lalamove", limit=Settings.load().timeline_limit, **params)
    assert any(m.value.startswith(f"**{found.total}** dated facts") for m in at.markdown)
    [table] = at.dataframe
    assert sorted(table.value["date"]) == sorted(i.date for i in found.items)
    assert all(at.query_params.get(k) in (v, [v]) for k, v in params.items())  # the view stays in the URL
    if params.get("axis") == "reported":
        published = {m["published"].iso for m in front_matter("meituan-lalamove")}
        assert set(table.value["date"]) <= published


@pytest.mark.model
@pytest.mark.parametrize("as_of", [None, "2025-06-15", "2025-01-01"])
def test_graph_page_as_of(store, reader, monkeypatch, as_of):
    from kg.explore.neighbourhood import GraphFilter, neighbourhood
    from kg.explore.statements import statement_graph

    monkeypatch.setenv("KG_STORE", store.store)
    at = open_app_page("graph", entity="meituan", **({"as_of": as_of} if as_of else {}))
    G = statement_graph(reader)
    known = reported_as_of(G, claim_index(reader), as_of) if as_of else G
    sub = neighbourhood(reader, "meituan", GraphFilter(), Settings.load(), statements=known)
    assert any(f"**{len(sub.nodes)}** nodes · **{len(sub.edges)}** edges" in m.value for m in at.markdown)
    assert len(sub.nodes) == 1 + len(
        {o for _, o in known.out_edges("meituan")} | {s for s, _ in known.in_edges("meituan")}
    )


@pytest.mark.model
def test_claims_from_the_statement_graph_are_the_claims_from_the_store(reader):
    from kg.explore.statements import statement_graph

    alone = claim_index(reader)
    assert claim_index(reader, statements=statement_graph(reader)) == alone and alone.claims
