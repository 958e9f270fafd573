"""What the app builds once per graph version and every session shares: name → its function of the reader.

:mod:`kg.explore.app_state` keeps each in ``st.cache_resource`` under the graph version, through :func:`built`:
an embedded store's structures are saved beside it by the first process that builds them for a snapshot and
loaded by the next (:mod:`kg.explore.persist`); so are the landing page's results (:func:`saved`). The
benchmark (``bench/app_api.py``) builds the same to time the pages as the app serves them. Pages cut their views
from these without asking the store again.

>>> sorted(PER_VERSION)
['comentions', 'entity_facts', 'events', 'label_index', 'projection', 'quantities', 'statements']
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from kg.explore import persist
from kg.explore.comentions import comention_index
from kg.explore.entity import event_index, fact_index, quantity_index
from kg.explore.paths import entity_projection
from kg.explore.search import build_label_index
from kg.explore.statements import statement_graph
from kg.settings import Settings

PER_VERSION: dict[str, Callable[[Any], Any]] = {
    "label_index": build_label_index,
    "statements": statement_graph,
    "comentions": comention_index,
    "quantities": quantity_index,
    "entity_facts": fact_index,
    "events": event_index,
    "projection": entity_projection,
}


def saved_in(settings: Settings) -> Path | None:
    """Where the structures of the store are saved: ``<store>/derived`` for an embedded store when
    ``save_structures`` is on, else None (built in memory only)."""
    if settings.store_is_remote or not settings.save_structures:
        return None
    return Path(settings.store) / persist.DIRECTORY


def built(what: str, reader, settings: Settings, version: str) -> Any:
    """``PER_VERSION[what]`` of graph ``version`` (the reader's ``version()``), through :func:`saved`."""
    return saved(what, PER_VERSION[what], reader, settings, version)


def saved(name: str, build: Callable[[Any], Any], reader, settings: Settings, version: str) -> Any:
    """``build(reader)`` for graph ``version``: loaded when saved beside the store under ``name``, else built and
    saved there; the files of snapshots the store has collected are deleted."""
    directory = saved_in(settings)
    snapshots = Path(settings.store) / "snapshots"
    keep = {p.name for p in snapshots.iterdir()} if directory is not None and snapshots.is_dir() else set()
    return persist.load_or_build(name, reader, build, directory, version, keep)
