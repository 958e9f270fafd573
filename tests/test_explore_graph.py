"""The graph view's neighbourhood (filters and caps over the statement graph) and its pyvis HTML."""

from __future__ import annotations

import json
import re
from collections import Counter

import pyoxigraph as ox
import pytest

from explore_sample import HOSTILE_A
from kg.errors import KGError
from kg.explore.neighbourhood import MORE, GraphFilter, export_view, neighbourhood, year_range
from kg.explore.network_html import external_resources, to_html
from kg.explore.search import build_label_index
from kg.explore.statements import statement_graph
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
    ("alibaba", GraphFilter(hops=2, date_to="2020", comentions=True), Settings.load(graph_max_nodes=8, graph_max_per_relation=2)),
    (HOSTILE_A.casefold(), GraphFilter(hops=2), Settings.load()),
]


@pytest.mark.parametrize("focus, flt, settings", VIEWS)
def test_prebuilt_statements_and_entities_give_the_same_view(reader, focus, flt, settings):
    statements, entities = statement_graph(reader), build_label_index(reader).entities
    built = neighbourhood(reader, focus, flt, settings)
    assert len(built.nodes) > 1
    assert neighbourhood(reader, focus, flt, settings, statements=statements, entities=entities) == built


@pytest.mark.parametrize("focus, flt, settings", VIEWS + [
    ("xiaohongshu", GraphFilter(relations=("launched", "partner_of"), types=("Program",)), Settings.load(graph_max_per_relation=2)),
])
def test_the_ranked_neighbours_kept_with_the_statement_graph_give_the_view_walking_the_statements_gives(reader, focus, flt, settings):
    statements = statement_graph(reader)
    walked = statements.copy()
    del walked.graph["neighbours"]  # without the ranking, every view walks the statements of its frontier
    assert neighbourhood(reader, focus, flt, settings, statements=statements) == neighbourhood(reader, focus, flt, settings, statements=walked)


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
    assert [e for e in sub.edges if e.relation == "co-mentioned"] and "dashes\": true" in to_html(sub)


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
    assert ox.Triple(ox.NamedNode(str(entity_iri("Xiaohongshu"))), ox.NamedNode(str(KG.partner_of)),
                     ox.NamedNode(str(entity_iri("Taotian")))) in parsed
    assert b"<gexf" in export_view(sub, "gexf") and b"<graphml" in export_view(sub, "graphml")
    assert list(ox.parse(export_view(sub, "jsonld"), format=ox.RdfFormat.JSON_LD))
    with pytest.raises(KGError, match="'xlsx'.*use one of ttl, jsonld, graphml, gexf"):
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
    monkeypatch.setattr(Network, "generate_html",
                        lambda self, *a, **kw: real(self, *a, **kw) + '<script src="https://cdn.example/x.js"></script>')
    with pytest.raises(KGError, match="cdn.example.*pin pyvis"):
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
        for pr, ob in [(RDF + "type", ox.NamedNode(str(KG.Statement))), (RDF + "subject", s), (RDF + "predicate", ox.NamedNode(str(getattr(KG, p)))),
                       (RDF + "object", o), (str(KG.confidence), ox.Literal(str(conf), datatype=ox.NamedNode(XSD + "decimal")))]:
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
    per = Counter((e.relation, "out" if e.source == "hub" else "in") for e in sub.edges
                  if "hub" in (e.source, e.target) and sub.nodes[e.target if e.source == "hub" else e.source].type != MORE)
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
        drawn = [e.confidence for e in sub.edges if e.relation == rel and sub.nodes[e.target if direction == "out" else e.source].type != MORE
                 and (e.source if direction == "out" else e.target) == "hub"]
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
    per = Counter((e.relation, "out" if e.source == "hub" else "in") for e in sub.edges if sub.nodes[e.target].type != MORE
                  and sub.nodes[e.source].type != MORE)
    assert set(per) == {(r, "out") for r in HUB_RELATIONS} | {("invested_in", "in")}
    assert max(per.values()) - min(per.values()) <= 1
    drawn = [e.confidence for e in sub.edges if e.source == "hub" and e.relation == "owns" and sub.nodes[e.target].type != MORE]
    assert all(c == 0.99 for c in drawn)  # each group's best first
    assert len(sub.nodes) == max_nodes and sub.nodes["+more:overflow"].hidden == 4 * 300 + HUB_INVESTORS - (max_nodes - 2)


def test_caps_hold_at_the_second_hop_and_with_filters(big_reader):
    settings = Settings.load(graph_max_nodes=1000, graph_max_per_relation=3)
    sub = neighbourhood(big_reader, "hub", GraphFilter(hops=2, relations=("partner_of",), min_confidence=0.9), settings)
    hop1 = {k for k, n in sub.nodes.items() if n.depth == 1 and n.type != MORE}
    # partner_of from the hub at >= 0.9: i % 50 in 40..49, 60 neighbours; the top 3 are at 0.99
    assert len(hop1) == 3 and all(e.confidence == 0.99 for e in sub.edges if e.source == "hub" and e.target in hop1)
    assert sub.nodes["+more:hub:partner_of:out"].hidden == 60 - 3
    # each hop-1 node has 5 partner_of neighbours at 0.8 < 0.9: none drawn, none counted
    assert not [n for n in sub.nodes.values() if n.depth == 2]


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
