"""The template data of each page (`glossary` in overrides/): reading time, key terms,
related pages, the head, and on term pages the term, its map and its backlinks."""

from __future__ import annotations

import logging
import posixpath
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import markdown
from mkdocs.structure.pages import Page

from termbase.catalog import Gettext, english
from termbase.course.pages import CourseViews, course_of
from termbase.engine.head import Heads
from termbase.engine.languages import SiteLanguages
from termbase.engine.pagestate import PageState, PageStates
from termbase.engine.siteurls import SiteUrls, plain_title
from termbase.graph.relations import Mentions, TermGraph
from termbase.model import sort_key
from termbase.pages.glossarymap import MAP_LIMIT, category_map, glossary_map
from termbase.pages.views import TitledLink, cards, term_view
from termbase.parts import part_of
from termbase.urls import GLOSSARY, category_of_uri, is_category, map_uri, term_uri

log = logging.getLogger("mkdocs.hooks.glossary")


class Views:
    """Makes each page's template data once; everything read here about other pages or
    terms is in `shown_elsewhere` too, which the serve-time reuse keys hash."""

    def __init__(
        self,
        graph: TermGraph,
        states: PageStates,
        mentions: Mentions,
        heads: Heads,
        urls: SiteUrls,
        courses: CourseViews,
        docs: Path,
        concept_map_html: Callable[[str], str],  # a term's map as SVG (engine/prework.py)
        languages: SiteLanguages | None = None,
    ):
        self.languages = languages or SiteLanguages()
        self.graph, self.states, self.mentions = graph, states, mentions
        self.heads, self.urls, self.concept_map_html = heads, urls, concept_map_html
        self.courses, self.docs = courses, docs
        self.maps = {map_uri(part): part for part in graph.glossary.parts}

    def of(self, page: Page) -> dict:
        """What the templates in overrides/ show around the page's own content."""
        state = self.states.get(page.file.src_uri)
        if state is None:
            return {}
        if state.view is None:
            state.view = self._view(page, state)
        return state.view

    def link_to(self, uri: str, _: Gettext = english) -> TitledLink | None:
        """A link to a page with its title and reading time (in the language `_` writes)."""
        page = self.urls.page(uri)
        if page is None:
            return None
        minutes = other.minutes if (other := self.states.get(uri)) else 0
        title = plain_title(page) or uri
        minutes_read = _("%(minutes)s min read", minutes=minutes) if minutes else ""
        return TitledLink(title, self.urls.url_for(uri), minutes_read)

    def _view(self, page: Page, state: PageState) -> dict:
        terms, url_for = self.graph.terms, self.urls.url_for
        key_terms = (
            []
            if state.untrusted
            else sorted(set(state.mentions), key=lambda s: sort_key(terms[s].term))
        )
        view: dict = {
            "reading_minutes": state.minutes,
            "last_reviewed": page.meta.get("last_reviewed"),
            "key_terms": [
                TitledLink(terms[s].term, url_for(term_uri(s)), terms[s].short_definition)
                for s in key_terms
            ],
        }
        view["related_pages"] = []
        for uri in page.meta.get("related") or []:
            if link := self.link_to(posixpath.normpath(str(uri)), self.heads._(state.uri)):
                view["related_pages"].append(link)
            else:
                log.warning(f"{state.source}: related page {uri!r} is not a page of the site")
        view["head"] = self.heads.for_page(page, state)
        view["language"] = self.languages.view(state.uri, url_for, self.urls.absolute)
        if view["language"]:  # structured data says which language the page is in
            for data in view["head"].json_ld:
                data.setdefault("inLanguage", view["language"]["code"])
        if state.untrusted and state.uri in self.maps:  # each glossary's own map
            part = self.graph.part(self.maps[state.uri])
            view["map"], view["map_limit"] = glossary_map(part, url_for), MAP_LIMIT
        elif state.untrusted and is_category(state.uri):
            key = category_of_uri(state.uri)
            view["category_map"] = category_map(self.graph.part(part_of(key)), key, url_for)
        view.update(self._course_view(state.uri))
        related = self.graph.related[state.slug] if state.slug else ()
        # Every term the article links to, as a hover card (related terms are listed there).
        view["cards"] = cards([*state.mentions, *sorted(related)], self.graph, url_for)
        if state.slug:
            term = terms[state.slug]
            home, _ = self.heads.home(state.uri), self.heads._(state.uri)
            view.update(term_view(term, self.graph, url_for, home, _))
            view["last_reviewed"] = term.last_reviewed
            view["concept_map_html"] = self.concept_map_html(term.slug)
            view["mentioned_in"] = self._backlinks(state.slug)
            view["lessons"] = self.courses.teaching(state.slug)
        return view

    def _course_view(self, uri: str) -> dict:
        """A lesson's header, figure and quiz; a course or chapter page's lessons."""
        courses = self.courses.courses
        if lesson := courses.lessons.get(uri):
            view = {"lesson": self.courses.lesson(lesson)}
            if visual := lesson.visual:
                svg = visual.image.endswith(".svg")
                view["visual"] = {
                    "visual": visual,
                    "svg": (self.docs / visual.image).read_text(encoding="utf-8") if svg else "",
                    "url": self.urls.url_for(visual.image),
                    "transcript": markdown.markdown(visual.transcript, extensions=["tables"]),
                }
            return view
        if found := course_of(courses, uri):
            course, chapter = found
            return {"course": self.courses.course(course.key, chapter)}
        return {}

    def _backlinks(self, slug: str) -> list[TitledLink]:
        """The pages that link to a term; a backlink from a term shows its definition on
        hover, as every term link does. Hand-written pages first."""
        terms, mentioned = self.graph.terms, []
        for uri in self.mentions.pages_mentioning(slug):
            if link := self.link_to(uri):
                other = self.states.get(uri)
                note = terms[other.slug].short_definition if other and other.slug else ""
                mentioned.append(replace(link, note=note))
        return sorted(mentioned, key=lambda m: (m.url.startswith(GLOSSARY), sort_key(m.title)))
