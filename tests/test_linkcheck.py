"""No link on the site is broken: the checker finds each kind of break planted in a built site."""

from __future__ import annotations

import shutil
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from sitebuilder import GLOSSARY, MKDOCS, PROJECT, Site, make_site, run
from termbase.checks.linkcheck import Report, check_site
from termbase.checks.project import Project
from termbase.checks.urlcheck import UrlChecker
from termbase.cli.main import main

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


def test_an_orphan_is_no_longer_one_once_a_term_relates_to_it(tmp_path):
    site = make_site(tmp_path)
    site.term("alpha-term", term="Alpha term", related=["beta-term"])
    site.term("beta-term", term="Beta term")
    assert site.build().returncode == 0
    orphans = [f.page for f in check(site.root).warnings]
    assert orphans == []  # alpha links to beta, and beta's page shows alpha back
    site.term("alpha-term", term="Alpha term")
    assert site.build().returncode == 0
    orphans = [f.page for f in check(site.root).warnings]
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


# -- external links, online (a local server: no test reaches the internet) -------------------


class _Server(BaseHTTPRequestHandler):
    hits: list[str] = []
    flaky_failures = 1

    def do_HEAD(self):  # noqa: N802 - the name http.server calls
        self._answer(head=True)

    def do_GET(self):  # noqa: N802
        self._answer(head=False)

    def _answer(self, head: bool) -> None:
        self.hits.append(f"{self.command} {self.path}")
        status = {"/ok": 200, "/gone": 404, "/private": 403}.get(self.path, 404)
        if self.path == "/no-head":
            status = 405 if head else 200
        if self.path == "/flaky":
            failed = sum(h.endswith("/flaky") for h in self.hits) <= type(self).flaky_failures
            status = 503 if failed else 200
        self.send_response(status)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args) -> None:
        pass


@pytest.fixture
def server():
    _Server.hits = []
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Server)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_online_check_reports_dead_links_and_caches_good_ones(server, tmp_path):
    cache = tmp_path / ".cache" / "linkcheck.json"
    urls = [f"{server}/{path}" for path in ("ok", "gone", "private", "no-head", "flaky")]
    checker = UrlChecker(cache, timeout=5, retries=1, backoff=0)
    assert checker.broken(urls) == {
        f"{server}/gone": ("error", "HTTP 404"),
        f"{server}/private": (
            "warning",
            "HTTP 403 (the server refused the checker: check it in a browser)",
        ),
    }
    assert "HEAD /flaky" in _Server.hits and "GET /no-head" in _Server.hits
    _Server.hits.clear()
    again = UrlChecker(cache, timeout=5, retries=1, backoff=0)
    assert set(again.broken(urls)) == {f"{server}/gone", f"{server}/private"}
    assert again.fetched == 2  # the good ones came from the cache; failures are asked again
    assert sorted({hit.split()[1] for hit in _Server.hits}) == ["/gone", "/private"]


def test_online_check_gives_up_after_retries(server, tmp_path):
    _Server.flaky_failures = 5
    try:
        checker = UrlChecker(None, timeout=5, retries=2, backoff=0)
        assert checker.broken([f"{server}/flaky"]) == {f"{server}/flaky": ("error", "HTTP 503")}
        assert _Server.hits.count("HEAD /flaky") == 3
    finally:
        _Server.flaky_failures = 1


def test_online_command_fetches_external_links_once(server, tmp_path, monkeypatch, capsys):
    site = make_site(tmp_path)
    # No "Made with Material" footer: its link is the one external URL Material adds.
    with (site.root / "mkdocs.yml").open("a", encoding="utf-8") as config:
        config.write("extra:\n  generator: false\n")
    site.term("alpha-term", term="Alpha term")
    site.write(
        "content/index.md",
        f"# Home\n\n[Alpha](glossary/alpha-term.md), [a source]({server}/ok), "
        f"[a dead one]({server}/gone).\n",
    )
    assert site.build().returncode == 0
    monkeypatch.chdir(site.root)
    assert main(["linkcheck", "--online"]) == 1
    err = capsys.readouterr().err
    assert f"site/index.html: error: {server}/gone: HTTP 404 (from content/index.md)" in err
    assert (site.root / ".cache" / "linkcheck.json").is_file()
    site.write(
        "content/index.md", f"# Home\n\n[Alpha](glossary/alpha-term.md), [ok]({server}/ok).\n"
    )
    assert site.build().returncode == 0
    _Server.hits.clear()
    assert main(["linkcheck", "--online"]) == 0
    assert "(0 fetched, the rest cached)" in capsys.readouterr().out
    assert _Server.hits == []


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


def test_linkcheck_runs_as_a_console_command(built: Site):
    """`glossary linkcheck` as CI calls it: a subprocess in the project folder."""
    result = run([*GLOSSARY, "linkcheck", "site"], built.root)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("ok: ")
    assert "1 warning(s)" in result.stdout
