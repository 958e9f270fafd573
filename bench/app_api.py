"""What the app computes server-side for its heaviest views, called as app/app_pages/*.py call them
(without Streamlit's caches: the cost of a first view of a graph version).

Each view is a dict of named parts, so that a slow view can be traced to the function behind it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from kg.settings import Settings

Parts = dict[str, Callable[[], Any]]


def per_version(reader) -> dict:
    """What the app builds once per graph version and every session shares (:data:`kg.explore.versioned.PER_VERSION`,
    kept in ``st.cache_resource`` by app/app_state.py), the label index's entities and the claims."""
    from kg.explore.claims import claim_index
    from kg.explore.versioned import PER_VERSION

    built = {name: build(reader) for name, build in PER_VERSION.items()}
    return built | {
        "entities": built["label_index"].entities,
        "claims": claim_index(reader, statements=built["statements"]),
    }  # as app_state.claims() builds it


def entity_page_parts(reader, settings: Settings, key: str, versioned: dict) -> Parts:
    """What app/app_pages/entity.py computes for ``key`` (the first rows of every relation group), part by part."""
    from kg.explore.claims import claim_markdown
    from kg.explore.entity import (
        comentioned,
        count_events,
        count_quantities,
        entity_info,
        events,
        newest_statements,
        quantities,
        relation_index,
        relation_rows,
    )
    from kg.explore.neighbourhood import GraphFilter, neighbourhood
    from kg.explore.network_html import to_html
    from kg.explore.timeline import TimelineItem, newest, statement_items

    statements, entities = versioned["statements"], versioned["entities"]
    size = max(settings.entity_relations_per_page, 1)
    small = settings.replace(
        graph_max_nodes=settings.entity_graph_max_nodes, graph_max_per_relation=settings.entity_graph_max_per_relation
    )

    view: dict = {}  # what one view computes once and uses twice, as the page does

    def shown_rows():
        index = view["index"] = relation_index(statements, key)
        first = index.first_rows(settings.entity_relation_rows, size)
        shown = view["shown"] = index.kb[: settings.entity_kb_fact_limit] + tuple(
            n for group in first.values() for n in group
        )
        return relation_rows(reader, tuple(dict.fromkeys(shown)), entities=entities)

    def badges():  # runs after shown_rows: the badge of the claim each shown row reports
        return [claim_markdown(c) for n in view["shown"] if (c := versioned["claims"].of_statement(n)) is not None]

    def timeline():  # runs after shown_rows, whole page or part by part
        index = view["index"]
        evs = events(reader, key, limit=settings.entity_event_limit, entities=entities, index=versioned["events"])
        count_events(reader, key, index=versioned["events"])
        return newest(
            statement_items(
                newest_statements(statements, key, index, settings.entity_timeline_limit),
                key,
                index.dated[: settings.entity_timeline_limit],
                entities,
            )
            + [TimelineItem.of_event(e) for e in evs if e.date],
            settings.entity_timeline_limit,
        )

    def figures():
        qs = quantities(
            reader, key, limit=settings.entity_quantity_limit, with_evidence=False, index=versioned["quantities"]
        )
        return qs, count_quantities(reader, key, index=versioned["quantities"])

    return {
        "entity_info": lambda: entity_info(reader, key, index=versioned["entity_facts"], entities=entities),
        "relation_index + relation_rows (KB facts, first rows of each group)": shown_rows,
        "claim badges of the rows shown": badges,
        "events + timeline": timeline,
        "quantities": figures,
        "comentioned": lambda: comentioned(
            reader, key, limit=settings.entity_comention_limit, index=versioned["comentions"], entities=entities
        ),
        "neighbourhood (entity_graph_max_nodes) + to_html": lambda: to_html(
            neighbourhood(reader, key, GraphFilter(hops=1), small, statements=statements, entities=entities),
            height="380px",
        ),
    }


def graph_view_parts(reader, settings: Settings, key: str, versioned: dict) -> Parts:
    """What app/app_pages/graph.py computes for focus ``key`` with the default filters and drawing (no as-of day,
    nothing expanded, pinned or hidden, sizes the same, colours by type), part by part, called as the page calls it.
    The slider's year range is computed once per graph version (``app_state.call``); the four view exports are
    written only when their download button is clicked."""
    from kg.explore.neighbourhood import GraphFilter, edge_evidence, neighbourhood
    from kg.explore.network_html import legend, to_html

    statements = versioned["statements"]
    view: dict = {}  # what one view computes once and uses later, as the page does

    def drawn():
        view["sub"] = neighbourhood(
            reader, key, GraphFilter(hops=1), settings, statements=statements, entities=versioned["entities"]
        )
        return view["sub"]

    def evidence():  # runs after drawn: the evidence of the drawn edges, shown when an edge is clicked
        view["evidence"] = edge_evidence(reader, statements, view["sub"])
        return view["evidence"]

    def page():  # runs after evidence: the side column's list and legend, then the drawing
        sub = view["sub"]
        labels = {n.key: f"{n.label} · {n.type}" for n in sub.entities()}
        return (
            labels,
            legend(sub),
            to_html(
                sub, height="620px", evidence=view["evidence"], sizes=None, colours=None, clicks="graph", pinned=[]
            ),
        )

    return {
        "neighbourhood": drawn,
        "edge_evidence": evidence,
        "to_html (with the evidence, clicks wired) + focus list and legend": page,
    }


def overview_parts(reader, settings: Settings, key: str, versioned: dict) -> Parts:
    """What the landing page (app/app_pages/overview.py) computes on a graph version's first view."""
    from kg.explore import overview
    from kg.explore.paths import entity_projection
    from kg.explore.search import build_label_index

    projected = entity_projection(reader)
    return {
        "built_at": lambda: overview.built_at(reader),
        "record_counts": lambda: overview.record_counts(reader),
        "counts_by_type": lambda: overview.counts_by_type(reader),
        "counts_by_relation": lambda: overview.counts_by_relation(reader),
        "documents": lambda: overview.documents(reader, settings.overview_documents_limit),
        "label index (build_label_index)": lambda: build_label_index(reader),
        "projection (entity_projection)": lambda: entity_projection(reader),
        "centrality (PageRank, top 50)": lambda: overview.centrality(projected, versioned["entities"], limit=50),
    }


def shown(reader, settings: Settings, key: str, versioned: dict) -> str:
    """What the entity page and graph view of ``key`` show, in words (the report says what was compared)."""
    from kg.explore.entity import relation_index

    parts = entity_page_parts(reader, settings, key, versioned)
    rows = parts["relation_index + relation_rows (KB facts, first rows of each group)"]()
    figures, all_figures = parts["quantities"]()
    index = relation_index(versioned["statements"], key)
    view = graph_view_parts(reader, settings, key, versioned)
    sub, evidence = view["neighbourhood"](), view["edge_evidence"]()
    return (
        f"{len(rows)} relation rows with {sum(len(r.evidence) for r in rows)} evidence sentences, "
        f"of {len(index.groups)} "
        f"relation groups and {len(index.kb)} KB facts; {len(figures)} of {all_figures} figures; "
        f"{len(parts['comentioned']())} co-mentioned entities; and its graph view draws {len(sub.nodes)} nodes and "
        f"{len(sub.edges)} edges, with the evidence of {sum(map(len, evidence.values()))} statements"
    )


def entity_page(reader, settings: Settings, key: str, versioned: dict):
    return [part() for part in entity_page_parts(reader, settings, key, versioned).values()]


def graph_view(reader, settings: Settings, key: str, versioned: dict):
    return [part() for part in graph_view_parts(reader, settings, key, versioned).values()]
