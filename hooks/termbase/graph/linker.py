"""Automatic term links: find mentions of glossary terms in an element tree and link them.

Mentions are found with one dictionary built once per build, keyed by the words of every
name and alias, so scanning a page costs the same with 30 terms or 10,000: each word is
looked up a bounded number of times, never compared with every term.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from xml.etree.ElementTree import Element

from termbase.graph.skiprules import ITALIC_TAGS, QUOTE_TAGS, SkipRules
from termbase.graph.words import JOIN as _JOIN
from termbase.graph.words import WORD as _WORD
from termbase.graph.words import forms as _forms
from termbase.graph.words import normalised, words
from termbase.graph.words import same_case as _same_case
from termbase.graph.words import variants as _variants

__all__ = ["_JOIN", "_variants", "words"]  # the word rules, for the linker's tests

# Python-Markdown keeps raw inline HTML and entities out of the tree as STX...ETX placeholders.
_PLACEHOLDER = re.compile("\x02[^\x02\x03]*\x03")
_VOID = frozenset({"area", "br", "col", "embed", "hr", "img", "input", "source", "track", "wbr"})

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
        "cite",  # the title of a work
    }
)
SKIP_CLASSES = frozenset({"admonition-title", "nolink", "no-autolink", "glossary-aliases"})


@dataclass
class TermIndex:
    """Every name and alias of every term, keyed by its words; built once per build."""

    keys: dict[tuple[str, ...], str] = field(default_factory=dict)
    longest: int = 0
    heads: set[tuple[str, ...]] = field(default_factory=set)  # words a longer name starts with
    # Every word that can begin a mention: first words of names, and each one-word name in its
    # plural and possessive forms. Most words of a text are in no name, and cost one lookup.
    openers: set[str] = field(default_factory=set)
    # Names whose words a term wants matched with their case (`match_case`), by key: every
    # (slug, words as written, or None for any case) of the key, in the order they came.
    cased: dict[tuple[str, ...], list[tuple[str, tuple[str, ...] | None]]] = field(
        default_factory=dict
    )

    @classmethod
    def build(cls, names: Iterable[tuple[str, str] | tuple[str, str, bool]]) -> TermIndex:
        """From (name, slug) pairs, or (name, slug, match_case). Earlier pairs win if two
        names have the same words, unless the earlier one's case does not match the text."""
        index = cls()
        for name, slug, *exact in names:
            key = tuple(w for _, _, w in words(name))
            if not key:
                continue
            as_written = tuple(m.group() for m in _WORD.finditer(name)) if any(exact) else None
            if key in index.keys:
                if key in index.cased:
                    index.cased[key].append((slug, as_written))
                continue
            index.keys[key] = slug
            if as_written:
                index.cased[key] = [(slug, as_written)]
            index.longest = max(index.longest, len(key))
            index.heads.update(key[:n] for n in range(1, len(key)))
            index.openers.update(_forms(key[0]) if len(key) == 1 else (key[0],))
        return index

    def find(self, text: str) -> list[tuple[int, int, str]]:
        """Non-overlapping mentions (start, end, slug), leftmost first, longest match wins."""
        lowered = normalised(text)
        if lowered is not None and self.openers.isdisjoint(_WORD.findall(lowered)):
            return []  # most texts name no term: one pass in C, no word spans made
        spans = words(text)
        found = []
        i = 0
        openers = self.openers
        while i < len(spans):
            if spans[i][2] not in openers:
                i += 1
                continue
            match = self._longest_at(text, spans, i)
            if match:
                length, slug = match
                found.append((spans[i][0], spans[i + length - 1][1], slug))
                i += length
            else:
                i += 1
        return found

    def _longest_at(self, text, spans, i) -> tuple[int, str] | None:
        # How many words from i may hold a name: each but the last must continue the start of
        # some name, and they are joined only by spaces or hyphens (a name never spans ". ").
        # Most words start no longer name, so most positions cost one to four lookups.
        reach = 1
        head: tuple[str, ...] = ()
        while (
            reach < self.longest
            and i + reach < len(spans)
            and (head := (*head, spans[i + reach - 1][2])) in self.heads
            and _JOIN.fullmatch(text, spans[i + reach - 1][1], spans[i + reach][0])
        ):
            reach += 1
        for length in range(reach, 0, -1):
            head = tuple(w for _, _, w in spans[i : i + length - 1])
            for last in _variants(spans[i + length - 1][2]):
                slug = self.keys.get((*head, last))
                if slug and (*head, last) in self.cased:
                    slug = self._with_case(text, spans[i : i + length], (*head, last))
                if slug:
                    return length, slug
        return None

    def _with_case(self, text: str, spans, key: tuple[str, ...]) -> str | None:
        """The first term of `key` whose case the text keeps (any, unless match_case)."""
        for slug, written in self.cased[key]:
            pairs = zip(spans, written or (), strict=written is not None)
            if written is None or all(_same_case(text[a:b], word) for (a, b, _), word in pairs):
                return slug
        return None


@dataclass
class LinkPolicy:
    """What the linker may link on one page."""

    page_slug: str | None = None  # never link a term on its own page
    every_mention: bool = False  # default: first mention only
    excluded: frozenset[str] = frozenset()
    already_linked: set[str] = field(default_factory=set)
    skip: SkipRules = SkipRules()  # quotes, headings the site allows, titles of works

    def allows(self, slug: str) -> bool:
        if slug == self.page_slug or slug in self.excluded:
            return False
        return self.every_mention or slug not in self.already_linked


def link_tree(
    root: Element,
    index: TermIndex,
    policy: LinkPolicy,
    make_link: Callable[[str, str], Element],
    raw_html: Callable[[str], str | None] = lambda placeholder: None,
) -> list[str]:
    """Link mentions in the text of `root` in place; returns the slugs linked, in order.

    `make_link(slug, text)` builds the link element. Text content is never changed, only
    wrapped; elements in SKIP_TAGS or with a class in SKIP_CLASSES are left alone, and so
    is text inside such elements written as raw HTML: `raw_html(placeholder)` gives the HTML
    a placeholder in the text stands for. A name never spans a placeholder.
    """
    linked: list[str] = []
    raw = _RawHtml(policy.skip)

    def mentions(text: str) -> Iterator[tuple[int, int, str]]:
        start = 0
        for placeholder in (*_PLACEHOLDER.finditer(text), None):
            end = placeholder.start() if placeholder else len(text)
            if not raw.skipping:
                for first, last, slug in index.find(text[start:end]):
                    yield start + first, start + last, slug
            if placeholder:
                raw.feed(raw_html(placeholder.group()) or "")
                start = placeholder.end()

    def pieces(text: str) -> list[str | Element] | None:
        out: list[str | Element] = []
        position = 0
        for start, end, slug in mentions(text):
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
        if _skipped(element, policy.skip):
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


class _RawHtml(HTMLParser):
    """Which raw HTML elements the text met so far is inside, read in document order."""

    def __init__(self, rules: SkipRules) -> None:
        super().__init__(convert_charrefs=False)
        self.rules = rules
        self.open: list[tuple[str, bool]] = []  # (tag, whether nothing inside may be linked)

    @property
    def skipping(self) -> bool:
        return any(skip for _, skip in self.open)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in _VOID:
            classes = (dict(attrs).get("class") or "").split()
            skip = _skipped_tag(tag, self.rules) or any(c in SKIP_CLASSES for c in classes)
            self.open.append((tag, skip))

    def handle_endtag(self, tag: str) -> None:
        for depth in range(len(self.open) - 1, -1, -1):
            if self.open[depth][0] == tag:
                del self.open[depth:]
                return


def _skipped(element: Element, rules: SkipRules) -> bool:
    if not isinstance(element.tag, str):
        return True
    tag = element.tag.lower()
    if _skipped_tag(tag, rules):
        return True
    if tag in ITALIC_TAGS and rules.is_work_title(
        _PLACEHOLDER.sub(" ", "".join(element.itertext()))
    ):
        return True
    classes = (element.get("class") or "").split()
    return any(c in SKIP_CLASSES for c in classes)


def _skipped_tag(tag: str, rules: SkipRules) -> bool:
    return (tag in SKIP_TAGS or tag in QUOTE_TAGS) and tag not in rules.allowed


def _insert(parent: Element, at: int, parts: list[str | Element]) -> None:
    """Insert alternating [link, text, link, text...] at child position `at`."""
    for part in parts:
        if isinstance(part, Element):
            parent.insert(at, part)
            at += 1
        else:
            parent[at - 1].tail = part or None
