"""YAML files that map slug keys to entries of one shape (glossary/_categories.yml,
content/_courses.yml): every entry that fits, with where its key was written, and a located
problem for every one that does not."""

from __future__ import annotations

from pathlib import Path

from termbase.model import Location, Problem
from termbase.reading import schema
from termbase.reading.parse import readable
from termbase.reading.values import Value
from termbase.reading.yamlread import read_yaml


def read_keyed(
    file: Path, path: str, spec: schema.Field, what: str, problems: list[Problem]
) -> dict[str, tuple[dict[str, Value], Location]]:
    """key -> (the entry's fields, the key's place); `what` names an entry in messages."""
    root = read_yaml(file.read_bytes(), path)
    if isinstance(root, Problem):
        problems.append(root)
        return {}
    problems += root.problems or []
    if not isinstance(root.data, dict):
        problems.append(Problem(root.where(path), f"the file must be a mapping of {what} keys"))
        return {}
    entries = {}
    for key, value in root.data.items():
        where = Location(path, value.key_line or value.line)
        if not schema.SLUG_RE.match(key):
            problems.append(Problem(where, f"{what} key {key!r} is not a valid slug"))
            continue
        found = schema.check(value, spec, path, f"{what} {key!r}")
        problems += found
        if not found and readable(value):
            entries[key] = (value.data, where)
    return entries
