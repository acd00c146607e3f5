"""Keyboard only: Tab reaches every control a reader can see, and the one in focus always
shows it (an outline, a shadow, or on the concept map a box drawn in the accent colour)."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from .reading import open_page, tab_through

# One page of each kind, found in the built site.
KINDS = {
    "home": lambda paths: "",
    "term": None,  # the term_slug fixture's page
    "glossary index": lambda paths: "glossary/",
    "category": lambda paths: next(p for p in paths if p.startswith("glossary/category/")),
    "concept map": lambda paths: next(p for p in paths if p.startswith("glossary/map/")),
    "lesson": lambda paths: next(p for p in paths if p.startswith("lessons/")),
    "explainer": lambda paths: next(p for p in paths if p.startswith("explainers/")),
}


@pytest.mark.parametrize("kind", KINDS)
def test_tab_reaches_every_control_and_shows_focus(page: Page, site, term_slug, kind):
    paths = [url.removeprefix(site.url) for url in site.pages()]
    path = f"glossary/{term_slug}/" if kind == "term" else KINDS[kind](paths)
    open_page(page, path)
    stops, missed = tab_through(page)
    assert len(stops) > 10, stops  # header, navigation, content, table of contents
    assert missed == []
    assert [s["html"] for s in stops if not s["visible"]] == []
    assert [s["html"] for s in stops if not s["ring"]] == []
    assert [s["html"] for s in stops if not s["focusVisible"]] == []


def test_the_first_tab_offers_to_skip_to_the_content(page: Page, site, term_slug):
    open_page(page, f"glossary/{term_slug}/")
    page.keyboard.press("Tab")
    text, target = page.evaluate(
        "[document.activeElement.textContent, document.activeElement.getAttribute('href')]"
    )
    assert text.strip().lower().startswith("skip to content")
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == target
    assert page.locator(target).is_visible()
