"""Several glossaries on one site: each is a part with a name, a folder and a URL prefix.

The default part keeps every slug as it is, so a site with one glossary sees no change;
a term of another part is known site-wide by its id, `name:slug` (`kubernetes:pod`), and
so is a category (`kubernetes:concept`). `extra.glossary.glossaries` declares the other
parts; `parse_parts` validates it for `config.GlossaryConfig.parse`, the one reader of
settings.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

DEFAULT_PART = "glossary"  # the default glossary's name: its pages live under glossary/
_NAME = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
# Folders MkDocs, Material, Pagefind or this site put at the root of the built site.
RESERVED_NAMES = frozenset(
    {DEFAULT_PART, "assets", "search", "pagefind", "schema", "admin", "courses", "lessons"}
)
_KEYS = ("name", "title", "dir", "links_to")


@dataclass(frozen=True)
class Part:
    """One glossary of the site."""

    name: str  # its URL prefix (`/kubernetes/`) and the `name:` of its ids
    title: str  # shown on its index, breadcrumbs and nav section
    dir: str  # its folder of term files, beside mkdocs.yml
    links_to: frozenset[str] = frozenset()  # other parts its pages link automatically

    @property
    def prefix(self) -> str:
        """The source path of its generated pages: `glossary/` for the default."""
        return f"{self.name}/"


def term_id(part: str, slug: str) -> str:
    """The site-wide id of a slug (or category key) of `part`."""
    return slug if part == DEFAULT_PART else f"{part}:{slug}"


def part_of(ident: str) -> str:
    """The part a term or category id belongs to."""
    return ident.partition(":")[0] if ":" in ident else DEFAULT_PART


def local(ident: str) -> str:
    """The slug (or key) of an id within its part: its file name."""
    return ident.rpartition(":")[2]


def resolve_ref(ref: str, part: str) -> str:
    """The id a term file of `part` means by `slug` (its own part) or `other:slug`."""
    if ":" in ref:
        other, _, slug = ref.partition(":")
        return term_id(other, slug)
    return term_id(part, ref)


Report = Callable[[str, str], None]  # (key under extra.glossary, message)


def parse_parts(
    raw: Any, default_links: Any, default_dir: str, problem: Report
) -> tuple[frozenset[str], tuple[Part, ...]]:
    """`links_to` and `glossaries` of extra.glossary, each bad value reported by `problem`."""
    entries = [] if raw is None else raw
    if not isinstance(entries, list):
        problem("glossaries", "must be a list of glossaries (name, title, dir, links_to)")
        entries = []
    parts: list[Part] = []
    links: list[tuple[str, Any]] = [("links_to", default_links)]
    names, dirs = {DEFAULT_PART}, {default_dir.strip().rstrip("/")}
    for number, entry in enumerate(entries, 1):
        key = f"glossaries.{number}"
        if not isinstance(entry, dict):
            problem(key, f"must be a mapping of {', '.join(_KEYS)}, not {entry!r}")
            continue
        for unknown in sorted(set(map(str, entry)) - set(_KEYS)):
            problem(f"{key}.{unknown}", f"unknown setting (known: {', '.join(_KEYS)})")
        name, folder, title = entry.get("name"), entry.get("dir"), entry.get("title")
        if not isinstance(name, str) or not _NAME.match(name):
            problem(f"{key}.name", f"must be a slug (lowercase words and hyphens), not {name!r}")
            continue
        if name in RESERVED_NAMES or name in names:
            why = "is reserved" if name in RESERVED_NAMES else "names another glossary too"
            problem(f"{key}.name", f"{name!r} {why}: choose another name")
            continue
        if not isinstance(folder, str) or not folder.strip():
            problem(f"{key}.dir", f"must be the folder of its term files, not {folder!r}")
            continue
        if folder.strip().rstrip("/") in dirs:
            problem(f"{key}.dir", f"{folder!r} is the folder of another glossary")
            continue
        if title is not None and (not isinstance(title, str) or not title.strip()):
            problem(f"{key}.title", f"must be a non-empty text, not {title!r}")
        names.add(name)
        dirs.add(folder.strip().rstrip("/"))
        title = title.strip() if isinstance(title, str) and title.strip() else name.capitalize()
        parts.append(Part(name, title, folder.strip().rstrip("/")))
        links.append((f"{key}.links_to", entry.get("links_to")))
    targets = [_links(value, key, names, own, problem) for (key, value), own in zip(
        links, [DEFAULT_PART, *(p.name for p in parts)], strict=True)]  # fmt: skip
    return targets[0], tuple(
        Part(p.name, p.title, p.dir, linked) for p, linked in zip(parts, targets[1:], strict=True)
    )


def _links(value: Any, key: str, names: set[str], own: str, problem: Report) -> frozenset[str]:
    if value is None:
        return frozenset()
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        problem(key, f"must be a list of glossary names, not {value!r}")
        return frozenset()
    for name in value:
        if name == own or name not in names:
            known = ", ".join(sorted(names - {own})) or "none"
            why = "is this glossary itself" if name == own else "is no glossary of the site"
            problem(key, f"{name!r} {why} (other glossaries: {known})")
    return frozenset(v for v in value if v in names and v != own)
