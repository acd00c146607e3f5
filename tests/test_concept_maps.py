"""Concept maps on built pages: each term's neighbourhood, the full map by category, their
layout and accessibility, as a reader of the site meets them.
"""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from selectolax.lexbor import LexborHTMLParser

from crosslinksite import (
    TERMS,
    built_site,
    definition,
)
from sitebuilder import Site, make_site
from termbase.graph.relations import TermGraph
from termbase.model import Category, Glossary, Term
from termbase.pages.conceptmap import concept_map
from termbase.reading.load import load_glossary


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Site:
    return built_site(tmp_path_factory.mktemp("crosslinks"))


# -- concept maps ------------------------------------------------------------------------------


def term_map(site: Site, slug: str):
    return site.page(f"glossary/{slug}/").css_first("figure.glossary-map--term svg")


def drawn_graph(svg) -> tuple[set[str], set[tuple[str, str]]]:
    """(node slugs, edges) as drawn: links name their term; lines name both ends."""
    nodes = {a.attributes["data-slug"] for a in svg.css("a.glossary-map__node")}
    edges = set()
    for path in svg.css(".glossary-map__edges path"):
        one, two = path.attributes["data-ends"].split()
        edges.add((min(one, two), max(one, two)))
    return nodes, edges


def test_term_map_shows_the_neighbourhood(built: Site):
    svg = term_map(built, "mesa-objective")
    nodes, edges = drawn_graph(svg)
    assert svg.css_first(".glossary-map__node--centre").text(deep=True).strip() == "Mesa-objective"
    # Related both ways (its own list and terms listing it), then one step further.
    assert nodes == {"base-objective", "mesa-optimizer", "inner-alignment"}
    assert edges == {
        ("base-objective", "mesa-objective"),
        ("mesa-objective", "mesa-optimizer"),
        ("inner-alignment", "mesa-optimizer"),
    }
    rings = {a.attributes["data-slug"]: a.attributes["class"] for a in svg.css("a")}
    assert rings["base-objective"].endswith("--ring1")
    assert rings["inner-alignment"].endswith("--ring2")


def test_every_term_map_matches_the_term_graph(built: Site):
    graph = TermGraph(load_glossary(built.root / "glossary", root=built.root))
    for slug in graph.terms:
        svg = term_map(built, slug)
        members, pairs = graph.neighbourhood(slug, 12)
        if len(members) == 1:
            assert svg is None, slug
            assert built.page(f"glossary/{slug}/").css_first("#concept-map") is None
            continue
        nodes, edges = drawn_graph(svg)
        assert nodes | {slug} == set(members) and slug not in nodes, slug
        assert edges == set(pairs), slug


def test_term_map_is_accessible_linked_and_laid_out_without_overlaps(built: Site):
    svg = term_map(built, "mesa-optimizer")
    attributes = svg.attributes
    assert attributes["width"] == "100%" and re.fullmatch(r"0 0 \d+ \d+", attributes["viewBox"])
    title = svg.css_first(f"title#{attributes['aria-labelledby']}")
    assert title.text() == "Concept map of Mesa-optimizer"
    desc = svg.css_first(f"desc#{attributes['aria-describedby']}").text()
    for name in ("Mesa-objective", "Inner alignment", "Base objective", "Deceptive alignment"):
        assert name in desc
    _, _, width, height = map(int, attributes["viewBox"].split())
    boxes = []
    for node in svg.css(".glossary-map__node"):
        rect = node.css_first("rect").attributes
        x, y, w, h = (int(rect[k]) for k in ("x", "y", "width", "height"))
        assert x >= 0 and x + w <= width and y >= 0 and y + h <= height
        boxes.append((x, y, w, h))
        # Real text, one tspan a line, inside the box.
        lines = [t.text() for t in node.css("tspan")]
        assert lines and all(x <= int(t.attributes["x"]) <= x + w for t in node.css("tspan"))
    for (x1, y1, w1, h1), (x2, y2, w2, h2) in itertools.combinations(boxes, 2):
        assert x1 + w1 <= x2 or x2 + w2 <= x1 or y1 + h1 <= y2 or y2 + h2 <= y1
    for a in svg.css("a"):
        target = built.root / "site/glossary" / a.attributes["href"].strip("./") / "index.html"
        assert target.is_file()
        assert a.attributes["title"] == definition(a.attributes["data-slug"])
        label = " ".join(t.text() for t in a.css("tspan")).replace("- ", "-")
        assert label == TERMS[a.attributes["data-slug"]]["term"]


NAMES = ["Alpha", "Beta particle", "Reinforcement learning from human feedback", "Gamma-ray",
         "Model organisms of misalignment", "Pneumonoultramicroscopicsilicovolcanoconiosis"]  # fmt: skip


def random_graph(relations: list[tuple[int, int]], count: int, reverse: bool) -> TermGraph:
    related: dict[int, list[str]] = {i: [] for i in range(count)}
    for a, b in relations:
        if a % count != b % count:
            related[a % count].append(f"t{b % count}")
    terms = {
        f"t{i}": Term(
            slug=f"t{i}",
            term=f"{NAMES[i % len(NAMES)]} {i}",
            category="core",
            short_definition=f"Definition {i}.",
            explanation="",
            source=Path(f"t{i}.yml"),
            related=tuple(reversed(related[i]) if reverse else related[i]),
        )
        for i in range(count)
    }
    return TermGraph(Glossary(terms, {"core": Category("core", "Core", "All.")}))


@settings(max_examples=150, deadline=None)
@given(
    relations=st.lists(st.tuples(st.integers(0, 40), st.integers(0, 40)), max_size=60),
    count=st.integers(1, 20),
)
def test_map_layout_is_exact_tidy_and_independent_of_list_order(relations, count):
    graph = random_graph(relations, count, reverse=False)
    for slug in graph.terms:
        members, pairs = graph.neighbourhood(slug, 12)
        drawn = concept_map(graph, slug, lambda uri: uri)
        assert [n.slug for n in drawn.nodes][:1] == [slug]
        assert {n.slug for n in drawn.nodes} == set(members)
        assert {(e.source, e.target) for e in drawn.edges} == set(pairs)
        at = {n.slug: n for n in drawn.nodes}
        for edge in drawn.edges:  # lines start and end at the centres of their boxes
            assert (edge.x1, edge.y1) == (at[edge.source].x, at[edge.source].y)
            assert (edge.x2, edge.y2) == (at[edge.target].x, at[edge.target].y)
        for node in drawn.nodes:  # inside the drawing, and the label fits its box
            assert node.left >= 0 and node.top >= 0
            assert node.left + node.width <= drawn.width
            assert node.top + node.height <= drawn.height
            assert max(len(line) for line in node.lines) * 7 <= node.width
        for one, two in itertools.combinations(drawn.nodes, 2):
            assert (
                one.left + one.width <= two.left
                or two.left + two.width <= one.left
                or one.top + one.height <= two.top
                or two.top + two.height <= one.top
            ), (one.slug, two.slug)
        # Related lists in another order: the same neighbourhood gives the same picture.
        if len(set(graph.neighbourhood(slug, 10**6)[0])) <= 12:
            again = concept_map(random_graph(relations, count, reverse=True), slug, lambda u: u)
            assert again == drawn


def figures(folder: Path) -> dict[str, str]:
    """The concept map figure of every page under `folder`, as written."""
    out = {}
    for html in sorted(folder.rglob("index.html")):
        text = html.read_text("utf-8")
        for match in re.finditer(r'<figure class="glossary-map.*?</figure>', text, re.S):
            out[str(html.relative_to(folder))] = match.group()
    return out


def test_the_same_input_gives_byte_identical_maps(built: Site, monkeypatch):
    first = figures(built.root / "site")
    related = {slug for slug, fields in TERMS.items() if "related" in fields}
    related |= {other for fields in TERMS.values() for other in fields.get("related", [])}
    # Terms with related terms, the full map, and both categories' maps.
    assert len(first) == len(related) + 1 + 2
    monkeypatch.setenv("PYTHONHASHSEED", "12345")  # other set and dict orders than before
    result = built.build("-d", str(built.root / "again"))
    assert result.returncode == 0, result.stderr
    assert figures(built.root / "again") == first


def test_full_map_groups_every_term_by_category(built: Site):
    page = built.page("glossary/map/")
    graph = TermGraph(load_glossary(built.root / "glossary", root=built.root))
    svg = page.css_first("figure.glossary-map--full svg")
    assert svg.attributes["role"] == "group" and svg.css_first("title").text() == (
        f"Concept map of all {len(TERMS)} terms"
    )
    clusters = {}
    for cluster in svg.css("g.glossary-map__cluster"):
        label = cluster.css_first("a.glossary-map__label")
        clusters[cluster.attributes["id"]] = (label.text(deep=True), label.attributes["href"])
    assert clusters == {
        "category-core": ("Core concepts (6)", "../category/core/"),
        "category-risks": ("Risks (2)", "../category/risks/"),
    }
    nodes, edges = drawn_graph(svg)
    assert nodes == set(graph.terms) == set(TERMS)
    assert edges == {tuple(sorted((a, b))) for a in graph.terms for b in graph.related[a]}
    # Terms sit in their category's panel.
    for key, terms in graph.by_category.items():
        panel = svg.css_first(f"#category-{key} rect").attributes
        top, bottom = int(panel["y"]), int(panel["y"]) + int(panel["height"])
        for term in terms:
            rect = svg.css_first(f'a[data-slug="{term.slug}"] rect').attributes
            assert top < int(rect["y"]) < bottom, term.slug


def test_index_and_navigation_lead_to_the_full_map(built: Site):
    index = built.page("glossary/")
    link = index.css_first('article a[href="map/"]')
    assert link is not None and link.text() == "concept map"
    nav = built.page("").css_first("nav.md-nav--primary")
    assert "glossary/map/" in [a.attributes.get("href") for a in nav.css("a")]


def test_a_large_glossary_is_listed_by_category_not_drawn(tmp_path: Path):
    site = make_site(tmp_path)
    for number in range(301):
        category = "core" if number % 3 else "risks"
        site.term(f"term-{number:03d}", category=category, explanation="Short.\n")
    result = site.build()
    assert result.returncode == 0, result.stderr
    html = (site.root / "site/glossary/map/index.html").read_text("utf-8")
    page = LexborHTMLParser(html)
    assert page.css_first("figure.glossary-map svg") is None
    headings = {h.attributes["id"]: h.text() for h in page.css("article h2[id^=category-]")}
    assert headings == {"category-core": "Core concepts (200)", "category-risks": "Risks (101)"}
    listed = [a.attributes["href"] for a in page.css("ul.glossary-map__list a")]
    assert sorted(listed) == sorted(f"../term-{n:03d}/" for n in range(301))
    assert len(html.encode()) < 100_000  # about 80 bytes a term: under 1 MB at 10,000
