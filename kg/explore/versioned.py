"""What the app builds once per graph version and every session shares: name → its function of the reader.

:mod:`kg.explore.app_state` keeps each in ``st.cache_resource`` under the graph version; the benchmark
(``bench/app_api.py``) builds the same to time the pages as the app serves them. Pages cut their views
from these without asking the store again.

>>> sorted(PER_VERSION)
['comentions', 'label_index', 'projection', 'quantities', 'statements']
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from kg.explore.comentions import comention_index
from kg.explore.entity import quantity_index
from kg.explore.paths import entity_projection
from kg.explore.search import build_label_index
from kg.explore.statements import statement_graph

PER_VERSION: dict[str, Callable[[Any], Any]] = {
    "label_index": build_label_index,
    "statements": statement_graph,
    "comentions": comention_index,
    "quantities": quantity_index,
    "projection": entity_projection,
}
