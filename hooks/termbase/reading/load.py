"""Term files -> the Glossary model, with every problem found at once and located."""

from __future__ import annotations

import gc
import os
import re
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from termbase.model import Category, Glossary, GlossaryError, Location, Problem, Term
from termbase.reading import schema
from termbase.reading.keyed import read_keyed
from termbase.reading.parse import TermParser
from termbase.reading.rules import validate_glossary

CATEGORIES_FILE = "_categories.yml"


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
    folder: Path, *, root: Path | None = None, parser: TermParser | None = None
) -> Glossary:
    """Read and validate every term file in `folder`; raise GlossaryError listing all problems.

    Paths in messages are shown relative to `root` (the project), as editors see them. A
    `parser` with a cache or workers makes it quicker, never different (see reading.parse).
    """
    problems: list[Problem] = []
    if not folder.is_dir():
        raise GlossaryError([Problem(Location(str(folder)), "glossary folder does not exist")])

    def shown(file: Path) -> str:
        try:
            return str(file.relative_to(root)) if root else str(file)
        except ValueError:
            return str(file)

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
    terms: dict[str, Term] = {}
    redirects: dict[str, Term] = {}
    for (slug, _path, _file), (term, found) in zip(
        jobs, (parser or TermParser()).parse(jobs), strict=True
    ):
        problems += found
        if term is not None:
            (redirects if term.see else terms)[slug] = term

    glossary = Glossary(terms=terms, categories=categories, redirects=redirects)
    problems += validate_glossary(glossary)
    problems.sort(key=lambda p: (p.location.path, p.location.line, p.location.column))
    errors = [p for p in problems if p.level == "error"]
    if errors:
        raise GlossaryError(problems)
    glossary.warnings = problems
    return glossary


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
