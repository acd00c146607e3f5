"""What every importer produces: entries of one shape, located in their source, and the
names the import may refer to (its own and the glossary's) as slugs."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from termbase.model import GlossaryError, Location, Problem
from termbase.reading.load import slugify
from termbase.reading.rules import DESCRIPTION_MAX, name_key

NOTICE = "notice"  # what an importer could not map: printed, never stops the import


@dataclass
class Entry:
    """One term read from a source, before it becomes a term file."""

    slug: str
    name: str
    where: Location  # the source file and line it was read from
    definition: str = ""  # plain text
    explanation: str = ""  # Markdown
    aliases: list[str] = field(default_factory=list)
    category: str | None = None  # as the source wrote it
    related: list[str] = field(default_factory=list)  # slugs
    references: list[tuple[str, str]] = field(default_factory=list)  # (title, url)
    see: str | None = None  # the slug of the term this entry only points to
    draft: bool = False


@dataclass
class Context:
    """What an importer needs besides its source: the options and the glossary it adds to."""

    prefix: str = ""
    existing: dict[str, str] = field(default_factory=dict)  # name_key of each name -> slug
    problems: list[Problem] = field(default_factory=list)

    def slug(self, text: str) -> str:
        """The slug of an entry named or filed as `text`, with the prefix."""
        return slugify(self.prefix + "-" + symbol_slug(text)) if self.prefix else symbol_slug(text)

    def error(self, where: Location, message: str) -> None:
        self.problems.append(Problem(where, message))

    def notice(self, where: Location, message: str) -> None:
        self.problems.append(Problem(where, message, level=NOTICE))

    def refuse_if_errors(self) -> None:
        if any(p.level == "error" for p in self.problems):
            raise GlossaryError(self.problems)


def symbol_slug(name: str) -> str:
    """slugify, and for a name of symbols only (Python's `>>>`) their Unicode names:
    '3-greater-than-sign'."""
    slug = slugify(name)
    if slug or not name.strip():
        return slug
    parts = []
    for run in re.finditer(r"(\S)\1*", name):
        char = run.group(1)
        count = len(run.group(0))
        label = slugify(unicodedata.name(char, "symbol"))
        parts.append(f"{count}-{label}" if count > 1 else label)
    return "-".join(parts)


def names_index(entries: list[Entry], context: Context) -> dict[str, str]:
    """name_key of every name in the import and in the glossary -> slug; the import wins."""
    index = dict(context.existing)
    for entry in entries:
        for name in (entry.name, *entry.aliases):
            index[name_key(name)] = entry.slug
    return index


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9(\"'`*])")


def short_definition(text: str, limit: int = DESCRIPTION_MAX) -> str:
    """The first sentences of a plain text that fit in `limit` characters (at least one)."""
    text = " ".join(text.split())
    sentences = _SENTENCE_END.split(text)
    out = sentences[0]
    for sentence in sentences[1:]:
        if len(out) + 1 + len(sentence) > limit or sentence.endswith(":"):
            break  # a sentence that leads into a list or an example says nothing alone
        out += " " + sentence
    out = out[:-1] + "." if out.endswith(":") else out
    return out if len(out) <= 400 else out[:399].rsplit(" ", 1)[0] + "\u2026"


_MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MD_MARKS = re.compile(r"(\*\*|__|`+|(?<!\w)[*_](?=\S)|(?<=\S)[*_](?!\w))")


def plain(markdown: str) -> str:
    """A Markdown paragraph as plain text: link texts kept, emphasis and code marks gone."""
    return " ".join(_MD_MARKS.sub("", _MD_LINK.sub(r"\1", markdown)).split())


def read_text(path: Path, shown: str, context: Context) -> str | None:
    """A source file as UTF-8 (a byte order mark is allowed); None after a located error."""
    try:
        data = path.read_bytes()
    except OSError as err:
        context.error(Location(shown), f"cannot read: {err.strerror}")
        return None
    try:
        return data.decode("utf-8-sig").replace("\r\n", "\n")
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        column = err.start - (data.rfind(b"\n", 0, err.start) + 1) + 1
        context.error(
            Location(shown, line, column),
            f"not UTF-8: byte {data[err.start]:#04x} cannot be read; "
            "save the file as UTF-8 and import it again",
        )
        return None
