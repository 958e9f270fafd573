"""RemoteStore against a real Oxigraph server: writes, pushes, and queries indistinguishable from embedded."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from kg.errors import QueryError, RemoteStoreError
from kg.push import PushReport, push
from kg.query import run_user_query
from kg.remote import RemoteStore
from kg.settings import Settings
from kg.store import EmbeddedReader, graph_node, open_reader, open_writer
from kg.vocab import CURATIONS_GRAPH, KB_GRAPH, LABELS_GRAPH

pytestmark = pytest.mark.server

EX = "http://example.org/"
HOSTILE = 'He said "} } ; DROP ALL ; #\n\\ 小红书'
QUERIES = [
    "SELECT ?s ?p ?o WHERE { ?s ?p ?o }",
    "SELECT ?label (COUNT(?s) AS ?n) WHERE { ?s rdfs:label ?label } GROUP BY ?label",
    "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g",
    "SELECT ?d ?title WHERE { ?d a kg:Document OPTIONAL { ?d dcterms:title ?title } }",
    "ASK { ?s kg:partner_of ?o }",
    "CONSTRUCT { ?s rdfs:label ?l } WHERE { ?s rdfs:label ?l }",
]


@pytest.fixture
def server(oxigraph_server):
    oxigraph_server.clear()
    return oxigraph_server


@pytest.fixture
def remote_settings(server) -> Settings:
    return Settings.load(store=server.url, remote_retries=1, query_timeout=5.0)


def _rows(result) -> set:
    if isinstance(result, ox.QuerySolutions):
        columns = [v.value for v in result.variables]
        return {tuple(s[c] for c in columns) for s in result}
    if isinstance(result, ox.QueryBoolean):
        return {bool(result)}
    return set(result)


def _quads(doc: str, n: int) -> list[ox.Quad]:
    g = graph_node(doc)
    return [
        ox.Quad(ox.NamedNode(f"{EX}{doc}/{i}"), ox.NamedNode(EX + "p"), ox.Literal(f"{HOSTILE} {i}", language="zh"), g)
        for i in range(n)
    ]


def test_writes_go_through_one_sparql_update_per_graph(remote_settings):
    store = open_reader(remote_settings)
    assert isinstance(store, RemoteStore) and store.version() == "empty"
    with open_writer(remote_settings) as writer:
        writer.replace_document("a", _quads("a", 3))
        writer.replace_document("b", _quads("b", 2))
        writer.replace_graph(
            ox.NamedNode(str(KB_GRAPH)),
            [ox.Quad(ox.NamedNode(EX + "kb"), ox.NamedNode(EX + "p"), ox.Literal(1), ox.NamedNode(str(KB_GRAPH)))],
        )
    quads = list(store.quads())
    assert sum(q.graph_name == graph_node("a") for q in quads) == 3
    assert store.version() != "empty"
    # replacing a document (under a new id) drops the old graph
    store.replace_document("a2", _quads("a2", 1), replaces=["a"])
    graphs = {q.graph_name for q in store.quads()}
    assert graph_node("a") not in graphs and graph_node("a2") in graphs
    assert store.remove_document("b") is True and store.remove_document("b") is False
    assert graph_node("b") not in {q.graph_name for q in store.quads()}


def test_bindings_travel_escaped(remote_settings):
    store = RemoteStore(remote_settings.store, remote_settings)
    store.replace_document("a", _quads("a", 3))
    wanted = ox.Literal(f"{HOSTILE} 1", language="zh")
    rows = list(store.query("SELECT ?s WHERE { ?s ?p ?o }", {"o": wanted}))
    assert [r["s"] for r in rows] == [ox.NamedNode(f"{EX}a/1")]
    assert len(list(store.quads())) == 3 + 1  # the document and the meta graph, untouched
    with pytest.raises(QueryError, match="BlankNode"):
        store.query("SELECT ?s WHERE { ?s ?p ?o }", {"o": ox.BlankNode()})


def test_push_twice_is_harmless_and_backends_agree(sample_store, remote_settings):
    local = open_reader(sample_store)
    assert isinstance(local, EmbeddedReader)
    pushed = push(sample_store, remote_settings.store, remote_settings).graphs
    graphs = {q.graph_name for q in local.quads()}
    assert pushed == len(graphs) > 2
    remote = open_reader(remote_settings)
    once = sorted(map(str, remote.quads()))
    assert push(sample_store, remote_settings.store, remote_settings) == PushReport(graphs=pushed, removed=[])
    assert sorted(map(str, remote.quads())) == once == sorted(map(str, local.quads()))
    assert remote.documents() == local.documents() and local.documents()

    prefixes = (
        "PREFIX kg: <https://w3id.org/kg-explorer/ontology#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
        "PREFIX dcterms: <http://purl.org/dc/terms/>\n"
    )
    built_at = [r["t"].value for r in local.query(prefixes + "SELECT ?t WHERE { GRAPH ?g { ?g kg:builtAt ?t } }")]
    assert [remote.version()] == built_at
    for text in QUERIES:
        assert _rows(remote.query(prefixes + text)) == _rows(local.query(prefixes + text)), text
        on_remote, on_local = run_user_query(text, remote_settings), run_user_query(text, sample_store)
        assert (set(on_remote.rows), on_remote.boolean, set(on_remote.triples)) == (
            set(on_local.rows),
            on_local.boolean,
            set(on_local.triples),
        ), text
    entity = next(iter(local.query(prefixes + "SELECT ?s WHERE { ?s a kg:Organization } LIMIT 1")))["s"]
    bound = prefixes + "SELECT ?s ?label WHERE { ?s rdfs:label ?label }"
    assert _rows(remote.query(bound, {"s": entity})) == _rows(local.query(bound, {"s": entity}))
    kb_only = f"SELECT ?s ?p ?o FROM <{KB_GRAPH}> WHERE {{ ?s ?p ?o }}"
    assert set(run_user_query(kb_only, remote_settings).rows) == set(run_user_query(kb_only, sample_store).rows)


def test_unreachable_server_names_url_and_fix():
    from conftest import free_port

    url = f"http://127.0.0.1:{free_port()}"
    store = RemoteStore(url, Settings.load(store=url, remote_retries=1, remote_timeout=2.0))
    with pytest.raises(RemoteStoreError) as failed:
        store.version()
    message = str(failed.value)
    assert url in message and "oxigraph serve" in message and "2 attempt" in message


def test_server_errors(remote_settings):
    store = RemoteStore(remote_settings.store, remote_settings)
    with pytest.raises(QueryError, match="refused the query"):
        store.query("SELECT * WHERE {")
    wrong = RemoteStore(remote_settings.store + "/no-such-path", remote_settings)
    with pytest.raises(RemoteStoreError, match="no-such-path"):
        wrong.put_graph(graph_node("x"), [])


def test_remote_writer_closes_its_connections():
    """open_writer on a server URL closes the HTTP client when the block ends (no request is made here)."""
    with open_writer(Settings.load(store="http://127.0.0.1:9")) as writer:
        client = writer._client
        assert not client.is_closed
    assert client.is_closed


def _article_quads(name: str, text: str):
    from kg.corpus import document_from_text
    from kg.model import Extraction
    from kg.rdf import extraction_quads

    doc = document_from_text(text, title=name, source_path=f"corpus/{name}.md")
    return doc.id, extraction_quads(Extraction(document=doc))


def test_push_mirrors_removed_and_replaced_documents_and_says_which(tmp_settings, remote_settings, server):
    from typer.testing import CliRunner

    from kg.cli import app

    docs = {name: _article_quads(name, f"Article {name}: Meituan opened a shop.") for name in ("one", "two", "three")}
    with open_writer(tmp_settings) as w:
        for doc_id, quads in docs.values():
            w.replace_document(doc_id, quads)
    foreign = ox.NamedNode(EX + "someone-elses-graph")  # on the same server, not kg's: push leaves it alone
    RemoteStore(server.url, remote_settings).put_graph(
        foreign, [ox.Quad(ox.NamedNode(EX + "s"), ox.NamedNode(EX + "p"), ox.Literal("o"))]
    )
    runner = CliRunner()
    first = runner.invoke(app, ["push", "--to", server.url, "--store", tmp_settings.store])
    assert first.exit_code == 0 and "removed" not in first.output, first.output

    assert runner.invoke(app, ["remove", docs["two"][0], "--store", tmp_settings.store]).exit_code == 0
    new_three, new_quads = _article_quads("three", "Article three, changed: Meituan closed the shop.")
    with open_writer(tmp_settings) as w:  # the file changed: a new document replaces the old one
        w.replace_document(new_three, new_quads, replaces=[docs["three"][0]])
    second = runner.invoke(app, ["push", "--to", server.url, "--store", tmp_settings.store])
    assert second.exit_code == 0, second.output
    lines = second.output.splitlines()
    assert f"removed from {server.url}: {docs['two'][0]} (corpus/two.md): not in the local store" in lines, (
        second.output
    )
    assert f"removed from {server.url}: {docs['three'][0]} (corpus/three.md): replaced by {new_three}" in lines, (
        second.output
    )
    assert "2 document graphs removed" in second.output

    local, remote = open_reader(tmp_settings), open_reader(remote_settings)
    assert remote.documents() == local.documents() and {d.id for d in local.documents()} == {docs["one"][0], new_three}
    assert sorted(str(q) for q in remote.quads() if q.graph_name != foreign) == sorted(map(str, local.quads()))
    assert {q.graph_name for q in remote.quads()} >= {foreign}
    third = runner.invoke(app, ["push", "--to", server.url, "--store", tmp_settings.store])
    assert third.exit_code == 0 and "removed" not in third.output


@pytest.mark.parametrize("graph", [LABELS_GRAPH, CURATIONS_GRAPH, KB_GRAPH])
def test_push_never_takes_kgs_own_graphs_for_documents(tmp_settings, remote_settings, graph):
    # kg's graphs that hold no document (labels, curations, KB) are not "documents the store no longer has":
    # push neither drops them from the server nor reports them as removed documents
    doc_id, quads = _article_quads("one", "Article one: Meituan opened a shop.")
    with open_writer(tmp_settings) as w:
        w.replace_document(doc_id, quads)
    node = ox.NamedNode(str(graph))
    assert node not in {row["g"] for row in open_reader(tmp_settings).query("SELECT ?g WHERE { GRAPH ?g { } }")}
    kept = [ox.Quad(ox.NamedNode(EX + "s"), ox.NamedNode(EX + "p"), ox.Literal("o"), node)]
    RemoteStore(remote_settings.store, remote_settings).put_graph(node, kept)

    report = push(tmp_settings, remote_settings.store, remote_settings)

    assert report.removed == []
    assert [q for q in open_reader(remote_settings).quads() if q.graph_name == node] == kept


def test_replacing_a_document_on_a_server_is_one_request_that_lands_whole_or_not_at_all(remote_settings):
    store = RemoteStore(remote_settings.store, remote_settings)
    store.replace_document("old", _quads("old", 3))
    sent: list[tuple[str, str]] = []
    store._client.event_hooks["request"] = [lambda request: sent.append((request.method, request.url.path))]
    store.replace_document("new", _quads("new", 2), replaces=["old"])
    graphs = {q.graph_name for q in store.quads()}
    assert graph_node("old") not in graphs and graph_node("new") in graphs
    writes = [s for s in sent if s != ("POST", remote_settings.remote_query_path)]
    assert writes[0] == ("POST", "/update") and ("DELETE", "/store") not in writes, writes  # then the build stamp
    with pytest.raises(RemoteStoreError):  # the server refuses the new content: the old graph stays
        store.replace_document("newer", b"<http://example.org/a> <http://example.org/p> broken .\n", replaces=["new"])
    graphs = {q.graph_name for q in store.quads()}
    assert graph_node("new") in graphs and graph_node("newer") not in graphs


def test_a_server_without_sparql_update_there_still_gets_the_replacement_in_two_steps(remote_settings):
    store = RemoteStore(remote_settings.store, remote_settings)
    store.replace_document("old", _quads("old", 3))
    store._update_path = "/no-update-here"  # answers 404
    store.replace_document("new", _quads("new", 2), replaces=["old"])
    graphs = {q.graph_name for q in store.quads()}
    assert graph_node("old") not in graphs and graph_node("new") in graphs and store._update_path is None
