"""MkDocs and Material abbreviation files: `*[HTML]: Hyper Text Markup Language` lines
(Python-Markdown's abbr extension, often kept in includes/abbreviations.md)."""

from __future__ import annotations

import re
from pathlib import Path

from termbase.importers.entries import Context, Entry, read_text
from termbase.model import Location

_ABBR = re.compile(r"^\*\[(?P<abbr>[^\]]+)\]:\s*(?P<title>.*?)\s*$")


def read_abbr(source: Path, shown: str, context: Context) -> list[Entry]:
    """Each abbreviation a term, its expansion an alias and the definition."""
    text = read_text(source, shown, context)
    if text is None:
        return []
    entries = []
    for number, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        where = Location(shown, number)
        match = _ABBR.match(line.strip())
        if not match:
            context.notice(where, f"not mapped: {line.strip()[:60]!r} is no abbreviation")
            continue
        abbr, title = match.group("abbr").strip(), match.group("title")
        if not title:
            context.error(where, f"the abbreviation {abbr!r} has no expansion")
            continue
        entry = Entry(slug=context.slug(abbr), name=abbr, where=where)
        entry.definition = f"{abbr} is short for {title}."
        entry.explanation = f"**{abbr}** is short for *{title}*."
        if title.casefold() != abbr.casefold():
            entry.aliases.append(title)
        entries.append(entry)
    if not entries and not context.problems:
        context.error(
            Location(shown),
            "no abbreviations found: lines look like *[HTML]: Hyper Text Markup Language",
        )
    return entries
