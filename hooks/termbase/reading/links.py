"""Links from term files to other pages: a Markdown link to a term or page that does not
exist is reported at the file, line and column where the editor wrote it, with the page
they most likely meant, instead of at a generated page no editor ever sees."""

from __future__ import annotations

import re
from pathlib import Path

from termbase.model import Glossary, Location, Problem, Term
from termbase.reading.schema import suggest
from termbase.urls import (
    category_uri,
    index_uri,
    is_letter,
    map_uri,
    relative,
    resolve,
    term_uri,
)

# [text](target) and [text](target "title"), the form editors write; targets of Markdown
# pages only (other files and external URLs are checked by the build and the link check).
_PAGE_LINK = re.compile(r"\]\(\s*<?([^\s()<>#?]+\.md)(?:[#?][^\s()<>]*)?>?(?:\s+\"[^\"]*\")?\s*\)")


def check_page_links(glossary: Glossary, pages: set[str], root: Path | None) -> list[Problem]:
    """Problems for links in explanations and FAQ answers that point to no page of the
    site. `pages` are the hand-written pages (docs-relative); `root` is where term file
    paths start, to find the exact line of each link."""
    known = set(pages) | {u for p in glossary.parts for u in (index_uri(p), map_uri(p))}
    known |= {category_uri(key) for key in glossary.categories}
    drafts = {term_uri(t.slug) for t in glossary.terms.values() if t.draft}
    known |= {term_uri(slug) for slug in glossary.terms} - drafts
    known |= {term_uri(s) for s, entry in glossary.redirects.items() if not entry.draft}
    problems = []
    choices: set[str] = set()  # every page, as a term file links it; made at the first miss
    for term in glossary.terms.values():
        fields = [("explanation", term.explanation)]
        fields += [(f"faq.{n}", item.answer) for n, item in enumerate(term.faq, 1)]
        for field, text in fields:
            if ".md" not in text:
                continue
            for match in _PAGE_LINK.finditer(text):
                href = match.group(1)
                target = resolve(term_uri(term.slug), href)
                if target is None or target in known or is_letter(target):
                    continue
                # A translation may link what is not translated: the source's page is shown.
                if term.translates and resolve(term_uri(term.translates), href) in known:
                    continue
                if target in drafts:
                    reason = "is a draft, which is not published"
                else:
                    choices = choices or {relative(term_uri(term.slug), uri) for uri in known}
                    reason = f"is no term or page of the site{suggest(href, choices)}"
                where = _locate(term, field, href, root)
                what = field.split(".")[0].replace("faq", "an FAQ answer")
                problems.append(Problem(where, f"the link {href!r} in {what} {reason}"))
    return problems


def _locate(term: Term, field: str, href: str, root: Path | None) -> Location:
    """The line and column of `](href` in the term file, from the field's line on; the
    field's own place if the file cannot be read."""
    fallback = term.location(field)
    try:
        lines = (root / term.source if root else term.source).read_text("utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return fallback
    for number in range(fallback.line, len(lines) + 1):
        column = lines[number - 1].find(f"]({href}")
        if column >= 0:
            return Location(fallback.path, number, column + 3)
    return fallback
