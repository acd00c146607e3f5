"""Parsed term files as plain tuples, the form `marshal` stores and sends quickly.

The parse cache and the parse workers of a cold check carry thousands of terms; as tuples of
strings and numbers they are written and read about ten times faster than pickled
dataclasses. `decode(encode(x)) == x` for every field of `Term` (a test makes sure).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from .model import Faq, Location, Problem, Reference, Seo, Term

Entry = tuple[Term | None, list[Problem]]  # a term file's Term (if usable) and its problems


def encode(entry: Entry) -> tuple:
    term, problems = entry
    return (
        None if term is None else _encode_term(term),
        [
            (p.location.path, p.location.line, p.location.column, p.message, p.level)
            for p in problems
        ],
    )


def decode(data: tuple) -> Entry:
    term, problems = data
    return (
        None if term is None else _decode_term(term),
        [
            Problem(Location(path, line, column), message, level)
            for path, line, column, message, level in problems
        ],
    )


def _encode_term(t: Term) -> tuple:
    return (
        t.slug,
        t.term,
        t.category,
        t.short_definition,
        t.explanation,
        str(t.source),
        t.aliases,
        t.related,
        tuple((f.question, f.answer) for f in t.faq),
        tuple((r.title, r.url, r.authors, r.year) for r in t.references),
        t.last_reviewed.toordinal() if t.last_reviewed else None,
        (t.seo.title, t.seo.description),
        t.draft,
        t.lines,
    )


def _decode_term(data: tuple) -> Term:
    (slug, term, category, short, explanation, source, aliases, related, faq, references,
     reviewed, seo, draft, lines) = data  # fmt: skip
    return Term(
        slug=slug,
        term=term,
        category=category,
        short_definition=short,
        explanation=explanation,
        source=Path(source),
        aliases=aliases,
        related=related,
        faq=tuple(Faq(question, answer) for question, answer in faq),
        references=tuple(Reference(*reference) for reference in references),
        last_reviewed=dt.date.fromordinal(reviewed) if reviewed is not None else None,
        seo=Seo(*seo),
        draft=draft,
        lines=lines,
    )
