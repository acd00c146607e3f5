"""The term file contract, declared once.

The loader validates against these declarations, and `glossary schema` writes the same
declarations out as JSON Schema for editors' YAML language servers, so the two cannot
drift apart.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from termbase.model import Location, Problem
from termbase.reading.values import (  # noqa: F401
    INVALID,
    KIND_NAMES,
    URL_RE,
    Value,
    describe,
    safe_url,
    suggest,
    valid_url,
)

SLUG_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
SLUG_RE = re.compile(SLUG_PATTERN)
# A term of the same glossary by its slug, or of another by `name:slug` (several glossaries).
REF_PATTERN = r"^([a-z0-9]+(-[a-z0-9]+)*:)?[a-z0-9]+(-[a-z0-9]+)*$"
REF_RE = re.compile(REF_PATTERN)
# Generated pages live beside the terms under these names.
RESERVED_SLUGS = frozenset({"index", "map", "category"})
URL_PATTERN = URL_RE.pattern


@dataclass(frozen=True)
class Field:
    """One field of the contract: its kind, whether it is required, and limits."""

    kind: str  # text | slug | ref | url | date | bool | year | number | list | object
    description: str = ""
    required: bool = False
    max_length: int | None = None
    items: Field | None = None
    fields: dict[str, Field] = field(default_factory=dict)


def text_field(description: str, max_length: int, required: bool = False) -> Field:
    """A text of at most `max_length` characters (the course contract declares its own so)."""
    return Field("text", description, required, max_length)


_text = text_field


TERM = Field(
    "object",
    "A glossary term: one file per term, glossary/<slug>.yml.",
    fields={
        "term": _text(
            "Display name of the term; its file name (the slug, in the URL) is made from it.",
            120,
            required=True,
        ),
        "aliases": Field(
            "list",
            "Other names readers use: British and American spellings, plurals, abbreviations. "
            "Each one is linked to this term wherever it appears on the site.",
            items=_text("An alias.", 120),
        ),
        "category": Field("slug", "Key of a category in glossary/_categories.yml.", required=True),
        "short_definition": _text(
            "One or two plain-English sentences, 50 to 160 characters, for a reader who has "
            "never met the term. Search results show it, and so does the tooltip on every "
            "link to the term.",
            400,
            required=True,
        ),
        "explanation": _text(
            "The explanation, in Markdown. Start with a concrete example, then the idea. "
            "Link other terms as [their name](other-slug.md).",
            20_000,
            required=True,
        ),
        "related": Field(
            "list",
            "Slugs (file names without .yml) of closely related terms. Each link shows on "
            "both terms' pages, so list only terms a reader of either page would want next. "
            "A term of another glossary of the site is written name:slug.",
            items=Field("ref", "Slug of a related term, or name:slug in another glossary."),
        ),
        "faq": Field(
            "list",
            "Optional: questions readers ask, each with a short answer in Markdown.",
            items=Field(
                "object",
                "A question and its answer.",
                fields={
                    "question": _text("The question.", 300, required=True),
                    "answer": _text("The answer, in Markdown.", 5_000, required=True),
                },
            ),
        ),
        "references": Field(
            "list",
            "Primary sources that define or study the term (papers, posts, books), each with "
            "a working link.",
            items=Field(
                "object",
                "A source.",
                fields={
                    "title": _text("Title of the work.", 300, required=True),
                    "authors": Field("list", "Authors, in order.", items=_text("An author.", 120)),
                    "et_al": Field("bool", "The authors listed are the first of more: 'et al.'"),
                    "editors": Field(
                        "list", "Editors of an edited volume.", items=_text("An editor.", 120)
                    ),
                    "year": Field("year", "Year of publication."),
                    "url": Field("url", "Link to the work (http or https).", required=True),
                },
            ),
        ),
        "last_reviewed": Field(
            "date",
            "The day of the last editorial review, YYYY-MM-DD: set it whenever you review "
            "the text.",
        ),
        "seo": Field(
            "object",
            "Overrides for search engines.",
            fields={
                "title": _text("Page title for search results.", 120),
                "description": _text("Meta description, ideally 50-160 characters.", 300),
            },
        ),
        "draft": Field("bool", "true keeps the term off the site while you work on it."),
        "match_case": Field(
            "bool", "true: linked only where written in a name's case (Deployment, not deployment)."
        ),
        "autolink": Field(
            "bool", "false: mentions of the term are never linked automatically, only by hand."
        ),
    },
)

# A name that only sends readers to another term ("keyword argument: see argument"): its
# page redirects there, and it is no term of the index, search or glossary.json.
SEE = Field(
    "object",
    "A see entry: a name whose page sends readers to another term, glossary/<slug>.yml.",
    fields={
        "term": TERM.fields["term"],
        "see": Field("ref", "Slug of the term this name sends readers to.", required=True),
        "draft": TERM.fields["draft"],
    },
)

CATEGORY = Field(
    "object",
    "A category of terms.",
    fields={
        "name": _text("Display name of the category.", 80, required=True),
        "description": _text("What the category holds, one or two sentences.", 400, required=True),
    },
)

ROOT = "a term file"


def check(value: Value, spec: Field, path: str, name: str = ROOT) -> list[Problem]:
    """Every way `value` breaks `spec`, each located; an empty list means it fits.

    A check of 10,000 files visits 600,000 values, nearly all of them fine: `fits` says so
    quickly, and names, messages and locations are made only for the parts that do not.
    """
    return [] if fits(value, spec) else problems(value, spec, path, name)


def problems(value: Value, spec: Field, path: str, name: str = ROOT) -> list[Problem]:
    """`check` without asking `fits` first (a test holds the two to the same verdict)."""
    data = value.data
    if data is INVALID:  # unreadable, and already reported where it was read
        return []
    kind = spec.kind

    if kind == "object":
        if not isinstance(data, dict):
            return [_not_a(value, spec, path, name)]
        inside = f" in {name}" if name != ROOT else ""
        found = [
            Problem(
                Location(path, item.key_line or value.line, item.key_column),
                f"unknown key {key!r}{inside}{suggest(key, spec.fields)}",
            )
            for key, item in data.items()
            if key not in spec.fields
        ]
        for key, sub in spec.fields.items():
            if key in data:
                found += check(data[key], sub, path, key if name == ROOT else f"{name}.{key}")
            elif sub.required:
                found.append(Problem(value.where(path), f"missing required key {key!r}{inside}"))
        return found
    if kind == "list":
        if not isinstance(data, list):
            return [_not_a(value, spec, path, name)]
        assert spec.items is not None
        found = []
        for index, item in enumerate(data):
            found += check(item, spec.items, path, f"{name}[{index + 1}]")
        return found
    if kind == "bool":
        return [] if isinstance(data, bool) else [_not_a(value, spec, path, name)]
    if kind == "date":
        if isinstance(data, dt.date) and not isinstance(data, dt.datetime):
            return []
        return [_not_a(value, spec, path, name)]
    if kind == "year":
        if isinstance(data, int) and not isinstance(data, bool) and 1000 <= data <= 2200:
            return []
        return [_not_a(value, spec, path, name, " such as 2019")]
    if kind == "number":
        return [] if _number(data) else [_not_a(value, spec, path, name)]

    # text, slug and url are all strings
    if not isinstance(data, str):
        return [_not_a(value, spec, path, name)]
    if not data.strip():
        return [Problem(value.where(path), f"{name} is empty")]
    if spec.max_length and len(data) > spec.max_length:
        return [
            Problem(
                value.where(path),
                f"{name} is {len(data):,} characters long; the limit is {spec.max_length:,}",
            )
        ]
    if (kind == "slug" and not SLUG_RE.match(data)) or (kind == "ref" and not REF_RE.match(data)):
        return [Problem(value.where(path), f"{name} must be {KIND_NAMES[kind]}, not {data!r}")]
    if kind == "url" and not safe_url(data):
        return [
            Problem(value.where(path), f"{name} must be an http:// or https:// URL, not {data!r}")
        ]
    return []


def fits(value: Value, spec: Field) -> bool:
    """True if `value` keeps to `spec`: `check`'s verdict, without its messages."""
    data = value.data
    kind = spec.kind
    if kind == "text":
        return (
            isinstance(data, str)
            and data != ""
            and not data.isspace()
            and (spec.max_length is None or len(data) <= spec.max_length)
        )
    if kind == "object":
        fields = spec.fields
        return (
            isinstance(data, dict)
            and all(key in fields for key in data)
            and all(
                fits(data[key], sub) if key in data else not sub.required
                for key, sub in fields.items()
            )
        )
    if kind == "list":
        items = spec.items
        assert items is not None
        return isinstance(data, list) and all(fits(item, items) for item in data)
    if kind == "slug":
        return isinstance(data, str) and bool(SLUG_RE.match(data)) and _short(data, spec)
    if kind == "ref":
        return isinstance(data, str) and bool(REF_RE.match(data)) and _short(data, spec)
    if kind == "url":
        return isinstance(data, str) and safe_url(data) and _short(data, spec)
    if kind == "year":
        return isinstance(data, int) and not isinstance(data, bool) and 1000 <= data <= 2200
    if kind == "date":
        return isinstance(data, dt.date) and not isinstance(data, dt.datetime)
    if kind == "number":
        return _number(data)
    if kind == "bool":
        return isinstance(data, bool)
    raise ValueError(f"unknown kind {kind!r}")  # pragma: no cover - a mistake in TERM


def _number(data: object) -> bool:
    return isinstance(data, int) and not isinstance(data, bool) and 1 <= data <= 100_000


def _short(data: str, spec: Field) -> bool:
    return spec.max_length is None or len(data) <= spec.max_length


def _not_a(value: Value, spec: Field, path: str, name: str, example: str = "") -> Problem:
    """`name` holds the wrong kind of value."""
    message = f"{name} must be {KIND_NAMES[spec.kind]}{example}, not {describe(value.data)}"
    return Problem(value.where(path), message)
