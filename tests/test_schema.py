"""The editor's schema and `glossary check` give the same verdict: one source of truth."""

from __future__ import annotations

import datetime as dt
import json
import textwrap
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

from sitebuilder import CATEGORIES, PROJECT
from termbase.cli.commands import schema_text
from termbase.model import GlossaryError
from termbase.reading.jsonschema import json_schema
from termbase.reading.load import load_glossary
from termbase.reading.schema import TERM, Field, fits, problems
from termbase.reading.values import Value

SCHEMA_FILE = PROJECT / "schema" / "term.schema.json"

BASE = """\
term: Inner alignment
category: core
short_definition: Whether a trained model's own objective matches the objective it was trained on.
explanation: |
  Some *Markdown*.
"""

# Per-file rules only. Where the two cannot agree, no fixture is listed:
# - rules across files (unknown category or related slug, a name used twice, a published
#   term related to a draft) need the whole glossary, which a language server never sees;
# - rules about the file itself (name, size, anchors, duplicate keys, tabs) are not content;
# - YAML 1.1 (PyYAML, the loader) and YAML 1.2 (the language server) read some plain
#   scalars differently: `yes`/`no`/`on`/`off` are booleans only to the loader, and a quoted
#   date ('2026-05-05') is a string to both, which the loader rejects and the schema accepts;
# - JSON Schema counts 2019.0 as an integer; the loader wants a whole number written as one.
VALID = {
    "minimal": BASE,
    "every field": BASE
    + textwrap.dedent(
        """\
        aliases: [inner misalignment, inner-alignment problem]
        related: [companion]
        faq:
          - question: Is it the same as outer alignment?
            answer: No. **Outer** alignment is about the training objective.
        references:
          - title: Risks from Learned Optimization
            authors: [Evan Hubinger, Chris van Merwijk]
            year: 2019
            url: https://arxiv.org/abs/1906.01820
          - title: A page with a query
            url: http://example.org/page?x=1#part
        last_reviewed: 2026-05-05
        seo:
          title: Inner alignment, explained
          description: What inner alignment means and why a trained model's goals can differ.
        draft: false
        """
    ),
    "empty lists": BASE + "aliases: []\nrelated: []\nfaq: []\nreferences: []\n",
    "a draft": BASE + "draft: true\n",
    "a see entry": "term: Inner misalignment\nsee: companion\n",
    "a draft see entry": "term: Inner misalignment\nsee: companion\ndraft: true\n",
    "folded text": BASE.replace("short_definition: Whether", "short_definition: >-\n  Whether"),
}

INVALID = {
    "not a mapping": "- term: Inner alignment\n",
    "missing term": BASE.replace("term: Inner alignment\n", ""),
    "missing explanation": BASE.split("explanation")[0],
    "unknown key": BASE + "relatd: [companion]\n",
    "blank term": BASE.replace("term: Inner alignment", "term: '   '"),
    "number as term": BASE.replace("term: Inner alignment", "term: 42"),
    "term too long": BASE.replace("term: Inner alignment", "term: " + "x" * 121),
    "short definition too long": BASE.replace(
        "short_definition: W", "short_definition: " + "w" * 400 + "W"
    ),
    "aliases not a list": BASE + "aliases: inner misalignment\n",
    "empty alias": BASE + "aliases: [~]\n",
    "category not a slug": BASE.replace("category: core", "category: Core concepts"),
    "related not a slug": BASE + "related: [Companion Term]\n",
    "faq without answer": BASE + "faq:\n  - question: Why?\n",
    "faq with unknown key": BASE + "faq:\n  - question: Why?\n    answer: Because.\n    note: x\n",
    "reference without url": BASE + "references:\n  - title: A paper\n",
    "ftp url": BASE + "references:\n  - title: A paper\n    url: ftp://example.org/paper\n",
    "url without a dot": BASE + "references:\n  - title: A paper\n    url: https://localhost/x\n",
    "url with a space": BASE + "references:\n  - title: A\n    url: https://example.org/a b\n",
    "year too small": BASE + "references:\n  - title: A\n    url: https://a.org\n    year: 99\n",
    "year as text": BASE + "references:\n  - title: A\n    url: https://a.org\n    year: '2019'\n",
    "authors not a list": BASE
    + "references:\n  - title: A\n    url: https://a.org\n    authors: Ann\n",
    "review date in words": BASE + "last_reviewed: yesterday\n",
    "review date with a time": BASE + "last_reviewed: 2026-05-05T10:00:00\n",
    "draft as text": BASE + "draft: maybe\n",
    "draft as number": BASE + "draft: 1\n",
    "seo unknown key": BASE + "seo:\n  keywords: alignment\n",
    "see entry with a definition": "term: Inner misalignment\nsee: companion\n"
    "short_definition: Whether a trained model's own objective matches the one it was trained on.\n",
    "see entry without a name": "see: companion\n",
    "see entry to no slug": "term: Inner misalignment\nsee: Companion Term\n",
    "seo description too long": BASE + "seo:\n  description: " + "d" * 301 + "\n",
}


def loader_accepts(folder: Path, text: str) -> bool:
    """The loader's verdict on one file, beside a valid categories file and a valid term."""
    (folder / "_categories.yml").write_text(yaml.safe_dump(CATEGORIES))
    (folder / "companion.yml").write_text(BASE.replace("Inner alignment", "Companion"))
    (folder / "inner-alignment.yml").write_text(text, encoding="utf-8")
    try:
        load_glossary(folder)
    except GlossaryError:
        return False
    return True


def as_language_server_sees_it(text: str) -> object:
    """YAML -> JSON data; dates become the ISO strings a YAML 1.2 language server reads."""

    def convert(value):
        if isinstance(value, dict):
            return {key: convert(item) for key, item in value.items()}
        if isinstance(value, list):
            return [convert(item) for item in value]
        if isinstance(value, dt.date):  # datetime too
            return value.isoformat()
        return value

    return convert(yaml.safe_load(text))


def schema_accepts(text: str) -> bool:
    validator = Draft202012Validator(
        json_schema(), format_checker=Draft202012Validator.FORMAT_CHECKER
    )
    return validator.is_valid(as_language_server_sees_it(text))


@pytest.mark.parametrize("name", VALID)
def test_schema_and_loader_both_accept(name: str, tmp_path):
    assert loader_accepts(tmp_path, VALID[name])
    assert schema_accepts(VALID[name])


@pytest.mark.parametrize("name", INVALID)
def test_schema_and_loader_both_reject(name: str, tmp_path):
    assert not loader_accepts(tmp_path, INVALID[name])
    assert not schema_accepts(INVALID[name])


def test_the_schema_is_valid_json_schema():
    Draft202012Validator.check_schema(json_schema())


def test_committed_schema_is_the_generated_one():
    """After changing schema.py: glossary schema -o schema/term.schema.json"""
    assert json.loads(SCHEMA_FILE.read_text(encoding="utf-8")) == json_schema()
    assert SCHEMA_FILE.read_text(encoding="utf-8") == schema_text()


def test_every_real_term_file_fits_the_schema():
    files = sorted(p for p in (PROJECT / "glossary").glob("*.yml") if not p.name.startswith("_"))
    assert len(files) > 10
    rejected = [p.name for p in files if not schema_accepts(p.read_text(encoding="utf-8"))]
    assert rejected == []


def test_vscode_uses_the_schema_for_term_files_only():
    settings = json.loads((PROJECT / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    assert settings["yaml.schemas"]["./schema/term.schema.json"] == [
        "glossary/*.yml",
        "!glossary/_categories.yml",
    ]


def _value(data) -> Value:
    """Plain data as the located Values the readers make."""
    if isinstance(data, list):
        data = [_value(item) for item in data]
    elif isinstance(data, dict):
        data = {key: _value(item) for key, item in data.items()}
    return Value(data, 1, 1)


def _specs(spec: Field):
    yield spec
    for sub in (*spec.fields.values(), *([spec.items] if spec.items else [])):
        yield from _specs(sub)


_SPECS = list(_specs(TERM))
_data = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-10, 3000)
    | st.dates()
    | st.datetimes()
    | st.text(alphabet="ab -\n\t:/.xhtps", max_size=12)
    | st.sampled_from(["https://example.org/a", "http://a.b", "mesa-optimizer"])
    | st.sampled_from([121, 301, 401, 5_001, 20_001]).map(lambda length: "x" * length),
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.dictionaries(
            st.sampled_from([*TERM.fields, "question", "answer", "title", "url", "year", "oops"]),
            inner,
            max_size=5,
        )
    ),
    max_leaves=12,
)


@settings(max_examples=500)
@given(data=_data, spec=st.sampled_from(_SPECS))
def test_the_quick_verdict_agrees_with_the_full_check(data, spec):
    """`check` trusts `fits` for the values that keep to the contract: the two must agree
    on every kind of field and every kind of value."""
    value = _value(data)
    assert fits(value, spec) == (problems(value, spec, "x.yml") == [])


@pytest.mark.parametrize("kind", ["lesson", "courses"])
def test_the_course_schemas_are_committed_and_valid(kind: str):
    """After changing course/contract.py: glossary schema --kind KIND -o schema/KIND.schema.json"""
    committed = PROJECT / "schema" / f"{kind}.schema.json"
    assert committed.read_text(encoding="utf-8") == schema_text(kind)
    Draft202012Validator.check_schema(json_schema(kind))


def test_the_lesson_schema_and_the_loader_agree_on_a_lesson(tmp_path):
    from sitebuilder import QUIZ, lesson, make_course_site

    validator = Draft202012Validator(json_schema("lesson"))
    good = yaml.safe_load(lesson("Good", 1, extra=QUIZ).split("---")[1])
    assert list(validator.iter_errors(good)) == []
    bad = lesson("Bad", 1).replace("  summary:", "  summry:")
    assert list(validator.iter_errors(yaml.safe_load(bad.split("---")[1])))
    site = make_course_site(tmp_path)
    site.write("content/lessons/bad.md", bad)
    result = site.check()
    assert result.returncode == 1
    assert "unknown key 'summry' in lesson (did you mean 'summary'?)" in result.stderr
