"""Automatic term links: find mentions of glossary terms in an element tree and link them.

Mentions are found with one dictionary built once per build, keyed by the words of every
name and alias, so scanning a page costs the same with 30 terms or 10,000: each word is
looked up a bounded number of times, never compared with every term.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from xml.etree.ElementTree import Element

_WORD = re.compile(r"[^\W_]+(?:['\u2019][^\W_]+)*")
_JOIN = re.compile(r"[ \t\n\r\-\u00a0\u2010\u2011]+")  # what may stand between words of a name

SKIP_TAGS = frozenset(
    {
        "a",
        "code",
        "pre",
        "kbd",
        "samp",
        "script",
        "style",
        "textarea",
        "button",
        "svg",
        "math",
        "img",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "summary",
        "abbr",
        "title",
    }
)
SKIP_CLASSES = frozenset({"admonition-title", "nolink", "no-autolink", "glossary-aliases"})


def words(text: str) -> list[tuple[int, int, str]]:
    """Word spans of `text`: (start, end, normalised word)."""
    return [
        (m.start(), m.end(), m.group().lower().replace("\u2019", "'")) for m in _WORD.finditer(text)
    ]


def _variants(word: str) -> Iterable[str]:
    """The word itself, then the forms a plural or possessive of a name's last word may take."""
    yield word
    if word.endswith("'s"):
        word = word[:-2]
        yield word
    if word.endswith("ies") and len(word) > 4:
        yield word[:-3] + "y"
    if word.endswith("es") and len(word) > 3:
        yield word[:-2]
    if word.endswith("s") and len(word) > 2:
        yield word[:-1]


@dataclass
class TermIndex:
    """Every name and alias of every term, keyed by its words; built once per build."""

    keys: dict[tuple[str, ...], str] = field(default_factory=dict)
    longest: int = 0

    @classmethod
    def build(cls, names: Iterable[tuple[str, str]]) -> TermIndex:
        """From (name, slug) pairs. Earlier pairs win if two names have the same words."""
        index = cls()
        for name, slug in names:
            key = tuple(w for _, _, w in words(name))
            if key and key not in index.keys:
                index.keys[key] = slug
                index.longest = max(index.longest, len(key))
        return index

    def find(self, text: str) -> list[tuple[int, int, str]]:
        """Non-overlapping mentions (start, end, slug), leftmost first, longest match wins."""
        spans = words(text)
        found = []
        i = 0
        while i < len(spans):
            match = self._longest_at(text, spans, i)
            if match:
                length, slug = match
                found.append((spans[i][0], spans[i + length - 1][1], slug))
                i += length
            else:
                i += 1
        return found

    def _longest_at(self, text, spans, i) -> tuple[int, str] | None:
        # How many words from i are joined only by spaces or hyphens (a name never spans ". ").
        reach = 1
        while (
            reach < self.longest
            and i + reach < len(spans)
            and _JOIN.fullmatch(text, spans[i + reach - 1][1], spans[i + reach][0])
        ):
            reach += 1
        for length in range(reach, 0, -1):
            head = tuple(w for _, _, w in spans[i : i + length - 1])
            for last in _variants(spans[i + length - 1][2]):
                slug = self.keys.get((*head, last))
                if slug:
                    return length, slug
        return None


@dataclass
class LinkPolicy:
    """What the linker may link on one page."""

    page_slug: str | None = None  # never link a term on its own page
    every_mention: bool = False  # default: first mention only
    excluded: frozenset[str] = frozenset()
    already_linked: set[str] = field(default_factory=set)

    def allows(self, slug: str) -> bool:
        if slug == self.page_slug or slug in self.excluded:
            return False
        return self.every_mention or slug not in self.already_linked


def link_tree(
    root: Element,
    index: TermIndex,
    policy: LinkPolicy,
    make_link: Callable[[str, str], Element],
) -> list[str]:
    """Link mentions in the text of `root` in place; returns the slugs linked, in order.

    `make_link(slug, text)` builds the link element. Text content is never changed, only
    wrapped; elements in SKIP_TAGS or with a class in SKIP_CLASSES are left alone.
    """
    linked: list[str] = []

    def pieces(text: str) -> list[str | Element] | None:
        out: list[str | Element] = []
        position = 0
        for start, end, slug in index.find(text):
            if not policy.allows(slug):
                continue
            policy.already_linked.add(slug)
            linked.append(slug)
            out.append(text[position:start])
            out.append(make_link(slug, text[start:end]))
            position = end
        if not out:
            return None
        out.append(text[position:])
        return out

    def visit(element: Element) -> None:
        if _skipped(element):
            return
        children = list(element)  # before any link is added: added links need no visit
        if element.text:
            parts = pieces(element.text)
            if parts:
                element.text = parts[0]
                _insert(element, 0, parts[1:])
        for child in children:
            visit(child)
            if child.tail:
                parts = pieces(child.tail)
                if parts:
                    child.tail = parts[0]
                    _insert(element, list(element).index(child) + 1, parts[1:])

    visit(root)
    return linked


def _skipped(element: Element) -> bool:
    if not isinstance(element.tag, str) or element.tag.lower() in SKIP_TAGS:
        return True
    classes = (element.get("class") or "").split()
    return any(c in SKIP_CLASSES for c in classes)


def _insert(parent: Element, at: int, parts: list[str | Element]) -> None:
    """Insert alternating [link, text, link, text...] at child position `at`."""
    for part in parts:
        if isinstance(part, Element):
            parent.insert(at, part)
            at += 1
        else:
            parent[at - 1].tail = part or None
