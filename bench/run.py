"""One function per figure: ``fn(report, plan, work, cache)``; shared stores are made once per run."""

from __future__ import annotations

from pathlib import Path

from bench import app_api, fig_build, fig_query, fig_serve, graphs, queries
from bench.stats import Summary, summarize, time_interleaved
from kg.explore.terms import entity_key
from kg.query import prepare_query
from kg.settings import Settings
from kg.store import open_reader

_stores: dict[str, Path] = {}


def extraction(report, plan, work: Path, cache: Path) -> None:
    fig_build.extraction(report, work, plan.extract_articles, plan.extract_repeats, batch_size=Settings.load().batch_size)


def scale(report, plan, work: Path, cache: Path) -> None:
    fig_build.scaling(report, work, list(plan.scale_sizes), list(plan.scale_repeats), n_process=1,
                      quick=plan.scale_sizes[-1] < 10_000)


def _seed(work: Path) -> Path:
    if "seed" not in _stores:
        _stores["seed"] = graphs.seed_store(work)
    return _stores["seed"]


def _large(report, plan, cache: Path) -> Path:
    if "large" not in _stores:
        path, seconds = graphs.generated_store(cache, plan.triples)
        triples = graphs.count_triples(path)
        if seconds is not None:
            report.add("graph", f"generate {triples:,} triples through open_writer().write_documents", summarize([seconds]), "s",
                       note=f"{triples / seconds:,.0f} triples/s; on disk {graphs.disk_mb(path):,.0f} MB, "
                            f"of which live/ {graphs.disk_mb(path / 'live'):,.0f} MB and "
                            f"{len(list((path / 'snapshots').iterdir()))} snapshots")
        else:
            report.note(f"generated graph of {triples:,} triples reused from {path}")
        _stores["large"] = path
    return _stores["large"]


def _examples() -> list[tuple[str, str]]:
    return queries.shipped_examples() + queries.typical()


def _app_calls(store: Path) -> list[tuple[str, str, dict]]:
    """The queries the entity page and graph view send for the hub entity, recorded."""
    settings = Settings.load(store=str(store))
    key = entity_key(graphs.hub_entity(store))
    out = []
    for view in ("entity_page", "graph_view"):
        reader = fig_query.RecordingReader(open_reader(settings))
        getattr(app_api, view)(reader, settings, key, app_api.per_version(open_reader(settings)))
        seen = set()
        for caller, text, bindings in reader.calls:
            if text not in seen:
                seen.add(text)
                out.append((f"{view}: {caller} #{len(seen)}", text, bindings))
    return out


def query(report, plan, work: Path, cache: Path) -> None:
    store = _large(report, plan, cache)
    examples = _examples()
    shipped = queries.example_files()
    report.note(f"figure 3: {len(examples) - len(queries.TYPICAL)} shipped examples from "
                f"{', '.join(str(p.relative_to(queries.ROOT)) for p in shipped) or 'no examples file (none shipped yet)'}"
                f" + {len(queries.TYPICAL)} typical queries of bench/queries.py")
    costs = fig_query.user_queries(report, store, examples, plan.query_repeats, plan.query_budget_s)
    if costs["timed_out"]:
        report.note(f"figure 3: {len(costs['timed_out'])} of {len(examples)} queries ran past query_timeout on the "
                    f"{plan.triples:,}-triple store: {', '.join(repr(n) for n in costs['timed_out'])}")
    if costs["slow"]:
        report.note(f"figure 3: {len(costs['slow'])} queries took over {plan.query_budget_s / 3:g} s and were measured once, "
                    f"outside the guard-cost target: {', '.join(repr(n) for n in costs['slow'])}")
    for kind, label in (("warm", "verdict cached"), ("cold", "new query text")):
        if not costs[kind]:
            report.target(f"guard costs ≤ 2 ms over pyoxigraph at the median ({label})", None, "—", "≤ +2 ms",
                          "no query finished within the time limit")
            continue
        worst = max(costs[kind].items(), key=lambda kv: kv[1])
        typical = summarize(list(costs[kind].values())).median
        report.target(f"guard costs ≤ 2 ms per query over pyoxigraph at the median ({label})", typical <= 2.0,
                      f"+{typical:.2f} ms (median over {len(costs[kind])} queries of each one's median difference); "
                      f"largest +{worst[1]:.2f} ms ('{worst[0]}')", "≤ +2 ms")
    calls = _app_calls(store)
    fig_query.app_queries(report, store, calls, plan.query_repeats, plan.query_budget_s)
    settings = Settings.load(store=str(store))
    peer_queries = [(name, prepare_query(text, settings).text, {}) for name, text in examples] + calls
    fig_query.peer(report, graphs.sample_quads(store, plan.peer_triples), peer_queries, plan.query_repeats, plan.query_budget_s)


def pages(report, plan, work: Path, cache: Path) -> None:
    seen: dict[tuple[str, str], Summary] = {}
    for label, store in (("seed graph", _seed(work)), (f"{plan.triples:,}-triple graph", _large(report, plan, cache))):
        settings = Settings.load(store=str(store))
        reader = open_reader(settings)
        key = entity_key(graphs.hub_entity(store))
        versioned = app_api.per_version(reader)
        for view in ("entity_page", "graph_view", "label_index", "statements", "projection", "years"):
            fn = getattr(app_api, view)
            # the once-per-graph-version builds are slow at scale: fewer repeats
            repeats = plan.page_repeats if view in ("entity_page", "graph_view") else max(3, plan.page_repeats // 3)
            [samples] = time_interleaved([lambda: fn(reader, settings, key, versioned)], repeats, budget_s=plan.query_budget_s)
            s = summarize(samples)
            seen[(view, label)] = s
            seed = seen.get((view, "seed graph"))
            what = f"{view.replace('_', ' ')} of '{key}'" if view in ("entity_page", "graph_view") else f"{view.replace('_', ' ')} (once per graph version)"
            report.add("4 pages", f"{what} on the {label}", s, "ms",
                       *(("seed graph", seed, s.median / seed.median) if seed and label != "seed graph" else ()))
        for view in ("entity_page", "graph_view", "overview"):  # where the time goes
            for part, fn in getattr(app_api, f"{view}_parts")(reader, settings, key, versioned).items():
                [samples] = time_interleaved([fn], plan.page_repeats, budget_s=plan.query_budget_s)
                s = summarize(samples)
                seen[(f"{view}: {part}", label)] = s
                seed = seen.get((f"{view}: {part}", "seed graph"))
                report.add("4 pages", f"… {view.replace('_', ' ')} part {part}, on the {label}", s, "ms",
                           *(("seed graph", seed, s.median / max(seed.median, 1e-9)) if seed and label != "seed graph" else ()))
        if label == "seed graph":
            seed_hub_statements = versioned["statements"].degree(key)
        else:  # a diagnostic: the same views for an entity of the seed hub's size, on the large graph
            peer = _entity_of_size(versioned["statements"], seed_hub_statements)
            for view in ("entity_page", "graph_view"):
                fn = getattr(app_api, view)
                [samples] = time_interleaved([lambda: fn(reader, settings, peer, versioned)], plan.page_repeats, budget_s=plan.query_budget_s)
                s = summarize(samples)
                seen[(f"{view} (peer)", label)] = s
                seed = seen[(view, "seed graph")]
                report.add("4 pages", f"{view.replace('_', ' ')} of '{peer}' ({versioned['statements'].degree(peer)} statements, "
                           f"the seed hub has {seed_hub_statements}) on the {label}", s, "ms", "seed graph's hub", seed, s.median / seed.median)
    large = f"{plan.triples:,}-triple graph"
    for view in ("entity_page", "graph_view"):
        seed, big = seen[(view, "seed graph")].median, seen[(view, large)].median
        report.target(f"{view.replace('_', ' ')}: {large} ≤ 2 × seed graph", big <= 2 * seed,
                      f"×{big / seed:.2f} ({big:.0f} vs {seed:.0f} ms)", "≤ ×2.00")
    for view in ("entity_page", "graph_view"):  # not the target: says whether cost follows the graph or the entity
        seed, peer = seen[(view, "seed graph")].median, seen[(f"{view} (peer)", large)].median
        report.target(f"(diagnostic) {view.replace('_', ' ')}: entity of the seed hub's size on the {large} ≤ 2 × seed hub",
                      peer <= 2 * seed, f"×{peer / seed:.2f} ({peer:.1f} vs {seed:.1f} ms)", "≤ ×2.00")


def _entity_of_size(statements, size: int) -> str:
    """The entity whose number of statements is closest to ``size`` (ties: the first key in order)."""
    return min(sorted(statements), key=lambda n: abs(statements.degree(n) - size))


def startup(report, plan, work: Path, cache: Path) -> None:
    fig_serve.startup(report, _seed(work), work, plan.startup_repeats, "seed graph", browser=True)
    if plan.triples >= 1_000_000:
        fig_serve.startup(report, _large(report, plan, cache), work, plan.startup_repeats, f"{plan.triples:,}-triple graph",
                          browser=True)


def load(report, plan, work: Path, cache: Path) -> None:
    store = _large(report, plan, cache)
    texts = [text for _, text in queries.typical()]  # bounded lookups; the examples' full scans are figure 3's
    fig_serve.load_test(report, store, work, texts, plan.load_clients, plan.load_seconds, f"{plan.triples:,}-triple graph")
