"""Per-page head data (title, description, canonical, JSON-LD) from MkDocs pages."""

from __future__ import annotations

import html
import logging
from collections import defaultdict
from typing import TYPE_CHECKING
from urllib.parse import urljoin

from mkdocs.structure.pages import Page

from .. import seo
from ..pages import INDEX_URI, category_uri, trim
from ..validate import DESCRIPTION_MAX, DESCRIPTION_MIN

if TYPE_CHECKING:
    from .site import MkDocsGlossary, PageState


def plain_title(page: Page) -> str:
    """A page's title as plain text: MkDocs keeps titles taken from an H1 HTML-escaped."""
    return html.unescape(page.title or "")

log = logging.getLogger("mkdocs.hooks.glossary")


class Heads:
    """Builds each page's Head and remembers them, to catch duplicates across the site."""

    def __init__(self, site: MkDocsGlossary, site_name: str, site_url: str | None):
        self.site = site
        self.site_name = site_name
        self.site_url = site_url or ""
        self.by_page: dict[str, seo.Head] = {}

    def absolute(self, uri: str) -> str:
        file = self.site.files.get_file_from_path(uri)
        return urljoin(self.site_url, file.url if file else uri)

    def crumb(self, name: str, uri: str) -> seo.Crumb:
        return seo.Crumb(name, self.absolute(uri))

    def for_page(self, page: Page, state: PageState) -> seo.Head:
        site, graph = self.site, self.site.graph
        uri = page.file.src_uri
        url = page.canonical_url or self.absolute(uri)
        home = self.crumb("Home", "index.md")
        glossary = self.crumb("Glossary", INDEX_URI)
        if state.slug:
            term = graph.terms[state.slug]
            category = graph.glossary.categories[term.category]
            crumbs = [home, glossary, self.crumb(category.name, category_uri(category.key))]
            head = seo.term_head(
                term, url, [*crumbs, seo.Crumb(term.term, url)], self.site_name, glossary.url
            )
        else:
            title = page.meta.get("title") or plain_title(page) or self.site_name
            description = page.meta.get("description") or site.config_description
            head = seo.Head(
                title=seo.full_title(title, self.site_name),
                description=trim(" ".join(str(description).split()), DESCRIPTION_MAX),
                url=url,
            )
            if page.is_homepage:
                head.title = seo.full_title(self.site_name, self.site_name)
                if title != self.site_name:
                    head.title = f"{self.site_name}: {title}"
                head.json_ld.append(seo.breadcrumbs_ld([home]))
            elif uri == INDEX_URI:
                head.title = seo.full_title(f"Glossary of {len(graph.terms)} terms, A to Z", self.site_name)
                terms = [(t, self.absolute(site.term_uri(t.slug))) for t in graph.glossary.published]
                head.json_ld += [
                    seo.term_set_ld(f"{self.site_name} glossary", url, head.description, terms),
                    seo.breadcrumbs_ld([home, seo.Crumb("Glossary", url)]),
                ]
            elif state.untrusted:  # a category page
                head.title = seo.full_title(f"{title}: glossary category", self.site_name)
                head.json_ld.append(seo.breadcrumbs_ld([home, glossary, seo.Crumb(title, url)]))
            else:
                head.json_ld.append(seo.breadcrumbs_ld([home, seo.Crumb(title, url)]))
                if page.meta.get("last_reviewed"):
                    head.og_type = "article"
                    kind = "LearningResource" if uri.startswith("lessons/") else "Article"
                    head.json_ld.append(
                        seo.article_ld(
                            kind,
                            title,
                            head.description,
                            url,
                            page.meta.get("last_reviewed"),
                            state.citations,
                            self.site_name,
                            self.site_url,
                        )
                    )
        self.by_page[uri] = head
        return head

    def check(self) -> None:
        """Warn (and so fail a strict build) on what search engines penalise."""
        if not self.site_url:
            log.warning("mkdocs.yml: site_url is not set, so pages have no canonical URL")
        for what in ("title", "description"):
            seen: dict[str, list[str]] = defaultdict(list)
            for uri, head in self.by_page.items():
                seen[getattr(head, what)].append(uri)
            for value, uris in seen.items():
                if len(uris) > 1:
                    log.warning(
                        f"{len(uris)} pages share the {what} {value!r}: {', '.join(sorted(uris))}"
                    )
        for uri, head in self.by_page.items():
            if not self.site.pages[uri].untrusted and not (
                DESCRIPTION_MIN <= len(head.description) <= DESCRIPTION_MAX
            ):
                log.warning(
                    f"{self.site.pages[uri].source}: the description is {len(head.description)} "
                    f"characters; search engines show {DESCRIPTION_MIN}-{DESCRIPTION_MAX} "
                    "(set `description:` in the front matter)"
                )
