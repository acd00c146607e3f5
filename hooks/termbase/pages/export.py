"""Machine-readable exports of the published glossary: glossary.json and robots.txt.

glossary.json is a stable, documented format (README, "glossary.json"): other sites and
tools may depend on it, so fields are only ever added, never renamed or removed.
"""

from __future__ import annotations

import json
from collections.abc import Callable

from termbase.graph.relations import TermGraph
from termbase.languages import language_of_part, source_part
from termbase.model import sort_key
from termbase.parts import part_of

FORMAT_VERSION = 1


def glossary_json(
    graph: TermGraph,
    absolute_url: Callable[[str], str],
    site_name: str,
    json_url: Callable[[str], str],
    index_url: Callable[[str], str],
    source_language: str,
) -> str:
    """The published terms A-Z; `absolute_url(slug)` gives each term page's URL,
    `json_url(slug)` its JSON file's (pages/api.py), `index_url(name)` each glossary's index.
    A term of a glossary other than the default has the id `name:slug` as its slug; a
    translation is a glossary of its own (`fr/glossary`) in another language."""

    def language(part: str) -> str:
        return language_of_part(part) or source_language

    terms = [
        {
            "slug": term.slug,
            "glossary": part_of(term.slug),
            "language": language(part_of(term.slug)),
            "translates": term.translates,
            "term": term.term,
            "aliases": list(term.aliases),
            "url": absolute_url(term.slug),
            "short_definition": term.short_definition,
            "category": term.category,
            "related": graph.related[term.slug],
            "last_reviewed": term.last_reviewed.isoformat() if term.last_reviewed else None,
            "json": json_url(term.slug),
        }
        for term in graph.glossary.published
    ]
    categories = [
        {"key": c.key, "name": c.name, "description": c.description}
        for c in graph.glossary.categories.values()
    ]
    glossaries = [
        {
            "name": name,
            "title": title,
            "url": index_url(name),
            "language": language(name),
            "translates": source_part(name) if language_of_part(name) else None,
        }
        for name, title in graph.glossary.parts.items()
    ]
    see = [
        {"term": entry.term, "see": entry.see, "url": absolute_url(entry.see)}
        for entry in sorted(graph.redirects.values(), key=lambda e: sort_key(e.term))
    ]
    document = {
        "version": FORMAT_VERSION,
        "name": site_name,
        "glossaries": glossaries,
        "categories": categories,
        "terms": terms,
        "see": see,
    }
    return json.dumps(document, ensure_ascii=False, indent=1) + "\n"


def robots_txt(site_url: str | None) -> str:
    lines = ["User-agent: *", "Allow: /"]
    if site_url:
        lines.append(f"Sitemap: {site_url.rstrip('/')}/sitemap.xml")
    return "\n".join(lines) + "\n"
