"""Located YAML values, and how YAML 1.1 reads a plain scalar (without asking PyYAML's
resolvers when the answer is plainly text)."""

from __future__ import annotations

import datetime as dt
import difflib
import functools
import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import yaml

from termbase.model import Location, Problem

MAX_NODES = 20_000
MAX_DEPTH = 50  # lists and mappings inside each other; a term file needs 3

STR_TAG = "tag:yaml.org,2002:str"
INT_TAG = "tag:yaml.org,2002:int"
SIMPLE_INT = re.compile(r"[1-9][0-9]{0,17}")  # YAML 1.1 reads 0-led digits as octal


_RESOLVER = yaml.resolver.Resolver()  # YAML 1.1's guesses: numbers, booleans, null, dates
_MAYBE_NOT_TEXT = frozenset(_RESOLVER.yaml_implicit_resolvers)  # the first characters they need
# Of those, letters start only the words YAML 1.1 reads as booleans or null (yes, Off, FALSE,
# null ...): none is longer than five letters.
_WORD_STARTS = frozenset(c for c in _MAYBE_NOT_TEXT if c.isalpha())


def scalar_tag(value: str, implicit: tuple[bool, bool]) -> str:
    """The tag the safe loader gives an untagged scalar, without asking its resolvers when
    the answer is plainly text: quoted values, and plain ones no guess can start with."""
    first = value[:1]
    if (
        not implicit[0]  # quoted
        or first not in _MAYBE_NOT_TEXT
        or (first in _WORD_STARTS and len(value) > 5)
    ):
        return STR_TAG
    return _guessed_tag(value, implicit)


@functools.lru_cache(maxsize=4096)
def _guessed_tag(value: str, implicit: tuple[bool, bool]) -> str:
    """The resolvers' guess, remembered: keys such as `term` and `year`, and years, recur."""
    return _RESOLVER.resolve(yaml.ScalarNode, value, implicit)


INVALID = object()  # a scalar that could not be read: already reported, skipped by checks


@dataclass(slots=True)
class Value:
    """A YAML value with the place it was written; lists and mappings hold more Values."""

    data: Any  # str | int | float | bool | None | date | list[Value] | dict[str, Value]
    line: int
    column: int
    key_line: int | None = None  # for mapping values: where their key was written
    key_column: int = 1
    problems: list[Problem] | None = None  # on the root only: unreadable scalars

    def where(self, path: str) -> Location:
        return Location(path, self.line, self.column)


def describe(data: object) -> str:
    """A value as messages name it: its kind, or the text itself (shortened)."""
    if data is None:
        return "empty"
    if isinstance(data, bool):
        return f"{str(data).lower()} (a boolean)"
    if isinstance(data, dict):
        return "a mapping"
    if isinstance(data, list):
        return "a list"
    if isinstance(data, dt.date):
        return f"{data.isoformat()} (a date)"
    if isinstance(data, int | float):
        return f"{data!r} (a number)"
    text = str(data)
    return repr(text if len(text) <= 40 else text[:37] + "...")


KIND_NAMES = {
    "text": "a text",
    "slug": "a slug (lowercase words joined by hyphens)",
    "ref": "a slug, or name:slug for a term of another glossary",
    "url": "a URL",
    "date": "a date (YYYY-MM-DD)",
    "bool": "true or false",
    "year": "a year",
    "number": "a whole number from 1",
    "list": "a list",
    "object": "a mapping",
}


def suggest(word: str, choices: list[str] | set[str], cutoff: float = 0.6) -> str:
    """' (did you mean 'x'?)' for the closest choice, or '' when nothing is close."""
    close = difflib.get_close_matches(word, sorted(choices), n=1, cutoff=cutoff)
    return f" (did you mean {close[0]!r}?)" if close else ""


URL_RE = re.compile(r"^https?://[^\s/?#]+\.[^\s/?#]+([/?#]\S*)?$")
_SPACE = re.compile(r"\s")  # str.isspace's whitespace (both are Py_UNICODE_ISSPACE)


def safe_url(url: str) -> bool:
    """True for absolute http(s) URLs with a host: the only links a term file may carry."""
    return bool(URL_RE.match(url)) and valid_url(url)


def valid_url(url: str) -> bool:
    """An absolute http(s) URL with a host and no spaces: what a browser can follow."""
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError for a bad port
    except ValueError:  # also a bad host, such as http://[a.example/
        return False
    return parts.scheme in ("http", "https") and bool(parts.hostname) and not _SPACE.search(url)
