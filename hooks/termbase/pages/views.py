"""What the HTML templates in overrides/ show around a generated page's Markdown, as plain
data: titled links, the term page's category, trail and related terms."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from termbase.graph.relations import TermGraph
from termbase.model import Term
from termbase.pages.breadcrumbs import HOME, term_trail
from termbase.parts import DEFAULT_PART, part_of
from termbase.urls import category_uri, term_uri


@dataclass(frozen=True)
class TitledLink:
    """A titled link for templates; `url` is site-relative (the template makes it relative)."""

    title: str
    url: str
    note: str = ""


@dataclass(frozen=True)
class Card:
    """What a term link's hover card shows (overrides/assets/term-cards.js)."""

    url: str  # site-relative, as TitledLink's
    term: str
    note: str  # the short definition
    category: str  # the category's name


def cards(slugs: Iterable[str], graph: TermGraph, url_for: Callable[[str], str]) -> list[Card]:
    """The hover cards of the terms `slugs`, each once, in the order given."""
    categories, terms = graph.glossary.categories, graph.terms
    return [
        Card(
            url_for(term_uri(s)),
            terms[s].term,
            terms[s].short_definition,
            categories[terms[s].category].name,
        )  # fmt: skip
        for s in dict.fromkeys(slugs)
        if s in terms
    ]


def term_view(
    term: Term,
    graph: TermGraph,
    url_for: Callable[[str], str],
    home: tuple[str, str] = HOME,
    _: Callable[[str], str] = str,
) -> dict:
    """What `term.html` shows around the rendered Markdown: `home` is the first crumb (the
    home of the term's language) and `_` the interface text of that language."""
    category = graph.glossary.categories[term.category]
    part = part_of(term.slug)
    trail = term_trail(category, _(graph.glossary.parts[part]), home)
    return {
        "term": term,
        # Another glossary's terms are filtered in search by its title, the default's by the site's.
        "part_title": None if part == DEFAULT_PART else graph.glossary.parts[part],
        "category": TitledLink(category.name, url_for(category_uri(category.key))),
        "breadcrumbs": [TitledLink(name, url_for(uri)) for name, uri in trail],
        "related": [
            TitledLink(other.term, url_for(term_uri(other.slug)), other.short_definition)
            for other in graph.related_terms(term.slug)
        ],
    }
