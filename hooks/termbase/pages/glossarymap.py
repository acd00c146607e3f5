"""The maps of the whole glossary: every term, clustered by category, when there are few
enough to read (MAP_LIMIT); else a map of the categories, and a map on each category's page.

Plain data for `glossary-map.html`, `glossary-category.html` and `partials/cluster-map.html`.
The panels are placed by how the categories are related; each category is laid out as a
graph of its own (termbase.pages.layout), its terms pulled towards the panels of the terms
they are related to.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from termbase.graph.relations import TermGraph
from termbase.model import Category, Term
from termbase.pages.layout import ASPECT, ROOM, place, separate
from termbase.pages.mapshapes import FONT_SIZE, GAP, MARGIN, Edge, Node, box_size, node_at, wrap
from termbase.urls import category_uri, term_uri

LABEL_CHARS, LABEL_LINES = 17, 2
PANEL_PAD, PANEL_HEADER = 14, 34
MAP_LIMIT = 60  # the most terms one map shows: more cannot be read (issue 22)


@dataclass(frozen=True)
class Cluster:
    """One category on a map: a labelled panel around its terms."""

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
    """Terms in category panels (`clusters`) and the lines between them; on the map of
    categories, one box a category in a single panel-less cluster. When the terms are not
    `drawn` (too many), `clusters` only lists them and `overview` maps the categories."""

    clusters: tuple[Cluster, ...]
    edges: tuple[Edge, ...]
    width: int
    height: int
    drawn: bool
    overview: GlossaryMap | None = None  # the map of categories, when terms are not drawn
    font_size = FONT_SIZE

    @property
    def terms(self) -> int:
        return sum(len(c.nodes) for c in self.clusters)


def glossary_map(
    graph: TermGraph, url_for: Callable[[str], str], limit: int = MAP_LIMIT
) -> GlossaryMap:
    """Every published term in its category's panel, drawn when at most `limit` terms;
    above, listed by category under a map of the categories."""
    groups = _groups(graph)
    if len(graph.terms) > limit:
        clusters = tuple(
            Cluster(
                c.key, c.name, url_for(category_uri(c.key)), tuple(_node(t, url_for) for t in ts)
            )
            for c, ts in groups
        )
        return GlossaryMap(
            clusters, (), 0, 0, drawn=False, overview=category_overview(graph, url_for)
        )
    return _clustered(graph, groups, url_for)


def category_map(
    graph: TermGraph, key: str, url_for: Callable[[str], str], limit: int = MAP_LIMIT
) -> GlossaryMap | None:
    """The terms of one category and the relations among them; None if it has fewer than
    two terms, no relation among them, or more than `limit` terms."""
    terms = graph.by_category.get(key) or []
    if not 2 <= len(terms) <= limit:
        return None
    category = graph.glossary.categories[key]
    drawn = _clustered(graph, [(category, terms)], url_for, panels=False)
    return drawn if drawn.edges else None


def category_overview(graph: TermGraph, url_for: Callable[[str], str]) -> GlossaryMap:
    """One box a category, named with its number of terms and linked to its page; a line
    between two categories for the relations between their terms, thicker for more."""
    groups = _groups(graph)
    nodes = []
    for category, terms in groups:
        label = f"{category.name} ({len(terms)})"
        lines = wrap(label, LABEL_CHARS + 4, 3)
        url = url_for(category_uri(category.key))
        nodes.append(Node(category.key, label, category.description, url, lines, 1))
    counts = _between(graph, {c.key: i for i, (c, _) in enumerate(groups)})
    pairs = sorted(counts)
    sizes = [box_size(n.lines) for n in nodes]
    points = place(sizes, pairs, 3 * GAP, [counts[p] for p in pairs])
    placed = [_at(n, p, s) for n, p, s in zip(nodes, points, sizes, strict=True)]
    cluster = Cluster("categories", "Categories", "", tuple(placed))
    return _fit([cluster], [(placed[a].slug, placed[b].slug, counts[(a, b)]) for a, b in pairs])


# -- laying out clusters ------------------------------------------------------------------------


def _groups(graph: TermGraph) -> list[tuple[Category, list[Term]]]:
    """Categories with published terms, in their file's order; their terms A to Z."""
    return [
        (category, graph.by_category[key])
        for key, category in graph.glossary.categories.items()
        if graph.by_category[key]
    ]


def _node(term: Term, url_for: Callable[[str], str]) -> Node:
    lines = wrap(term.term, LABEL_CHARS, LABEL_LINES)
    return Node(term.slug, term.term, term.short_definition, url_for(term_uri(term.slug)), lines)


def _pairs(graph: TermGraph, slugs: Sequence[str]) -> list[tuple[str, str]]:
    on_map = set(slugs)
    return sorted({tuple(sorted((a, b))) for a in slugs for b in graph.related[a] if b in on_map})


def _between(graph: TermGraph, index: dict[str, int]) -> Counter[tuple[int, int]]:
    """How many relations join each two categories (by their place in `index`)."""
    counts: Counter[tuple[int, int]] = Counter()
    slugs = [s for s, t in graph.terms.items() if t.category in index]
    for a, b in _pairs(graph, slugs):
        one, two = index[graph.terms[a].category], index[graph.terms[b].category]
        if one != two:
            counts[(min(one, two), max(one, two))] += 1
    return counts


def _clustered(
    graph: TermGraph,
    groups: list[tuple[Category, list[Term]]],
    url_for: Callable[[str], str],
    panels: bool = True,
) -> GlossaryMap:
    """The panels placed first, by the relations between categories (sized by their
    terms); then each category laid out on its own, its terms pulled towards the panels of
    the terms they are related to; then the panels pushed apart to their real sizes."""
    pad, header = (PANEL_PAD, PANEL_HEADER) if panels else (0, 0)
    index = {c.key: i for i, (c, _) in enumerate(groups)}
    counts = _between(graph, index)
    boxes = [[_node(t, url_for) for t in terms] for _, terms in groups]
    sizes = [[box_size(n.lines) for n in nodes] for nodes in boxes]
    guess = [_panel_guess(s) for s in sizes]
    pairs, weights = sorted(counts), [counts[p] for p in sorted(counts)]
    centres = place(guess, pairs, 2 * GAP, weights, room=0.6)
    inner = []  # per cluster: node centres relative to the panel's top left, and its size
    for i, nodes in enumerate(boxes):
        at = {n.slug: k for k, n in enumerate(nodes)}
        local_pairs = [(at[a], at[b]) for a, b in _pairs(graph, list(at))]
        points = place(sizes[i], local_pairs, GAP, pulls=_pulls(graph, nodes, i, index, centres))
        halves = list(zip(points, sizes[i], strict=True))
        left = min(x - w / 2 for (x, _), (w, _) in halves)
        top = min(y - h / 2 for (_, y), (_, h) in halves)
        right = max(x + w / 2 for (x, _), (w, _) in halves)
        bottom = max(y + h / 2 for (_, y), (_, h) in halves)
        width = right - left + 2 * pad
        if panels:  # room for the category's name
            width = max(width, 9 * len(groups[i][0].name) + 2 * pad)
        local = [(x - left + pad + (width - right + left - 2 * pad) / 2, y - top + pad + header)
                 for x, y in points]  # fmt: skip
        inner.append((local, width, bottom - top + 2 * pad + header))
    centres = separate(centres, [(w, h) for _, w, h in inner], 2 * GAP)
    clusters = []
    for (category, _), nodes, node_sizes, (local, width, height), (cx, cy) in zip(
        groups, boxes, sizes, inner, centres, strict=True
    ):
        left, top = cx - width / 2, cy - height / 2
        placed = tuple(
            _at(n, (left + x, top + y), size)
            for n, (x, y), size in zip(nodes, local, node_sizes, strict=True)
        )
        url = url_for(category_uri(category.key))
        box = (round(left), round(top), round(width), round(height)) if panels else (0, 0, 0, 0)
        clusters.append(Cluster(category.key, category.name, url, placed, *box))
    slugs = [n.slug for c in clusters for n in c.nodes]
    return _fit(clusters, [(a, b, 1) for a, b in _pairs(graph, slugs)])


def _panel_guess(sizes: list[tuple[int, int]]) -> tuple[float, float]:
    """About how big a panel of boxes of `sizes` will be, before it is laid out."""
    area = ROOM * sum((w + GAP) * (h + GAP) for w, h in sizes)
    return math.sqrt(area * ASPECT), math.sqrt(area / ASPECT)


def _pulls(graph, nodes, cluster, index, centres):
    """(box, direction, strength) for each term of the cluster related to terms of other
    categories: towards those panels, stronger for more relations."""
    here = centres[cluster]
    out: Counter[tuple[int, tuple[float, float]]] = Counter()
    for k, node in enumerate(nodes):
        for other in graph.related[node.slug]:
            category = index.get(graph.terms[other].category, cluster)
            if category == cluster:
                continue
            there = centres[category]
            dx, dy = there[0] - here[0], there[1] - here[1]
            norm = math.hypot(dx, dy) or 1.0
            out[(k, (round(dx / norm, 3), round(dy / norm, 3)))] += 1
    return [(k, direction, 0.25 * n) for (k, direction), n in sorted(out.items())]


def _at(node: Node, point: tuple[float, float], size: tuple[int, int]) -> Node:
    return node_at(node, round(point[0]), round(point[1]), *size)


def _fit(clusters: list[Cluster], lines: list[tuple[str, str, int]]) -> GlossaryMap:
    """Everything shifted so the drawing starts at (MARGIN, MARGIN), with its size, and a
    straight line for each of `lines` (slug, slug, weight) between its boxes' centres (the
    boxes are drawn over its ends)."""
    boxes = [(c.left, c.top, c.width, c.height) for c in clusters if c.width]
    boxes += [(n.left, n.top, n.width, n.height) for c in clusters for n in c.nodes]
    if not boxes:  # no published term yet (a translation just begun): an empty map
        return GlossaryMap((), (), 0, 0, drawn=True)
    dx, dy = MARGIN - min(b[0] for b in boxes), MARGIN - min(b[1] for b in boxes)
    moved = []
    for c in clusters:
        nodes = tuple(node_at(n, n.x + dx, n.y + dy) for n in c.nodes)
        shift = (c.left + dx, c.top + dy) if c.width else (0, 0)
        moved.append(Cluster(c.key, c.name, c.url, nodes, *shift, c.width, c.height))
    at = {n.slug: n for c in moved for n in c.nodes}
    edges = tuple(
        Edge(
            a,
            b,
            at[a].x,
            at[a].y,
            at[b].x,
            at[b].y,
            (at[a].x + at[b].x) // 2,
            (at[a].y + at[b].y) // 2,
            weight=weight,
        )  # fmt: skip
        for a, b, weight in lines
    )
    width = max(b[0] + b[2] for b in boxes) + dx + MARGIN
    height = max(b[1] + b[3] for b in boxes) + dy + MARGIN
    return GlossaryMap(tuple(moved), edges, width, height, drawn=True)
