"""Every page is well formed for search engines: head metadata, JSON-LD, sitemap, exports."""

from __future__ import annotations

import json
from collections import Counter

import pytest

from sitebuilder import Site, make_site, pagefind_pages

HOSTILE = 'Evil </script><script>alert("x")</script> \'quoted\' & "double"'


def json_ld(page) -> dict[str, dict]:
    """The page's JSON-LD objects by @type, parsed with a real JSON parser."""
    found = {}
    for script in page.css('script[type="application/ld+json"]'):
        data = json.loads(script.text())
        found[data["@type"]] = data
    return found


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Site:
    site = make_site(tmp_path_factory.mktemp("seo"))
    site.term(
        "mesa-optimization",
        term="Mesa-optimization",
        aliases=["mesa-optimisation"],
        related=["hostile-term"],
        faq=[{"question": "Is it real?", "answer": "Nobody knows yet."}],
        seo={"title": "Mesa-optimization explained simply"},
    )
    site.term(
        "hostile-term",
        term=HOSTILE,
        aliases=["</script>"],
        short_definition=f"A definition with {HOSTILE} in it, long enough for search engines.",
        faq=[{"question": HOSTILE, "answer": HOSTILE}],
    )
    site.term("secret-draft", term="Secret draft", draft=True)
    site.add_to_nav("Guide", "guide.md")
    site.write(
        "content/guide.md",
        """\
        ---
        title: A guide
        description: A guide to the test glossary that is long enough to be a good description.
        last_reviewed: 2026-04-01
        ---
        # A guide

        Read [the paper](https://arxiv.org/abs/1906.01820) about mesa-optimization.
        """,
    )
    result = site.build()
    assert result.returncode == 0, result.stdout + result.stderr
    return site


def all_pages(site: Site):
    """The pages published for readers and search engines: not the editors' form at /admin/
    (Decap CMS's app, `noindex, nofollow`)."""
    site_dir = site.root / "site"
    return sorted(p for p in site_dir.rglob("index.html") if p.parent != site_dir / "admin")


def test_titles_and_descriptions_are_unique_and_canonical_everywhere(built: Site):
    titles, descriptions = Counter(), Counter()
    for path in all_pages(built):
        page = built.html(str(path.relative_to(built.root / "site")))
        assert page.css_first("html").attributes["lang"] == "en"
        titles[page.css_first("title").text()] += 1
        description = page.css_first('meta[name="description"]').attributes["content"]
        assert 50 <= len(description) <= 160, (path, description)
        descriptions[description] += 1
        canonical = page.css_first('link[rel="canonical"]').attributes["href"]
        url = str(path.parent.relative_to(built.root / "site"))
        assert canonical == "https://glossary.example/" + ("" if url == "." else url + "/")
        for tag in ("og:title", "og:description", "og:url", "og:type", "og:site_name", "og:image"):
            assert page.css_first(f'meta[property="{tag}"]').attributes["content"]
        assert page.css_first('meta[name="twitter:card"]').attributes["content"]
        assert page.css_first('meta[property="og:url"]').attributes["content"] == canonical
        assert "BreadcrumbList" in json_ld(page)
    assert max(titles.values()) == 1, titles
    assert max(descriptions.values()) == 1, descriptions


def test_term_title_follows_the_pattern_or_the_override(built: Site):
    title = built.page("glossary/hostile-term/").css_first("title").text()
    assert title == f"{HOSTILE}: definition and examples | Test Glossary"
    title = built.page("glossary/mesa-optimization/").css_first("title").text()
    assert title == "Mesa-optimization explained simply | Test Glossary"


def test_defined_term_faq_and_breadcrumbs(built: Site):
    data = json_ld(built.page("glossary/mesa-optimization/"))
    term = data["DefinedTerm"]
    assert term["name"] == "Mesa-optimization"
    assert term["url"] == "https://glossary.example/glossary/mesa-optimization/"
    assert term["alternateName"] == ["mesa-optimisation"]
    assert term["description"].startswith("Mesa optimization is a test term")
    assert term["inDefinedTermSet"]["url"] == "https://glossary.example/glossary/"
    assert data["FAQPage"]["mainEntity"][0]["name"] == "Is it real?"
    assert data["FAQPage"]["mainEntity"][0]["acceptedAnswer"]["text"] == "Nobody knows yet."
    crumbs = [i["name"] for i in data["BreadcrumbList"]["itemListElement"]]
    assert crumbs == ["Home", "Glossary", "Core concepts", "Mesa-optimization"]


def test_hostile_text_cannot_break_out_of_json_ld(built: Site):
    page = built.page("glossary/hostile-term/")
    data = json_ld(page)
    assert data["DefinedTerm"]["name"] == HOSTILE
    assert data["DefinedTerm"]["alternateName"] == ["</script>"]
    assert data["FAQPage"]["mainEntity"][0]["acceptedAnswer"]["text"] == HOSTILE
    scripts = page.css("script")
    assert not any(
        "alert" in s.text() and s.attributes.get("type") != "application/ld+json" for s in scripts
    )
    assert page.css_first("h1").text() == HOSTILE


def test_glossary_index_is_a_defined_term_set_of_every_published_term(built: Site):
    data = json_ld(built.page("glossary/"))["DefinedTermSet"]
    assert [t["url"] for t in data["hasDefinedTerm"]] == [
        "https://glossary.example/glossary/hostile-term/",
        "https://glossary.example/glossary/mesa-optimization/",
    ]


def test_explainers_are_articles_with_date_and_citations(built: Site):
    article = json_ld(built.page("guide/"))["Article"]
    assert article["dateModified"] == "2026-04-01"
    assert article["headline"] == "A guide"
    assert article["citation"] == [
        {"@type": "CreativeWork", "url": "https://arxiv.org/abs/1906.01820"}
    ]


def test_sitemap_robots_and_404(built: Site):
    sitemap = (built.root / "site/sitemap.xml").read_text()
    assert (
        "<loc>https://glossary.example/glossary/mesa-optimization/</loc>\n"
        "    <lastmod>2026-05-05</lastmod>" in sitemap
    )
    assert (
        "<loc>https://glossary.example/guide/</loc>\n    <lastmod>2026-04-01</lastmod>" in sitemap
    )
    assert "secret-draft" not in sitemap
    robots = (built.root / "site/robots.txt").read_text()
    assert "Sitemap: https://glossary.example/sitemap.xml" in robots
    not_found = built.html("404.html")
    assert not_found.css_first('meta[name="robots"]').attributes["content"] == "noindex"


def test_glossary_json_export(built: Site):
    data = json.loads((built.root / "site/glossary.json").read_text())
    assert data["version"] == 1
    first = data["terms"][1]
    assert first == {
        "slug": "mesa-optimization",
        "glossary": "glossary",  # the default glossary's name (README, Several glossaries)
        "language": "en",  # the site's theme.language: a site of one language
        "translates": None,
        "term": "Mesa-optimization",
        "aliases": ["mesa-optimisation"],
        "url": "https://glossary.example/glossary/mesa-optimization/",
        "short_definition": first["short_definition"],
        "category": "core",
        "related": ["hostile-term"],
        "last_reviewed": "2026-05-05",
        "json": "https://glossary.example/glossary/mesa-optimization.json",
    }
    assert data["terms"][0]["related"] == ["mesa-optimization"]  # shown both ways
    assert [t["slug"] for t in data["terms"]] == ["hostile-term", "mesa-optimization"]


def test_drafts_are_in_no_search_index(built: Site):
    index = json.dumps(pagefind_pages(built.root / "site"))
    assert "mesa-optimization" in index
    assert "Secret draft" not in index and "secret-draft" not in index


def test_duplicate_titles_and_descriptions_fail_the_strict_build(site: Site):
    site.term("alpha", seo={"title": "Same", "description": "x" * 80})
    site.term("beta", seo={"title": "Same", "description": "x" * 80})
    result = site.build()
    assert result.returncode == 1
    assert (
        "2 pages share the title 'Same | Test Glossary': glossary/alpha.md, glossary/beta.md"
        in result.stderr
    )
    assert "2 pages share the description" in result.stderr


def test_a_missing_site_url_fails_the_strict_build(tmp_path):
    site = make_site(tmp_path)
    config = (
        (tmp_path / "mkdocs.yml").read_text().replace("site_url: https://glossary.example/\n", "")
    )
    site.write("mkdocs.yml", config)
    site.term("alpha")
    result = site.build()
    assert result.returncode == 1
    assert "site_url is not set, so pages have no canonical URL" in result.stderr


def test_descriptions_out_of_range_are_advice_that_fails_a_strict_build_only_on_request(
    site: Site,
):
    site.term("alpha", short_definition="Too short.")
    result = site.build()
    assert result.returncode == 0, result.stderr
    assert "INFO    -  glossary/alpha.yml:3:1: advice: the page description is 10 characters" in (
        result.stderr
    )
    config = site.root / "mkdocs.yml"
    config.write_text(config.read_text() + "extra:\n  glossary:\n    seo: {strict: true}\n")
    result = site.build()
    assert result.returncode == 1
    assert "WARNING -  glossary/alpha.yml:3:1: advice: the page description is 10" in result.stderr
