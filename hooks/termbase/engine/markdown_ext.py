"""A Markdown extension run on every page: term links, hover definitions, safe URLs."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from xml.etree.ElementTree import Element

from markdown import Extension, Markdown, util
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor

from termbase.config import GlossaryConfig
from termbase.engine.languages import SiteLanguages
from termbase.engine.pagestate import PageState, PageStates
from termbase.graph.linker import LinkPolicy, TermIndex, link_tree
from termbase.graph.scopes import scope_of
from termbase.graph.skiprules import SkipRules
from termbase.pages.markdown import TERM_LEAD_CLASSES
from termbase.reading.rules import drop_html_comments, unsafe_url
from termbase.urls import relative, resolve, term_uri

log = logging.getLogger("mkdocs.hooks.glossary")

_URL_ATTRIBUTES = (("a", "href"), ("img", "src"))


@dataclass(frozen=True)
class Linking:
    """What the extension needs of the glossary: names to link, definitions for tooltips."""

    settings: GlossaryConfig
    indexes: dict[str, TermIndex]  # each glossary's linkable names -> slug (graph/scopes.py)
    definitions: dict[str, str]  # slug -> short definition
    slug_by_uri: dict[str, str]  # src_uri of each term page -> slug
    search_full_text: bool  # False: generated pages are indexed by their summary only
    skip: SkipRules = SkipRules()  # quotes and headings unless allowed, titles of cited works
    # Where a translated page's links to untranslated pages go instead.
    languages: SiteLanguages = field(default_factory=SiteLanguages)

    def linked_term(self, page: PageState, href: str) -> str | None:
        target = resolve(page.uri, href)
        return self.slug_by_uri.get(target) if target else None


class GlossaryExtension(Extension):
    """Registered once; each page's Markdown instance gets a processor for that page."""

    def __init__(self, states: PageStates, linking: Linking):
        super().__init__()
        self.states, self.linking = states, linking

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 - Markdown's API name
        page = self.states.current
        if page is None:
            return
        if page.untrusted:  # generated from term files: no raw HTML at all
            for registry, name in ((md.preprocessors, "html_block"), (md.inlinePatterns, "html")):
                if name in registry:
                    registry.deregister(name)
            # An HTML comment is an editor's note: dropped, where other raw HTML is escaped.
            md.preprocessors.register(DropComments(md), "glossary_comments", 20)
        # After inline patterns (20) have made text and links, before MkDocs resolves and
        # validates relative links (0), so added links are checked like hand-written ones.
        md.treeprocessors.register(GlossaryLinks(md, self.linking, page), "glossary_links", 6)


class DropComments(Preprocessor):
    def run(self, lines: list[str]) -> list[str]:
        return drop_html_comments("\n".join(lines)).split("\n")


class GlossaryLinks(Treeprocessor):
    def __init__(self, md: Markdown, linking: Linking, page: PageState):
        super().__init__(md)
        self.linking, self.page = linking, page

    def run(self, root: Element) -> None:
        self._drop_unsafe_urls(root)
        if self.page.untrusted and not self.linking.search_full_text:
            index_summary_only(root)
        settings = self.linking.settings
        if settings.autolink and self.page.autolink:
            # Escaped characters ("mesa\\-optimizer", as generated pages write every name) are
            # placeholders until Markdown's 'unescape' (priority 0) runs: restore them now.
            if "unescape" in self.md.treeprocessors:
                self.md.treeprocessors["unescape"].run(root)
            policy = LinkPolicy(
                page_slug=self.page.slug,
                every_mention=settings.every_mention,
                excluded=settings.excluded,
                skip=self.linking.skip,
                # A term the author linked by hand is linked already: no second, automatic link.
                already_linked=set() if settings.every_mention else self._term_slugs(root),
            )
            codes = self.linking.languages.codes
            index = scope_of(self.page.uri, self.page.untrusted, self.linking.indexes, codes)
            link_tree(root, index, policy, self._make_link, self._raw_html)
        self.linking.languages.fall_back(self.page.uri, root.iter("a"))
        self.page.mentions = self._annotate_term_links(root)
        self.page.citations = list(
            dict.fromkeys(
                href for a in root.iter("a") if (href := a.get("href", "")).startswith("http")
            )
        )

    def _term_slugs(self, root: Element) -> set[str]:
        found = (self.linking.linked_term(self.page, a.get("href", "")) for a in root.iter("a"))
        return {slug for slug in found if slug}

    def _raw_html(self, placeholder: str) -> str | None:
        """The raw HTML a placeholder in the text stands for, so the linker can skip raw <a>."""
        match = util.HTML_PLACEHOLDER_RE.fullmatch(placeholder)
        if match is None:
            return None
        blocks = self.md.htmlStash.rawHtmlBlocks
        block = blocks[int(match.group(1))] if int(match.group(1)) < len(blocks) else None
        return block if isinstance(block, str) else None

    def _make_link(self, slug: str, text: str) -> Element:
        link = Element("a", {"href": relative(self.page.uri, term_uri(slug))})
        link.text = text
        link.set("class", "glossary-term")
        return link

    def _annotate_term_links(self, root: Element) -> list[str]:
        """Give every link to a term page its definition as a tooltip; return the slugs."""
        slugs = []
        for link in root.iter("a"):
            slug = self.linking.linked_term(self.page, link.get("href", ""))
            if slug is None or slug == self.page.slug:
                continue
            slugs.append(slug)
            if not link.get("title"):
                link.set("title", self.linking.definitions[slug])
        return slugs

    def _drop_unsafe_urls(self, root: Element) -> None:
        for tag, attribute in _URL_ATTRIBUTES:
            for element in root.iter(tag):
                url = element.get(attribute)
                if url is None:
                    continue
                if unsafe_url(url):
                    # MkDocs expects every <a> to have an href: keep the text, drop the link.
                    element.tag = "span"
                    element.attrib.clear()
                    log.warning(
                        f"{self.page.source}: removed the unsafe link {url[:60]!r}; "
                        "links may use http, https or mailto, or point to another page"
                    )


def index_summary_only(root: Element) -> None:
    """Mark all of a generated glossary page but its title, lead, aliases and FAQ questions
    for Material's search to skip (it removes the mark from the page). A term page stays
    findable by its names (tags), definition and questions, a category by its name and
    description; the A-Z and category lists, which repeat every definition, are left out.

    The blocks are those of overrides/markdown/. Headings are marked too, or Material would
    index each as a section with no text.
    """
    in_faq = False
    for block in root:
        in_faq = in_faq or (block.tag == "h2" and block.get("id") == "faq")
        question = in_faq and block.tag == "h3"
        if not (question or block.tag == "h1" or block.get("class") in TERM_LEAD_CLASSES):
            block.set("data-search-exclude", "summary")
