"""A glossary of YAML files becomes term pages, an A-Z index and category pages.

How each build makes the search index, and the settings that shape it, are tested in
test_search_builds.py.
"""

from __future__ import annotations

import json
import subprocess

import pytest

from sitebuilder import Site, make_site, pagefind_pages, tree_digest
from termbase.engine.search import pagefind_command


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Site:
    site = make_site(tmp_path_factory.mktemp("site"))
    site.term(
        "mesa-optimization",
        term="Mesa-optimization",
        aliases=["mesa-optimisation", "mesa-optimiser"],
        short_definition="Mesa-optimization is when a trained model is itself an optimizer "
        "with an objective of its own.",
        explanation="The base optimizer *searches* over models.\n\n## An example\n\nA maze agent.\n",
        related=["inner-alignment"],
        faq=[
            {"question": "Is it real?", "answer": "Open research, see **Hubinger**."},
            {"question": "Why care?", "answer": "Because objectives can differ."},
        ],
        references=[
            {
                "title": "Risks from Learned Optimization in Advanced Machine Learning Systems",
                "authors": ["Evan Hubinger", "Chris van Merwijk"],
                "year": 2019,
                "url": "https://arxiv.org/abs/1906.01820",
            },
            {
                "title": "A shortened list",
                "authors": ["First Author", "Second Author"],
                "et_al": True,
                "year": 2023,
                "url": "https://example.org/short",
            },
            {
                "title": "An edited volume",
                "editors": ["One Editor", "Two Editor"],
                "year": 2009,
                "url": "https://example.org/volume",
            },
        ],
    )
    site.term("inner-alignment", term="Inner alignment", category="risks")
    site.term("base-optimizer", term="Base optimizer", related=["mesa-optimization"])
    site.term("zeta-draft", term="Zeta draft", draft=True)
    site.term("1-digit-term", term="1 digit term")
    site.write(
        "content/index.md",
        "# Home\n\nStart with [the idea](glossary/mesa-optimization.md).\n",
    )
    result = site.build()
    assert result.returncode == 0, result.stderr
    return site


def test_term_page_shows_every_field_in_order(built: Site):
    page = built.page("glossary/mesa-optimization/")
    article = page.css_first("article")
    assert page.css_first("h1").text() == "Mesa-optimization"
    lead = article.css_first("p.glossary-lead")
    assert lead.text().startswith("Mesa-optimization is when a trained model")
    assert "mesa-optimisation, mesa-optimiser" in article.css_first(".glossary-aliases").text()
    assert "searches" in [em.text() for em in article.css("p > em")]  # Markdown rendered
    assert [h.text() for h in article.css("h3")] == ["Is it real?", "Why care?"]
    assert "Open research" in article.text()
    headings = [h.attributes.get("id") for h in article.css("h2")]
    assert headings.index("faq") < headings.index("related-terms") < headings.index("references")
    reference, shortened, edited = article.css("ol.glossary-references li")
    assert "Evan Hubinger, Chris van Merwijk (2019)" in reference.text()
    assert " ".join(shortened.text().split()).startswith(
        "First Author, Second Author et al. (2023)."
    )
    assert " ".join(edited.text().split()).startswith("One Editor, Two Editor (eds.) (2009).")
    assert reference.css_first("a").attributes["href"] == "https://arxiv.org/abs/1906.01820"
    meta = article.css_first(".glossary-term-meta")
    assert meta.css_first("a").attributes["href"] == "../category/core/"
    assert meta.css_first("time").attributes["datetime"] == "2026-05-05"
    crumbs = [a.text() for a in article.css(".glossary-breadcrumbs a")]
    assert crumbs == ["Home", "Glossary", "Core concepts"]
    assert article.css_first('.glossary-breadcrumbs [aria-current="page"]').text() == (
        "Mesa-optimization"
    )


def test_meta_description_is_the_short_definition(built: Site):
    page = built.page("glossary/mesa-optimization/")
    description = page.css_first('meta[name="description"]').attributes["content"]
    assert description.startswith("Mesa-optimization is when a trained model")
    assert page.css_first("title").text().startswith("Mesa-optimization")


def related_hrefs(site: Site, slug: str) -> dict[str, str]:
    links = site.page(f"glossary/{slug}/").css("ul.glossary-related a")
    return {a.text(): a.attributes["href"] for a in links}


def test_related_terms_show_both_ways_with_definitions(built: Site):
    assert related_hrefs(built, "mesa-optimization") == {
        "Inner alignment": "../inner-alignment/",  # listed by the term itself
        "Base optimizer": "../base-optimizer/",  # lists mesa-optimization
    }
    assert related_hrefs(built, "inner-alignment") == {"Mesa-optimization": "../mesa-optimization/"}
    assert related_hrefs(built, "base-optimizer") == {"Mesa-optimization": "../mesa-optimization/"}
    item = built.page("glossary/inner-alignment/").css_first("ul.glossary-related li")
    assert "trained model is itself an optimizer" in item.text()
    for slug in ("mesa-optimization", "inner-alignment", "base-optimizer"):
        for href in related_hrefs(built, slug).values():
            assert (built.root / "site/glossary" / href.strip("./") / "index.html").is_file()


def test_drafts_are_not_published_anywhere(built: Site):
    assert not (built.root / "site/glossary/zeta-draft").exists()
    for html in (built.root / "site").rglob("*.html"):
        assert "Zeta draft" not in html.read_text(encoding="utf-8"), html
    assert "zeta-draft" not in (built.root / "site/sitemap.xml").read_text()


def test_index_lists_terms_a_to_z_with_letter_jumps(built: Site):
    index = built.page("glossary/")
    items = [
        a.text() for a in index.css("article li > a") if "category" not in a.attributes["href"]
    ]
    assert items == ["1 digit term", "Base optimizer", "Inner alignment", "Mesa-optimization"]
    jumps = {a.text(): a.attributes["href"] for a in index.css(".glossary-letters a")}
    assert jumps == {"#": "#letter-other", "B": "#letter-b", "I": "#letter-i", "M": "#letter-m"}
    for target in jumps.values():
        assert index.css_first(target) is not None
    assert "trained model is itself an optimizer" in index.css_first("article").text()


def test_category_pages_list_their_terms(built: Site):
    core = built.page("glossary/category/core/")
    assert core.css_first("h1").text() == "Core concepts"
    names = [a.text() for a in core.css("article li a")]
    assert names == ["1 digit term", "Base optimizer", "Mesa-optimization"]
    risks = built.page("glossary/category/risks/")
    assert [a.text() for a in risks.css("article li a")] == ["Inner alignment"]


def test_navigation_holds_index_and_categories_not_terms(built: Site):
    nav = built.page("").css_first("nav.md-nav--primary")
    hrefs = [a.attributes.get("href") for a in nav.css("a")]
    assert "glossary/category/core/" in hrefs and "glossary/category/risks/" in hrefs
    assert not any(h and "mesa-optimization" in h for h in hrefs)


def test_content_links_to_term_pages_resolve(built: Site):
    link = built.page("").css_first("article a[href='glossary/mesa-optimization/']")
    assert link is not None


def test_content_link_to_a_missing_term_fails_the_strict_build(site: Site):
    site.term("real-term")
    site.write("content/index.md", "# Home\n\nSee [nothing](glossary/no-such-term.md).\n")
    result = site.build()
    assert result.returncode == 1
    assert "glossary/no-such-term.md" in result.stderr


def test_build_never_writes_into_source_folders(site: Site):
    site.term("alpha", related=["beta"])
    site.term("beta")
    before = {name: tree_digest(site.root / name) for name in ("glossary", "content")}
    assert site.build().returncode == 0
    after = {name: tree_digest(site.root / name) for name in ("glossary", "content")}
    assert before == after


def test_a_large_index_gets_one_page_per_letter(tmp_path):
    site = make_site(tmp_path, "extra:\n  glossary:\n    index_page_limit: 3\n")
    for name in ("Apple", "Avocado", "Banana", "Cherry"):
        site.term(name.lower(), term=name)
    result = site.build()
    assert result.returncode == 0, result.stderr
    index = site.page("glossary/")
    jumps = {a.text(): a.attributes["href"] for a in index.css(".glossary-letters a")}
    assert jumps == {"A": "letter/a/", "B": "letter/b/", "C": "letter/c/"}
    assert not index.css("article li a[href='apple/']")  # terms are on the letter pages
    letter = site.page("glossary/letter/a/")
    assert [a.text() for a in letter.css("article li > a")] == ["Apple", "Avocado"]
    assert letter.css_first("title").text() == "Glossary: A | Test Glossary"
    data = [
        json.loads(s.text())
        for s in letter.css('script[type="application/ld+json"]')
        if "DefinedTermSet" in s.text()
    ][0]
    assert [t["name"] for t in data["hasDefinedTerm"]] == ["Apple", "Avocado"]
    assert data["isPartOf"]["url"] == "https://glossary.example/glossary/"


def test_pagefind_indexes_a_term_with_its_names_and_category(built: Site):
    page = pagefind_pages(built.root / "site")["/glossary/mesa-optimization/"]
    assert "is itself an optimizer" in page["content"] and "A maze agent." in page["content"]
    assert page["filters"]["category"] == ["Core concepts"]
    assert json.loads(page["meta"]["names"]) == [
        "Mesa-optimization",
        "mesa-optimisation",
        "mesa-optimiser",
    ]
    assert page["meta"]["title"] == "Mesa-optimization"  # no permalink sign
    assert not (built.root / "site/search/search_index.json").exists()  # lunr is off


def test_the_search_index_is_the_one_pagefind_makes_of_the_whole_written_site(
    built: Site, tmp_path
):
    """The build hands Pagefind each page cut to what it indexes; the index is the same."""
    whole = tmp_path / "pagefind"
    result = subprocess.run(
        pagefind_command(built.root / "site", whole), capture_output=True, text=True, cwd=tmp_path
    )
    assert result.returncode == 0, result.stdout + result.stderr
    site_index = built.root / "site" / "pagefind"
    assert pagefind_pages(built.root / "site") == pagefind_pages(tmp_path)
    assert len(pagefind_pages(tmp_path)) >= 4
    words = {p.name for p in (site_index / "index").iterdir()}
    assert words == {p.name for p in (whole / "index").iterdir()}
