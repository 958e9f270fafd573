"""What the app computes server-side for its two heaviest views, called as the app calls them."""

from __future__ import annotations

from kg.settings import Settings


def entity_page(reader, settings: Settings, key: str):
    """Everything the entity page shows for ``key``."""
    from kg.explore import entity

    info = entity.entity_info(reader, key)
    rows = entity.relations(reader, key)
    return (info, entity.group_by_predicate(rows, key), entity.events(reader, key), entity.quantities(reader, key),
            entity.comentioned(reader, key))


def graph_view(reader, settings: Settings, key: str):
    """The graph view (default filter: one hop) as the app builds it, up to its HTML."""
    from kg.explore.neighbourhood import GraphFilter, neighbourhood
    from kg.explore.network_html import to_html

    return to_html(neighbourhood(reader, key, GraphFilter(), settings))
