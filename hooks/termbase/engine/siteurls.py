"""Source URIs to the URLs MkDocs gives their pages, relative to the site or absolute."""

from __future__ import annotations

import html
from urllib.parse import urljoin

from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page


def plain_title(page: Page) -> str:
    """A page's title as plain text: MkDocs keeps titles taken from an H1 HTML-escaped."""
    return html.unescape(page.title or "")


class SiteUrls:
    """Page URLs of this build's files (our URIs are normalised already: no lookups by path)."""

    def __init__(self, files: Files, site_url: str | None):
        self.by_uri = files.src_uris
        self.site_url = site_url or ""

    def url_for(self, uri: str) -> str:
        file = self.by_uri.get(uri)
        return file.url if file else uri

    def absolute(self, uri: str) -> str:
        return urljoin(self.site_url, self.url_for(uri))

    def page(self, uri: str) -> Page | None:
        file = self.by_uri.get(uri)
        return file.page if file else None
