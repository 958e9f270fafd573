"""`kg serve`: the SPARQL 1.1 Protocol endpoint, queried over real HTTP by real clients."""

from __future__ import annotations

import threading
import time

import httpx
import pyoxigraph as ox
import pytest
import uvicorn

import kg.serve
from conftest import free_port
from kg.query import run_user_query
from kg.serve import create_app
from kg.settings import Settings

SELECT = "SELECT ?s ?label WHERE { ?s rdfs:label ?label }"
CONSTRUCT = "CONSTRUCT { ?s rdfs:label ?label } WHERE { ?s rdfs:label ?label }"


class Endpoint:
    """``create_app(settings)`` served by uvicorn in a thread on a free loopback port."""

    def __init__(self, settings: Settings):
        self.settings = settings.replace(host="127.0.0.1", port=free_port())
        config = uvicorn.Config(
            create_app(self.settings), **kg.serve.uvicorn_options(self.settings), log_level="warning"
        )
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            assert time.monotonic() < deadline and self.thread.is_alive(), "uvicorn did not start"
            time.sleep(0.02)
        self.url = f"http://127.0.0.1:{self.settings.port}/sparql"

    def close(self):
        self.server.should_exit = True
        self.thread.join(10)


@pytest.fixture(scope="module")
def endpoint(sample_store):
    served = Endpoint(sample_store.replace(query_timeout=1.5, cors_origins="http://yasgui.example"))
    yield served
    served.close()


def _values(rows) -> set[tuple]:
    return {tuple((type(t).__name__, t.value) if t is not None else None for t in row) for row in rows}


def _solutions(body: bytes, fmt=ox.QueryResultsFormat.JSON) -> set[tuple]:
    solutions = ox.parse_query_results(body, format=fmt)
    columns = [v.value for v in solutions.variables]
    return _values(tuple(s[c] for c in columns) for s in solutions)


def test_query_by_get_and_both_posts(endpoint):
    expected = _values(run_user_query(SELECT, endpoint.settings).rows)
    assert expected
    get = httpx.get(endpoint.url, params={"query": SELECT})
    form = httpx.post(endpoint.url, data={"query": SELECT})
    raw = httpx.post(endpoint.url, content=SELECT.encode(), headers={"Content-Type": "application/sparql-query"})
    for response in (get, form, raw):
        assert response.status_code == 200, response.text
        assert response.headers["content-type"].startswith("application/sparql-results+json")
        assert _solutions(response.content) == expected


@pytest.mark.parametrize(
    "accept, fmt, media, parse_as",
    [
        ("application/sparql-results+xml", None, "application/sparql-results+xml", ox.QueryResultsFormat.XML),
        ("text/tab-separated-values", None, "text/tab-separated-values", ox.QueryResultsFormat.TSV),
        (
            "text/csv;q=0.5, application/sparql-results+json",
            None,
            "application/sparql-results+json",
            ox.QueryResultsFormat.JSON,
        ),
        ("application/sparql-results+json", "xml", "application/sparql-results+xml", ox.QueryResultsFormat.XML),
    ],
)
def test_select_formats(endpoint, accept, fmt, media, parse_as):
    params = {"query": SELECT, **({"format": fmt} if fmt else {})}
    response = httpx.get(endpoint.url, params=params, headers={"Accept": accept})
    assert response.status_code == 200 and response.headers["content-type"].startswith(media)
    assert _solutions(response.content, parse_as) == _values(run_user_query(SELECT, endpoint.settings).rows)


def test_csv(endpoint):
    response = httpx.get(endpoint.url, params={"query": SELECT}, headers={"Accept": "text/csv"})
    lines = response.text.splitlines()
    assert response.headers["content-type"].startswith("text/csv")
    assert lines[0] == "s,label" and len(lines) == len(run_user_query(SELECT, endpoint.settings).rows) + 1


@pytest.mark.parametrize(
    "accept, media, rdf_format",
    [
        ("text/turtle", "text/turtle", ox.RdfFormat.TURTLE),
        ("application/n-triples", "application/n-triples", ox.RdfFormat.N_TRIPLES),
        ("application/ld+json", "application/ld+json", ox.RdfFormat.JSON_LD),
        ("*/*", "text/turtle", ox.RdfFormat.TURTLE),
    ],
)
def test_construct_formats(endpoint, accept, media, rdf_format):
    response = httpx.post(endpoint.url, data={"query": CONSTRUCT}, headers={"Accept": accept})
    assert response.status_code == 200 and response.headers["content-type"].startswith(media)
    expected = set(run_user_query(CONSTRUCT, endpoint.settings).triples)
    assert {q.triple for q in ox.parse(response.content, format=rdf_format)} == expected and expected


def test_unfitting_formats(endpoint):
    asked = httpx.get(endpoint.url, params={"query": CONSTRUCT, "format": "csv"})
    assert asked.status_code == 406 and "text/turtle" in asked.text
    accepted = httpx.get(endpoint.url, params={"query": CONSTRUCT}, headers={"Accept": "text/csv"})
    assert accepted.status_code == 200 and accepted.headers["content-type"].startswith("text/turtle")


def test_service_description(endpoint):
    response = httpx.get(endpoint.url)
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/turtle")
    sd = "http://www.w3.org/ns/sparql-service-description#"
    triples = {(q.predicate.value, q.object.value) for q in ox.parse(response.content, format=ox.RdfFormat.TURTLE)}
    assert (sd + "endpoint", endpoint.url) in triples
    assert (sd + "supportedLanguage", sd + "SPARQL11Query") in triples
    assert ("http://www.w3.org/1999/02/22-rdf-syntax-ns#type", sd + "Service") in triples


def test_refusals_and_errors(endpoint):
    update = httpx.post(endpoint.url, data={"update": "INSERT DATA { <http://x.example/a> <http://x.example/b> 1 }"})
    assert update.status_code == 400 and "read-only" in update.text
    raw_update = httpx.post(endpoint.url, content=b"CLEAR ALL", headers={"Content-Type": "application/sparql-update"})
    assert raw_update.status_code == 400
    service = httpx.get(endpoint.url, params={"query": "SELECT * WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }"})
    assert service.status_code == 400 and service.text.startswith("SERVICE <http://127.0.0.1:9/> refused")
    load = httpx.post(endpoint.url, data={"query": "LOAD <http://127.0.0.1:9/x.ttl>"})
    assert load.status_code == 400 and "LOAD" in load.text
    syntax = httpx.get(endpoint.url, params={"query": "SELECT * WHERE {"})
    assert syntax.status_code == 400 and "syntax" in syntax.text
    unknown = httpx.post(endpoint.url, content=b"x", headers={"Content-Type": "text/plain"})
    assert unknown.status_code == 415
    too_long = httpx.post(
        endpoint.url,
        content=b"#" * (4 * endpoint.settings.query_max_bytes + 2048),
        headers={"Content-Type": "application/sparql-query"},
    )
    assert too_long.status_code == 413
    # still answering, and the store untouched
    assert httpx.get(endpoint.url, params={"query": "ASK { ?s a kg:Document }"}).json()["boolean"] is True


def test_timeout_is_503(endpoint):
    runaway = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
    response = httpx.get(endpoint.url, params={"query": runaway}, timeout=30)
    assert response.status_code == 503 and "time limit" in response.text
    assert httpx.get(endpoint.url, params={"query": "ASK {}"}).status_code == 200


def test_cors_and_health(endpoint):
    preflight = httpx.options(
        endpoint.url, headers={"Origin": "http://yasgui.example", "Access-Control-Request-Method": "POST"}
    )
    assert preflight.headers.get("access-control-allow-origin") == "http://yasgui.example"
    other = httpx.options(
        endpoint.url, headers={"Origin": "http://evil.example", "Access-Control-Request-Method": "POST"}
    )
    assert other.headers.get("access-control-allow-origin") is None
    health = httpx.get(endpoint.url.replace("/sparql", "/health")).json()
    assert health["status"] == "ok" and health["store"] == endpoint.settings.store


class Held:
    """Holds every query the endpoint hands to a worker until released (the query then runs for real)."""

    def __init__(self, monkeypatch):
        self.release = threading.Event()
        real = kg.serve.answer_user_query

        def held(text, settings, formats):
            self.release.wait(20)
            return real(text, settings, formats)

        monkeypatch.setattr(kg.serve, "answer_user_query", held)

    @staticmethod
    def send(url: str, n: int, results: list) -> list[threading.Thread]:
        threads = [
            threading.Thread(target=lambda: results.append(httpx.get(url, params={"query": "ASK {}"}, timeout=30)))
            for _ in range(n)
        ]
        for thread in threads:
            thread.start()
        return threads


def _wait_for(health: str, running: int, waiting: int) -> dict:
    """/health once ``running`` queries are held in workers and ``waiting`` wait for one."""
    deadline = time.monotonic() + 20
    while True:
        state = httpx.get(health).json()
        if (state["running"], state["waiting"]) == (running, waiting):
            return state
        assert time.monotonic() < deadline, f"never {running} running and {waiting} waiting: {state}"
        time.sleep(0.02)


@pytest.mark.parametrize("workers, threads", [(1, 1), (2, 1), (2, 4)])
def test_concurrent_clients_wait_for_a_worker_and_all_get_answers(sample_store, monkeypatch, workers, threads):
    """16 clients at once, more than the workers run: the others wait (not 429), /health answers meanwhile."""
    held = Held(monkeypatch)
    settings = sample_store.replace(query_workers=workers, query_threads=threads, max_concurrent_queries=16)
    served = Endpoint(settings)
    results: list[httpx.Response] = []
    try:
        clients = held.send(served.url, 16, results)
        health = served.url.replace("/sparql", "/health")
        _wait_for(health, running=workers * threads, waiting=16 - workers * threads)
        started = time.monotonic()
        assert httpx.get(health, timeout=30).status_code == 200
        assert time.monotonic() - started < 1.0  # waiting queries hold no thread /health needs
        held.release.set()
        for client in clients:
            client.join(30)
        assert [r.status_code for r in results] == [200] * 16
        assert all(r.json()["boolean"] is True for r in results)
    finally:
        held.release.set()
        served.close()


@pytest.mark.parametrize(
    "settings, status, names",
    [
        # one running, one waiting: the third finds the endpoint full
        ({"query_workers": 1, "query_threads": 1, "max_concurrent_queries": 2}, 429, "max_concurrent_queries"),
        # one running: the second waits, and gives up after the queue time-out
        ({"query_workers": 1, "query_threads": 1, "query_queue_timeout": 0.3}, 503, "query_queue_timeout"),
    ],
)
def test_a_full_endpoint_answers_with_retry_after(sample_store, monkeypatch, settings, status, names):
    held = Held(monkeypatch)
    served = Endpoint(sample_store.replace(**settings))
    results: list[httpx.Response] = []
    try:
        threads = held.send(served.url, 1, results)
        health = served.url.replace("/sparql", "/health")
        _wait_for(health, running=1, waiting=0)
        if status == 429:
            threads += held.send(served.url, 1, results)
            _wait_for(health, running=1, waiting=1)
        refused = httpx.get(served.url, params={"query": "ASK {}"}, timeout=30)
        assert refused.status_code == status and refused.headers["retry-after"] == "1"
        assert names in refused.text
        held.release.set()
        for thread in threads:
            thread.join(30)
        assert [r.status_code for r in results] == [200] * len(threads)
        assert httpx.get(served.url, params={"query": "ASK {}"}).status_code == 200
    finally:
        held.release.set()
        served.close()


@pytest.mark.parametrize("limit, truncated", [(2, True), (10_000, False)])
def test_rows_past_the_row_limit_are_cut_and_flagged(sample_store, limit, truncated):
    served = Endpoint(sample_store.replace(query_row_limit=limit))
    try:
        everything = run_user_query(SELECT, served.settings.replace(query_row_limit=10_000)).rows
        response = httpx.get(served.url, params={"query": SELECT})
        assert response.status_code == 200
        assert len(_solutions(response.content)) == min(limit, len(everything)) and len(everything) > 2
        assert (response.headers.get("x-kg-truncated") == "true") is truncated
    finally:
        served.close()


def test_sparqlwrapper_and_rdflib_clients(endpoint):
    from rdflib import Graph
    from rdflib.plugins.stores.sparqlstore import SPARQLStore
    from SPARQLWrapper import JSON, SPARQLWrapper

    expected = run_user_query(SELECT, endpoint.settings).rows
    wrapper = SPARQLWrapper(endpoint.url)
    wrapper.setQuery(SELECT)
    wrapper.setReturnFormat(JSON)
    bindings = wrapper.query().convert()["results"]["bindings"]
    assert {(b["s"]["value"], b["label"]["value"]) for b in bindings} == {
        (s.value, label.value) for s, label in expected
    }

    wrapper.setMethod("POST")
    wrapper.setQuery("ASK { ?s a kg:Document }")
    assert wrapper.query().convert()["boolean"] is True

    graph = Graph(store=SPARQLStore(endpoint.url, returnFormat="json"))
    rows = graph.query(SELECT)
    assert {(str(r[0]), str(r[1]), r[1].language) for r in rows} == {
        (s.value, label.value, label.language) for s, label in expected
    }
    constructed = graph.query(CONSTRUCT).graph
    assert len(constructed) == len(run_user_query(CONSTRUCT, endpoint.settings).triples) > 0


def test_host_header_outside_the_allow_list_is_refused(endpoint):
    """DNS rebinding: a page whose own name resolves to 127.0.0.1 sends its own name as Host."""
    rebound = httpx.get(
        endpoint.url, params={"query": "ASK {}"}, headers={"Host": f"evil.example:{endpoint.settings.port}"}
    )
    assert rebound.status_code == 421 and "allowed_hosts" in rebound.text
    for host in ("localhost", "127.0.0.1", "[::1]"):
        answered = httpx.get(
            endpoint.url, params={"query": "ASK {}"}, headers={"Host": f"{host}:{endpoint.settings.port}"}
        )
        assert answered.status_code == 200, host
    description = httpx.get(endpoint.url, headers={"Host": "evil.example"})
    assert description.status_code == 421 and b"sparql-service-description" not in description.content


def test_over_long_url_is_answered_414(endpoint):
    import socket

    target = "/sparql?query=" + "x" * 1_000_000  # over 3 × query_max_bytes; httpx itself refuses such URLs
    with socket.create_connection(("127.0.0.1", endpoint.settings.port), timeout=30) as connection:
        connection.sendall(f"GET {target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".encode())
        answer = b""
        while chunk := connection.recv(65536):
            answer += chunk
    assert answer.startswith(b"HTTP/1.1 414") and b"POST" in answer


def test_health_answers_while_big_queries_are_parsed(endpoint):
    """16 concurrent 60 KB queries are parsed in the workers: the event loop keeps answering /health."""
    # each text its own (the guard's verdicts are cached by text); the clients are made beforehand: in this process
    # 16 new httpx clients (an SSL context each) would compete with the endpoint's thread for the GIL
    bigs = [f"SELECT * WHERE {{ ?s ?p ?o FILTER(?o != {i}) }} LIMIT 1 # from\n#" + "x" * 60_000 for i in range(16)]
    health_url = endpoint.url.replace("/sparql", "/health")
    results = []
    with (
        httpx.Client(timeout=30, limits=httpx.Limits(max_connections=16)) as clients,
        httpx.Client(timeout=30) as probe,
    ):
        probe.get(health_url)
        threads = [
            threading.Thread(
                target=lambda big=big: results.append(
                    clients.post(
                        endpoint.url, content=big.encode(), headers={"Content-Type": "application/sparql-query"}
                    )
                )
            )
            for big in bigs
        ]
        for thread in threads:
            thread.start()
        time.sleep(0.1)
        started = time.monotonic()
        health = probe.get(health_url)
        elapsed = time.monotonic() - started
        for thread in threads:
            thread.join(30)
    assert health.status_code == 200
    assert elapsed < 1.0, elapsed  # was 12.7 s when the guard parsed on the event loop
    assert [r.status_code for r in results] == [200] * 16  # the ones beyond the workers waited for one
