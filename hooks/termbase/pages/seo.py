"""What search engines read in a page's head: title, description, Open Graph, JSON-LD.

Plain dicts and strings only; templates serialise JSON-LD with Jinja's `tojson`, which
escapes `<`, `>`, `&` and `'`, so no field value can close the `<script>` element.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

from termbase.catalog import Gettext, english
from termbase.model import Term

SCHEMA = "https://schema.org"


@dataclass(frozen=True)
class Crumb:
    name: str
    url: str  # absolute


@dataclass
class Head:
    """Everything `partials/glossary-head.html` writes into <head> for one page."""

    title: str
    description: str
    url: str  # canonical, absolute
    og_type: str = "website"
    image: str = ""  # the social card, absolute
    json_ld: list[dict] = field(default_factory=list)
    robots: str = "index,follow"
    refresh: str = ""  # a see entry's page: the URL it sends readers to at once


def full_title(title: str, site_name: str) -> str:
    return title if title == site_name else f"{title} | {site_name}"


def term_title(term: Term, _: Gettext = english) -> str:
    return term.seo.title or _("%(term)s: definition and examples", term=term.term)


def breadcrumbs_ld(crumbs: Iterable[Crumb]) -> dict:
    return {
        "@context": SCHEMA,
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": n, "name": c.name, "item": c.url}
            for n, c in enumerate(crumbs, 1)
        ],
    }


def defined_term_ld(term: Term, url: str, set_name: str, set_url: str) -> dict:
    data = {
        "@context": SCHEMA,
        "@type": "DefinedTerm",
        "name": term.term,
        "description": term.short_definition,
        "url": url,
        "termCode": term.slug,
        "inDefinedTermSet": {"@type": "DefinedTermSet", "name": set_name, "url": set_url},
    }
    if term.aliases:
        data["alternateName"] = list(term.aliases)
    if term.last_reviewed:
        data["dateModified"] = term.last_reviewed.isoformat()
    return data


def faq_ld(term: Term) -> dict:
    return {
        "@context": SCHEMA,
        "@type": "FAQPage",
        "mainEntity": [
            {
                "@type": "Question",
                "name": item.question,
                "acceptedAnswer": {"@type": "Answer", "text": item.answer},
            }
            for item in term.faq
        ],
    }


def term_set_ld(name: str, url: str, description: str, terms: list[tuple[Term, str]]) -> dict:
    return {
        "@context": SCHEMA,
        "@type": "DefinedTermSet",
        "name": name,
        "url": url,
        "description": description,
        "hasDefinedTerm": [
            {"@type": "DefinedTerm", "name": t.term, "url": u, "termCode": t.slug} for t, u in terms
        ],
    }


def article_ld(
    kind: str,
    headline: str,
    description: str,
    url: str,
    modified: dt.date | None,
    citations: list[str],
    site_name: str,
    site_url: str,
) -> dict:
    data = {
        "@context": SCHEMA,
        "@type": kind,
        "headline": headline,
        "description": description,
        "url": url,
        "mainEntityOfPage": url,
        "inLanguage": "en",
        "publisher": {"@type": "Organization", "name": site_name, "url": site_url},
    }
    if modified:
        data["dateModified"] = modified.isoformat()
    if citations:
        data["citation"] = [{"@type": "CreativeWork", "url": u} for u in citations]
    return data


def term_head(
    term: Term, url: str, crumbs: list[Crumb], site_name: str, set_url: str, description: str,
    _: Gettext = english,
) -> Head:  # fmt: skip
    head = Head(
        title=full_title(term_title(term, _), site_name),
        description=description,
        url=url,
        og_type="article",
        json_ld=[
            defined_term_ld(term, url, f"{site_name} glossary", set_url),
            breadcrumbs_ld(crumbs),
        ],
    )
    if term.faq:
        head.json_ld.append(faq_ld(term))
    return head
