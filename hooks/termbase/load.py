"""Term files -> the Glossary model, with every problem found at once and located."""

from __future__ import annotations

import gc
import hashlib
import os
import re
import unicodedata
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import partial
from pathlib import Path

from . import schema, termcodec
from .forkmap import fork_map
from .model import Category, Faq, Glossary, GlossaryError, Location, Problem, Reference, Seo, Term
from .termcodec import Entry
from .validate import validate_glossary, validate_term
from .yamlnodes import read_yaml
from .yamlvalue import INVALID, Value

CATEGORIES_FILE = "_categories.yml"
Key = tuple[str, bytes]  # a term file's shown path and a hash of its bytes: parse cache keys


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
    folder: Path,
    *,
    root: Path | None = None,
    reuse: dict | None = None,
    encoded: dict | None = None,
    workers: int = 1,
    on_parsed: Callable[[], object] | None = None,
) -> Glossary:
    """Read and validate every term file in `folder`; raise GlossaryError listing all problems.

    Paths in messages are shown relative to `root` (the project), as editors see them. With
    `reuse` (a dict kept between calls: parsecache.ParsedTerms, or in memory by `mkdocs serve`),
    a term file whose path and content are unchanged is not parsed again. With `workers` > 1
    the files are read, hashed and (if new) parsed by that many processes (see forkmap).
    `encoded` gets the `termcodec` form of each entry parsed, as a worker sent it or encoded
    here, for the parse cache to write (encoding them in its forked writer was three times
    slower: every object touched is copied). `on_parsed` is called once every file is
    parsed, before the checks across files: time enough for a command to write the cache.
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
    entries = reuse if reuse is not None else {}
    shown_folder = shown(folder)  # once: relative_to for each of 10,000 files shows up in profiles
    files: list[tuple[str, str, str]] = []  # (slug, shown path, file), in file name order
    with os.scandir(folder) as listing:  # file types without a stat call for each
        listed = sorted((e.name, e.path) for e in listing if not e.is_dir())
    for name, file in listed:
        if name.startswith((".", "_")):
            continue
        path = name if shown_folder == "." else f"{shown_folder}/{name}"
        slug = _slug_from_name(name, path, problems)
        if slug is not None:
            files.append((slug, path, file))
    read = fork_map(
        partial(_read_term, entries),
        files,
        workers,
        send=_send,
        receive=partial(_receive, {} if encoded is None else encoded),
    )
    terms: dict[str, Term] = {}
    keys = set()
    for (slug, _path, _file), (key, entry) in zip(files, read, strict=True):
        if entry is None:
            entry = entries[key]
        else:
            entries[key] = entry
            if encoded is not None and key not in encoded:  # parsed here, not by a worker
                encoded[key] = termcodec.encode(entry)
        keys.add(key)
        term, found = entry
        problems += found
        if term is not None:
            terms[slug] = term
    if reuse is not None:
        for stale in set(reuse) - keys:
            del reuse[stale]
    if on_parsed:
        on_parsed()

    glossary = Glossary(terms=terms, categories=categories)
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


def _read_term(known: dict[Key, Entry], job: tuple[str, str, str]) -> tuple[Key, Entry | None]:
    """A term file read and hashed, and parsed unless `known` (the parse cache) has its key."""
    slug, path, file = job
    with open(file, "rb") as stream:
        data = stream.read()
    key = (path, hashlib.blake2b(data, digest_size=16).digest())
    if key in known:
        return key, None
    problems: list[Problem] = []
    return key, (_load_term(data, slug, path, problems), problems)


def _send(result: tuple[Key, Entry | None]) -> tuple:
    key, entry = result
    return key, None if entry is None else termcodec.encode(entry)


def _receive(encoded: dict[Key, tuple], data: tuple) -> tuple[Key, Entry | None]:
    key, entry = data
    if entry is None:
        return key, None
    encoded[key] = entry
    return key, termcodec.decode(entry)


def _load_term(data: bytes, slug: str, path: str, problems: list[Problem]) -> Term | None:
    root = read_yaml(data, path)
    if isinstance(root, Problem):
        problems.append(root)
        return None
    found = (root.problems or []) + schema.check(root, schema.TERM, path)
    problems += found
    if found:
        # Keep the fields that are fine, so the checks across files still run on this term
        # and an editor sees every mistake in one go (the build stops anyway: `found` is not
        # empty).
        if not isinstance(root.data, dict):
            return None
        spec = schema.TERM.fields
        usable = {
            key: value
            for key, value in root.data.items()
            if key in spec and readable(value) and not schema.check(value, spec[key], path, key)
        }
        if any(field.required and key not in usable for key, field in spec.items()):
            return None
        root = Value(usable, root.line, root.column)
    term = build_term(root, slug, path)
    problems += validate_term(term)
    return term


def readable(value: Value) -> bool:
    """False if any part of `value` could not be read (and was reported already)."""
    if value.data is INVALID:
        return False
    if isinstance(value.data, list):
        return all(readable(item) for item in value.data)
    if isinstance(value.data, dict):
        return all(readable(item) for item in value.data.values())
    return True


def build_term(root: Value, slug: str, path: str) -> Term:
    """A Term from a Value tree that already passed `schema.TERM`."""
    fields = root.data

    def get(key: str, default=None):
        return fields[key].data if key in fields else default

    def strings(key: str) -> tuple[str, ...]:
        return tuple(item.data.strip() for item in get(key, []))

    def sub(item: Value, key: str):
        return item.data[key].data if key in item.data else None

    seo = get("seo", {})
    return Term(
        slug=slug,
        term=get("term").strip(),
        category=get("category"),
        short_definition=" ".join(get("short_definition").split()),
        explanation=get("explanation").strip() + "\n",
        source=Path(path),
        aliases=strings("aliases"),
        related=strings("related"),
        faq=tuple(
            Faq(question=sub(i, "question").strip(), answer=sub(i, "answer").strip())
            for i in get("faq", [])
        ),
        references=tuple(
            Reference(
                title=" ".join(sub(i, "title").split()),
                url=sub(i, "url").strip(),
                authors=tuple(a.data.strip() for a in (sub(i, "authors") or [])),
                year=sub(i, "year"),
            )
            for i in get("references", [])
        ),
        last_reviewed=get("last_reviewed"),
        seo=Seo(
            title=seo["title"].data.strip() if "title" in seo else None,
            description=" ".join(seo["description"].data.split()) if "description" in seo else None,
        ),
        draft=bool(get("draft", False)),
        lines=_lines(fields),
    )


def _lines(fields: dict[str, Value]) -> dict[str, tuple[int, int]]:
    """(line, column) of every top-level key, and of list items as 'key.N' (1-based)."""
    lines = {}
    for key, value in fields.items():
        lines[key] = (value.key_line or value.line, 1)
        if isinstance(value.data, list):
            for number, item in enumerate(value.data, 1):
                lines[f"{key}.{number}"] = (item.line, item.column)
    return lines


def _load_categories(file: Path, shown, problems: list[Problem]) -> dict[str, Category]:
    path = shown(file)
    if not file.is_file():
        problems.append(
            Problem(Location(path), "categories file is missing: it maps category keys to names")
        )
        return {}
    root = read_yaml(file.read_bytes(), path)
    if isinstance(root, Problem):
        problems.append(root)
        return {}
    problems += root.problems or []
    if not isinstance(root.data, dict):
        problems.append(Problem(root.where(path), "categories file must be a mapping of keys"))
        return {}
    categories = {}
    for key, value in root.data.items():
        line = Location(path, value.key_line or value.line)
        if not schema.SLUG_RE.match(key):
            problems.append(Problem(line, f"category key {key!r} is not a valid slug"))
            continue
        found = schema.check(value, schema.CATEGORY, path, f"category {key!r}")
        problems += found
        if not found:
            categories[key] = Category(
                key=key,
                name=value.data["name"].data.strip(),
                description=" ".join(value.data["description"].data.split()),
                location=line,
            )
    return categories
