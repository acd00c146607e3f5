"""Each term's concept map and JSON file, made beside MkDocs' template loop.

By the time MkDocs renders templates (`on_env`), every page's Markdown is converted, so all
a term page needs besides its own template is known. A forked worker then draws each term's
concept map (pages/conceptmap.py, overrides/partials/concept-map.html) in the order MkDocs
renders the pages, sending the SVG back as it goes, and writes glossary/<slug>.json
(pages/api.py), on the core MkDocs leaves idle. It inherits the pages, the graph, the URLs
and the templates, so only finished SVG travels between the processes. Where forking is
unsafe or pointless (one core, `mkdocs serve`'s threads, another platform), the same
functions run in this process.
"""

from __future__ import annotations

import atexit
import multiprocessing
import os
import sys
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from pathlib import Path

import jinja2
from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.utils import get_relative_url

from termbase.course.model import Courses
from termbase.engine.head import Heads
from termbase.engine.siteurls import SiteUrls
from termbase.engine.tail import Stop
from termbase.graph.relations import TermGraph
from termbase.pages.api import dumps, payload_path, split_term_html, term_payload
from termbase.pages.conceptmap import concept_map
from termbase.parallel import available_cores
from termbase.urls import term_uri

MAP_TEMPLATE = "partials/concept-map.html"
PIPE_BYTES = 1 << 20  # Linux's default largest pipe: about a hundred maps ahead


class TermPrework:
    """Concept maps for the term pages' templates; JSON files into the site being built."""

    def __init__(
        self,
        graph: TermGraph,
        heads: Heads,
        urls: SiteUrls,
        courses: Courses,
        site_dir: Path,
        templates: tuple[jinja2.Environment, MkDocsConfig],
        maps: dict | None = None,  # concept maps kept by serve between builds
    ):
        self.graph, self.heads, self.urls, self.courses = graph, heads, urls, courses
        self.site_dir, self.maps = site_dir, maps
        self.env, self.config = templates
        self._worker: BaseProcess | None = None
        self._results: Connection | None = None
        self._received: dict[str, str] = {}
        self._written: int | None = None  # set once the worker has said it is done
        self._slugs: list[str] = []

    def start(self, page_uris: list[str], background: bool) -> None:
        """Begin, in a forked worker when `background` and a core is free; `page_uris` in
        the order MkDocs renders them, so each map is ready about when its page is."""
        slug_of = {term_uri(slug): slug for slug in self.graph.terms}
        self._slugs = [slug_of[uri] for uri in page_uris if uri in slug_of]
        if not (background and available_cores() > 1 and sys.platform == "linux"):
            return
        context = multiprocessing.get_context("fork")
        self._results, sender = context.Pipe(duplex=False)
        _widen(sender)
        self._worker = context.Process(target=self._work, args=(sender,), daemon=True)
        self._worker.start()
        sender.close()
        # Ctrl-C skips on_build_error: stop the worker before the unfinished folder is
        # deleted at exit (atexit runs this before engine/atomic.py's handler, registered
        # earlier), or it writes into that folder while it is deleted and leaves it behind.
        atexit.register(self.stop)

    def concept_map_html(self, slug: str) -> Markup:
        """The term's concept map as inline SVG ("" for a term with no relations)."""
        while self._results is not None and slug not in self._received and self._written is None:
            self._receive()
        return Markup(self._received.pop(slug) if slug in self._received else self._map(slug))

    def finish(self, stop: Stop | None = None) -> int:
        """Wait for the JSON files (an error in the worker is raised here); their number.
        Written here if there is no worker, each after `stop.check()`."""
        if self._results is None:
            for slug in self._slugs:
                if stop is not None:
                    stop.check()
                self._write(slug)
            return len(self._slugs)
        try:
            while self._written is None:
                self._receive()
        finally:
            self.stop()
        return self._written

    def stop(self) -> None:
        """Stop the worker (a failed build): nothing may write into a folder being removed."""
        if self._worker is not None:
            self._worker.terminate()
            self._worker.join()
            self._worker = None
        if self._results is not None:
            self._results.close()
            self._results = None

    def _receive(self) -> None:
        assert self._results is not None
        try:
            slug, outcome = self._results.recv()
        except EOFError:
            slug, outcome = "", RuntimeError("the worker drawing concept maps stopped")
        if isinstance(outcome, BaseException):
            self.stop()
            raise outcome
        if slug:
            self._received[slug] = outcome
        else:
            self._written = outcome

    def _work(self, sender: Connection) -> None:
        """In the worker: each map, then each JSON file; stops if the build was killed."""
        parent = os.getppid()
        try:
            for slug in self._slugs:
                if os.getppid() != parent:  # the build is gone, and its folder with it
                    return
                sender.send((slug, self._map(slug)))
                self._write(slug)
            outcome: int | BaseException = len(self._slugs)
        except BaseException as error:  # sent to the build, which raises it
            outcome = error
        try:
            sender.send(("", outcome))
        except Exception:  # an error that cannot be pickled: its message still can
            sender.send(("", RuntimeError(f"{type(outcome).__name__}: {outcome}")))

    def _map(self, slug: str) -> str:
        drawn = concept_map(self.graph, slug, self.urls.url_for, memo=self.maps)
        if not drawn.edges:
            return ""
        page = self.urls.page(term_uri(slug))
        assert page is not None and page.url is not None
        return self.env.get_template(MAP_TEMPLATE).render(
            glossary={"concept_map": drawn},
            page=page,
            base_url=get_relative_url(".", page.url),
            config=self.config,
            _=self.heads._(term_uri(slug)),  # the interface text of the term's language
        )

    def _write(self, slug: str) -> None:
        term = self.graph.terms[slug]
        uri = term_uri(slug)
        page = self.urls.page(uri)
        assert page is not None  # only the pages of this build
        html = split_term_html(page.content or "", self.urls.absolute(uri))
        lessons = [(x.title, self.urls.absolute(x.uri)) for x in self.courses.teaching(slug)]
        head = self.heads.for_term(slug)
        payload = term_payload(term, self.graph, self.urls.absolute, head, html, lessons)
        path = self.site_dir / payload_path(slug)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(dumps(payload), encoding="utf-8")


def _widen(sender: Connection) -> None:
    """Let the worker run ahead of the template loop: a few maps fill Linux's default 64 KB
    pipe, the worker then stops until the loop takes one, and the two end up waiting for
    each other (bench/RESULTS.md, 2026-12-05)."""
    import fcntl  # Linux: the only platform the worker is forked on

    try:
        size = int(Path("/proc/sys/fs/pipe-max-size").read_text())
        fcntl.fcntl(sender.fileno(), fcntl.F_SETPIPE_SZ, min(size, PIPE_BYTES))
    except (OSError, ValueError):  # a smaller pipe only costs time
        pass
