"""Per-page state of one build: which page is rendering, and what its rendering found."""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.structure.pages import Page

from termbase.course.pages import reading_minutes
from termbase.graph.relations import Mentions


@dataclass
class PageState:
    """What the Markdown extension, the views and the reuse keys know of one page."""

    uri: str
    source: str  # the file an editor would open: content/x.md or glossary/slug.yml
    slug: str | None = None  # set on term pages
    untrusted: bool = False  # rendered from term files: raw HTML is escaped
    autolink: bool = True
    mentions: list[str] = field(default_factory=list)  # slugs of the terms it links to
    citations: list[str] = field(default_factory=list)  # external links, for JSON-LD
    words: int = 0
    view: dict | None = None  # the template data while the page renders
    # Reuse under `mkdocs serve` (reuse.py): the keys of this build, the reused output.
    render_key: str = ""
    html_key: str = ""
    reused_html: str | None = None
    warnings: int = 0  # MkDocs warnings logged before this page began

    @property
    def minutes(self) -> int:
        """Reading time, shown on the page and beside links to it."""
        return reading_minutes(self.words)


# Whether a page's Markdown stage was taken from the last build (so its words are known).
ReuseMarkdown = Callable[[Page, PageState, str], bool]


class PageStates:
    """The state of every page rendered so far, and of the one rendering now (`current`)."""

    def __init__(
        self,
        term_pages: dict[str, tuple[str, str]],  # src_uri of a term page -> (slug, term file)
        mentions: Mentions,
        root: Path,
        glossary_dirs: dict[str, str],  # each glossary's page folder -> its term folder
    ):
        self.term_pages = term_pages
        self.mentions = mentions
        self.root = root
        self.glossary_dirs = glossary_dirs
        self.by_uri: dict[str, PageState] = {}
        self.current: PageState | None = None

    def _term_folder(self, uri: str) -> str:
        folder = uri.partition("/")[0]
        return self.glossary_dirs.get(folder) or next(iter(self.glossary_dirs.values()))

    def get(self, uri: str) -> PageState | None:
        return self.by_uri.get(uri)

    def begin(self, page: Page, markdown: str, reused: ReuseMarkdown | None = None) -> None:
        """Before a page's Markdown renders: tell the extension which page it is."""
        uri = page.file.src_uri
        slug, source = self.term_pages.get(uri, (None, None))
        if source is None:
            source = (
                os.path.relpath(page.file.abs_src_path, self.root)
                if page.file.abs_src_path
                else f"{uri} (generated from {self._term_folder(uri)}/)"
            )
        state = PageState(
            uri=uri,
            source=source,
            slug=slug,
            untrusted=page.file.generated_by is not None,
            autolink=page.meta.get("autolink", True) is not False,
        )
        self.by_uri[uri] = self.current = state
        if reused is None or not reused(page, state, markdown):
            state.words = len(re.findall(r"\w+", markdown))

    def end(self) -> PageState | None:
        """Record the page's term links for backlinks; listing pages (index, categories) link
        every term and would say nothing, so they are left out."""
        state, self.current = self.current, None
        if state is not None and (state.slug or not state.untrusted):
            self.mentions.record(state.uri, state.mentions)
        return state
