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

import json
import math
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote

import pyvis
from jinja2 import Environment, FileSystemLoader
from pyvis.network import Network

from kg.errors import SelfContainedPageError
from kg.explore.neighbourhood import COMENTION, MORE, Edge, EdgeEvidence, Subgraph

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
    r"<link\s[^>]*cdn\.jsdelivr\.net[^>]*/>|<script\s[^>]*cdn\.jsdelivr\.net[^>]*>\s*</script>"
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
MAX_RING_STRETCH = (
    2.0  # an outer ring may grow up to this many times the radius its nodes need, to keep them by their parents
)
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
        angles = _ring_angles(children, radius, whole_circle)
        for i, ((_, _, key), theta) in enumerate(zip(children, angles, strict=True)):
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
    shift = sum(t - t0 for t, t0 in zip(thetas, ideal, strict=True)) / m
    thetas = [t - shift for t in thetas]
    if thetas[-1] - thetas[0] > 2 * math.pi - step:  # the pushed ring wraps onto itself: space evenly in order
        thetas = [thetas[0] + k * 2 * math.pi / m for k in range(m)]
    return thetas


#: Strong, distinct colours for communities (Tableau 10), in order of community size.
COMMUNITY_COLOURS = (
    "#4e79a7",
    "#f28e2b",
    "#e15759",
    "#76b7b2",
    "#59a14f",
    "#edc948",
    "#b07aa1",
    "#ff9da7",
    "#9c755f",
    "#bab0ac",
)
EDGE_LABELS_UP_TO = 40  # more drawn edges than this: relation names only on hover and click, not on the canvas


@dataclass(frozen=True)
class DrawnEdge:
    """Every edge between two nodes, merged into one line (parallel edges would draw their labels on top of each
    other)."""

    source: str
    target: str
    edges: tuple[Edge, ...]

    @property
    def both_ways(self) -> bool:
        return any(e.source != self.source for e in self.edges)

    @property
    def label(self) -> str:
        """Relation names in words, each with its statement count when more than one.

        >>> DrawnEdge("a", "b", (Edge("a", "b", "partner_of", count=3), Edge("b", "a", "owns"))).label
        'partner of ×3 · owns'
        """
        names = [
            e.relation.replace("_", " ") + (f" ×{e.count}" if e.count > 1 else "")
            for e in self.edges
            if e.relation not in (MORE, COMENTION)
        ]
        return " · ".join(names)


def merge_edges(sub: Subgraph) -> list[DrawnEdge]:
    """The view's edges, one per pair of nodes whatever their relations and directions (co-mentions apart: they
    are no typed relation, and are drawn dashed and curved beside it), in a stable order."""
    pairs: dict[tuple[frozenset, bool], list[Edge]] = defaultdict(list)
    for e in sub.edges:
        pairs[(frozenset((e.source, e.target)), e.relation == COMENTION)].append(e)
    drawn = []
    for edges in pairs.values():
        edges.sort(key=lambda e: (e.relation == COMENTION, e.relation, e.source, e.target))
        drawn.append(DrawnEdge(edges[0].source, edges[0].target, tuple(edges)))
    return sorted(drawn, key=lambda d: (d.source, d.target))


def _edge_details(e: Edge) -> str:
    details = [e.relation.replace("_", " ")]
    if e.date:
        details.append(e.date)
    if e.confidence is not None:
        details.append(f"confidence {e.confidence:.2f}")
    if e.count > 1:
        details.append(f"{e.count} statements" if e.relation != COMENTION else f"{e.count} shared sentences")
    return " · ".join(details)


def to_html(
    sub: Subgraph,
    height: str = "560px",
    *,
    evidence: Mapping[tuple[str, str, str], Sequence[EdgeEvidence]] | None = None,
    sizes: Mapping[str, float] | None = None,
    colours: Mapping[str, str] | None = None,
    clicks: str | None = None,
    pinned: Iterable[str] = (),
) -> str:
    """The pyvis page for the subgraph (see the module doc).

    ``evidence`` (from :func:`kg.explore.neighbourhood.edge_evidence`) is shown when an edge is clicked;
    ``sizes`` and ``colours`` (key → px, key → colour) replace the default size and the colour by type.
    ``clicks`` wires the nodes to the app around the iframe (see ``_SCRIPT``): ``"graph"`` — a click
    focuses the graph view on the node (the URL's ``entity``), a double click opens its entity page, a
    right click offers expand, hide, pin and open, a click on "+N more" lists what it stands for; ``"open"`` —
    a click opens the node's entity page (the console's graph, whose node ids are ``ent:<key>``); None: no links.
    """
    net = Network(
        height=height, width="100%", directed=True, cdn_resources="in_line", select_menu=False, filter_menu=False
    )
    net.templateEnv = _TEMPLATES  # generate_html renders self.path ("template.html") from this environment
    net.toggle_physics(False)
    pos = layout(sub)
    pinned = set(pinned)
    # what every node or edge shares is set once, in the options; each carries only what is its own
    for node in sub.nodes.values():
        x, y = pos[node.key]
        more = node.type == MORE
        tip = (
            f"{node.label} — {node.type}"
            if not more
            else f"{node.hidden} more neighbours not drawn: click to list them"
        )
        shape: dict = {"size": 22, "borderWidth": 3} if node.key == sub.focus else {}
        if sizes and node.key in sizes:
            shape["size"] = sizes[node.key]
        colour = (colours or {}).get(node.key) or TYPE_COLOURS.get(node.type, TYPE_COLOURS["Other"])
        if clicks == "open":  # the console's nodes: entities as ent:<key> (percent-encoded), anything else not a page
            entity = unquote(node.key[4:]) if node.key.startswith("ent:") and not more else None
        else:
            entity = None if more else node.key
        net.add_node(
            node.key,
            label=node.label + (" (pinned)" if node.key in pinned else ""),
            title=plain(tip),
            color=colour,
            x=x,
            y=y,
            kg={"entity": entity, "more": more, "pinned": node.key in pinned, "label": node.label, "type": node.type},
            **shape,
        )
    merged = merge_edges(sub)
    for d in merged:
        kinds = {e.relation for e in d.edges}
        extra: dict = {"dashes": True, "color": "#999999"} if kinds <= {COMENTION, MORE} else {}
        extra["arrows"] = "" if kinds <= {COMENTION, MORE} else "to, from" if d.both_ways else "to"
        if kinds == {COMENTION}:
            extra["smooth"] = {"enabled": True, "type": "curvedCW", "roundness": 0.25}
        found = [
            {
                "relation": ev.relation.replace("_", " "),
                "date": ev.date,
                "confidence": ev.confidence,
                "sentence": ev.sentence,
                "document": ev.document,
                "title": ev.title,
                "source": ev.source,
            }
            for e in d.edges
            for ev in (evidence or {}).get((e.source, e.target, e.relation), ())
        ]
        tip = "\n".join(_edge_details(e) for e in d.edges) + ("\nclick for the evidence" if found else "")
        net.add_edge(
            d.source,
            d.target,
            label=d.label if len(merged) <= EDGE_LABELS_UP_TO else "",
            title=plain(tip),
            kg={"details": [_edge_details(e) for e in d.edges], "evidence": found},
            **extra,
        )
    net.set_options(
        '{"physics": {"enabled": false}, "interaction": {"hover": true, "navigationButtons": false,'
        ' "tooltipDelay": 150},'
        ' "nodes": {"shape": "dot", "size": 14, "borderWidth": 1, "physics": false,'
        ' "font": {"size": 13, "strokeWidth": 4, "strokeColor": "#ffffff"}},'
        ' "edges": {"color": "#555555", "smooth": false,'
        ' "font": {"size": 10, "align": "middle", "strokeWidth": 4, "strokeColor": "#ffffff"}}}'
    )
    page = _BOOTSTRAP.sub("", net.generate_html())
    if clicks:
        config = json.dumps({"mode": clicks, "focus": sub.focus})
        # the config is JSON inside a script: "<" is escaped so that no name can close the script element
        page = page.replace(
            "</body>",
            _PANEL
            + "<script>var kgConfig = "
            + config.replace("<", "\\u003c")
            + ";\n"
            + _SCRIPT
            + "</script>\n</body>",
            1,
        )
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


def community_legend(sub: Subgraph, groups: Mapping[str, int]) -> tuple[dict[str, str], list[tuple[str, str]]]:
    """Colours by community (key → colour) and the legend in words: each community named after its member with
    the most drawn edges ("around Xiaohongshu"); communities past the palette share its last colour.

    >>> from kg.explore.neighbourhood import Node
    >>> sub = Subgraph("a", {k: Node(k, k.upper(), "Other", 1) for k in "abc"},
    ...                [Edge("a", "b", "owns"), Edge("a", "c", "owns")])
    >>> community_legend(sub, {"a": 0, "b": 0, "c": 1})[1]
    [('around A', '#4e79a7'), ('around C', '#f28e2b')]
    """
    degree: dict[str, int] = defaultdict(int)
    for e in sub.edges:
        degree[e.source] += 1
        degree[e.target] += 1
    colours = {k: COMMUNITY_COLOURS[min(g, len(COMMUNITY_COLOURS) - 1)] for k, g in groups.items()}
    named = []
    for g in sorted(set(groups.values())):
        members = [k for k, x in groups.items() if x == g]
        hub = max(members, key=lambda k: (degree[k], k == sub.focus, k))
        named.append((f"around {sub.nodes[hub].label}", COMMUNITY_COLOURS[min(g, len(COMMUNITY_COLOURS) - 1)]))
    return colours, named


_PANEL = """<div id="kg-panel" role="dialog" aria-label="Details" style="display:none; position:absolute; top:8px;
 left:8px; max-width:46%; max-height:70%; overflow:auto; background:#ffffff; border:1px solid #999999;
 border-radius:4px; padding:8px 10px; font:13px sans-serif; box-shadow:2px 2px 8px rgba(0,0,0,0.2); z-index:10"></div>
"""

#: Clicks in the page, wired to the app around the iframe. Streamlit's iframe is same-origin (its
#: sandbox allows scripts and same-origin, not top navigation), so the page changes the app's URL as
#: the app's own links do: history.pushState on the parent, then a popstate event, on which Streamlit
#: reruns the page of that path with that query (a new history entry: Back returns). Text is data:
#: the panel is built with textContent and DOM nodes, never innerHTML.
_SCRIPT = r"""
(function () {
  var panel = document.getElementById("kg-panel");
  function appWindow() {
    try { if (window.parent !== window && window.parent.location.href) { return window.parent; } } catch (e) {}
    return null;
  }
  function go(path, set, drop) {
    var app = appWindow();
    var url = new URL(path, app ? app.location.href : document.baseURI);
    if (path) { url.search = ""; }
    (drop || []).forEach(function (k) { url.searchParams.delete(k); });
    Object.keys(set).forEach(function (k) {
      url.searchParams.delete(k);
      [].concat(set[k]).forEach(function (v) { url.searchParams.append(k, v); });
    });
    if (app) {
      app.history.pushState(null, "", url.toString());
      app.dispatchEvent(new PopStateEvent("popstate"));
    } else {
      window.open(url.toString(), "_blank", "noopener");
    }
  }
  function listed(name) {
    var app = appWindow();
    return app ? new URL(app.location.href).searchParams.getAll(name) : [];
  }
  function add(name, key) { return listed(name).filter(function (k) { return k !== key; }).concat([key]); }
  function text(tag, content, style) {
    var el = document.createElement(tag);
    el.textContent = content;
    if (style) { el.setAttribute("style", style); }
    return el;
  }
  function button(label, action) {
    var b = text("button", label, "margin:2px 4px 2px 0; cursor:pointer");
    b.addEventListener("click", action);
    return b;
  }
  function show(title, children) {
    panel.replaceChildren(text("strong", title));
    var close = button("×", function () { panel.style.display = "none"; });
    close.setAttribute("aria-label", "Close");
    close.style.float = "right";
    panel.prepend(close);
    children.forEach(function (c) { panel.appendChild(c); });
    panel.style.display = "block";
  }
  function focusOn(node) {
    if (node.kg.more) { if (kgConfig.mode === "graph") { go("", {more: node.id}); } }
    else if (kgConfig.mode === "graph") { go("", {entity: node.kg.entity}, ["more", "expand"]); }
    else if (node.kg.entity) { go("entity", {entity: node.kg.entity}); }
  }
  function menu(node) {
    var items = [
      button("Focus here", function () { focusOn(node); }),
      button("Open its page", function () { go("entity", {entity: node.kg.entity}); }),
      button("Expand", function () { go("", {expand: add("expand", node.id)}); }),
      button("Hide", function () { go("", {hide: add("hide", node.id)}); }),
      node.kg.pinned
        ? button("Unpin", function () { go("", {pin: listed("pin").filter(function (k) { return k !== node.id; })}); })
        : button("Pin", function () { go("", {pin: add("pin", node.id)}); })
    ];
    show(node.kg.label + " · " + node.kg.type, [document.createElement("br")].concat(items));
  }
  function evidence(edge) {
    var items = edge.kg.details.map(function (d) { return text("div", d, "color:#555555"); });
    edge.kg.evidence.forEach(function (ev) {
      var box = document.createElement("div");
      box.className = "kg-evidence";
      box.setAttribute("style", "margin-top:6px; border-top:1px solid #dddddd; padding-top:4px");
      var head = ev.relation + (ev.date ? " · " + ev.date : "") +
        (ev.confidence !== null ? " · confidence " + ev.confidence.toFixed(2) : "");
      box.appendChild(text("div", head, "font-weight:bold"));
      box.appendChild(text("div", ev.sentence || "a fact of the knowledge base (no sentence)"));
      if (ev.document) {
        var link = text("a", ev.title || ev.document, "color:#1f5fa8; cursor:pointer; text-decoration:underline");
        link.setAttribute("href", "#");
        link.addEventListener("click", function (e) { e.preventDefault(); go("documents", {doc: ev.document}); });
        box.appendChild(link);
      }
      items.push(box);
    });
    show(edge.label || "Relation", items);
  }
  var pending = null;
  network.on("click", function (params) {
    if (params.nodes.length) {
      var node = nodes.get(params.nodes[0]);
      clearTimeout(pending);  // a double click opens the page instead: wait for it
      pending = setTimeout(function () { focusOn(node); }, kgConfig.mode === "graph" && !node.kg.more ? 280 : 0);
    } else if (params.edges.length) {
      evidence(edges.get(params.edges[0]));
    } else {
      panel.style.display = "none";
    }
  });
  network.on("doubleClick", function (params) {
    clearTimeout(pending);
    if (params.nodes.length) {
      var node = nodes.get(params.nodes[0]);
      if (node.kg.entity) { go("entity", {entity: node.kg.entity}); }
    }
  });
  network.on("oncontext", function (params) {
    var id = network.getNodeAt(params.pointer.DOM);
    if (id === undefined || kgConfig.mode !== "graph") { return; }
    params.event.preventDefault();
    var node = nodes.get(id);
    if (!node.kg.more) { menu(node); }
  });
  var canvas = document.getElementById("mynetwork");
  network.on("hoverNode", function () { canvas.style.cursor = "pointer"; });
  network.on("blurNode", function () { canvas.style.cursor = "default"; });
  network.on("hoverEdge", function () { canvas.style.cursor = "pointer"; });
  network.on("blurEdge", function () { canvas.style.cursor = "default"; });
})();
"""
