"""No link on the site is broken: the checker finds each kind of break planted in a built site.

External links fetched online are tested in test_linkcheck_online.py, a thousand-term site
and the project's own site in test_linkcheck_sites.py.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from sitebuilder import GLOSSARY, Site, make_site, run
from termbase.checks.linkcheck import Report, check_site
from termbase.checks.project import Project
from termbase.cli.main import main

PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082"
)


PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082"
)


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Site:
    """A small clean site: terms linked from a page and from each other, an image, an orphan."""
    site = make_site(tmp_path_factory.mktemp("linksite"))
    site.term(
        "mesa-optimization",
        term="Mesa-optimization",
        related=["inner-alignment"],
        faq=[{"question": "Is it real?", "answer": "Open research."}],
        references=[{"title": "Risks", "url": "https://arxiv.org/abs/1906.01820"}],
    )
    site.term("inner-alignment", term="Inner alignment", category="risks")
    site.term("base-optimizer", term="Base optimizer")  # linked from the home page only
    site.term("lonely-term", term="Lonely term")  # linked from the listings only
    site.write("content/images/diagram.png", PNG)
    site.write(
        "content/index.md",
        """\
        # Home

        Start with [the idea](glossary/mesa-optimization.md#faq) and the
        [base optimizer](glossary/base-optimizer.md).

        ![A diagram](images/diagram.png)
        """,
    )
    result = site.build()
    assert result.returncode == 0, result.stderr
    return site


def check(root: Path, site_dir: Path | None = None) -> Report:
    return check_site(site_dir or root / "site", Project.read(root / "mkdocs.yml"))


def planted(built: Site, tmp_path: Path, page: str, old: str, new: str) -> Report:
    """Copy the built site, replace `old` by `new` once in `page`, and check the copy."""
    copy = tmp_path / "site"
    shutil.copytree(built.root / "site", copy)
    file = copy / page
    html = file.read_text(encoding="utf-8")
    assert old in html, f"nothing to plant: {old!r} is not in {page}"
    file.write_text(html.replace(old, new, 1), encoding="utf-8")
    return check(built.root, copy)


def test_a_clean_site_passes_with_only_the_orphan_reported(built: Site):
    report = check(built.root)
    assert report.errors == []
    assert report.pages >= 8
    assert report.links > 100
    assert [(f.page, f.source, f.level) for f in report.warnings] == [
        ("glossary/lonely-term/index.html", "glossary/lonely-term.yml", "warning")
    ]
    assert "orphan term" in report.warnings[0].message


def test_a_missing_page_names_the_page_the_link_and_the_term_file(built: Site, tmp_path):
    report = planted(
        built,
        tmp_path,
        "glossary/mesa-optimization/index.html",
        'href="../inner-alignment/"',
        'href="../no-such-term/"',
    )
    assert [str(f) for f in report.errors] == [
        "glossary/mesa-optimization/index.html: error: ../no-such-term/: "
        "no such page: glossary/no-such-term/ (from glossary/mesa-optimization.yml)"
    ]


def test_a_missing_anchor_is_found(built: Site, tmp_path):
    report = planted(
        built,
        tmp_path,
        "index.html",
        'href="glossary/mesa-optimization/#faq"',
        'href="glossary/mesa-optimization/#no-such-section"',
    )
    assert [str(f) for f in report.errors] == [
        "index.html: error: glossary/mesa-optimization/#no-such-section: "
        "no anchor #no-such-section on glossary/mesa-optimization/ (from content/index.md)"
    ]


def test_a_missing_image_is_found(built: Site, tmp_path):
    report = planted(
        built, tmp_path, "index.html", 'src="images/diagram.png"', 'src="images/diagam.png"'
    )
    assert [(f.link, f.message, f.source) for f in report.errors] == [
        ("images/diagam.png", "no such image: images/diagam.png", "content/index.md")
    ]


def test_a_missing_stylesheet_and_script_are_found(built: Site, tmp_path):
    copy = tmp_path / "site"
    shutil.copytree(built.root / "site", copy)
    shutil.rmtree(copy / "assets" / "stylesheets")
    shutil.rmtree(copy / "assets" / "javascripts")
    messages = {f.message.split(":")[0] for f in check(built.root, copy).errors}
    assert messages == {"no such stylesheet", "no such script"}


def test_a_broken_canonical_url_is_found(built: Site, tmp_path):
    page = "glossary/inner-alignment/index.html"
    report = planted(
        built,
        tmp_path,
        page,
        '<link rel="canonical" href="https://glossary.example/glossary/inner-alignment/">',
        '<link rel="canonical" href="https://glossary.example/glossary/inner-alignmnt/">',
    )
    assert [str(f) for f in report.errors] == [
        f"{page}: error: https://glossary.example/glossary/inner-alignmnt/: "
        "canonical URL: no such page: glossary/inner-alignmnt/ (from glossary/inner-alignment.yml)"
    ]


def test_a_canonical_url_of_another_site_is_found(built: Site, tmp_path):
    report = planted(
        built,
        tmp_path,
        "index.html",
        'rel="canonical" href="https://glossary.example/"',
        'rel="canonical" href="https://staging.example/"',
    )
    assert [f.message for f in report.errors] == [
        "canonical URL: is not under site_url https://glossary.example/"
    ]


def test_a_broken_url_in_json_ld_is_found(built: Site, tmp_path):
    page = "glossary/mesa-optimization/index.html"
    report = planted(
        built,
        tmp_path,
        page,
        '"url": "https://glossary.example/glossary/mesa-optimization/"',
        '"url": "https://glossary.example/glossary/mesa-optimisation/"',
    )
    assert [(f.page, f.message, f.source) for f in report.errors] == [
        (
            page,
            "URL in JSON-LD: no such page: glossary/mesa-optimisation/",
            "glossary/mesa-optimization.yml",
        )
    ]


def test_json_ld_that_is_not_json_is_an_error(built: Site, tmp_path):
    report = planted(
        built,
        tmp_path,
        "glossary/inner-alignment/index.html",
        '<script type="application/ld+json">{',
        '<script type="application/ld+json">{,',
    )
    assert [f.link for f in report.errors] == ["JSON-LD"]


def test_sitemap_and_glossary_json_entries_must_resolve(built: Site, tmp_path):
    copy = tmp_path / "site"
    shutil.copytree(built.root / "site", copy)
    sitemap = copy / "sitemap.xml"
    sitemap.write_text(
        sitemap.read_text().replace("glossary/base-optimizer/", "glossary/base-optimiser/")
    )
    exported = copy / "glossary.json"
    exported.write_text(
        exported.read_text().replace("glossary/lonely-term/", "glossary/lonely-terms/")
    )
    found = {(f.page, f.link, f.source) for f in check(built.root, copy).errors}
    assert found == {
        ("sitemap.xml", "https://glossary.example/glossary/base-optimiser/", None),
        (
            "glossary.json",
            "https://glossary.example/glossary/lonely-terms/",
            "glossary/lonely-term.yml",
        ),
    }


def test_links_outside_the_site_and_malformed_urls_are_errors(built: Site, tmp_path):
    report = planted(
        built,
        tmp_path,
        "glossary/base-optimizer/index.html",
        "</article>",
        '<a href="../../../elsewhere/">up</a><a href="http://exa mple.org/">bad</a>'
        '<a href="mailto:editors@example.org">mail</a></article>',
    )
    assert sorted((f.link, f.message) for f in report.errors) == [
        ("../../../elsewhere/", "points above the top of the site"),
        ("http://exa mple.org/", "malformed URL"),
    ]


# -- the command ---------------------------------------------------------------------------


def test_the_command_exits_1_and_prints_each_broken_link(
    built: Site, tmp_path, monkeypatch, capsys
):
    copy = tmp_path / "site"
    shutil.copytree(built.root / "site", copy)
    (copy / "glossary" / "inner-alignment" / "index.html").unlink()
    monkeypatch.chdir(built.root)
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    assert main(["linkcheck", str(copy)]) == 1
    err = capsys.readouterr().err
    assert (
        f"{copy}/glossary/mesa-optimization/index.html: error: ../inner-alignment/: "
        "no such page: glossary/inner-alignment/ (from glossary/mesa-optimization.yml)"
    ) in err
    assert (
        "::error file=glossary/mesa-optimization.yml::../inner-alignment/: "
        "no such page: glossary/inner-alignment/"
    ) in err
    assert "broken link(s)" in err.splitlines()[-1]


def test_the_command_passes_on_the_clean_site(built: Site, monkeypatch, capsys):
    monkeypatch.chdir(built.root)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    assert main(["linkcheck"]) == 0
    out, err = capsys.readouterr()
    assert out.startswith("ok: ")
    assert "1 warning(s)" in out
    assert "site/glossary/lonely-term/index.html: warning:" in err


def test_the_command_says_when_there_is_no_site(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert main(["linkcheck", "nowhere"]) == 2
    assert "nowhere: no built site here; build it with: mkdocs build --strict" in (
        capsys.readouterr().err
    )


def test_linkcheck_runs_as_a_console_command(built: Site):
    """`glossary linkcheck` as CI calls it: a subprocess in the project folder."""
    result = run([*GLOSSARY, "linkcheck", "site"], built.root)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("ok: ")
    assert "1 warning(s)" in result.stdout
