"""Once loaded, a page needs no network: nothing is fetched from other origins, and with the
connection gone its tooltips, site search and index filter still work. Printed, a page is
the article alone, with the address of each outside link written after it."""

from __future__ import annotations

from urllib.parse import urlsplit

from playwright.sync_api import BrowserContext, Page, expect

from .reading import ARTIFACTS, Watch, open_page, search

CARD = "#glossary-card"  # the hover card of a term link (assets/term-cards.js)


def test_a_loaded_term_page_works_offline(
    context: BrowserContext, page: Page, watch: Watch, lunr_site, term_slug
):
    # Material's lunr search holds its whole index once a page has loaded; Pagefind fetches
    # the chunks each query needs (the next test).
    watch.origin = "{0.scheme}://{0.netloc}/".format(urlsplit(lunr_site.url))
    open_page(page, f"{lunr_site.url}glossary/{term_slug}/")
    context.set_offline(True)
    link = (
        page.locator("article a[href^='../']:not(.headerlink)")
        .filter(has_not=page.locator("xpath=ancestor::nav"))
        .first
    )
    link.hover()
    expect(page.locator(CARD)).to_be_visible()
    results = search(page, "mesa optimiser")
    assert results[0] == f"{lunr_site.url}glossary/mesa-optimizer/"
    assert watch.problems == []
    assert watch.foreign == []


def test_offline_pagefind_answers_what_it_fetched_and_says_why_not_the_rest(
    context: BrowserContext, page: Page, watch: Watch, site
):
    open_page(page, "glossary/")
    assert search(page, "mesa optimiser")[0] == f"{site.url}glossary/mesa-optimizer/"
    context.set_offline(True)
    assert search(page, "mesa optimiser")[0] == f"{site.url}glossary/mesa-optimizer/"
    page.locator("input.md-search__input").press("Control+a")
    page.keyboard.type("zebra", delay=10)
    expect(page.locator(".md-search-result__meta")).to_contain_text("needs a connection")
    # The failed fetches themselves, and Pagefind's console note of them, are expected.
    expected = ("request failed", "Failed to load the index chunk")
    assert [p for p in watch.problems if not any(e in p for e in expected)] == []
    assert watch.foreign == []


def test_the_glossary_index_filters_offline(context: BrowserContext, page: Page, watch: Watch):
    open_page(page, "glossary/")
    context.set_offline(True)
    page.get_by_label("Filter the glossary").press_sequentially("zzqx")
    expect(page.get_by_role("status")).to_contain_text("No term matches")
    page.get_by_label("Filter the glossary").fill("")
    page.get_by_label("Filter the glossary").press_sequentially("mesa")
    expect(page.get_by_role("status")).to_contain_text("terms match")
    assert watch.problems == []
    assert watch.foreign == []


def test_a_printed_term_page_is_the_article_with_link_addresses(page: Page, term_slug, terms):
    term = next(t for t in terms if t.slug == term_slug)
    assert any(ref.url.startswith("http") for ref in term.references), "needs an outside link"
    open_page(page, f"glossary/{term_slug}/")
    page.emulate_media(media="print")
    for chrome in [
        ".md-header",
        ".md-sidebar--primary",
        ".md-sidebar--secondary",
        ".md-search",
        ".md-footer",
        ".glossary-breadcrumbs",
    ]:
        expect(page.locator(chrome).first).to_be_hidden()
    expect(page.locator("article h1")).to_be_visible()
    expect(page.locator(".glossary-lead")).to_be_visible()
    outside = page.locator("article a[href^='http']").first
    after = outside.evaluate("a => getComputedStyle(a, '::after').content")
    assert outside.get_attribute("href") in after
    inside = page.locator("article a[href^='../']").first
    assert inside.evaluate("a => getComputedStyle(a, '::after').content") in ("none", "normal")
    article = page.locator("article").bounding_box()
    assert article and article["width"] > 0.8 * page.viewport_size["width"]  # no empty columns
    ARTIFACTS.mkdir(exist_ok=True)
    pdf = page.pdf(path=ARTIFACTS / "term-print.pdf", format="A4")
    assert pdf.startswith(b"%PDF")
