"""Cross-links on built pages: automatic term links, hover definitions, backlinks, related
reading and concept maps, as a reader of the site meets them."""

from __future__ import annotations

import itertools
import posixpath
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from selectolax.lexbor import LexborHTMLParser

from sitebuilder import Site, make_site
from termbase.graph.relations import TermGraph
from termbase.model import Category, Glossary, Term
from termbase.pages.conceptmap import concept_map
from termbase.reading.load import load_glossary

DEFINITION = "{} is a test term whose definition is long enough to be a fine meta description."

TERMS = {
    "mesa-optimizer": dict(
        term="Mesa-optimizer",
        aliases=["mesa-optimiser", "inner optimizer"],
        related=["mesa-objective", "inner-alignment"],
        explanation="A mesa-optimizer is an optimizer inside a model; it pursues a "
        "mesa-objective.\n",
    ),
    "mesa-objective": dict(
        term="Mesa-objective",
        related=["base-objective"],
        explanation="The goal a mesa-optimizer pursues, next to the base objective.\n",
    ),
    "base-objective": dict(term="Base objective", explanation="What training rewards.\n"),
    "inner-alignment": dict(
        term="Inner alignment",
        category="risks",
        related=["deceptive-alignment"],
        explanation="Making the mesa-objective match the base objective.\n",
    ),
    "deceptive-alignment": dict(
        term="Deceptive alignment",
        category="risks",
        short_definition="When a mesa-optimizer plays along in training to keep its own goal, "
        "a failure of alignment.",
        explanation="Mesa-optimizers that understand training may fake inner alignment.\n",
    ),
    "alignment": dict(term="Alignment", explanation="Alignment in general.\n"),
    "goodharts-law": dict(term="Goodhart's law", explanation="A measure made a target.\n"),
    "lonely-term": dict(term="Lonely term", explanation="Nothing relates to it.\n"),
}

GUIDE = """\
---
title: A guide
description: A guide that mentions many terms of the test glossary, some of them in odd places.
related:
  - other.md
  - deep/page.md
---
# A guide

Mesa-optimizers are the subject. A mesa-optimizer again.

Deceptive alignment is worse than plain alignment trouble. Goodhart\u2019s law applies.

See [inner alignment](glossary/inner-alignment.md) first; inner alignment again later.

## Inner alignment in a heading

`mesa-objective` in code, and *base objective*{: .nolink } in a span.

!!! note "Goodhart's law in a title"
    Body text about the base objective.

<a href="https://example.org/">a raw link about the mesa-objective</a> and mesa-objective after.

> A quote that names the lonely term.

The paper *Lonely Term Considered Harmful* is a title, not a mention.
"""

OTHER = """\
---
title: Other page
description: A page that turns automatic term links off but still links one term by hand.
autolink: false
---
# Other page

A mesa-optimizer is mentioned without a link, and [here with one](glossary/mesa-optimizer.md).
Its [goal](glossary/mesa-objective.md) too.
"""

DEEP = """\
---
description: A page in a subfolder of the docs, so that its links to terms go two levels up.
---
# Deep page

The base objective, seen from a subfolder, and the goodhart's law.
"""


def populate(site: Site) -> Site:
    for slug, fields in TERMS.items():
        site.term(slug, **fields)
    site.term("secret-draft", term="Secret draft", draft=True)
    site.write("content/guide.md", GUIDE)
    site.write("content/other.md", OTHER)
    site.write("content/deep/page.md", DEEP)
    for title, path in (
        ("Deep page", "deep/page.md"),
        ("Other page", "other.md"),
        ("A guide", "guide.md"),
    ):
        site.add_to_nav(title, path)
    return site


def autolink_config(settings: str) -> str:
    """`extra.glossary.autolink` for mkdocs.yml."""
    return f"extra:\n  glossary:\n    autolink:\n{settings}"


def built_site(root: Path, extra_config: str = "") -> Site:
    site = populate(make_site(root, extra_config))
    result = site.build()
    assert result.returncode == 0, result.stdout + result.stderr
    return site


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Site:
    return built_site(tmp_path_factory.mktemp("crosslinks"))


def definition(slug: str) -> str:
    default = DEFINITION.format(slug.replace("-", " ").capitalize())  # as conftest writes it
    return TERMS[slug].get("short_definition", default)


def auto_links(page: LexborHTMLParser) -> list[tuple[str, str]]:
    """(text, href) of every automatic term link in the page's article, in order."""
    return [(a.text(), a.attributes["href"]) for a in page.css("article a.glossary-term")]


def term_slug(page_url: str, href: str) -> str | None:
    """The term a link on the page at `page_url` points to, if it points to a term page."""
    if re.match(r"^[a-z]+:|^/|^#", href):
        return None
    target = posixpath.normpath(posixpath.join(page_url, href.split("#")[0]))
    match = re.fullmatch(r"glossary/([a-z0-9-]+)", target)
    return match.group(1) if match and match.group(1) in TERMS else None


def built_pages(site: Site) -> dict[str, LexborHTMLParser]:
    """Every HTML page of the built site by URL path ('' for the home page)."""
    out = {}
    for html in sorted((site.root / "site").rglob("index.html")):
        url = html.parent.relative_to(site.root / "site").as_posix()
        out["" if url == "." else url + "/"] = LexborHTMLParser(html.read_text("utf-8"))
    return out


# -- automatic links ------------------------------------------------------------------------


def test_first_mentions_on_a_content_page_become_links(built: Site):
    assert auto_links(built.page("guide/")) == [
        ("Mesa-optimizers", "../glossary/mesa-optimizer/"),  # a plural
        ("Deceptive alignment", "../glossary/deceptive-alignment/"),  # longest match first
        ("alignment", "../glossary/alignment/"),
        ("Goodhart\u2019s law", "../glossary/goodharts-law/"),  # a curly apostrophe
        ("base objective", "../glossary/base-objective/"),  # in an admonition's body
        ("mesa-objective", "../glossary/mesa-objective/"),  # after a raw HTML link
    ]
    assert auto_links(built.page("deep/page/")) == [
        ("base objective", "../../glossary/base-objective/"),
        ("goodhart's law", "../../glossary/goodharts-law/"),
    ]


def test_never_in_headings_code_titles_spans_or_existing_links(built: Site):
    article = built.page("guide/").css_first("article")
    for selector in ("h1", "h2", "code", ".admonition-title", ".nolink", "blockquote", "em"):
        for element in article.css(selector):
            assert element.css("a.glossary-term") == [], selector
    assert "lonely-term" not in str(auto_links(built.page("guide/")))
    raw = article.css_first('a[href="https://example.org/"]')
    assert raw.text() == "a raw link about the mesa-objective"
    assert raw.html.count("<a") == 1  # no link inside the link
    # The term linked by hand is not linked a second time in the text.
    to_inner = [a.text() for a in article.css("p a") if "inner-alignment" in a.attributes["href"]]
    assert to_inner == ["inner alignment"]
    assert article.css_first("h2#inner-alignment-in-a-heading") is not None


def test_term_pages_link_other_terms_but_never_themselves(built: Site):
    page = built.page("glossary/deceptive-alignment/")
    assert auto_links(page) == [
        # The lead is the short definition, written escaped ("mesa\-optimizer") by the page
        # generator: it is still found.
        ("mesa-optimizer", "../mesa-optimizer/"),
        ("alignment", "../alignment/"),
        ("inner alignment", "../inner-alignment/"),
    ]
    own = built.page("glossary/mesa-optimizer/")
    assert [href for _, href in auto_links(own)] == ["../mesa-objective/"]
    for a in own.css("article a"):
        assert a.attributes.get("href") not in ("./", "../mesa-optimizer/", "#")


def test_listing_pages_are_not_autolinked(built: Site):
    for url in ("glossary/", "glossary/category/core/", "glossary/map/"):
        assert auto_links(built.page(url)) == [], url


def test_front_matter_autolink_false_keeps_hand_written_links(built: Site):
    page = built.page("other/")
    assert auto_links(page) == []
    link = page.css_first('article a[href="../glossary/mesa-optimizer/"]')
    assert link.text() == "here with one"
    assert link.attributes["title"] == definition("mesa-optimizer")


# -- hover definitions ------------------------------------------------------------------------


def test_every_link_to_a_term_page_carries_its_definition(built: Site):
    checked = 0
    for url, page in built_pages(built).items():
        for a in page.css("article a[href]"):
            slug = term_slug(url, a.attributes["href"])
            if slug is None:
                continue
            assert a.attributes.get("title") == definition(slug), (url, a.html)
            checked += 1
    assert checked > 60  # content, index, categories, related terms, key terms, maps


# -- backlinks, key terms, related reading ---------------------------------------------------


def backlinks(site: Site, slug: str) -> list[tuple[str, str]]:
    page = site.page(f"glossary/{slug}/")
    return [(a.text(), a.attributes["href"]) for a in page.css("ul.glossary-backlinks a")]


def test_mentioned_in_lists_content_pages_then_terms_by_title(built: Site):
    assert backlinks(built, "mesa-optimizer") == [
        ("A guide", "../../guide/"),
        ("Other page", "../../other/"),  # a hand-written link on a page without autolinks
        ("Deceptive alignment", "../deceptive-alignment/"),
        ("Mesa-objective", "../mesa-objective/"),
    ]
    assert backlinks(built, "base-objective") == [
        ("A guide", "../../guide/"),
        ("Deep page", "../../deep/page/"),
        ("Inner alignment", "../inner-alignment/"),
        ("Mesa-objective", "../mesa-objective/"),
    ]
    page = built.page("glossary/lonely-term/")
    assert page.css_first("#mentioned-in") is None


def test_backlinks_match_the_links_on_every_content_page(built: Site):
    """Page P is under 'Mentioned in' on term T's page exactly when P's text links to T."""
    pages = built_pages(built)
    content = {u: p for u, p in pages.items() if not u.startswith("glossary/")}
    expected: dict[str, set[str]] = {slug: set() for slug in TERMS}
    for url, page in content.items():
        for a in page.css("article a[href]"):
            if slug := term_slug(url, a.attributes["href"]):
                expected[slug].add(url)
    assert expected["mesa-optimizer"] == {"guide/", "other/"}
    for slug in TERMS:
        listed = {
            posixpath.normpath(posixpath.join(f"glossary/{slug}/", href)) + "/"
            for _, href in backlinks(built, slug)
        }
        assert {u for u in listed if not u.startswith("glossary/")} == expected[slug], slug


def test_content_pages_list_key_terms_and_related_reading(built: Site):
    page = built.page("guide/")
    key_terms = [(a.text(), a.attributes["href"]) for a in page.css("ul.glossary-key-terms a")]
    assert key_terms == [
        ("Alignment", "../glossary/alignment/"),
        ("Base objective", "../glossary/base-objective/"),
        ("Deceptive alignment", "../glossary/deceptive-alignment/"),
        ("Goodhart's law", "../glossary/goodharts-law/"),
        ("Inner alignment", "../glossary/inner-alignment/"),  # linked by hand
        ("Mesa-objective", "../glossary/mesa-objective/"),
        ("Mesa-optimizer", "../glossary/mesa-optimizer/"),
    ]
    reading = [
        li.text(deep=True, separator="").strip() for li in page.css(".glossary-related-pages li")
    ]
    assert reading == ["Other page (1 min read)", "Deep page (1 min read)"]
    hrefs = [a.attributes["href"] for a in page.css(".glossary-related-pages a")]
    assert hrefs == ["../other/", "../deep/page/"]
    assert built.page("").css_first("#key-terms") is None  # the home page mentions no term


# -- site-wide settings -------------------------------------------------------------------------


def test_mode_all_links_every_mention_and_exclude_keeps_terms_unlinked(tmp_path: Path):
    site = built_site(
        tmp_path,
        autolink_config(
            "      mode: all\n      exclude: [mesa-objective]\n      allow: [quotes]\n"
        ),
    )
    links = auto_links(site.page("guide/"))
    quote = site.page("guide/").css_first("article blockquote a.glossary-term")
    assert quote.text() == "lonely term"  # the site allows links in quotes
    assert [text for text, _ in links].count("Mesa-optimizers") == 1
    assert ("mesa-optimizer", "../glossary/mesa-optimizer/") in links  # the second mention
    assert ("inner alignment", "../glossary/inner-alignment/") in links  # every mention
    assert not any("mesa-objective" in href for _, href in links)
    article = site.page("guide/").css_first("article")
    for selector in ("h2", "code", ".admonition-title", ".nolink"):
        assert all(e.css("a.glossary-term") == [] for e in article.css(selector)), selector
    assert auto_links(site.page("glossary/inner-alignment/")) == [
        ("base objective", "../base-objective/")  # not the mesa-objective before it
    ]
    # An excluded term is still a term: a hand-written link gets its definition and counts.
    hand = site.page("other/").css_first('a[href="../glossary/mesa-objective/"]')
    assert hand.attributes["title"] == definition("mesa-objective")
    assert ("Other page", "../../other/") in backlinks(site, "mesa-objective")


def test_autolink_disabled_site_wide(tmp_path: Path):
    site = built_site(tmp_path, autolink_config("      enabled: false\n"))
    for url, page in built_pages(site).items():
        assert auto_links(page) == [], url
    assert backlinks(site, "mesa-optimizer") == [("Other page", "../../other/")]
    link = site.page("guide/").css_first('a[href="../glossary/inner-alignment/"]')
    assert link.attributes["title"] == definition("inner-alignment")


def test_a_bad_autolink_mode_is_a_clear_error(tmp_path: Path):
    site = populate(make_site(tmp_path, autolink_config("      mode: most\n")))
    result = site.build()
    assert result.returncode == 1
    output = result.stdout + result.stderr
    assert re.search(
        r"mkdocs.yml:\d+:1: error: extra.glossary.autolink.mode: must be 'first' or 'all', not 'most'",
        output,
    )
    assert "Traceback" not in output


def test_a_bad_autolink_allow_is_a_clear_error(tmp_path: Path):
    site = populate(make_site(tmp_path, autolink_config("      allow: [code]\n")))
    result = site.build()
    assert result.returncode == 1
    assert re.search(
        r"mkdocs.yml:\d+:1: error: extra.glossary.autolink.allow: must be a list of "
        r"'headings' and 'quotes', not \['code'\]",
        result.stdout + result.stderr,
    )


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
