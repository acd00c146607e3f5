"""The editors' form (/admin/, Decap CMS) asks for what the loader checks: its fields are
made from the same declarations, and the build serves it from the site's own files."""

from __future__ import annotations

import hashlib
import json
import re

import pytest
import yaml

from sitebuilder import PROJECT, Site
from termbase.cms.admin import SUMS, VENDOR
from termbase.cms.decap import PAGE, TERMS, declared_paths
from termbase.course.contract import LESSON
from termbase.course.model import LEVELS
from termbase.reading.schema import SLUG_PATTERN, TERM, URL_PATTERN, Field

DECAP_CMS = "3.16.3"  # vendor/update-decap-cms.sh VERSION fetches another


def declarations(spec: Field, prefix: str = "") -> dict[str, Field]:
    """Every declared field by its dotted path, list items by their list's path."""
    found = {}
    for name, sub in spec.fields.items():
        path = f"{prefix}.{name}" if prefix else name
        found[path] = sub
        inner = sub.items if sub.kind == "list" else sub
        found |= declarations(inner, path) if inner and inner.kind == "object" else {}
    return found


def assert_field_keeps_to(field: dict, spec: Field, path: str) -> None:
    """One form field against its declaration: required, hint, widget and limits."""
    assert field["required"] is spec.required, path
    assert field["hint"] == spec.description, path
    widget = field["widget"]
    if widget in ("select", "relation"):  # the choices the glossary and courses offer
        assert field.get("multiple", False) is (spec.kind == "list"), path
    elif spec.kind in ("object", "list"):
        assert widget == spec.kind, path
        if spec.kind == "list" and spec.items.kind != "object":
            assert_value_keeps_to(field["field"], spec.items, path)
    else:
        assert_value_keeps_to(field, spec, path)


def assert_value_keeps_to(field: dict, spec: Field, path: str) -> None:
    widget = field["widget"]
    if spec.kind == "bool":
        assert widget == "boolean", path
    elif spec.kind == "date":
        assert (widget, field["format"], field["time_format"]) == ("datetime", "YYYY-MM-DD", False)
    elif spec.kind in ("year", "number"):
        low, high = (1000, 2200) if spec.kind == "year" else (1, 100_000)
        assert (widget, field["value_type"], field["min"], field["max"]) == (
            "number", "int", low, high
        ), path  # fmt: skip
    elif spec.kind in ("slug", "url"):
        assert field["pattern"][0] == {"slug": SLUG_PATTERN, "url": URL_PATTERN}[spec.kind], path
    else:
        assert widget in ("string", "text", "markdown"), path
        pattern = re.compile(field["pattern"][0])
        assert pattern.match("x" * spec.max_length) and pattern.match(" a\nb "), path
        assert not pattern.match("x" * (spec.max_length + 1)), path
        assert not pattern.match("") and not pattern.match(" \n "), path


@pytest.fixture(scope="module")
def built(real_site: Site) -> dict:
    """The configuration the project's own build serves at /admin/config.yml."""
    return yaml.safe_load((real_site.root / "site/admin/config.yml").read_text(encoding="utf-8"))


def collection(config: dict, name: str) -> dict:
    return next(c for c in config["collections"] if c["name"] == name)


def test_the_term_form_has_every_declared_field_and_no_other(built: dict):
    fields = declared_paths(collection(built, TERMS)["fields"])
    declared = declarations(TERM)
    assert list(fields) == list(declared)
    for path, spec in declared.items():
        assert_field_keeps_to(fields[path], spec, path)


def test_the_term_form_offers_the_glossary_s_own_choices(built: dict):
    terms = collection(built, TERMS)
    fields = declared_paths(terms["fields"])
    categories = yaml.safe_load((PROJECT / "glossary/_categories.yml").read_text())
    assert fields["category"]["options"] == [
        {"label": c["name"], "value": key} for key, c in categories.items()
    ]
    related = fields["related"]
    assert (related["widget"], related["collection"], related["value_field"]) == (
        "relation", TERMS, "{{slug}}"
    )  # fmt: skip
    assert related["multiple"] is True
    assert fields["explanation"]["widget"] == fields["faq.answer"]["widget"] == "markdown"
    assert (terms["folder"], terms["extension"], terms["format"]) == ("glossary", "yml", "yml")
    assert terms["slug"] == "{{fields.term}}"
    assert built["slug"] == {
        "encoding": "ascii",
        "clean_accents": True,
        "sanitize_replacement": "-",
    }
    assert built["publish_mode"] == "editorial_workflow"


@pytest.mark.parametrize("folder", ["lessons", "explainers"])
def test_each_lesson_folder_has_a_form_from_the_course_contract(built: dict, folder: str):
    lessons = collection(built, folder)
    assert (lessons["folder"], lessons["format"]) == (f"content/{folder}", "frontmatter")
    fields = declared_paths(lessons["fields"])
    declared = declarations(PAGE) | {"lesson": LESSON} | declarations(LESSON, "lesson")
    assert list(fields) == [*declared, "body"]
    for path, spec in declared.items():
        assert_field_keeps_to(fields[path], spec, path)
    assert [o["value"] for o in fields["lesson.level"]["options"]] == list(LEVELS)
    courses = yaml.safe_load((PROJECT / "content/_courses.yml").read_text())
    assert [o["value"] for o in fields["lesson.course"]["options"]] == list(courses)
    assert fields["lesson.teaches"]["collection"] == TERMS


def test_the_built_site_serves_the_vendored_app_and_the_site_s_styles(real_site: Site):
    page = real_site.page("admin/")
    scripts = [s.attributes["src"] for s in page.css("script[src]")]
    assert scripts == ["decap-cms.js", "preview.js"]
    assert page.css_first('meta[name="robots"]').attributes["content"] == "noindex, nofollow"
    admin = real_site.root / "site/admin"
    assert (admin / "decap-cms.js").read_bytes() == (VENDOR / "decap-cms.js").read_bytes()
    styles = json.loads(page.css_first("#glossary-preview-styles").text())
    assert any("stylesheets/main." in s for s in styles) and "../assets/glossary.css" in styles
    for style in styles:
        assert (admin / style).resolve().is_file(), style
    assert "admin/" not in (real_site.root / "site/sitemap.xml").read_text()


def test_the_vendored_app_is_the_pinned_release_its_checksums_name():
    assert json.loads((VENDOR / "package.json").read_text())["version"] == DECAP_CMS
    for line in (VENDOR / SUMS).read_text().splitlines():
        digest, name = line.split()
        assert hashlib.sha256((VENDOR / name).read_bytes()).hexdigest() == digest, name


def test_one_setting_turns_the_form_off_and_another_names_the_repository(site: Site):
    site.term("alpha")
    site.write(
        "mkdocs.yml",
        (site.root / "mkdocs.yml").read_text()
        + "extra:\n  glossary:\n    cms:\n      backend: {name: github, repo: me/glossary}\n",
    )
    assert site.build().returncode == 0
    config = yaml.safe_load((site.root / "site/admin/config.yml").read_text())
    assert config["backend"] == {"name": "github", "repo": "me/glossary"}
    site.write(
        "mkdocs.yml",
        (site.root / "mkdocs.yml").read_text().replace("cms:\n", "cms:\n      enabled: false\n"),
    )
    assert site.build().returncode == 0
    assert not (site.root / "site/admin").exists()


def test_a_bad_cms_setting_is_located_in_mkdocs_yml(site: Site):
    site.term("alpha")
    site.write(
        "mkdocs.yml",
        (site.root / "mkdocs.yml").read_text()
        + "extra:\n  glossary:\n    cms:\n      enabled: maybe\n      backend: github\n",
    )
    result = site.build()
    assert result.returncode == 1
    assert (
        "mkdocs.yml:25:1: error: extra.glossary.cms.enabled: must be true or false, not 'maybe'"
        in result.stderr
    )
    assert (
        "mkdocs.yml:26:1: error: extra.glossary.cms.backend: must be a mapping with a backend's name, not 'github'"
        in result.stderr
    )
    assert "Traceback" not in result.stderr


def test_the_new_term_template_s_comments_are_the_form_s_hints(built: dict, tmp_path):
    """Decap drops YAML comments when it saves a file (Decap issue 5099): what the comments
    of `glossary new` tell an editor must be in the form's hints too, and the unfinished
    texts are marked in the values, which the form keeps."""
    from termbase.cli.scaffold import new_term
    from termbase.reading.rules import TEMPLATE_MARKER

    (tmp_path / "_categories.yml").write_text((PROJECT / "glossary/_categories.yml").read_text())
    text = new_term(tmp_path, "Reward hacking", category="failure-modes").path.read_text()
    blocks = re.findall(r"((?:^#[^\n]*\n)+)(\w+):", text, flags=re.M)
    comments = {key: " ".join(line[2:] for line in block.splitlines()) for block, key in blocks}
    hints = declared_paths(collection(built, TERMS)["fields"])
    assert {"term", "category", "short_definition", "explanation"} <= set(comments)
    for key, comment in comments.items():
        assert comment.startswith(hints[key]["hint"]), key
    data = yaml.safe_load(text)
    assert data["short_definition"].startswith(TEMPLATE_MARKER)
    assert data["explanation"].startswith(TEMPLATE_MARKER)
