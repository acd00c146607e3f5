"""The map of the whole glossary: a panel for each category, its terms in a grid inside.

Plain data for `glossary-map.html`; above FULL_MAP_LIMIT terms it is listed, not drawn.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

from termbase.graph.relations import TermGraph
from termbase.pages.mapshapes import FONT_SIZE, GAP, MARGIN, Edge, Node, box_size, node_at, wrap
from termbase.urls import category_uri, term_uri

# The full map: category panels stacked, terms A to Z in a grid inside each.
FULL_COLUMNS, FULL_LABEL_CHARS, FULL_LABEL_LINES = 4, 17, 2
PANEL_PAD, PANEL_HEADER = 12, 34
FULL_MAP_LIMIT = 300  # above this many terms the full map is listed per category, not drawn


@dataclass(frozen=True)
class Cluster:
    """One category of the full map: a labelled panel around its terms."""

    key: str
    name: str
    url: str
    nodes: tuple[Node, ...]
    left: int = 0
    top: int = 0
    width: int = 0
    height: int = 0


@dataclass(frozen=True)
class GlossaryMap:
    """Every published term grouped by category. When not `drawn` (a large glossary), the
    templates list the clusters instead, and positions and edges are not computed."""

    clusters: tuple[Cluster, ...]
    edges: tuple[Edge, ...]
    width: int
    height: int
    drawn: bool
    font_size = FONT_SIZE

    @property
    def terms(self) -> int:
        return sum(len(c.nodes) for c in self.clusters)


# -- the whole glossary -----------------------------------------------------------------------


def glossary_map(
    graph: TermGraph, url_for: Callable[[str], str], limit: int = FULL_MAP_LIMIT
) -> GlossaryMap:
    """Every published term in a panel for its category, categories in their file order,
    terms A to Z. Drawn when at most `limit` terms, so it stays legible and small."""
    groups = [
        (category, graph.by_category[key])
        for key, category in graph.glossary.categories.items()
        if graph.by_category[key]
    ]
    drawn = len(graph.terms) <= limit
    labels = {
        t.slug: wrap(t.term, FULL_LABEL_CHARS, FULL_LABEL_LINES) for _, ts in groups for t in ts
    }
    node_w = max([box_size(label)[0] for label in labels.values()] + [FULL_LABEL_CHARS * 8])
    node_h = box_size(("",) * FULL_LABEL_LINES)[1]
    panel_w = FULL_COLUMNS * node_w + (FULL_COLUMNS - 1) * GAP + 2 * PANEL_PAD
    clusters = []
    top = MARGIN
    for category, terms in groups:
        rows = math.ceil(len(terms) / FULL_COLUMNS)
        panel_h = PANEL_HEADER + rows * node_h + (rows - 1) * GAP + PANEL_PAD
        nodes = []
        for i, term in enumerate(terms):
            row, column = divmod(i, FULL_COLUMNS)
            url = url_for(term_uri(term.slug))
            node = Node(term.slug, term.term, term.short_definition, url, labels[term.slug])
            if drawn:
                x = MARGIN + PANEL_PAD + column * (node_w + GAP) + node_w // 2
                y = top + PANEL_HEADER + row * (node_h + GAP) + node_h // 2
                node = node_at(node, x, y, node_w, node_h)
            nodes.append(node)
        url = url_for(category_uri(category.key))
        box = (MARGIN, top, panel_w, panel_h) if drawn else (0, 0, 0, 0)
        clusters.append(Cluster(category.key, category.name, url, tuple(nodes), *box))
        top += panel_h + GAP
    if not drawn:
        return GlossaryMap(tuple(clusters), (), 0, 0, drawn=False)
    at = {n.slug: n for c in clusters for n in c.nodes}
    pairs = sorted({tuple(sorted((a, b))) for a in graph.terms for b in graph.related[a]})
    edges = []
    for a, b in pairs:
        one, two = at[a], at[b]
        cx, cy = (one.x + two.x) // 2, (one.y + two.y) // 2
        edges.append(Edge(a, b, one.x, one.y, two.x, two.y, cx, cy))
    height = top - GAP + MARGIN if clusters else 2 * MARGIN
    return GlossaryMap(tuple(clusters), tuple(edges), panel_w + 2 * MARGIN, height, drawn=True)
