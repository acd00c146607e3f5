"""Term pages fit phones (360 px) and wide screens (1440 px), in the light and dark palettes,
without sideways scrolling; screenshots of each go to test-artifacts/ for people to look at."""

from __future__ import annotations

import pytest
from playwright.sync_api import BrowserContext, Page, expect

from .reading import ARTIFACTS, DESKTOP, PHONE, open_page, widths

SIZES = {"desktop": DESKTOP, "phone": PHONE}
SCHEMES = {"light": "default", "dark": "slate"}  # reader's preference -> Material's scheme


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("size", SIZES)
def test_a_term_page_fits_the_screen_in_both_palettes(make_context, term_slug, size, scheme):
    context: BrowserContext = make_context(**SIZES[size], color_scheme=scheme)
    page = open_page(context.new_page(), f"glossary/{term_slug}/")
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", SCHEMES[scheme])
    scroll, inner = widths(page)
    assert scroll <= inner
    assert inner == SIZES[size]["viewport"]["width"]
    lead = page.locator(".glossary-lead")
    expect(lead).to_be_in_viewport()  # the definition is on the first screen
    box = lead.bounding_box()
    assert box and box["x"] >= 0 and box["x"] + box["width"] <= inner
    text, background = page.evaluate(
        """() => [getComputedStyle(document.querySelector('article p')).color,
                  getComputedStyle(document.body).backgroundColor]"""
    )
    assert text != background
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=ARTIFACTS / f"term-{size}-{scheme}.png")
    page.screenshot(path=ARTIFACTS / f"term-{size}-{scheme}-full.png", full_page=True)


def test_no_term_page_scrolls_sideways_on_a_phone(phone: BrowserContext, site, terms):
    page = phone.new_page()
    too_wide = {}
    for term in terms:
        page.goto(f"glossary/{term.slug}/", wait_until="load")
        scroll, inner = widths(page)
        if scroll > inner:
            too_wide[term.slug] = scroll
    assert too_wide == {}


def test_the_palette_switch_turns_dark_and_is_remembered(page: Page, term_slug):
    open_page(page, f"glossary/{term_slug}/")
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "default")
    page.get_by_title("Switch to dark mode").click()
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")
    open_page(page, "glossary/")
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")
    page.get_by_title("Switch to light mode").click()
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "default")


def test_the_concept_map_stays_legible_on_a_phone(phone: BrowserContext, term_slug):
    page = open_page(phone.new_page(), f"glossary/{term_slug}/")
    labels = page.locator(".glossary-map text")
    assert labels.count() > 2
    heights = [labels.nth(i).bounding_box()["height"] for i in range(labels.count())]
    assert min(heights) >= 10  # CSS pixels: shrunk to fit 360 px they would be about 7
    scroll, inner = widths(page)
    assert scroll <= inner  # the map scrolls inside its own box, never the page
