"""The `glossary` command as editors use it: new terms, check output, schema, help."""

from __future__ import annotations

import datetime as dt
import json

import pytest
import yaml
from jsonschema import Draft202012Validator

from sitebuilder import GLOSSARY, Site, make_site, run
from termbase.cli.main import annotation, main
from termbase.reading.jsonschema import json_schema
from termbase.reading.load import load_glossary


@pytest.fixture
def editor(site: Site, monkeypatch) -> Site:
    """A project with one term, and the editor's shell in its folder, outside GitHub Actions."""
    site.term("inner-alignment", term="Inner alignment", aliases=["inner misalignment"])
    monkeypatch.chdir(site.root)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    return site


# -- glossary new ---------------------------------------------------------------------------


def test_new_writes_a_term_that_passes_check_with_the_todo_warnings(editor: Site, capsys):
    assert main(["new", "Reward hacking", "--category", "risks"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("created glossary/reward-hacking.yml (category: risks)")
    assert "glossary check" in out and "CONTRIBUTING.md" in out
    assert "http://127.0.0.1:8000/glossary/reward-hacking/" in out

    glossary = load_glossary(editor.root / "glossary", root=editor.root)  # no error
    term = glossary.terms["reward-hacking"]
    assert (term.term, term.category, term.last_reviewed) == (
        "Reward hacking",
        "risks",
        dt.date.today(),
    )
    assert [(str(w.location), w.message) for w in glossary.warnings] == [
        (
            f"glossary/reward-hacking.yml:{term.location('short_definition').line}:1",
            "short_definition still holds the new-term template's 'TODO:' text: "
            "write it before publishing",
        ),
        (
            f"glossary/reward-hacking.yml:{term.location('explanation').line}:1",
            "explanation still holds the new-term template's 'TODO:' text: "
            "write it before publishing",
        ),
    ]
    assert main(["check"]) == 0


def test_new_term_fits_the_editor_schema(editor: Site):
    assert main(["new", "Reward hacking"]) == 0
    data = yaml.safe_load((editor.root / "glossary" / "reward-hacking.yml").read_text())
    data["last_reviewed"] = data["last_reviewed"].isoformat()  # as a YAML 1.2 editor reads it
    Draft202012Validator(json_schema()).validate(data)
    assert data["category"] == "core"  # the first category when none is given


def test_an_unfinished_term_cannot_be_published_and_a_finished_one_can(editor: Site):
    assert main(["new", "Reward hacking"]) == 0
    result = editor.build()
    assert result.returncode == 1
    assert "explanation still holds the new-term template's 'TODO:' text" in result.stderr
    file = editor.root / "glossary" / "reward-hacking.yml"
    text = file.read_text()
    text = text.replace(
        "TODO: say in one or two plain sentences what Reward hacking means.",
        "When a trained agent scores high reward in a way its designers did not intend.",
    ).replace(
        "TODO: explain Reward hacking in plain English, starting with an example.",
        "A cleaning robot rewarded for seeing no mess learns to close its eyes.",
    )
    file.write_text(text)
    result = editor.build()
    assert result.returncode == 0, result.stderr
    assert editor.page("glossary/reward-hacking/").css_first("h1").text() == "Reward hacking"


def test_new_refuses_to_overwrite_an_existing_term(editor: Site, capsys):
    file = editor.root / "glossary" / "inner-alignment.yml"
    before = file.read_text()
    assert main(["new", "Inner Alignment"]) == 1
    assert capsys.readouterr().err == (
        "glossary/inner-alignment.yml:1:1: error: "
        "a term with this file name exists already: edit it instead\n"
    )
    assert file.read_text() == before


def test_new_refuses_a_name_another_term_already_uses(editor: Site, capsys):
    assert main(["new", "Inner misalignment"]) == 1
    assert "'Inner misalignment' is already a name of this term" in capsys.readouterr().err
    assert not (editor.root / "glossary" / "inner-misalignment.yml").exists()


def test_new_lists_the_valid_categories_for_an_unknown_one(editor: Site, capsys):
    assert main(["new", "Reward hacking", "--category", "risk"]) == 1
    assert capsys.readouterr().err == (
        "glossary/_categories.yml:1:1: error: unknown category 'risk' (did you mean 'risks'?); "
        "choose one of: core, risks\n"
    )
    assert not (editor.root / "glossary" / "reward-hacking.yml").exists()


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("Index", "glossary/index.yml:1:1: error: 'index' is reserved for a generated page"),
        ("???", "glossary:1:1: error: cannot make a file name from '???': use letters"),
    ],
)
def test_new_refuses_names_without_a_usable_file_name(editor: Site, capsys, name, message):
    assert main(["new", name]) == 1
    assert capsys.readouterr().err.startswith(message)


# -- glossary check -------------------------------------------------------------------------


def test_check_prints_path_line_col_and_github_annotations_in_actions(
    editor: Site, monkeypatch, capsys
):
    editor.write("glossary/broken.yml", "term: Broken\ncategory: core\nshort_definition: x\n")
    assert main(["check"]) == 1
    plain = capsys.readouterr().err
    assert "glossary/broken.yml:1:1: error: missing required key 'explanation'\n" in plain
    assert "::error" not in plain

    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    assert main(["check"]) == 1
    lines = capsys.readouterr().err.splitlines()
    at = lines.index("glossary/broken.yml:1:1: error: missing required key 'explanation'")
    assert lines[at + 1] == (
        "::error file=glossary/broken.yml,line=1,col=1::missing required key 'explanation'"
    )


def test_check_shows_warnings_and_seo_advice_as_annotations(editor: Site, monkeypatch, capsys):
    editor.term("short-one", short_definition="Too short.", explanation="TODO: write it.\n")
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    assert main(["check"]) == 0
    captured = capsys.readouterr()
    assert (
        "::warning file=glossary/short-one.yml,line=4,col=1::explanation still holds"
        in captured.err
    )
    assert (
        "glossary/short-one.yml:3:1: advice: the page description is 10 characters" in captured.err
    )
    assert "::notice file=glossary/short-one.yml,line=3,col=1::the page description" in captured.err
    assert "1 warning(s), 1 SEO advice" in captured.out


def test_annotations_escape_what_github_would_misread():
    assert annotation("error", "glossary/a,b:c.yml", "50% done\nnext line", 3, 7) == (
        "::error file=glossary/a%2Cb%3Ac.yml,line=3,col=7::50%25 done%0Anext line"
    )


def test_check_reads_a_thousand_term_files(site: Site, monkeypatch, capsys):
    for number in range(1000):
        site.term(
            f"term-{number:04d}",
            term=f"Term {number:04d}",
            related=[f"term-{(number + 1) % 1000:04d}"],
            explanation="A paragraph of *Markdown* that explains the term.\n" * 20,
        )
    monkeypatch.chdir(site.root)
    assert main(["check"]) == 0
    assert "ok: 1000 term files" in capsys.readouterr().out


# -- glossary schema and help ----------------------------------------------------------------


def test_schema_prints_or_writes_the_json_schema(tmp_path, capsys):
    assert main(["schema"]) == 0
    assert json.loads(capsys.readouterr().out) == json_schema()
    target = tmp_path / "out" / "term.schema.json"
    assert main(["schema", "--output", str(target)]) == 0
    assert json.loads(target.read_text()) == json_schema()


@pytest.mark.parametrize("command", ["check", "new", "linkcheck", "schema"])
def test_every_command_has_help_with_examples(command: str, tmp_path):
    result = run([*GLOSSARY, command, "--help"], tmp_path)
    assert result.returncode == 0
    assert f"usage: glossary {command}" in result.stdout
    examples = result.stdout.split("\nexamples:\n")[1]
    assert f"glossary {command}" in examples


def test_bad_usage_is_a_short_error_not_a_traceback(tmp_path):
    result = run([*GLOSSARY, "new"], tmp_path)
    assert result.returncode == 2
    assert "the following arguments are required: name" in result.stderr
    assert "Traceback" not in result.stderr


def test_new_without_a_glossary_folder_says_so(tmp_path, monkeypatch, capsys):
    make_site(tmp_path / "project")
    monkeypatch.chdir(tmp_path)
    assert main(["new", "Reward hacking", "--dir", "nowhere"]) == 1
    assert capsys.readouterr().err == "nowhere:1:1: error: glossary folder does not exist\n"
