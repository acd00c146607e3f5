"""What links a built site holds: every URL in its HTML, JSON-LD, sitemap, robots.txt and
JSON exports, and every anchor a link can point at. `linkcheck` decides which resolve.

Read with a real HTML parser (selectolax on lexbor, about 0.5 ms a page), never regexes.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass, field

from selectolax.lexbor import LexborHTMLParser

from termbase.checks.project import Project

# Elements whose URL the browser follows or loads, and the attribute that holds it.
_LINK_SELECTOR = ", ".join(
    f"{tag}[{attr}]"
    for tag, attr in [
        ("a", "href"),
        ("area", "href"),
        ("link", "href"),
        ("img", "src"),
        ("img", "srcset"),
        ("source", "src"),
        ("source", "srcset"),
        ("script", "src"),
        ("iframe", "src"),
        ("video", "src"),
        ("audio", "src"),
    ]
)
_ASSET_NAMES = {"img": "image", "source": "media file", "script": "script", "iframe": "page"}
# Social cards name absolute URLs, like the canonical one.
_META_URLS = {"og:url": "page", "og:image": "image", "twitter:image": "image"}
_META_URL_SELECTOR = ", ".join(
    f'meta[{attr}="{name}"]' for name in _META_URLS for attr in ("property", "name")
)
# JSON keys whose value is a URL even when relative; any absolute http(s) string is a URL too.
_JSON_URL_KEYS = {"url", "href", "@id", "item", "sameas", "image", "logo", "contenturl", "json"}
SITEMAP_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML_NS = "{http://www.w3.org/1999/xhtml}"


@dataclass(frozen=True)
class FoundLink:
    """A URL found in a site file, with what kind of thing it should lead to."""

    page: str  # the site file it is in, relative to the site folder
    url: str
    kind: str  # page | asset | canonical | sitemap | absolute (og:url ...) | json
    what: str = "page"  # a word for messages: page, image, stylesheet, script ...
    anchors: bool = True  # False for JSON-LD node ids, whose #fragment names no element
    source: str | None = None  # the file the page was built from


@dataclass
class PageLinks:
    """One HTML page: the anchors it offers, the links it holds, and what could not be read."""

    ids: set[str] = field(default_factory=set)
    links: list[FoundLink] = field(default_factory=list)
    problems: list[tuple[str, str]] = field(default_factory=list)  # (what, message)


def read_page(html: str, name: str, source: str | None = None) -> PageLinks:
    tree = LexborHTMLParser(html)
    page = PageLinks()
    for node in tree.css("[id]"):
        page.ids.add(node.attributes["id"] or "")
    for node in tree.css("a[name]"):
        page.ids.add(node.attributes["name"] or "")
    for node in tree.css(_LINK_SELECTOR):
        page.links.extend(_element_links(name, node.tag, node.attributes, source))
    for node in tree.css(_META_URL_SELECTOR):
        attributes = node.attributes
        what = _META_URLS[attributes.get("property") or attributes.get("name") or ""]
        page.links.append(
            FoundLink(name, attributes.get("content") or "", "absolute", what, source=source)
        )
    for node in tree.css('script[type="application/ld+json"]'):
        try:
            data = json.loads(node.text(deep=True) or "null")
        except ValueError as err:
            page.problems.append(("JSON-LD", f"is not valid JSON ({err})"))
            continue
        page.links.extend(json_links(data, name, source, relative=False))
    return page


def robots_links(robots: bytes) -> Iterator[FoundLink]:
    """The `Sitemap:` lines of robots.txt."""
    for line in robots.decode("utf-8", "replace").splitlines():
        name, _, value = line.partition(":")
        if name.strip().lower() == "sitemap":
            yield FoundLink("robots.txt", value.strip(), "sitemap", "file")


def sitemap_links(sitemap: bytes) -> Iterator[FoundLink]:
    """The `<loc>` of every sitemap entry and its translations' `xhtml:link`s; ValueError
    when the file is not XML."""
    try:
        root = ET.fromstring(sitemap)
    except ET.ParseError as err:
        raise ValueError(f"is not valid XML ({err})") from None
    for loc in root.iter(f"{SITEMAP_NS}loc"):
        yield FoundLink("sitemap.xml", (loc.text or "").strip(), "sitemap")
    for alternate in root.iter(f"{XHTML_NS}link"):
        yield FoundLink("sitemap.xml", alternate.get("href", "").strip(), "sitemap")


def json_links(
    data: object,
    page: str,
    source: str | None,
    *,
    relative: bool,
    project: Project | None = None,
) -> Iterator[FoundLink]:
    """URLs inside JSON: absolute http(s) strings anywhere, and relative ones (when allowed)
    under URL-like keys. An object with a term's `slug` is attributed to that term file."""

    def walk(value: object, key: str, source: str | None) -> Iterator[FoundLink]:
        if isinstance(value, dict):
            slug = value.get("slug")
            if project and isinstance(slug, str):
                source = project.term_file_for_slug(slug) or source
            for sub_key, sub in value.items():
                yield from walk(sub, str(sub_key), source)
        elif isinstance(value, list):
            for item in value:
                yield from walk(item, key, source)
        # JSON-LD names its vocabulary in @context and @type: URLs no reader is sent to.
        elif isinstance(value, str) and key.lower() not in ("@context", "@type"):
            is_absolute = value.startswith(("http://", "https://"))
            url_key = key.lower() in _JSON_URL_KEYS or key.lower().endswith("url")
            if is_absolute or (relative and url_key and value):
                yield FoundLink(page, value, "json", anchors=key != "@id", source=source)

    return walk(data, "", source)


def _element_links(
    page: str, tag: str, attributes: dict[str, str | None], source: str | None
) -> Iterator[FoundLink]:
    if tag in ("a", "area"):
        yield FoundLink(page, attributes.get("href") or "", "page", source=source)
        return
    if tag == "link":
        rel = (attributes.get("rel") or "").lower().split()
        if "canonical" in rel:
            yield FoundLink(page, attributes.get("href") or "", "canonical", source=source)
        elif not {"preconnect", "dns-prefetch"} & set(rel):
            what = "stylesheet" if "stylesheet" in rel else "file"
            yield FoundLink(page, attributes.get("href") or "", "asset", what, source=source)
        return
    what = _ASSET_NAMES.get(tag, "file")
    if attributes.get("src"):
        yield FoundLink(page, attributes["src"] or "", "asset", what, source=source)
    for candidate in (attributes.get("srcset") or "").split(","):
        if candidate.strip():
            yield FoundLink(page, candidate.split()[0], "asset", what, source=source)
