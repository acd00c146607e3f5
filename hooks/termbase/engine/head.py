"""Per-page head data (title, description, canonical, social card, JSON-LD) of MkDocs pages,
and the site-wide check that no two pages share a title or a description."""

from __future__ import annotations

import functools
import logging
from collections import defaultdict
from collections.abc import Callable
from urllib.parse import urljoin

from mkdocs.structure.pages import Page

from termbase.catalog import Gettext, english
from termbase.course.model import Course, Courses
from termbase.course.pages import course_of
from termbase.course.structured import course_ld, lesson_ld
from termbase.engine.pagestate import PageState, PageStates
from termbase.engine.siteurls import SiteUrls, plain_title
from termbase.graph.relations import TermGraph
from termbase.languages import source_part
from termbase.model import Term
from termbase.pages import seo
from termbase.pages.breadcrumbs import (
    Trail,
    chapter_trail,
    lesson_trail,
    listing_trail,
    page_trail,
    term_trail,
)
from termbase.pages.markdown import by_letter, page_description, see_description, trim
from termbase.parts import DEFAULT_PART, part_of
from termbase.reading.rules import DESCRIPTION_MAX, DESCRIPTION_MIN
from termbase.urls import (
    HOME_URI,
    course_uri,
    index_uri,
    is_category,
    is_letter,
    letter_uri,
    part_of_uri,
    term_uri,
)

log = logging.getLogger("mkdocs.hooks.glossary")


class Heads:
    """Builds each page's Head and remembers them, to catch duplicates across the site."""

    def __init__(
        self,
        graph: TermGraph,
        urls: SiteUrls,
        *,
        site_name: str,
        site_description: str,
        index_page_limit: int,
        social_image: str,
        courses: Courses,
        seo_strict: bool = False,
        language_of: Callable[[str], str] = lambda uri: "",  # a page's language code
        gettext: Callable[[str], Gettext] = lambda code: english,  # termbase.catalog
        home_of: Callable[[str], str] = lambda uri: HOME_URI,  # the home of a page's language
    ):
        self.language_of, self.gettext, self.home_of = language_of, gettext, home_of
        self.courses = courses
        self.advise = log.warning if seo_strict else log.info  # SEO advice (README: seo.strict)
        self.graph = graph
        self.urls = urls
        self.site_name = site_name
        self.site_description = site_description
        self.index_page_limit = index_page_limit
        self.image = urljoin(urls.site_url, social_image)
        self.by_page: dict[str, seo.Head] = {}
        self.redirects = {term_uri(slug): entry for slug, entry in graph.redirects.items()}
        self.indexes = {index_uri(part): part for part in graph.glossary.parts}

    def crumbs(self, trail: Trail, name: str, url: str) -> list[seo.Crumb]:
        """The trail above a page, then the page itself."""
        above = [seo.Crumb(title, self.urls.absolute(uri)) for title, uri in trail]
        return [*above, seo.Crumb(name, url)]

    def _(self, uri: str) -> Gettext:
        """The interface text of the page's language."""
        return self.gettext(self.language_of(uri))

    def home(self, uri: str) -> tuple[str, str]:
        """The first crumb of a page: the home page of its language, named in it."""
        return self._(uri)("Home"), self.home_of(uri)

    def for_page(self, page: Page, state: PageState) -> seo.Head:
        uri = page.file.src_uri
        _ = self._(uri)
        url = page.canonical_url or self.urls.absolute(uri)
        if state.slug:
            head = self._term(self.graph.terms[state.slug], url)
        elif redirect := self.redirects.get(uri):
            target = self.graph.terms[redirect.see]
            target_url = self.term_url(target.slug)
            head = seo.Head(
                title=seo.full_title(f"{redirect.term}: see {target.term}", self.site_name),
                description=see_description(redirect, target),
                url=target_url,  # canonical: the term itself
                robots="noindex,follow",
                refresh=target_url,
            )
        else:
            description = page.meta.get("description") or self.site_description
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
                head.json_ld.append(seo.breadcrumbs_ld(self.crumbs([], _("Home"), url)))
            elif uri in self.indexes:
                self._index(head, self.indexes[uri])
            elif found := course_of(self.courses, uri):
                self._course(head, title, *found)
            elif state.untrusted:  # category, letter and map pages of a glossary
                part = part_of_uri(uri)
                name = _(self.graph.glossary.parts.get(part, "Glossary"))
                if is_category(uri):
                    kind = _("glossary") if source_part(part) == DEFAULT_PART else name
                    category = _("%(title)s: %(kind)s category", title=title, kind=kind)
                    head.title = seo.full_title(category, self.site_name)
                trail = listing_trail(part, name, self.home(uri))
                head.json_ld.append(seo.breadcrumbs_ld(self.crumbs(trail, title, url)))
                if is_letter(uri):
                    self._letter(head, title, uri)
            else:
                self._content(head, page, title, state)
        head.image = self.image
        self.by_page[uri] = head
        return head

    def for_term(self, slug: str) -> seo.Head:
        """A term page's head as for_page makes it, without a Page (the JSON payloads)."""
        head = self._term(self.graph.terms[slug], self.urls.absolute(term_uri(slug)))
        head.image = self.image
        return head

    def _term(self, term: Term, url: str) -> seo.Head:
        category = self.graph.glossary.categories[term.category]
        part = part_of(term.slug)
        uri = term_uri(term.slug)
        _ = self._(uri)
        trail = term_trail(category, _(self.graph.glossary.parts[part]), self.home(uri))
        crumbs = self.crumbs(trail, term.term, url)
        description = page_description(term, self.graph.shared_definitions)
        set_url = self.urls.absolute(index_uri(part))
        return seo.term_head(term, url, crumbs, self.site_name, set_url, description, _)

    def _index(self, head: seo.Head, part: str) -> None:
        """The A-Z index of one glossary of the site: a DefinedTermSet."""
        published = self.graph.part(part).glossary.published
        uri = index_uri(part)
        _ = self._(uri)
        title = _(self.graph.glossary.parts[part])
        index = _("%(title)s of %(count)s terms, A to Z", title=title, count=len(published))
        head.title = seo.full_title(index, self.site_name)
        # A paginated index names its terms on the letter pages, each a part of this set.
        paginated = len(published) > self.index_page_limit
        terms = [] if paginated else [(t, self.term_url(t.slug)) for t in published]
        name = f"{self.site_name} glossary" if part == DEFAULT_PART else title
        head.json_ld += [
            seo.term_set_ld(name, head.url, head.description, terms),
            seo.breadcrumbs_ld(self.crumbs(page_trail(uri, self.home(uri)), title, head.url)),
        ]

    def term_url(self, slug: str) -> str:
        return self.urls.absolute(term_uri(slug))

    @functools.cached_property
    def letter_terms(self) -> dict[str, list[Term]]:
        """Terms by letter page, grouped once for all letter pages."""
        return {
            letter_uri(letter, part): terms
            for part in self.graph.glossary.parts
            for letter, terms in by_letter(self.graph.part(part).glossary.published).items()
        }

    def _letter(self, head: seo.Head, title: str, uri: str) -> None:
        terms = [(t, self.term_url(t.slug)) for t in self.letter_terms.get(uri, [])]
        data = seo.term_set_ld(title, head.url, head.description, terms)
        index = self.urls.absolute(index_uri(part_of_uri(uri)))
        data["isPartOf"] = {"@type": "DefinedTermSet", "url": index}
        head.json_ld.append(data)

    def _content(self, head: seo.Head, page: Page, title: str, state: PageState) -> None:
        lesson = self.courses.lessons.get(state.uri)
        trail = page_trail(state.uri, self.home(state.uri))
        if lesson:
            course = self.courses.courses[lesson.course]
            chapter = course.chapter(lesson.chapter)
            assert chapter is not None  # validated
            trail = chapter_trail(course, chapter)
        head.json_ld.append(seo.breadcrumbs_ld(self.crumbs(trail, title, head.url)))
        reviewed = page.meta.get("last_reviewed")
        if not reviewed and not lesson:
            return
        head.og_type = "article"
        kind = "LearningResource" if page.file.src_uri.startswith("lessons/") else "Article"
        data = seo.article_ld(
            kind,
            title,
            head.description,
            head.url,
            reviewed,
            state.citations,
            self.site_name,
            self.urls.site_url,
        )
        if lesson:
            terms = [(self.graph.terms[s].term, self.term_url(s)) for s in lesson.teaches]
            course_url = self.urls.absolute(course_uri(lesson.course))
            data = lesson_ld(lesson, head.url, state.minutes, (course, course_url), terms, data)
        head.json_ld.append(data)

    def _course(self, head: seo.Head, title: str, course: Course, chapter: str | None) -> None:
        """A course page (a Course) or one of its chapter pages."""
        if chapter is None:
            head.title = seo.full_title(f"{title}: a course", self.site_name)
            head.json_ld.append(seo.breadcrumbs_ld(self.crumbs(page_trail(""), title, head.url)))
            lessons = [(x.title, self.urls.absolute(x.uri)) for x in self.courses.of(course.key)]
            site = (self.site_name, self.urls.site_url)
            head.json_ld.append(course_ld(course, head.url, lessons, site))
            return
        head.title = seo.full_title(f"{title}: {course.title}", self.site_name)
        head.json_ld.append(seo.breadcrumbs_ld(self.crumbs(lesson_trail(course), title, head.url)))

    def check(self, states: PageStates) -> None:
        """Warn (and so fail a strict build) on what search engines penalise."""
        if not self.urls.site_url:
            log.warning("mkdocs.yml: site_url is not set, so pages have no canonical URL")
        for what in ("title", "description"):
            # Within one language: translations may share a name (hreflang ties them).
            seen: dict[tuple[str, str], list[str]] = defaultdict(list)
            for uri, head in self.by_page.items():
                seen[self.language_of(uri), getattr(head, what)].append(uri)
            for (_, value), uris in seen.items():
                if len(uris) > 1:
                    log.warning(
                        f"{len(uris)} pages share the {what} {value!r}: {', '.join(sorted(uris))}"
                    )
        for uri, head in self.by_page.items():
            state = states.get(uri)
            if (
                state
                and not state.untrusted
                and not (DESCRIPTION_MIN <= len(head.description) <= DESCRIPTION_MAX)
            ):
                self.advise(
                    f"{state.source}: advice: the description is {len(head.description)} "
                    f"characters; search engines show {DESCRIPTION_MIN}-{DESCRIPTION_MAX} "
                    "(set `description:` in the front matter)"
                )
