"""A SPARQL server as the store: reads over the SPARQL 1.1 Protocol, writes over the Graph Store Protocol.

The server is addressed by its base URL in the layout of Oxigraph's server (``oxigraph serve``):
``<url>/query`` answers queries, ``<url>/store?graph=<IRI>`` holds the named graphs. Callers cannot
tell :class:`RemoteStore` from :class:`kg.store.EmbeddedReader`: queries return pyoxigraph's own
result objects, parsed from the server's SPARQL JSON (or N-Triples for CONSTRUCT/DESCRIBE).

- The default graph is the union of all graphs (Oxigraph's ``union-default-graph`` query parameter).
- Bindings travel as a trailing ``VALUES`` clause of N-Triples-escaped terms (the protocol has no
  bindings), never as pasted text.
- Every write is one ``PUT`` of a whole graph (a document's graph, the KB graph, the meta graph),
  so writing twice gives the same store; ``DELETE`` removes a document. Only idempotent requests
  are sent, so each is retried ``remote_retries`` times with back-off when the server is unreachable
  or busy; each waits at most ``remote_timeout`` seconds.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import datetime, timezone

import httpx
import pyoxigraph as ox

from kg.errors import QueryError, RemoteStoreError
from kg.settings import Settings
from kg.store import DocumentInfo, DocumentWrite, GraphContent, Term, _documents, bind, graph_node, ntriples
from kg.vocab import KB_GRAPH, KG, META_GRAPH

_META = ox.NamedNode(str(META_GRAPH))
_KG_BUILT_AT = ox.NamedNode(str(KG.builtAt))
_XSD_DATETIME = ox.NamedNode("http://www.w3.org/2001/XMLSchema#dateTime")
_RETRY_STATUS = {502, 503, 504}
_BACKOFF_SECONDS = 0.25  # first pause before a retry; doubles each time
_ACCEPT = "application/sparql-results+json, application/n-triples;q=0.9"
_SERVER_HINT = "is the server running? e.g. `oxigraph serve --location DIR --bind 127.0.0.1:7878`"

_GRAPHS_QUERY = "SELECT DISTINCT ?g WHERE { GRAPH ?g { } }"
_ALL_QUADS_QUERY = "SELECT ?s ?p ?o ?g WHERE { GRAPH ?g { ?s ?p ?o } }"
_GRAPH_TRIPLES_QUERY = "CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }"
_BUILT_AT_QUERY = "SELECT ?t WHERE { GRAPH ?meta { ?meta ?builtAt ?t } }"


class RemoteStore:
    """Reader and writer of a remote SPARQL server (kg.store's GraphReader and GraphWriter)."""

    def __init__(self, url: str, settings: Settings):
        self.url = url.rstrip("/")
        self.location = url
        self.settings = settings
        self._client = httpx.Client(timeout=settings.remote_timeout, follow_redirects=False)

    # -- reads -------------------------------------------------------------------------------
    def query(self, sparql: str, bindings: Mapping[str, Term] | None = None, *, union: bool = True):
        """Run a query on the server; the result objects are pyoxigraph's, as for the embedded store.

        ``union=False`` leaves the default graph to the query's own FROM clauses.
        """
        text = bind(sparql, bindings)
        union_parameter = self.settings.remote_union_parameter
        params = {union_parameter: ""} if union and union_parameter else {}
        response = self._request(
            "POST", self.settings.remote_query_path, params=params, content=text.encode("utf-8"),
            headers={"Content-Type": "application/sparql-query; charset=utf-8", "Accept": _ACCEPT},
        )
        media_type = response.headers.get("content-type", "").split(";")[0].strip()
        if media_type == "application/sparql-results+json":
            return ox.parse_query_results(response.content, format=ox.QueryResultsFormat.JSON)
        if media_type == "application/n-triples":
            return iter([q.triple for q in ox.parse(response.content, format=ox.RdfFormat.N_TRIPLES)])
        raise RemoteStoreError(
            f"{self.url}{self.settings.remote_query_path} answered with {media_type or 'no content type'}, not SPARQL JSON or N-Triples; "
            "point KG_STORE at an Oxigraph-compatible server"
        )

    def version(self) -> str:
        rows = list(self.query(_BUILT_AT_QUERY, {"meta": _META, "builtAt": _KG_BUILT_AT}))
        return rows[0]["t"].value if rows else "empty"

    def documents(self) -> list[DocumentInfo]:
        return _documents(self.query)

    def quads(self) -> Iterator[ox.Quad]:
        # a query, not a Graph Store GET: servers differ in how (and whether) they return a whole dataset
        for row in self.query(_ALL_QUADS_QUERY, union=False):
            yield ox.Quad(row["s"], row["p"], row["o"], row["g"])

    # -- writes ------------------------------------------------------------------------------
    def replace_document(self, doc_id: str, content: GraphContent, replaces: Iterable[str] = ()) -> None:
        self.write_documents([DocumentWrite(doc_id, content, tuple(replaces))])

    def write_documents(self, writes: Sequence[DocumentWrite]) -> None:
        """One Graph Store PUT per document (each atomic on the server), then one build stamp."""
        for w in writes:
            self.put_graph(graph_node(w.doc_id), w.content)
            for old in w.replaces:
                if old != w.doc_id:
                    self._delete_graph(graph_node(old))
        if writes:
            self._touch()

    def remove_document(self, doc_id: str) -> bool:
        removed = self._delete_graph(graph_node(doc_id))
        if removed:
            self._touch()
        return removed

    def replace_graph(self, graph: ox.NamedNode, content: GraphContent) -> None:
        self.put_graph(graph, content)
        self._touch()

    def put_graph(self, graph: ox.NamedNode, content: GraphContent) -> None:
        """Replace one named graph with ``content`` (quads, whose graph names are ignored, or N-Triples)."""
        self._request(
            "PUT", self.settings.remote_graph_store_path, params={"graph": graph.value}, content=ntriples(content),
            headers={"Content-Type": "application/n-triples"},
        )

    def _delete_graph(self, graph: ox.NamedNode) -> bool:
        response = self._request("DELETE", self.settings.remote_graph_store_path, params={"graph": graph.value}, missing_ok=True)
        return response.status_code != 404

    def _touch(self) -> None:
        now = ox.Literal(datetime.now(timezone.utc).isoformat(timespec="seconds"), datatype=_XSD_DATETIME)
        self.put_graph(_META, [ox.Quad(_META, _KG_BUILT_AT, now, _META)])

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> "RemoteStore":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- HTTP --------------------------------------------------------------------------------
    def _request(self, method: str, path: str, *, missing_ok: bool = False, **kwargs) -> httpx.Response:
        """One idempotent request, retried with back-off when the server is unreachable or busy."""
        url = self.url + path
        attempts = max(0, self.settings.remote_retries) + 1
        for attempt in range(attempts):
            if attempt:
                time.sleep(_BACKOFF_SECONDS * 2 ** (attempt - 1))
            try:
                response = self._client.request(method, url, **kwargs)
            except (httpx.ReadTimeout, httpx.WriteTimeout) as e:  # the server got it and is slow: do not pile on
                raise RemoteStoreError(
                    f"{method} {url}: no answer within {self.settings.remote_timeout:g} s ({type(e).__name__}); "
                    "raise remote_timeout (env KG_REMOTE_TIMEOUT) or ask less of the server"
                ) from None
            except httpx.TransportError as e:
                problem = f"cannot connect ({e})"
                continue
            if response.status_code in _RETRY_STATUS:
                problem = f"the server answered {response.status_code}: {response.text[:200]}"
                continue
            if response.status_code == 404 and missing_ok:
                return response
            if response.status_code == 400 and path == self.settings.remote_query_path:
                raise QueryError(f"{url} refused the query: {response.text[:500]}")
            if response.status_code >= 400:
                raise RemoteStoreError(
                    f"{method} {url} failed with {response.status_code}: {response.text[:300]}; "
                    "check that KG_STORE is the base URL of an Oxigraph server that accepts writes"
                )
            return response
        raise RemoteStoreError(f"{method} {url}: {problem} after {attempts} attempt(s); {_SERVER_HINT}")


def push(source_settings: Settings, url: str, settings: Settings) -> int:
    """Copy every named graph of the store of ``source_settings`` (documents, KB, meta) to the server
    at ``url``, one PUT per graph, the meta graph last; return the number of graphs copied.
    Pushing again replaces each graph, so it is harmless."""
    from kg.store import open_reader

    source = open_reader(source_settings)
    graphs = [row["g"] for row in source.query(_GRAPHS_QUERY)]
    graphs.sort(key=lambda g: (g == _META, g == ox.NamedNode(str(KB_GRAPH)), g.value))
    with RemoteStore(url, settings) as target:
        for graph in graphs:
            triples = source.query(_GRAPH_TRIPLES_QUERY, {"g": graph})
            target.put_graph(graph, (ox.Quad(t.subject, t.predicate, t.object, graph) for t in triples))
    return len(graphs)
