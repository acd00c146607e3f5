"""The site's search finds a term by its name, its aliases and the words of its definition,
and a term's own page comes first for its name and each alias: with Pagefind (the
default), and with Material's lunr search, its term pages indexed whole and (above
`search.full_text_limit`) by names, definitions and FAQ questions only."""

from __future__ import annotations

import re
from collections import Counter

import pytest
from playwright.sync_api import Page, expect
from selectolax.lexbor import LexborHTMLParser

from .conftest import Site
from .reading import aliases_not_in_top_three, names_not_first, open_page, rank, search

ENGINES = {"pagefind": "site", "lunr, whole pages": "lunr_site", "lunr, summaries": "summary_site"}


@pytest.fixture(scope="module", params=list(ENGINES))
def indexed(request) -> Site:
    """The project's site, searched by each engine and way of indexing in turn."""
    return request.getfixturevalue(ENGINES[request.param])


def test_typing_a_term_name_lists_its_page_first(page: Page, indexed, terms, term_slug):
    term = next(t for t in terms if t.slug == term_slug)
    open_page(page, indexed.url)
    results = search(page, term.term)
    assert results[0] == f"{indexed.url}glossary/{term.slug}/", results[:5]


def test_typing_an_alias_with_a_space_for_its_hyphen_finds_the_term(page: Page, indexed, terms):
    mesa_optimizer = next(t for t in terms if t.slug == "mesa-optimizer")
    assert "mesa-optimiser" in mesa_optimizer.aliases  # the example of the issue
    open_page(page, indexed.url)
    results = search(page, "mesa optimiser")
    assert results[0] == f"{indexed.url}glossary/mesa-optimizer/", results[:5]


def test_typing_words_of_a_short_definition_finds_the_term(
    page: Page, indexed, terms, term_slug, frequency
):
    term = next(t for t in terms if t.slug == term_slug)
    words = definition_words(frequency, term.short_definition)
    open_page(page, indexed.url)
    results = search(page, words)
    assert f"{indexed.url}glossary/{term.slug}/" in results[:3], (words, results[:5])


def test_search_opens_the_chosen_term_page(page: Page, indexed, terms, term_slug):
    term = next(t for t in terms if t.slug == term_slug)
    open_page(page, indexed.url)
    search(page, term.term)
    page.locator(".md-search-result__item > a").first.click()
    page.wait_for_url(f"{indexed.url}glossary/{term.slug}/*")
    expect(page.locator("article h1")).to_contain_text(term.term)


def test_every_term_page_is_the_first_result_for_its_name(page: Page, indexed, terms):
    open_page(page, indexed.url)
    assert names_not_first(page, terms) == {}


def test_every_alias_finds_its_term_among_the_first_three(page: Page, indexed, terms):
    assert any(t.aliases for t in terms), "the starter glossary has aliases"
    open_page(page, indexed.url)
    assert aliases_not_in_top_three(page, terms) == {}


def test_with_pagefind_every_alias_lists_its_term_first(page: Page, site, terms):
    aliases = {alias: t.slug for t in terms for alias in t.aliases}
    open_page(page, site.url)
    ranked = rank(page, list(aliases))
    wrong = {
        a: ranked[a][:3] for a, slug in aliases.items() if ranked[a][:1] != [f"glossary/{slug}/"]
    }
    assert wrong == {}


def test_with_pagefind_every_question_finds_its_term_on_the_first_screen(page: Page, site, terms):
    questions = {item.question: t.slug for t in terms for item in t.faq}
    assert questions, "the starter glossary has FAQs"
    open_page(page, site.url)
    ranked = rank(page, list(questions))
    missing = {
        q: ranked[q][:3]
        for q, slug in questions.items()
        if f"glossary/{slug}/" not in ranked[q][:3]
    }
    assert missing == {}
    first = [q for q, slug in questions.items() if ranked[q][:1] == [f"glossary/{slug}/"]]
    assert len(first) >= 0.9 * len(questions), set(questions) - set(first)


def test_every_term_is_found_by_the_rarest_words_of_its_definition(
    page: Page, indexed, terms, frequency
):
    queries = {definition_words(frequency, t.short_definition): t.slug for t in terms}
    open_page(page, indexed.url)
    ranked = rank(page, list(queries))
    missing = {q: slug for q, slug in queries.items() if f"glossary/{slug}/" not in ranked[q]}
    assert missing == {}
    first_screen = [q for q, slug in queries.items() if f"glossary/{slug}/" in ranked[q][:3]]
    assert len(first_screen) >= 0.8 * len(queries), "most definitions find their term in the top 3"


@pytest.fixture(scope="module")
def frequency(indexed: Site) -> Counter:
    """On how many pages of the site each word appears."""
    seen: Counter = Counter()
    for path in indexed.folder.rglob("*.html"):
        article = LexborHTMLParser(path.read_text("utf-8")).css_first("article")
        if article is not None:
            seen.update(set(re.findall(r"[a-z]+", article.text(separator=" ").lower())))
    return seen


def definition_words(frequency: Counter, definition: str, count: int = 2) -> str:
    """The `count` rarest words of a definition, as a reader who remembers them types them."""
    words = [w for w in dict.fromkeys(re.findall(r"[A-Za-z]+", definition)) if len(w) > 3]
    rare = sorted(words, key=lambda w: frequency[w.lower()])[:count]
    return " ".join(w for w in words if w in rare)


@pytest.mark.parametrize("engine", ["summary_site", "pagefind_summary_site"])
def test_above_the_full_text_limit_every_question_finds_its_term(
    page: Page, request, engine, terms
):
    summary_site = request.getfixturevalue(engine)
    questions = {item.question: t.slug for t in terms for item in t.faq}
    assert questions, "the starter glossary has FAQs"
    open_page(page, summary_site.url)
    ranked = rank(page, list(questions))
    missing = {q: slug for q, slug in questions.items() if f"glossary/{slug}/" not in ranked[q]}
    assert missing == {}
    # Stop words are not searched: "Aligned with whom?" is a search for "aligned" alone.
    first_screen = [q for q, slug in questions.items() if f"glossary/{slug}/" in ranked[q][:3]]
    assert len(first_screen) >= 0.95 * len(questions), set(questions) - set(first_screen)


def test_above_the_full_text_limit_pagefind_leaves_the_explanations_out(
    page: Page, pagefind_summary_site, site, terms
):  # fmt: skip
    """A word of a term's explanation, in no name, definition or question, finds the term
    with whole pages indexed and not above the limit; its name still finds it first."""
    term = next(t for t in terms if t.faq)
    summary = " ".join([*term.names, term.short_definition, *(i.question for i in term.faq)])
    words = [
        w for w in re.findall(r"[a-z]{6,}", term.explanation.lower()) if w not in summary.lower()
    ]
    assert words, "the explanation has words of its own"
    open_page(page, site.url)
    whole = rank(page, words[:1] + [term.term])
    open_page(page, pagefind_summary_site.url)
    summaries = rank(page, words[:1] + [term.term])
    assert f"glossary/{term.slug}/" in whole[words[0]]
    assert f"glossary/{term.slug}/" not in summaries[words[0]]
    assert whole[term.term][:1] == summaries[term.term][:1] == [f"glossary/{term.slug}/"]


@pytest.mark.parametrize("typed", ["mesa-", "inner alignment?", "reward hacking, "])
def test_a_query_ending_in_a_separator_is_asked_without_it(page: Page, indexed, typed):
    # Halfway through typing "mesa-optimizer": lunr alone would read "mesa-" as a wildcard
    # for every word of the index (all pages, and 24 s at 10,000 terms).
    complete = typed.rstrip("-?, ")
    open_page(page, indexed.url)
    ranked = rank(page, [typed, complete])
    assert ranked[complete], "the complete query finds pages"
    assert ranked[typed] == ranked[complete]
