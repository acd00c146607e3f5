"""`glossary new`: a new term file that already loads, with the editor's part marked.

The text only a person can write (definition, explanation) holds `TEMPLATE_MARKER`, so the
file passes `glossary check` with warnings that say what is left, and `mkdocs build
--strict` (which fails on warnings) cannot publish it unfinished.
"""

from __future__ import annotations

import datetime as dt
import textwrap
from dataclasses import dataclass
from pathlib import Path

from termbase.model import GlossaryError, Location, Problem
from termbase.pages.markdown import text_env
from termbase.reading.load import CATEGORIES_FILE, _load_categories, load_glossary, slugify
from termbase.reading.rules import TEMPLATE_MARKER, name_key
from termbase.reading.schema import RESERVED_SLUGS, TERM, suggest

TEMPLATES = Path(__file__).parent / "templates"


@dataclass(frozen=True)
class NewTerm:
    path: Path
    slug: str
    category: str


def new_term(
    folder: Path,
    name: str,
    *,
    category: str | None = None,
    today: dt.date | None = None,
    shown: str = "glossary",
) -> NewTerm:
    """Write `<folder>/<slug>.yml` for the display name `name`; raise GlossaryError when the
    name, the category or an existing file stands in the way. `shown` is how messages name
    the folder."""
    name = " ".join(name.split())
    slug = slugify(name)
    path = folder / f"{slug}.yml"
    where = Location(f"{shown}/{slug}.yml")
    if not folder.is_dir():
        raise _error(Location(shown), "glossary folder does not exist")
    if not slug:
        raise _error(Location(shown), f"cannot make a file name from {name!r}: use letters")
    if slug in RESERVED_SLUGS:
        raise _error(where, f"{slug!r} is reserved for a generated page: choose another name")
    for existing in (path, path.with_suffix(".yaml")):
        if existing.exists():
            raise _error(
                Location(f"{shown}/{existing.name}"),
                "a term with this file name exists already: edit it instead",
            )
    problems: list[Problem] = []
    categories = _load_categories(folder / CATEGORIES_FILE, lambda f: f"{shown}/{f.name}", problems)
    if problems:
        raise GlossaryError(problems)
    if not categories:
        raise _error(Location(f"{shown}/{CATEGORIES_FILE}"), "define a category first")
    chosen = category or next(iter(categories))
    if chosen not in categories:
        raise _error(
            Location(f"{shown}/{CATEGORIES_FILE}"),
            f"unknown category {chosen!r}{suggest(chosen, set(categories))}; "
            f"choose one of: {', '.join(categories)}",
        )
    _refuse_taken_name(folder, name)
    env = text_env(TEMPLATES, {"comment": _comment})
    text = env.get_template("new-term.yml").render(
        name=name,
        slug=slug,
        category=chosen,
        categories=[(key, c.name) for key, c in categories.items()],
        hints={key: spec.description for key, spec in TERM.fields.items()},
        today=(today or dt.date.today()).isoformat(),
        todo=TEMPLATE_MARKER,
    )
    with path.open("x", encoding="utf-8") as out:  # "x": never overwrite, even in a race
        out.write(text)
    return NewTerm(path, slug, chosen)


def _comment(text: str) -> str:
    """A field's description as YAML comment lines."""
    return "\n".join(f"# {line}" for line in textwrap.wrap(text, 86))


def _refuse_taken_name(folder: Path, name: str) -> None:
    """Two terms may not share a name or alias; say so now rather than at the next check.
    A glossary that does not load yet is left to `glossary check`."""
    try:
        glossary = load_glossary(folder, root=folder.parent)
    except GlossaryError:
        return
    for term in glossary.terms.values():
        fields = ["term", *(f"aliases.{n}" for n in range(1, len(term.aliases) + 1))]
        for field, other in zip(fields, term.names, strict=True):
            if name_key(other) == name_key(name):
                raise _error(term.location(field), f"{name!r} is already a name of this term")


def _error(location: Location, message: str) -> GlossaryError:
    return GlossaryError([Problem(location, message)])
