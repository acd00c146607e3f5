"""Which terms a page may link automatically: those of its own glossary, and of the
glossaries its glossary's `links_to` names (termbase.parts). Hand-written pages link as
the default glossary's pages do.

One TermIndex per glossary, built once per build; a site with one glossary has one.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from termbase.graph.linker import TermIndex
from termbase.graph.relations import TermGraph
from termbase.languages import (
    language_of_part,
    language_of_uri,
    language_part,
    source_part,
    translated_id,
)
from termbase.parts import DEFAULT_PART, Part, part_of
from termbase.urls import part_of_uri

Name = tuple[str, str, bool]  # (name or alias, id of the term it links to, match_case)


def linkable_names(graph: TermGraph, excluded: frozenset[str]) -> dict[str, list[Name]]:
    """Each glossary's names that may be linked automatically, the terms' own first, then
    see entries' names (an alias pointer to the term they name)."""
    names: dict[str, list[Name]] = {part: [] for part in graph.glossary.parts}
    for slug, term in graph.terms.items():
        if term.autolink and slug not in excluded:
            names[part_of(slug)] += [(name, slug, term.match_case) for name in term.names]
    for slug, entry in graph.redirects.items():
        target = graph.terms[entry.see]
        if target.autolink and entry.see not in excluded:
            names[part_of(slug)].append((entry.term, entry.see, target.match_case))
    return names


def scoped_indexes(
    graph: TermGraph, parts: Sequence[Part], excluded: frozenset[str]
) -> dict[str, TermIndex]:
    """Each glossary's index: its own names first (they win a name two glossaries share),
    then those of the glossaries it links to. A translation (termbase.languages) then
    links the source language's names too: to its own page where the term is translated,
    else to the source's page, so French text that uses an English name links it."""
    names = linkable_names(graph, excluded)
    built: dict[tuple[str, ...], TermIndex] = {}
    indexes = {}
    for part in parts:
        scope = (part.name, *sorted(part.links_to))
        if scope not in built:
            found = [names.get(p, []) for p in scope]
            if code := language_of_part(part.name):
                found += [_in_language(names.get(source_part(p), []), code, graph.terms)
                          for p in scope]  # fmt: skip
            built[scope] = TermIndex.build(_chain(found))
        indexes[part.name] = built[scope]
    return indexes


def _in_language(names: list[Name], code: str, terms: dict) -> list[Name]:
    """Source-language names, each pointing at its term's translation where there is one."""
    return [
        (name, translated if (translated := translated_id(ident, code)) in terms else ident, case)
        for name, ident, case in names
    ]


def _chain(lists: Iterable[list[Name]]) -> Iterable[Name]:
    for names in lists:
        yield from names


def scope_of(
    uri: str, generated: bool, indexes: dict[str, TermIndex], codes: frozenset[str] = frozenset()
) -> TermIndex:
    """The index a page links with: a generated page's glossary is its folder's; a
    hand-written page links as its language's default glossary does."""
    if generated:
        part = part_of_uri(uri)
    else:
        code = language_of_uri(uri, codes)
        part = language_part(code) if code else DEFAULT_PART
    return indexes.get(part) or indexes[DEFAULT_PART]
