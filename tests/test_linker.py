"""Automatic term links: which mentions the linker finds, where it links them and where not.

Unit tests on element trees; test_linker_trees.py holds the property tests on random trees,
test_linker_markdown.py those on random Markdown through Python-Markdown.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from linkertrees import INDEX, STASH, linked, make_link, raw_paragraph, text_of
from termbase.graph.linker import (
    _JOIN,
    LinkPolicy,
    TermIndex,
    _variants,
    link_tree,
    words,
)

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
