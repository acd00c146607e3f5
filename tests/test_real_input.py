"""Strict builds that survive glossaries written by others: shared definitions, HTML
comments, see entries (`see: slug`), and SEO advice that fails no build."""

from __future__ import annotations

import json

import pytest

from sitebuilder import GLOSSARY, Site, make_site, run

SHARED = "A made-up container object that two imported glossaries define in the very same words."


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Site:
    site = make_site(tmp_path_factory.mktemp("real-input"))
    site.term(
        "pod",
        term="Pod",
        short_definition=SHARED,
        related=["argument"],
        explanation="Its [named inputs](keyword-argument.md) are read at start.\n",
    )
    site.term("pods-old", term="Pod group", short_definition=SHARED)
    site.term(
        "argument",
        term="Argument",
        explanation=(
            "A value passed to a function. <!-- TODO: add the C API view -->\n\n"
            "<!--\nA note\nover lines\n-->\n\n"
            "Write `<!-- as code -->` to show one; <b>bold</b> stays escaped.\n"
        ),
        faq=[{"question": "Why?", "answer": "Because. <!-- ask the editors -->"}],
    )
    site.write("glossary/keyword-argument.yml", "term: Keyword argument\nsee: argument\n")
    site.write("content/index.md", "# Home\n\nA keyword argument is given by name.\n")
    result = site.build()
    assert result.returncode == 0, result.stderr
    return site


def test_terms_sharing_a_definition_get_their_names_in_the_description(built: Site):
    descriptions = {
        slug: built.page(f"glossary/{slug}/")
        .css_first('meta[name="description"]')
        .attributes["content"]
        for slug in ("pod", "pods-old")
    }
    assert descriptions == {"pod": f"Pod: {SHARED}", "pods-old": f"Pod group: {SHARED}"}
    assert all(len(d) <= 160 for d in descriptions.values())


def test_html_comments_are_dropped_and_other_html_stays_escaped(built: Site):
    page = built.page("glossary/argument/")
    text = page.css_first("article").text()
    assert "TODO" not in text and "A note" not in text and "ask the editors" not in text
    assert "<!-- as code -->" in page.css_first("article code").text()
    assert "<b>bold</b>" in text  # shown as text, not rendered
    assert page.css_first("article b") is None


def test_a_see_entry_is_a_noindex_redirect_to_its_term(built: Site):
    page = built.page("glossary/keyword-argument/")
    target = "https://glossary.example/glossary/argument/"
    assert page.css_first('link[rel="canonical"]').attributes["href"] == target
    assert page.css_first('meta[name="robots"]').attributes["content"] == "noindex,follow"
    assert page.css_first('meta[http-equiv="refresh"]').attributes["content"] == f"0; url={target}"
    assert page.css_first("article a").attributes["href"] == "../argument/"
    assert "keyword-argument" not in (built.root / "site/sitemap.xml").read_text()
    # not in search: Pagefind indexes only the pages marked as its body
    assert page.css_first("[data-pagefind-body]") is None
    assert built.page("glossary/argument/").css_first("[data-pagefind-body]") is not None


def test_a_see_entry_is_only_a_pointer_in_glossary_json_and_the_index(built: Site):
    data = json.loads((built.root / "site/glossary.json").read_text())
    assert "keyword-argument" not in [t["slug"] for t in data["terms"]]
    assert data["see"] == [
        {
            "term": "Keyword argument",
            "see": "argument",
            "url": "https://glossary.example/glossary/argument/",
        }
    ]
    assert "Keyword argument" not in built.page("glossary/").css_first("article").text()


def test_a_link_to_a_see_entry_is_a_link_to_its_page(built: Site):
    link = built.page("glossary/pod/").css_first('article a[href="../keyword-argument/"]')
    assert link is not None and link.text() == "named inputs"


def test_a_see_entry_name_links_to_its_term(built: Site):
    link = built.page("").css_first("article a.glossary-term")
    assert (link.text(), link.attributes["href"]) == ("keyword argument", "glossary/argument/")


def test_check_and_linkcheck_count_see_entries_apart(built: Site):
    check = built.check()
    assert check.returncode == 0, check.stderr
    assert "3 term files (3 published, 0 drafts), 1 see entry, 2 categories" in check.stdout
    linkcheck = run([*GLOSSARY, "linkcheck"], built.root)
    assert linkcheck.returncode == 0, linkcheck.stderr
    assert "keyword-argument" not in linkcheck.stderr  # no orphan: its canonical is the term


def test_a_see_entry_to_a_missing_term_is_an_error(site: Site):
    site.term("argument", term="Argument")
    site.write("glossary/keyword-argument.yml", "term: Keyword argument\nsee: arguments\n")
    site.write("glossary/kwarg.yml", "term: Kwarg\nsee: keyword-argument\n")
    result = site.check()
    assert result.returncode == 1
    assert (
        "glossary/keyword-argument.yml:2:1: error: see: unknown term 'arguments' "
        "(did you mean 'argument'?)"
    ) in result.stderr
    assert (
        "glossary/kwarg.yml:2:1: error: 'keyword-argument' is itself a see entry: point to the "
        "term it names, 'arguments'"
    ) in result.stderr
