"""Concept maps: where each term of a neighbourhood, or of the whole glossary, is drawn.

Plain data for the SVG templates in `overrides/` (`partials/concept-map.html` on term pages,
`glossary-map.html` for the full map). The layout is plain trigonometry and grid arithmetic
on sorted inputs, with every coordinate rounded to a whole unit, so the same glossary gives
the same SVG byte for byte. One SVG unit is one CSS pixel at full size.
"""

from __future__ import annotations

import functools
import math
import textwrap
from collections.abc import Callable
from dataclasses import dataclass

from termbase.graph.relations import TermGraph
from termbase.model import sort_key
from termbase.urls import category_uri, term_uri

FONT_SIZE = 14  # the templates' font size, in SVG units
LINE_HEIGHT = 17
CHAR_WIDTH = 7.6  # a generous average advance at FONT_SIZE, so labels fit their boxes
PAD_X, PAD_Y = 9, 7  # inside a node's box
GAP = 16  # the least space between two boxes
MARGIN = 8  # around the drawing

# Term pages: a few words a line, at most three lines, about 680 units wide (Material's
# content column) when a term has up to ten neighbours.
LABEL_CHARS, LABEL_LINES = 16, 3
RING1 = (150.0, 92.0)  # the ellipse of related terms (x and y radius)
RING2 = (130.0, 78.0)  # how much further out terms two steps away sit
GROWTH = 1.1  # a ring grows by this factor until none of its boxes overlap another
CLEARANCE = 0.62  # lines between outer terms bend to pass this far out (1 = ring 1)

# The full map: category panels stacked, terms A to Z in a grid inside each.
FULL_COLUMNS, FULL_LABEL_CHARS, FULL_LABEL_LINES = 4, 17, 2
PANEL_PAD, PANEL_HEADER = 12, 34
FULL_MAP_LIMIT = 300  # above this many terms the full map is listed per category, not drawn


# Not frozen: a frozen dataclass sets each field through object.__setattr__, which was a
# quarter of the time of laying out a map. Nothing changes a Node or an Edge once made.
@dataclass(slots=True)
class Node:
    """One term as the templates draw it: a box centred on (x, y) holding `lines` of text."""

    slug: str
    name: str
    note: str  # the short definition: the link's tooltip
    url: str  # site-relative; templates pass it through MkDocs' `url` filter
    lines: tuple[str, ...]
    ring: int = 1  # 0 for the term a map is about, 1 for related terms, 2 for two steps out
    x: int = 0
    y: int = 0
    width: int = 0
    height: int = 0

    @property
    def left(self) -> int:
        return self.x - self.width // 2

    @property
    def top(self) -> int:
        return self.y - self.height // 2

    @property
    def rows(self) -> list[tuple[str, int]]:
        """Each line of the label with its baseline, the lines centred in the box."""
        first = self.y - (len(self.lines) - 1) * LINE_HEIGHT / 2 + FONT_SIZE * 0.35
        return [(line, round(first + i * LINE_HEIGHT)) for i, line in enumerate(self.lines)]


@dataclass(slots=True)
class Edge:
    """A relation between two drawn terms: a line from centre to centre (boxes are drawn on
    top), bent through (cx, cy) where a straight one would cross the middle of the map."""

    source: str
    target: str
    x1: int
    y1: int
    x2: int
    y2: int
    cx: int
    cy: int
    central: bool = False  # touches the term the map is about


@dataclass(frozen=True)
class ConceptMap:
    """A term's neighbourhood: the term, its related terms around it, theirs further out."""

    nodes: tuple[Node, ...]  # the term first, then ring 1 clockwise, then ring 2
    edges: tuple[Edge, ...]
    width: int
    height: int
    font_size = FONT_SIZE

    @property
    def centre(self) -> Node:
        return self.nodes[0]

    def ring(self, number: int) -> list[Node]:
        return [n for n in self.nodes if n.ring == number]


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


@functools.cache  # a name is wrapped the same on every map it is on
def wrap(name: str, chars: int, lines: int) -> tuple[str, ...]:
    """A name in at most `lines` lines of about `chars` characters, broken after spaces and
    hyphens only; an ellipsis marks a cut (too many lines, or one word far too long)."""
    wrapped = textwrap.wrap(name, width=chars, break_long_words=False) or [name]
    limit = chars + chars // 2  # a long word may widen its box this far
    out = [line if len(line) <= limit else line[: limit - 1] + "\u2026" for line in wrapped]
    if len(out) > lines:
        out = out[:lines]
        out[-1] = out[-1].rstrip("\u2026")[: limit - 1].rstrip() + "\u2026"
    return tuple(out)


def box_size(lines: tuple[str, ...]) -> tuple[int, int]:
    longest = max(len(line) for line in lines)
    return round(longest * CHAR_WIDTH) + 2 * PAD_X, len(lines) * LINE_HEIGHT + 2 * PAD_Y


# -- a term's neighbourhood -------------------------------------------------------------------


def concept_map(
    graph: TermGraph,
    slug: str,
    url_for: Callable[[str], str],
    cap: int = 12,
    memo: dict | None = None,
) -> ConceptMap:
    """The map shown on `slug`'s page: at most `cap` terms, nearer terms kept first.

    `memo` (a dict kept between builds, as `mkdocs serve` does) holds maps by everything they
    are drawn from: the terms shown, their names, definitions and links, and the relations.
    """
    members, pairs = graph.neighbourhood(slug, cap)
    if memo is None:
        return _draw(graph, slug, members, pairs, url_for)
    terms = graph.terms
    key = (
        tuple(pairs),
        tuple((s, terms[s].term, terms[s].short_definition, url_for(term_uri(s))) for s in members),
    )
    if key not in memo:
        memo[key] = _draw(graph, slug, members, pairs, url_for)
    return memo[key]


def _draw(
    graph: TermGraph,
    slug: str,
    members: list[str],
    pairs: list[tuple[str, str]],
    url_for: Callable[[str], str],
) -> ConceptMap:
    on_map = set(members)
    links = {s: on_map.intersection(graph.related[s]) for s in members}
    ring1 = _ring_order([s for s in members[1:] if s in links[slug]], links, graph)
    # Clockwise from the top; an even number of terms starts half a step on, so that two sit
    # left and right of the term (where the map has room), four on the diagonals.
    step = 2 * math.pi / max(len(ring1), 1)
    start = -math.pi / 2 + (step / 2 if len(ring1) % 2 == 0 else 0)
    angle = {s: start + i * step for i, s in enumerate(ring1)}
    # A term two steps out sits by the related terms that lead to it, kept apart from others.
    wanted = {
        s: _mean_angle([angle[p] for p in ring1 if p in links[s]])
        for s in members[1:]
        if s not in angle
    }
    ring2 = sorted(wanted, key=lambda s: (wanted[s], sort_key(graph.terms[s].term)))
    angle.update(zip(ring2, _spread([wanted[s] for s in ring2]), strict=True))

    def sized(s: str, ring: int) -> Node:
        term = graph.terms[s]
        lines = wrap(term.term, LABEL_CHARS, LABEL_LINES)
        width, height = box_size(lines)
        url = url_for(term_uri(s))
        return Node(s, term.term, term.short_definition, url, lines, ring, 0, 0, width, height)

    placed = [sized(slug, 0)]
    inner = _place_ring(placed, [sized(s, 1) for s in ring1], angle, RING1)
    outer = (inner[0] + RING2[0], inner[1] + RING2[1])
    _place_ring(placed, [sized(s, 2) for s in ring2], angle, outer)
    at = {n.slug: n for n in placed}
    edges = [_edge(at[a], at[b], inner, central=slug in (a, b)) for a, b in pairs]
    nodes, edges, width, height = _fit(placed, edges)
    return ConceptMap(tuple(nodes), tuple(edges), width, height)


def _ring_order(ring: list[str], links: dict[str, set[str]], graph: TermGraph) -> list[str]:
    """Related terms clockwise: A to Z, except that each is followed by one it is related to
    where there is one, so lines between them stay short."""
    left = sorted(ring, key=lambda s: sort_key(graph.terms[s].term))
    order = left[:1]
    del left[:1]
    while left:
        last = order[-1]
        best = max(
            range(len(left)),
            key=lambda i: (left[i] in links[last], len(links[left[i]] & links[last]), -i),
        )
        order.append(left.pop(best))
    return order


def _mean_angle(angles: list[float]) -> float:
    """The circular mean, in [0, 2 pi); straight up when the angles cancel out."""
    x, y = sum(math.cos(a) for a in angles), sum(math.sin(a) for a in angles)
    if abs(x) < 1e-9 and abs(y) < 1e-9:
        return 1.5 * math.pi
    return math.atan2(y, x) % (2 * math.pi)


def _spread(wanted: list[float]) -> list[float]:
    """Angles as near as may be to the sorted `wanted` ones and at least a tenth of a turn
    apart (less if there are more than ten): crowded runs are spread evenly around their
    mean, on the circle cut open at its widest gap."""
    count = len(wanted)
    if count < 2:
        return wanted
    turn = 2 * math.pi
    gap = turn / max(count, 10)
    widest = max(range(count), key=lambda i: ((wanted[(i + 1) % count] - wanted[i]) % turn, -i))
    start = (widest + 1) % count
    line = [wanted[start]]
    for i in range(1, count):
        line.append(
            line[-1] + (wanted[(start + i) % count] - wanted[(start + i - 1) % count]) % turn
        )
    runs: list[tuple[float, int]] = []  # (mean wanted angle, how many)
    for value in line:
        runs.append((value, 1))
        while len(runs) > 1:
            (mean1, n1), (mean2, n2) = runs[-2], runs[-1]
            if (mean2 - (n2 - 1) * gap / 2) - (mean1 + (n1 - 1) * gap / 2) >= gap:
                break
            runs[-2:] = [((mean1 * n1 + mean2 * n2) / (n1 + n2), n1 + n2)]
    spread = [mean + (i - (n - 1) / 2) * gap for mean, n in runs for i in range(n)]
    back = [0.0] * count  # undo the cut, so the result lines up with `wanted`
    for i, value in enumerate(spread):
        back[(start + i) % count] = value
    return back


def _place_ring(
    placed: list[Node],
    ring: list[Node],
    angle: dict[str, float],
    radii: tuple[float, float],
) -> tuple[float, float]:
    """Put `ring` on an ellipse round (0, 0), grown until no box overlaps another; append it
    to `placed` and return the radii used."""
    rx, ry = radii
    fixed = [(n.x, n.y, n.width, n.height) for n in placed]
    turns = [(math.cos(angle[n.slug]), math.sin(angle[n.slug]), n.width, n.height) for n in ring]
    boxes: list[tuple[int, int, int, int]] = []
    for _ in range(60):
        boxes = [(round(rx * cos), round(ry * sin), w, h) for cos, sin, w, h in turns]
        if not any(_overlap(a, b) for i, a in enumerate(boxes) for b in (*fixed, *boxes[i + 1 :])):
            break
        rx, ry = rx * GROWTH, ry * GROWTH
    placed.extend(_at(n, x, y) for n, (x, y, _, _) in zip(ring, boxes, strict=True))
    return rx, ry


def _at(node: Node, x: int, y: int, width: int | None = None, height: int | None = None) -> Node:
    """The node moved (and sized); dataclasses.replace costs ten times as much."""
    width = node.width if width is None else width
    height = node.height if height is None else height
    return Node(
        node.slug, node.name, node.note, node.url, node.lines, node.ring, x, y, width, height
    )


def _overlap(a: tuple[int, int, int, int], b: tuple[int, int, int, int]) -> bool:
    """Whether two boxes (centre x, centre y, width, height) come closer than GAP."""
    return abs(a[0] - b[0]) < (a[2] + b[2]) / 2 + GAP and abs(a[1] - b[1]) < (a[3] + b[3]) / 2 + GAP


def _edge(a: Node, b: Node, inner: tuple[float, float], central: bool) -> Edge:
    """A line from a to b, bent outwards if it would pass close to the term in the middle.

    Worked out with ring 1 scaled to a unit circle: the point of the line nearest the middle
    is pushed out to CLEARANCE; the Bezier control point moves twice as far as its mid-point.
    """
    mx, my = (a.x + b.x) / 2, (a.y + b.y) / 2
    cx, cy = mx, my
    if not central:
        ax, ay, bx, by = a.x / inner[0], a.y / inner[1], b.x / inner[0], b.y / inner[1]
        dx, dy = bx - ax, by - ay
        t = min(1.0, max(0.0, -(ax * dx + ay * dy) / ((dx * dx + dy * dy) or 1.0)))
        px, py = ax + t * dx, ay + t * dy  # the nearest point to the middle
        distance = math.hypot(px, py)
        if distance < CLEARANCE:
            ux, uy = (px / distance, py / distance) if distance > 1e-6 else (-dy, dx)
            norm = math.hypot(ux, uy) or 1.0
            push = 2 * (CLEARANCE - distance) / norm
            cx, cy = mx + push * ux * inner[0], my + push * uy * inner[1]
    return Edge(a.slug, b.slug, a.x, a.y, b.x, b.y, round(cx), round(cy), central)


def _fit(nodes: list[Node], edges: list[Edge]) -> tuple[list[Node], list[Edge], int, int]:
    """Shift everything so the drawing starts at (MARGIN, MARGIN); return it and its size."""
    apexes = [((2 * e.cx + e.x1 + e.x2) / 4, (2 * e.cy + e.y1 + e.y2) / 4) for e in edges]
    left = math.floor(min([n.left for n in nodes] + [x for x, _ in apexes]))
    top = math.floor(min([n.top for n in nodes] + [y for _, y in apexes]))
    right = math.ceil(max([n.left + n.width for n in nodes] + [x for x, _ in apexes]))
    bottom = math.ceil(max([n.top + n.height for n in nodes] + [y for _, y in apexes]))
    dx, dy = MARGIN - left, MARGIN - top
    moved = [_at(n, n.x + dx, n.y + dy) for n in nodes]
    shifted = [
        Edge(
            e.source,
            e.target,
            e.x1 + dx,
            e.y1 + dy,
            e.x2 + dx,
            e.y2 + dy,
            e.cx + dx,
            e.cy + dy,
            e.central,
        )
        for e in edges
    ]
    return moved, shifted, right - left + 2 * MARGIN, bottom - top + 2 * MARGIN


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
                node = _at(node, x, y, node_w, node_h)
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
