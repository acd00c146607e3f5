"""The term graph: related terms both ways, categories, neighbourhoods and mentions."""

from __future__ import annotations

from collections import Counter, defaultdict

from termbase.model import Glossary, Term, sort_key
from termbase.parts import part_of


class TermGraph:
    """Published terms and the relations between them, computed once per build."""

    def __init__(self, glossary: Glossary):
        self.glossary = glossary
        self.terms: dict[str, Term] = {t.slug: t for t in glossary.published}
        listed: dict[str, list[str]] = {slug: [] for slug in self.terms}
        for term in self.terms.values():
            for other in term.related:
                if other in self.terms:
                    listed[term.slug].append(other)
        # A lists B => B shows A: the term's own list first, then the terms that list it.
        self.related: dict[str, list[str]] = {}
        reverse: dict[str, list[str]] = defaultdict(list)
        for slug, others in listed.items():
            for other in others:
                reverse[other].append(slug)
        for slug, own in listed.items():
            extra = sorted(
                (s for s in reverse[slug] if s not in own),
                key=lambda s: sort_key(self.terms[s].term),
            )
            self.related[slug] = own + extra
        self.by_category: dict[str, list[Term]] = {key: [] for key in glossary.categories}
        for term in glossary.published:  # already A-Z
            self.by_category[term.category].append(term)
        # Short definitions two published terms share, with no description written for them.
        counts = Counter(t.short_definition for t in self.terms.values() if not t.seo.description)
        self.shared_definitions = frozenset(text for text, n in counts.items() if n > 1)
        # Published see entries (the loader checked that each names a term): slug -> entry.
        self.redirects: dict[str, Term] = {
            slug: entry
            for slug, entry in glossary.redirects.items()
            if not entry.draft and entry.see in self.terms
        }

        self._parts: dict[str, TermGraph] = {}

    def part(self, name: str) -> TermGraph:
        """The graph of one glossary of the site alone (termbase.parts): what its index,
        concept map and category pages show. A site with one glossary has only itself."""
        if len(self.glossary.parts) == 1:
            return self
        if name not in self._parts:
            whole = self.glossary
            self._parts[name] = TermGraph(
                Glossary(
                    terms={s: t for s, t in whole.terms.items() if part_of(s) == name},
                    categories={k: c for k, c in whole.categories.items() if part_of(k) == name},
                    redirects={s: t for s, t in whole.redirects.items() if part_of(s) == name},
                    parts={name: whole.parts[name]},
                )
            )
        return self._parts[name]

    def related_terms(self, slug: str) -> list[Term]:
        return [self.terms[s] for s in self.related[slug]]

    def neighbourhood(self, slug: str, cap: int = 12) -> tuple[list[str], list[tuple[str, str]]]:
        """The term, its related terms, and theirs (two steps out), at most `cap` nodes.

        Nearer terms are kept first; edges are every relation among the kept nodes.
        """
        nodes = [slug]
        for ring in (self.related[slug], [o for s in self.related[slug] for o in self.related[s]]):
            for other in ring:
                if len(nodes) >= cap:
                    break
                if other not in nodes:
                    nodes.append(other)
        kept = set(nodes)
        edges = sorted({tuple(sorted((a, b))) for a in nodes for b in self.related[a] if b in kept})
        return nodes, edges  # type: ignore[return-value]


class Mentions:
    """Which page links to which term: filled while pages render, read for backlinks."""

    def __init__(self) -> None:
        self.by_page: dict[str, list[str]] = {}
        self.by_term: dict[str, list[str]] = defaultdict(list)

    def record(self, page: str, slugs: list[str]) -> None:
        unique = list(dict.fromkeys(slugs))
        self.by_page[page] = unique
        for slug in unique:
            self.by_term[slug].append(page)

    def pages_mentioning(self, slug: str) -> list[str]:
        return self.by_term.get(slug, [])
