"""The site-wide settings of automatic term links: every mention, exclusions, off, and bad values."""

from __future__ import annotations

import re
from pathlib import Path

from crosslinksite import (
    auto_links,
    autolink_config,
    backlinks,
    built_pages,
    built_site,
    definition,
    populate,
)
from sitebuilder import make_site

# -- site-wide settings -------------------------------------------------------------------------


def test_mode_all_links_every_mention_and_exclude_keeps_terms_unlinked(tmp_path: Path):
    site = built_site(
        tmp_path,
        autolink_config(
            "      mode: all\n      exclude: [mesa-objective]\n      allow: [quotes]\n"
        ),
    )
    links = auto_links(site.page("guide/"))
    quote = site.page("guide/").css_first("article blockquote a.glossary-term")
    assert quote.text() == "lonely term"  # the site allows links in quotes
    assert [text for text, _ in links].count("Mesa-optimizers") == 1
    assert ("mesa-optimizer", "../glossary/mesa-optimizer/") in links  # the second mention
    assert ("inner alignment", "../glossary/inner-alignment/") in links  # every mention
    assert not any("mesa-objective" in href for _, href in links)
    article = site.page("guide/").css_first("article")
    for selector in ("h2", "code", ".admonition-title", ".nolink"):
        assert all(e.css("a.glossary-term") == [] for e in article.css(selector)), selector
    assert auto_links(site.page("glossary/inner-alignment/")) == [
        ("base objective", "../base-objective/")  # not the mesa-objective before it
    ]
    # An excluded term is still a term: a hand-written link gets its definition and counts.
    hand = site.page("other/").css_first('a[href="../glossary/mesa-objective/"]')
    assert hand.attributes["title"] == definition("mesa-objective")
    assert ("Other page", "../../other/") in backlinks(site, "mesa-objective")


def test_autolink_disabled_site_wide(tmp_path: Path):
    site = built_site(tmp_path, autolink_config("      enabled: false\n"))
    for url, page in built_pages(site).items():
        assert auto_links(page) == [], url
    assert backlinks(site, "mesa-optimizer") == [("Other page", "../../other/")]
    link = site.page("guide/").css_first('a[href="../glossary/inner-alignment/"]')
    assert link.attributes["title"] == definition("inner-alignment")


def test_a_bad_autolink_mode_is_a_clear_error(tmp_path: Path):
    site = populate(make_site(tmp_path, autolink_config("      mode: most\n")))
    result = site.build()
    assert result.returncode == 1
    output = result.stdout + result.stderr
    assert re.search(
        r"mkdocs.yml:\d+:1: error: extra.glossary.autolink.mode: must be 'first' or 'all', not 'most'",
        output,
    )
    assert "Traceback" not in output


def test_a_bad_autolink_allow_is_a_clear_error(tmp_path: Path):
    site = populate(make_site(tmp_path, autolink_config("      allow: [code]\n")))
    result = site.build()
    assert result.returncode == 1
    assert re.search(
        r"mkdocs.yml:\d+:1: error: extra.glossary.autolink.allow: must be a list of "
        r"'headings' and 'quotes', not \['code'\]",
        result.stdout + result.stderr,
    )
