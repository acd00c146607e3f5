"""The concept maps laid out as graphs: no label overlaps another, and far fewer lines
cross than in the grid of category panels they replace (issue 22), on the starter glossary
and on the 300-term benchmark glossary. The figures are printed for the README."""

from __future__ import annotations

import itertools
import math
import sys
from pathlib import Path

import pytest
from selectolax.lexbor import LexborHTMLParser

from sitebuilder import PROJECT, make_site, project_glossary
from termbase.graph.relations import TermGraph
from termbase.pages.glossarymap import MAP_LIMIT, category_map, category_overview
from termbase.pages.mapshapes import GAP, box_size, wrap
from termbase.reading.load import load_glossary

sys.path.insert(0, str(PROJECT / "bench"))

from generate import generate_project  # noqa: E402

Box = tuple[int, int, int, int]  # left, top, width, height
Point = tuple[float, float]


def overlaps(boxes: list[Box]) -> int:
    return sum(
        1
        for (x1, y1, w1, h1), (x2, y2, w2, h2) in itertools.combinations(boxes, 2)
        if x1 < x2 + w2 and x2 < x1 + w1 and y1 < y2 + h2 and y2 < y1 + h1
    )


def crossings(at: dict[str, Point], pairs: list[tuple[str, str]]) -> int:
    """Pairs of straight lines that cross; lines with a common end never count."""

    def side(a: Point, b: Point, c: Point) -> float:
        return (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0])

    count = 0
    for (a, b), (c, d) in itertools.combinations(pairs, 2):
        if {a, b} & {c, d}:
            continue
        p, q, r, s = at[a], at[b], at[c], at[d]
        if side(p, q, r) * side(p, q, s) < 0 and side(r, s, p) * side(r, s, q) < 0:
            count += 1
    return count


def grid_layout(graph: TermGraph, keys: list[str]) -> dict[str, Point]:
    """Where the map before issue 22 put each term of `keys`' categories: panels stacked in
    the categories' file order, the terms A to Z in four columns inside."""
    terms = [t for key in keys for t in graph.by_category[key]]
    width = max([box_size(wrap(t.term, 17, 2))[0] for t in terms] + [17 * 8])
    height = box_size(("",) * 2)[1]
    at, top = {}, 0
    for key in keys:
        group = graph.by_category[key]
        for i, term in enumerate(group):
            row, column = divmod(i, 4)
            at[term.slug] = (column * (width + GAP), top + 34 + row * (height + GAP))
        rows = math.ceil(len(group) / 4)
        top += 34 + rows * height + (rows - 1) * GAP + 12 + GAP
    return at


def report(name: str, before: int, after: int, labels: int, lines: int) -> None:
    print(f"\n{name}: {lines} lines; crossings {before} before, {after} now; overlaps {labels}")


@pytest.fixture(scope="module")
def starter() -> TermGraph:
    return TermGraph(project_glossary())


def drawn(svg) -> tuple[list[Box], dict[str, Point], list[tuple[str, str]]]:
    """The term boxes of a map as written in the page, their centres and its lines."""
    boxes, at = [], {}
    for node in svg.css("a.glossary-map__node"):
        rect = node.css_first("rect").attributes
        box = tuple(int(rect[k]) for k in ("x", "y", "width", "height"))
        boxes.append(box)
        at[node.attributes["data-slug"]] = (box[0] + box[2] / 2, box[1] + box[3] / 2)
    pairs = [tuple(p.attributes["data-ends"].split()) for p in svg.css(".glossary-map__edges path")]
    return boxes, at, pairs


def test_the_starter_glossary_map_has_no_overlaps_and_few_crossings(real_site, starter, capsys):
    page = LexborHTMLParser((real_site.root / "site/glossary/map/index.html").read_text("utf-8"))
    svg = page.css_first("figure.glossary-map--full svg")
    boxes, at, pairs = drawn(svg)
    assert len(at) == len(starter.terms) <= MAP_LIMIT
    assert overlaps(boxes) == 0
    panels = []
    for cluster in svg.css("g.glossary-map__cluster"):
        rect = cluster.css_first("rect").attributes
        panels.append(tuple(int(rect[k]) for k in ("x", "y", "width", "height")))
        x, y, w, h = panels[-1]
        key = cluster.attributes["id"].removeprefix("category-")
        for term in starter.by_category[key]:  # every term inside its category's panel
            left, top = at[term.slug]
            assert x < left < x + w and y < top < y + h, term.slug
    assert overlaps(panels) == 0
    now = crossings(at, pairs)
    before = crossings(grid_layout(starter, list(starter.glossary.categories)), pairs)
    with capsys.disabled():
        report("starter glossary, whole map", before, now, overlaps(boxes), len(pairs))
    assert now * 3 < before


def test_each_category_page_maps_its_terms(real_site, starter):
    for key, terms in starter.by_category.items():
        page = LexborHTMLParser(
            (real_site.root / f"site/glossary/category/{key}/index.html").read_text("utf-8")
        )
        svg = page.css_first("figure.glossary-map--category svg")
        boxes, at, pairs = drawn(svg)
        assert set(at) == {t.slug for t in terms}, key
        assert overlaps(boxes) == 0, key
        inside = {(a, b) for a in at for b in starter.related[a] if b in at and a < b}
        assert {tuple(sorted(p)) for p in pairs} == inside, key
        assert page.css_first("h2#concept-map") is not None


@pytest.fixture(scope="module")
def bench(tmp_path_factory) -> TermGraph:
    folder = generate_project(tmp_path_factory.mktemp("bench") / "300", 300)
    return TermGraph(load_glossary(folder / "glossary", root=folder))


def test_a_300_term_glossary_is_mapped_per_category_without_overlaps(bench, capsys):
    url = str  # site-relative URLs as they are
    before = after = lines = labels = 0
    for key, terms in bench.by_category.items():
        assert len(terms) <= MAP_LIMIT, key  # each category is one readable map
        drawn = category_map(bench, key, url)
        nodes = {n.slug: n for c in drawn.clusters for n in c.nodes}
        assert set(nodes) == {t.slug for t in terms}
        boxes = [(n.left, n.top, n.width, n.height) for n in nodes.values()]
        labels += overlaps(boxes)
        pairs = [(e.source, e.target) for e in drawn.edges]
        at = {slug: (n.x, n.y) for slug, n in nodes.items()}
        after += crossings(at, pairs)
        before += crossings(grid_layout(bench, list(bench.glossary.categories)), pairs)
        lines += len(pairs)
    overview = category_overview(bench, url)
    categories = [(n.left, n.top, n.width, n.height) for c in overview.clusters for n in c.nodes]
    assert len(categories) == len(bench.by_category) and overlaps(categories) == 0
    with capsys.disabled():
        report("300-term bench glossary, maps per category", before, after, labels, lines)
    assert labels == 0
    assert after * 3 < before


def test_layouts_are_the_same_for_the_same_glossary(bench):
    key = next(iter(bench.by_category))
    assert category_map(bench, key, str) == category_map(bench, key, str)


def test_maps_are_never_larger_than_the_limit(tmp_path: Path, bench):
    big = max(bench.by_category, key=lambda k: len(bench.by_category[k]))
    assert category_map(bench, big, str, limit=len(bench.by_category[big]) - 1) is None


def test_above_the_limit_the_map_page_maps_categories_and_links_their_maps(tmp_path: Path):
    site = make_site(tmp_path)
    count = MAP_LIMIT + 10
    for number in range(count):
        category = "core" if number % 2 else "risks"
        related = [f"term-{(number + 2) % count:02d}", f"term-{(number + 3) % count:02d}"]
        site.term(f"term-{number:02d}", category=category, related=related, explanation="Short.\n")
    result = site.build()
    assert result.returncode == 0, result.stderr
    page = site.page("glossary/map/")
    svg = page.css_first("figure.glossary-map--categories svg")
    assert svg.css_first("title").text() == "Map of the 2 categories"
    boxes = {a.attributes["data-slug"]: a.attributes["href"] for a in svg.css("a[data-slug]")}
    assert boxes == {"core": "../category/core/", "risks": "../category/risks/"}
    assert len(svg.css(".glossary-map__edges path")) == 1  # core and risks are related
    assert page.css_first("figure.glossary-map--full:not(.glossary-map--categories)") is None
    maps = [a.attributes["href"] for a in page.css("article p a[href$='#concept-map']")]
    assert maps == ["../category/core/#concept-map", "../category/risks/#concept-map"]
    for key in ("core", "risks"):
        category = site.page(f"glossary/category/{key}/")
        assert category.css_first("h2#concept-map") is not None
        assert len(category.css("figure.glossary-map--category a[data-slug]")) == count // 2
