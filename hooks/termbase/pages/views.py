"""What the HTML templates in overrides/ show around a generated page's Markdown, as plain
data: titled links, the term page's category, trail and related terms."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from termbase.graph.relations import TermGraph
from termbase.model import Term
from termbase.pages.breadcrumbs import term_trail
from termbase.urls import category_uri, term_uri


@dataclass(frozen=True)
class TitledLink:
    """A titled link for templates; `url` is site-relative (the template makes it relative)."""

    title: str
    url: str
    note: str = ""


def term_view(term: Term, graph: TermGraph, url_for: Callable[[str], str]) -> dict:
    """What `term.html` shows around the rendered Markdown."""
    category = graph.glossary.categories[term.category]
    return {
        "term": term,
        "category": TitledLink(category.name, url_for(category_uri(category.key))),
        "breadcrumbs": [TitledLink(name, url_for(uri)) for name, uri in term_trail(category)],
        "related": [
            TitledLink(other.term, url_for(term_uri(other.slug)), other.short_definition)
            for other in graph.related_terms(term.slug)
        ],
    }
