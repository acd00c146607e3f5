"""Automatic term links on random element trees (hypothesis): linking only wraps text in links."""

from __future__ import annotations

import copy
import xml.etree.ElementTree as ET

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from linkertrees import INDEX, WORDS, Tree, excluded, make_link, text_of, unwrap_added_links
from termbase.graph.linker import (
    SKIP_CLASSES,
    SKIP_TAGS,
    LinkPolicy,
    link_tree,
)

# -- properties on random trees -------------------------------------------------------------

SEPARATORS = [" ", " ", "-", ". ", ", ", "\n", "\u00a0", "'", "_", ""]
TAGS = ["p", "em", "strong", "span", "li", "div", "blockquote", "td", *sorted(SKIP_TAGS)]
CLASSES = [None, None, None, *sorted(SKIP_CLASSES), "other"]

fragments = st.lists(
    st.tuples(st.sampled_from(WORDS), st.sampled_from(SEPARATORS)), max_size=8
).map(lambda pairs: "".join(w + s for w, s in pairs))
texts = st.one_of(fragments, st.text(max_size=12).filter(lambda t: "\x02" not in t))


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
