"""Placing the boxes of a map: a force-directed layout (igraph's Fruchterman-Reingold), then
boxes pushed apart until none overlaps another, then the try with fewest crossing lines.

igraph is a C library with wheels on PyPI: a layout of 60 terms takes milliseconds. Its
random numbers come from a generator seeded here, so the same glossary gives the same map.
"""

from __future__ import annotations

import itertools
import math
import random
from collections.abc import Sequence

TRIES = 4  # layouts from different seeds; the one with fewest crossings is kept
ASPECT = 1.6  # width : height of a laid-out map (boxes are wider than tall)
ROOM = 1.6  # area of the drawing per box, in boxes with their gaps, before overlaps are removed

Box = tuple[float, float]  # (width, height) of a box, centred on its point


def place(
    sizes: Sequence[Box],
    pairs: Sequence[tuple[int, int]],
    gap: float,
    weights: Sequence[float] | None = None,
    room: float = ROOM,
    pulls: Sequence[tuple[int, tuple[float, float], float]] = (),
) -> list[tuple[float, float]]:
    """Centres for boxes of `sizes` (joined by `pairs` of indices): related boxes near each
    other, none closer to another than `gap`, few crossing lines. `room` is the area of the
    drawing, in boxes (gaps included), before boxes are pushed apart. Each of `pulls`
    (box, direction, strength) draws a box towards that side of the drawing: to the terms
    it is related to in a panel there."""
    if len(sizes) <= 1:
        return [(0.0, 0.0)] * len(sizes)
    best: tuple[int, float, list[tuple[float, float]]] | None = None
    for seed in range(TRIES):
        spring = _spring(len(sizes), pairs, weights or [1.0] * len(pairs), pulls, seed)
        points = separate(_scaled(spring, sizes, gap, room), sizes, gap)
        score = (crossings(points, pairs), _length(points, pairs))
        if best is None or score < best[:2]:
            best = (*score, points)
    assert best is not None
    return best[2]


def _spring(
    count: int,
    pairs: Sequence[tuple[int, int]],
    weights: Sequence[float],
    pulls: Sequence[tuple[int, tuple[float, float], float]],
    seed: int,
) -> list[tuple[float, float]]:
    import igraph  # only builds that draw a map pay for loading it

    # A deterministic start (a circle, turned by the seed) and a seeded generator. Pulls are
    # fixed points well outside the circle, joined to their boxes.
    turn = seed / TRIES / count
    start = [
        [math.cos(2 * math.pi * (i / count + turn)), math.sin(2 * math.pi * (i / count + turn))]
        for i in range(count)
    ]
    reach = 2.0 * math.sqrt(count)
    anchors = sorted({direction for _, direction, _ in pulls})
    where = {d: count + i for i, d in enumerate(anchors)}
    start += [[reach * dx, reach * dy] for dx, dy in anchors]
    edges = [*pairs, *((box, where[d]) for box, d, _ in pulls)]
    strengths = [*weights, *(strength for *_, strength in pulls)]
    free = [-math.inf] * count, [math.inf] * count
    xs, ys = [x for x, _ in start[count:]], [y for _, y in start[count:]]
    graph = igraph.Graph(n=len(start), edges=edges)
    igraph.set_random_number_generator(random.Random(seed))
    try:
        layout = graph.layout_fruchterman_reingold(
            weights=strengths,
            seed=start,
            grid="nogrid",
            **(
                {
                    "minx": free[0] + xs,
                    "maxx": free[1] + xs,
                    "miny": free[0] + ys,
                    "maxy": free[1] + ys,
                }
                if anchors
                else {}
            ),
        )
    finally:
        igraph.set_random_number_generator(random)
    return [(float(x), float(y)) for x, y in layout.coords[:count]]


def _scaled(
    points: list[tuple[float, float]], sizes: Sequence[Box], gap: float, room: float
) -> list[tuple[float, float]]:
    """The layout stretched to ASPECT and to `room` times the area of the boxes."""
    count = len(points)
    mx = sum(x for x, _ in points) / count
    my = sum(y for _, y in points) / count
    sx = math.sqrt(sum((x - mx) ** 2 for x, _ in points) / count) or 1.0
    sy = math.sqrt(sum((y - my) ** 2 for _, y in points) / count) or 1.0
    area = room * sum((w + gap) * (h + gap) for w, h in sizes)
    # A uniform spread of standard deviation s covers about (3.5 s)^2.
    height = math.sqrt(area / ASPECT) / 3.5
    width = height * ASPECT
    return [((x - mx) / sx * width, (y - my) / sy * height) for x, y in points]


def separate(
    points: Sequence[tuple[float, float]], sizes: Sequence[Box], gap: float
) -> list[tuple[float, float]]:
    """The points moved as little as may be so that no two boxes come closer than `gap`:
    each overlapping pair is pushed apart along the axis where it overlaps least; if that
    has not settled after many rounds, everything is spread out a little and it goes on."""
    xs = [x for x, _ in points]
    ys = [y for _, y in points]
    for i, j in itertools.combinations(range(len(xs)), 2):  # no two centres on one spot
        if xs[i] == xs[j] and ys[i] == ys[j]:
            xs[j] += 1.0 + j % 3
            ys[j] += 1.0 + j % 2
    margin = gap + 0.5  # and a little more, so rounding to whole units cannot close a gap
    while True:
        for _ in range(120):
            moved = False
            for i, j in itertools.combinations(range(len(xs)), 2):
                dx, dy = xs[j] - xs[i], ys[j] - ys[i]
                ox = (sizes[i][0] + sizes[j][0]) / 2 + margin - abs(dx)
                oy = (sizes[i][1] + sizes[j][1]) / 2 + margin - abs(dy)
                if ox <= 0 or oy <= 0:
                    continue
                moved = True
                if ox / (sizes[i][0] + sizes[j][0]) < oy / (sizes[i][1] + sizes[j][1]):
                    step = (ox / 2 + 0.01) * (1 if dx >= 0 else -1)
                    xs[i], xs[j] = xs[i] - step, xs[j] + step
                else:
                    step = (oy / 2 + 0.01) * (1 if dy >= 0 else -1)
                    ys[i], ys[j] = ys[i] - step, ys[j] + step
            if not moved:
                return list(zip(xs, ys, strict=True))
        xs = [x * 1.15 for x in xs]
        ys = [y * 1.15 for y in ys]


def crossings(points: Sequence[tuple[float, float]], pairs: Sequence[tuple[int, int]]) -> int:
    """How many pairs of straight lines between `points` cross (lines sharing an end never
    count)."""

    def side(a, b, c) -> float:
        return (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0])

    count = 0
    segments = [(points[a], points[b], a, b) for a, b in pairs]
    for (p, q, a, b), (r, s, c, d) in itertools.combinations(segments, 2):
        if a in (c, d) or b in (c, d):
            continue
        if side(p, q, r) * side(p, q, s) < 0 and side(r, s, p) * side(r, s, q) < 0:
            count += 1
    return count


def _length(points: Sequence[tuple[float, float]], pairs: Sequence[tuple[int, int]]) -> float:
    return sum(math.dist(points[a], points[b]) for a, b in pairs)
