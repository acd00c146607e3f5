"""The generated pages as in-memory MkDocs files, and their place in the nav.

Nothing is written to disk: `File.generated` gives MkDocs the Markdown, and MkDocs' own link
validation, nav, sitemap and live reload treat the pages like any other. The nav is changed
in mkdocs.yml's terms (`config.nav`) before MkDocs builds it, so no private nav function is
needed: the glossary index becomes a short section of index, concept map and categories.
Terms are never in the nav: Material renders the whole nav into every page.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterable
from urllib.parse import urljoin

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from mkdocs.structure.files import File, Files, InclusionLevel

from termbase.course.model import Courses
from termbase.graph.relations import TermGraph
from termbase.pages.api import dumps, json_url
from termbase.pages.apischema import SCHEMAS
from termbase.pages.export import glossary_json, robots_txt
from termbase.urls import category_uri, chapter_uri, course_uri, index_uri, map_uri, term_uri


def add_generated_pages(
    files: Files,
    config: MkDocsConfig,
    pages: dict[str, str],
    graph: TermGraph,
    navigable: set[str],
) -> Files:
    """Every generated page and export (glossary.json, robots.txt) as an in-memory file.
    Pages in `navigable` (the A-Z index, course pages) go where mkdocs.yml's nav puts them;
    the others are kept out of the nav, or the glossary's nav section lists them."""
    for uri, markdown in pages.items():
        if files.get_file_from_path(uri) is not None:
            raise Abort(f"{config.docs_dir}/{uri} would hide a generated page")
        inclusion = InclusionLevel.UNDEFINED if uri in navigable else InclusionLevel.NOT_IN_NAV
        files.append(File.generated(config, uri, content=markdown, inclusion=inclusion))
    site_url = (config.site_url or "").rstrip("/") + "/"

    language = config.theme.get("language") or "en"  # the source's (engine/languagenav.py)

    def term_url(slug: str) -> str:
        return urljoin(site_url, files.get_file_from_path(term_uri(slug)).url)

    def index_url(part: str) -> str:
        return urljoin(site_url, files.get_file_from_path(index_uri(part)).url)

    def term_json_url(slug: str) -> str:
        return json_url(lambda uri: urljoin(site_url, uri), slug)

    exports = {
        "glossary.json": glossary_json(
            graph, term_url, config.site_name, term_json_url, index_url, language
        ),
        "robots.txt": robots_txt(config.site_url),
        **{f"schema/{name}": dumps(schema) for name, schema in SCHEMAS.items()},
    }
    for uri, content in exports.items():
        if files.get_file_from_path(uri) is None:  # a hand-written file wins
            files.append(File.generated(config, uri, content=content))
    return files


Sections = dict[str, tuple[str, list[str]]]  # index URI -> (default title, pages after it)


def sections_nav(nav: list | None, sections: Sections) -> list | None:
    """mkdocs.yml's nav with each index page of `sections` (the glossary's, each course's)
    made a section: the index, then its pages. An index that is already a section's first
    entry (navigation.indexes) gets them after it."""
    if nav is None:
        return None
    nav = copy.deepcopy(nav)
    _place(nav, sections, top=True)
    return nav


def _place(items: list, sections: Sections, *, top: bool) -> None:
    for position, item in enumerate(items):
        title, target = _entry(item)
        if isinstance(target, str) and target in sections:
            default, extras = sections[target]
            if position == 0 and not top:
                items[1:1] = [uri for uri in extras if uri not in items]
            else:
                items[position] = {title or default: [item, *extras]}
        elif isinstance(target, list):
            _place(target, sections, top=False)


def _entry(item: object) -> tuple[str | None, object]:
    """(title, path or children) of a nav entry: `path`, `{title: path}`, `{title: [...]}`."""
    if isinstance(item, dict) and len(item) == 1:
        return next(iter(item.items()))
    return None, item


def translated_nav(nav: list, find: Callable[[str], str | None], _: Callable[[str], str]) -> list:
    """mkdocs.yml's nav in another language: each page's translation (`find`), titles in
    the language; pages and sections with no translation are left out."""
    found: list = []
    for item in nav:
        title, target = _entry(item)
        if isinstance(target, list):
            if children := translated_nav(target, find, _):
                found.append({_(title) if title else "": children})
        elif isinstance(target, str) and (uri := find(target)):
            found.append({_(title): uri} if title else uri)
    return found


def nav_titles(nav: list | None) -> dict[str, str | None]:
    """Every page of the nav, by source URI, with the title mkdocs.yml gives it (or None)."""
    titles: dict[str, str | None] = {}

    def walk(items: Iterable) -> None:
        for item in items:
            title, target = _entry(item)
            if isinstance(target, list):
                walk(target)
            elif isinstance(target, str) and titles.get(target) is None:
                titles[target] = title

    walk(nav or [])
    return titles


def nav_sections(graph: TermGraph, courses: Courses) -> Sections:
    """The pages each nav section lists after its index: the glossary's concept map and
    categories, each course's chapters. Terms and lessons are never in the nav: Material
    renders the whole nav into every page."""
    sections: Sections = {}
    for part, title in graph.glossary.parts.items():
        categories = map(category_uri, graph.part(part).glossary.categories)
        sections[index_uri(part)] = (title, [map_uri(part), *categories])
    for course in courses.courses.values():
        chapters = [chapter_uri(course.key, c.key) for c in course.chapters]
        sections[course_uri(course.key)] = (course.title, chapters)
    return sections


def keep_lessons_out_of_nav(files: Files, courses: Courses) -> None:
    for uri in courses.lessons:
        if file := files.get_file_from_path(uri):
            file.inclusion = InclusionLevel.NOT_IN_NAV
