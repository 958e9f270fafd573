"""A :class:`~kg.explore.neighbourhood.Subgraph` as one self-contained pyvis HTML page.

- Positions are computed here and physics is off, so the drawing is stable and appears at once. The
  layout is radial, in O(n log n): the focus at the centre, its neighbours on a ring grouped by
  relation, each further hop on an outer ring next to the node that reaches it (see :func:`layout`).
  A seeded spring layout took 50 ms for 150 nodes (O(n² × iterations)), and placed hop-1 and hop-2
  nodes alike.
- pyvis builds a new Jinja environment for each network, which compiles its template and the
  inlined vis-network files again on every page (~100 ms); every network here renders through one
  shared environment instead, so they are compiled once per process.
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
from collections import defaultdict
from pathlib import Path

import pyvis
from jinja2 import Environment, FileSystemLoader
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


_HREF = re.compile("href", re.I)


def plain(text: str) -> str:
    """Text for a pyvis tooltip: shown with innerText, with "href" defused (see the module doc).

    >>> plain("see href") == "see hre\\u200df"
    True
    """
    return _HREF.sub("hre\u200df", text)


#: pyvis's own template directory and loader settings (``Network.__init__``), built once: Jinja caches
#: the compiled templates per environment.
_TEMPLATES = Environment(loader=FileSystemLoader(str(Path(pyvis.__file__).parent / "templates") + "/"))

NODE_SPACING = 80.0  # px between neighbours on a ring: a dot and the start of its label
MAX_RING_STRETCH = 2.0  # an outer ring may grow up to this many times the radius its nodes need, to keep them by their parents
STAGGER = 60.0  # px further out for every other node of a crowded ring, so that long labels do not overlap
RING_GAP = 220.0  # px between rings at least
FIRST_RING = 240.0  # px: the smallest radius of the focus's ring


def layout(sub: Subgraph) -> dict[str, tuple[float, float]]:
    """Radial positions: the focus at the centre, rings by hop (breadth first over the drawn edges).

    The focus's ring is spread over the whole circle, grouped by (relation, direction) with a gap
    between groups, "+N more" nodes last in their group. Each outer node sits on its ring next to the
    node that reached it (its parent), grouped by relation, pushed aside only as far as needed so
    that no two overlap. Nodes not connected to the focus start a ring of their own. Only sorted
    keys decide the order, so the same subgraph always gets the same layout.
    """
    if not sub.nodes:
        return {}
    root = sub.focus if sub.focus in sub.nodes else min(sub.nodes)
    links: dict[str, list[tuple]] = defaultdict(list)  # node -> (relation, direction, is "+N more", label, key)
    for e in sub.edges:
        if e.source in sub.nodes and e.target in sub.nodes and e.source != e.target:
            for a, b, direction in ((e.source, e.target, "out"), (e.target, e.source, "in")):
                nb = sub.nodes[b]
                links[a].append((e.relation, direction, nb.type == MORE, nb.label.casefold(), b))
    angle = {root: 0.0}
    pos = {root: (0.0, 0.0)}
    radius = 0.0
    ring, whole_circle = [root], True
    while ring:
        children: list[tuple[float, tuple, str]] = []  # (parent angle, link, node) in drawing order
        for parent in ring:
            for link in sorted(links[parent]):
                if link[-1] not in angle:
                    angle[link[-1]] = angle[parent]  # claimed: the first parent to reach a node keeps it
                    children.append((angle[parent], link, link[-1]))
        if not children:  # what is left is not connected to what is placed: one node of each part starts the next ring
            children = [(0.0, (), key) for key in _one_per_component(sub, links, angle)]
            if not children:
                break
            whole_circle = True
            angle.update((key, 0.0) for _, _, key in children)
        radius = _ring_radius(children, radius, whole_circle)
        crowded = len(children) * NODE_SPACING > 2 * math.pi * FIRST_RING
        for i, ((_, _, key), theta) in enumerate(zip(children, _ring_angles(children, radius, whole_circle))):
            r = radius + (STAGGER if crowded and i % 2 else 0.0)
            angle[key] = theta
            pos[key] = (r * math.cos(theta), r * math.sin(theta))
        radius += STAGGER if crowded else 0.0
        ring, whole_circle = [key for _, _, key in children], False
    return pos


def _one_per_component(sub: Subgraph, links: dict[str, list[tuple]], placed: dict) -> list[str]:
    """The smallest key of each connected part of the nodes not yet placed."""
    seen = set(placed)
    firsts = []
    for key in sorted(sub.nodes):
        if key in seen:
            continue
        firsts.append(key)
        seen.add(key)
        stack = [key]
        while stack:
            for link in links[stack.pop()]:
                if link[-1] not in seen:
                    seen.add(link[-1])
                    stack.append(link[-1])
    return firsts


def _ring_radius(children: list[tuple[float, tuple, str]], inner: float, whole_circle: bool) -> float:
    """Radius of a ring outside ``inner``: long enough for its nodes and, on an outer ring, for each
    parent's children within the arc halfway to the neighbouring parents (within MAX_RING_STRETCH)."""
    fits = max(inner + RING_GAP, FIRST_RING, len(children) * NODE_SPACING / (2 * math.pi))
    if whole_circle:
        return fits
    counts: dict[float, int] = defaultdict(int)  # parent angle -> children
    for parent_angle, _, _ in children:
        counts[parent_angle] += 1
    parents = sorted(counts)
    needed = fits
    for i, a in enumerate(parents):
        before = a - parents[i - 1] if i else a - parents[-1] + 2 * math.pi
        after = parents[i + 1] - a if i + 1 < len(parents) else parents[0] + 2 * math.pi - a
        arc = (before + after) / 2 if len(parents) > 1 else 2 * math.pi
        needed = max(needed, counts[a] * NODE_SPACING / arc)
    return min(needed, fits * MAX_RING_STRETCH)


def _ring_angles(children: list[tuple[float, tuple, str]], radius: float, whole_circle: bool) -> list[float]:
    """Angles of one ring's nodes, in their order (see :func:`layout`)."""
    m = len(children)
    if whole_circle:  # around the focus: the whole circle, one empty slot between (relation, direction) groups
        groups = [link[:2] for _, link, _ in children]
        breaks = [i > 0 and groups[i] != groups[i - 1] for i in range(m)]
        slots = m + sum(breaks) + (1 if any(breaks) else 0)
        step = 2 * math.pi / slots
        thetas, slot = [], 0
        for brk in breaks:
            slot += brk
            thetas.append(slot * step)
            slot += 1
        return thetas
    step = NODE_SPACING / radius  # radius leaves room for m steps: ring length >= m * NODE_SPACING
    ideal, i = [], 0
    while i < m:  # each parent's children centred on the parent's angle
        j = i
        while j < m and children[j][0] == children[i][0]:
            j += 1
        ideal += [children[i][0] + (k - (j - i - 1) / 2) * step for k in range(j - i)]
        i = j
    thetas = list(ideal)
    for k in range(1, m):  # push forward where blocks overlap, then back by the mean push
        thetas[k] = max(thetas[k], thetas[k - 1] + step)
    shift = sum(t - t0 for t, t0 in zip(thetas, ideal)) / m
    thetas = [t - shift for t in thetas]
    if thetas[-1] - thetas[0] > 2 * math.pi - step:  # the pushed ring wraps onto itself: space evenly in order
        thetas = [thetas[0] + k * 2 * math.pi / m for k in range(m)]
    return thetas


def to_html(sub: Subgraph, height: str = "560px") -> str:
    """The pyvis page for the subgraph (see the module doc)."""
    net = Network(height=height, width="100%", directed=True, cdn_resources="in_line", select_menu=False, filter_menu=False)
    net.templateEnv = _TEMPLATES  # generate_html renders self.path ("template.html") from this environment
    net.toggle_physics(False)
    pos = layout(sub)
    # what every node or edge shares is set once, in the options; each carries only what is its own
    for node in sub.nodes.values():
        x, y = pos[node.key]
        tip = f"{node.label} — {node.type}" if node.type != MORE else f"{node.hidden} more neighbours not drawn"
        extra = {"size": 22, "borderWidth": 3} if node.key == sub.focus else {}
        net.add_node(node.key, label=node.label, title=plain(tip), color=TYPE_COLOURS.get(node.type, TYPE_COLOURS["Other"]),
                     x=x, y=y, **extra)
    for e in sub.edges:
        details = [e.relation.replace("_", " ")]
        if e.date:
            details.append(e.date)
        if e.confidence is not None:
            details.append(f"confidence {e.confidence:.2f}")
        if e.count > 1:
            details.append(f"{e.count} statements" if e.relation != COMENTION else f"{e.count} shared sentences")
        extra = {"dashes": True, "arrows": "", "color": "#999999"} if e.relation in (COMENTION, MORE) else {}
        net.add_edge(e.source, e.target, label=e.relation.replace("_", " ") if e.relation != MORE else "",
                     title=plain(" · ".join(details)), **extra)
    net.set_options('{"physics": {"enabled": false}, "interaction": {"hover": true, "navigationButtons": false},'
                    ' "nodes": {"shape": "dot", "size": 14, "borderWidth": 1, "physics": false, "font": {"size": 13}},'
                    ' "edges": {"color": "#555555", "font": {"size": 10, "align": "middle"}, "smooth": false}}')
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
