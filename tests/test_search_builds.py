"""The search index as builds make it: a dirty build keeps its unchanged pages, a failing index
fails the build and keeps the site, lunr by a setting, and the full-text limit above which term
pages are indexed by their names, definition and questions.
"""

from __future__ import annotations

import json
import shutil

import pytest

from sitebuilder import MKDOCS, Site, make_site, pagefind_pages, run


def search_entries(site: Site) -> dict[str, dict]:
    """The site's search index (Material's), by location."""
    docs = json.loads((site.root / "site/search/search_index.json").read_text())["docs"]
    return {doc["location"]: doc for doc in docs}


def test_a_dirty_build_keeps_its_unchanged_pages_in_the_search_index(tmp_path):
    site = make_site(tmp_path)
    site.term("alpha")
    site.write(
        "content/notes.md",
        "---\ndescription: Notes on zebras, a page the second build does not write again.\n---\n"
        "# Notes\n\nA page about zebras.\n",
    )
    site.add_to_nav("Notes", "notes.md")
    assert site.build().returncode == 0
    site.term("beta")
    shutil.rmtree(site.root / "site/pagefind")  # Pagefind leaves old fragments: none left now
    # notes.md is unchanged: MkDocs does not write it again (and warns that the build is dirty)
    result = site.build("--dirty", strict=False)
    assert result.returncode == 0, result.stdout + result.stderr
    pages = pagefind_pages(site.root / "site")
    assert "zebras" in pages["/notes/"]["content"]
    assert "/glossary/beta/" in pages


def test_a_failing_search_index_fails_the_build_and_keeps_the_site(tmp_path):
    site = make_site(tmp_path)
    site.term("alpha")
    assert site.build().returncode == 0
    before = {p: p.read_bytes() for p in (site.root / "site").rglob("*") if p.is_file()}
    site.term("beta")
    env = {"PAGEFIND_ROOT_SELECTOR": "[[["}  # a selector Pagefind cannot parse: it exits
    result = run([*MKDOCS, "build", "--strict"], site.root, env)
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert "pagefind failed" in output and "Traceback" not in output
    after = {p: p.read_bytes() for p in (site.root / "site").rglob("*") if p.is_file()}
    assert after == before


def test_lunr_indexes_whole_term_pages_up_to_the_full_text_limit(tmp_path):
    site = make_site(tmp_path, "extra:\n  glossary:\n    search:\n      engine: lunr\n")
    site.term("alpha", explanation="Alpha *searches*.\n\n## An example\n\nA maze agent.\n")
    assert site.build().returncode == 0
    entries = search_entries(site)
    assert "searches" in entries["glossary/alpha/"]["text"]
    assert "A maze agent." in entries["glossary/alpha/#an-example"]["text"]
    assert not (site.root / "site/pagefind").exists()


def test_the_search_engine_must_be_pagefind_or_lunr(tmp_path):
    site = make_site(tmp_path, "extra:\n  glossary:\n    search:\n      engine: solr\n")
    site.term("alpha")
    result = site.build()
    output = result.stdout + result.stderr
    assert result.returncode == 1
    assert (
        "mkdocs.yml:25:1: error: extra.glossary.search.engine: must be 'pagefind' or 'lunr', "
        "not 'solr'" in output
    )
    assert "Traceback" not in output


@pytest.mark.parametrize("limit", [0, 3])
def test_above_the_full_text_limit_search_indexes_names_definition_and_questions(tmp_path, limit):
    site = make_site(
        tmp_path,
        f"extra:\n  glossary:\n    search:\n      engine: lunr\n      full_text_limit: {limit}\n",
    )
    site.term(
        "alpha",
        aliases=["first letter"],
        explanation="Alpha is *explained* here.\n\n## Alpha in practice\n\nA long story.\n\n"
        "- one listed point\n",
        faq=[
            {"question": "Is alpha first?", "answer": "Alpha comes **first**."},
            {"question": "Why alpha?", "answer": "A reason.\n\n- and a list\n"},
        ],
    )
    for slug in ("beta", "gamma", "delta"):
        site.term(slug)
    result = site.build()
    assert result.returncode == 0, result.stderr
    assert "search indexes term pages by names, definition and FAQ questions" in result.stderr
    entries = search_entries(site)
    alpha = {loc: doc for loc, doc in entries.items() if loc.startswith("glossary/alpha/")}
    assert set(alpha) == {
        "glossary/alpha/",
        "glossary/alpha/#is-alpha-first",
        "glossary/alpha/#why-alpha",
    }
    page = alpha["glossary/alpha/"]
    assert page["title"] == "Alpha" and page["tags"] == ["Alpha", "first letter"]
    assert "Alpha is a test term whose definition" in page["text"]
    assert "first letter" in page["text"]  # the aliases line
    assert "explained" not in page["text"] and "listed point" not in page["text"]
    question = alpha["glossary/alpha/#is-alpha-first"]
    assert question["title"] == "Is alpha first?" and question["text"] == ""
    assert "A reason" not in json.dumps(entries)
    # The page itself still shows everything, with no trace of the search mark.
    html = (site.root / "site/glossary/alpha/index.html").read_text()
    assert "A long story." in html and 'id="alpha-in-practice"' in html and "A reason." in html
    assert "data-search-exclude" not in html
    # A category is found by its name and description; its list of every definition is out.
    category = entries["glossary/category/core/"]
    assert category["title"] == "Core concepts"
    assert "builds on" in category["text"] and "test term" not in category["text"]
    assert "test term" not in entries["glossary/"]["text"]


@pytest.mark.parametrize(
    "key, value, least", [("full_text_limit", "many", 0), ("pages_per_index", 0, 1)]
)
def test_the_search_limits_must_be_whole_numbers(tmp_path, key, value, least):
    site = make_site(tmp_path, f"extra:\n  glossary:\n    search:\n      {key}: {value}\n")
    site.term("alpha")
    result = site.build()
    output = result.stdout + result.stderr  # MkDocs prints an Abort to stdout
    assert result.returncode == 1
    assert (
        f"mkdocs.yml:25:1: error: extra.glossary.search.{key}: must be a whole number "
        f"of at least {least}, not {value!r}" in output
    )
    assert "Traceback" not in output
