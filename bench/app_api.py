"""What the app computes server-side for its heaviest views, called as app/app_pages/*.py call them
(without Streamlit's caches: the cost of a first view of a graph version).

Each view is a dict of named parts, so that a slow view can be traced to the function behind it.
"""

from __future__ import annotations

from collections.abc import Callable

from kg.settings import Settings

Parts = dict[str, Callable[[], object]]


def entity_page_parts(reader, settings: Settings, key: str) -> Parts:
    """What app/app_pages/entity.py computes for ``key``, part by part."""
    from kg.explore.entity import comentioned, entity_info, events, group_by_predicate, quantities, relations
    from kg.explore.neighbourhood import GraphFilter, neighbourhood
    from kg.explore.network_html import to_html
    from kg.explore.timeline import timeline_items

    small = settings.replace(graph_max_nodes=30, graph_max_per_relation=8)
    return {
        "entity_info": lambda: entity_info(reader, key),
        "relations + group_by_predicate": lambda: group_by_predicate([r for r in relations(reader, key) if r.source != "kb"], key),
        "timeline_items": lambda: timeline_items(reader, key),
        "events": lambda: events(reader, key),
        "quantities": lambda: quantities(reader, key),
        "comentioned": lambda: comentioned(reader, key),
        "neighbourhood (30 nodes) + to_html": lambda: to_html(neighbourhood(reader, key, GraphFilter(hops=1), small), height="380px"),
    }


def graph_view_parts(reader, settings: Settings, key: str) -> Parts:
    """What app/app_pages/graph.py computes for focus ``key`` with the default filters, part by part."""
    from kg.explore.neighbourhood import GraphFilter, neighbourhood
    from kg.explore.network_html import to_html

    sub = neighbourhood(reader, key, GraphFilter(hops=1), settings)
    return {  # the slider's year range is computed once per graph version: see years()
        "neighbourhood": lambda: neighbourhood(reader, key, GraphFilter(hops=1), settings),
        "to_html": lambda: to_html(sub, height="620px"),
    }  # the four view exports are written only when their download button is clicked


def overview_parts(reader, settings: Settings, key: str) -> Parts:
    """What the landing page (app/app_pages/overview.py) computes on a graph version's first view."""
    from kg.explore import overview
    from kg.explore.paths import entity_projection
    from kg.explore.search import build_label_index

    index = build_label_index(reader)
    projected = entity_projection(reader)
    return {
        "built_at": lambda: overview.built_at(reader),
        "record_counts": lambda: overview.record_counts(reader),
        "counts_by_type": lambda: overview.counts_by_type(reader),
        "counts_by_relation": lambda: overview.counts_by_relation(reader),
        "documents": lambda: overview.documents(reader, settings.overview_documents_limit),
        "label index (build_label_index)": lambda: build_label_index(reader),
        "projection (entity_projection)": lambda: entity_projection(reader),
        "centrality (PageRank, top 50)": lambda: overview.centrality(projected, index.entities, limit=50),
    }


def entity_page(reader, settings: Settings, key: str):
    return [part() for part in entity_page_parts(reader, settings, key).values()]


def graph_view(reader, settings: Settings, key: str):
    parts = graph_view_parts(reader, settings, key)
    del parts["neighbourhood"]  # computed once by graph_view_parts already
    return [part() for part in parts.values()]


def label_index(reader, settings: Settings, key: str):
    """The search box's index (built once per graph version, shared by every session)."""
    from kg.explore.search import build_label_index

    return build_label_index(reader)


def years(reader, settings: Settings, key: str):
    """The graph view's and timeline's year range (once per graph version: app_state.call caches it)."""
    from kg.explore.neighbourhood import year_range

    return year_range(reader)


def projection(reader, settings: Settings, key: str):
    """The entity projection the overview and graph pages analyse (once per graph version)."""
    from kg.explore.paths import entity_projection

    return entity_projection(reader)
