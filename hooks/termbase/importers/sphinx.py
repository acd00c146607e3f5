"""Sphinx glossaries: the `.. glossary::` blocks of reStructuredText files.

Several term lines over one definition become the term and its aliases; `:term:` roles
become links and `related`; an entry that only says "See :term:`x`." becomes a `see:`
entry pointing to x."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from termbase.importers.entries import (
    Context,
    Entry,
    names_index,
    plain,
    read_text,
    short_definition,
)
from termbase.importers.rst import convert
from termbase.model import Location
from termbase.reading.rules import name_key

_GLOSSARY = re.compile(r"^(\s*)\.\.\s+glossary::\s*$")
_SEE = re.compile(r"^See\s+:term:`([^`]+)`\s*\.?$")


@dataclass
class _Raw:
    names: list[tuple[str, int]]  # (name, line)
    body: list[str]  # dedented definition lines
    body_line: int  # the line of body[0]


def glossary_blocks(text: str) -> tuple[list[_Raw], list[tuple[int, str]]]:
    """Every entry of every `.. glossary::` block, and located problems of their shape."""
    lines = text.split("\n")
    entries: list[_Raw] = []
    problems: list[tuple[int, str]] = []
    number = 0
    while number < len(lines):
        match = _GLOSSARY.match(lines[number])
        number += 1
        if not match:
            continue
        outer = len(match.group(1))
        block_end = number
        while block_end < len(lines) and (
            not lines[block_end].strip() or _indent(lines[block_end]) > outer
        ):
            block_end += 1
        number = _entries(lines, number, block_end, entries, problems)
    return entries, problems


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _entries(lines, start, end, entries, problems) -> int:
    """Read the entries of one block (lines start..end); return where the block ends."""
    term_indent = None
    current: _Raw | None = None
    for number in range(start, end):
        line = lines[number]
        if not line.strip():
            if current and current.body:
                current.body.append("")
            continue
        indent = _indent(line)
        if term_indent is None:
            if line.strip().startswith(":") and not current:  # an option such as :sorted:
                continue
            term_indent = indent
        if indent < term_indent:
            problems.append((number + 1, "this line is indented less than the terms above it"))
            continue
        if indent == term_indent:
            if line.strip().startswith(".. "):
                problems.append((number + 1, "a comment or directive between terms is skipped"))
                continue
            if current is None or current.body:
                if current is not None and not any(b.strip() for b in current.body):
                    problems.append((current.names[0][1], "this term has no definition"))
                current = _Raw([], [], number + 2)
                entries.append(current)
            elif lines[number - 1].strip() == "":
                problems.append((number + 1, "a blank line between a term and its definition"))
            current.names.append((_term_text(line), number + 1))
            current.body_line = number + 2
            continue
        if current is None:
            problems.append((number + 1, "a definition without a term above it"))
            continue
        current.body.append(line)
    if current is not None and not any(b.strip() for b in current.body):
        problems.append((current.names[0][1], "this term has no definition"))
    for raw in entries:
        while raw.body and not raw.body[-1].strip():
            raw.body.pop()
        depth = min((_indent(b) for b in raw.body if b.strip()), default=0)
        raw.body = [b[depth:] for b in raw.body]
    return end


def _term_text(line: str) -> str:
    """A term line as its name: inline literals unwrapped, a ' : classifier' dropped."""
    text = line.strip().split(" : ")[0]
    return " ".join(re.sub(r"``(.+?)``", r"\1", text).replace("\\", "").split())


def read_sphinx(source: Path, shown: str, context: Context) -> list[Entry]:
    """The entries of the glossary blocks of `source` (a .rst file, or a folder of them)."""
    files = sorted(source.rglob("*.rst")) if source.is_dir() else [source]
    raws: list[tuple[str, _Raw]] = []
    for file in files:
        where = shown if file == source else f"{shown}/{file.relative_to(source)}"
        text = read_text(file, where, context)
        if text is None:
            continue
        found, problems = glossary_blocks(text)
        for line, message in problems:
            context.error(Location(where, line), message)
        raws += [(where, raw) for raw in found]
    if not raws and not context.problems:
        context.error(Location(shown), "no '.. glossary::' block with terms found")
    entries = [
        Entry(
            slug=context.slug(raw.names[0][0]),
            name=raw.names[0][0],
            where=Location(path, raw.names[0][1]),
            aliases=[name for name, _ in raw.names[1:]],
        )
        for path, raw in raws
    ]
    index = names_index(entries, context)
    for entry, (_path, raw) in zip(entries, raws, strict=True):  # see entries first:
        if see := _SEE.match(" ".join(" ".join(raw.body).split())):
            entry.see = index.get(name_key(see.group(1).split("<")[-1].rstrip(">")))
    pointers = {e.slug: e.see for e in entries if e.see and e.see != e.slug}
    # A reference to a see entry's name links to the term it names.
    index = {key: pointers.get(slug, slug) for key, slug in index.items()}
    for entry, (path, raw) in zip(entries, raws, strict=True):
        _fill(entry, raw, path, index, context)
    return entries


def _fill(entry: Entry, raw: _Raw, path: str, index: dict[str, str], context: Context) -> None:
    see = _SEE.match(" ".join(" ".join(raw.body).split()))
    if see:
        target = entry.see
        if target is None or target == entry.slug:
            context.error(
                entry.where,
                f"'See {see.group(1)}' names no other term of the import or the glossary",
            )
        entry.see = target
        return

    def term_link(text: str, target: str) -> str | None:
        slug = index.get(name_key(target))
        if slug is None:
            return None
        return text if slug == entry.slug else f"[{text}]({slug}.md)"

    converted = convert(raw.body, term_link)
    for offset, what in converted.unmapped:
        context.notice(Location(path, raw.body_line + offset), f"not mapped: {what}")
    entry.related = list(
        dict.fromkeys(s for t in converted.linked if (s := index[name_key(t)]) != entry.slug)
    )
    first = converted.markdown.split("\n\n")[0]
    entry.definition = short_definition(
        plain(first if not first.startswith(("```", "~~~")) else converted.markdown)
    )
    rest = converted.markdown.removeprefix(first).strip("\n")
    # The lead shows the definition: a first paragraph that only repeats it (no links or
    # code to keep) is left out of the explanation.
    repeated = first == entry.definition and rest
    entry.explanation = rest if repeated else converted.markdown
