"""Rules beyond the shape of one file: those about a term alone (description length, unfinished
template text, unsafe links) and those that span files (categories, related slugs, unique
names). Each gives a located Problem."""

from __future__ import annotations

import re
import unicodedata

from termbase.model import Glossary, Location, Problem, Term
from termbase.parts import DEFAULT_PART, local, part_of
from termbase.reading.schema import suggest

DESCRIPTION_MIN, DESCRIPTION_MAX = 50, 160
CATEGORIES_FILE = "_categories.yml"
# `glossary new` puts this before each text the editor still has to write.
TEMPLATE_MARKER = "TODO:"
# The level of advice for search engines (a description's length): printed by `glossary
# check` and logged by the build, failing a strict build only with extra.glossary.seo.strict.
ADVICE = "advice"
SAFE_SCHEMES = frozenset({"http", "https", "mailto"})

# Where Markdown puts a URL: [text](URL), [label]: URL, <URL>, each with a text every match
# holds, so a text without it skips that pattern (the multi-line one is slow). This reads
# Markdown source, not HTML; the build's tree processor is the backstop that removes any
# unsafe link it still finds.
_MARKDOWN_URLS = (
    ("](", re.compile(r"\]\(\s*<?([^\s()<>]*(?:\([^\s()]*\)[^\s()<>]*)*)")),
    ("]:", re.compile(r"^[ ]{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)", re.MULTILINE)),
    ("<", re.compile(r"<([a-zA-Z][a-zA-Z0-9+.\-]*:[^\s>]*)>")),
)
# A code span (kept whole) or an HTML comment (dropped).
_COMMENT_OR_CODE = re.compile(r"(?P<code>(`+)(?:.+?)(?<!`)\2(?!`))|<!--.*?-->", re.DOTALL)
_SCHEME = re.compile(r"^\s*([a-zA-Z][a-zA-Z0-9+.\-]*):")


def drop_html_comments(markdown: str) -> str:
    """Markdown without its HTML comments (`<!-- TODO: ... -->`); code spans keep theirs, and
    fenced code blocks are stashed by Markdown before this runs."""
    if "<!--" not in markdown:
        return markdown
    return _COMMENT_OR_CODE.sub(lambda m: m.group("code") or "", markdown)


def name_key(name: str) -> str:
    """How two names are compared: Unicode form, case, hyphens and spacing do not count."""
    folded = unicodedata.normalize("NFKC", name).casefold().replace("\u2019", "'")
    return " ".join(folded.replace("-", " ").split())


def validate_term(term: Term) -> list[Problem]:
    """The rules about one term alone. They run where the file is parsed, so their findings
    are kept in the parse cache with it (and shared among workers on a cold check)."""
    return _check_description(term) + _check_template_text(term) + _check_markdown_urls(term)


def validate_glossary(glossary: Glossary) -> list[Problem]:
    """The rules that span files: categories, related terms, names used twice."""
    problems: list[Problem] = []
    # Names are unique within a glossary: two glossaries of a site may share a name.
    owners: dict[str, dict[str, tuple[Term, str]]] = {part: {} for part in glossary.parts}
    # Built once, not per term: per term it made checking 1,000 files take seconds.
    by_name = {name_key(n): t.slug for t in glossary.terms.values() for n in t.names}
    for term in glossary.terms.values():
        problems += _check_category(term, glossary)
        problems += _check_related(term, glossary, by_name)
        problems += _check_names(term, owners[part_of(term.slug)])
    for entry in glossary.redirects.values():
        problems += _check_see(entry, glossary, by_name)
        problems += _check_names(entry, owners[part_of(entry.slug)])
    for category in glossary.categories.values():
        problems += _description_length(
            category.description, category.location, "{fix} the category's description"
        )
    return problems


def _check_category(term: Term, glossary: Glossary) -> list[Problem]:
    if term.category in glossary.categories:
        return []
    part, key = part_of(term.category), local(term.category)
    keys = {local(k) for k in glossary.categories if part_of(k) == part}
    return [
        Problem(
            term.location("category"),
            f"unknown category {key!r}{suggest(key, keys)}; categories are defined in "
            + (
                f"glossary/{CATEGORIES_FILE}"
                if part == DEFAULT_PART
                else f"the {CATEGORIES_FILE} of the {part!r} glossary's folder"
            ),  # fmt: skip
        )
    ]


def _unknown(ref: str, glossary: Glossary, by_name: dict[str, str]) -> str:
    """Why a reference to a term (related, see) names none, with the likeliest fix."""
    if (part := part_of(ref)) not in glossary.parts:
        known = ", ".join(repr(p) for p in glossary.parts)
        return f"{ref!r} names the glossary {part!r}, which the site does not have ({known})"
    meant = by_name.get(name_key(local(ref)))
    hint = f" (did you mean {meant!r}?)" if meant else suggest(ref, set(glossary.terms), 0.85)
    return f"{ref!r}{hint}"


def _check_related(term: Term, glossary: Glossary, by_name: dict[str, str]) -> list[Problem]:
    problems = []
    seen = set()
    for number, slug in enumerate(term.related, 1):
        messages = []
        if slug in seen:
            messages.append(f"related term {slug!r} is listed twice")
        seen.add(slug)
        if slug == term.slug:
            messages.append("a term cannot be related to itself")
        elif slug not in glossary.terms:
            messages.append(f"unknown related term {_unknown(slug, glossary, by_name)}")
        elif glossary.terms[slug].draft and not term.draft:
            messages.append(f"related term {slug!r} is a draft and would not be published")
        problems += [Problem(term.location(f"related.{number}"), m) for m in messages]
    return problems


def _check_see(entry: Term, glossary: Glossary, by_name: dict[str, str]) -> list[Problem]:
    """A see entry sends readers to a published term, never to another see entry."""
    target = entry.see or ""
    if target in glossary.redirects:
        message = (
            f"{target!r} is itself a see entry: point to the term it names, "
            f"{glossary.redirects[target].see!r}"
        )
    elif target not in glossary.terms:
        message = f"see: unknown term {_unknown(target, glossary, by_name)}"
    elif glossary.terms[target].draft and not entry.draft:
        message = f"see: {target!r} is a draft and would not be published"
    else:
        return []
    return [Problem(entry.location("see"), message)]


def _check_names(term: Term, owners: dict[str, tuple[Term, str]]) -> list[Problem]:
    problems = []
    names = [("term", term.term)] + [(f"aliases.{i}", a) for i, a in enumerate(term.aliases, 1)]
    for field, name in names:
        key = name_key(name)
        if key in owners:
            other, other_name = owners[key]
            what = "term name" if field == "term" else "alias"
            if other is term:
                message = (
                    f"{what} {name!r} repeats {other_name!r} of the same term "
                    "(case, hyphens and spaces do not make names different)"
                )
            else:
                message = f"{what} {name!r} is already used by {other.source} ({other_name!r})"
            problems.append(Problem(term.location(field), message))
        else:
            owners[key] = (term, name)
    return problems


def unsafe_url(url: str) -> bool:
    """True for URLs that could run script: javascript:, data:, vbscript: and the like."""
    match = _SCHEME.match("".join(url.split()))
    return bool(match) and match.group(1).lower() not in SAFE_SCHEMES


def _check_markdown_urls(term: Term) -> list[Problem]:
    fields = [("explanation", term.explanation)] + [
        (f"faq.{n}", item.answer) for n, item in enumerate(term.faq, 1)
    ]
    problems = []
    for field, text in fields:
        if ":" not in text:  # no scheme, no unsafe link (most answers)
            continue
        found = sorted(
            (match.start(), match.group(1))
            for marker, pattern in _MARKDOWN_URLS
            if marker in text
            for match in pattern.finditer(text)
        )
        for _start, url in found:
            if unsafe_url(url):
                problems.append(
                    Problem(
                        term.location(field),
                        f"unsafe link {url[:40]!r} in {field.split('.')[0]}: "
                        "links may use http, https or mailto, or point to another page",
                    )
                )
    return problems


def _check_description(term: Term) -> list[Problem]:
    text = term.seo.description or term.short_definition
    field = "seo" if term.seo.description else "short_definition"
    hint = "{fix} seo.description" if term.seo.description else "{fix} it, or set seo.description"
    return _description_length(text, term.location(field), hint)


def _description_length(text: str, where: Location, hint: str) -> list[Problem]:
    """A warning when a page description is outside what search results show."""
    if DESCRIPTION_MIN <= len(text) <= DESCRIPTION_MAX:
        return []
    fix = "shorten" if len(text) > DESCRIPTION_MAX else "lengthen"
    message = (
        f"the page description is {len(text)} characters; search engines show "
        f"{DESCRIPTION_MIN}-{DESCRIPTION_MAX} ({hint.format(fix=fix)})"
    )
    return [Problem(where, message, level=ADVICE)]


def _check_template_text(term: Term) -> list[Problem]:
    """A warning for each text still holding the new-term template's marker: a strict build
    fails on warnings, so an unfinished term cannot be published."""
    texts = [
        ("term", term.term),
        ("short_definition", term.short_definition),
        ("explanation", term.explanation),
        *((f"faq.{n}", f.question + f.answer) for n, f in enumerate(term.faq, 1)),
        *((f"references.{n}", r.title) for n, r in enumerate(term.references, 1)),
    ]
    return [
        Problem(
            term.location(field),
            f"{field.split('.')[0]} still holds the new-term template's {TEMPLATE_MARKER!r} "
            "text: write it before publishing",
            level="warning",
        )
        for field, text in texts
        if TEMPLATE_MARKER in text and TEMPLATE_MARKER in drop_html_comments(text)
    ]
