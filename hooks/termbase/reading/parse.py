"""One term file -> its Term and problems; and a parser that reuses a cache and every core.

The speed of loading lives here, apart from `load_glossary`: a `TermParser` with a cache
(`ParseCache.entries`, or a dict kept in memory by `mkdocs serve`) parses only files whose
path and bytes are new, and with `workers` > 1 shares them among forked processes.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from termbase.model import Faq, Problem, Reference, Seo, Term
from termbase.parallel import parallel_map
from termbase.reading import schema
from termbase.reading.rules import validate_term
from termbase.reading.values import INVALID, Value
from termbase.reading.yamlread import read_yaml

Key = tuple[str, bytes]  # a term file's shown path and a hash of its bytes
Entry = tuple[Term | None, list[Problem]]  # a term file's Term (if usable) and its problems
Job = tuple[str, str, str]  # slug, path as shown to editors, path on disk


@dataclass
class TermParser:
    """Parses term files, reusing `cache` entries whose key is unchanged (and pruning the
    rest); `workers` processes share the files that are read and hashed."""

    cache: dict[Key, Entry] = field(default_factory=dict)
    workers: int = 1

    def parse(self, jobs: list[Job]) -> list[Entry]:
        read = parallel_map(self._read, jobs, self.workers)
        entries = []
        for key, entry in read:
            if entry is None:
                entry = self.cache[key]
            else:
                self.cache[key] = entry
            entries.append(entry)
        for stale in set(self.cache) - {key for key, _ in read}:
            del self.cache[stale]
        return entries

    def _read(self, job: Job) -> tuple[Key, Entry | None]:
        """A term file read and hashed, and parsed unless the cache has its key."""
        slug, path, file = job
        with open(file, "rb") as stream:
            data = stream.read()
        key = (path, hashlib.blake2b(data, digest_size=16).digest())
        if key in self.cache:
            return key, None
        problems: list[Problem] = []
        return key, (parse_term(data, slug, path, problems), problems)


def parse_term(data: bytes, slug: str, path: str, problems: list[Problem]) -> Term | None:
    """The Term of one file's bytes, its problems added to `problems`."""
    root = read_yaml(data, path)
    if isinstance(root, Problem):
        problems.append(root)
        return None
    see = isinstance(root.data, dict) and "see" in root.data
    contract = schema.SEE if see else schema.TERM
    found = (root.problems or []) + schema.check(root, contract, path)
    problems += found
    if found:
        # Keep the fields that are fine, so the checks across files still run on this term
        # and an editor sees every mistake in one go (the build stops anyway: `found` is not
        # empty).
        if not isinstance(root.data, dict):
            return None
        spec = contract.fields
        usable = {
            key: value
            for key, value in root.data.items()
            if key in spec and readable(value) and not schema.check(value, spec[key], path, key)
        }
        if any(field.required and key not in usable for key, field in spec.items()):
            return None
        root = Value(usable, root.line, root.column)
    if see:
        fields = root.data
        return Term(
            slug=slug,
            term=fields["term"].data.strip(),
            category="",
            short_definition="",
            explanation="",
            source=Path(path),
            see=fields["see"].data,
            draft=bool(fields["draft"].data) if "draft" in fields else False,
            lines=_lines(fields),
        )
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
                et_al=bool(sub(i, "et_al")),
                editors=tuple(e.data.strip() for e in (sub(i, "editors") or [])),
            )
            for i in get("references", [])
        ),
        last_reviewed=get("last_reviewed"),
        seo=Seo(
            title=seo["title"].data.strip() if "title" in seo else None,
            description=" ".join(seo["description"].data.split()) if "description" in seo else None,
        ),
        draft=bool(get("draft", False)),
        match_case=bool(get("match_case", False)),
        autolink=get("autolink", True) is not False,
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
