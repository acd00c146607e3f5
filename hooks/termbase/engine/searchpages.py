"""What Pagefind reads of each page: its head and the element it indexes, nothing else.

Pagefind indexes only the element marked `data-pagefind-body` (overrides/main.html and
term.html) and the head's language and title, but it parses every byte of a page to find
them: the navigation, the concept map's SVG and the hover cards' data are most of a term
page. So as MkDocs writes each page, the page cut to its head and that element is written
into a folder of its own, and Pagefind indexes that folder into the site: the same index,
page for page and fragment for fragment, from a fraction of the HTML (bench/RESULTS.md).
HTML files in the site that were not written as pages of this build (a `--dirty` build's
unchanged pages, another plugin's files) are read from the site and cut the same way.
"""

from __future__ import annotations

import re
import shutil
import tempfile
from pathlib import Path

from mkdocs.exceptions import Abort

from termbase.engine.search import OUTPUT, index_site
from termbase.engine.tail import Stop

BODY = "<div data-pagefind-body"  # as the templates write it: the first such element
_DIV = re.compile(r"<(/?)div[\s/>]", re.IGNORECASE)


def indexed_part(html: str) -> str | None:
    """The page up to its `<body>` tag, then its indexed element; None if it has none
    (a noindex page, 404.html), which Pagefind would leave out too."""
    start = html.find(BODY)
    if start < 0:
        return None
    body = html.rfind("<body", 0, start)
    head = html[: html.index(">", body) + 1] if body >= 0 else html[:start]
    depth, end = 0, len(html)
    for match in _DIV.finditer(html, start):
        depth += -1 if match.group(1) else 1
        if depth == 0:
            end = html.index(">", match.start()) + 1
            break
    return head + html[start:end]


class SearchPages:
    """The cut pages of one build, in a temporary folder until Pagefind has indexed them."""

    def __init__(self, indexes: int = 1, translations: frozenset[str] = frozenset()) -> None:
        self.indexes = indexes  # Pagefind indexes to share the pages among (engine/search.py)
        self.translations = translations  # language codes: their pages' first folder
        self.folder = Path(tempfile.mkdtemp(prefix="termbase-search-"))
        self._made: set[Path] = {self.folder}  # folders made so far: one mkdir each
        self._seen: set[str] = set()  # the pages given, indexed or not

    def add(self, dest_uri: str, html: str) -> None:
        self._seen.add(dest_uri)
        part = indexed_part(html)
        if part is None:
            return
        path = self.folder / dest_uri
        try:
            if path.parent not in self._made:
                path.parent.mkdir(parents=True, exist_ok=True)
                self._made.add(path.parent)
            path.write_text(part, encoding="utf-8")
        except OSError as error:
            self.discard()
            raise Abort(f"Aborted: cannot write the search copy of {dest_uri}: {error}") from None

    def index_into(self, site: Path, stop: Stop | None = None) -> None:
        """Pagefind's index of the pages and of the site's other HTML files, written to the
        site's pagefind/ folder."""
        try:
            for path in site.rglob("*.html"):
                uri = path.relative_to(site).as_posix()
                if uri not in self._seen and not uri.startswith(f"{OUTPUT}/"):
                    self.add(uri, path.read_text(encoding="utf-8", errors="replace"))
            index_site(self.folder, site, self.indexes, self.translations, stop)
        finally:
            self.discard()

    def discard(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)
