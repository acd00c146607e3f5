"""A small site whose pages mention its terms in every way a page can, for the tests of
cross-links (test_crosslinks.py, test_autolink_settings.py, test_concept_maps.py).
"""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser

from sitebuilder import Site, make_site

DEFINITION = "{} is a test term whose definition is long enough to be a fine meta description."

TERMS = {
    "mesa-optimizer": dict(
        term="Mesa-optimizer",
        aliases=["mesa-optimiser", "inner optimizer"],
        related=["mesa-objective", "inner-alignment"],
        explanation="A mesa-optimizer is an optimizer inside a model; it pursues a "
        "mesa-objective.\n",
    ),
    "mesa-objective": dict(
        term="Mesa-objective",
        related=["base-objective"],
        explanation="The goal a mesa-optimizer pursues, next to the base objective.\n",
    ),
    "base-objective": dict(term="Base objective", explanation="What training rewards.\n"),
    "inner-alignment": dict(
        term="Inner alignment",
        category="risks",
        related=["deceptive-alignment"],
        explanation="Making the mesa-objective match the base objective.\n",
    ),
    "deceptive-alignment": dict(
        term="Deceptive alignment",
        category="risks",
        short_definition="When a mesa-optimizer plays along in training to keep its own goal, "
        "a failure of alignment.",
        explanation="Mesa-optimizers that understand training may fake inner alignment.\n",
    ),
    "alignment": dict(term="Alignment", explanation="Alignment in general.\n"),
    "goodharts-law": dict(term="Goodhart's law", explanation="A measure made a target.\n"),
    "lonely-term": dict(term="Lonely term", explanation="Nothing relates to it.\n"),
}

GUIDE = """\
---
title: A guide
description: A guide that mentions many terms of the test glossary, some of them in odd places.
related:
  - other.md
  - deep/page.md
---
# A guide

Mesa-optimizers are the subject. A mesa-optimizer again.

Deceptive alignment is worse than plain alignment trouble. Goodhart\u2019s law applies.

See [inner alignment](glossary/inner-alignment.md) first; inner alignment again later.

## Inner alignment in a heading

`mesa-objective` in code, and *base objective*{: .nolink } in a span.

!!! note "Goodhart's law in a title"
    Body text about the base objective.

<a href="https://example.org/">a raw link about the mesa-objective</a> and mesa-objective after.

> A quote that names the lonely term.

The paper *Lonely Term Considered Harmful* is a title, not a mention.
"""

OTHER = """\
---
title: Other page
description: A page that turns automatic term links off but still links one term by hand.
autolink: false
---
# Other page

A mesa-optimizer is mentioned without a link, and [here with one](glossary/mesa-optimizer.md).
Its [goal](glossary/mesa-objective.md) too.
"""

DEEP = """\
---
description: A page in a subfolder of the docs, so that its links to terms go two levels up.
---
# Deep page

The base objective, seen from a subfolder, and the goodhart's law.
"""


def populate(site: Site) -> Site:
    for slug, fields in TERMS.items():
        site.term(slug, **fields)
    site.term("secret-draft", term="Secret draft", draft=True)
    site.write("content/guide.md", GUIDE)
    site.write("content/other.md", OTHER)
    site.write("content/deep/page.md", DEEP)
    for title, path in (
        ("Deep page", "deep/page.md"),
        ("Other page", "other.md"),
        ("A guide", "guide.md"),
    ):
        site.add_to_nav(title, path)
    return site


def autolink_config(settings: str) -> str:
    """`extra.glossary.autolink` for mkdocs.yml."""
    return f"extra:\n  glossary:\n    autolink:\n{settings}"


def built_site(root: Path, extra_config: str = "") -> Site:
    site = populate(make_site(root, extra_config))
    result = site.build()
    assert result.returncode == 0, result.stdout + result.stderr
    return site


def definition(slug: str) -> str:
    default = DEFINITION.format(slug.replace("-", " ").capitalize())  # as conftest writes it
    return TERMS[slug].get("short_definition", default)


def auto_links(page: LexborHTMLParser) -> list[tuple[str, str]]:
    """(text, href) of every automatic term link in the page's article, in order."""
    return [(a.text(), a.attributes["href"]) for a in page.css("article a.glossary-term")]


def term_slug(page_url: str, href: str) -> str | None:
    """The term a link on the page at `page_url` points to, if it points to a term page."""
    if re.match(r"^[a-z]+:|^/|^#", href):
        return None
    target = posixpath.normpath(posixpath.join(page_url, href.split("#")[0]))
    match = re.fullmatch(r"glossary/([a-z0-9-]+)", target)
    return match.group(1) if match and match.group(1) in TERMS else None


def built_pages(site: Site) -> dict[str, LexborHTMLParser]:
    """Every HTML page of the built site by URL path ('' for the home page)."""
    out = {}
    for html in sorted((site.root / "site").rglob("index.html")):
        url = html.parent.relative_to(site.root / "site").as_posix()
        out["" if url == "." else url + "/"] = LexborHTMLParser(html.read_text("utf-8"))
    return out


def backlinks(site: Site, slug: str) -> list[tuple[str, str]]:
    page = site.page(f"glossary/{slug}/")
    return [(a.text(), a.attributes["href"]) for a in page.css("ul.glossary-backlinks a")]
