"""What the linker's tests share: a small index of names, and trees to link."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass

from termbase.graph.linker import SKIP_CLASSES, SKIP_TAGS, LinkPolicy, TermIndex, link_tree

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
