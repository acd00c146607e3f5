"""One glossary build inside MkDocs: the state the event handlers in `hooks/site.py` share."""

from __future__ import annotations

import logging
import math
import os
import posixpath
import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from urllib.parse import urljoin

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import (
    Navigation,
    Section,
    _add_parent_links,
    _add_previous_and_next_links,
    _get_by_type,
)
from mkdocs.structure.pages import Page
from mkdocs.utils import get_build_date

from ..conceptmap import concept_map, glossary_map
from ..export import glossary_json, robots_txt
from ..graph import Mentions, TermGraph
from ..linker import TermIndex
from ..load import load_glossary
from ..model import GlossaryError, sort_key
from ..pages import (
    INDEX_PAGE_LIMIT,
    INDEX_URI,
    MAP_URI,
    SEARCH_FULL_TEXT_LIMIT,
    Link,
    PageWriter,
    category_uri,
    term_uri,
    term_view,
)
from ..parsecache import ParsedTerms
from . import rebuild
from .head import Heads, plain_title
from .markdown_ext import GlossaryExtension, resolve

log = logging.getLogger("mkdocs.hooks.glossary")

WORDS_PER_MINUTE = 200


@dataclass(frozen=True)
class Settings:
    """Site-wide settings from `extra.glossary` in mkdocs.yml."""

    dir: str = "glossary"
    enabled: bool = True  # automatic term links
    every_mention: bool = False
    excluded: frozenset[str] = frozenset()
    index_page_limit: int = INDEX_PAGE_LIMIT  # above it, one A-Z page per letter
    # Above it, search indexes glossary pages by names, definitions and questions only:
    # the reader's browser builds the whole index on every page it opens (README).
    search_full_text_limit: int = SEARCH_FULL_TEXT_LIMIT

    @classmethod
    def from_config(cls, config: MkDocsConfig) -> Settings:
        raw = (config.extra or {}).get("glossary") or {}
        autolink = raw.get("autolink", {})
        if not isinstance(raw, dict) or not isinstance(autolink, dict):
            raise Abort("mkdocs.yml: extra.glossary and extra.glossary.autolink must be mappings")
        mode = autolink.get("mode", "first")
        if mode not in ("first", "all"):
            raise Abort(
                f"mkdocs.yml: extra.glossary.autolink.mode must be 'first' or 'all', not {mode!r}"
            )
        search = raw.get("search", {})
        if not isinstance(search, dict):
            raise Abort("mkdocs.yml: extra.glossary.search must be a mapping")
        return cls(
            dir=str(raw.get("dir", "glossary")),
            index_page_limit=_count(raw, "index_page_limit", INDEX_PAGE_LIMIT, least=1),
            search_full_text_limit=_count(
                search, "full_text_limit", SEARCH_FULL_TEXT_LIMIT, least=0, within="search."
            ),
            enabled=bool(autolink.get("enabled", True)),
            every_mention=mode == "all",
            excluded=frozenset(autolink.get("exclude", []) or []),
        )


def _count(raw: dict, key: str, default: int, *, least: int, within: str = "") -> int:
    """A whole-number setting of extra.glossary, at least `least`."""
    value = raw.get(key, default)
    if not isinstance(value, int) or isinstance(value, bool) or value < least:
        raise Abort(
            f"mkdocs.yml: extra.glossary.{within}{key} must be a whole number "
            f"of at least {least}, not {value!r}"
        )
    return value


@dataclass
class PageState:
    """What the Markdown extension needs to know about the page being rendered."""

    uri: str
    source: str  # the file an editor would open: content/x.md or glossary/slug.yml
    slug: str | None = None  # set on term pages
    untrusted: bool = False  # rendered from term files: raw HTML is escaped
    autolink: bool = True
    mentions: list[str] = field(default_factory=list)
    citations: list[str] = field(default_factory=list)  # external links, for JSON-LD
    words: int = 0
    view: dict | None = None  # the template data while the page renders (context())
    # Reuse under `mkdocs serve` (rebuild.py): the keys of this build, the reused output.
    render_key: str = ""
    html_key: str = ""
    reused_html: str | None = None
    warnings: int = 0  # MkDocs warnings logged before this page began

    @property
    def minutes(self) -> int:
        """Reading time, shown on the page and beside links to it."""
        return reading_minutes(self.words)

    def relative(self, target_uri: str) -> str:
        folder = posixpath.dirname(self.uri)
        if posixpath.dirname(target_uri) == folder:  # a term linked from a term: no relpath
            return posixpath.basename(target_uri)
        return posixpath.relpath(target_uri, folder or ".")

    def linked_term(self, href: str, site: MkDocsGlossary) -> str | None:
        target = resolve(self.uri, href)
        return site.slug_by_uri.get(target) if target else None


class MkDocsGlossary:
    """Loads the glossary once per build and serves every later MkDocs event from it."""

    def __init__(self, config: MkDocsConfig):
        self.settings = Settings.from_config(config)
        self.root = Path(config.config_file_path).resolve().parent
        self.folder = (self.root / self.settings.dir).resolve()
        self.cache = rebuild.session()
        if self.cache and self.cache.terms is None:
            self.cache.terms = ParsedTerms(self.root)  # kept in memory between serve's builds
        parsed = self.cache.terms if self.cache else ParsedTerms(self.root)
        try:
            glossary = load_glossary(self.folder, root=self.root, reuse=parsed.entries)
        except GlossaryError as err:
            for problem in err.problems:
                (log.error if problem.level == "error" else log.warning)(str(problem))
            errors = sum(p.level == "error" for p in err.problems)
            raise Abort(f"{errors} error(s) in term files: nothing was built") from None
        finally:
            parsed.save()
        for warning in glossary.warnings:
            log.warning(str(warning))
        self.graph = TermGraph(glossary)
        # Whole glossary pages in the search index, or names, definitions and questions only.
        self.search_full_text = len(self.graph.terms) <= self.settings.search_full_text_limit
        if not self.search_full_text:
            log.info(
                f"glossary: {len(self.graph.terms)} terms, more than "
                f"extra.glossary.search.full_text_limit ({self.settings.search_full_text_limit}): "
                "search indexes term pages by names, definition and FAQ questions, "
                "and glossary lists by their titles"
            )
        self.index = TermIndex.build(
            (name, slug)
            for slug, term in self.graph.terms.items()
            if slug not in self.settings.excluded
            for name in term.names
        )
        self.slug_by_uri = {term_uri(slug): slug for slug in self.graph.terms}
        self.mentions = Mentions()
        self.pages: dict[str, PageState] = {}
        self.current: PageState | None = None
        self.theme_dir = Path(config.theme.custom_dir or self.root / "overrides")
        self.config_key = rebuild.digest(
            Path(config.config_file_path).read_bytes(), config.site_url, self.settings
        )
        self.config_description = config.site_description or ""
        self.heads = Heads(self, config.site_name, config.site_url)
        # Snippets pull other files into a page's Markdown: then no page reuses its rendering.
        self.reuse_markdown = "pymdownx.snippets" not in config.markdown_extensions
        config.markdown_extensions.append(GlossaryExtension(self))  # type: ignore[arg-type]

    term_uri = staticmethod(term_uri)

    # -- files and navigation ------------------------------------------------------------

    def add_pages(self, files: Files, config: MkDocsConfig) -> Files:
        """Add every generated page as an in-memory file; nothing is written to disk."""
        self.files = files
        writer = PageWriter(
            self.graph,
            self.theme_dir / "markdown",
            description=config.site_description or "",
            index_page_limit=self.settings.index_page_limit,
            bytecode_cache=self.cache.templates if self.cache else None,
        )
        for uri, markdown in writer.pages().items():
            if files.get_file_from_path(uri) is not None:
                raise Abort(f"{config.docs_dir}/{uri} would hide a generated glossary page")
            files.append(
                File.generated(
                    config,
                    uri,
                    content=markdown,
                    # The index goes where mkdocs.yml's nav puts it; add_nav places categories.
                    inclusion=InclusionLevel.UNDEFINED
                    if uri == INDEX_URI
                    else InclusionLevel.NOT_IN_NAV,
                )
            )
        # Everything a page's Markdown stage reads besides its own source and the
        # definitions it links to: which files exist, every term name, the settings.
        self.render_key = rebuild.digest(
            self.config_key,
            sorted(file.src_uri for file in files),
            [(slug, term.names) for slug, term in self.graph.terms.items()],
        )
        site_url = (config.site_url or "").rstrip("/") + "/"
        term_url = lambda slug: urljoin(site_url, files.get_file_from_path(term_uri(slug)).url)  # noqa: E731
        exports = {
            "glossary.json": glossary_json(self.graph, term_url, config.site_name),
            "robots.txt": robots_txt(config.site_url),
        }
        for uri, content in exports.items():
            if files.get_file_from_path(uri) is None:  # a hand-written file wins
                files.append(File.generated(config, uri, content=content))
        return files

    def add_nav(self, nav: Navigation, files: Files, config: MkDocsConfig) -> Navigation:
        """Turn the nav entry for the glossary index into a short section: index, concept map
        and categories.

        Terms are never in the nav: MkDocs renders the whole nav into every page.
        """
        self.nav = nav
        if self.cache:  # under serve, every page can reuse its rendering
            _make_reusable(nav.items, config)
            for file in files.documentation_pages():
                if type(file.page) is Page:
                    rebuild.ReusablePage(None, file, config)
        found = _find_page(nav.items, INDEX_URI)
        if found is not None:
            siblings, position = found
            categories = [
                files.get_file_from_path(uri).page
                for uri in (MAP_URI, *map(category_uri, self.graph.glossary.categories))
            ]
            if position == 0 and siblings is not nav.items:  # already the index of a section
                siblings[1:1] = categories
            else:
                index = siblings[position]
                siblings[position] = Section(index.title or "Glossary", [index, *categories])
        nav.pages = _get_by_type(nav.items, Page)
        nav.homepage = next((page for page in nav.pages if page.is_homepage), None)
        _add_parent_links(nav.items)
        _add_previous_and_next_links(nav.pages)
        return nav

    # -- rendering -----------------------------------------------------------------------

    def begin_page(self, page: Page, markdown: str) -> None:
        """Called before a page's Markdown renders: tell the extension which page it is."""
        uri = page.file.src_uri
        slug = self.slug_by_uri.get(uri)
        generated = page.file.generated_by is not None
        if slug:
            source = str(self.graph.terms[slug].source)
        elif page.file.abs_src_path:
            source = os.path.relpath(page.file.abs_src_path, self.root)
        else:
            source = f"{uri} (generated from {self.settings.dir}/)"
        state = PageState(
            uri=uri,
            source=source,
            slug=slug,
            untrusted=generated,
            autolink=page.meta.get("autolink", True) is not False,
        )
        self.pages[uri] = self.current = state
        if self.cache:
            state.warnings = self.cache.warnings.count
        if self.cache and self.reuse_markdown and isinstance(page, rebuild.ReusablePage):
            state.render_key = rebuild.digest(
                self.render_key, uri, markdown, state.untrusted, state.autolink
            )
            done = self.cache.markdown.get(uri)
            if done and done.key == state.render_key and done.depends == self._tooltips(done):
                page.reuse = done
                state.mentions, state.citations, state.words = (
                    done.mentions,
                    done.citations,
                    done.words,
                )
                return
        state.words = len(re.findall(r"\w+", markdown))

    def end_page(self, page: Page) -> None:
        """Record the page's term links for backlinks; listing pages (index, categories) link
        every term and would say nothing, so they are left out."""
        state = self.current
        if state is not None and (state.slug or not state.untrusted):
            self.mentions.record(state.uri, state.mentions)
        if state and state.render_key and not page.reuse and not self._warned(state):
            self.cache.markdown[state.uri] = rebuild.rendered(page, self._tooltips(state), state)
        self.current = None

    def _warned(self, state: PageState) -> bool:
        """True if MkDocs warned since `state.warnings` was counted: such a page is rendered
        again next time, so that it warns again."""
        return self.cache is not None and self.cache.warnings.count != state.warnings

    def _tooltips(self, done: PageState | rebuild.Rendered) -> tuple[str, ...]:
        """The definitions of the terms a page links to: each link shows one on hover."""
        terms = self.graph.terms
        return tuple(terms[s].short_definition if s in terms else "" for s in done.mentions)

    def reuse_pages(self, env: jinja2.Environment, files: Files, config: MkDocsConfig) -> None:
        """Before templates render: a page whose template data is unchanged since the last
        build under serve gets its previous HTML through a one-line template."""
        if not self.cache:
            return
        env.bytecode_cache = self.cache.templates
        rebuild.reuse_search_entries(
            config.plugins.get("material/search"),
            self.cache,
            lambda page: self.pages[page.file.src_uri].reused_html is not None,
        )
        site_key = rebuild.digest(
            self.render_key,
            rebuild.templates_key(self.theme_dir),
            rebuild.nav_key(self.nav),
            get_build_date(),
            self._shown_elsewhere(files),
        )
        for file in files.documentation_pages():
            page, state = file.page, self.pages.get(file.src_uri)
            if page is None or state is None:
                continue
            neighbours = [
                (p.title, p.url) if p else None for p in (page.previous_page, page.next_page)
            ]
            state.html_key = rebuild.digest(
                site_key,
                file.src_uri,
                page.url,
                page.title,
                page.meta,
                # What the content was rendered from, cheaper to hash than the content itself
                (state.render_key, self._tooltips(state)) if state.render_key else page.content,
                neighbours,
                (state.slug, state.words, state.mentions, state.citations, state.untrusted),
                self.graph.terms[state.slug] if state.slug else None,
            )
            stored = self.cache.html.get(file.src_uri)
            if stored and stored[0] == state.html_key:
                state.reused_html, self.heads.by_page[file.src_uri] = stored[1], stored[2]
                page.meta["template"] = rebuild.REUSE_TEMPLATE

    def _shown_elsewhere(self, files: Files) -> list:
        """What a page's template data may show of other pages and terms (see _view): names,
        definitions, relations and categories of terms, which page links to which term, and
        the title and reading time of every page. A term's other fields show on its own page
        only."""
        return [
            [
                (t.slug, t.names, t.short_definition, t.category, t.related, t.draft)
                for t in self.graph.terms.values()
            ],
            self.graph.glossary.categories,
            self.mentions.by_page,
            [(uri, files.src_uris[uri].page.title, s.minutes) for uri, s in self.pages.items()],
        ]

    def finish(self) -> None:
        """After the build: fail a strict build on duplicate heads; say what serve reused."""
        self.heads.check()
        if self.cache:
            reused = sum(state.reused_html is not None for state in self.pages.values())
            log.info(f"Reused {reused} of {len(self.pages)} pages unchanged since the last build")

    def template_data(self, page: Page) -> dict:
        """The context the templates get from the glossary (on_page_context)."""
        state = self.pages.get(page.file.src_uri)
        if state and state.reused_html is not None:
            return {"glossary_reused_html": state.reused_html}
        if state and self.cache:
            state.warnings = self.cache.warnings.count
        return {"glossary": self.context(page)}

    def page_written(self, page: Page, output: str) -> None:
        """Keep a page's HTML (and head, for the duplicate check) for the next build under
        serve, unless it warned. Its template data is let go: kept for every page, its
        links and concept map were 650,000 objects at 10,000 terms, for Python's cycle
        collector to walk over and over."""
        state = self.pages.get(page.file.src_uri)
        if state is None:
            return
        state.view = None
        if state.html_key and state.reused_html is None and not self._warned(state):
            self.cache.html[state.uri] = (state.html_key, output, self.heads.by_page[state.uri])

    def context(self, page: Page) -> dict:
        """What the templates in overrides/ show around the page's own content."""
        state = self.pages.get(page.file.src_uri)
        if state is None:
            return {}
        if state.view is None:
            state.view = self._view(page, state)
        return state.view

    def _view(self, page: Page, state: PageState) -> dict:
        """Everything read here about other pages or terms is in _shown_elsewhere too."""
        files = self.files

        by_uri = files.src_uris  # our URIs are normalised already: no get_file_from_path

        def url_for(uri: str) -> str:
            file = by_uri.get(uri)
            return file.url if file else uri

        def link_to(uri: str) -> Link | None:
            file = by_uri.get(uri)
            if file is None or file.page is None:
                return None
            minutes = other.minutes if (other := self.pages.get(uri)) else 0
            title = plain_title(file.page) or uri
            return Link(title, file.url, f"{minutes} min read" if minutes else "")

        terms = self.graph.terms
        key_terms = (
            []
            if state.untrusted
            else sorted(set(state.mentions), key=lambda s: sort_key(terms[s].term))
        )
        view: dict = {
            "reading_minutes": state.minutes,
            "last_reviewed": page.meta.get("last_reviewed"),
            "key_terms": [
                Link(terms[s].term, url_for(term_uri(s)), terms[s].short_definition)
                for s in key_terms
            ],
        }
        view["related_pages"] = []
        for uri in page.meta.get("related") or []:
            if link := link_to(posixpath.normpath(str(uri))):
                view["related_pages"].append(link)
            else:
                log.warning(f"{state.source}: related page {uri!r} is not a page of the site")
        view["head"] = self.heads.for_page(page, state)
        if state.uri == MAP_URI:
            view["map"] = glossary_map(self.graph, url_for)
        if state.slug:
            term = self.graph.terms[state.slug]
            view.update(term_view(term, self.graph, url_for))
            view["last_reviewed"] = term.last_reviewed
            view["concept_map"] = concept_map(
                self.graph, term.slug, url_for, memo=self.cache.maps if self.cache else None
            )
            # A backlink to a term shows its definition on hover, as every term link does.
            mentioned = []
            for uri in self.mentions.pages_mentioning(state.slug):
                if link := link_to(uri):
                    other = self.slug_by_uri.get(uri)
                    note = terms[other].short_definition if other else ""
                    mentioned.append(replace(link, note=note))
            view["mentioned_in"] = sorted(
                mentioned, key=lambda m: (m.url.startswith("glossary/"), sort_key(m.title))
            )
        return view


def reading_minutes(words: int) -> int:
    return max(1, math.ceil(words / WORDS_PER_MINUTE)) if words else 0


def _make_reusable(items: list, config: MkDocsConfig) -> None:
    """Put a ReusablePage (same file, same title from mkdocs.yml) in place of each Page."""
    for position, item in enumerate(items):
        if type(item) is Page:
            items[position] = rebuild.ReusablePage(item.title, item.file, config)
        elif isinstance(item, Section):
            _make_reusable(item.children, config)


def _find_page(items: list, uri: str) -> tuple[list, int] | None:
    """(the list holding the nav entry for `uri`, its position), searching sections too."""
    for position, item in enumerate(items):
        if isinstance(item, Page) and item.file.src_uri == uri:
            return items, position
        if isinstance(item, Section) and (found := _find_page(item.children, uri)):
            return found
    return None
