"""What every concept map is drawn with: term boxes, the lines between them, label sizes.

Every coordinate is a whole SVG unit (one CSS pixel at full size), so the same glossary gives
the same SVG byte for byte.
"""

from __future__ import annotations

import functools
import textwrap
from dataclasses import dataclass

FONT_SIZE = 14  # the templates' font size, in SVG units
LINE_HEIGHT = 17
CHAR_WIDTH = 7.6  # a generous average advance at FONT_SIZE, so labels fit their boxes
PAD_X, PAD_Y = 9, 7  # inside a node's box
GAP = 16  # the least space between two boxes
MARGIN = 8  # around the drawing


# Not frozen: a frozen dataclass sets each field through object.__setattr__, which was a
# quarter of the time of laying out a map. Nothing changes a Node or an Edge once made.
@dataclass(slots=True)
class Node:
    """One term as the templates draw it: a box centred on (x, y) holding `lines` of text."""

    slug: str
    name: str
    note: str  # the short definition: the link's tooltip
    url: str  # site-relative; templates pass it through MkDocs' `url` filter
    lines: tuple[str, ...]
    ring: int = 1  # 0 for the term a map is about, 1 for related terms, 2 for two steps out
    x: int = 0
    y: int = 0
    width: int = 0
    height: int = 0

    @property
    def left(self) -> int:
        return self.x - self.width // 2

    @property
    def top(self) -> int:
        return self.y - self.height // 2

    @property
    def rows(self) -> list[tuple[str, int]]:
        """Each line of the label with its baseline, the lines centred in the box."""
        first = self.y - (len(self.lines) - 1) * LINE_HEIGHT / 2 + FONT_SIZE * 0.35
        return [(line, round(first + i * LINE_HEIGHT)) for i, line in enumerate(self.lines)]


@dataclass(slots=True)
class Edge:
    """A relation between two drawn terms: a line from centre to centre (boxes are drawn on
    top), bent through (cx, cy) where a straight one would cross the middle of the map."""

    source: str
    target: str
    x1: int
    y1: int
    x2: int
    y2: int
    cx: int
    cy: int
    central: bool = False  # touches the term the map is about
    weight: int = 1  # on the map of categories: how many relations the line stands for


@functools.cache  # a name is wrapped the same on every map it is on
def wrap(name: str, chars: int, lines: int) -> tuple[str, ...]:
    """A name in at most `lines` lines of about `chars` characters, broken after spaces and
    hyphens only; an ellipsis marks a cut (too many lines, or one word far too long)."""
    wrapped = textwrap.wrap(name, width=chars, break_long_words=False) or [name]
    limit = chars + chars // 2  # a long word may widen its box this far
    out = [line if len(line) <= limit else line[: limit - 1] + "\u2026" for line in wrapped]
    if len(out) > lines:
        out = out[:lines]
        out[-1] = out[-1].rstrip("\u2026")[: limit - 1].rstrip() + "\u2026"
    return tuple(out)


def box_size(lines: tuple[str, ...]) -> tuple[int, int]:
    longest = max(len(line) for line in lines)
    return round(longest * CHAR_WIDTH) + 2 * PAD_X, len(lines) * LINE_HEIGHT + 2 * PAD_Y


def node_at(
    node: Node, x: int, y: int, width: int | None = None, height: int | None = None
) -> Node:
    """The node moved (and sized); dataclasses.replace costs ten times as much."""
    width = node.width if width is None else width
    height = node.height if height is None else height
    return Node(
        node.slug, node.name, node.note, node.url, node.lines, node.ring, x, y, width, height
    )
