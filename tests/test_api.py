"""Every published term as JSON beside its page, and glossary.json as an index of them: read
from the built site, checked against the published schemas, safe with hostile input."""

from __future__ import annotations

import json

import pytest
from jsonschema import Draft202012Validator

from sitebuilder import PROJECT, Site, make_site
from termbase.pages.apischema import SCHEMAS

EVIL = '<script>alert(1)</script> " onmouseover="alert(2)'


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Site:
    site = make_site(tmp_path_factory.mktemp("api"))
    site.term(
        "alpha",
        term=f"Alpha {EVIL}",
        explanation="Alpha links [beta](beta.md) and [the home page](../index.md).\n\n<b>raw</b>\n",
        related=["beta"],
        faq=[{"question": "Why?", "answer": "See [beta](beta.md)."}],
        references=[
            {
                "title": "A",
                "authors": ["X"],
                "et_al": True,
                "year": 2020,
                "url": "https://example.org/a",
            }
        ],
    )
    site.term("beta")
    site.term("gamma", related=["alpha"])
    site.term("delta", draft=True)
    result = site.build()
    assert result.returncode == 0, result.stderr
    return site


def read(site: Site, path: str) -> dict:
    return json.loads((site.root / "site" / path).read_text(encoding="utf-8"))


def test_every_published_term_has_its_payload_and_the_index_points_to_it(built: Site):
    index = read(built, "glossary.json")
    assert [t["slug"] for t in index["terms"]] == ["alpha", "beta", "gamma"]  # no draft
    assert not (built.root / "site/glossary/delta.json").exists()
    for entry in index["terms"]:
        assert entry["json"] == f"https://glossary.example/glossary/{entry['slug']}.json"
        payload = read(built, f"glossary/{entry['slug']}.json")
        assert payload["url"] == entry["url"] and payload["term"] == entry["term"]
    beta = read(built, "glossary/beta.json")
    assert {r["slug"] for r in beta["related"]} == {"alpha"}  # both ways
    alpha = read(built, "glossary/alpha.json")
    assert {r["slug"] for r in alpha["related"]} == {"beta", "gamma"}
    assert alpha["title"].startswith("Alpha") and alpha["description"]
    assert alpha["category"] == {
        "key": "core",
        "name": "Core concepts",
        "url": "https://glossary.example/glossary/category/core/",
    }
    assert alpha["references"][0]["et_al"] is True


def test_the_html_is_the_page_s_escaped_html_with_absolute_links(built: Site):
    alpha = read(built, "glossary/alpha.json")
    html = alpha["explanation"]["html"]
    assert 'href="https://glossary.example/glossary/beta/"' in html
    assert 'href="https://glossary.example/"' in html
    assert "<b>" not in html and "&lt;b&gt;raw&lt;/b&gt;" in html  # raw HTML is never rendered
    assert alpha["explanation"]["markdown"].startswith("Alpha links [beta](beta.md)")
    answer = alpha["faq"][0]["answer"]
    assert 'href="https://glossary.example/glossary/beta/"' in answer["html"]
    assert alpha["term"] == f"Alpha {EVIL}"  # a hostile name is data, and the file still reads
    assert "<script>" not in html


def test_every_file_validates_against_the_published_schemas(built: Site):
    for name, schema in SCHEMAS.items():
        assert read(built, f"schema/{name}") == schema  # served with the site
        committed = json.loads((PROJECT / "schema" / name).read_text(encoding="utf-8"))
        assert committed == schema, (
            f"run: glossary schema --kind {name.split('.')[0]} -o schema/{name}"
        )
        Draft202012Validator.check_schema(schema)
    term_schema = Draft202012Validator(SCHEMAS["glossary-term.schema.json"])
    for path in sorted((built.root / "site/glossary").glob("*.json")):
        assert list(term_schema.iter_errors(json.loads(path.read_text()))) == [], path
    index_schema = Draft202012Validator(SCHEMAS["glossary-index.schema.json"])
    assert list(index_schema.iter_errors(read(built, "glossary.json"))) == []
