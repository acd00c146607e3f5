"""Per-page head data (title, description, canonical, JSON-LD) from MkDocs pages."""

from __future__ import annotations

import functools
import html
import logging
from collections import defaultdict
from typing import TYPE_CHECKING
from urllib.parse import urljoin

from mkdocs.structure.pages import Page

from .. import seo
from ..model import Term
from ..pages import INDEX_URI, by_letter, category_uri, letter_uri, trim
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
        file = self.site.files.src_uris.get(uri)
        return urljoin(self.site_url, file.url if file else uri)

    def crumb(self, name: str, uri: str) -> seo.Crumb:
        return seo.Crumb(name, self.absolute(uri))

    def for_page(self, page: Page, state: PageState) -> seo.Head:
        uri = page.file.src_uri
        url = page.canonical_url or self.absolute(uri)
        if state.slug:
            head = self._term(state.slug, url)
        else:
            description = page.meta.get("description") or self.site.config_description
            title = page.meta.get("title") or plain_title(page) or self.site_name
            head = seo.Head(
                title=seo.full_title(title, self.site_name),
                description=trim(" ".join(str(description).split()), DESCRIPTION_MAX),
                url=url,
            )
            if page.is_homepage:
                head.title = (
                    self.site_name if title == self.site_name else f"{self.site_name}: {title}"
                )
                head.json_ld.append(seo.breadcrumbs_ld([self.home]))
            elif uri == INDEX_URI:
                self._index(head)
            elif state.untrusted:  # category, letter and map pages of the glossary
                if uri.startswith("glossary/category/"):
                    head.title = seo.full_title(f"{title}: glossary category", self.site_name)
                head.json_ld.append(
                    seo.breadcrumbs_ld([self.home, self.glossary, seo.Crumb(title, url)])
                )
                if uri.startswith("glossary/letter/"):
                    self._letter(head, title, uri)
            else:
                self._content(head, page, title, state)
        self.by_page[uri] = head
        return head

    @property
    def home(self) -> seo.Crumb:
        return self.crumb("Home", "index.md")

    @property
    def glossary(self) -> seo.Crumb:
        return self.crumb("Glossary", INDEX_URI)

    def _term(self, slug: str, url: str) -> seo.Head:
        term = self.site.graph.terms[slug]
        category = self.site.graph.glossary.categories[term.category]
        crumbs = [
            self.home,
            self.glossary,
            self.crumb(category.name, category_uri(category.key)),
            seo.Crumb(term.term, url),
        ]
        return seo.term_head(term, url, crumbs, self.site_name, self.glossary.url)

    def _index(self, head: seo.Head) -> None:
        published = self.site.graph.glossary.published
        head.title = seo.full_title(f"Glossary of {len(published)} terms, A to Z", self.site_name)
        # A paginated index names its terms on the letter pages, each a part of this set.
        paginated = len(published) > self.site.settings.index_page_limit
        terms = [] if paginated else [(t, self.term_url(t.slug)) for t in published]
        name = f"{self.site_name} glossary"
        head.json_ld += [
            seo.term_set_ld(name, head.url, head.description, terms),
            seo.breadcrumbs_ld([self.home, seo.Crumb("Glossary", head.url)]),
        ]

    def term_url(self, slug: str) -> str:
        return self.absolute(self.site.term_uri(slug))

    @functools.cached_property
    def letter_terms(self) -> dict[str, list[Term]]:
        """Terms by letter page, grouped once for all letter pages."""
        groups = by_letter(self.site.graph.glossary.published)
        return {letter_uri(letter): terms for letter, terms in groups.items()}

    def _letter(self, head: seo.Head, title: str, uri: str) -> None:
        terms = [(t, self.term_url(t.slug)) for t in self.letter_terms.get(uri, [])]
        data = seo.term_set_ld(title, head.url, head.description, terms)
        data["isPartOf"] = {"@type": "DefinedTermSet", "url": self.glossary.url}
        head.json_ld.append(data)

    def _content(self, head: seo.Head, page: Page, title: str, state: PageState) -> None:
        head.json_ld.append(seo.breadcrumbs_ld([self.home, seo.Crumb(title, head.url)]))
        reviewed = page.meta.get("last_reviewed")
        if not reviewed:
            return
        head.og_type = "article"
        kind = "LearningResource" if page.file.src_uri.startswith("lessons/") else "Article"
        head.json_ld.append(
            seo.article_ld(
                kind,
                title,
                head.description,
                head.url,
                reviewed,
                state.citations,
                self.site_name,
                self.site_url,
            )
        )

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
