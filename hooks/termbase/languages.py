"""Languages of the site: the source language and its translations, each a URL prefix.

A translation of a glossary is one more part (termbase.parts) named `<code>/<glossary>`,
so its pages live under `/fr/glossary/` and its ids are `fr/glossary:slug`; every later
step (index, categories, maps, links, search) handles it like any glossary. A hand-written
page under `content/fr/` translates the page at the same path without the prefix.
`extra.glossary.languages` declares them; `parse_languages` validates it for
`config.GlossaryConfig.parse`, the one reader of settings.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from termbase.parts import DEFAULT_PART, RESERVED_NAMES, local, part_of

# BCP 47 as sites use it: a language, then an optional region or script (`pt-br`, `zh-hant`).
CODE = re.compile(r"^[a-z]{2,3}(-[a-z0-9]{2,8})?$")


@dataclass(frozen=True)
class Language:
    code: str  # its URL prefix (`/fr/`), `<html lang>` and hreflang
    name: str  # its own name, as the language switcher shows it ("Français")


Report = Callable[[str, str], None]  # (key under extra.glossary, message)


def parse_languages(raw: Any, parts: set[str], problem: Report) -> tuple[Language, ...]:
    """`extra.glossary.languages`: the source language first, then its translations."""
    if raw is None:
        return ()
    if not isinstance(raw, list):
        problem("languages", "must be a list of languages, each {code: fr, name: Français}")
        return ()
    found: list[Language] = []
    for number, entry in enumerate(raw, 1):
        key = f"languages.{number}"
        if not isinstance(entry, dict) or set(map(str, entry)) - {"code", "name"}:
            problem(key, f"must be a mapping of code and name, not {entry!r}")
            continue
        code, name = entry.get("code"), entry.get("name")
        if not isinstance(code, str) or not CODE.match(code):
            problem(f"{key}.code", f"must be a language code such as 'fr' or 'pt-br', not {code!r}")
            continue
        if any(code == other.code for other in found):
            problem(f"{key}.code", f"{code!r} is declared twice")
            continue
        if code in RESERVED_NAMES or code in parts:
            problem(f"{key}.code", f"{code!r} is the name of a folder of the site: it cannot be")
            continue
        if not isinstance(name, str) or not name.strip():
            problem(f"{key}.name", f"must be the language's own name, not {name!r}")
            continue
        found.append(Language(code, name.strip()))
    if len(found) == 1:
        problem("languages", "declares one language: add the languages it is translated into")
    return tuple(found)


def language_part(code: str, part: str = DEFAULT_PART) -> str:
    """The part (termbase.parts) holding `part`'s translation into `code`."""
    return f"{code}/{part}"


def source_part(part: str) -> str:
    """The glossary a part translates (itself, for a glossary in the source language)."""
    return part.rpartition("/")[2]


def language_of_part(part: str) -> str | None:
    """The translation's language code, or None for the source language."""
    code, slash, _ = part.rpartition("/")
    return code if slash else None


def translated_id(ident: str, code: str) -> str:
    """The id a term or category of the source language has in `code`'s translation."""
    return f"{language_part(code, part_of(ident))}:{local(ident)}"


def source_id(ident: str) -> str:
    """The id in the source language of a translated term or category."""
    part = part_of(ident)
    source = source_part(part)
    return local(ident) if source == DEFAULT_PART else f"{source}:{local(ident)}"


def language_of_uri(uri: str, codes: frozenset[str]) -> str | None:
    """The translation a page belongs to (by its first folder), None for the source."""
    first, slash, _ = uri.partition("/")
    return first if slash and first in codes else None


def source_uri(uri: str, codes: frozenset[str]) -> str:
    """The source page a translated page stands for: its path without the language."""
    code = language_of_uri(uri, codes)
    return uri[len(code) + 1 :] if code else uri
