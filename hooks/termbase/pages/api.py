"""Every published term as JSON beside its page (`glossary/<slug>.json`): the whole payload a
program needs to show the term without the site, and the JSON Schemas of that file and of
the index, glossary.json. Fields are only ever added, never renamed or removed."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urljoin

from selectolax.lexbor import LexborHTMLParser

from termbase.graph.relations import TermGraph
from termbase.model import Term
from termbase.pages.export import FORMAT_VERSION
from termbase.pages.markdown import TERM_LEAD_CLASSES
from termbase.pages.seo import Head
from termbase.urls import category_uri, term_uri


@dataclass(frozen=True)
class TermHtml:
    """The explanation and FAQ answers as the page renders them, links made absolute."""

    explanation: str
    answers: tuple[str, ...]


def split_term_html(html: str, page_url: str) -> TermHtml:
    """Cut a term page's rendered Markdown (overrides/markdown/term.md) into its explanation
    (after the lead and aliases, before the FAQ) and each FAQ answer."""
    tree = LexborHTMLParser(f"<body>{html}</body>")
    for link in tree.css("a[href]"):
        link.attrs["href"] = urljoin(page_url, link.attributes["href"] or "")
    for image in tree.css("img[src]"):
        image.attrs["src"] = urljoin(page_url, image.attributes["src"] or "")
    for anchor in tree.css("a.headerlink"):
        anchor.decompose()
    explanation: list[str] = []
    answers: list[list[str]] = []
    in_faq = False
    body = tree.body
    for node in body.iter() if body else []:
        if node.tag == "h1" or node.attributes.get("class") in TERM_LEAD_CLASSES:
            continue
        if node.tag == "h2" and node.attributes.get("id") == "faq":
            in_faq = True
            continue
        if in_faq and node.tag == "h3":
            answers.append([])
            continue
        (answers[-1] if in_faq and answers else explanation).append(node.html or "")
    return TermHtml("\n".join(explanation), tuple("\n".join(a) for a in answers))


def term_payload(
    term: Term,
    graph: TermGraph,
    absolute: Callable[[str], str],  # a source URI -> its absolute URL
    head: Head,
    html: TermHtml,
    lessons: list[tuple[str, str]],  # (title, absolute URL) of lessons teaching the term
) -> dict:
    category = graph.glossary.categories[term.category]
    return {
        "version": FORMAT_VERSION,
        "slug": term.slug,
        "term": term.term,
        "aliases": list(term.aliases),
        "url": absolute(term_uri(term.slug)),
        "short_definition": term.short_definition,
        "title": head.title,
        "description": head.description,
        "explanation": {"markdown": term.explanation, "html": html.explanation},
        "faq": [
            {"question": item.question, "answer": {"markdown": item.answer, "html": answer}}
            for item, answer in zip(term.faq, html.answers, strict=False)
        ],
        "related": [
            {
                "slug": other.slug,
                "term": other.term,
                "short_definition": other.short_definition,
                "url": absolute(term_uri(other.slug)),
                "json": json_url(absolute, other.slug),
            }
            for other in graph.related_terms(term.slug)
        ],
        "category": {
            "key": category.key,
            "name": category.name,
            "url": absolute(category_uri(category.key)),
        },
        "references": [
            {
                "title": ref.title,
                "authors": list(ref.authors),
                "et_al": ref.et_al,
                "editors": list(ref.editors),
                "year": ref.year,
                "url": ref.url,
            }
            for ref in term.references
        ],
        "last_reviewed": term.last_reviewed.isoformat() if term.last_reviewed else None,
        "lessons": [{"title": title, "url": url} for title, url in lessons],
    }


def json_url(absolute: Callable[[str], str], slug: str) -> str:
    """Where a term's JSON file is served: beside its page."""
    return absolute(payload_path(slug))


def payload_path(slug: str) -> str:
    return term_uri(slug).removesuffix(".md") + ".json"


def dumps(document: dict) -> str:
    return json.dumps(document, ensure_ascii=False, indent=1) + "\n"
