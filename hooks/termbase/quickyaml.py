"""A quick reader for the layout nearly every term file is written in; libyaml reads the rest.

libyaml reads a file a character at a time and hands each value to Python as an event
object: the largest cost of a cold `glossary check`. A term file uses a small part of YAML:
`key: value` lines, block texts (`|`, `>-`), lists of words or of small mappings, one-line
`[a, b]` lists, whole-line comments. This reader takes that part a line at a time and cuts
block texts out whole, giving the Values (data, line, column, key place) that
`yamlnodes._Reader` gives, in about 60 % of its time. At the first thing outside that part
(a tag, an anchor, an escape, a tab, a comment after a value, an unusual indent, a value
YAML 1.1 reads as something other than text, a year, a date or a boolean ...) it returns
None and libyaml reads the file, so every error and every rare case goes through one
reader. A property test holds the two to the same result on generated files.
"""

from __future__ import annotations

import datetime as dt
import re

from .yamlvalue import INT_TAG, MAX_DEPTH, MAX_NODES, SIMPLE_INT, STR_TAG, Value, scalar_tag

# A key YAML 1.1 reads as text: letters first (never a number or a date), not one of its
# words for booleans and null.
_KEY = re.compile(r"([A-Za-z_][A-Za-z0-9_-]*):(?: +|$)")
_NOT_TEXT_WORDS = frozenset({"yes", "no", "true", "false", "on", "off", "null"})
_PLAIN_STARTS_NOT = frozenset("-?:,[]{}#&*!|>'\"%@` ")  # YAML's indicators, and a space
_DATE = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")
_BOOL_TAG = "tag:yaml.org,2002:bool"
_DATE_TAG = "tag:yaml.org,2002:timestamp"
_BOOLEANS = {"yes": True, "no": False, "true": True, "false": False, "on": True, "off": False}
_BLOCK_HEADERS = frozenset({"|", "|-", ">", ">-"})
_PRINTABLE_ASCII = bytes(range(0x20, 0x7F)) + b"\n"


class _Unusual(Exception):
    """Something outside the common layout: libyaml reads the file instead."""


def read_common(text: str) -> Value | None:
    """The file's root mapping as Values, or None if the file is not in the common layout."""
    # Python's printable characters are all ordinary text to YAML; the others (tabs, line
    # breaks but "\n", byte-order marks, controls, no-break spaces ...) are left to libyaml.
    # Most files are ASCII, for which deleting the printable bytes is five times quicker.
    if text.isascii():
        if text.encode().translate(None, _PRINTABLE_ASCII):
            return None
    elif not text.replace("\n", "").isprintable():
        return None
    try:
        return _LineReader(text.split("\n")).document()
    except _Unusual:
        return None


def _text_indent(line: str) -> int | None:
    """The indent of a line with text (which may start with #), None for a blank line."""
    text = line.lstrip(" ")
    return len(line) - len(text) if text else None


def _plain(text: str) -> bool:
    """True for a line's text that YAML reads as plain text (or as the start of it)."""
    return (
        text[0] not in _PLAIN_STARTS_NOT
        and ": " not in text
        and " #" not in text
        and text[-1] != ":"
    )


class _LineReader:
    """Reads the lines of one file; each method starts at `self.at` and leaves it at the first
    line it did not use. Written for speed: indents are measured once, and blank and
    comment lines are told by them (-1)."""

    def __init__(self, lines: list[str]) -> None:
        self.lines = lines
        # The indent of each line, or -1 for a blank line or a whole-line comment: both are
        # skipped outside block texts (in them, a line that starts with # is text, such as a
        # Markdown heading, and `block` looks again).
        self.indents = [
            len(line) - len(text) if (text := line.lstrip(" ")) and text[0] != "#" else -1
            for line in lines
        ]
        self.at = 0
        self.values = 0

    def document(self) -> Value:
        self.at = self.content_line(0)
        if self.at == len(self.lines) or self.indents[self.at] != 0:
            raise _Unusual
        root = self.mapping(0)
        if self.values > MAX_NODES:
            raise _Unusual  # libyaml's reader reports it
        return root

    def content_line(self, at: int) -> int:
        """The first line from `at` that is not blank or a comment (len(lines) at the end)."""
        indents = self.indents
        end = len(indents)
        while at < end and indents[at] < 0:
            at += 1
        return at

    def mapping(self, indent: int) -> Value:
        """Keys at column `indent`; the first may follow a list's `- ` on its line."""
        if indent > 2 * MAX_DEPTH:  # each level indents deeper: this bounds the recursion
            raise _Unusual
        lines, indents = self.lines, self.indents
        start = self.at
        mapping: dict[str, Value] = {}
        while True:
            line = lines[self.at]
            match = _KEY.match(line, indent)
            if match is None:
                raise _Unusual
            key = match[1]
            if key in mapping or key.lower() in _NOT_TEXT_WORDS:
                raise _Unusual
            key_line = self.at + 1
            rest = line[match.end() :].rstrip(" ")
            self.at += 1
            if rest:
                value = self.inline(rest, key_line, match.end() + 1, indent)
            else:
                value = self.nested(indent)
            value.key_line, value.key_column = key_line, indent + 1
            mapping[key] = value
            at = self.content_line(self.at)
            if at == len(lines) or indents[at] < indent:
                break
            if indents[at] > indent:
                raise _Unusual
            self.at = at
        self.values += 2 * len(mapping) + 1
        return Value(mapping, start + 1, indent + 1)

    def nested(self, indent: int) -> Value:
        """The value of `key:` at the end of its line: a list or a mapping on the lines below."""
        at = self.content_line(self.at)
        if at == len(self.lines):
            raise _Unusual  # an empty value
        found = self.indents[at]
        self.at = at
        if found >= indent and self.lines[at].startswith("- ", found):
            return self.sequence(found, indent)
        if found > indent:
            return self.mapping(found)
        raise _Unusual

    def sequence(self, indent: int, parent: int) -> Value:
        lines, indents = self.lines, self.indents
        start = self.at
        inside = indent + 2
        items = []
        while True:
            line = lines[self.at]
            rest = line[inside:].rstrip(" ")
            if not rest or rest[0] == " ":
                raise _Unusual
            if _KEY.match(line, inside):
                items.append(self.mapping(inside))
            else:
                self.at += 1
                items.append(self.inline(rest, self.at, inside + 1, indent))
                self.values += 1
            at = self.content_line(self.at)
            if at == len(lines) or indents[at] < indent:
                break
            if indents[at] > indent:
                raise _Unusual
            if not lines[at].startswith("- ", indent):
                if indent == parent:  # a list at its key's indent ends at the next key
                    break
                raise _Unusual
            self.at = at
        self.values += 1
        return Value(items, start + 1, indent + 1)

    def inline(self, text: str, line: int, column: int, parent: int) -> Value:
        """The value that is `text` from `column` of `line` on: plain text (which may go on
        over lines indented deeper than `parent`), quoted text, a block text or a flow list."""
        if _plain(text):
            lines, indents, at = self.lines, self.indents, self.at
            words = [text]
            while at < len(lines) and indents[at] > parent:  # the text goes on
                more = lines[at]
                if indents[at] == len(more):
                    break  # a blank line: a deeper line after it makes the caller give up
                more = more[indents[at] :].rstrip(" ")
                if not _plain(more):
                    raise _Unusual
                words.append(more)
                at += 1
            self.at = at
            return Value(_typed(" ".join(words)), line, column)
        first = text[0]
        if first in "|>":
            if text not in _BLOCK_HEADERS:
                raise _Unusual
            return Value(self.block(text, parent), line, column)
        if first == "[":
            return self.flow_list(text, line, column)
        inner = text[1:-1]
        if first == '"':
            if len(text) < 2 or text[-1] != '"' or '"' in inner or "\\" in inner:
                raise _Unusual
            return Value(inner, line, column)
        if first == "'":
            if len(text) < 2 or text[-1] != "'" or "'" in inner.replace("''", ""):
                raise _Unusual
            return Value(inner.replace("''", "'"), line, column)
        raise _Unusual

    def block(self, header: str, parent: int) -> str:
        """The text of a `|` or `>` block below its header, kept or folded, its last line
        break clipped (`|`, `>`) or stripped (`|-`, `>-`)."""
        lines, indents = self.lines, self.indents
        start = at = self.at
        indent = _text_indent(lines[start]) if start < len(lines) else None
        if indent is None or indent <= parent:
            raise _Unusual  # empty, a blank first line, or not indented: libyaml decides
        end = start  # one past the last line with text
        while at < len(lines):
            found = indents[at]
            if found < 0:  # blank, or text that starts with #
                found = _text_indent(lines[at])
                if found is None:
                    if len(lines[at]) > indent:
                        raise _Unusual  # spaces beyond the indent on a blank line
                    at += 1
                    continue
            if found < indent:
                break
            end = at + 1
            at += 1
        body = [line[indent:] for line in lines[start:end]]
        self.at = end
        if header[0] == "|":
            text = "\n".join(body)
        else:  # folded: lines joined by a space; n blank lines between them are n line breaks
            if any(line[:1] == " " or line[-1:] == " " for line in body):
                raise _Unusual  # folding keeps more-indented lines apart: libyaml decides
            pieces = [body[0]]
            blanks = 0
            for line in body[1:]:
                if not line:
                    blanks += 1
                    continue
                pieces += ("\n" * blanks if blanks else " ", line)
                blanks = 0
            text = "".join(pieces)
        if len(header) == 1 and end < len(lines):  # clip: keep the last line break
            text += "\n"
        return text

    def flow_list(self, text: str, line: int, column: int) -> Value:
        if text[-1] != "]":
            raise _Unusual
        items = []
        inner = text[1:-1]
        if inner.strip(" "):
            offset = column + 1  # column of the first character inside the brackets
            for part in inner.split(","):
                word = part.strip(" ")
                if not word or not _plain(word) or any(c in word for c in "[]{}#:"):
                    raise _Unusual
                items.append(Value(_typed(word), line, offset + len(part) - len(part.lstrip(" "))))
                offset += len(part) + 1
        self.values += len(items)
        return Value(items, line, column)


def _typed(text: str) -> object:
    """Plain text as YAML 1.1 reads it: text, or a year, a date or a boolean."""
    tag = scalar_tag(text, (True, False))
    if tag == STR_TAG:
        return text
    if tag == INT_TAG and SIMPLE_INT.fullmatch(text):
        return int(text)
    if tag == _BOOL_TAG:
        return _BOOLEANS[text.lower()]
    date = _DATE.fullmatch(text)
    if tag == _DATE_TAG and date:
        try:
            return dt.date(*map(int, date.groups()))
        except ValueError:
            pass  # 2026-02-30: libyaml's reader reports it
    raise _Unusual
