"""``kg serve``: a read-only SPARQL 1.1 Protocol endpoint for researchers' own tools.

YASGUI, SPARQLWrapper, rdflib's SPARQLStore, Jena, R and pandas scripts send queries to
``/sparql`` (GET, POST form, POST ``application/sparql-query``) and get SPARQL JSON, XML, CSV or
TSV (SELECT/ASK) or Turtle, N-Triples or JSON-LD (CONSTRUCT/DESCRIBE), chosen by ``Accept`` or a
``format`` parameter. Every query goes through :func:`kg.query.run_user_query` (the guard, the
time limit, the row limit). ``GET /sparql`` without a query gives the service description;
``GET /health`` says whether the store answers.

Status codes: 400 refused or malformed query (the message says why), 406 a ``format`` that does not
fit the query (an unmatched ``Accept`` gets the default format: JSON, or Turtle for graphs),
413 body too long, 414 URL too long, 415 unknown body type, 421 a Host header not in ``allowed_hosts``.

Load: a query waits (on the event loop) for one of the ``query_workers`` × ``query_threads`` places where queries
run; ``max_concurrent_queries`` queries are admitted at once, running or waiting, and one more is answered 429
with Retry-After; a query that waits longer than ``query_queue_timeout`` is answered 503 with Retry-After, as is
one that passes ``query_timeout``; 502 when a remote store fails.
"""

from __future__ import annotations

import asyncio
from contextlib import asynccontextmanager
from typing import TYPE_CHECKING
from urllib.parse import parse_qsl

import pyoxigraph as ox
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, Response
from starlette.routing import Route

from kg.errors import KGError, QueryError, QueryTimeoutError, RemoteStoreError, StoreError
from kg.query import GRAPH_FORMATS, SOLUTION_FORMATS, answer_user_query, query_pool
from kg.query.pool import query_slots, worker_count
from kg.settings import Settings

if TYPE_CHECKING:
    from kg.store import GraphReader

#: Media type of each result format, and the media types (and short names) that ask for it.
MEDIA_TYPES = {
    "json": "application/sparql-results+json",
    "xml": "application/sparql-results+xml",
    "csv": "text/csv; charset=utf-8",
    "tsv": "text/tab-separated-values; charset=utf-8",
    "turtle": "text/turtle; charset=utf-8",
    "ntriples": "application/n-triples",
    "jsonld": "application/ld+json",
}
_ALIASES = {
    "application/sparql-results+json": "json",
    "application/json": "json",
    "application/sparql-results+xml": "xml",
    "application/xml": "xml",
    "text/xml": "xml",
    "text/csv": "csv",
    "text/tab-separated-values": "tsv",
    "text/turtle": "turtle",
    "application/x-turtle": "turtle",
    "ttl": "turtle",
    "application/n-triples": "ntriples",
    "text/plain": "ntriples",
    "nt": "ntriples",
    "n-triples": "ntriples",
    "application/ld+json": "jsonld",
    "json-ld": "jsonld",
}
_DEFAULT = {"select": "json", "ask": "json", "construct": "turtle"}
_RETRY_AFTER_SECONDS = 1
_MAX_REQUEST_HEAD = 4 * 1024 * 1024  # bytes of request line and headers read before a connection is reset
_SD = "http://www.w3.org/ns/sparql-service-description#"
_RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")


def create_app(settings: Settings) -> Starlette:
    """The endpoint's ASGI app for the store of ``settings``."""
    # Admitted queries (running or waiting) are counted here; the ones that wait, wait on the event loop for
    # a place in the workers, not in a thread: the thread pool is never filled by waiting queries, so /health
    # (which needs a thread) answers at once under any load.
    state = {"admitted": 0, "running": 0}
    slots = asyncio.Semaphore(query_slots(settings))

    @asynccontextmanager
    async def lifespan(app):
        await run_in_threadpool(query_pool, settings)  # workers start before the first query
        yield

    async def sparql(request: Request) -> Response:
        try:
            params = await _params(request, settings)
        except _HTTPProblem as p:
            return PlainTextResponse(p.message, status_code=p.status)
        if "update" in params:
            return PlainTextResponse(
                "SPARQL updates refused: this endpoint is read-only; change the store with `kg build` / `kg add`", 400
            )
        if "default-graph-uri" in params or "named-graph-uri" in params:
            return PlainTextResponse(
                "default-graph-uri / named-graph-uri are not supported: the default graph is the union of all graphs; "
                "name the store's graphs with FROM or GRAPH in the query instead",
                400,
            )
        if "query" not in params:
            return _service_description(request)
        # the format for each kind of query: the worker learns the kind when it parses the query
        formats = {kind: _negotiate(kind, params.get("format"), request.headers.get("accept", "")) for kind in _DEFAULT}
        if state["admitted"] >= settings.max_concurrent_queries:
            return PlainTextResponse(
                f"{settings.max_concurrent_queries} queries are already running or waiting for a worker (setting "
                "max_concurrent_queries); retry shortly",
                429,
                headers={"Retry-After": str(_RETRY_AFTER_SECONDS)},
            )
        state["admitted"] += 1
        try:
            return await _answer(params["query"], formats)
        finally:
            state["admitted"] -= 1

    async def _answer(text: str, formats: dict[str, str | None]) -> Response:
        try:
            await asyncio.wait_for(slots.acquire(), settings.query_queue_timeout)
        except TimeoutError:
            return PlainTextResponse(
                f"no query worker came free within {settings.query_queue_timeout:g} s (setting query_queue_timeout; "
                f"{worker_count(settings)} workers × {settings.query_threads} queries each, settings query_workers "
                "and query_threads); retry shortly",
                503,
                headers={"Retry-After": str(_RETRY_AFTER_SECONDS)},
            )
        state["running"] += 1
        try:  # the worker parses, judges, runs and writes the query: nothing of it happens on the event loop
            answer = await run_in_threadpool(answer_user_query, text, settings, formats)
        except QueryTimeoutError as e:
            return PlainTextResponse(str(e), 503, headers={"Retry-After": str(_RETRY_AFTER_SECONDS)})
        except QueryError as e:
            return PlainTextResponse(str(e), 400)
        except RemoteStoreError as e:
            return PlainTextResponse(str(e), 502)
        except KGError as e:
            return PlainTextResponse(str(e), 500)
        finally:
            state["running"] -= 1
            slots.release()
        fmt = formats[answer.kind]
        if fmt is None or answer.body is None:
            offered = ", ".join(
                MEDIA_TYPES[f].split(";")[0]
                for f in (GRAPH_FORMATS if answer.kind == "construct" else SOLUTION_FORMATS)
            )
            return PlainTextResponse(
                f"no acceptable format for a {answer.kind.upper()} result; ask for one of: {offered}", 406
            )
        headers = {"X-KG-Truncated": "true"} if answer.truncated else {}
        return Response(answer.body, media_type=MEDIA_TYPES[fmt], headers=headers)

    readers: list[GraphReader] = []  # one reader for /health, opened on first use (the store may be down at start-up)

    def store_version() -> str:
        from kg.store import open_reader

        if not readers:
            readers.append(open_reader(settings))
        return readers[0].version()

    async def health(request: Request) -> Response:
        try:
            version = await run_in_threadpool(store_version)
        except StoreError as e:
            return JSONResponse({"status": "error", "store": settings.store, "error": str(e)}, 503)
        return JSONResponse(
            {
                "status": "ok",
                "store": settings.store,
                "version": version,
                "running": state["running"],
                "waiting": state["admitted"] - state["running"],
            }
        )

    origins = [o.strip() for o in settings.cors_origins.split(",") if o.strip()]
    middleware = [Middleware(_HostAllowList, hosts=allowed_hosts(settings))]
    middleware += (
        [
            Middleware(
                CORSMiddleware,
                allow_origins=origins,
                allow_methods=["GET", "POST"],
                allow_headers=["Accept", "Content-Type"],
                expose_headers=["X-KG-Truncated", "Retry-After"],
            )
        ]
        if origins
        else []
    )
    routes = [Route("/sparql", sparql, methods=["GET", "POST"]), Route("/health", health, methods=["GET"])]
    return Starlette(routes=routes, middleware=middleware, lifespan=lifespan)


def serve(settings: Settings) -> None:
    """Run the endpoint with uvicorn on ``settings.host``:``settings.port`` until interrupted."""
    import uvicorn

    uvicorn.run(create_app(settings), **uvicorn_options(settings))


def uvicorn_options(settings: Settings) -> dict:
    """How uvicorn serves the endpoint: its address, and how much of a request head h11 reads (it resets
    a connection past that; below it an over-long URL is answered 414 with a message)."""
    head = max(_MAX_REQUEST_HEAD, 2 * _encoded_limit(settings))
    return {"host": settings.host, "port": settings.port, "h11_max_incomplete_event_size": head}


def _encoded_limit(settings: Settings) -> int:
    return 3 * settings.query_max_bytes + 1024


def allowed_hosts(settings: Settings) -> set[str]:
    """Host names the endpoint answers to: ``allowed_hosts``, plus the address it binds to."""
    hosts = {h.strip().lower() for h in settings.allowed_hosts.split(",") if h.strip()}
    return hosts | {settings.host.lower().strip("[]")}


def _host_name(header: str) -> str:
    """The host of a Host header, without port or IPv6 brackets."""
    header = header.strip().lower()
    if header.startswith("["):
        return header[1:].partition("]")[0]
    return header.rsplit(":", 1)[0] if header.count(":") == 1 else header


class _HostAllowList:
    """Answers 421 to a request whose Host header names another host: a page that resolves its own
    name to 127.0.0.1 (DNS rebinding) cannot read the loopback endpoint through the browser."""

    def __init__(self, app, hosts: set[str]):
        self.app, self.hosts = app, hosts

    async def __call__(self, scope, receive, send):
        if scope["type"] == "http":
            host = dict(scope["headers"]).get(b"host", b"").decode("latin-1")
            if "*" not in self.hosts and _host_name(host) not in self.hosts:
                response = PlainTextResponse(
                    f"host {host!r} is not served here; allowed: {', '.join(sorted(self.hosts))} "
                    "(setting allowed_hosts, env KG_ALLOWED_HOSTS)",
                    421,
                )
                await response(scope, receive, send)
                return
        await self.app(scope, receive, send)


class _HTTPProblem(Exception):
    def __init__(self, status: int, message: str):
        self.status = status
        self.message = message


async def _params(request: Request, settings: Settings) -> dict[str, str]:
    """The protocol parameters of a request: URL query string, then a form or a raw query body."""
    # form and URL encoding at most triple a text's size; anything longer cannot hold an acceptable query
    limit = _encoded_limit(settings)
    if len(request.scope.get("query_string", b"")) > limit:
        raise _HTTPProblem(
            414,
            f"request URL over {limit} bytes; the longest query accepted is "
            f"{settings.query_max_bytes} bytes (setting query_max_bytes); POST long queries",
        )
    params = dict(request.query_params)
    if request.method != "POST":
        return params
    media_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > limit:
            raise _HTTPProblem(
                413,
                f"request body over {limit} bytes; the longest query accepted is "
                f"{settings.query_max_bytes} bytes (setting query_max_bytes)",
            )
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        raise _HTTPProblem(400, "the request body is not UTF-8; send the query as UTF-8") from None
    if media_type == "application/x-www-form-urlencoded":
        params.update(parse_qsl(text, keep_blank_values=True))
    elif media_type == "application/sparql-query":
        params["query"] = text
    elif media_type == "application/sparql-update":
        params["update"] = text
    else:
        raise _HTTPProblem(
            415,
            f"unsupported request body type {media_type or '(none)'}; send "
            "application/sparql-query or an application/x-www-form-urlencoded form with query=…",
        )
    return params


def _negotiate(kind: str, fmt: str | None, accept: str) -> str | None:
    """The result format: the ``format`` parameter if given (None if it does not fit the query),
    else the best match of ``Accept``, else the default for the kind of query."""
    offered = GRAPH_FORMATS if kind == "construct" else SOLUTION_FORMATS
    if fmt:
        name = _ALIASES.get(fmt.strip().lower(), fmt.strip().lower())
        return name if name in offered else None
    if not accept.strip():
        return _DEFAULT[kind]
    choices = []
    for position, item in enumerate(accept.split(",")):
        media, _, rest = item.strip().partition(";")
        quality = 1.0
        for param in rest.split(";"):
            key, _, value = param.strip().partition("=")
            if key == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        media = media.strip().lower()
        if quality <= 0:
            continue
        chosen = _DEFAULT[kind] if media in ("*/*", "application/*", "text/*") else _ALIASES.get(media)
        if chosen in offered:
            choices.append((-quality, position, chosen))
    # Nothing acceptable: answer in the default format anyway (as common endpoints do; clients such as
    # rdflib's SPARQLStore ask for SPARQL JSON even for CONSTRUCT and read the Content-Type).
    return min(choices)[2] if choices else _DEFAULT[kind]


def _service_description(request: Request) -> Response:
    """The SPARQL 1.1 service description of this endpoint, in Turtle."""
    service = ox.BlankNode()
    dataset, default_graph = ox.BlankNode(), ox.BlankNode()
    sd = lambda name: ox.NamedNode(_SD + name)  # noqa: E731
    endpoint = ox.NamedNode(str(request.url.replace(query="", fragment="")))
    triples = [
        ox.Triple(service, _RDF_TYPE, sd("Service")),
        ox.Triple(service, sd("endpoint"), endpoint),
        ox.Triple(service, sd("supportedLanguage"), sd("SPARQL11Query")),
        ox.Triple(service, sd("feature"), sd("UnionDefaultGraph")),
        ox.Triple(service, sd("defaultDataset"), dataset),
        ox.Triple(dataset, _RDF_TYPE, sd("Dataset")),
        ox.Triple(dataset, sd("defaultGraph"), default_graph),
        ox.Triple(default_graph, _RDF_TYPE, sd("Graph")),
    ]
    for iri in [f.iri for f in SOLUTION_FORMATS.values()] + [f.iri for f in GRAPH_FORMATS.values()]:
        triples.append(ox.Triple(service, sd("resultFormat"), ox.NamedNode(iri)))
    body = ox.serialize(triples, format=ox.RdfFormat.TURTLE, prefixes={"sd": _SD})
    return Response(body, media_type=MEDIA_TYPES["turtle"])
