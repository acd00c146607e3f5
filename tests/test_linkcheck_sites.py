"""`glossary linkcheck` on sites a test builds for itself: orphans as relations change,
the project settings read from mkdocs.yml, a thousand term pages checked by one and by two
processes with the same report, and the project's own site with no broken link.
"""

from __future__ import annotations

from sitebuilder import MKDOCS, PROJECT, make_site, run
from termbase.checks.linkcheck import check_site
from termbase.checks.project import Project

PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082"
)


def test_an_orphan_is_no_longer_one_once_a_term_relates_to_it(tmp_path):
    site = make_site(tmp_path)
    site.term("alpha-term", term="Alpha term", related=["beta-term"])
    site.term("beta-term", term="Beta term")
    assert site.build().returncode == 0
    project = Project.read(site.root / "mkdocs.yml")
    orphans = [f.page for f in check_site(site.root / "site", project).warnings]
    assert orphans == []  # alpha links to beta, and beta's page shows alpha back
    site.term("alpha-term", term="Alpha term")
    assert site.build().returncode == 0
    orphans = [f.page for f in check_site(site.root / "site", project).warnings]
    assert orphans == ["glossary/alpha-term/index.html", "glossary/beta-term/index.html"]


def test_project_settings_are_read_from_mkdocs_yml_with_its_tags(tmp_path, monkeypatch):
    (tmp_path / "mkdocs.yml").write_text(
        "site_url: !ENV [GLOSSARY_SITE_URL, 'https://fallback.example/docs/']\n"
        "docs_dir: pages\n"
        "markdown_extensions:\n"
        "  - pymdownx.emoji:\n"
        "      emoji_index: !!python/name:material.extensions.emoji.twemoji\n"
        "extra:\n  glossary:\n    dir: terms\n"
    )
    (tmp_path / "terms").mkdir()
    (tmp_path / "terms" / "mesa.yml").write_text("term: Mesa\n")
    (tmp_path / "pages" / "guide").mkdir(parents=True)
    (tmp_path / "pages" / "guide" / "intro.md").write_text("# Intro\n")
    project = Project.read(tmp_path / "mkdocs.yml")
    assert project.site_url == "https://fallback.example/docs/"
    assert project.source_of("glossary/mesa/index.html") == "terms/mesa.yml"
    assert project.source_of("guide/intro/index.html") == "pages/guide/intro.md"
    assert project.source_of("glossary/index.html") is None
    assert project.is_listing("glossary/category/core/index.html")
    assert not project.is_listing("glossary/mesa/index.html")
    monkeypatch.setenv("GLOSSARY_SITE_URL", "https://env.example/")
    assert Project.read(tmp_path / "mkdocs.yml").site_url == "https://env.example/"


# -- size and the real site ------------------------------------------------------------------


def test_a_thousand_term_site_checked_by_two_processes_gives_the_same_report(tmp_path):
    """1,000 real term pages (one page MkDocs built, copied with each slug changed) with
    breaks planted in both halves, anchors included: workers share the pages, not the answer."""
    site = make_site(tmp_path)
    site.term("alpha-term", term="Alpha term", related=["beta-term"])
    site.term("beta-term", term="Beta term")
    assert site.build().returncode == 0
    built = (site.root / "site" / "glossary" / "alpha-term" / "index.html").read_text()
    slugs = [f"term-{n:04d}" for n in range(1000)]
    for n, slug in enumerate(slugs):
        html = built.replace("alpha-term", slug).replace("beta-term", slugs[n - 1])
        if n in (10, 900):  # a missing page, and an anchor missing on a page of the other half
            html = html.replace(f'href="../{slugs[n - 1]}/"', 'href="../nowhere/"', 1)
            html += f'<a href="../{slugs[(n + 500) % 1000]}/#no-such-anchor">x</a>'
            html += f'<a href="../{slugs[(n + 500) % 1000]}/#related-terms">x</a>'
        site.write(f"site/glossary/{slug}/index.html", html)
        site.write(f"glossary/{slug}.yml", "")  # only its name matters: it makes a term page
    project = Project.read(site.root / "mkdocs.yml")
    one, two = (check_site(site.root / "site", project, workers=n) for n in (1, 2))
    assert one.pages > 1000 and one.links > 25_000
    assert [str(f) for f in one.findings] == [
        "glossary/term-0010/index.html: error: ../nowhere/: no such page: glossary/nowhere/ "
        "(from glossary/term-0010.yml)",
        "glossary/term-0010/index.html: error: ../term-0510/#no-such-anchor: no anchor "
        "#no-such-anchor on glossary/term-0510/ (from glossary/term-0010.yml)",
        "glossary/term-0900/index.html: error: ../nowhere/: no such page: glossary/nowhere/ "
        "(from glossary/term-0900.yml)",
        "glossary/term-0900/index.html: error: ../term-0400/#no-such-anchor: no anchor "
        "#no-such-anchor on glossary/term-0400/ (from glossary/term-0900.yml)",
    ]
    assert (two.findings, two.pages, two.links, two.external) == (
        one.findings,
        one.pages,
        one.links,
        one.external,
    )


def test_real_site_has_no_broken_links(tmp_path):
    """The project's own site, built as CI builds it, has no broken link."""
    output = tmp_path / "real-site"
    result = run([*MKDOCS, "build", "--strict", "-d", str(output)], PROJECT)
    assert result.returncode == 0, result.stderr
    report = check_site(output, Project.read(PROJECT / "mkdocs.yml"))
    assert report.pages > 30
    assert [str(f) for f in report.errors] == []
