"""Generated pages: the Markdown source of every glossary page, and what their templates show.

The Markdown comes from Jinja templates in `overrides/markdown/`, so the site engine renders
it like a hand-written page (its links are resolved and validated). Everything that is not
Markdown (breadcrumbs, related terms, references, backlinks) is handed to the HTML templates
in `overrides/` as plain data.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Callable
from pathlib import Path

import jinja2

from termbase.catalog import Gettext, english
from termbase.config import INDEX_PAGE_LIMIT
from termbase.graph.relations import TermGraph
from termbase.languages import language_of_part, source_part
from termbase.model import Category, Term, sort_key
from termbase.parts import DEFAULT_PART, local, part_of
from termbase.reading.rules import DESCRIPTION_MAX
from termbase.urls import (
    category_uri,
    index_uri,
    letter_id,
    letter_uri,
    map_uri,
    relative,
    term_uri,
)

# The classes overrides/markdown/term.md gives the lead and the aliases, the blocks that come
# before a term's explanation.
TERM_LEAD_CLASSES = ("glossary-lead", "glossary-aliases")
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|~])")


def md_text(text: str) -> str:
    """Plain text made safe to drop into Markdown: no markup, no HTML, shown as written."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _MD_SPECIAL.sub(r"\\\1", " ".join(text.split()))


def yaml_str(text: str) -> str:
    """A YAML scalar for front matter (JSON strings are valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def initial(name: str) -> str:
    """The letter a term is filed under in the A-Z index; '#' for digits and symbols."""
    first = sort_key(name)[0][:1].upper()
    return first if first.isalpha() and first.isascii() else "#"


def by_letter(terms: list[Term]) -> dict[str, list[Term]]:
    """Terms (already A-Z) grouped by the letter they are filed under."""
    letters: dict[str, list[Term]] = {}
    for term in terms:
        letters.setdefault(initial(term.term), []).append(term)
    return letters


def text_env(
    templates: Path, filters: dict, bytecode_cache: jinja2.BytecodeCache | None = None
) -> jinja2.Environment:
    """Jinja for text that is not HTML (the generated pages' Markdown, term files' YAML):
    strict about missing values, with the whitespace control those templates are written for."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(templates),
        autoescape=False,  # Markdown and YAML: text fields go through md_text or yaml_str
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        bytecode_cache=bytecode_cache,
    )
    env.filters.update(yaml_str=yaml_str, **filters)
    return env


def markdown_env(
    templates: Path, bytecode_cache: jinja2.BytecodeCache | None
) -> jinja2.Environment:
    """Jinja for the generated pages' Markdown (overrides/markdown/)."""
    # html_text: Material's search shows front matter tags as HTML, so names are escaped.
    filters = {"md_text": md_text, "term_uri": term_uri, "html_text": html.escape, "local": local}
    return text_env(templates, filters, bytecode_cache)


class PageWriter:
    """Writes the Markdown of the generated pages from the term graph: each glossary of the
    site (termbase.parts) its own index, letter pages, concept map and category pages."""

    def __init__(
        self,
        graph: TermGraph,
        templates: Path,
        description: str,
        index_page_limit: int = INDEX_PAGE_LIMIT,
        bytecode_cache: jinja2.BytecodeCache | None = None,  # compiled templates, kept by serve
        gettext: Callable[[str | None], Gettext] = lambda code: english,  # termbase.catalog
    ):
        self.graph = graph
        self.gettext = gettext
        self.description = description
        self.index_page_limit = index_page_limit
        self.env = markdown_env(templates, bytecode_cache)

    def pages(self) -> dict[str, str]:
        """Every generated page: src_uri -> Markdown source."""
        out: dict[str, str] = {}
        for part in self.graph.glossary.parts:
            out |= self.listings(part)
        term_template = self.env.get_template("term.md")
        for term in self.graph.terms.values():
            out[term_uri(term.slug)] = term_template.render(
                term=term,
                description=page_description(term, self.graph.shared_definitions),
                _=self._(part_of(term.slug)),
            )
        see_template = self.env.get_template("see.md")
        for entry in self.graph.redirects.values():
            target = self.graph.terms[entry.see]
            out[term_uri(entry.slug)] = see_template.render(
                entry=entry,
                target=target,
                link=relative(term_uri(entry.slug), term_uri(target.slug)),
                description=see_description(entry, target),
                _=self._(part_of(entry.slug)),
            )
        return out

    def listings(self, part: str = DEFAULT_PART) -> dict[str, str]:
        """One glossary's index (and letter pages), concept map and category pages."""
        graph = self.graph.part(part)
        words = self._words(part)
        out = {index_uri(part): self.index(part), **self.letter_pages(part)}
        out[map_uri(part)] = self.env.get_template("map.md").render(
            terms=len(graph.terms),
            categories=sum(1 for terms in graph.by_category.values() if terms),
            **words,
        )
        for key, category in graph.glossary.categories.items():
            out[category_uri(key)] = self.category(category, part)
        return out

    def _(self, part: str) -> Gettext:
        """`_` of the part's language (termbase.catalog)."""
        return self.gettext(language_of_part(part))

    def _words(self, part: str) -> dict:
        """How the templates name a glossary: the default one as before, others by title;
        and `_`, its language's interface text."""
        _, title = self._(part), self.graph.glossary.parts[part]
        if source_part(part) == DEFAULT_PART:
            return {"title": _(title), "the_glossary": _("the glossary"), "kind": _("glossary"),
                    "map_title": _("Concept map"), "_": _}  # fmt: skip
        return {"title": title, "the_glossary": _("the %(title)s", title=title), "kind": title,
                "map_title": _("%(title)s: concept map", title=title), "_": _}  # fmt: skip

    def letters(self, part: str = DEFAULT_PART) -> dict[str, list[Term]]:
        return by_letter(self.graph.part(part).glossary.published)

    def paginated(self, part: str = DEFAULT_PART) -> bool:
        return len(self.graph.part(part).terms) > self.index_page_limit

    def letter_link(self, letter: str, part: str = DEFAULT_PART) -> str:
        """From the index: a letter's own page when paginated, else its section."""
        if self.paginated(part):
            return letter_uri(letter, part).removeprefix(f"{part}/")
        return f"#{letter_id(letter)}"

    def index(self, part: str = DEFAULT_PART) -> str:
        graph = self.graph.part(part)
        listed = graph.glossary.categories.values()
        categories = [(c, len(graph.by_category[c.key])) for c in listed]
        return self.env.get_template("index.md").render(
            terms=graph.glossary.published,
            letters=self.letters(part),
            paginated=self.paginated(part),
            letter_link=lambda letter: self.letter_link(letter, part),
            letter_id=letter_id,
            categories=categories,
            category_link=lambda key: category_uri(key).removeprefix(f"{part}/"),
            description=self.description,
            untranslated=self.untranslated(part),
            **self._words(part),
        )

    def untranslated(self, part: str) -> list[tuple[Term, str]]:
        """A translated glossary's index lists the source's terms it lacks, each linked to
        its page in the source language: (term, link from the index)."""
        if language_of_part(part) is None:
            return []
        done = {term.translates for term in self.graph.part(part).terms.values()}
        source = self.graph.part(source_part(part)).glossary.published
        here = index_uri(part)
        return [(t, relative(here, term_uri(t.slug))) for t in source if t.slug not in done]

    def letter_pages(self, part: str = DEFAULT_PART) -> dict[str, str]:
        """One page per letter, only when the index is paginated."""
        if not self.paginated(part):
            return {}
        letters = self.letters(part)
        template = self.env.get_template("letter.md")
        return {
            letter_uri(letter, part): template.render(
                letter=letter,
                group=group,
                letters=letters,
                letter_link=lambda other: self.letter_link(other, part),
                **self._words(part),
            )
            for letter, group in letters.items()
        }

    def category(self, category: Category, part: str = DEFAULT_PART) -> str:
        return self.env.get_template("category.md").render(
            category=category, terms=self.graph.by_category[category.key], _=self._(part)
        )


def page_description(term: Term, shared: frozenset[str] = frozenset()) -> str:
    """The meta description: the editor's override, else the short definition, cut to fit.
    A definition that other terms share (`shared`) gets the term's name in front, so no two
    pages share a description unless an editor wrote both."""
    if term.seo.description:
        return trim(term.seo.description, DESCRIPTION_MAX)
    if term.short_definition in shared:
        return trim(f"{term.term}: {term.short_definition}", DESCRIPTION_MAX)
    return trim(term.short_definition, DESCRIPTION_MAX)


def see_description(entry: Term, target: Term) -> str:
    """A see entry's description: where it sends readers, and what that term means."""
    return trim(f"{entry.term}: see {target.term}. {target.short_definition}", DESCRIPTION_MAX)


def trim(text: str, limit: int) -> str:
    """Cut at a word boundary to at most `limit` characters, marking the cut with an ellipsis."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0].rstrip(" ,;:.-")
    return cut + "\u2026"
