"""The site in French as a reader meets it: the header's language menu between a term and
its translation, the French home for a page not translated yet, and search in French."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from .reading import Watch, open_page, search


def switch_to(page: Page, language: str) -> None:
    """Open the header's language menu as a reader does, and choose `language`."""
    menu = page.locator(".md-header .md-select").filter(has=page.locator("a.glossary-language"))
    menu.hover()
    link = menu.get_by_role("link", name=language)
    expect(link).to_be_visible()
    link.click()


def test_the_switcher_goes_to_the_translation_and_back(page: Page, watch: Watch, site):
    open_page(page, "glossary/inner-alignment/")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    switch_to(page, "Français")
    page.wait_for_url(f"{site.url}fr/glossary/inner-alignment/")
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    expect(page.locator("article h1")).to_contain_text("Alignement interne")
    expect(page.locator("#related-terms")).to_contain_text("Termes liés")
    switch_to(page, "English")
    page.wait_for_url(f"{site.url}glossary/inner-alignment/")
    expect(page.locator("article h1")).to_contain_text("Inner alignment")
    assert watch.problems == []


def test_an_untranslated_page_leads_to_the_french_home_which_says_so(page: Page, site):
    open_page(page, "glossary/goodharts-law/")
    notice = page.locator("#untranslated")
    switch_to(page, "Français")
    page.wait_for_url(f"{site.url}fr/#untranslated")
    expect(notice).to_be_visible()
    expect(notice).to_contain_text("pas encore traduite")
    open_page(page, "fr/")
    expect(page.locator("#untranslated")).to_be_hidden()  # only for readers sent here


def test_search_in_french_finds_a_french_term_by_its_french_alias(page: Page, site):
    open_page(page, "fr/")
    found = search(page, "désalignement trompeur")
    assert found[0] == f"{site.url}fr/glossary/deceptive-alignment/"
    # French pages search the French index: English pages are not among the results
    assert all("/fr/" in url for url in found)
