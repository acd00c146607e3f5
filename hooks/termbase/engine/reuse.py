"""The keys that let `mkdocs serve` reuse a page's rendering from its last build (the
storage and the reasoning are in rebuild.py): each key names every input of its stage."""

from __future__ import annotations

import logging
from pathlib import Path

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import get_build_date

from termbase.course.model import Courses
from termbase.engine import rebuild
from termbase.engine.pagestate import PageState, PageStates
from termbase.graph.relations import Mentions, TermGraph
from termbase.pages import seo

log = logging.getLogger("mkdocs.hooks.glossary")


class ServeReuse:
    """Decides, page by page, whether the last build's Markdown or HTML can be reused."""

    def __init__(
        self,
        cache: rebuild.RebuildCache,
        graph: TermGraph,
        config_key: str,
        theme_dir: Path,
        reuse_markdown: bool,  # False when pages pull in other files (snippets)
        courses: Courses,
    ):
        self.cache, self.graph, self.config_key = cache, graph, config_key
        self.courses = courses
        self.theme_dir, self.reuse_markdown = theme_dir, reuse_markdown
        self.render_key = ""

    def files_known(
        self, files: Files, config: MkDocsConfig, nav_titles: dict[str, str | None]
    ) -> None:
        """Once every file is known: the key of what each Markdown stage reads besides its
        own source and the definitions it links to (the files of the site, every term name
        and cited title, the settings); and a ReusablePage for every page, with its title
        from the nav."""
        self.render_key = rebuild.digest(
            self.config_key,
            sorted(file.src_uri for file in files),
            # Names are linked; titles of cited works are not (graph/skiprules.py).
            [
                (slug, term.names, [r.title for r in term.references])
                for slug, term in self.graph.terms.items()
            ],
            [(entry.term, entry.see) for entry in self.graph.redirects.values()],  # linked too
        )
        for file in files.documentation_pages():
            rebuild.ReusablePage(nav_titles.get(file.src_uri), file, config)

    def markdown(self, page: Page, state: PageState, markdown: str) -> bool:
        """True if the page takes its last Markdown rendering (with its words and links)."""
        state.warnings = self.cache.warnings.count
        if not (self.reuse_markdown and isinstance(page, rebuild.ReusablePage)):
            return False
        state.render_key = rebuild.digest(
            self.render_key, state.uri, markdown, state.untrusted, state.autolink
        )
        done = self.cache.markdown.get(state.uri)
        if done and done.key == state.render_key and done.depends == self._tooltips(done):
            page.reuse = done
            state.mentions, state.citations, state.words = done.mentions, done.citations, done.words
            return True
        return False

    def keep_markdown(self, page: Page, state: PageState) -> None:
        if state.render_key and not page.reuse and not self.warned(state):
            self.cache.markdown[state.uri] = rebuild.rendered(page, self._tooltips(state), state)

    def warned(self, state: PageState) -> bool:
        """True if MkDocs warned since `state.warnings` was counted: such a page is rendered
        again next time, so that it warns again."""
        return self.cache.warnings.count != state.warnings

    def _tooltips(self, done: PageState | rebuild.Rendered) -> tuple[str, ...]:
        """The definitions of the terms a page links to: each link shows one on hover."""
        terms = self.graph.terms
        return tuple(terms[s].short_definition if s in terms else "" for s in done.mentions)

    def before_templates(
        self,
        env: jinja2.Environment,
        files: Files,
        config: MkDocsConfig,
        nav: Navigation,
        states: PageStates,
        heads: dict[str, seo.Head],
    ) -> None:
        """A page whose template data is unchanged since the last build gets its previous
        HTML through a one-line template (and its head back, for the duplicate check)."""
        env.bytecode_cache = self.cache.templates
        rebuild.reuse_search_entries(
            config.plugins.get("material/search"),
            self.cache,
            lambda page: states.by_uri[page.file.src_uri].reused_html is not None,
        )
        site_key = rebuild.digest(
            self.render_key,
            rebuild.templates_key(self.theme_dir),
            rebuild.nav_key(nav),
            get_build_date(),
            self._shown_elsewhere(files, states),
        )
        for file in files.documentation_pages():
            page, state = file.page, states.get(file.src_uri)
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
                state.reused_html, heads[file.src_uri] = stored[1], stored[2]
                page.meta["template"] = rebuild.REUSE_TEMPLATE

    def _shown_elsewhere(self, files: Files, states: PageStates) -> list:
        """What a page's template data may show of other pages and terms (see Views): names,
        definitions, relations and categories of terms, which page links to which term, and
        the title and reading time of every page. A term's other fields show on its own page
        only."""
        mentions: Mentions = states.mentions
        return [
            [
                (t.slug, t.names, t.short_definition, t.category, t.related, t.draft)
                for t in self.graph.terms.values()
            ],
            self.graph.glossary.categories,
            # Lesson pages show their neighbours' cards, term pages the lessons teaching them.
            (self.courses.courses, self.courses.lessons),
            mentions.by_page,
            [(uri, files.src_uris[uri].page.title, s.minutes) for uri, s in states.by_uri.items()],
        ]

    def template_data(self, state: PageState) -> dict | None:
        """The one-line template's data for a reused page, else None (render it)."""
        if state.reused_html is not None:
            return {"glossary_reused_html": state.reused_html}
        state.warnings = self.cache.warnings.count
        return None

    def keep_html(self, state: PageState, output: str, head: seo.Head) -> None:
        """Keep a page's HTML and head for the next build, unless it warned."""
        if state.html_key and state.reused_html is None and not self.warned(state):
            self.cache.html[state.uri] = (state.html_key, output, head)

    def report(self, states: PageStates) -> None:
        reused = sum(state.reused_html is not None for state in states.by_uri.values())
        log.info(f"Reused {reused} of {len(states.by_uri)} pages unchanged since the last build")
