"""Every link in a built site resolves: the promise the site makes its readers.

It reads the HTML that was written, not the Markdown, so links from templates, generated
pages, the sitemap, JSON-LD and `glossary.json` are covered as well as editors' links.
`sitelinks` finds the links, this module resolves them against the files written, and
`urlcheck` fetches external ones when asked (otherwise they get a syntax check). No MkDocs
import: any static site folder can be checked, and `Project` says where pages came from.
"""

from __future__ import annotations

import copy
import json
import os
import posixpath
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from urllib.parse import unquote, urlsplit

from termbase.checks.findings import Finding, Report
from termbase.checks.project import Project
from termbase.checks.sitelinks import FoundLink, json_links, read_page, robots_links, sitemap_links
from termbase.parallel import parallel_map
from termbase.reading.schema import valid_url
from termbase.urls import page_address, with_slash

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


# An external URL checker: urls -> {url: (level, message)} for those that failed.
UrlCheck = Callable[[list[str]], dict[str, tuple[str, str]]]


class SiteChecker:
    """Checks one built site folder; `Project` (optional) names the source of each page."""

    def __init__(self, site_dir: Path, project: Project | None = None, site_url: str | None = None):
        self.site_dir = site_dir
        self.project = project
        url = site_url or (project.site_url if project else None)
        self.site_url = with_slash(url) if url else None
        parts = urlsplit(self.site_url or "")
        self.host = parts.netloc.lower()
        self.base_path = parts.path or "/"
        self.files: set[str] = set()
        self.ids: dict[str, set[str]] = {}  # page -> the anchors it offers
        self.findings: list[Finding] = []

    # -- reading the site ---------------------------------------------------------------

    def run(self, check_urls: UrlCheck | None = None, workers: int = 1) -> Report:
        started = time.perf_counter()
        self.files = set(_walk(self.site_dir))
        names = sorted(f for f in self.files if f.endswith(".html"))
        # Each page is read and its links resolved on its own, so pages are shared among
        # `workers` processes; links to another page's #anchor wait until every page is read.
        records = parallel_map(self._page_record, names, workers)
        inbound: dict[str, set[str]] = defaultdict(set)
        external: dict[str, list[FoundLink]] = defaultdict(list)
        anchors_elsewhere: list[tuple[str, str, FoundLink]] = []
        links = 0
        moved = set()  # pages whose canonical is another page (see entries): never orphans
        for name, (ids, findings, targets, outside, later, count, elsewhere) in zip(
            names, records, strict=True
        ):
            if elsewhere:
                moved.add(name)
            self.ids[name] = set(ids)
            self.findings += [Finding(*finding) for finding in findings]
            for target in targets:
                inbound[target].add(name)
            for url, link in outside:
                external[url].append(FoundLink(*link))
            anchors_elsewhere += [
                (target, fragment, FoundLink(*link)) for target, fragment, link in later
            ]
            links += count
        for target, fragment, link in anchors_elsewhere:
            self._check_anchor(link, target, fragment)
        extra = [*self._sitemap_links(), *self._glossary_json_links()]
        for link in extra:
            self._check(link, external)
        self._check_external(external, check_urls)
        self._report_orphans([n for n in names if n not in moved], inbound)
        return Report(
            findings=sorted(self.findings, key=lambda f: f.page),
            pages=len(names),
            links=links + len(extra),
            external=sorted(external),
            seconds=time.perf_counter() - started,
        )

    def _page_record(self, name: str) -> tuple:
        """One page read and checked, as plain data a worker process can send back: its ids,
        its broken links, the pages it links to, its external URLs, its links to anchors of
        other pages (checked once all are read), and how many links it holds."""
        html = (self.site_dir / name).read_text(encoding="utf-8", errors="replace")
        source = self.project.source_of(name) if self.project else None
        page = read_page(html, name, source)
        alone = copy.copy(self)  # this page's findings only, and its anchors only
        alone.findings = [Finding(name, link, message, source) for link, message in page.problems]
        alone.ids = {name: page.ids}
        external: dict[str, list[FoundLink]] = defaultdict(list)
        later: list[tuple[str, str, FoundLink]] = []
        targets = set()
        elsewhere = False
        for link in page.links:
            target = alone._check(link, external, later)
            if target and link.kind == "page" and target != name:
                targets.add(target)
            elsewhere = elsewhere or bool(link.kind == "canonical" and target and target != name)
        return (
            list(page.ids),
            [_row(finding) for finding in alone.findings],
            sorted(targets),
            [(url, _row(link)) for url, used in external.items() for link in used],
            [(target, fragment, _row(link)) for target, fragment, link in later],
            len(page.links),
            elsewhere,
        )

    def _sitemap_links(self) -> Iterator[FoundLink]:
        if "robots.txt" in self.files:
            yield from robots_links((self.site_dir / "robots.txt").read_bytes())
        if "sitemap.xml" in self.files:
            try:
                yield from sitemap_links((self.site_dir / "sitemap.xml").read_bytes())
            except ValueError as err:
                self.findings.append(Finding("sitemap.xml", "sitemap.xml", str(err)))

    def _glossary_json_links(self) -> Iterator[FoundLink]:
        for name in sorted(f for f in self.files if posixpath.basename(f) == "glossary.json"):
            try:
                data = json.loads((self.site_dir / name).read_text(encoding="utf-8"))
            except ValueError as err:
                self.findings.append(Finding(name, name, f"is not valid JSON ({err})"))
                continue
            yield from json_links(data, name, None, relative=True, project=self.project)

    # -- resolving ----------------------------------------------------------------------

    def _check(
        self,
        link: FoundLink,
        external: dict[str, list[FoundLink]],
        later: list[tuple[str, str, FoundLink]] | None = None,
    ) -> str | None:
        """Record what is wrong with `link`; return the site file it leads to, if any. A link
        to an anchor of a page not read yet goes to `later`, to be checked once it is."""
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
        elif parts.path:
            folder = posixpath.dirname(link.page)
            path = f"{folder}/{parts.path}" if folder else parts.path  # posixpath.join, quicker
        else:
            path = link.page
        target = self._file_for(unquote(path) if "%" in path else path, link)
        if target is None:
            return None
        fragment = unquote(parts.fragment) if "%" in parts.fragment else parts.fragment
        if fragment and link.anchors and not fragment.startswith(":~:"):  # ~ a text fragment
            if later is not None and target not in self.ids and target.endswith(".html"):
                later.append((target, fragment, link))
            else:
                self._check_anchor(link, target, fragment)
        return target

    def _check_anchor(self, link: FoundLink, target: str, fragment: str) -> None:
        if target in self.ids and fragment not in self.ids[target]:
            self._fail(link, f"no anchor #{fragment} on {page_address(target)}")

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

    def _file_for(self, path: str, link: FoundLink) -> str | None:
        """The file a server sends for `path`: directories serve their index.html."""
        folder = path.endswith("/") or path in ("", ".") or path.endswith(("/.", "/.."))
        path = posixpath.normpath(path) if path else "."
        if path == ".." or path.startswith("../"):
            self._fail(link, "points above the top of the site")
            return None
        path = "" if path == "." else path
        candidates = [f"{path}/index.html" if path else "index.html"]
        if not folder:
            candidates.insert(0, path)
        for candidate in candidates:
            if candidate in self.files:
                return candidate
        self._fail(link, f"no such {link.what}: {page_address(candidates[-1]) if folder else path}")
        return None

    def _check_external(self, external: dict[str, list[FoundLink]], check_urls: UrlCheck | None):
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

    def _report_orphans(self, names: list[str], inbound: dict[str, set[str]]) -> None:
        """A term page reached only from listings is one readers meet only by browsing A-Z."""
        if self.project is None:
            return
        for name in names:
            source = self.project.term_file_of(name)
            if source is None:
                continue
            linked_from = {p for p in inbound.get(name, ()) if not self.project.is_listing(p)}
            if not linked_from:
                self.findings.append(
                    Finding(
                        name,
                        page_address(name),
                        "orphan term: no page links to it except the glossary's listings; "
                        "relate it to another term or link it from a page that mentions it",
                        source,
                        "warning",
                    )
                )

    def _fail(self, link: FoundLink, message: str) -> None:
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
    workers: int = 1,
) -> Report:
    """Check every link in the built site at `site_dir`; see `SiteChecker`. With `workers`
    > 1 (only where no threads run: see forkmap), pages are read in that many processes."""
    return SiteChecker(site_dir, project, site_url).run(check_urls, workers)


def _walk(root: Path) -> Iterable[str]:
    for folder, _dirs, names in os.walk(root):
        relative = os.path.relpath(folder, root).replace(os.sep, "/")
        prefix = "" if relative == "." else relative + "/"
        for name in names:
            yield prefix + name


def _row(record: FoundLink | Finding) -> tuple:
    """A link or finding as the tuple of its fields (`FoundLink(*row)` makes it again): quick
    for a worker process to send. Quicker than dataclasses.astuple, which deep-copies."""
    return tuple(record.__dict__.values())
