"""Every page of the real site loads cleanly: no console errors, no failed requests, and
nothing fetched from another origin (no web fonts or scripts from the internet)."""

from __future__ import annotations

from playwright.sync_api import BrowserContext

from .reading import Watch

TABS = 8  # pages loaded side by side: waiting for a quiet network is most of the time


def test_every_page_loads_without_errors_or_failed_requests(
    context: BrowserContext, site, watch: Watch
):
    pages = site.pages()
    assert len(pages) > 40, pages  # the glossary, its categories and the content pages
    tabs = [context.new_page() for _ in range(TABS)]
    for tab in tabs:
        watch.attach(tab)
    headings = {}
    for start in range(0, len(pages), TABS):
        batch = list(zip(tabs, pages[start : start + TABS], strict=False))
        for tab, url in batch:
            tab.goto(url, wait_until="commit")
        for tab, url in batch:
            tab.wait_for_load_state("networkidle")
            headings[url] = tab.locator("article h1").count()
    assert watch.problems == []
    assert watch.foreign == []
    assert [url for url, count in headings.items() if count != 1] == []
