"""A :class:`~kg.explore.neighbourhood.Subgraph` as one self-contained pyvis HTML page.

- Positions are computed here (networkx spring layout with a fixed seed) and physics is off, so
  the drawing is stable and appears at once, however many nodes it has.
- The network is directed (pyvis checks every edge on each add to an undirected network: O(E²)).
- Scripts and styles are inlined (``cdn_resources="in_line"``); pyvis's template also links
  Bootstrap from a CDN whatever that option says; those tags (and a commented-out one) are dropped, so the page
  needs no network: :func:`external_resources` finds any that remain.
- Text is data. vis-network draws labels on the canvas and sets string tooltips with
  ``innerText``, so they stay plain text; but pyvis switches every tooltip to ``innerHTML`` when
  one contains "href", so that word is broken with a zero-width joiner before it reaches pyvis.
  The node data is embedded with Jinja's ``tojson``, which escapes ``<``, ``>`` and ``&``. The
  select and filter menus (which write ids unescaped) stay off.

>>> from kg.explore.neighbourhood import Node, Subgraph
>>> sub = Subgraph(focus="a", nodes={"a": Node("a", '<a href="x">', "Person", 0)})
>>> page = to_html(sub)
>>> external_resources(page), "popup.innerHTML" in page, '<a href="x">' in page
([], False, False)
"""

from __future__ import annotations

import math
import re

import networkx as nx
from pyvis.network import Network

from kg.errors import SelfContainedPageError
from kg.explore.neighbourhood import COMENTION, MORE, Subgraph

#: Node colour by coarse type (the legend shows these).
TYPE_COLOURS = {
    "Organization": "#4e79a7",
    "Person": "#f28e2b",
    "Program": "#59a14f",
    "Event": "#e15759",
    "Place": "#76b7b2",
    "Other": "#9c755f",
    MORE: "#cccccc",
}

_BOOTSTRAP = re.compile(
    r'<link\s[^>]*cdn\.jsdelivr\.net[^>]*/>|<script\s[^>]*cdn\.jsdelivr\.net[^>]*>\s*</script>'
    r'|<!-- <link rel="stylesheet" href="\.\./node_modules.*?-->',  # a commented-out script tag of the template
    re.S,
)
_EXTERNAL = re.compile(r'<(?:script|link|img|iframe)\b[^>]*\b(?:src|href)\s*=\s*["\']?\s*(?:https?:)?//[^>]*>', re.I)


def external_resources(page: str) -> list[str]:
    """Tags of ``page`` that load anything from the network (script, link, img, iframe)."""
    return _EXTERNAL.findall(page)


def plain(text: str) -> str:
    """Text for a pyvis tooltip: shown with innerText, with "href" defused (see the module doc).

    >>> plain("see href") == "see hre\\u200df"
    True
    """
    return re.sub("href", "hre\u200df", text, flags=re.I)


def layout(sub: Subgraph, scale: float | None = None) -> dict[str, tuple[float, float]]:
    """Stable positions: the same subgraph always gets the same layout, focus at the centre."""
    g = nx.Graph()
    g.add_nodes_from(sub.nodes)
    g.add_edges_from((e.source, e.target) for e in sub.edges)
    scale = scale or 120 * math.sqrt(max(len(g), 1))
    if len(g) == 1:
        return {n: (0.0, 0.0) for n in g}
    fixed = [sub.focus] if sub.focus in g else None
    pos = nx.spring_layout(g, seed=7, iterations=60, pos={sub.focus: (0.0, 0.0)} if fixed else None, fixed=fixed)
    return {n: (float(x) * scale, float(y) * scale) for n, (x, y) in pos.items()}


def to_html(sub: Subgraph, height: str = "560px") -> str:
    """The pyvis page for the subgraph (see the module doc)."""
    net = Network(height=height, width="100%", directed=True, cdn_resources="in_line", select_menu=False, filter_menu=False)
    net.toggle_physics(False)
    pos = layout(sub)
    for node in sub.nodes.values():
        x, y = pos[node.key]
        tip = f"{node.label} — {node.type}" if node.type != MORE else f"{node.hidden} more neighbours not drawn"
        net.add_node(
            node.key, label=node.label, title=plain(tip), color=TYPE_COLOURS.get(node.type, TYPE_COLOURS["Other"]),
            x=x, y=y, physics=False, size=22 if node.key == sub.focus else 14, shape="dot",
            borderWidth=3 if node.key == sub.focus else 1,
        )
    for e in sub.edges:
        details = [e.relation.replace("_", " ")]
        if e.date:
            details.append(e.date)
        if e.confidence is not None:
            details.append(f"confidence {e.confidence:.2f}")
        if e.count > 1:
            details.append(f"{e.count} statements" if e.relation != COMENTION else f"{e.count} shared sentences")
        net.add_edge(
            e.source, e.target, label=e.relation.replace("_", " ") if e.relation != MORE else "", title=plain(" · ".join(details)),
            dashes=e.relation in (COMENTION, MORE), arrows="" if e.relation in (COMENTION, MORE) else "to",
            color="#999999" if e.relation in (COMENTION, MORE) else "#555555",
        )
    net.set_options('{"physics": {"enabled": false}, "edges": {"font": {"size": 10, "align": "middle"}, "smooth": false},'
                    ' "interaction": {"hover": true, "navigationButtons": false}, "nodes": {"font": {"size": 13}}}')
    page = _BOOTSTRAP.sub("", net.generate_html())
    leftover = external_resources(page)
    if leftover:  # pyvis changed its template: fail loudly rather than load from the network
        raise SelfContainedPageError(
            f"the graph page would load from the network: {leftover[:2]}; pyvis's template changed: "
            "pin pyvis==0.3.2 (pyproject.toml) or remove these tags in kg.explore.network_html._BOOTSTRAP"
        )
    return page


def legend(sub: Subgraph) -> list[tuple[str, str]]:
    """(type, colour) of the types drawn, in a fixed order."""
    present = {n.type for n in sub.nodes.values()}
    return [(t, c) for t, c in TYPE_COLOURS.items() if t in present]
