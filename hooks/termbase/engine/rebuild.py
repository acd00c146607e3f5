"""Reuse while `mkdocs serve` runs: why an edited term shows in a second, not a full build.

MkDocs rebuilds every page after any change. Within one serve process we keep, per page,
what its Markdown rendered to and what its template rendered to, each stored with a key made
of everything that went into it; a page whose key has not changed gets the stored result
instead of being rendered again. A key that is wrong can only cause a needless rendering,
never a stale page, as long as it names every input: page source, the term names and
definitions it links to, the files of the site, mkdocs.yml, the templates, the nav and the
glossary data shown around the page. `mkdocs build` runs once per process and never reuses
anything, so only serve turns this on.
"""

from __future__ import annotations

import hashlib
import io
import logging
import pickle
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import jinja2
import jinja2.bccache
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import TableOfContents

from termbase.engine.pagestate import PageState
from termbase.engine.tail import Tail
from termbase.reading.cache import ParseCache

REUSE_TEMPLATE = "glossary-reuse.html"


def digest(*parts: object) -> str:
    """A key for a tuple of inputs, hashed from their pickles (which hold every field of a
    dataclass, and are much faster to make than reprs)."""
    hasher = hashlib.blake2b(digest_size=20)
    for part in parts:
        if isinstance(part, str):
            hasher.update(part.encode())
        else:
            buffer = io.BytesIO()
            pickler = pickle.Pickler(buffer, 5)
            # No memo: otherwise equal data pickles differently when an object is shared
            # in one build and copied in the next.
            pickler.fast = True
            pickler.dump(part)
            hasher.update(buffer.getbuffer())
        hasher.update(b"\0")
    return hasher.hexdigest()


@dataclass
class Rendered:
    """One page's Markdown stage: what MkDocs' Page.render and our linker produced."""

    key: str
    depends: tuple[str, ...]  # the definitions of the linked terms (their tooltips)
    content: str
    toc: TableOfContents
    title: str | None
    anchors: set[str] | None
    links_to_anchors: dict[str, dict[str, str]] | None  # by the target's src_uri
    mentions: list[str]
    citations: list[str]
    words: int


@dataclass
class RebuildCache:
    """What every page rendered to in the previous build of this serve session."""

    markdown: dict[str, Rendered] = field(default_factory=dict)
    html: dict[str, tuple] = field(default_factory=dict)  # uri -> (key, output, head)
    terms: ParseCache | None = None  # parsed term files, read from disk once
    maps: dict = field(default_factory=dict)  # concept maps, for concept_map(memo=)
    search: dict[str, list[dict]] = field(default_factory=dict)  # uri -> search entries
    tail: Tail = field(default_factory=Tail)  # JSON files and search index, after a rebuild
    templates: TemplateCache = field(default_factory=lambda: TemplateCache())
    warnings: WarningCounter = field(default_factory=lambda: WarningCounter())


class TemplateCache(jinja2.BytecodeCache):
    """Compiled theme templates: MkDocs makes a new Jinja environment for every build.
    Jinja keys each entry by template name and source checksum, so an edit recompiles."""

    def __init__(self) -> None:
        self.compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if (code := self.compiled.get(bucket.key)) is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.compiled[bucket.key] = bucket.bytecode_to_string()


class WarningCounter(logging.Handler):
    """Counts MkDocs warnings: a page that warned is never reused, so it warns again."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.count = 0
        logging.getLogger("mkdocs").addHandler(self)

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


_session: RebuildCache | None = None  # this module outlives the hook file MkDocs reloads


def start_session() -> None:
    """Called when `mkdocs serve` starts: keep renderings for the builds that follow."""
    global _session
    _session = _session or RebuildCache()


def session() -> RebuildCache | None:
    return _session


def stop_tail() -> None:
    """Stop the last rebuild's JSON files and search index (engine/tail.py) before the next
    rebuild empties the folder they are written into."""
    if _session is not None:
        _session.tail.stop()


class ReusablePage(Page):
    """A page that takes its previous rendering when `reuse` is set (by begin_page)."""

    reuse: Rendered | None = None

    def render(self, config, files: Files) -> None:
        if self.reuse is None:
            return super().render(config, files)
        done = self.reuse
        self.content, self.toc = done.content, done.toc
        self._title_from_render = done.title
        self.present_anchor_ids = done.anchors
        if done.links_to_anchors is not None:
            self.links_to_anchors = {
                file: links
                for uri, links in done.links_to_anchors.items()
                if (file := files.get_file_from_path(uri)) is not None
            }
        return None


def rendered(page: Page, depends: tuple[str, ...], state: PageState) -> Rendered:
    links = page.links_to_anchors
    return Rendered(
        key=state.render_key,
        depends=depends,
        content=page.content or "",
        toc=page.toc,
        title=page._title_from_render,
        anchors=page.present_anchor_ids,
        links_to_anchors=None if links is None else {f.src_uri: v for f, v in links.items()},
        mentions=list(state.mentions),
        citations=list(state.citations),
        words=state.words,
    )


def templates_key(folder: Path) -> str:
    """Changes when any file of the theme's custom_dir changes (a few dozen small files)."""
    files = sorted(path for path in folder.rglob("*") if path.is_file()) if folder.is_dir() else []
    return digest([(str(path), path.read_bytes()) for path in files])


def nav_key(nav: Navigation) -> str:
    """Every title and URL in the nav: Material renders the whole nav into each page."""

    def walk(items) -> list:
        return [
            (type(item).__name__, item.title, getattr(item, "url", None))
            + ((walk(item.children),) if isinstance(item, Section) else ())
            for item in items
        ]

    return digest(walk(nav.items))


def reuse_search_entries(plugin, cache: RebuildCache, reused: Callable[[Page], bool]) -> None:
    """Material's search plugin parses every page's HTML again in each build. A reused page
    has the content, title, URL and meta its entries were made from last time: give it
    those entries. (Material 9.8's SearchIndex; the rebuild tests compare the index.)"""
    index = getattr(plugin, "search_index", None)
    if index is None:
        return
    add_entry = index.add_entry_from_context

    def add_entry_from_context(page: Page) -> None:
        uri = page.file.src_uri
        if reused(page) and uri in cache.search:
            index.entries.extend(cache.search[uri])
            return
        start = len(index.entries)
        add_entry(page)
        cache.search[uri] = index.entries[start:]

    index.add_entry_from_context = add_entry_from_context
