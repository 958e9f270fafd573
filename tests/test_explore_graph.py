"""The graph view's neighbourhood (filters and caps over the statement graph) and its pyvis HTML."""

from __future__ import annotations

import json
import random
import re
from collections import Counter, defaultdict

import networkx as nx
import pyoxigraph as ox
import pytest

from explore_sample import HOSTILE_A
from kg.errors import KGError
from kg.explore.neighbourhood import (
    MORE,
    Edge,
    GraphFilter,
    counterparts,
    export_view,
    neighbourhood,
    year_range,
)
from kg.explore.network_html import external_resources, to_html
from kg.explore.search import build_label_index
from kg.explore.statements import ranked_neighbours, statement_graph
from kg.explore.terms import EntityRef
from kg.iri import entity_iri, node_iri
from kg.settings import Settings
from kg.store import open_reader, open_writer
from kg.vocab import KG

RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
XSD = "http://www.w3.org/2001/XMLSchema#"


@pytest.fixture(scope="module")
def reader(sample_store):
    return open_reader(sample_store)


def labels(sub):
    return {n.label for n in sub.entities()}


def test_one_hop_around_xiaohongshu(reader):
    sub = neighbourhood(reader, "xiaohongshu", GraphFilter(), Settings.load())
    assert labels(sub) == {"Xiaohongshu", "Taotian", "Red Cat Plan", "Alibaba", "Xiaohongxing", "JD.com"}
    rels = {(e.source, e.relation, e.target) for e in sub.edges}
    assert ("alibaba", "invested_in", "xiaohongshu") in rels  # direction kept
    assert sub.hidden == 0
    invested = next(e for e in sub.edges if e.relation == "invested_in")  # dates are read for the drawn edges
    assert (invested.date, invested.confidence, invested.count) == ("2018-06", 0.9, 1)


def test_two_hops_reach_vipshop_and_the_kb_fact(reader):
    sub = neighbourhood(reader, "xiaohongshu", GraphFilter(hops=2), Settings.load())
    assert "Vipshop" in labels(sub)
    assert any(e.relation == "owns" and e.source == "alibaba" for e in sub.edges)
    assert sub.nodes["vipshop"].depth == 2


@pytest.mark.parametrize(
    "flt, present, absent",
    [
        (GraphFilter(relations=("suspended",)), {"Xiaohongxing"}, {"Taotian", "Alibaba"}),
        (GraphFilter(types=("Program",)), {"Red Cat Plan", "Xiaohongxing"}, {"Taotian"}),
        (GraphFilter(min_confidence=0.9), {"Taotian", "Alibaba"}, {"Red Cat Plan", "JD.com"}),
        (GraphFilter(date_from="2019", date_to="2024"), {"Xiaohongxing"}, {"Alibaba", "Taotian"}),
        (GraphFilter(date_from="2025", date_to="2025"), {"Taotian", "JD.com"}, {"Xiaohongxing"}),
    ],
)
def test_filters(reader, flt, present, absent):
    shown = labels(neighbourhood(reader, "xiaohongshu", flt, Settings.load()))
    assert present <= shown and not (absent & shown)


VIEWS = [  # (focus, filter, settings) over the sample store: every filter, both hops, small caps
    ("xiaohongshu", GraphFilter(), Settings.load()),
    ("xiaohongshu", GraphFilter(hops=2), Settings.load(graph_max_nodes=6, graph_max_per_relation=1)),
    ("xiaohongshu", GraphFilter(hops=2, types=("Program", "Organization"), comentions=True), Settings.load()),
    ("xiaohongshu", GraphFilter(relations=("suspended", "partner_of"), min_confidence=0.5), Settings.load()),
    ("xiaohongshu", GraphFilter(hops=2, date_from="2019", date_to="2025"), Settings.load()),
    (
        "alibaba",
        GraphFilter(hops=2, date_to="2020", comentions=True),
        Settings.load(graph_max_nodes=8, graph_max_per_relation=2),
    ),
    (HOSTILE_A.casefold(), GraphFilter(hops=2), Settings.load()),
]


@pytest.mark.parametrize("focus, flt, settings", VIEWS)
def test_prebuilt_statements_and_entities_give_the_same_view(reader, focus, flt, settings):
    statements, entities = statement_graph(reader), build_label_index(reader).entities
    built = neighbourhood(reader, focus, flt, settings)
    assert len(built.nodes) > 1
    assert neighbourhood(reader, focus, flt, settings, statements=statements, entities=entities) == built


@pytest.mark.parametrize(
    "focus, flt, settings",
    VIEWS
    + [
        (
            "xiaohongshu",
            GraphFilter(relations=("launched", "partner_of"), types=("Program",)),
            Settings.load(graph_max_per_relation=2),
        ),
    ],
)
def test_the_ranked_neighbours_kept_with_the_statement_graph_give_the_view_walking_the_statements_gives(
    reader, focus, flt, settings
):
    statements = statement_graph(reader)
    walked = statements.copy()
    del walked.graph["neighbours"]  # without the ranking, every view walks the statements of its frontier
    assert neighbourhood(reader, focus, flt, settings, statements=statements) == neighbourhood(
        reader, focus, flt, settings, statements=walked
    )


class CountingReader:
    """A reader that keeps every query it is asked."""

    def __init__(self, reader):
        self.reader, self.queries = reader, []

    def query(self, sparql, bindings=None):
        self.queries.append(sparql)
        return self.reader.query(sparql, bindings)


@pytest.mark.parametrize("focus, flt, settings", VIEWS)
def test_with_prebuilt_structures_a_view_reads_only_co_mentions_from_the_store(reader, focus, flt, settings):
    statements, entities = statement_graph(reader), build_label_index(reader).entities
    counting = CountingReader(reader)
    sub = neighbourhood(counting, focus, flt, settings, statements=statements, entities=entities)
    assert sub == neighbourhood(reader, focus, flt, settings)
    assert all("kg:CoMention" in q for q in counting.queries)
    assert len(counting.queries) == (min(flt.hops, 2) if flt.comentions else 0)  # one co-mention query per hop


def test_comentions_are_dashed_extra_edges(reader):
    sub = neighbourhood(reader, "xiaohongshu", GraphFilter(comentions=True), Settings.load())
    assert [e for e in sub.edges if e.relation == "co-mentioned"] and 'dashes": true' in to_html(sub)


def test_a_type_filter_keeps_co_mention_counts(reader):
    """Sentences shared with a neighbour are counted once, not once per article that states its type."""

    def comentions(flt):
        sub = neighbourhood(reader, "xiaohongshu", flt, Settings.load(graph_max_per_relation=1000))
        return {(e.source, e.target): e.count for e in sub.edges if e.relation == "co-mentioned"}

    every = comentions(GraphFilter(comentions=True))
    organizations = comentions(GraphFilter(comentions=True, types=("Organization",)))
    assert organizations and set(organizations) <= set(every)
    assert organizations == {pair: every[pair] for pair in organizations}


def test_year_range(reader):
    assert year_range(reader) == (2018, 2025)


def test_view_exports(reader):
    sub = neighbourhood(reader, "xiaohongshu", GraphFilter(), Settings.load())
    ttl = export_view(sub, "ttl")
    parsed = {ox.Triple(q.subject, q.predicate, q.object) for q in ox.parse(ttl, format=ox.RdfFormat.TURTLE)}
    assert (
        ox.Triple(
            ox.NamedNode(str(entity_iri("Xiaohongshu"))),
            ox.NamedNode(str(KG.partner_of)),
            ox.NamedNode(str(entity_iri("Taotian"))),
        )
        in parsed
    )
    assert b"<gexf" in export_view(sub, "gexf") and b"<graphml" in export_view(sub, "graphml")
    assert list(ox.parse(export_view(sub, "jsonld"), format=ox.RdfFormat.JSON_LD))
    with pytest.raises(KGError, match=r"'xlsx'.*use one of ttl, jsonld, graphml, gexf"):
        export_view(sub, "xlsx")


def test_html_is_self_contained_and_escapes_names(reader):
    sub = neighbourhood(reader, HOSTILE_A.casefold(), GraphFilter(), Settings.load())
    page = to_html(sub)
    assert external_resources(page) == []
    assert not re.search(r"<script[^>]+src=", page)
    assert "onerror=alert(1)" in page and HOSTILE_A not in page  # embedded as JSON with \u003c
    assert "<script>alert(2)" not in page
    assert "popup.innerHTML" not in page
    assert external_resources('<script src="https://cdn.example/x.js"></script>')


def test_a_page_that_would_load_from_the_network_is_a_kg_error(monkeypatch):
    from pyvis.network import Network

    from kg.explore.neighbourhood import Node, Subgraph

    real = Network.generate_html
    monkeypatch.setattr(
        Network,
        "generate_html",
        lambda self, *a, **kw: real(self, *a, **kw) + '<script src="https://cdn.example/x.js"></script>',
    )
    with pytest.raises(KGError, match=r"cdn\.example.*pin pyvis"):
        to_html(Subgraph(focus="a", nodes={"a": Node("a", "A", "Person", 0)}))


def test_href_in_a_name_never_switches_tooltips_to_html():
    from kg.explore.neighbourhood import Node, Subgraph

    sub = Subgraph(focus="a", nodes={"a": Node("a", '<a href="javascript:alert(1)">x</a>', "Person", 0)})
    assert "popup.innerHTML" not in to_html(sub)


# --- a large generated graph: the view never draws more than its caps -----------------------
HUB_RELATIONS = ("partner_of", "invested_in", "owns", "competes_with")


HUB_INVESTORS = 80


def hub_confidence(i: int) -> float:
    return round(0.5 + (i % 50) / 100, 2)


def investor_confidence(i: int) -> float:
    return round(0.3 + (i * 37 % 80) / 100, 2)  # 80 different values in a scrambled order


@pytest.fixture(scope="module")
def big_reader(tmp_path_factory):
    """A hub with 4 relations x 300 neighbours out (each with 5 more) and 80 investors in: ~7,300 entities."""
    settings = Settings.load(store=str(tmp_path_factory.mktemp("big") / "store"))
    g = ox.NamedNode("https://w3id.org/kg-explorer/id/graph/big")
    quads = []

    def entity(name):
        e = ox.NamedNode(str(entity_iri(name)))
        quads.append(ox.Quad(e, ox.NamedNode(RDF + "type"), ox.NamedNode(str(KG.Organization)), g))
        quads.append(ox.Quad(e, ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label"), ox.Literal(name), g))
        return e

    def statement(s, p, o, conf):
        st = ox.NamedNode(str(node_iri("statement", s.value, p, o.value)))
        for pr, ob in [
            (RDF + "type", ox.NamedNode(str(KG.Statement))),
            (RDF + "subject", s),
            (RDF + "predicate", ox.NamedNode(str(getattr(KG, p)))),
            (RDF + "object", o),
            (str(KG.confidence), ox.Literal(str(conf), datatype=ox.NamedNode(XSD + "decimal"))),
        ]:
            quads.append(ox.Quad(st, ox.NamedNode(pr), ob, g))
        quads.append(ox.Quad(s, ox.NamedNode(str(getattr(KG, p))), o, g))

    hub = entity("Hub")
    for r in HUB_RELATIONS:
        for i in range(300):
            x = entity(f"{r} {i}")
            statement(hub, r, x, hub_confidence(i))
            for j in range(5):
                statement(x, "partner_of", entity(f"{r} {i} / {j}"), 0.8)
    for i in range(HUB_INVESTORS):  # edges into the hub: capped apart from its invested_in edges out
        statement(entity(f"investor {i}"), "invested_in", hub, investor_confidence(i))
    with open_writer(settings) as w:
        w.replace_document("big", quads)
    return open_reader(settings)


@pytest.mark.parametrize("hops", [1, 2])
def test_large_graph_never_exceeds_the_caps(big_reader, hops):
    settings = Settings.load()
    sub = neighbourhood(big_reader, "hub", GraphFilter(hops=hops), settings)
    assert len(sub.nodes) <= settings.graph_max_nodes
    per = Counter(
        (e.relation, "out" if e.source == "hub" else "in")
        for e in sub.edges
        if "hub" in (e.source, e.target) and sub.nodes[e.target if e.source == "hub" else e.source].type != MORE
    )
    assert max(per.values()) <= settings.graph_max_per_relation
    more = [n for n in sub.nodes.values() if n.type == MORE]
    assert more and sub.hidden >= 4 * 300 - settings.graph_max_nodes
    assert all(re.fullmatch(r"\+\d+ more", n.label) for n in more)
    drawn = json.loads(re.search(r"nodes = new vis\.DataSet\((\[.*?\])\);", to_html(sub)).group(1))
    assert len(drawn) == len(sub.nodes) <= settings.graph_max_nodes


def test_large_graph_highest_confidence_first_and_smaller_caps(big_reader):
    settings = Settings.load(graph_max_nodes=40, graph_max_per_relation=5)
    sub = neighbourhood(big_reader, "hub", GraphFilter(relations=("owns",)), settings)
    shown = [e for e in sub.edges if e.relation == "owns" and e.confidence is not None]
    assert len(shown) == 5 and all(e.confidence == 0.99 for e in shown)
    assert sub.nodes["+more:hub:owns:out"].hidden == 295
    assert len(sub.nodes) <= 40


def test_caps_per_relation_and_direction_keep_the_most_confident_and_count_the_rest_exactly(big_reader):
    settings = Settings.load(graph_max_nodes=1000, graph_max_per_relation=7)
    sub = neighbourhood(big_reader, "hub", GraphFilter(), settings)
    expected = {(r, "out"): sorted((hub_confidence(i) for i in range(300)), reverse=True) for r in HUB_RELATIONS}
    expected[("invested_in", "in")] = sorted((investor_confidence(i) for i in range(HUB_INVESTORS)), reverse=True)
    for (rel, direction), confidences in expected.items():
        drawn = [
            e.confidence
            for e in sub.edges
            if e.relation == rel
            and sub.nodes[e.target if direction == "out" else e.source].type != MORE
            and (e.source if direction == "out" else e.target) == "hub"
        ]
        assert sorted(drawn, reverse=True) == confidences[:7]
        assert sub.nodes[f"+more:hub:{rel}:{direction}"].hidden == len(confidences) - 7
    assert sub.hidden == 4 * (300 - 7) + HUB_INVESTORS - 7
    assert len(sub.nodes) == 1 + 5 * 7 + 5


@pytest.mark.parametrize("max_nodes", [7, 12, 20])
def test_a_small_view_deals_its_nodes_among_the_relations(big_reader, max_nodes):
    """Five relation groups, each larger than the view: every group shows its best, the counts differ
    by at most one, and one "+N more" node counts everything left out exactly."""
    settings = Settings.load(graph_max_nodes=max_nodes, graph_max_per_relation=10)
    sub = neighbourhood(big_reader, "hub", GraphFilter(), settings)
    per = Counter(
        (e.relation, "out" if e.source == "hub" else "in")
        for e in sub.edges
        if sub.nodes[e.target].type != MORE and sub.nodes[e.source].type != MORE
    )
    assert set(per) == {(r, "out") for r in HUB_RELATIONS} | {("invested_in", "in")}
    assert max(per.values()) - min(per.values()) <= 1
    drawn = [
        e.confidence
        for e in sub.edges
        if e.source == "hub" and e.relation == "owns" and sub.nodes[e.target].type != MORE
    ]
    assert all(c == 0.99 for c in drawn)  # each group's best first
    assert len(sub.nodes) == max_nodes and sub.nodes["+more:overflow"].hidden == 4 * 300 + HUB_INVESTORS - (
        max_nodes - 2
    )


def test_caps_hold_at_the_second_hop_and_with_filters(big_reader):
    settings = Settings.load(graph_max_nodes=1000, graph_max_per_relation=3)
    sub = neighbourhood(big_reader, "hub", GraphFilter(hops=2, relations=("partner_of",), min_confidence=0.9), settings)
    hop1 = {k for k, n in sub.nodes.items() if n.depth == 1 and n.type != MORE}
    # partner_of from the hub at >= 0.9: i % 50 in 40..49, 60 neighbours; the top 3 are at 0.99
    assert len(hop1) == 3 and all(e.confidence == 0.99 for e in sub.edges if e.source == "hub" and e.target in hop1)
    assert sub.nodes["+more:hub:partner_of:out"].hidden == 60 - 3
    # each hop-1 node has 5 partner_of neighbours at 0.8 < 0.9: none drawn, none counted
    assert not [n for n in sub.nodes.values() if n.depth == 2]


def random_statements(seed: int) -> tuple[nx.MultiDiGraph, dict[str, EntityRef]]:
    """A statement graph where three hubs hold half the statements, neighbours recur across relations and
    directions, some statements are parallel and some an entity's about itself; and its entities."""
    rnd = random.Random(seed)
    keys = [f"e{i}" for i in range(rnd.choice((8, 40, 120)))]
    G: nx.MultiDiGraph = nx.MultiDiGraph()
    for i in range(rnd.choice((30, 300, 900))):
        s = rnd.choice(keys[:3]) if rnd.random() < 0.5 else rnd.choice(keys)
        o = s if rnd.random() < 0.05 else rnd.choice(keys)
        relation, confidence = rnd.choice(("owns", "partner_of", "invested_in")), rnd.choice((0.5, 0.7, 0.9))
        G.add_edge(s, o, key=f"st{i}", relation=relation, confidence=confidence,
                   date=rnd.choice((None, "2019", "2021-05")), kb=False)  # fmt: skip
    G.graph["neighbours"] = ranked_neighbours(G)
    return G, {k: EntityRef(k, k.upper(), rnd.choice(("Organization", "Person", "Program"))) for k in keys}


def assert_every_group_shows_its_drawn_members_and_counts_the_rest(sub, flt, statements, entities):
    """Each group of each entity the view expanded, listed whole by ``counterparts``: every member drawn by the end
    of that hop has its edge, and its "+N more" node (or the view's "+more:overflow", for groups that got none)
    counts the others."""
    overflow = 0
    for n, hop in [(k, node.depth + 1) for k, node in sub.nodes.items() if node.type != MORE and node.depth < flt.hops]:
        groups = defaultdict(list)
        for c in counterparts(f"+more:overflow:{n}", flt, statements=statements, entities=entities):
            groups[(c.relation, c.direction)].append(c)
        for (rel, direction), members in groups.items():
            drawn = [c for c in members if c.key in sub.nodes and sub.nodes[c.key].depth <= hop]
            for c in drawn:
                a, b = (n, c.key) if direction == "out" else (c.key, n)
                assert Edge(a, b, rel, c.confidence, c.date, c.statements) in sub.edges
            more = sub.nodes.get(f"+more:{n}:{rel}:{direction}")
            if more is not None:
                assert more.hidden == len(members) - len(drawn) > 0
            else:
                overflow += len(members) - len(drawn)
    assert (sub.nodes["+more:overflow"].hidden if "+more:overflow" in sub.nodes else 0) == overflow


@pytest.mark.parametrize("seed", range(12))
@pytest.mark.parametrize(
    "flt",
    [
        GraphFilter(),
        GraphFilter(hops=2),
        GraphFilter(hops=2, types=("Person", "Program")),
        GraphFilter(hops=2, relations=("owns",), min_confidence=0.7),
        GraphFilter(hops=2, date_from="2020"),
    ],
)
def test_more_nodes_count_exactly_what_their_group_leaves_out(seed, flt):
    statements, entities = random_statements(seed)
    walked = statements.copy()
    del walked.graph["neighbours"]
    for max_nodes, per_relation in ((4, 1), (12, 2), (40, 6), (400, 400)):
        settings = Settings.load(graph_max_nodes=max_nodes, graph_max_per_relation=per_relation)
        for focus in ("e0", "e5"):
            sub = neighbourhood(None, focus, flt, settings, statements=statements, entities=entities)
            assert sub == neighbourhood(None, focus, flt, settings, statements=walked, entities=entities)
            assert len(sub.nodes) <= max_nodes
            assert_every_group_shows_its_drawn_members_and_counts_the_rest(sub, flt, statements, entities)


def test_more_nodes_of_the_large_hub_count_exactly_what_they_leave_out(big_reader):
    statements, entities = statement_graph(big_reader), build_label_index(big_reader).entities
    for flt in (GraphFilter(), GraphFilter(hops=2, min_confidence=0.8)):
        for max_nodes, per_relation in ((12, 2), (60, 4), (1000, 7)):
            settings = Settings.load(graph_max_nodes=max_nodes, graph_max_per_relation=per_relation)
            sub = neighbourhood(big_reader, "hub", flt, settings, statements=statements, entities=entities)
            assert_every_group_shows_its_drawn_members_and_counts_the_rest(sub, flt, statements, entities)


# --- layout and page building ------------------------------------------------------------------
def test_layout_is_radial_by_hop_and_the_same_for_the_same_subgraph(reader):
    import math
    import random

    from kg.explore.neighbourhood import Subgraph
    from kg.explore.network_html import layout

    sub = neighbourhood(reader, "xiaohongshu", GraphFilter(hops=2), Settings.load())
    pos = layout(sub)
    assert set(pos) == set(sub.nodes) and pos["xiaohongshu"] == (0.0, 0.0)
    radius = {k: math.hypot(*p) for k, p in pos.items()}
    hop1 = [k for k, n in sub.nodes.items() if n.depth == 1]
    hop2 = [k for k, n in sub.nodes.items() if n.depth == 2]
    assert hop1 and hop2 and max(radius[k] for k in hop1) < min(radius[k] for k in hop2)
    assert len({(round(x), round(y)) for x, y in pos.values()}) == len(pos)  # no two nodes on one spot
    # the same subgraph, its nodes and edges given in another order: the same positions
    rng = random.Random(3)
    nodes, edges = list(sub.nodes.items()), list(sub.edges)
    rng.shuffle(nodes)
    rng.shuffle(edges)
    assert layout(Subgraph(sub.focus, dict(nodes), edges)) == pos


def test_layout_groups_the_focus_ring_by_relation_and_keeps_hop_two_next_to_its_parent(big_reader):
    import math

    from kg.explore.network_html import layout

    settings = Settings.load(graph_max_nodes=60, graph_max_per_relation=4)
    sub = neighbourhood(big_reader, "hub", GraphFilter(hops=2), settings)
    pos = layout(sub)
    angle = {k: math.atan2(y, x) % (2 * math.pi) for k, (x, y) in pos.items()}
    ring = sorted((angle[e.target], e.relation) for e in sub.edges if e.source == "hub")
    runs = [r for i, (_, r) in enumerate(ring) if i == 0 or ring[i - 1][1] != r]
    assert len(runs) == len(set(runs)) and set(HUB_RELATIONS) <= set(runs)  # each relation one contiguous arc
    for e in sub.edges:  # a hop-2 node lies within a quarter turn of the hop-1 node that reaches it
        if sub.nodes[e.source].depth == 1 and sub.nodes[e.target].depth == 2:
            turn = abs(angle[e.source] - angle[e.target]) % (2 * math.pi)
            assert min(turn, 2 * math.pi - turn) < math.pi / 4


def test_to_html_compiles_pyvis_templates_once_per_process(monkeypatch):
    from jinja2 import Environment

    from kg.explore.neighbourhood import Node, Subgraph

    sub = Subgraph(focus="a", nodes={"a": Node("a", "A", "Person", 0)})
    to_html(sub)
    compiled = []
    real = Environment.compile
    monkeypatch.setattr(Environment, "compile", lambda self, *a, **kw: compiled.append(a) or real(self, *a, **kw))
    assert to_html(sub) == to_html(sub) and compiled == []


# --- working in the view: evidence, expand, hide, pin, "+N more" tables, sizes and communities ---------------------
def test_a_drawn_edge_carries_its_statements_evidence(reader):
    from kg.explore.neighbourhood import edge_evidence

    statements = statement_graph(reader)
    sub = neighbourhood(reader, "xiaohongshu", GraphFilter(), Settings.load(), statements=statements)
    evidence = edge_evidence(reader, statements, sub)
    [partner] = evidence[("xiaohongshu", "taotian", "partner_of")]
    assert "Taotian" in partner.sentence and partner.document == "seed-sample" and partner.confidence == 0.93
    assert partner.title == "Xiaohongshu opens external links"
    assert set(evidence) == {(e.source, e.target, e.relation) for e in sub.edges}  # every drawn relation edge


@pytest.mark.parametrize("focus", ["xiaohongshu", "alibaba"])
def test_edge_evidence_is_what_the_statements_rows_say(reader, focus):
    """One query for the drawn edges' sentences gives what the entity page's rows give for the same statements:
    relation, date, confidence, source and the first sentence (by document, then sentence) with its title."""
    from kg.explore.entity import relation_rows
    from kg.explore.neighbourhood import edge_evidence

    statements = statement_graph(reader)
    sub = neighbourhood(reader, focus, GraphFilter(hops=2), Settings.load(), statements=statements)
    evidence = edge_evidence(reader, statements, sub)
    for (source, target, relation), found in evidence.items():
        data = statements.get_edge_data(source, target)
        best = sorted(
            (n for n, d in data.items() if d["relation"] == relation), key=lambda n: (-data[n]["confidence"], n)
        )[:3]
        expected = []
        for row in relation_rows(reader, best):
            ev = row.evidence[0] if row.evidence else None
            expected.append(
                (row.predicate, row.date, row.confidence, row.source)
                + ((ev.sentence, ev.document, ev.document_title) if ev else ("", "", ""))
            )
        got = [(e.relation, e.date, e.confidence, e.source, e.sentence, e.document, e.title) for e in found]
        assert got == expected
    assert any(e.sentence for found in evidence.values() for e in found)
    assert any(e.source == "kb" for found in evidence.values() for e in found)


def test_an_edge_shows_its_statements_first_sentence(tmp_path):
    """A statement read in two sentences: the edge shows the first by document, then sentence (as its rows do)."""
    from explore_sample import Sample
    from kg.explore.neighbourhood import edge_evidence
    from kg.model import Relation
    from kg.rdf import extraction_quads

    later, first = "Xiaohongshu took money from Alibaba in 2018.", "Alibaba invested in Xiaohongshu."
    doc = Sample("two-sentences", f"{later} {first}", "Two sentences", "2018")
    doc.extraction.relations.append(
        Relation(
            doc.entity("Alibaba"),
            "invested_in",
            doc.entity("Xiaohongshu"),
            [doc.evidence(later, "Xiaohongshu", "Alibaba"), doc.evidence(first, "Alibaba", "Xiaohongshu")],
            "test.invested_in",
            0.9,
        )
    )
    settings = Settings.load(store=str(tmp_path / "store"))
    with open_writer(settings) as writer:
        writer.replace_document(doc.doc.id, extraction_quads(doc.extraction))
    reader = open_reader(settings)
    statements = statement_graph(reader)
    sub = neighbourhood(reader, "alibaba", GraphFilter(), settings, statements=statements)
    [shown] = edge_evidence(reader, statements, sub)[("alibaba", "xiaohongshu", "invested_in")]
    assert (shown.sentence, shown.document, shown.title, shown.source) == (
        first,
        "two-sentences",
        "Two sentences",
        "text",
    )


def test_evidence_shows_on_click_as_text(reader):
    from kg.explore.neighbourhood import edge_evidence

    statements = statement_graph(reader)
    sub = neighbourhood(reader, HOSTILE_A.casefold(), GraphFilter(), Settings.load(), statements=statements)
    page = to_html(sub, evidence=edge_evidence(reader, statements, sub), clicks="graph")
    assert "<script>alert(2)" not in page and "innerHTML" not in page.split("var kgConfig")[1]
    assert "alert(2)" in page  # the sentence is there, as JSON data


@pytest.mark.parametrize("clicks, focus_key", [("graph", "xiaohongshu"), ("open", None)])
def test_clicks_are_wired_only_when_asked(reader, clicks, focus_key):
    sub = neighbourhood(reader, "xiaohongshu", GraphFilter(), Settings.load())
    page = to_html(sub, clicks=clicks)
    config = json.loads(re.search(r"var kgConfig = (\{.*?\});", page).group(1))
    assert config == {"mode": clicks, "focus": "xiaohongshu"}
    drawn = {n["id"]: n["kg"] for n in json.loads(re.search(r"nodes = new vis\.DataSet\((\[.*?\])\);", page).group(1))}
    assert drawn["xiaohongshu"]["entity"] == focus_key  # the console's nodes are ent:<key>: these are not
    assert "kgConfig" not in to_html(sub)


def test_parallel_edges_are_one_line_with_counts_and_co_mentions_apart():
    from kg.explore.neighbourhood import Edge, Node, Subgraph
    from kg.explore.network_html import merge_edges

    sub = Subgraph(
        "a",
        {k: Node(k, k.upper(), "Organization", 1) for k in "abc"},
        [
            Edge("a", "b", "partner_of", count=3),
            Edge("b", "a", "owns"),
            Edge("a", "b", "co-mentioned", count=4),
            Edge("a", "c", "owns"),
        ],
    )
    merged = {(d.source, d.target, d.label, d.both_ways) for d in merge_edges(sub)}
    assert merged == {("b", "a", "owns · partner of ×3", True), ("a", "b", "", False), ("a", "c", "owns", False)}
    page = to_html(sub)
    drawn = json.loads(re.search(r"edges = new vis\.DataSet\((\[.*?\])\);", page).group(1))
    assert len(drawn) == 3 and sum(e.get("dashes", False) for e in drawn) == 1


def test_expand_adds_a_nodes_neighbours_in_place(reader):
    from kg.explore.neighbourhood import expand

    statements = statement_graph(reader)
    sub = neighbourhood(reader, "xiaohongshu", GraphFilter(), Settings.load(), statements=statements)
    assert "vipshop" not in sub.nodes
    grown = expand(reader, sub, ["jd.com", "not drawn"], GraphFilter(), Settings.load(), statements=statements)
    assert grown.nodes["vipshop"].depth == 2 and set(sub.nodes) < set(grown.nodes)
    assert any(e.relation == "competes_with" and {e.source, e.target} == {"jd.com", "vipshop"} for e in grown.edges)
    assert grown.focus == "xiaohongshu" and set(sub.edges) <= set(grown.edges)


def test_hide_never_hides_the_focus_and_drops_what_hung_on_a_hidden_node(big_reader):
    from kg.explore.neighbourhood import hide

    sub = neighbourhood(
        big_reader, "hub", GraphFilter(hops=2), Settings.load(graph_max_nodes=60, graph_max_per_relation=3)
    )
    first = next(k for k, n in sub.nodes.items() if n.depth == 1 and n.type != MORE)
    hidden = hide(sub, ["hub", first])
    assert "hub" in hidden.nodes and first not in hidden.nodes
    assert not [e for e in hidden.edges if first in (e.source, e.target)]
    assert not [k for k in hidden.nodes if k.startswith(f"+more:{first}:")]


def test_a_pinned_entity_stays_with_its_edges_to_the_view(reader):
    from kg.explore.neighbourhood import pin

    statements, entities = statement_graph(reader), build_label_index(reader).entities
    sub = neighbourhood(reader, "xiaohongshu", GraphFilter(), Settings.load(), statements=statements)
    pinned = pin(sub, ["vipshop", "no such entity"], GraphFilter(), statements=statements, entities=entities)
    assert pinned.nodes["vipshop"].label == "Vipshop" and "no such entity" not in pinned.nodes
    assert any(e.relation == "competes_with" and {e.source, e.target} == {"jd.com", "vipshop"} for e in pinned.edges)
    filtered = pin(sub, ["vipshop"], GraphFilter(min_confidence=0.7), statements=statements, entities=entities)
    assert not [e for e in filtered.edges if "vipshop" in (e.source, e.target)]  # 0.6 < 0.7: no edge


@pytest.mark.parametrize(
    "flt, expected",
    [
        (GraphFilter(), 300),
        (GraphFilter(min_confidence=0.9), 60),
        (GraphFilter(types=("Person",)), 0),
    ],
)
def test_a_more_node_lists_every_counterpart_of_its_group_best_first(big_reader, flt, expected):
    from kg.explore.neighbourhood import counterparts

    statements, entities = statement_graph(big_reader), build_label_index(big_reader).entities
    sub = neighbourhood(
        big_reader, "hub", flt, Settings.load(graph_max_nodes=40, graph_max_per_relation=5), statements=statements
    )
    found = counterparts("+more:hub:owns:out", flt, statements=statements, entities=entities)
    assert len(found) == expected
    assert [c.confidence for c in found] == sorted((c.confidence for c in found), reverse=True)
    assert all(c.relation == "owns" and c.direction == "out" and c.label.startswith("owns ") for c in found)
    if expected:
        assert (
            sub.nodes["+more:hub:owns:out"].hidden == expected - 5
        )  # the table holds what the node stands for, and the drawn
    overflow = counterparts("+more:overflow", flt, statements=statements, entities=entities, focus="hub")
    assert len(overflow) == (4 * 300 + HUB_INVESTORS if flt == GraphFilter() else len(overflow))
    assert counterparts("hub", flt, statements=statements, entities=entities) == []


def test_sizes_by_centrality_and_colours_by_community(big_reader):
    from kg.explore.neighbourhood import communities, node_sizes
    from kg.explore.network_html import community_legend

    sub = neighbourhood(
        big_reader, "hub", GraphFilter(hops=2), Settings.load(graph_max_nodes=60, graph_max_per_relation=3)
    )
    sizes = node_sizes(sub, "pagerank")
    assert max(sizes, key=sizes.get) == "hub" and not [k for k in sizes if k.startswith("+more")]
    groups = communities(sub)
    assert groups == communities(sub) and len(set(groups.values())) > 1  # seeded: the same view, the same colours
    colours, legend_rows = community_legend(sub, groups)
    page = to_html(sub, sizes=sizes, colours=colours)
    drawn = {n["id"]: n for n in json.loads(re.search(r"nodes = new vis\.DataSet\((\[.*?\])\);", page).group(1))}
    assert drawn["hub"]["size"] == 40.0 and drawn["hub"]["color"] == colours["hub"]
    assert all(name.startswith("around ") for name, _ in legend_rows)


# --- the timeline's story ------------------------------------------------------------------------------------------
def test_an_event_a_relation_states_is_one_mark(reader):
    from kg.explore.timeline import merge_marks, timeline_items

    items = list(timeline_items(reader, "xiaohongshu").items)
    merged = merge_marks(items)
    assert [i for i in items if i.kind == "event"] and not [i for i in merged if i.kind == "event"]
    assert {i.label for i in merged} == {i.label for i in items if i.kind == "relation"}


@pytest.mark.parametrize(
    "dates, fmt",
    [
        (["2025-05-07"], "%d %b %Y"),
        (["2025-05-07", "2025-05-12", "2025-06"], "%d %b %Y"),
        (["2025-01-03", "2025-11"], "%b %Y"),
        (["2018-06", "2025-05-07"], "%Y"),
    ],
)
def test_the_time_axis_reads_at_every_span(dates, fmt):
    from kg.explore.timeline import TimelineItem, time_axis, timeline_chart

    items = [
        TimelineItem("relation", "owns", d, {1: "year", 2: "month", 3: "day"}[d.count("-") + 1], d, ()) for d in dates
    ]
    domain, axis = time_axis(items)
    assert axis.format == fmt and domain[0] < min(i.start for i in items) and domain[1] > max(i.end for i in items)
    spec = timeline_chart(items, lane=["one"] * len(items)).to_dict()
    assert spec["layer"][0]["encoding"]["y"]["axis"]["labelOverlap"] is False  # every lane labelled


def test_lanes_by_counterpart_and_colours_by_kind(reader):
    from kg.explore.timeline import STORY_COLOURS, lanes, merge_marks, story_kind, timeline_chart, timeline_items

    items = merge_marks(timeline_items(reader, "xiaohongshu").items)
    names = build_label_index(reader).entities
    by_counterpart = lanes(items, "counterpart", "xiaohongshu", {k: e.label for k, e in names.items()})
    assert set(by_counterpart) == {"Taotian", "Red Cat Plan", "Alibaba", "Xiaohongxing", "JD.com"}
    kinds = {story_kind(i.type) for i in items}
    assert kinds <= set(STORY_COLOURS) and len(kinds) >= 3
    spec = timeline_chart(items, lane=by_counterpart).to_dict()
    scale = spec["layer"][0]["encoding"]["color"]["scale"]
    assert scale["range"] == list(STORY_COLOURS.values()) and len(set(scale["range"])) == len(scale["range"]) <= 6
