"""The words of names and texts as the linker compares them: case, apostrophes, plurals."""

from __future__ import annotations

import re
from collections.abc import Iterable

WORD = re.compile(r"\w+(?:['\u2019]\w+)*")  # '_' joins words, as in \b
JOIN = re.compile(r"[ \t\n\r\-\u00a0\u2010\u2011]+")  # what may stand between words of a name


def normalised(text: str) -> str | None:
    """`text` as the linker compares it, lower-cased with curly apostrophes made straight;
    None if lower-casing changes its length (as for 'İ'), which would shift word spans."""
    lowered = text.lower()
    return lowered.replace("\u2019", "'") if len(lowered) == len(text) else None


def words(text: str) -> list[tuple[int, int, str]]:
    """Word spans of `text`: (start, end, normalised word).

    The text is normalised once, not word by word (the linker's hottest line at 10,000
    terms), unless that would shift the spans (`normalised` gives None).
    """
    lowered = normalised(text)
    if lowered is None:
        return [
            (m.start(), m.end(), m.group().lower().replace("\u2019", "'"))
            for m in WORD.finditer(text)
        ]
    return [
        (start, end, lowered[start:end]) for start, end in map(re.Match.span, WORD.finditer(text))
    ]


def same_case(found: str, name: str) -> bool:
    """`found` is written like `name` as far as they are the same word ('Deployments' and
    'Deployment' yes, 'deployment' no), so a plural keeps a case-exact name's case."""
    shared = 0
    for a, b in zip(found.lower(), name.lower(), strict=False):
        if a != b:
            break
        shared += 1
    return found[:shared] == name[:shared]


def variants(word: str) -> Iterable[str]:
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


def forms(word: str) -> set[str]:
    """Words whose `variants` include `word`: it, its plurals, and their possessives."""
    plurals = {word, word + "s", word + "es"}
    if word.endswith("y"):
        plurals.add(word[:-1] + "ies")
    return plurals | {p + "'s" for p in plurals}
