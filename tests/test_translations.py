"""A glossary in two languages: the French site beside the English one, the links between
them for readers and search engines, and the checks that keep translations in step."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import yaml

from sitebuilder import GLOSSARY, Site, make_site, run

LANGUAGES = """\
extra:
  glossary:
    languages:
      - {code: en, name: English}
      - {code: fr, name: Français}
"""
SITE = "https://glossary.example/"
XHTML = "{http://www.w3.org/1999/xhtml}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def two_languages(root: Path) -> Site:
    site = make_site(root, LANGUAGES)
    site.term("mesa-thing", term="Mesa thing", aliases=["mesa object"])
    site.term("lonely-term", term="Lonely term")
    site.term("inner-thing", term="Inner thing", related=["mesa-thing"],
              explanation="Inner thing depends on a mesa thing and on a lonely term.\n")  # fmt: skip
    site.write("glossary/fr/mesa-thing.yml", """\
        term: Chose mésa
        aliases: [objet mésa]
        short_definition: >-
          Une chose mésa est un terme de test dont la définition est assez longue pour la page.
        explanation: |
          La chose mésa s'explique ici en quelques mots.
        last_reviewed: 2026-06-01
        """)  # fmt: skip
    site.write("glossary/fr/inner-thing.yml", """\
        term: Chose intérieure
        short_definition: >-
          Une chose intérieure est un terme de test dont la définition est assez longue, elle aussi.
        explanation: |
          Une chose intérieure dépend d'un objet mésa et d'un lonely term.
        """)  # fmt: skip
    site.write("content/fr/index.md", "# Accueil\n\nBienvenue.\n")
    return site


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    site = two_languages(tmp_path_factory.mktemp("bilingual"))
    result = site.build()
    assert result.returncode == 0, result.stderr
    return site


def alternates(page) -> dict[str, str]:
    return {
        link.attributes["hreflang"]: link.attributes["href"]
        for link in page.css("head link[hreflang]")
        if (link.attributes.get("rel") or "").split() == ["alternate"]
    }


def test_each_translation_names_the_other_with_hreflang(site: Site):
    english, french = site.page("glossary/mesa-thing/"), site.page("fr/glossary/mesa-thing/")
    expected = {
        "en": f"{SITE}glossary/mesa-thing/",
        "fr": f"{SITE}fr/glossary/mesa-thing/",
        "x-default": f"{SITE}glossary/mesa-thing/",
    }
    assert alternates(english) == expected
    assert alternates(french) == expected
    assert alternates(site.page("fr/")) == {"en": SITE, "fr": f"{SITE}fr/", "x-default": SITE}


def test_an_untranslated_page_is_not_published_in_the_other_language(site: Site):
    assert alternates(site.page("glossary/lonely-term/")) == {}
    assert not (site.root / "site/fr/glossary/lonely-term").exists()


def test_every_page_says_its_language(site: Site):
    for path, lang in [("", "en"), ("glossary/mesa-thing/", "en"), ("fr/", "fr"),
                       ("fr/glossary/", "fr"), ("fr/glossary/mesa-thing/", "fr"),
                       ("fr/glossary/category/core/", "fr"), ("fr/glossary/map/", "fr")]:  # fmt: skip
        assert site.page(path).css_first("html").attributes["lang"] == lang, path
    data = [json.loads(s.text()) for s in site.page("fr/glossary/mesa-thing/").css(
        'script[type="application/ld+json"]')]  # fmt: skip
    assert {d.get("inLanguage") for d in data} == {"fr"}


def test_the_sitemap_lists_each_pages_translations(site: Site):
    root = ET.fromstring((site.root / "site/sitemap.xml").read_bytes())
    entries = {
        url.find(f"{SITEMAP}loc").text: {
            link.get("hreflang"): link.get("href") for link in url.iter(f"{XHTML}link")
        }
        for url in root.iter(f"{SITEMAP}url")
    }
    pair = {"en": f"{SITE}glossary/mesa-thing/", "fr": f"{SITE}fr/glossary/mesa-thing/"}
    pair["x-default"] = pair["en"]
    assert entries[pair["en"]] == pair
    assert entries[pair["fr"]] == pair
    assert entries[f"{SITE}glossary/lonely-term/"] == {}


def test_glossary_json_lists_each_translation_as_a_glossary_in_its_language(site: Site):
    from jsonschema import Draft202012Validator

    from termbase.pages.apischema import SCHEMAS

    index = json.loads((site.root / "site/glossary.json").read_text(encoding="utf-8"))
    glossaries = {
        g["name"]: (g["language"], g["translates"], g["url"]) for g in index["glossaries"]
    }
    assert glossaries == {
        "glossary": ("en", None, f"{SITE}glossary/"),
        "fr/glossary": ("fr", "glossary", f"{SITE}fr/glossary/"),
    }
    terms = {t["slug"]: t for t in index["terms"]}
    french = terms["fr/glossary:mesa-thing"]
    assert (french["term"], french["language"], french["translates"]) == (
        "Chose mésa", "fr", "mesa-thing"
    )  # fmt: skip
    assert french["url"] == f"{SITE}fr/glossary/mesa-thing/"
    assert (terms["lonely-term"]["language"], terms["lonely-term"]["translates"]) == ("en", None)
    assert "fr/glossary:lonely-term" not in terms  # not translated: not a French term
    errors = Draft202012Validator(SCHEMAS["glossary-index.schema.json"]).iter_errors(index)
    assert list(errors) == []
    term_schema = Draft202012Validator(SCHEMAS["glossary-term.schema.json"])
    payload = json.loads((site.root / "site/fr/glossary/mesa-thing.json").read_text("utf-8"))
    assert list(term_schema.iter_errors(payload)) == []


def switcher(page) -> dict[str, str]:
    return {a.attributes["hreflang"]: a.attributes["href"] for a in page.css("a.glossary-language")}


def test_the_switcher_goes_to_the_same_page_or_to_the_languages_home(site: Site):
    assert switcher(site.page("fr/glossary/mesa-thing/")) == {
        "en": "../../../glossary/mesa-thing/",
        "fr": "./",
    }
    assert switcher(site.page("glossary/mesa-thing/"))["fr"] == "../../fr/glossary/mesa-thing/"
    # Not translated: the French home, whose notice the anchor shows.
    assert switcher(site.page("glossary/lonely-term/"))["fr"] == "../../fr/#untranslated"
    notice = site.page("fr/").css_first("#untranslated")
    assert "pas encore traduite" in notice.text()
    assert site.page("").css_first("#untranslated") is not None  # every home has one


def test_french_text_links_french_names_and_falls_back_to_english_pages(site: Site):
    body = site.page("fr/glossary/inner-thing/").css_first("article")
    links = {a.text(): (a.attributes["href"], a.attributes.get("hreflang")) for a in body.css("a")}
    assert links["objet mésa"] == ("../mesa-thing/", None)  # a French alias, the French page
    assert links["lonely term"] == ("../../../glossary/lonely-term/", "en")


def test_the_french_index_lists_its_terms_and_the_untranslated_ones(site: Site):
    index = site.page("fr/glossary/")
    assert index.css_first("h1").text() == "Glossaire"
    listed = [a.text() for a in index.css("article li a")]
    assert "Chose mésa" in listed and "Chose intérieure" in listed
    section = index.css_first("#untranslated-terms")
    assert section is not None and section.text().startswith("Pas encore traduit")
    fallback = [a for a in index.css("article a") if a.text() == "Lonely term"]
    assert [a.attributes.get("hreflang") for a in fallback] == ["en"]
    title = index.css_first("title").text()
    assert title.startswith("Glossaire de 2 termes")


def test_the_french_interface_is_french(site: Site):
    page = site.page("fr/glossary/inner-thing/")
    headings = [h.text(strip=True).rstrip("¶") for h in page.css("h2")]
    assert "Termes liés" in headings
    assert page.css_first("title").text().startswith("Chose intérieure : définition")
    # Material's own interface language follows the page's
    assert "Rechercher" in page.html or "Recherche" in page.html
    # The breadcrumbs start from the French home, in French, on the page and in JSON-LD
    crumbs = [
        (a.text(strip=True), a.attributes["href"]) for a in page.css(".glossary-breadcrumbs a")
    ]
    assert crumbs[:2] == [("Accueil", "../../"), ("Glossaire", "../")]
    trail = next(
        d for s in page.css('script[type="application/ld+json"]')
        if (d := json.loads(s.text()))["@type"] == "BreadcrumbList"
    )  # fmt: skip
    first = trail["itemListElement"][0]
    assert (first["name"], first["item"]) == ("Accueil", f"{SITE}fr/")


@pytest.mark.parametrize(
    ("path", "text", "where", "message"),
    [
        ("glossary/fr/no-such-term.yml", "term: Rien\n", "glossary/fr/no-such-term.yml:1:1",
         "translates glossary/no-such-term.yml, which is no term of the glossary"),
        ("glossary/fr/mesa-thing.yml", "term: Chose mésa\ncategory: risks\n",
         "glossary/fr/mesa-thing.yml:2", "category"),
        ("glossary/fr/mesa-thing.yml", "term: Chose mésa\nrelated: [lonely-term]\n",
         "glossary/fr/mesa-thing.yml:2", "related"),
        ("glossary/de/mesa-thing.yml", "term: Mesa-Ding\n", "glossary/de",
         "language 'de' is not declared in mkdocs.yml"),
    ],
)  # fmt: skip
def test_a_bad_translation_file_is_a_located_error(tmp_path, path, text, where, message):
    site = two_languages(tmp_path)
    site.write(path, text)
    for result in (site.check(), site.build()):
        assert result.returncode != 0
        assert "Traceback" not in result.stderr
        line = next(x for x in result.stderr.splitlines() if x.find(where) >= 0 and "error" in x)
        assert message in line
    assert not (site.root / "site").exists()  # nothing built, nothing lost


def test_a_translation_goes_out_of_date_when_its_source_changes(tmp_path: Path):
    site = two_languages(tmp_path)
    made = run([*GLOSSARY, "translate", "new", "fr", "lonely-term"], site.root)
    assert made.returncode == 0, made.stderr
    path = site.root / "glossary/fr/lonely-term.yml"
    started = path.read_text(encoding="utf-8")
    assert "# Lonely term is a test term whose definition" in started  # the source, as comments
    todo = site.check()
    assert "glossary/fr/lonely-term.yml:" in todo.stdout + todo.stderr and "TODO" in todo.stderr
    data = yaml.safe_load(started)
    data.update(
        term="Terme solitaire",
        short_definition="Un terme solitaire est un terme de "
        "test dont la définition est assez longue pour la page.",
        explanation="Seul.\n",
    )
    data.pop("faq", None)
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    assert "out of date" not in site.check().stderr

    source = site.root / "glossary/lonely-term.yml"
    source.write_text(source.read_text().replace("a few words", "some words"), encoding="utf-8")
    result = site.check()
    assert result.returncode == 0  # a warning: the site still builds
    line = next(x for x in result.stderr.splitlines() if "out of date" in x)
    number = path.read_text().splitlines().index(f"source_hash: {data['source_hash']}") + 1
    assert line.startswith(f"glossary/fr/lonely-term.yml:{number}:1: warning: out of date: ")
    assert "glossary/lonely-term.yml has changed" in line


def test_check_lang_lists_what_a_translator_should_do_next(tmp_path: Path):
    site = two_languages(tmp_path)
    site.term("another-term", term="Another term")
    result = site.check("--lang", "fr")
    assert result.returncode == 0, result.stderr
    assert "fr: 2 terms translated, 0 out of date, 2 missing" in result.stdout
    assert re.search(r"translate glossary/another-term\.yml +-> +glossary translate new fr "
                     r"another-term", result.stdout)  # fmt: skip
    summary = site.check().stderr
    assert "glossary/fr:1:1: warning: Français (fr): 2 of 4 terms not translated yet" in summary
    unknown = site.check("--lang", "de")
    assert unknown.returncode == 1 and "'de' is not a translation declared" in unknown.stderr
