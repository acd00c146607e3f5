"""Spreadsheets exported as CSV (UTF-8, a header row): one row a term.

Columns are found by their header, ignoring case, spaces and underscores; `--column
FIELD=HEADER` names another header for a field. Lists (aliases, related) are separated by
semicolons or vertical bars."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

from termbase.importers.entries import Context, Entry, names_index, read_text, short_definition
from termbase.model import Location
from termbase.reading.rules import name_key
from termbase.reading.schema import safe_url

# Each field and the headers it is read from by default, the first being its name.
COLUMNS = {
    "term": ("term", "name", "title", "word"),
    "definition": ("definition", "short definition", "short description", "meaning", "summary"),
    "explanation": ("explanation", "description", "details", "body", "notes"),
    "aliases": ("aliases", "alias", "synonyms", "aka", "also known as"),
    "category": ("category", "group", "type"),
    "related": ("related", "see also", "related terms"),
    "source": ("source", "source url", "url", "link", "reference"),
    "source_title": ("source title", "reference title"),
}
REQUIRED = ("term", "definition")
_LIST = re.compile(r"\s*[;|]\s*")


def _header_key(text: str) -> str:
    return " ".join(text.replace("_", " ").replace("-", " ").casefold().split())


def read_csv(
    source: Path, shown: str, context: Context, columns: dict[str, str] | None = None
) -> list[Entry]:
    """The rows of a CSV file as entries; `columns` maps a field to the header it is in."""
    text = read_text(source, shown, context)
    if text is None:
        return []
    try:
        rows = list(csv.reader(io.StringIO(text, newline="")))
    except csv.Error as err:
        context.error(Location(shown), f"not a readable CSV file: {err}")
        return []
    if not rows or not any(cell.strip() for cell in rows[0]):
        context.error(
            Location(shown), "the first row must name the columns (term, definition, ...)"
        )
        return []
    header = [_header_key(cell) for cell in rows[0]]
    found: dict[str, int] = {}
    for field, names in COLUMNS.items():
        wanted = [_header_key(columns[field])] if columns and field in columns else names
        for name in wanted:
            if name in header:
                found[field] = header.index(name)
                break
    for field in REQUIRED:
        if field not in found:
            named = columns.get(field) if columns else None
            context.error(
                Location(shown, 1),
                f"missing column {named or COLUMNS[field][0]!r} for the {field} "
                f"(the columns are: {', '.join(repr(c) for c in rows[0])}); name it with "
                f"--column {field}=HEADER",
            )
    for field in set(columns or ()) - set(found) - set(REQUIRED):
        context.error(Location(shown, 1), f"no column {columns[field]!r} for --column {field}")
    for number, name in enumerate(rows[0]):
        if number not in found.values() and name.strip():
            context.notice(Location(shown, 1, 1), f"not mapped: the column {name!r}")
    if any(p.level == "error" for p in context.problems):
        return []
    entries, cells = [], []
    line, reader_lines = 1, _row_lines(text)  # a quoted cell may span lines
    for number, row in enumerate(rows[1:], 1):
        line = reader_lines[number] if number < len(reader_lines) else line
        if not any(cell.strip() for cell in row):
            continue
        where = Location(shown, line)

        def cell(field: str, row=row) -> str:
            index = found.get(field)
            return row[index].strip() if index is not None and index < len(row) else ""

        name = " ".join(cell("term").split())
        definition = cell("definition")
        if not name or not definition:
            context.error(where, f"this row has no {'term' if not name else 'definition'}")
            continue
        entry = Entry(
            slug=context.slug(name), name=name, where=where, definition=short_definition(definition)
        )
        entry.explanation = cell("explanation") or definition
        entry.aliases = [a for a in _LIST.split(cell("aliases")) if a]
        entry.category = cell("category") or None
        if url := cell("source"):
            if safe_url(url):
                entry.references.append((cell("source_title") or url, url))
            else:
                context.error(where, f"the source {url!r} is not an http:// or https:// URL")
        entries.append(entry)
        cells.append([r for r in _LIST.split(cell("related")) if r])
    index = names_index(entries, context)
    for entry, related in zip(entries, cells, strict=True):
        for name in related:
            slug = index.get(name_key(name)) or (name if name in index.values() else None)
            if slug is None:
                context.notice(entry.where, f"not mapped: the related term {name!r} is no term")
            elif slug != entry.slug and slug not in entry.related:
                entry.related.append(slug)
    return entries


def _row_lines(text: str) -> list[int]:
    """The line each CSV row starts on (a quoted cell may hold line breaks)."""
    starts, line, quoted = [1], 1, False
    for char in text.rstrip("\n"):
        if char == '"':
            quoted = not quoted
        elif char == "\n":
            line += 1
            if not quoted:
                starts.append(line)
    return starts
