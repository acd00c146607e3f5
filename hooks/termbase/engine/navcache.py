"""Material's navigation rendered once for all the pages it is the same on.

Material renders the whole nav into every page. On a page outside the nav (a term, a
lesson) no nav item is active, so the nav differs between two such pages only by its
relative links, and those are the same for two pages in one folder unless a nav page lies
below one of them. overrides/partials/nav.html asks `nav_once(page)` for the nav, and
Material's template (partials/material-nav.html) renders it once for each such folder.
With `toc.integrate` the nav holds the page's own table of contents: then nothing is reused.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable, Iterable

from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page


class NavOnce:
    """`nav_once` of the templates, for one build."""

    def __init__(self, navs: Iterable[Navigation], features: list[str]):
        self.nav_urls = frozenset(page.url for nav in navs for page in nav.pages)
        self.reuse = "toc.integrate" not in features
        self.html: dict[str, str] = {}

    def folder(self, page: object) -> str | None:
        """The folder whose pages share this page's nav, or None if the page has its own."""
        if not self.reuse or not isinstance(page, Page):
            return None
        url = page.url
        if not url or url in self.nav_urls:
            return None
        if url.endswith("/") and any(other.startswith(url) for other in self.nav_urls):
            return None  # a nav page below this one: its link from here is this page's own
        return posixpath.dirname(url.rstrip("/"))

    def __call__(self, page: object, caller: Callable[[], str]) -> str:
        folder = self.folder(page)
        if folder is None:
            return caller()
        if folder not in self.html:
            self.html[folder] = caller()
        return self.html[folder]
