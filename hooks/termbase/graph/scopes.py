"""Which terms a page may link automatically: those of its own glossary, and of the
glossaries its glossary's `links_to` names (termbase.parts). Hand-written pages link as
the default glossary's pages do.

One TermIndex per glossary, built once per build; a site with one glossary has one.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from termbase.graph.linker import TermIndex
from termbase.graph.relations import TermGraph
from termbase.parts import DEFAULT_PART, Part, part_of

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
    then those of the glossaries it links to."""
    names = linkable_names(graph, excluded)
    built: dict[tuple[str, ...], TermIndex] = {}
    indexes = {}
    for part in parts:
        scope = (part.name, *sorted(part.links_to))
        if scope not in built:
            built[scope] = TermIndex.build(_chain(names.get(p, []) for p in scope))
        indexes[part.name] = built[scope]
    return indexes


def _chain(lists: Iterable[list[Name]]) -> Iterable[Name]:
    for names in lists:
        yield from names


def scope_of(uri: str, generated: bool, indexes: dict[str, TermIndex]) -> TermIndex:
    """The index a page links with: a generated page's glossary is its folder's."""
    part = uri.partition("/")[0] if generated else DEFAULT_PART
    return indexes.get(part) or indexes[DEFAULT_PART]
