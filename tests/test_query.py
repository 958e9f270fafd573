"""The guarded user-query path: refusals (with canaries that must see no access), limits, results."""

from __future__ import annotations

import threading
import time

import pyoxigraph as ox
import pytest

from canaries import FileCanary, HttpCanary
from kg.errors import QueryError, QueryRefusedError, QueryTimeoutError
from kg.query import PREFIXES, prepare_query, query_pool, run_user_query
from kg.settings import Settings
from kg.store import graph_node, open_reader, open_writer


@pytest.fixture(scope="module")
def settings(sample_store) -> Settings:
    return sample_store.replace(query_timeout=5.0, query_workers=2)


def _rows(solutions) -> set[tuple]:
    columns = [v.value for v in solutions.variables]
    return {tuple(s[c] for c in columns) for s in solutions}


@pytest.fixture
def canaries(tmp_path):
    http_canary, file_canary = HttpCanary(), FileCanary(tmp_path / "canary.nt")
    yield http_canary, file_canary
    http_canary.close()
    file_canary.close()


def test_canaries_notice_unguarded_libraries(canaries):
    """The canaries can fail: unguarded pyoxigraph calls SERVICE, unguarded rdflib reads FROM files."""
    import rdflib

    http_canary, file_canary = canaries
    list(ox.Store().query(f"SELECT * WHERE {{ SERVICE <{http_canary.url}> {{ ?s ?p ?o }} }}"))
    assert http_canary.hits == 1
    rows = list(rdflib.Dataset().query(f"SELECT * FROM <{file_canary.path.as_uri()}> WHERE {{ ?s ?p ?o }}"))
    assert file_canary.reads >= 1 and len(rows) == 1


def test_refused_queries_touch_nothing(settings, canaries):
    http_canary, file_canary = canaries
    attempts = {
        "SERVICE": f"SELECT * WHERE {{ SERVICE <{http_canary.url}> {{ ?s ?p ?o }} }}",
        "LOAD": f"LOAD <{http_canary.url}>",
        "INSERT DATA": "INSERT DATA { <http://x.example/a> <http://x.example/b> <http://x.example/c> }",
        "FROM": f"SELECT * FROM <{file_canary.path.as_uri()}> WHERE {{ ?s ?p ?o }}",
        "FROM NAMED": f"SELECT * FROM NAMED <{http_canary.url}> WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}",
    }
    for what, text in attempts.items():
        with pytest.raises(QueryRefusedError) as refused:
            run_user_query(text, settings)
        assert str(refused.value).startswith(what), refused.value
        assert "refused" in str(refused.value)
    time.sleep(0.2)  # time for a stray access to arrive
    assert http_canary.hits == 0
    assert file_canary.reads == 0


@pytest.mark.parametrize(
    "text, named",
    [
        (
            "SELECT * WHERE { OPTIONAL { { SELECT ?s WHERE { service silent <http://127.0.0.1:9/> { ?s ?p ?o } } } } }",
            "SERVICE <http://127.0.0.1:9/>",
        ),
        ("SELECT * WHERE { ?s ?p ?o FILTER EXISTS { SERVICE ?endpoint { ?s ?p ?o } } }", "SERVICE ?endpoint"),
        ("ASK { { ?s ?p ?o } UNION { MINUS { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } } } }", "SERVICE"),
        (
            "PREFIX ex: <http://127.0.0.1:9/> CONSTRUCT { ?s ?p ?o } WHERE { SERVICE ex:sparql { ?s ?p ?o } }",
            "SERVICE ex:sparql",
        ),
        ("CLEAR ALL", "CLEAR"),
        ("DELETE WHERE { ?s ?p ?o }", "DELETE WHERE"),
        ("DROP GRAPH <https://w3id.org/kg-explorer/id/graph/kb>", "DROP"),
        ("BASE <file:///etc/> SELECT * FROM <passwd> WHERE { ?s ?p ?o }", "FROM <passwd>"),
        ("PREFIX g: <file:///etc/> SELECT * FROM g:passwd WHERE { ?s ?p ?o }", "FROM <file:///etc/passwd>"),
        (
            "SELECT * FROM <https://w3id.org/kg-explorer/ontology#x> WHERE { ?s ?p ?o }",
            "FROM <https://w3id.org/kg-explorer/ontology#x>",
        ),
    ],
)
def test_refusals_name_what_was_refused(settings, text, named):
    with pytest.raises(QueryRefusedError, match="refused") as refused:
        prepare_query(text, settings)
    assert named in str(refused.value)


def test_size_and_depth_limits(settings):
    long = "SELECT * WHERE { ?s ?p ?o } #" + "x" * settings.query_max_bytes
    with pytest.raises(QueryRefusedError, match="query_max_bytes"):
        prepare_query(long, settings)
    depth = settings.query_max_depth
    deep = "SELECT * WHERE " + "{" * (depth + 1) + " ?s ?p ?o " + "}" * (depth + 1)
    with pytest.raises(QueryRefusedError, match="query_max_depth"):
        prepare_query(deep, settings)
    # brackets inside strings, IRIs and comments do not count; the limit itself is accepted
    at_limit = "SELECT * WHERE " + "{" * (depth - 1) + ' ?s ?p "{{{{" FILTER(1) ' + "}" * (depth - 1) + " # ((((\n"
    assert prepare_query(at_limit, settings).kind == "select"


def test_syntax_errors_are_query_errors(settings):
    with pytest.raises(QueryError, match="line 1") as failed:
        run_user_query("SELECT * WHERE { ?s ?p ", settings)
    assert not isinstance(failed.value, QueryRefusedError)


def test_results_match_the_store(settings):
    text = "SELECT ?s ?label WHERE { ?s rdfs:label ?label } ORDER BY ?s"
    result = run_user_query(text, settings)
    direct = open_reader(settings).query(prepare_query(text, settings).text)
    assert result.kind == "select" and result.columns == ["s", "label"]
    assert set(result.rows) == _rows(direct) and result.rows
    assert not result.truncated and result.elapsed > 0
    assert all(isinstance(t, ox.NamedNode) for t, _ in result.rows)


def test_prefixes_added_unless_declared(settings):
    used = run_user_query("SELECT (COUNT(*) AS ?n) WHERE { ?s a kg:Organization }", settings)
    assert int(used.rows[0][0].value) > 0
    # a user's own kg: wins over the built-in one
    own = run_user_query(
        "PREFIX kg: <http://elsewhere.example/> SELECT (COUNT(*) AS ?n) WHERE { ?s a kg:Organization }", settings
    )
    assert own.rows[0][0].value == "0"
    assert set(PREFIXES) >= {"kg", "rdf", "rdfs", "xsd", "skos", "dcterms", "schema", "prov", "oa", "owl"}


def test_optional_columns_are_none(settings):
    result = run_user_query(
        "SELECT ?s ?missing WHERE { ?s a kg:Document OPTIONAL { ?s kg:noSuchTerm ?missing } }", settings
    )
    assert result.rows and all(row[1] is None for row in result.rows)


def test_row_limit_truncates(settings):
    total = len(run_user_query("SELECT * WHERE { ?s ?p ?o }", settings).rows)
    assert total > 10
    cut = run_user_query("SELECT * WHERE { ?s ?p ?o }", settings.replace(query_row_limit=10))
    assert len(cut.rows) == 10 and cut.truncated
    exact = run_user_query("SELECT * WHERE { ?s ?p ?o }", settings.replace(query_row_limit=total))
    assert len(exact.rows) == total and not exact.truncated
    graph = run_user_query("CONSTRUCT WHERE { ?s ?p ?o }", settings.replace(query_row_limit=7))
    assert len(graph.triples) == 7 and graph.truncated


def test_from_names_a_store_graph(settings):
    kb = "https://w3id.org/kg-explorer/id/graph/kb"
    everywhere = run_user_query("SELECT DISTINCT ?s WHERE { ?s ?p ?o }", settings)
    in_kb = run_user_query(f"SELECT DISTINCT ?s FROM <{kb}> WHERE {{ ?s ?p ?o }}", settings)
    direct = open_reader(settings).query(f"SELECT DISTINCT ?s WHERE {{ GRAPH <{kb}> {{ ?s ?p ?o }} }}")
    assert set(in_kb.rows) == _rows(direct)
    assert 0 < len(in_kb.rows) < len(everywhere.rows)


def test_ask_construct_and_formats(settings):
    ask = run_user_query("ASK { ?s a kg:Document }", settings)
    assert ask.kind == "ask" and ask.boolean is True
    assert ox.parse_query_results(ask.serialize("xml"), format=ox.QueryResultsFormat.XML)  # QueryBoolean is truthy
    select = run_user_query("SELECT ?s ?p ?o WHERE { ?s ?p ?o }", settings)
    for fmt, parsed_format in (
        ("json", ox.QueryResultsFormat.JSON),
        ("xml", ox.QueryResultsFormat.XML),
        ("tsv", ox.QueryResultsFormat.TSV),
    ):
        assert _rows(ox.parse_query_results(select.serialize(fmt), format=parsed_format)) == set(select.rows), fmt
    csv = select.serialize("csv").decode("utf-8").splitlines()
    assert csv[0] == "s,p,o" and len(csv) == len(select.rows) + 1
    graph = run_user_query("DESCRIBE ?d WHERE { ?d a kg:Document }", settings)
    assert graph.kind == "construct" and graph.triples
    for fmt, rdf_format in (
        ("turtle", ox.RdfFormat.TURTLE),
        ("ntriples", ox.RdfFormat.N_TRIPLES),
        ("jsonld", ox.RdfFormat.JSON_LD),
    ):
        back = {q.triple for q in ox.parse(graph.serialize(fmt), format=rdf_format)}
        assert back == set(graph.triples), fmt
    with pytest.raises(QueryError, match="turtle"):
        select.serialize("turtle")


@pytest.fixture(scope="module")
def big_store(tmp_path_factory) -> Settings:
    """6,000 nodes, two edges each: the closure of any path is 36 million pairs."""
    store = Settings.load(store=str(tmp_path_factory.mktemp("big") / "store"), query_timeout=2.0, query_workers=2)
    p, q = ox.NamedNode("http://example.org/p"), ox.NamedNode("http://example.org/q")
    n = 6000
    node = [ox.NamedNode(f"http://example.org/n{i}") for i in range(n)]
    graph = graph_node("big")
    with open_writer(store) as writer:
        writer.replace_document(
            "big",
            [ox.Quad(node[i], p if i % 2 else q, node[(i * 7 + 1) % n], graph) for i in range(n)]
            + [ox.Quad(node[i], p, node[(i + 1) % n], graph) for i in range(n)],
        )
    return store


def test_runaway_query_is_stopped_while_others_answer(big_store):
    runaway = "SELECT * WHERE { ?a (<http://example.org/p>|!<http://example.org/p>)* ?b }"
    outcome = {}

    def run_runaway():
        started = time.monotonic()
        try:
            run_user_query(runaway, big_store)
            outcome["error"] = None
        except QueryTimeoutError as e:
            outcome["error"] = e
        outcome["seconds"] = time.monotonic() - started

    assert query_pool(big_store).wait_until_started()  # every worker up, so one is free for the normal query
    thread = threading.Thread(target=run_runaway)
    thread.start()
    time.sleep(0.3)
    started = time.monotonic()
    normal = run_user_query("SELECT (COUNT(*) AS ?n) WHERE { <http://example.org/n1> ?p ?o }", big_store)
    assert time.monotonic() - started < 1.0
    assert normal.rows[0][0].value == "2"
    thread.join(10)
    assert isinstance(outcome["error"], QueryTimeoutError), outcome
    assert "query_timeout" in str(outcome["error"])
    assert outcome["seconds"] <= big_store.query_timeout + 1.0
    # the killed worker was replaced: both answer again
    for _ in range(3):
        assert run_user_query("ASK { ?s ?p ?o }", big_store).boolean is True


@pytest.mark.parametrize(
    "text",
    ["select * where { SeRvIcE <http://127.0.0.1:9/> { ?s ?p ?o } }", "ask from <file:///etc/passwd> { ?s ?p ?o }"],
)
def test_guarded_words_in_any_case_are_parsed_and_refused(settings, text):
    with pytest.raises(QueryRefusedError):
        prepare_query(text, settings)


def test_syntax_error_points_at_line_and_column_with_the_text(settings):
    with pytest.raises(QueryError, match="line 2, column 23") as error:
        run_user_query("SELECT ?s WHERE {\n  ?s ?p ?o FILTER(?o = ) }", settings)
    assert "FILTER(?o = )" in str(error.value) and "SelectQuery" not in str(error.value)
