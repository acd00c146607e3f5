"""One glossary build inside MkDocs: loads the glossary once, then hands each MkDocs event
to the part that handles it, each given only what it needs (see hooks/site.py)."""

from __future__ import annotations

import logging
from functools import partial
from pathlib import Path

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from termbase.catalog import Catalogs, long_date
from termbase.config import GlossaryConfig
from termbase.course.load import COURSES_FILE, load_courses
from termbase.course.pages import CourseViews, course_pages
from termbase.engine import rebuild
from termbase.engine.admin import add_admin_files
from termbase.engine.generated import (
    add_generated_pages,
    keep_lessons_out_of_nav,
    nav_sections,
    nav_titles,
    sections_nav,
)
from termbase.engine.head import Heads
from termbase.engine.languagenav import keep_translations_out_of_nav, language_navs, site_languages
from termbase.engine.markdown_ext import GlossaryExtension, Linking
from termbase.engine.navcache import NavOnce
from termbase.engine.pagestate import PageStates
from termbase.engine.prework import TermPrework
from termbase.engine.reuse import ServeReuse
from termbase.engine.search import choose_engine, index_count
from termbase.engine.searchpages import SearchPages
from termbase.engine.siteurls import SiteUrls
from termbase.engine.tail import Stop
from termbase.engine.views import Views
from termbase.graph.relations import Mentions, TermGraph
from termbase.graph.scopes import scoped_indexes
from termbase.graph.skiprules import SkipRules
from termbase.model import GlossaryError, Problem
from termbase.pages.markdown import PageWriter
from termbase.reading.cache import ParseCache
from termbase.reading.links import check_page_links
from termbase.reading.load import load_site
from termbase.reading.parse import TermParser
from termbase.reading.rules import ADVICE
from termbase.urls import INDEX_URI, term_uri

log = logging.getLogger("mkdocs.hooks.glossary")


def abort(problems: list[Problem], what: str) -> Abort:
    """Log every problem as `path:line:col: level: message`; stop before anything is written."""
    for problem in problems:
        (log.error if problem.level == "error" else log.warning)(str(problem))
    errors = sum(p.level == "error" for p in problems)
    return Abort(f"{errors} error(s) in {what}: nothing was built")


class GlossaryBuild:
    """The glossary of this build and the parts that serve MkDocs' events from it."""

    def __init__(self, config: MkDocsConfig):
        rebuild.stop_tail()  # serve: the last rebuild's JSON files and search index
        self.session = rebuild.session()
        try:
            raw = (config.extra or {}).get("glossary")
            self.settings = GlossaryConfig.parse(raw, config.config_file_path)
        except GlossaryError as err:
            raise abort(err.problems, "mkdocs.yml") from None
        self.root = Path(config.config_file_path).resolve().parent
        self.folder = (self.root / self.settings.dir).resolve()
        self.folders = [(self.root / part.dir).resolve() for part in self.settings.parts]
        self.all_parts = (*self.settings.parts, *self.settings.translated_parts())
        try:
            self.languages = site_languages(self.settings, config)
        except GlossaryError as err:
            raise abort(err.problems, "mkdocs.yml") from None
        self.graph = TermGraph(self._load())
        try:
            docs = Path(config.docs_dir)
            self.courses = load_courses(docs, self.root, self.graph.glossary)
        except GlossaryError as err:
            raise abort(err.problems, "lessons") from None
        terms = self.graph.terms
        self.search_engine = choose_engine(config, self.settings)
        # Whole glossary pages in the search index, or (above the limit) names, definitions
        # and questions only: with either engine, what a reader fetches to search grows with
        # the words indexed, and so does the memory Pagefind needs to index them.
        full_text = len(terms) <= self.settings.search_full_text_limit
        if not full_text:
            log.info(
                f"glossary: {len(terms)} terms, more than "
                f"extra.glossary.search.full_text_limit ({self.settings.search_full_text_limit}): "
                "search indexes term pages by names, definition and FAQ questions, "
                "and glossary lists by their titles"
            )
        self.mentions = Mentions()
        self.states = PageStates(
            {term_uri(slug): (slug, str(term.source)) for slug, term in terms.items()},
            self.mentions,
            self.root,
            {part.name: part.dir for part in self.settings.parts},
        )
        linking = Linking(
            settings=self.settings,
            indexes=scoped_indexes(self.graph, self.all_parts, self.settings.excluded),
            languages=self.languages,
            definitions={slug: term.short_definition for slug, term in terms.items()},
            slug_by_uri={term_uri(slug): slug for slug in terms},
            search_full_text=full_text,
            skip=SkipRules.make(
                self.settings.autolink_allow,
                (r.title for term in terms.values() for r in term.references),
            ),
        )
        config.markdown_extensions.append(GlossaryExtension(self.states, linking))  # type: ignore[arg-type]
        self.theme_dir = Path(config.theme.custom_dir or self.root / "overrides")
        try:
            self.catalogs = Catalogs(self.theme_dir, self.settings.translation_codes)
        except GlossaryError as err:
            raise abort(err.problems, "the interface text") from None
        self.reuse = None
        self.navs: dict[str, Navigation] = {}
        if self.session:
            config_key = rebuild.digest(
                Path(config.config_file_path).read_bytes(), config.site_url, self.settings
            )
            # Snippets pull other files into a page's Markdown: then no page reuses it.
            snippets = "pymdownx.snippets" in config.markdown_extensions
            self.reuse = ServeReuse(
                self.session, self.graph, config_key, self.theme_dir, not snippets, self.courses
            )

    def _load(self):
        """Parse (reusing the parse cache), validate and return the glossary, or abort."""
        if self.session and self.session.terms is None:
            self.session.terms = ParseCache(self.root)  # kept in memory between serve's builds
        cache = self.session.terms if self.session else ParseCache(self.root)
        try:
            parser = TermParser(cache.entries)
            codes = self.settings.translation_codes
            glossary = load_site(self.settings.parts, self.root, self.root, parser, codes)
        except GlossaryError as err:
            raise abort(err.problems, "term files") from None
        finally:
            cache.save()
        for warning in glossary.warnings:
            advice = warning.level == ADVICE and not self.settings.seo_strict
            (log.info if advice else log.warning)(str(warning))
        return glossary

    def add_files(self, files: Files, config: MkDocsConfig) -> Files:
        """Generated pages in memory, term-file links checked, the glossary's nav section."""
        if courses_file := files.get_file_from_path(COURSES_FILE):
            files.remove(courses_file)  # declarations, not a page to publish
        for catalog in [f for f in files if self.catalogs.holds(f.abs_src_path)]:
            files.remove(catalog)  # MkDocs copies the theme's files: not the catalogs
        hand_written = {file.src_uri for file in files.documentation_pages()}
        broken = check_page_links(self.graph.glossary, hand_written, self.root)
        if broken:
            raise abort(broken, "term files")
        writer = PageWriter(
            self.graph,
            self.theme_dir / "markdown",
            description=config.site_description or "",
            index_page_limit=self.settings.index_page_limit,
            bytecode_cache=self.session.templates if self.session else None,
            gettext=self.catalogs.gettext,
        )
        pages = writer.pages() | course_pages(self.courses, writer.env)
        sections = nav_sections(self.graph, self.courses)
        # The A-Z index goes where the nav puts it; a course page only if the nav names it.
        # Another glossary's index too, and its section, where mkdocs.yml's nav names it.
        navigable = {INDEX_URI} | (set(sections) & set(nav_titles(config.nav)))
        files = add_generated_pages(files, config, pages, self.graph, navigable)
        keep_lessons_out_of_nav(files, self.courses)
        if self.settings.cms:  # the editors' page at /admin/
            add_admin_files(files, config, self.settings, self.graph.glossary, self.courses)
        config["nav"] = sections_nav(config.nav, sections)
        if config.nav is not None:  # each language its own nav (language_navs)
            keep_translations_out_of_nav(files, self.languages)
        if self.reuse:
            self.reuse.files_known(files, config, nav_titles(config.nav))
        self.urls = SiteUrls(files, config.site_url)
        translated = {t.slug: t.translates for t in self.graph.terms.values() if t.translates}
        self.languages.know(files.src_uris, translated)
        self.site_dir = Path(config.site_dir)
        self.heads = Heads(
            self.graph,
            self.urls,
            site_name=config.site_name,
            site_description=config.site_description or "",
            index_page_limit=self.settings.index_page_limit,
            social_image=self.settings.social_image,
            courses=self.courses,
            seo_strict=self.settings.seo_strict,
            language_of=self.languages.language_of,
            gettext=self.catalogs.gettext,
            home_of=self.languages.home_of,
        )
        return files

    def language_navs(self, nav: Navigation, config: MkDocsConfig, files: Files) -> None:
        self.navs = language_navs(nav, config, files, self.languages, self.catalogs.gettext)

    def begin_page(self, page: Page, markdown: str) -> None:
        self.states.begin(page, markdown, self.reuse.markdown if self.reuse else None)

    def end_page(self, page: Page, html: str) -> None:
        state = self.states.end()
        if state and self.reuse:
            self.reuse.keep_markdown(page, state)

    def before_templates(self, env: jinja2.Environment, files: Files, config: MkDocsConfig,
                         nav: Navigation) -> None:  # fmt: skip
        """Every page's Markdown is converted: the terms' concept maps and JSON files can be
        made while MkDocs renders the templates (in a worker, but not under serve's threads)."""
        env.globals["glossary_search"] = self.search_engine  # which box the header shows
        env.globals["glossary_alternates"] = partial(
            self.languages.hreflang, absolute=self.urls.absolute
        )  # the sitemap's translations of each page
        features = config.theme.get("features") or []
        env.globals["nav_once"] = NavOnce(self.navs.values() or [nav], features)
        pages = [file.src_uri for file in files.documentation_pages()]
        # Pagefind's indexes, known before any page is rendered: the box merges them.
        indexes = index_count(len(pages), self.settings.pages_per_index)
        env.globals["glossary_search_indexes"] = indexes
        if self.reuse:
            self.reuse.before_templates(env, files, config, nav, self.states, self.heads.by_page)
        maps = self.session.maps if self.session else None
        self.prework = TermPrework(
            self.graph, self.heads, self.urls, self.courses, self.site_dir, (env, config), maps
        )
        # Pagefind reads what MkDocs writes, cut to what it indexes (engine/searchpages.py).
        pagefind = self.search_engine == "pagefind"
        self.search_pages = SearchPages(indexes, self.languages.codes) if pagefind else None
        self.prework.start(pages, background=self.session is None)
        course_views = CourseViews(self.courses, self.urls.url_for, self.graph.terms)
        self.views = Views(
            self.graph,
            self.states,
            self.mentions,
            self.heads,
            self.urls,
            course_views,
            Path(config.docs_dir),
            self.prework.concept_map_html,
            self.languages,
        )

    def template_data(self, page: Page) -> dict:
        """The context the templates get from the glossary (on_page_context)."""
        state = self.states.get(page.file.src_uri)
        code = self.languages.language_of(page.file.src_uri)
        text = {"_": self.catalogs.gettext(code), "long_date": long_date(code)}
        if nav := self.navs.get(code):
            text["nav"] = nav
        if state and self.reuse and (reused := self.reuse.template_data(state)) is not None:
            return reused | text
        return {"glossary": self.views.of(page), **text}

    def page_written(self, page: Page, output: str) -> None:
        """Give the search index its copy of the page; let go of its template data, which
        kept for every page is hundreds of thousands of objects for the cycle collector."""
        if self.search_pages:
            self.search_pages.add(page.file.dest_uri, output)
        state = self.states.get(page.file.src_uri)
        if state is None:
            return
        state.view = None
        if self.reuse:
            self.reuse.keep_html(state, output, self.heads.by_page[state.uri])

    def abandon(self) -> None:  # a failed build: stop writing into its folder
        if prework := getattr(self, "prework", None):
            prework.stop()
        if search_pages := getattr(self, "search_pages", None):
            search_pages.discard()

    def finish(self) -> None:
        """After the build: fail a strict build on duplicate heads; the JSON files and search
        index, before the site is put in place (serve: after, engine/tail.py); what was reused."""
        self.heads.check(self.states)
        if self.session:
            self.session.tail.start(self._write_files)
        else:
            self._write_files()
        if self.reuse:
            self.reuse.report(self.states)

    def _write_files(self, stop: Stop | None = None) -> None:
        self.prework.finish(stop)
        if self.search_pages:
            self.search_pages.index_into(self.site_dir, stop)
