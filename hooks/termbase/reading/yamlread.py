"""Safe YAML reading that keeps a line and column for every value.

Term files come from strangers' pull requests, so this reader never constructs objects
from tags, refuses anchors and aliases (the way alias bombs blow up), and turns every
parser complaint into a located `Problem` rather than an exception with a traceback.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import yaml

from termbase.model import Location, Problem
from termbase.reading.values import (
    INT_TAG,
    INVALID,
    MAX_DEPTH,
    MAX_NODES,
    SIMPLE_INT,
    STR_TAG,
    Value,
    scalar_tag,
)

try:  # libyaml is 20x faster; the pure-Python parser is the fallback.
    from yaml import CSafeLoader as _Parser
except ImportError:  # pragma: no cover - depends on the PyYAML build
    from yaml import SafeLoader as _Parser  # type: ignore[assignment]

MAX_FILE_BYTES = 256 * 1024

_PLAIN_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:timestamp",
}
_SEQ_TAG = "tag:yaml.org,2002:seq"
_MAP_TAG = "tag:yaml.org,2002:map"
_AliasEvent, _ScalarEvent = yaml.AliasEvent, yaml.ScalarEvent
_SequenceStartEvent, _SequenceEndEvent = yaml.SequenceStartEvent, yaml.SequenceEndEvent
_MappingEndEvent = yaml.MappingEndEvent


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

    Values are built from libyaml's events, which make every error message. A scalar that
    cannot be read (such as the date 2026-02-30) does not stop the file: it becomes INVALID,
    reported in `Value.problems` of the root, so every mistake is listed.
    """
    text = decode(raw, path)
    if isinstance(text, Problem):
        return text
    if not text.strip():
        return Problem(Location(path), "file is empty; a term file is a YAML mapping")
    reader = _Reader(text, path)
    try:
        root = reader.document()
    except yaml.MarkedYAMLError as err:
        return _parser_problem(err, path, text)
    except YamlProblem as err:
        return Problem(Location(path, err.line, err.column), err.message)
    except yaml.YAMLError as err:  # pragma: no cover - every libyaml error carries a mark
        return Problem(Location(path), f"invalid YAML: {err}")
    if root is None:
        return Problem(Location(path), "file holds no YAML document; a term file is a mapping")
    root.problems = reader.problems
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


class _Reader:
    """Builds Values straight from the parser's events, one pass, no node graph in between
    (a third quicker than composing nodes first); owns the per-file state."""

    def __init__(self, text: str, path: str) -> None:
        self.next_event = _Parser(text).get_event
        self.path = path
        self.problems: list[Problem] = []
        self.budget = MAX_NODES
        self.depth = 0  # lists and mappings open around the current value
        self.constructor = yaml.constructor.SafeConstructor()

    def document(self) -> Value | None:
        """The one document of the stream, or None if there is none."""
        self.next_event()  # stream start
        start = self.next_event()
        if isinstance(start, yaml.StreamEndEvent):
            return None
        root = self.value(self.next_event())
        self.next_event()  # document end
        extra = self.next_event()
        if not isinstance(extra, yaml.StreamEndEvent):
            raise yaml.composer.ComposerError(
                "expected a single document in the stream",
                start.start_mark,
                "but found another document",
                extra.start_mark,
            )
        return root

    def value(self, event: yaml.Event) -> Value:
        """The Value of `event` and, for a list or mapping, of the events up to its end.

        Written for speed (about 60 values a term file, 600,000 in a glossary of 10,000):
        the common case, untagged text, is decided first with the fewest lookups."""
        mark = event.start_mark
        line, column = mark.line + 1, mark.column + 1
        kind = event.__class__
        if kind is _AliasEvent or event.anchor is not None:  # type: ignore[attr-defined]
            raise YamlProblem(
                "YAML anchors and aliases (&name, *name) are not allowed in term files",
                line,
                column,
            )
        self.budget -= 1
        if self.budget < 0:
            raise YamlProblem(f"too many YAML values (more than {MAX_NODES:,})", line, column)
        tag = event.tag  # type: ignore[attr-defined]
        if kind is _ScalarEvent:
            if tag is None or tag == "!":
                tag = scalar_tag(event.value, event.implicit)  # type: ignore[attr-defined]
                if tag == STR_TAG:
                    return Value(event.value, line, column)  # type: ignore[attr-defined]
            if tag in _PLAIN_TAGS:
                return Value(self.scalar(event, tag, line, column), line, column)
            raise YamlProblem(f"YAML tag {tag!r} is not allowed in term files", line, column)
        if self.depth == MAX_DEPTH:  # each level is a call here: Python's stack is the limit
            raise YamlProblem(f"lists and mappings nested more than {MAX_DEPTH} deep", line, column)
        self.depth += 1
        try:
            return self.collection(kind, tag, line, column)
        finally:
            self.depth -= 1

    def collection(self, kind: type, tag: str | None, line: int, column: int) -> Value:
        """A list or a mapping: the Values of the events up to its end."""
        if kind is _SequenceStartEvent:
            if tag is None or tag == "!" or tag == _SEQ_TAG:
                items = []
                next_event, value = self.next_event, self.value
                while (item := next_event()).__class__ is not _SequenceEndEvent:
                    items.append(value(item))
                return Value(items, line, column)
        elif tag is None or tag == "!" or tag == _MAP_TAG:  # a mapping
            mapping: dict[str, Value] = {}
            next_event, value = self.next_event, self.value
            while (key_event := next_event()).__class__ is not _MappingEndEvent:
                key = value(key_event)
                if key.data.__class__ is not str:
                    raise YamlProblem("mapping keys must be plain words", key.line, key.column)
                if key.data in mapping:
                    raise YamlProblem(f"key {key.data!r} appears twice", key.line, key.column)
                item = value(next_event())
                item.key_line, item.key_column = key.line, key.column
                mapping[key.data] = item
            return Value(mapping, line, column)
        raise YamlProblem(f"YAML tag {tag!r} is not allowed in term files", line, column)

    def scalar(self, event: yaml.ScalarEvent, tag: str, line: int, column: int) -> Any:
        text = event.value
        if tag == STR_TAG:  # most values: text needs no constructing
            return text
        if tag == INT_TAG and SIMPLE_INT.fullmatch(text):
            return int(text)  # years, the usual number
        node = yaml.ScalarNode(tag, text, event.start_mark, event.end_mark, event.style)
        try:
            value = self.constructor.construct_object(node, deep=True)
        except (ValueError, TypeError, OverflowError, yaml.YAMLError) as err:
            message = f"cannot read {text!r}: {err}"
            self.problems.append(Problem(Location(self.path, line, column), message))
            return INVALID
        if isinstance(value, dt.datetime):
            return value.date() if value.time() == dt.time() else value
        return value
