"""Automatic term links in random Markdown run through Python-Markdown with the site's own
extension: the text is kept, the HTML stays well formed and the links point at term pages.
"""

from __future__ import annotations

import posixpath
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import markdown
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from linkertrees import (
    INDEX,
    NAMES,
    WORDS,
    Tree,
    excluded,
    make_link,
    raw_paragraph,
    text_of,
    unwrap_added_links,
)
from termbase.config import GlossaryConfig
from termbase.engine.markdown_ext import GlossaryExtension, Linking
from termbase.engine.pagestate import PageStates
from termbase.graph.linker import (
    LinkPolicy,
    TermIndex,
    link_tree,
)
from termbase.graph.relations import Mentions
from termbase.graph.skiprules import SkipRules
from termbase.urls import relative, resolve, term_uri

# -- random Markdown through Python-Markdown with the site's extension ---------------------

DEFINITIONS = {slug: f"Definition of {names[0]}." for slug, names in NAMES.items()}


def site_markdown(autolink: bool = True) -> markdown.Markdown:
    """Python-Markdown as MkDocs sets it up for a page, with this project's extension."""
    states = PageStates({}, Mentions(), Path("."), {"glossary": "glossary"})
    states.begin(FakePage("guide/page.md", autolink), "")
    linking = Linking(
        settings=GlossaryConfig(),
        indexes={"glossary": INDEX},
        definitions=DEFINITIONS,
        slug_by_uri={term_uri(slug): slug for slug in NAMES},
        search_full_text=True,
    )
    extension = GlossaryExtension(states, linking)
    return markdown.Markdown(extensions=["admonition", "attr_list", "toc", extension])  # type: ignore[list-item]


@dataclass
class _File:
    src_uri: str
    abs_src_path: str | None = None
    generated_by: str | None = None


class FakePage:
    """What PageStates reads of an MkDocs page: its file and front matter."""

    def __init__(self, uri: str, autolink: bool):
        self.file = _File(uri, f"content/{uri}")
        self.meta = {"autolink": autolink}


words_md = st.lists(
    st.tuples(st.sampled_from([*WORDS, "mesa\\-optimizer", "a & b"]), st.sampled_from(" -,")),
    min_size=1,
    max_size=6,
).map(lambda pairs: "".join(w + s for w, s in pairs).strip() or "x")
inline_md = st.one_of(
    words_md,
    words_md.map(lambda t: f"`{t}`"),
    words_md.map(lambda t: f"*{t}*"),
    words_md.map(lambda t: f"**{t}**"),
    words_md.map(lambda t: f"[{t}](other.md)"),
    words_md.map(lambda t: f"[{t}](../glossary/policy.md)"),
    words_md.map(lambda t: f'<a href="https://example.org/">{t}</a>'),
    words_md.map(lambda t: f'<span class="nolink">{t}</span>'),
    words_md.map(lambda t: f"<b>{t}</b>"),
    words_md.map(lambda t: f"*{t}*{{: .nolink }}"),
)
line_md = st.lists(inline_md, min_size=1, max_size=5).map(" ".join)
block_md = st.one_of(
    line_md,
    line_md.map(lambda t: f"## {t}"),
    line_md.map(lambda t: f"- {t}\n- {t}"),
    line_md.map(lambda t: f"> {t}"),
    line_md.map(lambda t: f"    {t}"),  # an indented code block
    st.tuples(words_md, line_md).map(lambda p: f'!!! note "{p[0]}"\n    {p[1]}'),
)
documents = st.lists(block_md, min_size=1, max_size=6).map("\n\n".join)


def parsed(html: str) -> ET.Element:
    return ET.fromstring(f"<div>{html}</div>")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(source=documents)
def test_markdown_keeps_its_text_and_stays_well_formed(source: str):
    plain = parsed(markdown.markdown(source, extensions=["admonition", "attr_list", "toc"]))
    root = parsed(site_markdown().convert(source))  # re-parses as XML, or this fails

    assert text_of(root) == text_of(plain)
    parents = {child: parent for parent in root.iter() for child in parent}
    for link in root.iter("a"):
        node = parents[link]
        while node is not root:
            assert node.tag != "a", "a link inside a link"
            if link.get("class") == "glossary-term":
                assert not excluded(node), source
            node = parents[node]
    # Hand-written links to terms get the definition as a tooltip; others are left alone.
    for link in root.iter("a"):
        if link.get("href") == "../glossary/policy.md":
            assert link.get("title") == DEFINITIONS["policy"]
        elif link.get("class") != "glossary-term":
            assert link.get("title") is None
    unwrap_added_links(root)
    for link in root.iter("a"):  # titles were added on purpose; the rest is unchanged
        link.attrib.pop("title", None)
    assert ET.tostring(root, encoding="unicode") == ET.tostring(plain, encoding="unicode")


def test_markdown_links_point_at_term_pages_from_the_page():
    html = site_markdown().convert("A mesa\\-optimizer and a `policy`, then a policy.")
    root = parsed(html)
    assert [(a.get("href"), a.text, a.get("title")) for a in root.iter("a")] == [
        ("../glossary/mesa-optimizer.md", "mesa-optimizer", DEFINITIONS["mesa-optimizer"]),
        ("../glossary/policy.md", "policy", DEFINITIONS["policy"]),
    ]


def test_a_hand_written_link_counts_as_the_first_mention():
    html = site_markdown().convert("See [the policy](../glossary/policy.md). A policy.")
    assert [a.text for a in parsed(html).iter("a")] == ["the policy"]


def test_front_matter_autolink_false_leaves_text_alone():
    html = site_markdown(autolink=False).convert("Policy and [RLHF](../glossary/rlhf.md).")
    links = list(parsed(html).iter("a"))
    assert [a.text for a in links] == ["RLHF"]
    assert links[0].get("title") == DEFINITIONS["rlhf"]


def _resolve_reference(page_uri: str, href: str) -> str | None:
    """The plain definition resolve() must agree with: every link through urlsplit."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or not parts.path or href.startswith("/"):
        return None
    return posixpath.normpath(posixpath.join(posixpath.dirname(page_uri), parts.path))


_PIECES = st.sampled_from(["..", ".", "glossary", "a-b", "x.md", "/", "#", "?", ":", "//", "q=1"])


@given(
    page=st.sampled_from(["index.md", "glossary/term.md", "a/b/c.md"]),
    href=st.lists(_PIECES, max_size=6).map("".join) | st.text(max_size=12),
)
def test_links_resolve_as_urlsplit_reads_them(page: str, href: str):
    assert resolve(page, href) == _resolve_reference(page, href)


@given(
    page=st.sampled_from(["index.md", "glossary/term.md", "a/b/c.md", "glossary/letter/a.md"]),
    target=st.sampled_from(["index.md", "glossary/other.md", "a/b/d.md", "glossary/letter/b.md"]),
)
def test_relative_links_are_what_relpath_gives(page: str, target: str):
    assert relative(page, target) == posixpath.relpath(target, posixpath.dirname(page) or ".")


# -- what is never linked: quotes, headings, titles of cited works (graph/skiprules.py) ------

TITLE = "Risks from Learned Optimization in Advanced Machine Learning Systems"
TITLED = TermIndex.build(
    [("Learned optimization", "learned-optimization"), ("Machine learning", "ml")]
    + [(name, slug) for slug, names in NAMES.items() for name in names]
)
RULES = SkipRules.make(titles=[TITLE])


def titled(html: str, rules: SkipRules = RULES) -> list[str]:
    root = ET.fromstring(f"<div>{html}</div>")
    link_tree(root, TITLED, LinkPolicy(every_mention=True, skip=rules), make_link)
    return [a.text for a in root.iter("a") if a.get("class") == "glossary-term"]


@pytest.mark.parametrize(
    "html",
    [
        "<p>The paper <em>Risks from Learned Optimization</em> coined it.</p>",  # shortened
        f"<p><em>{TITLE}</em></p>",
        "<p><i>Machine Learning for Alignment: A Survey</i></p>",  # capitalised as a title
        "<p><cite>learned optimization in practice</cite></p>",
        "<blockquote><p>Learned optimization, said someone.</p></blockquote>",
        "<h1>Learned optimization</h1>",
    ],
)
def test_titles_of_works_quotes_and_headings_are_not_linked(html: str):
    assert titled(html) == []


def test_emphasis_that_names_no_work_is_linked():
    assert titled("<p><em>learned optimization</em> and <em>Learned optimization</em></p>") == [
        "learned optimization",
        "Learned optimization",
    ]


def test_a_site_may_allow_links_in_quotes_and_headings_but_never_the_title():
    rules = SkipRules.make(allow=["quotes", "headings"], titles=[TITLE])
    html = "<h1>Policy</h1><h2>Learned optimization</h2><blockquote><p>A policy.</p></blockquote>"
    assert titled(html, rules) == ["Learned optimization", "policy"]
    assert titled(html) == []


def test_raw_html_quotes_and_citations_are_not_linked():
    stash = {"\x02wzxhzdk:0\x03": "<blockquote>", "\x02wzxhzdk:1\x03": "</blockquote>",
             "\x02wzxhzdk:2\x03": "<cite>", "\x02wzxhzdk:3\x03": "</cite>"}  # fmt: skip
    root = raw_paragraph(
        "\x02wzxhzdk:0\x03policy\x02wzxhzdk:1\x03 \x02wzxhzdk:2\x03alignment",
        "",
        "\x02wzxhzdk:3\x03 RLHF",
    )
    link_tree(root, INDEX, LinkPolicy(), make_link, raw_html=stash.get)
    assert [a.text for a in root.iter("a")] == ["RLHF"]


TITLE_WORDS = ["Risks", "from", "Learned", "Optimization", "learned", "optimization", "in",
               "Advanced", "Machine", "Learning", "machine", "learning", "policy", "Policy"]  # fmt: skip
title_texts = st.lists(st.sampled_from(TITLE_WORDS), max_size=6).map(" ".join)
title_trees = st.recursive(
    st.builds(
        Tree,
        st.sampled_from(["p", "em", "i", "cite", "blockquote", "h1", "h2", "span"]),
        st.just(None),
        title_texts,
        st.just([]),
        title_texts,
    ),
    lambda inner: st.builds(
        Tree,
        st.sampled_from(["p", "em", "i", "blockquote", "h1", "h3", "div", "li", "strong"]),
        st.just(None),
        title_texts,
        st.lists(inner, max_size=3),
        title_texts,
    ),
    max_leaves=10,
)
TITLE_STARTS = {tuple(TITLE.lower().split()[:n]) for n in range(2, 10)}


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(tree=title_trees, allow=st.sets(st.sampled_from(["quotes", "headings"])))
def test_links_never_land_in_a_cited_title_a_quote_a_heading_unless_allowed(tree, allow):
    root = ET.Element("div")
    root.append(tree.element())
    before = text_of(root)
    rules = SkipRules.make(allow=sorted(allow), titles=[TITLE])
    link_tree(root, TITLED, LinkPolicy(every_mention=True, skip=rules), make_link)
    assert text_of(root) == before
    parents = {child: parent for parent in root.iter() for child in parent}
    for link in root.iter("a"):
        node = parents[link]
        while node is not root:
            words = tuple("".join(node.itertext()).lower().split())
            assert node.tag not in ("cite", "h1")
            assert node.tag != "blockquote" or "quotes" in allow
            assert node.tag not in ("h2", "h3") or "headings" in allow
            assert not (node.tag in ("em", "i") and words in TITLE_STARTS), words
            node = parents[node]


def test_the_starter_glossary_never_links_inside_a_cited_title(real_site):
    page = real_site.page("glossary/mesa-optimization/")
    titles = [em for em in page.css("article em") if "Learned Optimization" in em.text()]
    assert titles and all(em.css("a") == [] for em in titles)
