"""The one guarded path for SPARQL queries written by users (CLI, the app's console, ``kg serve``).

Neither library is safe with untrusted text: rdflib's SPARQL follows ``SERVICE`` and ``LOAD`` and
reads local files named in ``FROM``; pyoxigraph always executes ``SERVICE`` with no time-out, and
neither can stop a query once it runs. So :func:`run_user_query`

1. refuses text longer than ``query_max_bytes`` and nesting deeper than ``query_max_depth``;
2. parses the query with rdflib's parser (never its evaluator) and walks the tree: updates
   (``LOAD`` among them), ``SERVICE`` and ``FROM``/``FROM NAMED`` outside the store's own graphs
   are refused with :class:`~kg.errors.QueryRefusedError`. The verdict is cached per query text,
   since parsing costs milliseconds and a console or endpoint sees the same texts again;
3. adds the usual prefixes (:data:`PREFIXES`) the query does not declare;
4. runs it in one of ``query_workers`` persistent worker processes, each with its own read-only
   handle on the store (:func:`kg.store.open_reader`: the newest snapshot of an embedded store, or
   HTTP to a remote one). A worker that passes ``query_timeout`` is killed and replaced, and the
   caller gets :class:`~kg.errors.QueryTimeoutError`;
5. returns at most ``query_row_limit`` rows (or triples), flagged ``truncated`` when cut.

The default graph is the union of all graphs, unless the query names graphs with ``FROM``.
"""

from __future__ import annotations

import atexit
import json
import os
import pickle
import queue
import re
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from functools import lru_cache
from multiprocessing.connection import Connection

import pyoxigraph as ox

from kg.errors import KGError, QueryError, QueryRefusedError, QueryTimeoutError, StoreError
from kg.explore.terms import NAMESPACES
from kg.settings import Settings
from kg.vocab import ID

#: Prefixes every user query may use without declaring them.
PREFIXES = NAMESPACES

#: Graph names a query may put in FROM / FROM NAMED: the store's own (documents, kb, meta).
STORE_GRAPH_NAMESPACE = str(ID["graph/"])

#: Result formats of :meth:`QueryResult.serialize`, by kind of query.
SOLUTION_FORMATS = {
    "json": ox.QueryResultsFormat.JSON,
    "xml": ox.QueryResultsFormat.XML,
    "csv": ox.QueryResultsFormat.CSV,
    "tsv": ox.QueryResultsFormat.TSV,
}
GRAPH_FORMATS = {
    "turtle": ox.RdfFormat.TURTLE,
    "ntriples": ox.RdfFormat.N_TRIPLES,
    "jsonld": ox.RdfFormat.JSON_LD,
}

_CACHE_SIZE = 1024  # distinct query texts whose verdict is kept
_PARSER_RECURSION_LIMIT = 10000  # rdflib's parser recurses ~30 frames per bracket level
_WORKER_START_SECONDS = 60.0  # a worker that is not ready by then is reported broken

_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
_RDF_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"

# Tokens that can hide brackets: strings, IRIs and comments; then the brackets themselves.
_TOKENS = re.compile(
    r'"""(?:[^"\\]|\\.|"(?!""))*"""'
    r"|'''(?:[^'\\]|\\.|'(?!''))*'''"
    r'|"(?:[^"\\\n\r]|\\.)*"'
    r"|'(?:[^'\\\n\r]|\\.)*'"
    r'|<[^<>"{}|^`\\\x00-\x20]*>'
    r"|#[^\n\r]*"
    r"|[{}()\[\]]",
    re.DOTALL,
)

_UPDATE_NAMES = {
    "Load": "LOAD", "Clear": "CLEAR", "Drop": "DROP", "Create": "CREATE", "Add": "ADD", "Move": "MOVE",
    "Copy": "COPY", "InsertData": "INSERT DATA", "DeleteData": "DELETE DATA", "DeleteWhere": "DELETE WHERE",
    "Modify": "DELETE/INSERT",
}
_KINDS = {"SelectQuery": "select", "AskQuery": "ask", "ConstructQuery": "construct", "DescribeQuery": "construct"}
#: Words without which a query can ask for nothing the guard refuses (updates, LOAD, SERVICE, FROM).
_GUARDED_WORDS = re.compile(
    r"\b(?:service|load|insert|delete|clear|drop|create|add|move|copy|with|using|from|data)\b", re.IGNORECASE
)
_FORM = re.compile(r"(?<![\w:?$-])(select|ask|construct|describe)(?![\w:-])", re.IGNORECASE)
_PREFIX_DECL = re.compile(r"(?<![\w:?$-])prefix\s+([A-Za-z][\w.-]*)?:", re.IGNORECASE)


# --------------------------------------------------------------------------------------------
# the guard
# --------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class PreparedQuery:
    """A query the guard accepted: its kind, the text to run (prefixes added), and whether it names
    its own dataset with FROM / FROM NAMED (then the union default graph is not applied)."""

    kind: str
    text: str
    has_dataset: bool
    parsed: bool = True  # False: accepted by the word scan alone (see _plain_query)


def prepare_query(text: str, settings: Settings) -> PreparedQuery:
    """Check a user's query against the guard; raise QueryRefusedError or QueryError, else prepare it."""
    size = len(text.encode("utf-8"))
    if size > settings.query_max_bytes:
        raise QueryRefusedError(
            f"the query is {size} bytes, over the limit of {settings.query_max_bytes} "
            "(setting query_max_bytes, env KG_QUERY_MAX_BYTES); shorten it, e.g. move long VALUES lists into the store"
        )
    verdict = _verdict(text, settings.query_max_depth)
    if isinstance(verdict, PreparedQuery):
        return verdict
    error_class, message = verdict
    raise error_class(message)


@lru_cache(maxsize=_CACHE_SIZE)
def _verdict(text: str, max_depth: int) -> PreparedQuery | tuple[type[QueryError], str]:
    # Errors are returned, not raised, so that refusals are cached too.
    depth = _nesting_depth(text)
    if depth > max_depth:
        return QueryRefusedError, (
            f"the query nests brackets {depth} deep, over the limit of {max_depth} "
            "(setting query_max_depth, env KG_QUERY_MAX_DEPTH); flatten the nested groups or sub-queries"
        )
    return _plain_query(text) or _parsed_verdict(text)


def _parsed_verdict(text: str) -> PreparedQuery | tuple[type[QueryError], str]:
    """The verdict from rdflib's parse tree (its parser only; rdflib never evaluates the query)."""
    from pyparsing import ParseException
    from rdflib.plugins.sparql.parser import parseQuery, parseUpdate

    if sys.getrecursionlimit() < _PARSER_RECURSION_LIMIT:
        sys.setrecursionlimit(_PARSER_RECURSION_LIMIT)
    try:
        tree = parseQuery(text)
    except ParseException as e:
        try:
            update = parseUpdate(text)
        except (ParseException, RecursionError):
            update = None
        operations = [_UPDATE_NAMES.get(r.name, r.name) for r in update.request] if update is not None else []
        if operations:
            return QueryRefusedError, (
                f"{', '.join(dict.fromkeys(operations))} refused: user queries are read-only (updates and LOAD "
                "are not run); change the store with `kg build` / `kg add` instead"
            )
        return QueryError, f"SPARQL syntax error at line {e.lineno}, column {e.column}: {e.msg}; fix the query text"
    except RecursionError:
        return QueryRefusedError, (
            "the query nests too deeply to be parsed; flatten the nested groups or sub-queries "
            "(setting query_max_depth bounds the nesting)"
        )
    prologue, body = tree[0], tree[1]
    declared: dict[str, str] = {}
    for decl in prologue:
        if decl.name == "PrefixDecl":
            declared[decl.prefix or ""] = str(decl.iri)
    prefixes = {**PREFIXES, **declared}
    has_dataset = False
    for node in _walk(body):
        if node.name == "ServiceGraphPattern":
            return QueryRefusedError, (
                f"SERVICE {_show(node.term)} refused: this endpoint does not call other SPARQL services "
                "(a federated query can reach any server and cannot be bounded); load the data into the store instead"
            )
        if node.name == "DatasetClause":
            has_dataset = True
            # CompValue attributes are None when absent (its .get() returns the key instead)
            which, term = ("FROM NAMED", node.named) if node.named is not None else ("FROM", node.default)
            graph = _iri(term, prefixes)
            if graph is None or not graph.startswith(STORE_GRAPH_NAMESPACE):
                shown = f"<{graph}>" if graph is not None else _show(term)
                return QueryRefusedError, (
                    f"{which} {shown} refused: FROM and FROM NAMED may only name the store's own graphs "
                    f"(absolute IRIs starting with <{STORE_GRAPH_NAMESPACE}>), nothing is loaded from elsewhere; "
                    "remove it to query the union of all graphs"
                )
    missing = "".join(f"PREFIX {p}: <{iri}> " for p, iri in PREFIXES.items() if p not in declared)
    full = f"{missing}\n{text}" if missing else text
    return PreparedQuery(kind=_KINDS[body.name], text=full, has_dataset=has_dataset)


def _plain_query(text: str) -> PreparedQuery | None:
    """A query that names none of the guarded words anywhere (even inside strings or IRIs) cannot
    update, load, federate or choose a dataset: prepare it without rdflib's parser (~5-30 ms a
    query); pyoxigraph still parses it in the worker and reports syntax errors. Otherwise None."""
    if _GUARDED_WORDS.search(text):
        return None
    code = _TOKENS.sub(lambda m: m.group() if m.group() in "{}()[]" else " ", text)  # strings, IRIs, comments out
    form = _FORM.search(code)
    if form is None:
        return None
    declared = {m.group(1) or "" for m in _PREFIX_DECL.finditer(code)}
    missing = "".join(f"PREFIX {p}: <{iri}> " for p, iri in PREFIXES.items() if p not in declared)
    kind = {"select": "select", "ask": "ask"}.get(form.group(1).lower(), "construct")
    return PreparedQuery(kind=kind, text=f"{missing}\n{text}" if missing else text, has_dataset=False, parsed=False)


def _nesting_depth(text: str) -> int:
    depth = deepest = 0
    for m in _TOKENS.finditer(text):
        token = m.group()
        if token in "{([":
            depth += 1
            deepest = max(deepest, depth)
        elif token in "})]":
            depth = max(depth - 1, 0)
    return deepest


def _walk(node):
    """Every CompValue (named parse node) under ``node``."""
    from rdflib.plugins.sparql.parserutils import CompValue

    stack = [node]
    while stack:
        item = stack.pop()
        if isinstance(item, CompValue):
            yield item
            stack.extend(item.values())
        elif isinstance(item, (list, tuple)):  # ParseResults is a list-like
            stack.extend(item)
        elif hasattr(item, "asList") and not isinstance(item, str):
            stack.extend(list(item))


def _iri(term, prefixes: dict[str, str]) -> str | None:
    """The absolute IRI a FROM clause names, or None if it is relative or its prefix is unknown."""
    from rdflib import URIRef

    if isinstance(term, URIRef):
        value = str(term)
    elif getattr(term, "name", None) == "pname" and (term.prefix or "") in prefixes:
        value = prefixes[term.prefix or ""] + (term.localname or "")
    else:
        return None
    return value if re.match(r"[A-Za-z][A-Za-z0-9+.-]*:", value) else None


def _show(term) -> str:
    from rdflib import Variable

    if isinstance(term, Variable):
        return f"?{term}"
    if getattr(term, "name", None) == "pname":
        return f"{term.prefix or ''}:{term.localname or ''}"
    return f"<{term}>"


# --------------------------------------------------------------------------------------------
# results
# --------------------------------------------------------------------------------------------
@dataclass
class QueryResult:
    """What a user query gave: rows (SELECT), a boolean (ASK) or triples (CONSTRUCT / DESCRIBE)."""

    kind: str  # "select" | "ask" | "construct"
    columns: list[str] = field(default_factory=list)
    rows: list[tuple] = field(default_factory=list)  # tuples of pyoxigraph terms or None (unbound)
    boolean: bool | None = None
    triples: list[ox.Triple] = field(default_factory=list)
    truncated: bool = False
    elapsed: float = 0.0  # seconds, guard and transport included

    def serialize(self, fmt: str) -> bytes:
        """The result as bytes: json/xml/csv/tsv for SELECT and ASK; turtle/ntriples/jsonld otherwise."""
        if self.kind == "construct":
            if fmt not in GRAPH_FORMATS:
                raise QueryError(f"a CONSTRUCT/DESCRIBE result cannot be written as {fmt!r}; use one of {sorted(GRAPH_FORMATS)}")
            prefixes = PREFIXES if fmt == "turtle" else None
            return ox.serialize(self.triples, format=GRAPH_FORMATS[fmt], prefixes=prefixes)
        if fmt not in SOLUTION_FORMATS:
            raise QueryError(f"a {self.kind.upper()} result cannot be written as {fmt!r}; use one of {sorted(SOLUTION_FORMATS)}")
        document = self._json()
        if fmt == "json":
            return document
        parsed = ox.parse_query_results(document, format=ox.QueryResultsFormat.JSON)
        return parsed.serialize(format=SOLUTION_FORMATS[fmt])

    def _json(self) -> bytes:
        if self.kind == "ask":
            return json.dumps({"head": {}, "boolean": bool(self.boolean)}).encode("utf-8")
        bindings = [
            {name: _json_term(term) for name, term in zip(self.columns, row) if term is not None} for row in self.rows
        ]
        return json.dumps(
            {"head": {"vars": self.columns}, "results": {"bindings": bindings}}, ensure_ascii=False, separators=(",", ":")
        ).encode("utf-8")


def _json_term(term) -> dict:
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Literal):
        out = {"type": "literal", "value": term.value}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype.value not in (_XSD_STRING, _RDF_LANG_STRING):
            out["datatype"] = term.datatype.value
        return out
    return {
        "type": "triple",
        "value": {k: _json_term(getattr(term, k)) for k in ("subject", "predicate", "object")},
    }


# --------------------------------------------------------------------------------------------
# the worker pool
# --------------------------------------------------------------------------------------------
def _worker_main() -> None:
    """One query worker (a child process): open the store read-only, then answer requests.

    Runs as ``python -c`` with the numbers of a request pipe and a reply pipe as arguments, not
    through multiprocessing, so that it never re-imports the host's main module (Streamlit, uvicorn,
    a script) and starts the same from any of them.
    """
    from kg.store import open_reader

    requests, replies = Connection(int(sys.argv[1]), writable=False), Connection(int(sys.argv[2]), readable=False)
    settings = requests.recv()
    try:
        reader = open_reader(settings)
    except KGError as e:
        replies.send(("error", type(e).__name__, str(e)))
        return
    replies.send(("ready",))
    while True:
        try:
            text, kind, union, limit = requests.recv()
        except EOFError:
            return
        try:
            result = reader.query(text, union=union)
            if kind == "ask":
                payload = bool(result)
            elif kind == "select":
                columns = [v.value for v in result.variables]
                rows = []
                for solution in result:
                    if len(rows) == limit:
                        payload = (columns, rows, True)
                        break
                    rows.append(tuple(solution[c] for c in columns))
                else:
                    payload = (columns, rows, False)
            else:
                triples = []
                truncated = False
                for triple in result:
                    if len(triples) == limit:
                        truncated = True
                        break
                    triples.append(triple)
                payload = (triples, truncated)
            message = ("ok", payload)
        except SyntaxError as e:
            message = ("error", "QueryError", f"SPARQL error: {e}; fix the query text")
        except KGError as e:
            message = ("error", type(e).__name__, str(e))
        except (OSError, ValueError, RuntimeError) as e:
            message = ("error", "QueryError", f"the query failed while running: {e}")
        replies.send_bytes(pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL))


class _Worker:
    def __init__(self, settings: Settings):
        to_child, from_parent = os.pipe()
        to_parent, from_child = os.pipe()
        self.process = subprocess.Popen(
            [sys.executable, "-c", "from kg.query import _worker_main; _worker_main()", str(to_child), str(from_child)],
            pass_fds=(to_child, from_child),
            stdin=subprocess.DEVNULL,
        )
        os.close(to_child)
        os.close(from_child)
        self.requests = Connection(from_parent, readable=False)
        self.replies = Connection(to_parent, writable=False)
        self.requests.send(settings)

    def kill(self) -> None:
        self.process.kill()
        self.process.wait(5)
        self.requests.close()
        self.replies.close()


class QueryPool:
    """``settings.query_workers`` processes with read-only handles on ``settings.store``."""

    def __init__(self, settings: Settings):
        self.settings = settings
        self._idle: queue.Queue[_Worker | None] = queue.Queue()
        self._broken: str | None = None
        self._closed = False
        self._all: set[_Worker] = set()
        self._starting = 0
        self._lock = threading.Lock()
        for _ in range(max(1, settings.query_workers)):
            self._spawn()

    def _spawn(self) -> None:
        worker = _Worker(self.settings)
        with self._lock:
            self._all.add(worker)
            self._starting += 1
        threading.Thread(target=self._await_ready, args=(worker,), daemon=True).start()

    def _await_ready(self, worker: _Worker) -> None:
        try:
            ready = worker.replies.poll(_WORKER_START_SECONDS) and worker.replies.recv()
        except (EOFError, OSError):
            ready = None
        with self._lock:
            self._starting -= 1
        if ready and ready[0] == "ready":
            self._idle.put(worker)
            return
        self._broken = ready[2] if ready and ready[0] == "error" else "a query worker did not start"
        self._discard(worker)
        self._idle.put(None)  # wakes a waiting caller, who reports the breakage

    def wait_until_started(self, timeout: float = _WORKER_START_SECONDS) -> bool:
        """True once no worker is still starting (a warm pool, for tests and benchmarks)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self._lock:
                if not self._starting:
                    return True
            time.sleep(0.01)
        return False

    def _discard(self, worker: _Worker) -> None:
        with self._lock:
            self._all.discard(worker)
        worker.kill()

    def run(self, prepared: PreparedQuery, timeout: float, row_limit: int):
        """The worker's payload for one prepared query; kills and replaces the worker on time-out.

        The time limit counts from when a worker takes the query; waiting for a busy worker is bounded
        by the limit too, plus the start-up time of workers still starting (a cold pool is not busy).
        """
        with self._lock:
            wait = timeout + (_WORKER_START_SECONDS if self._starting else 0.0)
        try:
            worker = self._idle.get(timeout=wait)
        except queue.Empty:
            raise QueryTimeoutError(
                f"all {self.settings.query_workers} query workers stayed busy for {timeout:g} s; try again shortly, "
                "or raise query_workers (env KG_QUERY_WORKERS)"
            ) from None
        if worker is None:
            self._idle.put(None)
            raise StoreError(f"cannot query the store {self.settings.store}: {self._broken}")
        request = (prepared.text, prepared.kind, not prepared.has_dataset, row_limit)
        try:
            worker.requests.send(request)
            if not worker.replies.poll(timeout):
                self._replace(worker)
                raise QueryTimeoutError(
                    f"the query ran past the time limit of {timeout:g} s and was stopped (setting query_timeout, env "
                    "KG_QUERY_TIMEOUT); narrow it: bind more variables, bound property paths, add LIMIT"
                )
            message = pickle.loads(worker.replies.recv_bytes())
        except (EOFError, OSError, pickle.UnpicklingError) as e:
            self._replace(worker)
            raise QueryError(f"the query worker stopped while running the query ({e or type(e).__name__}); try again") from None
        self._idle.put(worker)
        if message[0] == "error":
            import kg.errors

            raise getattr(kg.errors, message[1], QueryError)(message[2])
        return message[1]

    def _replace(self, worker: _Worker) -> None:
        self._discard(worker)
        if not self._closed:
            self._spawn()

    def close(self) -> None:
        self._closed = True
        with self._lock:
            workers = list(self._all)
            self._all.clear()
        for worker in workers:
            worker.kill()


_POOLS: dict[Settings, QueryPool] = {}
_POOLS_LOCK = threading.Lock()


def query_pool(settings: Settings) -> QueryPool:
    """The worker pool for the store of ``settings`` (started on first use, shared in the process)."""
    with _POOLS_LOCK:
        pool = _POOLS.get(settings)
        if pool is None:
            pool = _POOLS[settings] = QueryPool(settings)
        return pool


def close_pools() -> None:
    """Stop every query worker of this process (at exit, and between tests)."""
    with _POOLS_LOCK:
        pools = list(_POOLS.values())
        _POOLS.clear()
    for pool in pools:
        pool.close()


atexit.register(close_pools)


# --------------------------------------------------------------------------------------------
# the one entry point
# --------------------------------------------------------------------------------------------
def run_user_query(text: str, settings: Settings, reader=None) -> QueryResult:
    """Run a SPARQL query written by a user, through the guard, in a killable worker.

    ``reader`` (optional, a :class:`kg.store.GraphReader`) names the store to query by its
    ``location``; by default ``settings.store``. The query never runs in the calling process.
    Raises QueryRefusedError, QueryTimeoutError or QueryError with a message for the user.
    """
    started = time.perf_counter()
    prepared = prepare_query(text, settings)
    if reader is not None and reader.location != settings.store:
        settings = settings.replace(store=reader.location)
    try:
        payload = query_pool(settings).run(prepared, settings.query_timeout, settings.query_row_limit)
    except (QueryRefusedError, QueryTimeoutError):
        raise
    except QueryError:
        if not prepared.parsed:  # say where the syntax error is in the user's own text, not ours
            verdict = _parsed_verdict(text)
            if not isinstance(verdict, PreparedQuery):
                raise verdict[0](verdict[1]) from None
        raise
    result = QueryResult(kind=prepared.kind)
    if prepared.kind == "ask":
        result.boolean = payload
    elif prepared.kind == "select":
        result.columns, result.rows, result.truncated = payload
    else:
        result.triples, result.truncated = payload
    result.elapsed = time.perf_counter() - started
    return result
