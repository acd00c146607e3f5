"""Browser tests: the real site, built once, served on 127.0.0.1, read by Debian's Chromium.

Playwright's own browser download cannot work on machines without internet, so the tests
drive the system Chromium; when it is missing they fail (never skip) and say how to get it.
"""

from __future__ import annotations

import contextlib
import functools
import os
import subprocess
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml
from playwright.sync_api import Browser, BrowserContext, Page
from selectolax.lexbor import LexborHTMLParser

from sitebuilder import MKDOCS, project_glossary
from termbase.model import Term

from .reading import CHROMIUM, CHROMIUM_ARGS, DESKTOP, INSTALL_CHROMIUM, PHONE, PROJECT, Watch


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict) -> dict:
    if not CHROMIUM.exists():
        pytest.fail(INSTALL_CHROMIUM, pytrace=False)
    return {**browser_type_launch_args, "executable_path": str(CHROMIUM), "args": CHROMIUM_ARGS}


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args: dict) -> dict:
    return {**browser_context_args, **DESKTOP}


def build(config: Path, out: Path) -> Path:
    """Build a site as `make build` does, into `out`; fail the test if the build fails."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(PROJECT / "hooks")}
    command = [*MKDOCS, "build", "--strict", "-f", str(config), "-d", str(out)]
    result = subprocess.run(
        command, cwd=config.parent, env=env, capture_output=True, text=True, timeout=600
    )
    if result.returncode:
        pytest.fail(f"mkdocs build --strict failed:\n{result.stderr[-4000:]}", pytrace=False)
    return out


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The project's own site, built as `make build` does, into a temporary folder."""
    return build(PROJECT / "mkdocs.yml", tmp_path_factory.mktemp("site"))


def build_variant(tmp_path_factory: pytest.TempPathFactory, name: str, **search) -> Path:
    """The project's own site built with other `extra.glossary.search` settings."""
    project = tmp_path_factory.mktemp(f"{name}-project")
    for folder in ("content", "glossary"):
        (project / folder).symlink_to(PROJECT / folder)
    config = yaml.safe_load((PROJECT / "mkdocs.yml").read_text(encoding="utf-8"))
    config["theme"]["custom_dir"] = str(PROJECT / "overrides")
    config["hooks"] = [str(PROJECT / "hooks" / "site.py")]
    config["extra"]["glossary"]["search"] = search
    (project / "mkdocs.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
    return build(project / "mkdocs.yml", tmp_path_factory.mktemp(f"{name}-site"))


@pytest.fixture(scope="session")
def built_lunr_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The project's own site with Material's lunr search, whole pages indexed."""
    return build_variant(tmp_path_factory, "lunr", engine="lunr")


@pytest.fixture(scope="session")
def built_summary_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The project's own site with lunr as a glossary above `search.full_text_limit` is
    built: search sees term pages' names, definitions and FAQ questions only."""
    return build_variant(tmp_path_factory, "summary", engine="lunr", full_text_limit=0)


@pytest.fixture(scope="session")
def built_pagefind_summary_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The same, searched by Pagefind: it indexes the same summaries."""
    return build_variant(tmp_path_factory, "pfsummary", engine="pagefind", full_text_limit=0)


@dataclass(frozen=True)
class Site:
    """The built site as readers reach it: served under the path of its `site_url`."""

    folder: Path
    url: str  # ends with "/"

    def pages(self) -> list[str]:
        """Every HTML page written for readers, as the URL a reader uses (directory URLs):
        not the editors' app at admin/ (test_cms.py opens that)."""
        return [
            self.url + path.relative_to(self.folder).as_posix().removesuffix("index.html")
            for path in sorted(self.folder.rglob("*.html"))
            if path.relative_to(self.folder).parts[0] != "admin"
        ]

    def html(self, url_path: str) -> LexborHTMLParser:
        path = self.folder / url_path / "index.html"
        return LexborHTMLParser(path.read_text(encoding="utf-8"))


class _StaticFiles(SimpleHTTPRequestHandler):
    """The site's files under `prefix`, as a static host serves them; quiet in test output."""

    prefix = "/"

    def translate_path(self, path: str) -> str:
        if not path.startswith(self.prefix):
            return str(Path(self.directory) / "no such file")
        return super().translate_path("/" + path[len(self.prefix) :])

    def log_message(self, format: str, *args: object) -> None:
        pass


@contextlib.contextmanager
def serve(folder: Path) -> Iterator[Site]:
    """A built site on a free port of 127.0.0.1, served by a thread.

    Served under the path of `site_url` (from the canonical link), as it will be deployed,
    so that pages with absolute paths, such as 404.html, load their assets too.
    """
    home = LexborHTMLParser((folder / "index.html").read_text(encoding="utf-8"))
    canonical = home.css_first('link[rel="canonical"]')
    prefix = urlsplit(canonical.attributes["href"]).path if canonical else "/"
    handler = type("Handler", (_StaticFiles,), {"prefix": prefix})
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=folder))
    thread = threading.Thread(target=server.serve_forever, name="site-server", daemon=True)
    thread.start()
    try:
        yield Site(folder, f"http://127.0.0.1:{server.server_port}{prefix}")
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


@pytest.fixture(scope="session")
def site(built_site: Path) -> Iterator[Site]:
    """The built site, served for the session."""
    with serve(built_site) as served:
        yield served


@pytest.fixture(scope="session")
def lunr_site(built_lunr_site: Path) -> Iterator[Site]:
    """The same site searched by Material's lunr search."""
    with serve(built_lunr_site) as served:
        yield served


@pytest.fixture(scope="session")
def summary_site(built_summary_site: Path) -> Iterator[Site]:
    """The same site with term pages searched by names, definitions and FAQ questions."""
    with serve(built_summary_site) as served:
        yield served


@pytest.fixture(scope="session")
def pagefind_summary_site(built_pagefind_summary_site: Path) -> Iterator[Site]:
    """Pagefind's search of term pages by names, definitions and FAQ questions."""
    with serve(built_pagefind_summary_site) as served:
        yield served


@pytest.fixture(scope="session")
def base_url(site: Site) -> str:
    """`page.goto("glossary/")` resolves against the served site."""
    return site.url


@pytest.fixture(scope="session")
def terms() -> list[Term]:
    """The published terms of the real glossary, as editors wrote them."""
    glossary = project_glossary()
    return sorted((t for t in glossary.terms.values() if not t.draft), key=lambda t: t.slug)


@pytest.fixture(scope="session")
def term_slug(terms: list[Term]) -> str:
    """The richest term page to look at: related terms, an FAQ and most aliases."""
    return max(terms, key=lambda t: (bool(t.related), bool(t.faq), len(t.aliases))).slug


@pytest.fixture
def watch(page: Page, site: Site) -> Watch:
    """What goes wrong on `page` during the test."""
    return Watch("{0.scheme}://{0.netloc}/".format(urlsplit(site.url))).attach(page)


@pytest.fixture
def make_context(browser: Browser, site: Site) -> Iterator[Callable[..., BrowserContext]]:
    """New browser contexts (desktop size unless told), closed after the test."""
    contexts: list[BrowserContext] = []

    def make(**options) -> BrowserContext:
        contexts.append(browser.new_context(**{"base_url": site.url, **DESKTOP, **options}))
        return contexts[-1]

    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def phone(make_context: Callable[..., BrowserContext]) -> BrowserContext:
    """A touch phone 360 CSS pixels wide."""
    return make_context(**PHONE)
