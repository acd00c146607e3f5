"""Every mistake in a term file is reported at once, as path:line:col with a likely fix."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
import yaml

from sitebuilder import CATEGORIES, Site
from termbase.model import GlossaryError
from termbase.reading.load import load_glossary

VALID = """\
term: Inner alignment
category: core
short_definition: Whether a trained model's own objective matches the training objective.
explanation: |
  Some *Markdown*.
"""


def problems(folder: Path, files: dict[str, str]) -> list[str]:
    """Write the files beside a valid categories file and return the problems reported."""
    (folder / "_categories.yml").write_text(yaml.safe_dump(CATEGORIES))
    for name, text in files.items():
        (folder / name).write_text(textwrap.dedent(text), encoding="utf-8")
    try:
        glossary = load_glossary(folder, root=folder.parent)
    except GlossaryError as err:
        return [str(p) for p in err.problems if p.level == "error"]
    return [str(p) for p in glossary.warnings if p.level == "error"]


def test_a_valid_file_has_no_problems(tmp_path):
    assert problems(tmp_path, {"inner-alignment.yml": VALID}) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("term: [unclosed\n", "2:1: error: invalid YAML: did not find expected ',' or ']'"),
        (
            "term: x\n\tcategory: core\n",
            "2:1: error: invalid YAML: found a tab character that violates indentation "
            "(YAML does not allow tabs for indentation: indent with spaces)",
        ),
        (VALID.replace("category: core\n", ""), "1:1: error: missing required key 'category'"),
        (VALID.replace("term: Inner alignment", "term: '  '"), "1:7: error: term is empty"),
        (VALID + "related: inner\n", "6:10: error: related must be a list, not 'inner'"),
        (VALID + "draft: maybe\n", "6:8: error: draft must be true or false, not 'maybe'"),
        (VALID + "relatd: [x]\n", "6:1: error: unknown key 'relatd' (did you mean 'related'?)"),
        (
            VALID
            + "faq:\n  - question: Why?\n    answr: Because.\n  - question: Two?\n    answer: 2\n",
            "7:5: error: missing required key 'answer' in faq[1]\n"
            "8:5: error: unknown key 'answr' in faq[1] (did you mean 'answer'?)\n"
            "10:13: error: faq[2].answer must be a text, not 2 (a number)",
        ),
        (
            VALID + "faq:\n  - question: Why?\n",
            "7:5: error: missing required key 'answer' in faq[1]",
        ),
        (
            VALID.replace("category: core", "category: cor"),
            "2:1: error: unknown category 'cor' (did you mean 'core'?); "
            "categories are defined in glossary/_categories.yml",
        ),
        (
            VALID + "last_reviewed: 2026-13-45\n",
            "6:16: error: cannot read '2026-13-45': month must be in 1..12",
        ),
        (
            VALID + "last_reviewed: 2026-02-30\nrelatd: []\n",
            "6:16: error: cannot read '2026-02-30': day is out of range for month\n"
            "7:1: error: unknown key 'relatd' (did you mean 'related'?)",
        ),
        (
            VALID + "last_reviewed: yesterday\n",
            "6:16: error: last_reviewed must be a date (YYYY-MM-DD), not 'yesterday'",
        ),
        (
            VALID + "references:\n  - title: A paper\n    url: www.example.com/paper\n",
            "8:10: error: references[1].url must be an http:// or https:// URL, not 'www.example.com/paper'",
        ),
        (
            VALID + "references:\n  - title: A paper\n    url: javascript:alert(1)\n",
            "8:10: error: references[1].url must be an http:// or https:// URL, not 'javascript:alert(1)'",
        ),
        (
            VALID + "references:\n  - title: A paper\n    url: http://[a.example/paper\n",
            "8:10: error: references[1].url must be an http:// or https:// URL, not 'http://[a.example/paper'",
        ),
        (
            VALID + "references:\n  - title: A paper\n    url: https://a.example:99999/\n",
            "8:10: error: references[1].url must be an http:// or https:// URL, not 'https://a.example:99999/'",
        ),
        (
            VALID
            + "references:\n  - title: A paper\n    year: '2019'\n    url: https://a.example/\n",
            "8:11: error: references[1].year must be a year such as 2019, not '2019'",
        ),
        (VALID + "related: [inner-alignment]\n", "6:11: error: a term cannot be related to itself"),
        ("- just\n- a list\n", "1:1: error: a term file must be a mapping, not a list"),
        ("", "1:1: error: file is empty; a term file is a YAML mapping"),
    ],
)
def test_each_mistake_is_reported_with_its_place(tmp_path, text, expected):
    assert problems(tmp_path, {"inner-alignment.yml": text}) == [
        f"{tmp_path.name}/inner-alignment.yml:{line}" for line in expected.split("\n")
    ]


def test_unknown_related_slug_suggests_the_term_it_is_an_alias_of(tmp_path):
    found = problems(
        tmp_path,
        {
            "mesa-optimization.yml": VALID.replace("Inner alignment", "Mesa-optimization")
            + "aliases: [mesa-optimiser]\n",
            "inner-alignment.yml": VALID + "related: [mesa-optimiser, mesa-optimizaton]\n",
        },
    )
    assert found == [
        f"{tmp_path.name}/inner-alignment.yml:6:11: error: unknown related term "
        "'mesa-optimiser' (did you mean 'mesa-optimization'?)",
        f"{tmp_path.name}/inner-alignment.yml:6:27: error: unknown related term "
        "'mesa-optimizaton' (did you mean 'mesa-optimization'?)",
    ]


def test_names_and_aliases_must_be_unique_across_terms(tmp_path):
    found = problems(
        tmp_path,
        {
            "alpha.yml": VALID.replace("Inner alignment", "Alpha") + "aliases: [Shared name]\n",
            "beta.yml": VALID.replace("Inner alignment", "Beta") + "aliases: [shared-name]\n",
        },
    )
    assert found == [
        f"{tmp_path.name}/beta.yml:6:11: error: alias 'shared-name' is already used by "
        f"{tmp_path.name}/alpha.yml ('Shared name')"
    ]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        (
            "Inner_Alignment.yml",
            "file name 'Inner_Alignment.yml' is not a valid slug (lowercase "
            "ASCII letters and digits in hyphen-separated words): rename to inner-alignment.yml",
        ),
        ("inner alignment.yml", "rename to inner-alignment.yml"),
        ("café.yml", "rename to cafe.yml"),
        ("inner-alignment.yaml", "term files end in .yml: rename to inner-alignment.yml"),
        ("notes.txt", "not a term file: term files end in .yml"),
        ("index.yml", "'index' is reserved for a generated page: rename the file"),
    ],
)
def test_bad_file_names_are_reported_with_a_better_name(tmp_path, name, expected):
    found = problems(tmp_path, {name: VALID})
    assert len(found) == 1 and found[0].startswith(f"{tmp_path.name}/{name}:1:1: error: ")
    assert expected in found[0]


def test_every_problem_is_reported_at_once(tmp_path):
    found = problems(
        tmp_path,
        {
            "a.yml": VALID + "relatd: []\n",
            "b.yml": VALID.replace("Inner alignment", "B").replace("category: core", "category: x"),
            "C.yml": VALID,
        },
    )
    assert len(found) == 3


def test_glossary_check_prints_problems_and_exits_1(site: Site):
    site.term("good")
    site.write("glossary/bad.yml", VALID.replace("Inner", "Bad") + "relatd: []\n")
    result = site.check()
    assert result.returncode == 1
    assert (
        "glossary/bad.yml:6:1: error: unknown key 'relatd' (did you mean 'related'?)"
        in result.stderr
    )
    assert "Traceback" not in result.stderr + result.stdout


def test_glossary_check_passes_a_good_glossary(site: Site):
    site.term("good")
    result = site.check()
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("ok: 1 term files (1 published, 0 drafts), 2 categories")


def test_a_failed_build_keeps_the_last_good_site_and_shows_no_traceback(site: Site):
    site.term("good")
    assert site.build().returncode == 0
    page = site.root / "site/glossary/good/index.html"
    before = page.read_bytes()
    site.write("glossary/broken.yml", "term: [oops\n")
    result = site.build()
    assert result.returncode == 1
    assert "glossary/broken.yml:2:1: invalid YAML" in result.stderr.replace("error: ", "")
    assert "error(s) in term files: nothing was built" in result.stdout + result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    assert page.read_bytes() == before


LINKING = """\
term: Alpha
category: core
short_definition: A term whose explanation links to other pages, one of them missing.
explanation: |
  Compare [the beta term](beta.md) and [the guide](../guide.md).

  Then read [Goodhart](goodhart-law.md#examples).
faq:
  - question: Where next?
    answer: >-
      Try [the draft](draft-term.md).
"""


def test_links_to_missing_pages_are_located_in_the_term_file(site: Site):
    site.term("beta")
    site.term("goodharts-law", term="Goodhart's law")
    site.term("draft-term", term="Draft term", draft=True)
    site.write("content/guide.md", "# Guide\n")
    site.write("glossary/alpha.yml", LINKING)
    expected = [
        "glossary/alpha.yml:7:24: error: the link 'goodhart-law.md' in explanation is no term "
        "or page of the site (did you mean 'goodharts-law.md'?)",
        "glossary/alpha.yml:11:23: error: the link 'draft-term.md' in an FAQ answer is a "
        "draft, which is not published",
    ]
    check = site.check()
    assert check.returncode == 1
    assert [line for line in check.stderr.splitlines() if "error:" in line] == expected
    build = site.build()
    output = build.stdout + build.stderr
    assert build.returncode == 1
    for message in expected:
        assert message in output
    assert "glossary/alpha.md" not in output and "Traceback" not in output
    assert not (site.root / "site").exists()
