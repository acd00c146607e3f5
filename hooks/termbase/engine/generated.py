"""The generated pages as in-memory MkDocs files, and their place in the nav.

Nothing is written to disk: `File.generated` gives MkDocs the Markdown, and MkDocs' own link
validation, nav, sitemap and live reload treat the pages like any other. The nav is changed
in mkdocs.yml's terms (`config.nav`) before MkDocs builds it, so no private nav function is
needed: the glossary index becomes a short section of index, concept map and categories.
Terms are never in the nav: Material renders the whole nav into every page.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable
from urllib.parse import urljoin

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from mkdocs.structure.files import File, Files, InclusionLevel

from termbase.graph.relations import TermGraph
from termbase.pages.export import glossary_json, robots_txt
from termbase.pages.markdown import PageWriter
from termbase.urls import INDEX_URI, MAP_URI, category_uri, term_uri


def add_generated_pages(
    files: Files,
    config: MkDocsConfig,
    writer: PageWriter,
    graph: TermGraph,
) -> Files:
    """Every generated page and export (glossary.json, robots.txt) as an in-memory file."""
    for uri, markdown in writer.pages().items():
        if files.get_file_from_path(uri) is not None:
            raise Abort(f"{config.docs_dir}/{uri} would hide a generated glossary page")
        # The index goes where mkdocs.yml's nav puts it; the nav section lists categories.
        inclusion = InclusionLevel.UNDEFINED if uri == INDEX_URI else InclusionLevel.NOT_IN_NAV
        files.append(File.generated(config, uri, content=markdown, inclusion=inclusion))
    site_url = (config.site_url or "").rstrip("/") + "/"

    def term_url(slug: str) -> str:
        return urljoin(site_url, files.get_file_from_path(term_uri(slug)).url)

    exports = {
        "glossary.json": glossary_json(graph, term_url, config.site_name),
        "robots.txt": robots_txt(config.site_url),
    }
    for uri, content in exports.items():
        if files.get_file_from_path(uri) is None:  # a hand-written file wins
            files.append(File.generated(config, uri, content=content))
    return files


def glossary_nav(nav: list | None, extras: list[str]) -> list | None:
    """mkdocs.yml's nav with the glossary index made a section: index, then `extras`. An
    index that is already a section's first entry (navigation.indexes) gets them after it."""
    if nav is None:
        return None
    nav = copy.deepcopy(nav)
    _place(nav, extras, top=True)
    return nav


def _place(items: list, extras: list[str], *, top: bool) -> bool:
    for position, item in enumerate(items):
        title, target = _entry(item)
        if target == INDEX_URI:
            if position == 0 and not top:
                items[1:1] = [uri for uri in extras if uri not in items]
            else:
                items[position] = {title or "Glossary": [item, *extras]}
            return True
        if isinstance(target, list) and _place(target, extras, top=False):
            return True
    return False


def _entry(item: object) -> tuple[str | None, object]:
    """(title, path or children) of a nav entry: `path`, `{title: path}`, `{title: [...]}`."""
    if isinstance(item, dict) and len(item) == 1:
        return next(iter(item.items()))
    return None, item


def nav_titles(nav: list | None) -> dict[str, str]:
    """The title mkdocs.yml gives each page of the nav, by source URI."""
    titles: dict[str, str] = {}

    def walk(items: Iterable) -> None:
        for item in items:
            title, target = _entry(item)
            if isinstance(target, list):
                walk(target)
            elif isinstance(target, str) and title is not None:
                titles.setdefault(target, title)

    walk(nav or [])
    return titles


def nav_extras(graph: TermGraph) -> list[str]:
    """The pages the glossary's nav section lists after the index."""
    return [MAP_URI, *map(category_uri, graph.glossary.categories)]
