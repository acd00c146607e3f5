"""Every link in a built site resolves: the promise the site makes its readers.

It reads the HTML that was written, not the Markdown, so links from templates, generated
pages, the sitemap, JSON-LD and `glossary.json` are covered as well as editors' links.
`sitelinks` finds the links, this module resolves them against the files written, and
`urlcheck` fetches external ones when asked (otherwise they get a syntax check). No MkDocs
import: any static site folder can be checked, and `Project` says where pages came from.
"""

from __future__ import annotations

import json
import os
import posixpath
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from .project import Project
from .sitelinks import Link, PageLinks, json_links, read_page, robots_links, sitemap_links

# Links that must be absolute URLs of this site (under site_url).
_SITE_URL_KINDS = ("canonical", "sitemap")
_KIND_LABELS = {
    "canonical": "canonical URL: ",
    "sitemap": "sitemap entry: ",
    "absolute": "social card URL: ",
    "json": "URL in JSON-LD: ",
}
# Schemes a link may use that name no file and no web page.
_NOT_CHECKED = {"mailto", "tel", "data", "javascript", "sms"}


@dataclass(frozen=True)
class Finding:
    """One broken link: the page it is on, the link as written, what is wrong, and the file
    the page was built from, which is where an editor fixes it."""

    page: str  # relative to the site folder: glossary/mesa/index.html
    link: str
    message: str
    source: str | None = None  # glossary/mesa.yml or content/about.md
    level: str = "error"  # "warning" does not fail the check

    def __str__(self) -> str:
        origin = f" (from {self.source})" if self.source else ""
        return f"{self.page}: {self.level}: {self.link}: {self.message}{origin}"


@dataclass
class Report:
    findings: list[Finding]
    pages: int
    links: int
    external: list[str]  # distinct external URLs, without fragments
    seconds: float

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.level == "error"]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if f.level == "warning"]


# An external URL checker: urls -> {url: (level, message)} for those that failed.
UrlCheck = Callable[[list[str]], dict[str, tuple[str, str]]]


class SiteChecker:
    """Checks one built site folder; `Project` (optional) names the source of each page."""

    def __init__(self, site_dir: Path, project: Project | None = None, site_url: str | None = None):
        self.site_dir = site_dir
        self.project = project
        url = site_url or (project.site_url if project else None)
        self.site_url = _with_slash(url) if url else None
        parts = urlsplit(self.site_url or "")
        self.host = parts.netloc.lower()
        self.base_path = parts.path or "/"
        self.files: set[str] = set()
        self.pages: dict[str, PageLinks] = {}
        self.findings: list[Finding] = []

    # -- reading the site ---------------------------------------------------------------

    def run(self, check_urls: UrlCheck | None = None) -> Report:
        started = time.perf_counter()
        self.files = set(_walk(self.site_dir))
        for name in sorted(f for f in self.files if f.endswith(".html")):
            self.pages[name] = self._read_page(name)
        extra = [*self._sitemap_links(), *self._glossary_json_links()]
        links = [link for page in self.pages.values() for link in page.links] + extra
        inbound: dict[str, set[str]] = defaultdict(set)
        external: dict[str, list[Link]] = defaultdict(list)
        for link in links:
            target = self._check(link, external)
            if target and link.kind == "page" and target != link.page:
                inbound[target].add(link.page)
        self._check_external(external, check_urls)
        self._report_orphans(inbound)
        return Report(
            findings=sorted(self.findings, key=lambda f: f.page),
            pages=len(self.pages),
            links=len(links),
            external=sorted(external),
            seconds=time.perf_counter() - started,
        )

    def _read_page(self, name: str) -> PageLinks:
        html = (self.site_dir / name).read_text(encoding="utf-8", errors="replace")
        source = self.project.source_of(name) if self.project else None
        page = read_page(html, name, source)
        for link, message in page.problems:
            self.findings.append(Finding(name, link, message, source))
        return page

    def _sitemap_links(self) -> Iterator[Link]:
        if "robots.txt" in self.files:
            yield from robots_links((self.site_dir / "robots.txt").read_bytes())
        if "sitemap.xml" in self.files:
            try:
                yield from sitemap_links((self.site_dir / "sitemap.xml").read_bytes())
            except ValueError as err:
                self.findings.append(Finding("sitemap.xml", "sitemap.xml", str(err)))

    def _glossary_json_links(self) -> Iterator[Link]:
        for name in sorted(f for f in self.files if posixpath.basename(f) == "glossary.json"):
            try:
                data = json.loads((self.site_dir / name).read_text(encoding="utf-8"))
            except ValueError as err:
                self.findings.append(Finding(name, name, f"is not valid JSON ({err})"))
                continue
            yield from json_links(data, name, None, relative=True, project=self.project)

    # -- resolving ----------------------------------------------------------------------

    def _check(self, link: Link, external: dict[str, list[Link]]) -> str | None:
        """Record what is wrong with `link`; return the site file it leads to, if any."""
        url = link.url.strip()
        parts = urlsplit(url)
        scheme = parts.scheme.lower()
        if scheme in _NOT_CHECKED or (not url and link.kind in ("page", "asset")):
            return None
        if scheme or url.startswith("//"):
            absolute = url if scheme else f"https:{url}"
            local = self._under_site_url(absolute)
            if local is None:
                if link.kind in _SITE_URL_KINDS and self.site_url:
                    self._fail(link, f"is not under site_url {self.site_url}")
                else:
                    external[absolute.split("#", 1)[0]].append(link)
                return None
            path = local
        elif parts.path.startswith("/"):
            if not parts.path.startswith(self.base_path):
                self._fail(link, f"is outside the site, which lives under {self.base_path}")
                return None
            path = parts.path[len(self.base_path) :]
        elif link.kind in (*_SITE_URL_KINDS, "absolute"):
            self._fail(link, "must be an absolute URL")
            return None
        else:
            folder = posixpath.dirname(link.page)
            path = posixpath.join(folder, parts.path) if parts.path else link.page
        target = self._file_for(unquote(path), link)
        if target is None:
            return None
        fragment = unquote(parts.fragment)
        checkable = fragment and link.anchors and not fragment.startswith(":~:")  # ~ text
        if checkable and target in self.pages and fragment not in self.pages[target].ids:
            self._fail(link, f"no anchor #{fragment} on {_page_url(target)}")
        return target

    def _under_site_url(self, url: str) -> str | None:
        """The site path of an absolute URL under site_url, or None for other sites."""
        if not self.site_url:
            return None
        parts = urlsplit(url)
        if parts.scheme.lower() not in ("http", "https") or parts.netloc.lower() != self.host:
            return None
        path = parts.path or "/"
        if path + "/" == self.base_path:
            return ""
        return path[len(self.base_path) :] if path.startswith(self.base_path) else None

    def _file_for(self, path: str, link: Link) -> str | None:
        """The file a server sends for `path`: directories serve their index.html."""
        folder = path.endswith("/") or path in ("", ".") or path.endswith(("/.", "/.."))
        path = posixpath.normpath(path) if path else "."
        if path == ".." or path.startswith("../"):
            self._fail(link, "points above the top of the site")
            return None
        path = "" if path == "." else path
        candidates = [posixpath.join(path, "index.html")]
        if not folder:
            candidates.insert(0, path)
        for candidate in candidates:
            if candidate in self.files:
                return candidate
        self._fail(link, f"no such {link.what}: {_page_url(candidates[-1]) if folder else path}")
        return None

    def _check_external(self, external: dict[str, list[Link]], check_urls: UrlCheck | None):
        broken = {url: ("error", "malformed URL") for url in external if not valid_url(url)}
        if check_urls:
            broken.update(check_urls(sorted(u for u in external if u not in broken)))
        for url, (level, message) in sorted(broken.items()):
            used = external[url]
            others = len({link.page for link in used}) - 1
            also = f" (also on {others} other page{'s' * (others != 1)})" if others > 0 else ""
            first = used[0]
            self.findings.append(
                Finding(first.page, first.url, message + also, first.source, level)
            )

    def _report_orphans(self, inbound: dict[str, set[str]]) -> None:
        """A term page reached only from listings is one readers meet only by browsing A-Z."""
        if self.project is None:
            return
        for name in sorted(self.pages):
            source = self.project.term_file_of(name)
            if source is None:
                continue
            linked_from = {p for p in inbound.get(name, ()) if not self.project.is_listing(p)}
            if not linked_from:
                self.findings.append(
                    Finding(
                        name,
                        _page_url(name),
                        "orphan term: no page links to it except the glossary's listings; "
                        "relate it to another term or link it from a page that mentions it",
                        source,
                        "warning",
                    )
                )

    def _fail(self, link: Link, message: str) -> None:
        label = _KIND_LABELS.get(link.kind, "")
        if link.kind == "json" and not link.page.endswith(".html"):
            label = "URL in JSON: "
        self.findings.append(Finding(link.page, link.url, label + message, link.source))


def check_site(
    site_dir: Path,
    project: Project | None = None,
    *,
    site_url: str | None = None,
    check_urls: UrlCheck | None = None,
) -> Report:
    """Check every link in the built site at `site_dir`; see `SiteChecker`."""
    return SiteChecker(site_dir, project, site_url).run(check_urls)


def valid_url(url: str) -> bool:
    """An absolute http(s) URL with a host and no spaces: what a browser can follow."""
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError for a bad port
    except ValueError:
        return False
    return (
        parts.scheme in ("http", "https")
        and bool(parts.hostname)
        and not any(c.isspace() for c in url)
    )


def _walk(root: Path) -> Iterable[str]:
    for folder, _dirs, names in os.walk(root):
        relative = os.path.relpath(folder, root).replace(os.sep, "/")
        prefix = "" if relative == "." else relative + "/"
        for name in names:
            yield prefix + name


def _with_slash(url: str) -> str:
    return url if url.endswith("/") else url + "/"


def _page_url(file: str) -> str:
    """How a reader would write the address of a site file: folders end in '/'."""
    if file == "index.html":
        return "/"
    return file[: -len("index.html")] if file.endswith("/index.html") else file
