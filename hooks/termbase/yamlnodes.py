"""Safe YAML reading that keeps a line and column for every value.

Term files come from strangers' pull requests, so this reader never constructs objects
from tags, refuses anchors and aliases (the way alias bombs blow up), and turns every
parser complaint into a located `Problem` rather than an exception with a traceback.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import yaml

from .model import Location, Problem

try:  # libyaml is 20x faster; the pure-Python loader is the fallback.
    from yaml import CSafeLoader as _SafeLoader
except ImportError:  # pragma: no cover - depends on the PyYAML build
    from yaml import SafeLoader as _SafeLoader  # type: ignore[assignment]

MAX_FILE_BYTES = 256 * 1024
MAX_NODES = 20_000

_PLAIN_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:timestamp",
}
_STR_TAG = "tag:yaml.org,2002:str"
_SEQ_TAG = "tag:yaml.org,2002:seq"
_MAP_TAG = "tag:yaml.org,2002:map"


class _Loader(_SafeLoader):
    """The safe loader with a quicker tag guess for plain text.

    libyaml calls back into Python to guess the tag of every value (half a million calls for
    10,000 term files). Lists, mappings, quoted scalars and plain scalars that cannot be a
    number, boolean, null, date or merge key get their tag at once; the rest go to the usual
    resolvers. The tags are exactly the safe loader's (a property test compares them).
    """

    _MAYBE_NOT_TEXT = frozenset(_SafeLoader.yaml_implicit_resolvers)  # first characters
    # Of those, letters start only the words YAML 1.1 reads as booleans or null (yes, Off,
    # FALSE, null ...): none is longer than five letters.
    _WORD_STARTS = frozenset(c for c in _MAYBE_NOT_TEXT if c.isalpha())

    def resolve(self, kind, value, implicit):  # type: ignore[no-untyped-def]
        if kind is yaml.SequenceNode:
            return _SEQ_TAG
        if kind is yaml.MappingNode:
            return _MAP_TAG
        first = value[:1]
        if (
            not implicit[0]  # quoted
            or first not in self._MAYBE_NOT_TEXT
            or (first in self._WORD_STARTS and len(value) > 5)
        ):
            return _STR_TAG
        return super().resolve(kind, value, implicit)

    def descend_resolver(self, current_node, current_index):  # type: ignore[no-untyped-def]
        """No path resolvers are registered: nothing to track while descending."""

    def ascend_resolver(self):  # type: ignore[no-untyped-def]
        """See descend_resolver."""


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


class YamlProblem(Exception):
    """Raised inside this module only; `read_yaml` turns it into a Problem."""

    def __init__(self, message: str, line: int, column: int):
        super().__init__(message)
        self.message, self.line, self.column = message, line, column


def decode(raw: bytes, path: str) -> str | Problem:
    """Bytes to text: UTF-8 with or without a byte-order mark; anything else is an error."""
    if len(raw) > MAX_FILE_BYTES:
        return Problem(
            Location(path),
            f"file is {len(raw):,} bytes; a term file may be at most {MAX_FILE_BYTES:,} bytes",
        )
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        column = err.start - (raw.rfind(b"\n", 0, err.start) + 1) + 1
        return Problem(
            Location(path, line, column),
            f"file is not valid UTF-8 (byte 0x{raw[err.start]:02x}); save it as UTF-8",
        )


def read_yaml(raw: bytes, path: str) -> Value | Problem:
    """Parse one YAML document into located Values, or say precisely why not.

    A scalar that cannot be read (such as the date 2026-02-30) does not stop the file: it
    becomes INVALID, reported in `Value.problems` of the root, so every mistake is listed.
    """
    text = decode(raw, path)
    if isinstance(text, Problem):
        return text
    if not text.strip():
        return Problem(Location(path), "file is empty; a term file is a YAML mapping")
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as err:
        return _parser_problem(err, path, text)
    except yaml.YAMLError as err:  # pragma: no cover - every libyaml error carries a mark
        return Problem(Location(path), f"invalid YAML: {err}")
    if node is None:
        return Problem(Location(path), "file holds no YAML document; a term file is a mapping")
    converter = _Converter(path, anchors="&" in text)
    try:
        root = converter.convert(node)
    except YamlProblem as err:
        return Problem(Location(path, err.line, err.column), err.message)
    root.problems = converter.problems
    return root


def _parser_problem(err: yaml.MarkedYAMLError, path: str, text: str) -> Problem:
    mark = err.problem_mark or err.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    reason = err.problem or err.context or "invalid YAML"
    message = f"invalid YAML: {reason}"
    lines = text.splitlines()
    if "\t" in reason or (0 < line <= len(lines) and "\t" in lines[line - 1][:column]):
        message += " (YAML does not allow tabs for indentation: indent with spaces)"
    return Problem(Location(path, line, column), message)


class _Converter:
    """Walks composed nodes once; owns the per-file state (seen nodes, size budget)."""

    def __init__(self, path: str, anchors: bool = True) -> None:
        self.path = path
        self.problems: list[Problem] = []
        # A node met twice is an alias. Without an '&' the text defines no anchor, so has
        # no alias (libyaml refuses an alias to an undefined anchor): no need to track.
        self.seen: set[int] | None = set() if anchors else None
        self.budget = MAX_NODES
        self.constructor = yaml.constructor.SafeConstructor()

    def convert(self, node: yaml.Node) -> Value:
        mark = node.start_mark
        line, column = mark.line + 1, mark.column + 1
        if self.seen is not None:
            if id(node) in self.seen:
                raise YamlProblem(
                    "YAML anchors and aliases (&name, *name) are not allowed in term files",
                    line,
                    column,
                )
            self.seen.add(id(node))
        self.budget -= 1
        if self.budget < 0:
            raise YamlProblem(f"too many YAML values (more than {MAX_NODES:,})", line, column)
        kind, tag = node.__class__, node.tag
        if kind is yaml.ScalarNode and tag in _PLAIN_TAGS:
            return Value(self.scalar(node, line, column), line, column)
        if kind is yaml.SequenceNode and tag == _SEQ_TAG:
            return Value([self.convert(item) for item in node.value], line, column)
        if kind is not yaml.MappingNode or tag != _MAP_TAG:
            raise YamlProblem(f"YAML tag {tag!r} is not allowed in term files", line, column)
        mapping: dict[str, Value] = {}
        for key_node, value_node in node.value:
            key = self.convert(key_node)
            if not isinstance(key.data, str):
                raise YamlProblem("mapping keys must be plain words", key.line, key.column)
            if key.data in mapping:
                raise YamlProblem(f"key {key.data!r} appears twice", key.line, key.column)
            value = self.convert(value_node)
            value.key_line, value.key_column = key.line, key.column
            mapping[key.data] = value
        return Value(mapping, line, column)

    def scalar(self, node: yaml.ScalarNode, line: int, column: int) -> Any:
        if node.tag == _STR_TAG:  # most values: text needs no constructing
            return node.value
        try:
            value = self.constructor.construct_object(node, deep=True)
        except (ValueError, TypeError, OverflowError, yaml.YAMLError) as err:
            message = f"cannot read {node.value!r}: {err}"
            self.problems.append(Problem(Location(self.path, line, column), message))
            return INVALID
        if isinstance(value, dt.datetime):
            return value.date() if value.time() == dt.time() else value
        return value
