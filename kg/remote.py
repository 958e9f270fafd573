"""A SPARQL server as the store: reads over the SPARQL 1.1 Protocol, writes as SPARQL Updates.

The server is addressed by its base URL in the layout of Oxigraph's server (``oxigraph serve``):
``<url>/query`` answers queries, ``<url>/store?graph=<IRI>`` holds the named graphs. Callers cannot
tell :class:`RemoteStore` from :class:`kg.store.EmbeddedReader`: queries return pyoxigraph's own
result objects, parsed from the server's SPARQL JSON (or N-Triples for CONSTRUCT/DESCRIBE).

- The default graph is the union of all graphs (Oxigraph's ``union-default-graph`` query parameter).
- Bindings travel as a trailing ``VALUES`` clause of N-Triples-escaped terms (the protocol has no
  bindings), never as pasted text.
- Every write of a graph (a document, the KB graph, the meta graph) is one SPARQL Update that drops the graph,
  and those of the documents it replaces (a changed file's old text), and inserts its triples (``DROP SILENT
  GRAPH …; INSERT DATA { GRAPH … }``): Oxigraph and Fuseki run it in one transaction, so it lands whole or not
  at all, even when the server is killed. It goes to the update endpoint beside the query endpoint
  (:func:`update_path`). Not a Graph Store ``PUT``: Oxigraph's clears the graph and loads the new content in
  two transactions, so a crash between them left a document missing. A server without an update endpoint
  still gets a PUT (then a DELETE of each replaced graph). Removing a document is one ``DELETE``.
  Writing twice gives the same store: only idempotent requests are sent, so each is retried
  ``remote_retries`` times with back-off when the server is unreachable or busy; each waits at most
  ``remote_timeout`` seconds.
- :func:`push` makes a server mirror a local store, removals included.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import suppress
from datetime import UTC, datetime

import httpx
import pyoxigraph as ox

from kg.errors import QueryError, RemoteStoreError, StoreError
from kg.graphs import (
    KG_BUILT_AT,
    META,
    XSD_DATETIME,
    DocumentInfo,
    DocumentWrite,
    GraphContent,
    Term,
    bind,
    documents_from,
    graph_node,
    ntriples,
)
from kg.settings import Settings

_RETRY_STATUS = {502, 503, 504}
_BACKOFF_SECONDS = 0.25  # first pause before a retry; doubles each time
_ACCEPT = "application/sparql-results+json, application/n-triples;q=0.9"
_SERVER_HINT = "is the server running? e.g. `oxigraph serve --location DIR --bind 127.0.0.1:7878`"

_ALL_QUADS_QUERY = "SELECT ?s ?p ?o ?g WHERE { GRAPH ?g { ?s ?p ?o } }"
#: What a server answers on a path that takes no SPARQL Update (none there, or not that method or type).
_NO_UPDATE_STATUS = {404, 405, 415}
_BUILT_AT_QUERY = "SELECT ?t WHERE { GRAPH ?meta { ?meta ?builtAt ?t } }"


class RemoteStore:
    """Reader and writer of a remote SPARQL server (kg.store's GraphReader and GraphWriter)."""

    def __init__(self, url: str, settings: Settings):
        self.url = url.rstrip("/")
        self.location = url
        self.settings = settings
        self._client = httpx.Client(timeout=settings.remote_timeout, follow_redirects=False)
        self._update_path = update_path(settings)  # None once the server is known to take no SPARQL Update there

    # -- reads -------------------------------------------------------------------------------
    def query(self, sparql: str, bindings: Mapping[str, Term] | None = None, *, union: bool = True):
        """Run a query on the server; the result objects are pyoxigraph's, as for the embedded store.

        ``union=False`` leaves the default graph to the query's own FROM clauses.
        """
        text = bind(sparql, bindings)
        union_parameter = self.settings.remote_union_parameter
        params = {union_parameter: ""} if union and union_parameter else {}
        response = self._request(
            "POST",
            self.settings.remote_query_path,
            params=params,
            content=text.encode("utf-8"),
            headers={"Content-Type": "application/sparql-query; charset=utf-8", "Accept": _ACCEPT},
        )
        media_type = response.headers.get("content-type", "").split(";")[0].strip()
        if media_type == "application/sparql-results+json":
            return ox.parse_query_results(response.content, format=ox.QueryResultsFormat.JSON)
        if media_type == "application/n-triples":
            return iter([q.triple for q in ox.parse(response.content, format=ox.RdfFormat.N_TRIPLES)])
        raise RemoteStoreError(
            f"{self.url}{self.settings.remote_query_path} answered with {media_type or 'no content type'}, "
            "not SPARQL JSON or N-Triples; "
            "point KG_STORE at an Oxigraph-compatible server"
        )

    def version(self) -> str:
        rows = list(self.query(_BUILT_AT_QUERY, {"meta": META, "builtAt": KG_BUILT_AT}))
        return rows[0]["t"].value if rows else "empty"

    def documents(self) -> list[DocumentInfo]:
        return documents_from(self.query)

    def quads(self) -> Iterator[ox.Quad]:
        # a query, not a Graph Store GET: servers differ in how (and whether) they return a whole dataset
        for row in self.query(_ALL_QUADS_QUERY, union=False):
            yield ox.Quad(row["s"], row["p"], row["o"], row["g"])

    # -- writes ------------------------------------------------------------------------------
    def replace_document(self, doc_id: str, content: GraphContent, replaces: Iterable[str] = ()) -> None:
        self.write_documents([DocumentWrite(doc_id, content, tuple(replaces))])

    def write_documents(self, writes: Sequence[DocumentWrite]) -> None:
        """One request per document, each whole or not at all on the server (:meth:`replace_graph_dropping`),
        then one build stamp. An error's ``written`` lists the documents that landed before it."""
        landed: list[str] = []
        try:
            for w in writes:
                self.replace_graph_dropping(
                    graph_node(w.doc_id), w.content, [graph_node(r) for r in w.replaces if r != w.doc_id]
                )
                landed.append(w.doc_id)
        except StoreError as e:
            e.written = tuple(landed)
            if landed:
                # what landed is a change: readers' caches must see a new version; if that fails too, the first
                # error is the one to report
                with suppress(StoreError):
                    self._touch()
            raise
        if writes:
            self._touch()

    def remove_document(self, doc_id: str) -> bool:
        removed = self.delete_graph(graph_node(doc_id))
        if removed:
            self._touch()
        return removed

    def replace_graph(self, graph: ox.NamedNode, content: GraphContent) -> None:
        self.replace_graph_dropping(graph, content)
        self._touch()

    def replace_graph_dropping(
        self, graph: ox.NamedNode, content: GraphContent, drops: Sequence[ox.NamedNode] = ()
    ) -> None:
        """Replace ``graph`` with ``content`` and drop the graphs ``drops``, in one SPARQL Update that lands whole or
        not at all. A server that takes no update there (404, 405 or 415 from :func:`update_path`) gets a PUT, then
        a DELETE of each (steps that are not one transaction)."""
        drops = [g for g in drops if g != graph]
        if self._update_path is not None:
            text = "".join(f"DROP SILENT GRAPH {g} ;\n" for g in [graph, *drops])
            text += f"INSERT DATA {{ GRAPH {graph} {{\n{ntriples(content).decode('utf-8')}}} }}"
            response = self._request(
                "POST",
                self._update_path,
                content=text.encode("utf-8"),
                tolerate=_NO_UPDATE_STATUS,
                headers={"Content-Type": "application/sparql-update; charset=utf-8"},
            )
            if response.status_code not in _NO_UPDATE_STATUS:
                return
            self._update_path = None
        self.put_graph(graph, content)
        for g in drops:
            self.delete_graph(g)

    def put_graph(self, graph: ox.NamedNode, content: GraphContent) -> None:
        """Replace one named graph with ``content`` (quads, whose graph names are ignored, or N-Triples)."""
        self._request(
            "PUT",
            self.settings.remote_graph_store_path,
            params={"graph": graph.value},
            content=ntriples(content),
            headers={"Content-Type": "application/n-triples"},
        )

    def delete_graph(self, graph: ox.NamedNode) -> bool:
        response = self._request(
            "DELETE", self.settings.remote_graph_store_path, params={"graph": graph.value}, missing_ok=True
        )
        return response.status_code != 404

    def _touch(self) -> None:
        now = ox.Literal(datetime.now(UTC).isoformat(timespec="seconds"), datatype=XSD_DATETIME)
        self.replace_graph_dropping(META, [ox.Quad(META, KG_BUILT_AT, now, META)])

    def settle(self) -> None:
        """Nothing to tidy: the server keeps its own store."""

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> RemoteStore:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- HTTP --------------------------------------------------------------------------------
    def _request(
        self, method: str, path: str, *, missing_ok: bool = False, tolerate: Iterable[int] = (), **kwargs
    ) -> httpx.Response:
        """One idempotent request, retried with back-off when the server is unreachable or busy; an answer with
        a status in ``tolerate`` (or 404 when ``missing_ok``) is returned, not raised."""
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
            if (response.status_code == 404 and missing_ok) or response.status_code in tolerate:
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


def update_path(settings: Settings) -> str | None:
    """Where the server takes SPARQL Updates, told from where it takes queries: ``…/query`` → ``…/update``
    (Oxigraph, a Fuseki dataset with an update endpoint), no query path → ``/statements`` (GraphDB's and
    RDF4J's repository URL); None when it cannot be told.

    >>> update_path(Settings.load(remote_query_path="/query")), update_path(Settings.load(remote_query_path=""))
    ('/update', '/statements')
    """
    query = settings.remote_query_path
    if query.endswith("/query"):
        return query[: -len("query")] + "update"
    return "/statements" if query == "" else None
