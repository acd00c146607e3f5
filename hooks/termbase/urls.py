"""Where every generated page lives, and how links between pages are read and written.

Paths here are MkDocs source URIs (docs-relative, `glossary/<slug>.md`); the engine turns
them into page URLs. The built site's paths (`glossary/<slug>/index.html`) follow from them.
"""

from __future__ import annotations

import posixpath
from urllib.parse import urlsplit

GLOSSARY = "glossary/"  # generated pages live under this path, whatever the term folder is
INDEX_URI = "glossary/index.md"
MAP_URI = "glossary/map.md"
HOME_URI = "index.md"


def term_uri(slug: str) -> str:
    return f"glossary/{slug}.md"


def category_uri(key: str) -> str:
    return f"glossary/category/{key}.md"


def letter_id(letter: str) -> str:
    """The anchor of a letter's section on the A-Z index ('#' files digits and symbols)."""
    return "letter-" + ("other" if letter == "#" else letter.lower())


def letter_uri(letter: str) -> str:
    return f"glossary/letter/{letter_id(letter).removeprefix('letter-')}.md"


def course_uri(course: str) -> str:
    return f"courses/{course}/index.md"


def chapter_uri(course: str, chapter: str) -> str:
    return f"courses/{course}/{chapter}.md"


def is_category(uri: str) -> bool:
    return uri.startswith("glossary/category/")


def is_letter(uri: str) -> bool:
    return uri.startswith("glossary/letter/")


def slug_of_built_page(page: str) -> str | None:
    """The slug whose term page is `glossary/<slug>/index.html` in the built site, if any."""
    if page.startswith(GLOSSARY) and page.endswith("/index.html"):
        slug = page[len(GLOSSARY) : -len("/index.html")]
        if "/" not in slug:
            return slug
    return None


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
