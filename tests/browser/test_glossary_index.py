"""The A-Z index: every term without JavaScript; with it, a labelled box filters the list as
the reader types; the letter row jumps to each letter."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from .reading import open_page

INDEX = "glossary/"
# The terms: the lists under the headings that the letter row links to.
SECTIONS = """[...document.querySelectorAll('.glossary-letters a')]
  .map(a => document.getElementById(decodeURIComponent(a.hash.slice(1))))"""
FILTER = "Filter the glossary"


def visible_terms(page: Page) -> list[str]:
    return page.evaluate(
        SECTIONS + ".flatMap(h => [...h.nextElementSibling.children])"
        ".filter(li => li.offsetParent).map(li => li.querySelector('a').textContent)"
    )


def visible_letters(page: Page) -> list[str]:
    return page.evaluate(
        SECTIONS + ".filter(h => h.offsetParent).map(h => h.textContent.replace('¶', '').trim())"
    )


def test_without_javascript_the_index_lists_every_term(make_context, terms):
    page = open_page(make_context(java_script_enabled=False).new_page(), INDEX)
    assert sorted(visible_terms(page)) == sorted(t.term for t in terms)
    expect(page.get_by_label(FILTER)).to_have_count(0)


def test_typing_filters_the_list_and_hides_empty_letters(page: Page, terms):
    open_page(page, INDEX)
    everything = visible_terms(page)
    assert sorted(everything) == sorted(t.term for t in terms)
    letters = visible_letters(page)
    term = max(terms, key=lambda t: len(t.term))
    box = page.get_by_label(FILTER)
    box.press_sequentially(term.term.lower())
    shown = visible_terms(page)
    assert term.term in shown
    assert len(shown) < len(everything)
    words = term.term.lower().replace("-", " ").split()
    for name in shown:  # every term left matches every typed word, in its name or definition
        t = next(t for t in terms if t.term == name)
        text = " ".join([t.term, t.short_definition, *t.aliases]).lower().replace("-", " ")
        assert all(word in text for word in words), name
    assert visible_letters(page) == sorted({n[0].upper() for n in shown})
    expect(page.get_by_role("status")).to_have_text(
        f"{len(shown)} of {len(everything)} terms match."
    )
    box.fill("")
    box.dispatch_event("input")
    assert visible_terms(page) == everything
    assert visible_letters(page) == letters


def test_an_alias_finds_its_term(page: Page, terms):
    open_page(page, INDEX)
    term, alias = next(
        (t, a)
        for t in terms
        for a in t.aliases
        if a.lower() not in (t.term + " " + t.short_definition).lower()
    )
    page.get_by_label(FILTER).press_sequentially(alias)
    assert term.term in visible_terms(page)


def test_no_match_says_so(page: Page):
    open_page(page, INDEX)
    page.get_by_label(FILTER).press_sequentially("zzqx")
    assert visible_terms(page) == []
    assert visible_letters(page) == []
    expect(page.get_by_role("status")).to_contain_text("No term matches")


def test_letter_links_jump_to_their_section(page: Page):
    open_page(page, INDEX)
    link = page.locator(".glossary-letters a").last
    target = link.get_attribute("href")
    link.click()
    heading = page.locator(target)
    expect(heading).to_be_in_viewport()
    assert page.url.endswith(target)
    assert page.evaluate("window.scrollY") > 0


def test_letter_links_jump_on_a_phone(phone):
    page = open_page(phone.new_page(), INDEX)
    link = page.locator(".glossary-letters a").last
    link.tap()
    expect(page.locator(link.get_attribute("href"))).to_be_in_viewport()
