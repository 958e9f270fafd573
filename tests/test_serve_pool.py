"""The query workers behind `kg serve`: several queries at once in one worker, and what a time-out kill costs."""

from __future__ import annotations

import threading
import time

import pyoxigraph as ox
import pytest

from kg.errors import QueryError, QueryTimeoutError, SettingError
from kg.query import SOLUTION_FORMATS, query_pool, run_user_query
from kg.query.pool import query_slots
from kg.settings import Settings
from kg.store import graph_node, open_writer

#: Every pair of nodes joined by any path: millions of rows on the store below, far past any time limit.
RUNAWAY = "SELECT * WHERE { ?a (<http://example.org/p>|!<http://example.org/p>)* ?b }"
QUICK = "SELECT (COUNT(*) AS ?n) WHERE { <http://example.org/n1> ?p ?o }"


@pytest.fixture(scope="module")
def ring(tmp_path_factory) -> Settings:
    """A ring of 4,000 nodes with chords: the closure RUNAWAY asks for has 16 million pairs."""
    settings = Settings.load(store=str(tmp_path_factory.mktemp("ring") / "store"))
    p = ox.NamedNode("http://example.org/p")
    node = [ox.NamedNode(f"http://example.org/n{i}") for i in range(4000)]
    graph = graph_node("ring")
    with open_writer(settings) as writer:
        writer.replace_document(
            "ring",
            [ox.Quad(node[i], p, node[(i + 1) % len(node)], graph) for i in range(len(node))]
            + [ox.Quad(node[i], p, node[(i * 7 + 1) % len(node)], graph) for i in range(0, len(node), 2)],
        )
    return settings


def _timed(text: str, settings: Settings, outcome: dict) -> None:
    started = time.monotonic()
    try:
        outcome["rows"] = run_user_query(text, settings).rows
    except QueryError as e:
        outcome["error"] = e
    outcome["seconds"] = time.monotonic() - started


@pytest.mark.parametrize("threads, answered_alongside", [(2, True), (1, False)])
def test_one_worker_runs_a_quick_query_beside_a_runaway_one(ring, threads, answered_alongside):
    settings = ring.replace(query_workers=1, query_threads=threads, query_timeout=2.0)
    assert query_pool(settings).wait_until_started()
    runaway: dict = {}
    thread = threading.Thread(target=_timed, args=(RUNAWAY, settings, runaway))
    thread.start()
    time.sleep(0.3)
    quick: dict = {}
    _timed(QUICK, settings, quick)
    thread.join(20)
    assert isinstance(runaway["error"], QueryTimeoutError)
    assert quick["rows"][0][0].value == "1"
    # with one thread the quick query waits for the runaway one's kill (2 s) and a new worker
    assert (quick["seconds"] < 1.0) is answered_alongside, quick["seconds"]


def test_a_query_killed_with_a_runaway_one_is_sent_again(ring):
    """Both run away on the one worker: the first is stopped at its limit, which kills the worker; the second,
    killed with it, is sent once more to the new worker and stopped at its own limit there, not reported as a
    failure of the worker."""
    timeout = 1.5
    settings = ring.replace(query_workers=1, query_threads=2, query_timeout=timeout)
    assert query_pool(settings).wait_until_started()
    first: dict = {}
    second: dict = {}
    threads = [threading.Thread(target=_timed, args=(RUNAWAY, settings, first))]
    threads[0].start()
    time.sleep(0.5)
    threads.append(threading.Thread(target=_timed, args=(RUNAWAY, settings, second)))
    threads[1].start()
    for thread in threads:
        thread.join(30)
    assert isinstance(first["error"], QueryTimeoutError)
    assert isinstance(second["error"], QueryTimeoutError), second["error"]
    # it ran on the first worker until the kill (about 1 s), then for a full time limit on the new one
    assert second["seconds"] > timeout + 0.5
    assert run_user_query(QUICK, settings).rows[0][0].value == "1"


@pytest.mark.parametrize("workers, threads, slots", [(1, 1, 1), (2, 4, 8), (3, 2, 6)])
def test_query_slots_are_workers_times_threads(ring, workers, threads, slots):
    assert query_slots(ring.replace(query_workers=workers, query_threads=threads)) == slots


@pytest.mark.parametrize("threads", [0, -2])
def test_query_threads_below_one_are_refused_with_the_setting_named(ring, threads):
    with pytest.raises(SettingError, match="query_threads"):
        query_slots(ring.replace(query_threads=threads))


#: Three rows with nothing bound: the fewest bytes a row can take in each format.
EMPTY_ROWS = "SELECT ?x WHERE { VALUES ?y { 1 2 3 } }"
LABELS = "SELECT ?s ?label WHERE { ?s rdfs:label ?label }"


def _rows_in(body: bytes, fmt: str) -> int:
    if fmt == "csv":  # pyoxigraph reads no CSV results; the sample's labels hold no line breaks
        return body.count(b"\r\n") - 1
    solutions = ox.parse_query_results(body, format=SOLUTION_FORMATS[fmt])
    assert isinstance(solutions, ox.QuerySolutions)
    return len(list(solutions))


@pytest.mark.parametrize("fmt", sorted(SOLUTION_FORMATS))
@pytest.mark.parametrize("text", [EMPTY_ROWS, LABELS])
def test_a_written_answer_holds_the_rows_up_to_the_limit_and_says_if_cut(sample_store, text, fmt):
    """The worker writes small answers in one go and cuts big ones row by row: either way, at most the limit."""
    settings = sample_store.replace(query_workers=1)
    expected = run_user_query(text, settings)
    total = len(expected.rows)
    pool = query_pool(settings)
    for limit in (total - 1, total, total + 1):
        answer = pool.answer(text, 10.0, limit, {"select": fmt, "ask": fmt, "construct": None})
        assert answer.body is not None
        assert _rows_in(answer.body, fmt) == min(total, limit), (limit, answer.body[:300])
        assert answer.truncated is (total > limit)
        if fmt == "json" and limit >= total:
            assert _same_rows(answer.body, expected.rows)


def _same_rows(body: bytes, rows: list[tuple]) -> bool:
    solutions = ox.parse_query_results(body, format=ox.QueryResultsFormat.JSON)
    assert isinstance(solutions, ox.QuerySolutions)
    columns = [v.value for v in solutions.variables]
    return sorted(map(str, (tuple(s[c] for c in columns) for s in solutions))) == sorted(map(str, rows))
