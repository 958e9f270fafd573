"""The entity page on a generated hub: bounded lists with true counts, relation groups ranked best
first and paged without gaps or repeats, and hand-edited page numbers clamped (kg.explore.entity and
the entity page in AppTest)."""

from __future__ import annotations

import itertools

import networkx as nx
import pyoxigraph as ox
import pytest
from streamlit.testing.v1 import AppTest

from kg.explore import entity, timeline
from kg.explore.comentions import comention_index
from kg.explore.highlight import md
from kg.explore.search import build_label_index
from kg.explore.statements import statement_graph
from kg.explore.terms import KG_NS, PREFIXES, entity_key, entity_node, local_name
from kg.labels import refresh_labels
from kg.model import (
    CoMention,
    Document,
    Entity,
    EventRecord,
    Evidence,
    Extraction,
    Mention,
    PartialDate,
    Participant,
    Quantity,
    Relation,
)
from kg.rdf import extraction_quads
from kg.settings import Settings
from kg.store import open_reader, open_writer
from kg.vocab import KB_GRAPH
from tests.conftest import open_app_page

HUB = "hub co"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
DOCUMENTS = 4
# (relation, hub is the subject, how many statements): more than a page of each of several sizes
GROUPS = [("partner_of", True, 23), ("invested_in", False, 7), ("owns", True, 3)]
QUANTITIES = 25
COMENTIONED = 30
EVENTS = 4


def _confidence(i: int) -> float:
    return round(0.5 + (i % 4) / 10, 2)  # 0.5 … 0.8: ties, so the date decides within them


def _date(i: int) -> PartialDate | None:
    return None if i % 5 == 4 else PartialDate.parse(f"{2015 + i % 9}-{1 + i % 12:02d}")


def hub_extractions() -> list[Extraction]:
    """A hub named in DOCUMENTS articles: the GROUPS relations, QUANTITIES figures, COMENTIONED
    co-mentioned entities and EVENTS events, spread over the articles (so its label is in each graph)."""
    sentences: list[list[tuple]] = [[] for _ in range(DOCUMENTS)]  # per document: (kind, data)
    for predicate, outgoing, count in GROUPS:
        for i in range(count):
            sentences[i % DOCUMENTS].append(("relation", predicate, outgoing, i))
    for i in range(QUANTITIES):
        sentences[i % DOCUMENTS].append(("quantity", i))
    for i in range(COMENTIONED):
        sentences[i % DOCUMENTS].append(("comention", i))
    for i in range(EVENTS):
        sentences[i % DOCUMENTS].append(("event", i))
    out = []
    for d, items in enumerate(sentences):
        text, spans = "", []
        for item in items:
            other = f"{item[1]} {item[3]}" if item[0] == "relation" else f"{item[0]} {item[1]}"
            sentence = f"Hub Co and Other {other} did something."
            spans.append((len(text), sentence, other))
            text += sentence + " "
        doc = Document(
            id=f"hub-{d}",
            text=text.strip(),
            title=f"Hub article {d}",
            source_path=f"hub-{d}.md",
            published=PartialDate.parse("2025-01"),
            content_hash=f"sha256-hub-{d}",
        )
        ex = Extraction(document=doc)
        ex.entities[HUB] = Entity(HUB, "Hub Co", "Organization")
        for item, (start, sentence, other) in zip(items, spans, strict=True):
            key = f"other {other}"
            ex.entities[key] = Entity(key, f"Other {other}", "Organization")
            hub_span, other_span = (start, start + 6), (start + 11, start + 17 + len(other))
            ex.mentions += [Mention(*hub_span, "Hub Co", HUB), Mention(*other_span, f"Other {other}", key)]
            ev = Evidence(doc.id, sentence, start, start + len(sentence), subject_span=hub_span, object_span=other_span)
            if item[0] == "relation":
                _, predicate, outgoing, i = item
                ex.relations.append(
                    Relation(
                        HUB if outgoing else key,
                        predicate,
                        key if outgoing else HUB,
                        [ev],
                        f"test.{predicate}",
                        _confidence(i),
                        date=_date(i),
                    )
                )
            elif item[0] == "quantity":
                ex.quantities.append(
                    Quantity(
                        HUB,
                        "users",
                        1000.0 + item[1],
                        "users",
                        f"{item[1]} users",
                        [ev],
                        "test.quantity",
                        0.8,
                        date=_date(item[1]),
                    )
                )
            elif item[0] == "comention":
                ex.comentions.append(CoMention(*sorted((HUB, key)), 1 + item[1] % 3, [ev]))
            else:
                ex.events.append(
                    EventRecord(
                        f"e{item[1]}",
                        "partnership",
                        [Participant(HUB, "partner"), Participant(key, "partner")],
                        [ev],
                        "test.event",
                        0.9,
                        date=_date(item[1]),
                    )
                )
        out.append(ex)
    return out


@pytest.fixture(scope="module")
def hub_store(tmp_path_factory) -> Settings:
    settings = Settings.load(store=str(tmp_path_factory.mktemp("hub") / "store"))
    with open_writer(settings) as writer:
        for ex in hub_extractions():
            writer.replace_document(ex.document.id, extraction_quads(ex))
        refresh_labels(writer)  # as kg build does: each entity's one rdfs:label
    return settings


@pytest.fixture(scope="module")
def reader(hub_store):
    return open_reader(hub_store)


class CountingReader:
    """A reader that counts the solutions its queries return (what crosses from the store to Python) and keeps
    the queries."""

    def __init__(self, reader):
        self.reader, self.rows, self.queries = reader, 0, []

    def query(self, sparql, bindings=None):
        rows = list(self.reader.query(sparql, bindings))
        self.rows += len(rows)
        self.queries.append(sparql)
        return rows


_STORE_INDEX = (
    PREFIXES
    + f"""
SELECT ?n ?p ?incoming ?other ?c ?d ?kb WHERE {{
  {{ ?n rdf:subject ?e ; rdf:object ?other BIND(false AS ?incoming) }}
  UNION {{ ?n rdf:object ?e ; rdf:subject ?other BIND(true AS ?incoming) }}
  ?n rdf:predicate ?p ; kg:confidence ?c .
  OPTIONAL {{ ?n kg:date ?d }}
  OPTIONAL {{ GRAPH <{KB_GRAPH}> {{ ?n rdf:subject ?x }} BIND(true AS ?kb) }}
}}"""
)


def _descending(text: str) -> tuple[int, ...]:
    """A sort key that orders strings from the greatest ("2019-05" before "2019")."""
    return tuple(-ord(ch) for ch in text) + (1,)


def store_index(reader, key: str) -> entity.RelationIndex:
    """The relation index read from the store directly: what relation_index must give from the statement graph."""
    found = {
        (r["n"].value, r["incoming"].value == "true"): (
            local_name(r["p"]),
            float(r["c"].value),
            r["d"] and r["d"].value,
            r["kb"] is not None,
            entity_key(r["other"]),
        )
        for r in reader.query(_STORE_INDEX, {"e": entity_node(key)})
    }
    # best first: highest confidence, then latest date (undated last), then IRI
    ranked = sorted(found.items(), key=lambda f: (-f[1][1], f[1][2] is None, _descending(f[1][2] or ""), f[0][0]))
    groups: dict[str, list[str]] = {}
    for (n, incoming), (p, _, _, kb, _) in ranked:
        if not kb:
            groups.setdefault(entity.group_name(p, incoming), []).append(n)
    newest = sorted(
        {(d, n, other) for (n, _), (_, _, d, _, other) in found.items() if d}, key=lambda f: (_descending(f[0]), f[1])
    )
    return entity.RelationIndex(
        groups={g: tuple(ns) for g, ns in sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0]))},
        kb=tuple(dict.fromkeys(n for (n, _), (_, _, _, kb, _) in ranked if kb)),
        dated=tuple(n for _, n, _ in newest),
        dated_with=tuple(other for _, _, other in newest),
    )


@pytest.mark.parametrize(
    "store, keys",
    [
        ("hub_store", [HUB, "other partner_of 0", "other invested_in 3"]),
        ("sample_store", ["xiaohongshu", "alibaba", "taotian", "jd.com", "nobody"]),  # alibaba has a KB fact
    ],
)
def test_index_from_a_prebuilt_statement_graph_is_the_stores(request, store, keys):
    store_reader = open_reader(request.getfixturevalue(store))
    G = statement_graph(store_reader)  # built once, as the app does per graph version, with every entity's index
    walked = G.copy()
    del walked.graph["relation_indexes"]  # without them, each index is ranked from the entity's statements
    for key in keys:
        assert entity.relation_index(G, key) == entity.relation_index(walked, key) == store_index(store_reader, key), (
            key
        )
    assert any(entity.relation_index(G, key).kb for key in keys) == (store == "sample_store")
    assert set(G.graph["relation_indexes"]) == set(G.nodes)


def test_page_relations_send_no_pass_over_the_entitys_statements(reader):
    """With the statement graph and the label index given, the relation part of the page asks the store
    only for the shown statements' properties, their evidence and its documents' titles: no query binds
    the entity (a pass over all its statements), none looks up labels."""
    G, entities = statement_graph(reader), build_label_index(reader).entities
    counting = CountingReader(reader)
    index = entity.relation_index(G, HUB)
    shown = [n for group in index.groups for n in index.page(group, 1, 5)] + list(index.kb)
    rows = entity.relation_rows(counting, shown, entities=entities)
    items = timeline.statement_items(G, HUB, index.dated[:15], entities)
    assert len(counting.queries) == 3 and all("VALUES ?n" in q and "?e" not in q for q in counting.queries)
    assert rows == entity.relation_rows(reader, shown)  # the same labels as the store's
    assert [r.statement for r in rows] == shown and sum(len(r.evidence) for r in rows) == len(shown)
    from_store = {
        (i.date, i.precision, i.label, i.confidence, i.entities)
        for i in timeline.timeline_items(reader, HUB, limit=1000).items
        if i.kind == "relation"
    }
    assert len(items) == 15 and {(i.date, i.precision, i.label, i.confidence, i.entities) for i in items} <= from_store
    assert [i.date for i in timeline.newest(items, 15)] == sorted(i.date for i in items)


@pytest.mark.parametrize("limit", [0, 1, 4, 15, 1000])
def test_a_timeline_of_the_newest_statements_alone_is_the_timeline_of_the_whole_graph(reader, sample_store, limit):
    G = nx.MultiDiGraph()  # parallel statements, a statement about itself, both directions
    for n, (s, o, date) in enumerate([("a", "b", "2020"), ("a", "b", "2021-03"), ("a", "a", "2019"), ("c", "a", "2022"),
                                      ("c", "a", None), ("b", "c", "2018")]):  # fmt: skip
        G.add_edge(s, o, key=f"st{n}", relation="owns", confidence=0.9, date=date, kb=False)
    for store_reader, graph in ((reader, statement_graph(reader)), (open_reader(sample_store), None), (None, G)):
        statements = graph if graph is not None else statement_graph(store_reader)
        entities = build_label_index(store_reader).entities if store_reader is not None else {}
        for key in list(statements)[:20]:
            index = entity.relation_index(statements, key)
            newest = entity.newest_statements(statements, key, index, limit)
            assert set(newest.edges(keys=True)) <= set(statements.edges(keys=True))
            wanted = index.dated[:limit]
            items = timeline.statement_items(newest, key, wanted, entities)
            assert sorted(items, key=repr) == sorted(
                timeline.statement_items(statements, key, wanted, entities), key=repr
            )
            assert newest.number_of_edges() == len(wanted)


def test_index_counts_every_statement_by_group(reader):
    index = entity.relation_index(statement_graph(reader), HUB)
    counts = {g: len(ns) for g, ns in index.groups.items()}
    assert counts == {"partner_of": 23, "invested_in (incoming)": 7, "owns": 3}
    assert list(counts) == ["partner_of", "invested_in (incoming)", "owns"]  # largest first
    assert index.kb == ()
    dated = sum(_date(i) is not None for _, _, count in GROUPS for i in range(count))
    assert len(index.dated) == dated


@pytest.mark.parametrize("group", ["partner_of", "invested_in (incoming)", "owns"])
@pytest.mark.parametrize("size", [1, 5, 10])
def test_pages_cover_a_group_once_best_first(reader, group, size):
    index = entity.relation_index(statement_graph(reader), HUB)
    members = index.groups[group]
    pages = [index.page(group, p, size) for p in range(1, entity.page_count(len(members), size) + 1)]
    assert all(0 < len(p) <= size for p in pages)
    flat = [n for p in pages for n in p]
    assert flat == list(members) and len(set(flat)) == len(members)  # page 2 continues page 1; nothing twice
    assert index.page(group, len(pages) + 1, size) == ()
    rows = entity.relation_rows(reader, flat)
    assert [r.statement for r in rows] == flat
    ranks = [(-r.confidence, r.date is None) for r in rows]
    assert ranks == sorted(ranks)  # highest confidence first, undated last within a confidence
    for a, b in itertools.pairwise(rows):
        if a.confidence == b.confidence and a.date and b.date:
            assert a.date >= b.date  # then latest first


@pytest.mark.parametrize(
    "raw, expected",
    [
        (None, 1),
        ("1", 1),
        ("2", 2),
        ("5", 5),
        ("6", 5),
        ("999", 5),
        ("0", 1),
        ("-3", 1),
        ("abc", 1),
        ("2.5", 1),
        ("", 1),
    ],
)
def test_page_number_from_a_hand_edited_url_is_clamped(raw, expected):
    assert entity.page_number(raw, 23, 5) == expected


def test_details_are_fetched_for_the_rows_shown_only(reader):
    """Evidence and labels of a page cost the same whatever the size of its group (give or take an
    optional property per row), and a fraction of the whole group's."""
    index = entity.relation_index(statement_graph(reader), HUB)

    def cost(statements) -> int:
        counting = CountingReader(reader)
        entity.relation_rows(counting, statements)
        return counting.rows

    big, small = cost(index.page("partner_of", 1, 3)), cost(index.page("invested_in (incoming)", 1, 3))
    assert abs(big - small) <= 3
    assert big * 4 < cost(index.groups["partner_of"])


def test_other_lists_are_bounded_and_counted(reader):
    figures = entity.quantities(reader, HUB, limit=20)
    assert len(figures) == 20 and entity.count_quantities(reader, HUB) == QUANTITIES
    dates = [q.date for q in figures]
    assert [d for d in dates if d] == sorted((d for d in dates if d), reverse=True)  # newest first
    assert None not in dates[: sum(d is not None for d in dates)]  # undated last
    evs = entity.events(reader, HUB, limit=2)
    assert len(evs) == 2 and entity.count_events(reader, HUB) == (
        EVENTS,
        sum(_date(i) is not None for i in range(EVENTS)),
    )
    assert evs[0].date >= evs[1].date
    assert entity.events(reader, HUB, limit=0) == [] and entity.quantities(reader, HUB, limit=0) == []
    cms = entity.comentioned(reader, HUB, limit=5)
    assert len(cms) == 5 and all(c.sentences == 3 for c in cms)  # 1 + i % 3: the most shared sentences are 3
    assert [c.entity.label for c in cms] == sorted(c.entity.label for c in cms)


def test_events_with_the_label_index_name_their_participants_as_the_store_does(reader, sample_store):
    for store_reader, key in ((reader, HUB), (open_reader(sample_store), "xiaohongshu")):
        entities = build_label_index(store_reader).entities
        found = entity.events(store_reader, key, limit=10, entities=entities)
        assert found and found == entity.events(store_reader, key, limit=10)
        counting = CountingReader(store_reader)
        entity.events(counting, key, limit=10, entities=entities)
        assert not [q for q in counting.queries if "rdfs:label" in q]  # no label read for the participants


def test_the_event_index_lists_what_the_store_selects(reader, sample_store):
    for store_reader, key in ((reader, HUB), (open_reader(sample_store), "xiaohongshu"), (reader, "nobody")):
        index = entity.event_index(store_reader)
        assert entity.count_events(store_reader, key, index=index) == entity.count_events(store_reader, key)
        for limit in (0, 2, 100):
            from_index = entity.events(store_reader, key, limit=limit, index=index)
            from_store = entity.events(store_reader, key, limit=limit)
            assert [e.date for e in from_index] == [e.date for e in from_store]  # newest first, undated last
            assert sorted(map(repr, from_index)) == sorted(map(repr, from_store))  # ties at most in another order
    dated = sum(_date(i) is not None for i in range(EVENTS))
    assert entity.count_events(reader, HUB, index=entity.event_index(reader)) == (EVENTS, dated)


def test_the_figure_index_lists_what_the_store_selects(reader):
    index = entity.quantity_index(reader)
    assert entity.count_quantities(reader, HUB, index=index) == entity.count_quantities(reader, HUB) == QUANTITIES
    from_index = entity.quantities(reader, HUB, limit=QUANTITIES, index=index)
    from_store = entity.quantities(reader, HUB, limit=QUANTITIES)
    dated = sum(q.date is not None for q in from_store)
    assert (
        0 < dated < QUANTITIES and from_index[:dated] == from_store[:dated]
    )  # newest first; the undated after, in any order
    assert sorted(map(repr, from_index)) == sorted(map(repr, from_store))
    assert entity.quantities(reader, HUB, limit=5, index=index) == from_index[:5]
    assert (
        entity.quantities(reader, "nobody", index=index) == []
        and entity.count_quantities(reader, "nobody", index=index) == 0
    )


@pytest.fixture(scope="module")
def facts_store(tmp_path_factory) -> Settings:
    """Entities whose facts differ between the documents that name them (names, aliases, KB id), versions of a
    program, and entities the documents do not type: one untyped with a label, one of no coarse type."""
    settings = Settings.load(store=str(tmp_path_factory.mktemp("facts") / "store"))
    names = [("Hub Co", {"HubCo", "Hub"}, None), ("Hub Company", {"HC"}, "hub-kb"), ("Hub Co", set(), "hub-kb")]
    with open_writer(settings) as writer:
        for d, (label, aliases, kb_id) in enumerate(names):
            doc = Document(f"facts-{d}", "Hub Co runs Plan.", f"Facts {d}", f"facts-{d}.md", None, f"sha256-facts-{d}")
            ex = Extraction(document=doc)
            ex.entities[HUB] = Entity(HUB, label, "Organization", aliases=aliases, kb_id=kb_id)
            ex.entities["plan"] = Entity("plan", "Plan", "Program")
            version = f"plan {2 + d}.0"
            ex.entities[version] = Entity(
                version, f"Plan {2 + d}.0", "Program", version_of="plan", version_label=f"{2 + d}.0"
            )
            writer.replace_document(doc.id, extraction_quads(ex))
        label = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
        untyped, plain = entity_node("untyped"), entity_node("plain entity")
        writer.replace_document("facts-raw", [
            ox.Quad(untyped, label, ox.Literal("Untyped")),
            ox.Quad(plain, ox.NamedNode(RDF_TYPE), ox.NamedNode(KG_NS + "Entity")),
            ox.Quad(plain, ox.NamedNode(KG_NS + "mentionedLabel"), ox.Literal("Plain")),
        ])  # fmt: skip
        refresh_labels(writer)
    return settings


FACT_KEYS = [HUB, "plan", "plan 2.0", "plan 4.0", "untyped", "plain entity", "nobody"]


def test_the_fact_index_gives_each_entitys_header_as_the_store_does(facts_store):
    reader = open_reader(facts_store)
    index, entities = entity.fact_index(reader), build_label_index(reader).entities
    assert set(index) == {HUB, "plan", "plan 2.0", "plan 3.0", "plan 4.0"}  # the entities with a coarse type
    for key in FACT_KEYS:
        from_store = entity.entity_info(reader, key)
        assert entity.entity_info(reader, key, index=index) == from_store, key
        assert entity.entity_info(reader, key, index=index, entities=entities) == from_store, key
    hub = entity.entity_info(reader, HUB, index=index)
    assert (hub.label, hub.kb_id, hub.aliases) == ("Hub Co", "hub-kb", ("HC", "Hub", "Hub Company", "HubCo"))
    plan = entity.entity_info(reader, "plan", index=index)
    assert [v.label for v in plan.versions] == ["Plan 2.0", "Plan 3.0", "Plan 4.0"]
    assert entity.entity_info(reader, "plan 3.0", index=index).version_of.label == "Plan"
    assert entity.entity_info(reader, "plain entity", index=index).type == "Other"


def test_with_the_fact_index_a_header_reads_nothing_from_the_store(facts_store):
    reader = open_reader(facts_store)
    index, entities = entity.fact_index(reader), build_label_index(reader).entities
    counting = CountingReader(reader)
    for key in (HUB, "plan", "plan 2.0"):
        entity.entity_info(counting, key, index=index, entities=entities)
    assert counting.queries == []
    entity.entity_info(counting, "untyped", index=index, entities=entities)  # not in the index: from the store
    assert len(counting.queries) == 1


@pytest.mark.parametrize("limit", [5, 100])
def test_the_comention_index_lists_what_the_store_sums(reader, limit):
    index, entities = comention_index(reader), build_label_index(reader).entities
    assert len(index[HUB]) == COMENTIONED
    for key in [HUB, *sorted(index)[:5]]:
        summed = entity.comentioned(reader, key, limit=limit)
        indexed = entity.comentioned(reader, key, limit=limit, index=index, entities=entities)
        if limit >= len(index[key]):
            assert indexed == summed
        else:  # the same counts; among ties at the cut the store's order and the index's (by key) may keep others
            assert [(c.sentences, c.documents) for c in indexed] == [(c.sentences, c.documents) for c in summed]


@pytest.mark.parametrize("limit", [1, 10, 100])
def test_hub_timeline_is_the_newest_with_the_count_of_all(reader, limit):
    every = entity.relation_index(statement_graph(reader), HUB).dated
    dated_events = sum(_date(i) is not None for i in range(EVENTS))
    found = timeline.timeline_items(reader, HUB, limit=limit)
    assert found.total == len(every) + dated_events
    assert len(found.items) == min(limit, found.total)
    newest = max(i.date for i in found.items)
    assert newest == max(i.date for i in timeline.timeline_items(reader, HUB, limit=1000).items)


@pytest.fixture
def app(hub_store, monkeypatch):
    monkeypatch.setenv("KG_STORE", hub_store.store)
    monkeypatch.setenv("KG_ENTITY_RELATIONS_PER_PAGE", "5")

    def open_page(script: str = "entity", **params: str) -> AppTest:
        return open_app_page(script, **params)

    return open_page


def shown_in(at: AppTest, group: str) -> list[str]:
    """The other ends of the rows the group's expander shows, in order."""
    [box] = [e for e in at.expander if e.label.startswith(md(group.replace("_", " ")) + " (")]
    return [p.label.split(" — ")[0] for p in box.get("page_link") if " — " in p.label]


@pytest.mark.parametrize("page, expected", [("2", 2), ("5", 5), ("99", 5), ("0", 1), ("x", 1)])
def test_entity_page_pages_through_one_group(app, reader, page, expected):
    at = app(entity=HUB, rel="partner_of", page=page)
    members = entity.relation_index(statement_graph(reader), HUB).page("partner_of", expected, 5)
    assert shown_in(at, "partner_of") == [md(r.other(HUB).label) for r in entity.relation_rows(reader, members)]
    first = (expected - 1) * 5 + 1
    assert f"Showing {first}–{min(first + 4, 23)} of 23 (page {expected} of 5)." in [c.value for c in at.caption]
    assert at.query_params.get("page") == (str(expected) if expected > 1 else None)  # the URL is mended
    assert len(shown_in(at, "invested_in (incoming)")) == 5  # the other groups stay on their first rows
    assert "Showing the best 5 of 7." in [c.value for c in at.caption]
    links = [p.label for p in at.page_link]
    assert ("← Previous" in links, "Next →" in links) == (expected > 1, expected < 5)
    assert links.count("More →") == 1  # invested_in's link to its own pages


def test_entity_page_ignores_an_unknown_group(app):
    at = app(entity=HUB, rel="no such group", page="3")
    assert "rel" not in at.query_params and "page" not in at.query_params
    assert [e.label for e in at.expander][:3] == [
        f"{md(g)} ({n})" for g, n in (("partner of", 23), ("invested in (incoming)", 7), ("owns", 3))
    ]
    assert "The 15 most recent of" in "\n".join(c.value for c in at.caption)


def test_entity_page_deals_its_row_budget_among_the_groups(app, monkeypatch):
    monkeypatch.setenv("KG_ENTITY_RELATION_ROWS", "6")
    at = app(entity=HUB)
    assert [len(shown_in(at, g)) for g in ("partner_of", "invested_in (incoming)", "owns")] == [2, 2, 2]
    captions = [c.value for c in at.caption]
    assert "Showing the best 2 of 23." in captions and "Showing the best 2 of 7." in captions
    assert [p.label for p in at.page_link].count("More →") == 3
    opened = app(entity=HUB, rel="owns")  # a group's link opens its first page: its best 5
    assert len(shown_in(opened, "owns")) == 3 and len(shown_in(opened, "partner_of")) == 2


def test_graph_page_most_nodes_slider_cuts_the_view_and_is_kept_in_the_url(app):
    def hidden(at: AppTest) -> int:
        [caption] = [c.value for c in at.caption if "not drawn" in c.value]
        return int(caption.split(" ")[0])

    at = app("graph", entity=HUB, max_nodes="10")
    assert at.sidebar.slider(key="max_nodes").value == 10
    assert "10 nodes in all" in " ".join(c.value for c in at.caption)
    assert hidden(at) > 23 - Settings().graph_max_per_relation
    at.sidebar.slider(key="max_nodes").set_value(100).run()
    assert hidden(at) == 23 - Settings().graph_max_per_relation  # only partner_of's cut per relation is left
    assert at.query_params.get("max_nodes") == "100"
    assert app("graph", entity=HUB, max_nodes="-5").sidebar.slider(key="max_nodes").value == 10  # clamped
