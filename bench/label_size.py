"""How large the graph view's labels are when it opens, by number of drawn nodes (the reason for
``graph_max_nodes``): ``python -m bench.label_size [--store DIR] [--entity KEY] [--nodes 30,40,50,150]``.

vis-network fits the whole drawing into the frame when it opens; this renders the graph view's page of the
store's best-connected entity (or ``--entity``) in headless Chromium, in a frame of the app's size, and
prints the zoom it opened at and the size of a 13 px label at that zoom.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from bench import graphs
from kg.explore.neighbourhood import GraphFilter, neighbourhood
from kg.explore.network_html import to_html
from kg.explore.search import build_label_index
from kg.explore.statements import statement_graph
from kg.explore.terms import entity_key
from kg.settings import Settings
from kg.store import open_reader

if TYPE_CHECKING:
    from playwright.sync_api import ViewportSize  # a dev dependency: imported where a browser is driven

LABEL_PX = 13  # the node label font size of kg.explore.network_html
# the graph page's frame: 620 px high (app/app_pages/graph.py), 4/5 of a wide page
FRAME: ViewportSize = {"width": 1000, "height": 640}


def label_sizes(store: str, key: str | None, node_counts: list[int]) -> list[tuple[int, int, float]]:
    """(nodes asked for, nodes drawn, label px at the opening zoom) for each count."""
    from playwright.sync_api import sync_playwright

    reader = open_reader(Settings.load(store=store))
    key = key or entity_key(graphs.hub_entity(Path(store)))
    statements, entities = statement_graph(reader), build_label_index(reader).entities
    out = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
        page = browser.new_page(viewport=FRAME)
        for n in node_counts:
            sub = neighbourhood(
                reader,
                key,
                GraphFilter(),
                Settings.load(store=store, graph_max_nodes=n),
                statements=statements,
                entities=entities,
            )
            page.set_content(to_html(sub, height="620px"))
            page.wait_for_function("typeof network !== 'undefined'")
            page.wait_for_timeout(500)  # the fit runs once the canvas is drawn
            out.append((n, len(sub.nodes), LABEL_PX * page.evaluate("network.getScale()")))
        browser.close()
    return out


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(prog="python -m bench.label_size", description=__doc__.splitlines()[0])
    ap.add_argument("--store", default=Settings.load().store, help="the store (default: the store setting)")
    ap.add_argument("--entity", default=None, help="entity key (default: the one with the most statements)")
    ap.add_argument("--nodes", default="30,40,50,150", help="comma-separated node counts")
    args = ap.parse_args(argv)
    for asked, drawn, px in label_sizes(args.store, args.entity, [int(n) for n in args.nodes.split(",")]):
        print(f"graph_max_nodes={asked}: {drawn} nodes drawn, labels {px:.1f} px when the view opens")


if __name__ == "__main__":
    main()
