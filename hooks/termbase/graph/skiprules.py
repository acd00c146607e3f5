"""Where automatic term links never go besides the linker's fixed SKIP_TAGS and SKIP_CLASSES
(links, code, headings, ...): block quotes and headings unless the site allows them, and
the titles of cited works. The README ("What is never linked") says why for each.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

# Places a site may open to automatic links (extra.glossary.autolink.allow): the tags each
# name covers. The page's own title (h1) is never linked.
ALLOWABLE = {
    "headings": frozenset({"h2", "h3", "h4", "h5", "h6"}),
    "quotes": frozenset({"blockquote"}),
}
QUOTE_TAGS = ALLOWABLE["quotes"]
ITALIC_TAGS = frozenset({"em", "i"})  # where running text names a work: *Risks from ...*
# Words a title leaves in lower case ("Risks from Learned Optimization").
SMALL_WORDS = frozenset(
    {"a", "an", "and", "as", "at", "but", "by", "de", "for", "from", "in", "into", "of", "on",
     "or", "over", "per", "the", "to", "vs", "via", "with"}
)  # fmt: skip
_WORD = re.compile(r"\w+(?:['\u2019]\w+)*")


def title_words(text: str) -> tuple[str, ...]:
    return tuple(w.lower().replace("\u2019", "'") for w in _WORD.findall(text))


@dataclass(frozen=True)
class SkipRules:
    """What one build never links inside, besides the linker's SKIP_TAGS."""

    allowed: frozenset[str] = frozenset()  # tags of ALLOWABLE the site opens to links
    # The words of every cited work's title, and each start of two or more of its words:
    # a title is often cited shortened.
    titles: frozenset[tuple[str, ...]] = field(default_factory=frozenset)

    @classmethod
    def make(cls, allow: Iterable[str] = (), titles: Iterable[str] = ()) -> SkipRules:
        allowed = frozenset().union(*(ALLOWABLE[name] for name in allow))
        starts = set()
        for title in titles:
            key = title_words(title)
            starts.update(key[:n] for n in range(2, len(key) + 1))
            starts.add(key)
        return cls(allowed, frozenset(k for k in starts if k))

    def is_work_title(self, text: str) -> bool:
        """Whether italic text names a work: the title (or the start of the title) of a work
        the glossary cites, or words capitalised as a title is ("Superintelligence: Paths,
        Dangers, Strategies"), at least two of them."""
        words = _WORD.findall(text)
        if title_words(text) in self.titles:
            return True
        significant = [w for w in words if w.lower() not in SMALL_WORDS]
        return (
            len(significant) >= 2
            and words[0][:1].isupper()
            and all(w[:1].isupper() or w[:1].isdigit() for w in significant)
        )
