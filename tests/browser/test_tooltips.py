"""Term links open a hover card (term, category, short definition, "Read more"): on hover
after a short delay, on keyboard focus, on a first tap on a phone (a second tap follows the
link); Escape and moving away close it; it stays inside the viewport; with JavaScript off,
links keep their definitions as titles and go to their pages."""

from __future__ import annotations

import pytest
from playwright.sync_api import BrowserContext, Page, expect

from sitebuilder import project_glossary

from .reading import open_page
from .test_accessibility import AXE

CARD = "#glossary-card"
TERM_LINK = "article a.glossary-term"


@pytest.fixture(scope="module")
def linked_page(site) -> str:
    """A content page with automatic term links, as readers meet them in the prose."""
    for url in site.pages():
        path = url.removeprefix(site.url)
        if path.startswith(("explainers/", "lessons/")) and site.html(path).css_first(
            f"{TERM_LINK}[title]"
        ):
            return path
    raise AssertionError("no explainer or lesson links a glossary term automatically")


@pytest.fixture(scope="module")
def categories() -> dict[str, str]:
    """Category names by key, as the cards show them."""
    glossary = project_glossary()
    return {key: category.name for key, category in glossary.categories.items()}


def linked_term(link, page: Page, site, terms):
    target = page.evaluate("href => new URL(href, location).href", link.get_attribute("href"))
    return next(t for t in terms if f"glossary/{t.slug}/" == target.removeprefix(site.url))


def expect_card_for(page: Page, term, categories: dict[str, str]) -> None:
    card = page.locator(CARD)
    expect(card).to_be_visible()
    expect(card.locator("strong")).to_have_text(term.term)
    expect(card.locator(".glossary-card__category")).to_have_text(categories[term.category])
    expect(card.locator(".glossary-card__definition")).to_have_text(term.short_definition)
    more = card.locator("a.glossary-card__more")
    expect(more).to_have_text("Read more")
    assert more.evaluate("a => a.href").endswith(f"/glossary/{term.slug}/")


def inside_viewport(page: Page) -> None:
    box = page.locator(CARD).bounding_box()
    width = page.evaluate("document.documentElement.clientWidth")
    assert box and box["x"] >= 0 and box["x"] + box["width"] <= width, (box, width)
    height = page.evaluate("document.documentElement.clientHeight")
    assert box["y"] >= 0 and box["y"] + box["height"] <= height, (box, height)


def test_hovering_a_term_link_opens_its_card_after_a_delay(
    page, site, terms, categories, linked_page
):
    open_page(page, linked_page)
    link = page.locator(TERM_LINK).first
    link.scroll_into_view_if_needed()
    assert link.get_attribute("title") is None  # the card replaces the browser's tooltip
    link.hover()
    expect(page.locator(CARD)).to_be_hidden(timeout=200)  # not at once: a pointer passing by
    expect_card_for(page, linked_term(link, page, site, terms), categories)
    assert page.locator(".md-tooltip2--active").count() == 0  # no second tooltip on top
    inside_viewport(page)
    page.locator(f"{CARD} .glossary-card__more").hover()  # the pointer may move onto the card
    page.wait_for_timeout(600)
    expect(page.locator(CARD)).to_be_visible()
    page.mouse.move(1, 1)
    expect(page.locator(CARD)).to_be_hidden()


def test_focusing_a_term_link_opens_its_card_and_escape_closes_it(
    page, site, terms, categories, linked_page
):
    open_page(page, linked_page)
    for _ in range(300):
        page.keyboard.press("Tab")
        if page.evaluate(f"document.activeElement.matches('{TERM_LINK}')"):
            break
    else:
        raise AssertionError("Tab never reached a term link in the article")
    link = page.locator(":focus")
    term = linked_term(link, page, site, terms)
    expect_card_for(page, term, categories)
    # Screen readers hear the card as the link's description.
    described = link.get_attribute("aria-describedby")
    expect(page.locator(f"#{described}")).to_have_text(term.short_definition)
    page.keyboard.press("Escape")
    expect(page.locator(CARD)).to_be_hidden()
    assert page.evaluate(f"document.activeElement.matches('{TERM_LINK}')")  # focus stays
    page.keyboard.press("Shift+Tab")  # moving away leaves no card behind
    expect(page.locator(CARD)).to_be_hidden()


def test_a_tap_opens_the_card_and_a_second_tap_follows_the_link(
    phone: BrowserContext, site, terms, categories, linked_page
):
    page = open_page(phone.new_page(), linked_page)
    before = page.url
    link = page.locator(TERM_LINK).last
    term = linked_term(link, page, site, terms)
    link.scroll_into_view_if_needed()
    link.tap()
    expect_card_for(page, term, categories)
    assert page.url == before
    inside_viewport(page)  # 360 px wide
    page.locator("h1").first.tap()  # a tap elsewhere closes it
    expect(page.locator(CARD)).to_be_hidden()
    link.tap()
    expect(page.locator(CARD)).to_be_visible()
    link.tap()
    page.wait_for_url(f"{site.url}glossary/{term.slug}/")


def test_cards_stay_inside_a_narrow_viewport_for_every_link(phone, site, linked_page):
    page = open_page(phone.new_page(), linked_page)
    links = page.locator(TERM_LINK)
    for index in range(min(links.count(), 12)):
        link = links.nth(index)
        link.scroll_into_view_if_needed()
        link.tap()
        expect(page.locator(CARD)).to_be_visible()
        inside_viewport(page)
        page.keyboard.press("Escape")


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_an_open_card_has_no_serious_accessibility_violation(make_context, linked_page, scheme):
    page = open_page(make_context(color_scheme=scheme).new_page(), linked_page)
    link = page.locator(TERM_LINK).first
    link.scroll_into_view_if_needed()
    link.hover()
    expect(page.locator(CARD)).to_be_visible()
    # The pointer on the card, so the link is not in Material's hover colour (the accent,
    # which no text of Material's is measured in).
    page.locator(f"{CARD} strong").hover()
    page.add_script_tag(path=AXE)
    violations = page.evaluate(
        """async () => (await axe.run(document, {resultTypes: ['violations']})).violations
          .filter(v => ['serious', 'critical'].includes(v.impact))
          .map(v => ({id: v.id, nodes: v.nodes.slice(0, 5).map(n => n.target.join(' '))}))"""
    )
    assert violations == []


def test_without_javascript_term_links_keep_their_titles_and_go_to_their_pages(
    make_context, site, terms, linked_page
):
    page = open_page(make_context(java_script_enabled=False).new_page(), linked_page)
    link = page.locator(TERM_LINK).first
    term = linked_term(link, page, site, terms)
    assert link.get_attribute("title") == term.short_definition
    link.click()
    page.wait_for_url(f"{site.url}glossary/{term.slug}/")
    expect(page.locator("h1")).to_contain_text(term.term)
