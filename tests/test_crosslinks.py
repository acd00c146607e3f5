"""Cross-links on built pages: automatic term links, hover definitions, backlinks and related
reading, as a reader of the site meets them.
"""

from __future__ import annotations

import posixpath

import pytest

from crosslinksite import (
    TERMS,
    auto_links,
    backlinks,
    built_pages,
    built_site,
    definition,
    term_slug,
)
from sitebuilder import Site


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Site:
    return built_site(tmp_path_factory.mktemp("crosslinks"))


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
