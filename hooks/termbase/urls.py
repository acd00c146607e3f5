"""Where every generated page lives, and how links between pages are read and written.

Paths here are MkDocs source URIs (docs-relative, `glossary/<slug>.md`); the engine turns
them into page URLs. The built site's paths (`glossary/<slug>/index.html`) follow from them.
"""

from __future__ import annotations

import posixpath
import re
from urllib.parse import urlsplit

from termbase.parts import DEFAULT_PART, term_id

GLOSSARY = "glossary/"  # the default glossary's pages live here, whatever its term folder is
HOME_URI = "index.md"
# Another glossary of the site (termbase.parts) has its pages under its name: ids with a
# `name:` in front (`kubernetes:pod`) live at `kubernetes/pod.md`.
# A translation's pages are one folder deeper (`fr/glossary/`, termbase.languages).
_LISTING = re.compile(r"^(.+)/(category|letter)/[^/]+\.md$")


def _path(ident: str) -> str:
    """`glossary/slug` for an id of the default glossary, `name/slug` for `name:slug`."""
    if ":" in ident:
        part, _, slug = ident.partition(":")
        return f"{part}/{slug}"
    return GLOSSARY + ident


def term_uri(slug: str) -> str:
    return f"{_path(slug)}.md"


def category_uri(key: str) -> str:
    part, _, local = key.rpartition(":")
    return f"{part or DEFAULT_PART}/category/{local}.md"


def index_uri(part: str = DEFAULT_PART) -> str:
    return f"{part}/index.md"


def map_uri(part: str = DEFAULT_PART) -> str:
    return f"{part}/map.md"


INDEX_URI = index_uri()
MAP_URI = map_uri()


def letter_id(letter: str) -> str:
    """The anchor of a letter's section on the A-Z index ('#' files digits and symbols)."""
    return "letter-" + ("other" if letter == "#" else letter.lower())


def letter_uri(letter: str, part: str = DEFAULT_PART) -> str:
    return f"{part}/letter/{letter_id(letter).removeprefix('letter-')}.md"


def part_of_uri(uri: str) -> str:
    """The glossary a generated page belongs to: the folder it lives in."""
    match = _LISTING.match(uri)
    return match.group(1) if match else posixpath.dirname(uri)


def course_uri(course: str) -> str:
    return f"courses/{course}/index.md"


def chapter_uri(course: str, chapter: str) -> str:
    return f"courses/{course}/{chapter}.md"


def is_category(uri: str) -> bool:
    """A category page of a glossary (ask only of generated pages)."""
    match = _LISTING.match(uri)
    return bool(match) and match.group(2) == "category"


def is_letter(uri: str) -> bool:
    match = _LISTING.match(uri)
    return bool(match) and match.group(2) == "letter"


def category_of_uri(uri: str) -> str:
    """The category id a category page shows."""
    return term_id(part_of_uri(uri), posixpath.splitext(posixpath.basename(uri))[0])


def slug_of_built_page(page: str, prefixes: dict[str, str] | None = None) -> str | None:
    """The term id whose page is `glossary/<slug>/index.html` in the built site, if any;
    `prefixes` (`kubernetes/` -> `kubernetes`) names the site's other glossaries."""
    if not page.endswith("/index.html"):
        return None
    folder, _, slug = page[: -len("/index.html")].rpartition("/")
    part = (prefixes or {GLOSSARY: DEFAULT_PART}).get(folder + "/")
    return term_id(part, slug) if part and slug else None


def resolve(page_uri: str, href: str) -> str | None:
    """The docs-relative path a relative link on `page_uri` points at, or None if external."""
    if href.startswith("/"):
        return None
    path = href
    # Plain paths (most links) skip urlsplit, which also drops spaces and control characters.
    if ":" in href or "#" in href or "?" in href or " " in href or not href.isprintable():
        parts = urlsplit(href)
        if parts.scheme or parts.netloc:
            return None
        path = parts.path
    if not path:
        return None
    return posixpath.normpath(posixpath.join(posixpath.dirname(page_uri), path))


def relative(from_uri: str, target_uri: str) -> str:
    """A link from one source page to another, as an editor would write it."""
    folder = posixpath.dirname(from_uri)
    if posixpath.dirname(target_uri) == folder:  # a term linked from a term: no relpath
        return posixpath.basename(target_uri)
    return posixpath.relpath(target_uri, folder or ".")


def with_slash(url: str) -> str:
    return url if url.endswith("/") else url + "/"


def page_address(file: str) -> str:
    """How a reader would write the address of a built site file: folders end in '/'."""
    if file == "index.html":
        return "/"
    return file[: -len("index.html")] if file.endswith("/index.html") else file
