"""Concept maps of a term's neighbourhood: the term, its related terms around it, theirs
further out.

Plain data for `partials/concept-map.html`. The layout is plain trigonometry on sorted
inputs, with every coordinate rounded to a whole unit, so the same glossary gives the same
SVG byte for byte.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

from termbase.graph.relations import TermGraph
from termbase.model import sort_key
from termbase.pages.mapshapes import (
    FONT_SIZE,
    GAP,
    MARGIN,
    Edge,
    Node,
    box_size,
    node_at,
    wrap,
)
from termbase.urls import term_uri

# Term pages: a few words a line, at most three lines, about 680 units wide (Material's
# content column) when a term has up to ten neighbours.
LABEL_CHARS, LABEL_LINES = 16, 3
RING1 = (150.0, 92.0)  # the ellipse of related terms (x and y radius)
RING2 = (130.0, 78.0)  # how much further out terms two steps away sit
GROWTH = 1.1  # a ring grows by this factor until none of its boxes overlap another
CLEARANCE = 0.62  # lines between outer terms bend to pass this far out (1 = ring 1)


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
    placed.extend(node_at(n, x, y) for n, (x, y, _, _) in zip(ring, boxes, strict=True))
    return rx, ry


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
    moved = [node_at(n, n.x + dx, n.y + dy) for n in nodes]
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
