"""Term files -> the Glossary model, with every problem found at once and located."""

from __future__ import annotations

import gc
import os
import re
import unicodedata
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

from termbase.model import Category, Glossary, GlossaryError, Location, Problem, Term
from termbase.parts import DEFAULT_PART, Part, resolve_ref, term_id
from termbase.reading import schema
from termbase.reading.keyed import read_keyed
from termbase.reading.parse import TermParser
from termbase.reading.rules import CATEGORIES_FILE, validate_glossary
from termbase.reading.translations import read_translations


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Loading 10,000 files makes half a million short-lived objects and no reference cycles;
    Python's cycle collector kept sweeping them, and every term loaded so far, for a quarter
    of the time of a cold `glossary check`. Collection resumes afterwards."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


@_collector_paused()
def load_glossary(
    folder: Path,
    *,
    root: Path | None = None,
    parser: TermParser | None = None,
    languages: Sequence[str] = (),
) -> Glossary:
    """Read and validate every term file in `folder` and its translations into `languages`
    (codes); raise GlossaryError listing all problems.

    Paths in messages are shown relative to `root` (the project), as editors see them. A
    `parser` with a cache or workers makes it quicker, never different (see reading.parse).
    """
    parts = [Part(DEFAULT_PART, "Glossary", str(folder))]
    return load_site(parts, Path(), root, parser, languages)


@_collector_paused()
def load_site(
    parts: Sequence[Part],
    base: Path,
    root: Path | None = None,
    parser: TermParser | None = None,
    languages: Sequence[str] = (),
) -> Glossary:
    """Every glossary of a site (`parts`, their folders under `base`) as one Glossary whose
    terms and categories are keyed by id (parts.term_id); validated across the parts. Each
    glossary's translations into `languages` (codes) are parts too (termbase.languages)."""
    problems: list[Problem] = []
    glossary = Glossary(terms={}, categories={}, parts={p.name: p.title for p in parts})
    for part in parts:
        _read_part(base / part.dir, part.name, glossary, problems, root, parser or TermParser())
    read_translations(tuple(parts), tuple(languages), base, _shown(root), glossary, problems)
    problems += validate_glossary(glossary)
    problems.sort(key=lambda p: (p.location.path, p.location.line, p.location.column))
    errors = [p for p in problems if p.level == "error"]
    if errors:
        raise GlossaryError(problems)
    glossary.warnings = problems
    return glossary


def _read_part(
    folder: Path,
    part: str,
    glossary: Glossary,
    problems: list[Problem],
    root: Path | None,
    parser: TermParser,
) -> None:
    """One glossary's folder into `glossary`, its ids made site-wide (parts.term_id)."""
    if not folder.is_dir():
        problems.append(Problem(Location(str(folder)), "glossary folder does not exist"))
        return

    shown = _shown(root)
    categories = _load_categories(folder / CATEGORIES_FILE, shown, problems)
    shown_folder = shown(folder)  # once: relative_to for each of 10,000 files shows up in profiles
    jobs: list[tuple[str, str, str]] = []  # (slug, shown path, file), in file name order
    with os.scandir(folder) as listing:  # file types without a stat call for each
        listed = sorted((e.name, e.path) for e in listing if not e.is_dir())
    for name, file in listed:
        if name.startswith((".", "_")):
            continue
        path = name if shown_folder == "." else f"{shown_folder}/{name}"
        slug = _slug_from_name(name, path, problems)
        if slug is not None:
            jobs.append((slug, path, file))
    for term, found in parser.parse(jobs):
        problems += found
        if term is not None:
            if part != DEFAULT_PART:
                _name_in_site(term, part)
            (glossary.redirects if term.see else glossary.terms)[term.slug] = term
    for key, category in categories.items():
        ident = term_id(part, key)
        glossary.categories[ident] = category if ident == key else replace(category, key=ident)


def _shown(root: Path | None):
    """How messages show a path: relative to the project where it is inside."""

    def shown(file: Path) -> str:
        try:
            return str(file.relative_to(root)) if root else str(file)
        except ValueError:
            return str(file)

    return shown


def _name_in_site(term: Term, part: str) -> None:
    """A term of a part other than the default, its slug and references made ids."""
    term.slug = term_id(part, term.slug)
    term.category = term_id(part, term.category) if term.category else ""
    term.related = tuple(resolve_ref(ref, part) for ref in term.related)
    term.see = resolve_ref(term.see, part) if term.see else None


def slugify(name: str) -> str:
    """The slug an editor most likely meant for a display name or a bad file name."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    ascii_name = ascii_name.replace("'", "").replace("\u2019", "")
    return "-".join(re.findall(r"[a-z0-9]+", ascii_name.lower()))


def _slug_from_name(name: str, path: str, problems: list[Problem]) -> str | None:
    stem, dot, ext = name.rpartition(".")
    if not dot or ext not in {"yml", "yaml"}:
        problems.append(
            Problem(Location(path), "not a term file: term files end in .yml (rename or remove it)")
        )
        return None
    if ext == "yaml":
        problems.append(Problem(Location(path), f"term files end in .yml: rename to {stem}.yml"))
        return None
    if not schema.SLUG_RE.match(stem):
        better = slugify(stem)
        hint = f": rename to {better}.yml" if better else ""
        problems.append(
            Problem(
                Location(path),
                f"file name {name!r} is not a valid slug (lowercase ASCII letters and digits "
                f"in hyphen-separated words){hint}",
            )
        )
        return None
    if stem in schema.RESERVED_SLUGS:
        problems.append(
            Problem(Location(path), f"{stem!r} is reserved for a generated page: rename the file")
        )
        return None
    return stem


def _load_categories(file: Path, shown, problems: list[Problem]) -> dict[str, Category]:
    path = shown(file)
    if not file.is_file():
        problems.append(
            Problem(Location(path), "categories file is missing: it maps category keys to names")
        )
        return {}
    return {
        key: Category(
            key=key,
            name=fields["name"].data.strip(),
            description=" ".join(fields["description"].data.split()),
            location=where,
        )
        for key, (fields, where) in read_keyed(
            file, path, schema.CATEGORY, "category", problems
        ).items()
    }
