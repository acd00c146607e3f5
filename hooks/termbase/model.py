"""The one data model of a glossary: loaded and validated once, then read by every later step.

Plain dataclasses with no MkDocs import, so the core can move to another site engine.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class Location:
    """Where a value came from, so every problem can point an editor at a line."""

    path: str
    line: int = 1
    column: int = 1

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}"


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the input, with its place and, where we can guess, a fix."""

    location: Location
    message: str
    # "error" stops the build; "warning" is printed and fails a strict build; "advice" (for
    # search engines) is printed only, unless extra.glossary.seo.strict makes it a warning.
    level: str = "error"

    def __str__(self) -> str:
        return f"{self.location}: {self.level}: {self.message}"


class GlossaryError(Exception):
    """The only exception the loader raises: it carries every problem found, not just the first."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


@dataclass(frozen=True)
class Category:
    key: str
    name: str
    description: str
    location: Location = field(default_factory=lambda: Location("glossary/_categories.yml"))


@dataclass(frozen=True)
class Faq:
    question: str
    answer: str  # Markdown


@dataclass(frozen=True)
class Reference:
    title: str
    url: str
    authors: tuple[str, ...] = ()
    year: int | None = None
    et_al: bool = False  # the authors listed are the first of more
    editors: tuple[str, ...] = ()  # of an edited volume


@dataclass(frozen=True)
class Seo:
    title: str | None = None
    description: str | None = None


@dataclass
class Term:
    """One glossary entry, as an editor wrote it in `glossary/<slug>.yml`."""

    slug: str
    term: str
    category: str
    short_definition: str
    explanation: str  # Markdown
    source: Path
    aliases: tuple[str, ...] = ()
    related: tuple[str, ...] = ()
    faq: tuple[Faq, ...] = ()
    references: tuple[Reference, ...] = ()
    last_reviewed: dt.date | None = None
    seo: Seo = field(default_factory=Seo)
    draft: bool = False
    see: str | None = None  # a see entry: the slug of the term it sends readers to
    match_case: bool = False  # linked automatically only where written with a name's case
    autolink: bool = True  # False: never linked automatically
    translates: str | None = None  # a translation (termbase.languages): its source term's id
    source_hash: str | None = None  # a translation: the source text it follows (its hash)
    lines: dict[str, tuple[int, int]] = field(default_factory=dict, repr=False, compare=False)

    @property
    def names(self) -> tuple[str, ...]:
        """Every name a reader may use for the term: its display name first, then aliases."""
        return (self.term, *self.aliases)

    def location(self, key: str = "term") -> Location:
        """Where `key` (or list item 'key.N') was written, for messages about this term."""
        line, column = self.lines.get(key) or self.lines.get(key.split(".")[0], (1, 1))
        return Location(str(self.source), line, column)


@dataclass
class Glossary:
    """All term files of a site, drafts included, plus their categories."""

    terms: dict[str, Term]
    categories: dict[str, Category]
    warnings: list[Problem] = field(default_factory=list)
    # See entries (`see: slug`), by slug: names that send readers to a term; not terms.
    redirects: dict[str, Term] = field(default_factory=dict)
    # The site's glossaries (termbase.parts), name -> title; the default one first.
    parts: dict[str, str] = field(default_factory=lambda: {"glossary": "Glossary"})

    @property
    def published(self) -> list[Term]:
        """Published terms sorted A-Z by display name (the order readers browse in)."""
        return sorted(
            (t for t in self.terms.values() if not t.draft), key=lambda t: sort_key(t.term)
        )


def sort_key(name: str) -> tuple[str, str]:
    """A-Z order that ignores case and leading punctuation, stable for equal keys."""
    stripped = name.lstrip("'\"([{-_.")
    return (stripped.casefold(), name)
