"""The SPARQL console: completions, errors that point at the query, result cells that link; its page and the
graph and timeline pages in AppTest (the editor and the linked table are components AppTest cannot press:
the URL's ``query`` runs a query, as the editor's Run does)."""

from __future__ import annotations

import pytest

from kg.explore import console
from kg.explore.terms import EntityRef
from tests.conftest import open_app_page


def test_completions_cover_prefixes_classes_properties_keywords_and_entities():
    found = {c.text: c for c in console.completions([EntityRef("red cat plan", "Red Cat Plan", "Program")])}
    assert {found[t].kind for t in ("kg:", "rdfs:", "ent:")} == {"prefix"}
    assert found["kg:Statement"].kind == found["kg:Organization"].kind == "class"
    assert found["kg:partner_of"].kind == found["rdfs:label"].kind == found["kg:evidence"].kind == "property"
    assert found["OPTIONAL"].kind == "keyword"
    assert found["ent:red%20cat%20plan"].match == "Red Cat Plan"  # a name completes to an IRI the parser takes


@pytest.mark.parametrize(
    "message, query, line, column, shown",
    [
        (
            "SPARQL syntax error at line 3, column 14: expected var here\n      FILTER(?s = )\n"
            "                 ^\nfix the query text",
            "SELECT ?s WHERE {\n  ?s a kg:Organization\n  FILTER(?s = )\n}",
            3,
            14,
            "  FILTER(?s = )\n             ^",
        ),
        ("SPARQL error: error at 1:9: expected something", "SELECT * WHERE { }", 1, 9, "SELECT * WHERE { }\n        ^"),
        (
            "SPARQL error: expected one of Prefix not found, ['%']",
            "SELECT ?x WHERE {\n ?x a foo:Bar }",
            2,
            7,
            " ?x a foo:Bar }\n      ^",
        ),
        (
            "DELETE WHERE refused: user queries are read-only; change the store with `kg build`",
            "DELETE WHERE { ?s ?p ?o }",
            None,
            None,
            "",
        ),
        ("SPARQL syntax error at line 9, column 1: beyond the text", "SELECT * {}", None, None, ""),
    ],
)
def test_an_error_points_at_the_users_line_and_column(message, query, line, column, shown):
    problem = console.query_problem(message, query)
    assert (problem.line, problem.column, problem.caret) == (line, column, shown)
    assert "\n" not in problem.message  # the guard's own caret lines are replaced by the user's text


def test_an_undeclared_prefix_is_named():
    problem = console.query_problem("SPARQL error: expected one of Prefix not found, ['%']", "SELECT * { ?s a foo:X }")
    assert problem.message.startswith("foo: is not a declared prefix")
    assert console.undeclared_prefixes("PREFIX foo: <http://f/> SELECT * { ?s a foo:X ; ent:y <a:b> }") == ["ent"]
    assert console.with_entity_prefix("SELECT * { ent:y ?p ?o }")[0].startswith("PREFIX ent: <")


def test_result_cells_link_entities_and_documents(sample_store):
    from kg.explore.search import build_label_index
    from kg.query import run_user_query
    from kg.store import open_reader

    entities = build_label_index(open_reader(sample_store)).entities
    result = run_user_query(
        "SELECT ?e ?d ?t WHERE { ?m kg:refersTo ?e ; kg:document ?d . ?d dcterms:title ?t } ORDER BY ?e LIMIT 5",
        sample_store,
    )
    rows = console.linked_rows(result, entities, limit=3)
    assert len(rows) == 3 and console.result_columns(result) == ["e", "d", "t"]
    entity, document, title = rows[0]
    assert entity["page"] == "entity" and entity["text"] == entities[entity["key"]].label
    assert document["page"] == "documents" and document["key"] in ("seed-sample", "hostile")
    assert "page" not in title
    kb = run_user_query("SELECT ?g WHERE { GRAPH ?g { ?s a kg:KnowledgeBase } }", sample_store)
    assert console.linked_rows(kb) == [[{"text": console.compact(kb.rows[0][0])}]]  # the kb graph is no document


# --- the pages -----------------------------------------------------------------------------------------------------
@pytest.fixture
def app(sample_store, monkeypatch):
    monkeypatch.setenv("KG_STORE", sample_store.store)

    return open_app_page


@pytest.mark.parametrize(
    "query, message, caret",
    [
        (
            "SELECT ?x WHERE {\n ?x a foo:Bar }",
            "foo\\: is not a declared prefix",
            "line 2, column 7:\n ?x a foo:Bar }\n      ^",
        ),
        ("SELECT ?s WHERE {\n  ?s a kg:Organization\n  FILTER(?s = )\n}", "line 3, column 14", "line 3, column 14:"),
        ("DELETE WHERE { ?s ?p ?o }", "`kg build`", None),
    ],
)
def test_sparql_errors_point_at_the_line_without_literal_backticks(app, query, message, caret):
    at = app("sparql", query=query)
    [error] = at.error
    assert message in error.value and "\\`" not in error.value
    if caret:
        assert at.code[0].value.startswith(caret)
    else:
        assert not at.code


def test_sparql_page_keeps_the_urls_query_in_the_editor_and_offers_a_grid(app):
    query = (
        'SELECT ?e ?l WHERE { ?e rdfs:label ?l FILTER(STRSTARTS(STR(?e), "https://w3id.org/kg-explorer/id/entity/")) }'
        " ORDER BY ?l"
    )
    at = app("sparql", query=query)
    assert at.session_state["editor_query"] == query
    assert list(at.dataframe[0].value["l"])[:2] == ["<img src=x onerror=alert(1)>", "<script>alert(2)</script>"]
    assert [t.label for t in at.tabs][:2] == ["Table", "Sortable grid"]


@pytest.mark.parametrize(
    "params, drawn, not_drawn",
    [
        ({"expand": "jd.com"}, ["Vipshop"], []),
        ({"pin": "vipshop"}, ["Vipshop"], []),
        ({"hide": "taotian"}, ["Alibaba"], ['"label": "Taotian"']),
        ({"size": "degree", "colour": "community"}, ["around Xiaohongshu"], []),
    ],
)
def test_graph_page_expands_pins_hides_and_draws_by_centrality(app, params, drawn, not_drawn):
    at = app("graph", entity="xiaohongshu", **params)
    page = at.get("iframe")[0].proto.srcdoc
    shown = page + "\n".join(m.value for m in at.markdown)
    assert all(d in shown for d in drawn) and not any(n in page for n in not_drawn)
    assert at.query_params.get("entity") == "xiaohongshu"


def test_graph_page_lists_what_a_more_node_stands_for_and_focuses_on_a_pick(app):
    at = app("graph", entity="xiaohongshu", more="+more:xiaohongshu:partner_of:out")
    table = at.dataframe[0].value
    assert set(table["name"]) == {"Taotian", "JD.com"} and list(table["confidence"]) == [0.93, 0.8]
    at.text_input(key="more_filter").set_value("jd").run()
    assert list(at.dataframe[0].value["name"]) == ["JD.com"]
    at.selectbox(key="more_pick").set_value("jd.com").run()
    assert at.query_params.get("entity") == "jd.com" and "more" not in at.query_params


@pytest.mark.parametrize("params, lanes", [({"entity": "xiaohongshu"}, "counterpart"), ({}, "relation")])
def test_timeline_lanes_follow_the_entity(app, params, lanes):
    at = app("timeline", **params)
    assert at.radio(key="lanes").value == lanes and at.query_params.get("lanes") == lanes
    [chart] = at.get("arrow_vega_lite_chart") or at.get("vega_lite_chart")
    spec = chart.proto.spec
    assert "kind of fact" in spec


def test_entity_names_run_undeclared_and_errors_still_point_at_the_users_line(app):
    at = app("sparql", query="SELECT ?p ?o WHERE { ent:xiaohongshu ?p ?o }")
    assert not at.error and len(at.dataframe[0].value) > 3
    at = app("sparql", query="SELECT ?p WHERE {\n ent:xiaohongshu ?p ?o .\n FILTER(?p = ) }")
    assert at.code[0].value.startswith("line 3, column ")
