"""Entries -> term files: checked all together against the glossary they join, then written,
all or none (an import refused for one mistake leaves no file behind)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from termbase.importers.entries import Context, Entry
from termbase.model import Category, Glossary, Location, Problem
from termbase.pages.markdown import text_env, yaml_str
from termbase.reading.parse import parse_term
from termbase.reading.rules import name_key, validate_glossary
from termbase.reading.schema import RESERVED_SLUGS, suggest

TEMPLATES = Path(__file__).parent / "templates"
_PRINTABLE_BLOCK = re.compile(r"^[^\s#][^\x00-\x08\x0b-\x1f\x7f\u2028\u2029\ufeff]*$", re.DOTALL)


@dataclass(frozen=True)
class Planned:
    entry: Entry
    path: Path
    shown: str  # the file as messages name it
    text: str


def yaml_block(text: str) -> str:
    """A YAML literal block (`|`) of Markdown, or a quoted string where one cannot hold it."""
    text = text.strip("\n") + "\n"
    if _PRINTABLE_BLOCK.match(text) and not any(line != line.rstrip() for line in text.split("\n")):
        return "|\n" + "".join(f"  {line}\n" if line else "\n" for line in text[:-1].split("\n"))
    return yaml_str(text)


def plan(
    entries: list[Entry],
    glossary: Glossary,
    folder: Path,
    shown: str,
    *,
    format: str,
    category: str | None,
    context: Context,
) -> list[Planned]:
    """The files to write, or (in context.problems) why the import is refused."""
    categories = glossary.categories
    if category is not None and category not in categories:
        context.error(
            Location(f"{shown}/_categories.yml"),
            f"unknown category {category!r}{suggest(category, set(categories))}; "
            f"choose one of: {', '.join(categories)}",
        )
        return []
    _check_names(entries, glossary, folder, shown, context)
    env = text_env(TEMPLATES, {"yaml_block": yaml_block})
    planned, terms, redirects = [], {}, {}
    for entry in entries:
        chosen = category or _category(entry, categories, context)
        path = folder / f"{entry.slug}.yml"
        file = f"{shown}/{path.name}"
        text = env.get_template("term.yml").render(
            entry=entry, category=chosen, format=format, source=str(entry.where)
        )
        problems: list[Problem] = []
        term = parse_term(text.encode(), entry.slug, file, problems)
        for problem in problems:
            if problem.level == "error":
                context.error(entry.where, f"would write {file} with: {problem.message}")
        if term is not None:
            (redirects if term.see else terms)[entry.slug] = term
        planned.append(Planned(entry, path, file, text))
    if not any(p.level == "error" for p in context.problems):
        redirects = {**glossary.redirects, **redirects}
        joined = Glossary({**glossary.terms, **terms}, categories, redirects=redirects)
        by_file = {p.shown: p.entry for p in planned}
        for problem in validate_glossary(joined):
            entry = by_file.get(problem.location.path)
            if entry is not None and problem.level == "error":
                context.error(
                    entry.where, f"would write {problem.location.path} with: {problem.message}"
                )
    return planned


def _category(entry: Entry, categories: dict[str, Category], context: Context) -> str:
    if entry.category is None:
        return next(iter(categories))
    for key, category in categories.items():
        if name_key(entry.category) in (name_key(key), name_key(category.name)):
            return key
    context.error(
        entry.where,
        f"unknown category {entry.category!r}"
        f"{suggest(entry.category, set(categories))}: add it to "
        "_categories.yml, or pass --category KEY",
    )
    return next(iter(categories))


def _check_names(
    entries: list[Entry], glossary: Glossary, folder: Path, shown: str, context: Context
) -> None:
    """No two entries in one file or with one name; no clash with the glossary's files."""
    owners: dict[str, tuple[str, Location]] = {}
    for term in [*glossary.terms.values(), *glossary.redirects.values()]:
        for number, name in enumerate(term.names):
            owners[name_key(name)] = (
                f"{term.source}",
                term.location("term" if number == 0 else f"aliases.{number}"),
            )
    files: dict[str, Entry] = {}
    for entry in entries:
        if not entry.slug:
            context.error(entry.where, f"cannot make a file name from {entry.name!r}")
            continue
        if entry.slug in RESERVED_SLUGS:
            context.error(
                entry.where,
                f"{entry.slug!r} is reserved for a generated page: import with --prefix",
            )
        if entry.slug in files:
            context.error(
                entry.where,
                f"{entry.name!r} would be written to {entry.slug}.yml, "
                f"as {files[entry.slug].name!r} of {files[entry.slug].where}",
            )
        files[entry.slug] = entry
        existing = [
            f for f in (folder / f"{entry.slug}.yml", folder / f"{entry.slug}.yaml") if f.exists()
        ]
        for file in existing:
            context.error(
                entry.where,
                f"{shown}/{file.name} exists already and is never overwritten: remove it, "
                "or import with --prefix",
            )
        if existing:  # its names are that file's, most likely: one message says it
            continue
        entry.aliases = list(
            {name_key(a): a for a in entry.aliases if name_key(a) != name_key(entry.name)}.values()
        )
        for name in (entry.name, *entry.aliases):
            key = name_key(name)
            if key in owners:
                what, where = owners[key]
                context.error(
                    entry.where, f"duplicate name {name!r}: {what} has it already ({where})"
                )
            else:
                owners[key] = (f"{entry.name!r} of this import", entry.where)


def write(planned: list[Planned]) -> None:
    """Write every file, never over an existing one; on a failure, remove those written."""
    written: list[Path] = []
    try:
        for item in planned:
            with item.path.open("x", encoding="utf-8") as out:
                written.append(item.path)
                out.write(item.text)
    except BaseException:
        for path in written:
            path.unlink(missing_ok=True)
        raise
