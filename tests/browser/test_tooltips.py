"""Term links show the term's short definition on hover and keyboard focus; on a phone a tap
simply opens the term page, with no tooltip left behind."""

from __future__ import annotations

import pytest
from playwright.sync_api import BrowserContext, Page, expect

from .reading import open_page

TOOLTIP = ".md-tooltip2--active"


@pytest.fixture(scope="module")
def linked_page(site) -> str:
    """A content page with automatic term links, as readers meet them in the prose."""
    for url in site.pages():
        path = url.removeprefix(site.url)
        if path.startswith(("explainers/", "lessons/")) and site.html(path).css_first(
            "article a.glossary-term[title]"
        ):
            return path
    raise AssertionError("no explainer or lesson links a glossary term automatically")


def definitions(terms) -> dict[str, str]:
    return {f"glossary/{t.slug}/": t.short_definition for t in terms}


def linked_definition(href: str, page: Page, site, terms) -> str:
    target = page.evaluate("href => new URL(href, location).href", href)
    return definitions(terms)[target.removeprefix(site.url)]


def test_hovering_a_term_link_shows_its_definition(page: Page, site, terms, linked_page):
    open_page(page, linked_page)
    link = page.locator("article a.glossary-term").first
    expect(page.locator(TOOLTIP)).to_have_count(0)
    link.hover()
    tooltip = page.locator(TOOLTIP)
    expect(tooltip).to_be_visible()
    expect(tooltip).to_have_text(linked_definition(link.get_attribute("href"), page, site, terms))
    box = tooltip.bounding_box()
    assert box and box["x"] >= 0 and box["x"] + box["width"] <= page.viewport_size["width"]
    page.mouse.move(1, 1)
    expect(page.locator(TOOLTIP)).to_have_count(0)


def test_tabbing_to_a_term_link_shows_its_definition(page: Page, site, terms, linked_page):
    open_page(page, linked_page)
    for _ in range(300):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.matches('article a.glossary-term')"):
            break
    else:
        raise AssertionError("Tab never reached a term link in the article")
    definition = linked_definition(
        page.evaluate("document.activeElement.getAttribute('href')"), page, site, terms
    )
    expect(page.locator(TOOLTIP)).to_have_text(definition)
    described_by = page.evaluate("document.activeElement.getAttribute('aria-describedby')")
    expect(page.locator(TOOLTIP)).to_have_attribute("id", described_by)  # screen readers too
    page.evaluate("document.activeElement.blur()")
    expect(page.locator(TOOLTIP)).to_have_count(0)


def test_tapping_a_term_link_on_a_phone_opens_the_term(phone: BrowserContext, site, linked_page):
    page = open_page(phone.new_page(), linked_page)
    link = page.locator("article a.glossary-term").first
    target = page.evaluate("href => new URL(href, location).href", link.get_attribute("href"))
    link.scroll_into_view_if_needed()
    link.tap()
    page.wait_for_url(target)
    page.wait_for_load_state("networkidle")
    expect(page.locator(TOOLTIP)).to_have_count(0)
    page.go_back()
    page.wait_for_load_state("networkidle")
    expect(page.locator(TOOLTIP)).to_have_count(0)
