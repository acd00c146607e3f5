"""Automatic term links: the linker changes nothing but wrapping mentions in links.

Unit tests on element trees, property tests (hypothesis) on random trees, and random Markdown
run through Python-Markdown with the site's own Markdown extension.
"""

from __future__ import annotations

import copy
import posixpath
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import markdown
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from termbase.config import GlossaryConfig
from termbase.engine.markdown_ext import GlossaryExtension, Linking
from termbase.engine.pagestate import PageStates
from termbase.graph.linker import (
    _JOIN,
    SKIP_CLASSES,
    SKIP_TAGS,
    LinkPolicy,
    TermIndex,
    _variants,
    link_tree,
    words,
)
from termbase.graph.relations import Mentions
from termbase.graph.skiprules import SkipRules
from termbase.urls import relative, resolve, term_uri

NAMES = {
    "mesa-optimizer": ["Mesa-optimizer", "mesa-optimiser", "inner optimizer"],
    "alignment": ["Alignment"],
    "deceptive-alignment": ["Deceptive alignment"],
    "inner-alignment": ["Inner alignment"],
    "goodharts-law": ["Goodhart's law"],
    "policy": ["Policy"],
    "rlhf": ["Reinforcement learning from human feedback", "RLHF"],
}
INDEX = TermIndex.build((name, slug) for slug, names in NAMES.items() for name in names)


def make_link(slug: str, text: str) -> ET.Element:
    link = ET.Element("a", {"href": f"/glossary/{slug}/", "class": "glossary-term"})
    link.text = text
    return link


def linked(html: str, policy: LinkPolicy | None = None, raw_html=None):
    """(root, [(slug, link text), ...]) after linking `html` wrapped in a <div>."""
    root = ET.fromstring(f"<div>{html}</div>")
    extra = {"raw_html": raw_html} if raw_html else {}
    link_tree(root, INDEX, policy or LinkPolicy(), make_link, **extra)
    links = [
        (a.get("href").split("/")[2], a.text)
        for a in root.iter("a")
        if a.get("class") == "glossary-term"
    ]
    return root, links


def text_of(root: ET.Element) -> str:
    return "".join(root.itertext())


# -- finding mentions ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mesa-optimizers may arise.", [("mesa-optimizer", "Mesa-optimizers")]),
        ("a mesa optimizer", [("mesa-optimizer", "mesa optimizer")]),  # space for hyphen
        ("the mesa-optimiser's goal", [("mesa-optimizer", "mesa-optimiser's")]),
        ("an inner optimizer", [("mesa-optimizer", "inner optimizer")]),  # alias
        ("Goodhart's law bites", [("goodharts-law", "Goodhart's law")]),
        ("Goodhart\u2019s law bites", [("goodharts-law", "Goodhart\u2019s law")]),
        ("Goodhart's laws", [("goodharts-law", "Goodhart's laws")]),
        ("two policies", [("policy", "policies")]),
        ("MESA-OPTIMIZER", [("mesa-optimizer", "MESA-OPTIMIZER")]),  # any case
        ("RLHF and reinforcement learning from human feedback", [("rlhf", "RLHF")]),
    ],
)
def test_names_aliases_plurals_and_possessives_resolve(text: str, expected):
    _, links = linked(f"<p>{text}</p>")
    assert links == expected


def test_longest_match_wins():
    _, links = linked("<p>Deceptive alignment is a kind of alignment failure.</p>")
    assert links == [("deceptive-alignment", "Deceptive alignment"), ("alignment", "alignment")]
    _, links = linked("<p>Inner alignment</p>")
    assert links == [("inner-alignment", "Inner alignment")]


@pytest.mark.parametrize(
    "text",
    [
        "misalignment and realignment",  # inside a longer word
        "alignmentx",
        "x_alignment",
        "optimizer",  # only the last word of a name
    ],
)
def test_only_whole_words_match(text: str):
    assert linked(f"<p>{text}</p>")[1] == []


def test_a_name_never_spans_a_sentence_or_a_comma():
    _, links = linked("<p>It was deceptive. Alignment, inner, alignment.</p>")
    assert links == [("alignment", "Alignment")]


def reference_find(index: TermIndex, text: str) -> list[tuple[int, int, str]]:
    """The obvious, slow way: try every name at every word; leftmost, then longest, wins,
    then the form closest to the word as written (its own spelling before a plural)."""
    spans = words(text)
    found, i = [], 0
    while i < len(spans):
        best = None
        for key, slug in index.keys.items():
            n = len(key)
            if i + n > len(spans) or [w for _, _, w in spans[i : i + n - 1]] != list(key[:-1]):
                continue
            if not all(
                _JOIN.fullmatch(text, spans[j][1], spans[j + 1][0]) for j in range(i, i + n - 1)
            ):
                continue
            forms = list(_variants(spans[i + n - 1][2]))
            if key[-1] in forms and (best is None or (n, -forms.index(key[-1])) > best[0]):
                best = ((n, -forms.index(key[-1])), slug)
        if best:
            n = best[0][0]
            found.append((spans[i][0], spans[i + n - 1][1], best[1]))
            i += n
        else:
            i += 1
    return found


VOCAB = ["a", "b", "ab", "law", "laws", "policy", "policies", "goodhart's", "s", "es"]
names = st.lists(st.sampled_from(VOCAB), min_size=1, max_size=4).map(" ".join)
prose = st.lists(
    st.tuples(st.sampled_from([*VOCAB, "Law", "B", "x"]), st.sampled_from([" ", "-", ". ", "  "])),
    max_size=14,
).map(lambda pairs: "".join(w + s for w, s in pairs))


@settings(max_examples=400, deadline=None)
@given(names=st.lists(names, min_size=1, max_size=12), text=prose)
def test_find_agrees_with_trying_every_name(names: list[str], text: str):
    index = TermIndex.build((name, f"term-{i}") for i, name in enumerate(names))
    assert index.find(text) == reference_find(index, text)


# -- where links go -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "html",
    [
        "<p><code>alignment</code></p>",
        "<pre><code>alignment\npolicy</code></pre>",
        '<p><a href="x">alignment</a></p>',
        '<p><a href="x"><em>alignment</em></a></p>',
        *(f"<h{n}>Alignment <em>policy</em></h{n}>" for n in range(1, 7)),
        '<div class="admonition note"><p class="admonition-title">Alignment</p></div>',
        '<p><span class="nolink">alignment</span></p>',
        '<p><span class="other no-autolink">alignment <em>policy</em></span></p>',
        "<details><summary>Alignment</summary></details>",
        "<p><kbd>policy</kbd> <abbr>RLHF</abbr></p>",
    ],
)
def test_nothing_is_linked_inside_excluded_elements(html: str):
    root, links = linked(html)
    assert links == []
    assert ET.tostring(root, encoding="unicode") == f"<div>{html}</div>"


def test_attributes_are_never_touched():
    root, links = linked('<p title="alignment">x <img alt="alignment policy" src="a.png" /></p>')
    assert links == []
    assert root.find("p").get("title") == "alignment"
    assert root.find("p/img").get("alt") == "alignment policy"


def test_text_after_an_excluded_element_is_linked():
    root, links = linked("<p><code>alignment</code> then alignment.</p>")
    assert links == [("alignment", "alignment")]
    assert text_of(root) == "alignment then alignment."
    assert root.find("p/code").text == "alignment"


def test_excluded_inside_admonition_body_is_only_the_title():
    html = (
        '<div class="admonition note"><p class="admonition-title">Policy</p>'
        "<p>A policy is linked here.</p></div>"
    )
    root, links = linked(html)
    assert links == [("policy", "policy")]
    assert root.find("div/p").text == "Policy"


def test_first_mention_only_by_default_every_mention_on_request():
    html = "<p>Alignment here.</p><ul><li>alignment <em>alignment</em></li></ul>"
    _, first = linked(html)
    assert first == [("alignment", "Alignment")]
    root, every = linked(html, LinkPolicy(every_mention=True))
    assert every == [
        ("alignment", "Alignment"),
        ("alignment", "alignment"),
        ("alignment", "alignment"),
    ]
    assert text_of(root) == "Alignment here.alignment alignment"


def test_own_page_and_excluded_terms_are_never_linked():
    html = "<p>Policy and alignment and RLHF.</p>"
    _, links = linked(html, LinkPolicy(page_slug="policy", excluded=frozenset({"rlhf"})))
    assert links == [("alignment", "alignment")]


def test_terms_linked_already_are_not_linked_again():
    _, links = linked("<p>policy and alignment</p>", LinkPolicy(already_linked={"policy"}))
    assert links == [("alignment", "alignment")]


def test_several_links_in_one_text_keep_order_and_tails():
    root, links = linked("<p>Policy, alignment, and RLHF; done.</p>")
    assert [slug for slug, _ in links] == ["policy", "alignment", "rlhf"]
    assert ET.tostring(root, encoding="unicode") == (
        '<div><p><a href="/glossary/policy/" class="glossary-term">Policy</a>, '
        '<a href="/glossary/alignment/" class="glossary-term">alignment</a>, and '
        '<a href="/glossary/rlhf/" class="glossary-term">RLHF</a>; done.</p></div>'
    )


# -- raw HTML, as Python-Markdown leaves it in the tree (placeholders) ----------------------

STASH = {
    "\x02wzxhzdk:0\x03": '<a href="https://example.org">',
    "\x02wzxhzdk:1\x03": "</a>",
    "\x02wzxhzdk:2\x03": '<span class="nolink">',
    "\x02wzxhzdk:3\x03": "</span>",
    "\x02wzxhzdk:4\x03": "<b>",
    "\x02wzxhzdk:5\x03": "</b>",
    "\x02wzxhzdk:6\x03": '<img alt="x">',
}


def raw_paragraph(text: str, emphasis: str, tail: str) -> ET.Element:
    """<div><p>text<em>emphasis</em>tail</p></div>, built directly: XML cannot hold STX/ETX."""
    root = ET.Element("div")
    paragraph = ET.SubElement(root, "p")
    paragraph.text = text
    em = ET.SubElement(paragraph, "em")
    em.text, em.tail = emphasis, tail
    return root


def test_nothing_is_linked_inside_raw_html_links_or_nolink_spans():
    root = raw_paragraph(
        "\x02wzxhzdk:0\x03alignment ",
        "policy",
        "\x02wzxhzdk:1\x03 then \x02wzxhzdk:2\x03RLHF\x02wzxhzdk:3\x03 and "
        "\x02wzxhzdk:4\x03Policy\x02wzxhzdk:5\x03 \x02wzxhzdk:6\x03 alignment",
    )
    before = text_of(root)
    link_tree(root, INDEX, LinkPolicy(), make_link, raw_html=STASH.get)
    assert [a.text for a in root.iter("a")] == ["Policy", "alignment"]
    assert text_of(root) == before


def test_without_raw_html_the_same_text_is_linked():
    root = raw_paragraph("\x02wzxhzdk:0\x03alignment ", "policy", "\x02wzxhzdk:1\x03")
    link_tree(root, INDEX, LinkPolicy(), make_link)  # placeholders stand for nothing here
    assert [a.text for a in root.iter("a")] == ["alignment", "policy"]


def test_placeholders_are_never_split():
    index = TermIndex.build([("12", "twelve"), ("wzxhzdk", "odd")])
    root = raw_paragraph("A \x02wzxhzdk:12\x03 and ", "12", ".")
    link_tree(root, index, LinkPolicy(every_mention=True), make_link)
    assert root.find("p").text == "A \x02wzxhzdk:12\x03 and "
    assert [a.text for a in root.iter("a")] == ["12"]


# -- properties on random trees -------------------------------------------------------------

WORDS = [
    "alignment",
    "Alignment",
    "alignments",
    "deceptive",
    "inner",
    "mesa",
    "optimizer",
    "mesa-optimizers",
    "Mesa-optimizer's",
    "Goodhart's",
    "Goodhart\u2019s",
    "law",
    "policies",
    "RLHF",
    "misalignment",
    "the",
    "a",
    "é",
    "42",
]
SEPARATORS = [" ", " ", "-", ". ", ", ", "\n", "\u00a0", "'", "_", ""]
TAGS = ["p", "em", "strong", "span", "li", "div", "blockquote", "td", *sorted(SKIP_TAGS)]
CLASSES = [None, None, None, *sorted(SKIP_CLASSES), "other"]

fragments = st.lists(
    st.tuples(st.sampled_from(WORDS), st.sampled_from(SEPARATORS)), max_size=8
).map(lambda pairs: "".join(w + s for w, s in pairs))
texts = st.one_of(fragments, st.text(max_size=12).filter(lambda t: "\x02" not in t))


@dataclass
class Tree:
    tag: str
    cls: str | None
    text: str
    children: list[Tree]
    tail: str

    def element(self) -> ET.Element:
        element = ET.Element(self.tag, {"class": self.cls} if self.cls else {})
        element.text = self.text or None
        for child in self.children:
            sub = child.element()
            sub.tail = child.tail or None
            element.append(sub)
        return element


trees = st.recursive(
    st.builds(Tree, st.sampled_from(TAGS), st.sampled_from(CLASSES), texts, st.just([]), texts),
    lambda inner: st.builds(
        Tree,
        st.sampled_from(TAGS),
        st.sampled_from(CLASSES),
        texts,
        st.lists(inner, max_size=4),
        texts,
    ),
    max_leaves=14,
)


def xml_safe(tree: Tree) -> bool:
    """XML 1.0 cannot hold most control characters: such trees cannot be re-parsed at all."""
    try:
        ET.fromstring(ET.tostring(tree.element()))
    except ET.ParseError:
        return False
    return True


def excluded(element: ET.Element) -> bool:
    classes = (element.get("class") or "").split()
    return element.tag in SKIP_TAGS or any(c in SKIP_CLASSES for c in classes)


def unwrap_added_links(root: ET.Element) -> None:
    """Undo the linker: put each added link's text back into its parent."""
    for parent in list(root.iter()):
        for position, child in reversed(list(enumerate(parent))):
            if child.get("class") != "glossary-term":
                continue
            joined = (child.text or "") + (child.tail or "")
            if position == 0:
                parent.text = (parent.text or "") + joined
            else:
                before = parent[position - 1]
                before.tail = (before.tail or "") + joined
            parent.remove(child)
    for element in root.iter():  # the linker leaves "" where a tree had None
        element.text = element.text or None
        element.tail = element.tail or None


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(tree=trees, every=st.booleans(), page=st.sampled_from([None, "alignment", "policy"]))
def test_linking_only_wraps_text_in_links(tree: Tree, every: bool, page: str | None):
    if not xml_safe(tree):
        return
    root = ET.Element("div")
    root.append(tree.element())
    before, before_text = ET.tostring(root, encoding="unicode"), text_of(root)
    policy = LinkPolicy(page_slug=page, every_mention=every, excluded=frozenset({"rlhf"}))
    slugs = link_tree(root, INDEX, policy, make_link)

    # The text is exactly the same, and the markup re-parses as XML.
    assert text_of(root) == before_text
    ET.fromstring(ET.tostring(root, encoding="unicode"))
    # Taking the added links out again gives back the tree we started with.
    after = copy.deepcopy(root)
    unwrap_added_links(after)
    assert ET.tostring(after, encoding="unicode") == before

    parents = {child: parent for parent in root.iter() for child in parent}
    added = [a for a in root.iter("a") if a.get("class") == "glossary-term"]
    assert sorted(a.get("href").split("/")[2] for a in added) == sorted(slugs)
    for link in added:
        slug = link.get("href").split("/")[2]
        # Each link holds exactly one whole mention of its term.
        assert INDEX.find(link.text) == [(0, len(link.text), slug)]
        assert slug not in (page, "rlhf")
        node = parents[link]
        while node is not root:  # never inside an excluded element
            assert not excluded(node), ET.tostring(root, encoding="unicode")
            node = parents[node]
    if not every:
        assert len(slugs) == len(set(slugs))


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
