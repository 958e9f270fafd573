"""The one guarded path for SPARQL queries written by users (CLI, the app's console, ``kg serve``).

Neither library is safe with untrusted text: rdflib's SPARQL follows ``SERVICE`` and ``LOAD`` and
reads local files named in ``FROM``; pyoxigraph always executes ``SERVICE`` with no time-out, and
neither can stop a query once it runs. So :func:`run_user_query`

1. refuses text longer than ``query_max_bytes`` at once, in the caller;
2. hands the text to one of ``query_workers`` persistent worker processes (:mod:`kg.query.pool`),
   each cut off the network (:mod:`kg.query.isolation`) and holding its own read-only handle on the
   store; the worker runs the guard (:mod:`kg.query.guard`: a full parse, judged on the tree, with the
   usual prefixes added) and evaluates what it admits. A worker that passes ``query_timeout`` — parse
   included — is killed and replaced, and the caller gets :class:`~kg.errors.QueryTimeoutError`;
3. returns at most ``query_row_limit`` rows (or triples), flagged ``truncated`` when cut.

The default graph is the union of all graphs, unless the query names graphs with ``FROM``.
"""

from __future__ import annotations

import atexit
import time
from collections.abc import Mapping

from kg.query.guard import PREFIXES, STORE_GRAPH_NAMESPACE, PreparedQuery, check_size, prepare_query
from kg.query.pool import Answer, QueryPool, close_pools, query_pool
from kg.query.results import GRAPH_FORMATS, SOLUTION_FORMATS, QueryResult, result_from_payload
from kg.settings import Settings

__all__ = [
    "GRAPH_FORMATS",
    "PREFIXES",
    "SOLUTION_FORMATS",
    "STORE_GRAPH_NAMESPACE",
    "Answer",
    "PreparedQuery",
    "QueryPool",
    "QueryResult",
    "answer_user_query",
    "close_pools",
    "prepare_query",
    "query_pool",
    "run_user_query",
]

atexit.register(close_pools)


def run_user_query(text: str, settings: Settings, reader=None) -> QueryResult:
    """Run a SPARQL query written by a user, through the guard, in a killable, isolated worker.

    ``reader`` (optional, a :class:`kg.store.GraphReader`) names the store to query by its
    ``location``; by default ``settings.store``. The query is neither parsed nor run in the calling
    process (only its length is checked here). Raises QueryRefusedError, QueryTimeoutError or
    QueryError with a message for the user.
    """
    started = time.perf_counter()
    check_size(text, settings)
    if reader is not None and reader.location != settings.store:
        settings = settings.replace(store=reader.location)
    kind, payload = query_pool(settings).run(text, settings.query_timeout, settings.query_row_limit)
    result = result_from_payload(kind, payload)
    result.elapsed = time.perf_counter() - started
    return result


def answer_user_query(text: str, settings: Settings, formats: Mapping[str, str | None]) -> Answer:
    """Like :func:`run_user_query`, but the worker also writes the result, in ``formats[kind]`` (its kind is
    known only once the worker has parsed it), and only those bytes come back: what ``kg serve`` sends."""
    check_size(text, settings)
    return query_pool(settings).answer(text, settings.query_timeout, settings.query_row_limit, formats)
