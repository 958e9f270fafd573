"""The guard decides on a full parse, and the worker that runs a query cannot reach the network.

A corpus of SERVICE spellings (case, comments, numbers and punctuation glued to the keyword, escapes,
every clause it can nest in) is sent through every entry point against a loopback canary, which must
see no request; a Hypothesis property does the same with generated queries; and a worker with the
guard taken away still cannot make a request (the second wall).
"""

from __future__ import annotations

import contextlib
import re
import subprocess
import sys
import time

import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from canaries import HttpCanary
from kg.errors import QueryError, QueryRefusedError
from kg.query import prepare_query, query_pool, run_user_query


@pytest.fixture(scope="module")
def canary():
    http_canary = HttpCanary()
    yield http_canary
    http_canary.close()


@pytest.fixture(scope="module")
def settings(sample_store):
    return sample_store.replace(query_timeout=5.0, query_workers=2)


def _isolation_possible() -> bool:
    probe = (
        "from kg.query.isolation import isolate_network; import sys; sys.exit(0 if isolate_network() is None else 1)"
    )
    return subprocess.run([sys.executable, "-c", probe]).returncode == 0


needs_isolation = pytest.mark.skipif(not _isolation_possible(), reason="this OS gives no network namespace")


def service_spellings(url: str) -> list[str]:
    """SERVICE written every way a parser might read it, each valid for Oxigraph or close to it."""
    pattern = f"<{url}> {{ ?a ?b ?c }}"
    return [
        f"SELECT ?c WHERE {{ ?s ?p 1SERVICE {pattern} }} LIMIT 1",  # the reported bypass: `1 SERVICE`
        f"SELECT ?c WHERE {{ ?s ?p 1.5SERVICE {pattern} }}",
        f"SELECT ?c WHERE {{ ?s ?p 1e3SERVICE {pattern} }}",
        f'SELECT ?c WHERE {{ ?s ?p "x"SERVICE {pattern} }}',
        f"SELECT ?c WHERE {{ ?s ?p <http://o.example/>SERVICE {pattern} }}",
        f"SELECT ?c WHERE {{ ?s ?p ?o .SERVICE {pattern} }}",
        f"SELECT ?c WHERE {{ ?s ?p ?o }}SERVICE {pattern}",
        f"SELECT ?c WHERE {{SERVICE<{url}>{{?a ?b ?c}}}}",
        f"select ?c where {{ service {pattern} }}",
        f"SELECT ?c WHERE {{ sErViCe {pattern} }}",
        f"SELECT ?c WHERE {{ SERVICE SILENT {pattern} }}",
        f"SELECT ?c WHERE {{ SERVICE# a comment\n<{url}> {{ ?a ?b ?c }} }}",
        f"SELECT ?c WHERE {{ #{{\nSERVICE {pattern} }}",
        f"SELECT ?c WHERE {{ ?s ?p ?o FILTER(true)SERVICE {pattern} }}",
        f"SELECT ?c WHERE {{ OPTIONAL {{ SERVICE {pattern} }} }}",
        f"SELECT ?c WHERE {{ {{ ?s ?p ?o }} UNION {{ SERVICE {pattern} }} }}",
        f"SELECT ?c WHERE {{ ?s ?p ?o MINUS {{ SERVICE {pattern} }} }}",
        f"SELECT ?c WHERE {{ ?s ?p ?o FILTER EXISTS {{ SERVICE {pattern} }} }}",
        f"SELECT ?c WHERE {{ ?s ?p ?o FILTER NOT EXISTS {{ SERVICE {pattern} }} }}",
        f"SELECT ?c WHERE {{ {{ SELECT ?c WHERE {{ SERVICE {pattern} }} }} }}",
        f"SELECT ?c WHERE {{ GRAPH ?g {{ SERVICE {pattern} }} }}",
        f"SELECT ?c WHERE {{ BIND(1 AS ?x) SERVICE {pattern} VALUES ?x {{ 1 }} }}",
        f"ASK {{ SERVICE {pattern} }}",
        f"CONSTRUCT {{ ?a ?b ?c }} WHERE {{ SERVICE {pattern} }}",
        f"DESCRIBE ?c WHERE {{ SERVICE {pattern} }}",
        f"PREFIX e: <{url.rsplit('/', 1)[0]}/> SELECT ?c WHERE {{ SERVICE e:x {{ ?a ?b ?c }} }}",
        f"PREFIX service: <http://x.example/> SELECT ?c WHERE {{ ?s service:p ?o SERVICE {pattern} }}",
        f"SELECT ?c WHERE {{ BIND(<{url}> AS ?e) SERVICE ?e {{ ?a ?b ?c }} }}",
        f"SELECT ?c WHERE {{ \\u0053ERVICE {pattern} }}",
        f"SELECT ?c WHERE {{ S\\u0045RVICE {pattern} }}",
        f'SELECT ?c WHERE {{ ?s ?p "\\u0022" SERVICE {pattern} }}',
        f"SELECT ?c WHERE {{ ?s ?p '''a'''SERVICE {pattern} }}",
        f"SELECT ?c WHERE {{ ?s ?p ?o }} ; SERVICE {pattern}",
        f"LOAD <{url}>",
        f"LOAD SILENT <{url}> INTO GRAPH <http://g.example/>",
        f"SELECT * FROM <{url}> WHERE {{ ?s ?p ?o }}",
        f"SELECT * FROM NAMED <{url}> WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}",
    ]


SPELLINGS = service_spellings("http://127.0.0.1:9/x")


@pytest.mark.parametrize("text", SPELLINGS)
def test_every_service_spelling_is_refused_by_the_guard(settings, text):
    with pytest.raises(QueryError):  # QueryRefusedError, or a syntax error: either way nothing runs
        prepare_query(text, settings)


def test_the_reported_bypass_is_refused_as_service(settings):
    with pytest.raises(QueryRefusedError, match=re.escape("SERVICE <http://127.0.0.1:9/x> refused")):
        prepare_query(SPELLINGS[0], settings)


def test_no_spelling_reaches_the_canary_through_the_library_and_cli(settings, canary):
    from typer.testing import CliRunner

    from kg.cli import app

    runner = CliRunner()
    for text in service_spellings(canary.url):
        with pytest.raises(QueryError):
            run_user_query(text, settings)
        outcome = runner.invoke(app, ["query", text, "--store", settings.store])
        assert outcome.exit_code != 0, text
    time.sleep(0.2)  # time for a stray request to arrive
    assert canary.hits == 0


def test_no_spelling_reaches_the_canary_through_the_endpoint(settings, canary):
    from starlette.testclient import TestClient

    from kg.serve import create_app

    with TestClient(create_app(settings), base_url="http://127.0.0.1:8000") as client:
        for text in service_spellings(canary.url):
            answers = [
                client.get("/sparql", params={"query": text}),
                client.post("/sparql", data={"query": text}),
                client.post("/sparql", content=text.encode(), headers={"Content-Type": "application/sparql-query"}),
            ]
            assert all(a.status_code == 400 for a in answers), (text, [a.status_code for a in answers])
    time.sleep(0.2)
    assert canary.hits == 0


def test_no_spelling_reaches_the_canary_through_the_app(settings, canary, monkeypatch):
    """Merely opening /sparql?query=… runs the query: a crafted link must still reach nothing."""
    from pathlib import Path

    from streamlit.testing.v1 import AppTest

    monkeypatch.setenv("KG_STORE", settings.store)
    app = Path(__file__).resolve().parent.parent / "app" / "streamlit_app.py"
    for text in service_spellings(canary.url)[:12]:
        page = AppTest.from_file(str(app), default_timeout=60)
        page.query_params["query"] = text
        page.switch_page("app_pages/sparql.py")
        page.run()
        assert not page.exception, text
        assert page.error, text  # the refusal is shown
    time.sleep(0.2)
    assert canary.hits == 0


@pytest.mark.parametrize(
    "text, kind",
    [
        ("PREFIX x.select.y: <http://e/> CONSTRUCT WHERE { ?s ?p ?o } LIMIT 2", "construct"),
        ("PREFIX x.ask.y: <http://e/> SELECT ?s WHERE { ?s ?p ?o } LIMIT 2", "select"),
        ("PREFIX x.construct.y: <http://e/> ASK { ?s ?p ?o }", "ask"),
        ("# SELECT in a comment\nDESCRIBE ?s WHERE { ?s ?p ?o } LIMIT 1", "construct"),
    ],
)
def test_query_kind_comes_from_the_parse(settings, text, kind):
    assert prepare_query(text, settings).kind == kind
    result = run_user_query(text, settings)
    assert result.kind == kind
    if kind == "select":
        assert len(result.rows) == 2
    elif kind == "construct":
        assert result.triples


def test_a_flat_long_query_is_not_called_deep(settings):
    patterns = " ".join(f"?s{i} <http://e/p> ?o{i} ." for i in range(1500))
    text = f"SELECT * WHERE {{ {patterns} }} LIMIT 1"
    assert len(text.encode()) < settings.query_max_bytes * 2
    assert prepare_query(text, settings.replace(query_max_bytes=200_000)).kind == "select"


def test_lone_surrogate_is_a_clear_error(settings):
    with pytest.raises(QueryError, match="not valid Unicode"):
        prepare_query('SELECT * WHERE { ?s ?p "\ud800" }', settings)


# --- the second wall ------------------------------------------------------------------------
@needs_isolation
def test_an_isolated_process_cannot_reach_the_canary_even_with_service(canary):
    """With the guard taken away, pyoxigraph in an isolated process still makes no request."""
    script = (
        "import pyoxigraph as ox, sys\n"
        "from kg.query.isolation import isolate_network, network_reachable\n"
        "assert isolate_network() is None\n"
        "assert not network_reachable()\n"
        f"try:\n    list(ox.Store().query('SELECT * WHERE {{ SERVICE <{canary.url}> {{ ?s ?p ?o }} }}'))\n"
        "except OSError as e:\n    print('refused:', e)\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    time.sleep(0.2)
    assert canary.hits == 0


@needs_isolation
def test_query_workers_run_in_a_network_namespace(settings):
    pool = query_pool(settings)
    assert pool.wait_until_started()
    run_user_query("ASK { ?s ?p ?o }", settings)
    assert pool.isolation == "network namespace"


def test_required_isolation_that_cannot_be_had_stops_the_workers(settings, monkeypatch):
    from kg.errors import SettingError

    with pytest.raises(SettingError, match="query_isolation"):
        from kg.query.pool import QueryPool

        QueryPool(settings.replace(query_isolation="sometimes"))


def test_isolate_network_is_irreversible_in_its_process():
    probe = (
        "from kg.query.isolation import isolate_network, network_reachable\n"
        "before = network_reachable()\n"
        "failure = isolate_network()\n"
        "print(before, failure is None, network_reachable())\n"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60).stdout.split()
    if out[1] == "True":
        assert out == ["True", "True", "False"]
    else:
        pytest.skip("this OS gives no network namespace")


# --- generated queries ------------------------------------------------------------------------
_FRAGMENTS = [
    "?s ?p ?o .",
    "?s <http://e/p> 1 .",
    'FILTER(?o != "x")',
    "OPTIONAL { ?s ?q ?r }",
    "{ ?a ?b ?c } UNION { ?d ?e ?f }",
    "BIND(1 AS ?z)",
    "VALUES ?v { 1 2 }",
    "MINUS { ?s a ?t }",
    "GRAPH ?g { ?s ?p ?o }",
    "# comment\n",
    "FILTER EXISTS { ?s ?p ?o }",
]
_GLUE = ["", " ", "\n", "1", "1.5", '"s"', "<http://o.example/>", ".", "#c\n", "}", "{", ")", "(", ";", ","]
_DANGER = [
    "SERVICE <http://127.0.0.1:9/x> { ?a ?b ?c }",
    "service ?e { ?a ?b ?c }",
    "SeRvIcE SILENT <http://127.0.0.1:9/> {}",
    "LOAD <http://127.0.0.1:9/>",
    "INSERT DATA { <a:b> <a:c> <a:d> }",
    "FROM <http://127.0.0.1:9/>",
]


@st.composite
def generated_queries(draw):
    body = draw(st.lists(st.sampled_from(_FRAGMENTS), max_size=5))
    if draw(st.booleans()):
        where = draw(st.integers(0, len(body)))
        danger = draw(st.sampled_from(_GLUE)) + draw(st.sampled_from(_DANGER)) + draw(st.sampled_from(_GLUE))
        body.insert(where, danger)
    form = draw(st.sampled_from(["SELECT * WHERE", "ASK", "CONSTRUCT WHERE", "select ?s where", "DESCRIBE ?s WHERE"]))
    return f"{form} {{ {' '.join(body)} }}"


@hsettings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=generated_queries())
def test_whatever_the_guard_admits_has_no_service_load_or_update_in_rdflibs_parse(settings, text):
    """An independent parser (rdflib's) finds nothing the guard should have refused in what it admits."""
    from kg.query.guard import _rdflib_verdict

    try:
        prepare_query(text, settings)
    except QueryError:
        return
    second = _rdflib_verdict(text)
    assert not (isinstance(second, tuple) and second[0] is QueryRefusedError), (text, second)


@hsettings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=generated_queries())
def test_generated_queries_never_reach_the_canary(settings, canary, text):
    text = text.replace("http://127.0.0.1:9/x", canary.url).replace("http://127.0.0.1:9/", canary.url)
    with contextlib.suppress(QueryError):
        run_user_query(text, settings)
    assert canary.hits == 0
