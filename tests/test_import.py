"""`glossary import`: glossaries written for Sphinx, a spreadsheet, MkDocs abbreviations and
Hugo become term files that pass `glossary check`; broken input is refused whole.
The parsers on random input are in test_import_parsers.py.
"""

from __future__ import annotations

import shutil

import pytest
import yaml

from sitebuilder import CATEGORIES, PROJECT, Site
from termbase.cli.main import main
from termbase.reading.load import load_glossary

FIXTURES = PROJECT / "tests" / "fixtures" / "import"


@pytest.fixture
def editor(site: Site, monkeypatch) -> Site:
    """A project with one term, a `concept` category, and the shell in its folder."""
    site.term("alpha")
    categories = {
        **CATEGORIES,
        "concept": {"name": "Concept", "description": CATEGORIES["core"]["description"]},
    }
    site.write("glossary/_categories.yml", yaml.safe_dump(categories))
    for name in ("glossary.rst", "terms.csv", "abbreviations.md", "hugo-cncf", "hugo-k8s"):
        source = FIXTURES / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, site.root / name)
    monkeypatch.chdir(site.root)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    return site


def term_files(site: Site) -> set[str]:
    return {p.name for p in (site.root / "glossary").glob("*.yml") if not p.name.startswith("_")}


def imported(site: Site, capsys, *args: str) -> tuple[str, str]:
    assert main(["import", *args]) == 0, capsys.readouterr().err
    captured = capsys.readouterr()
    assert main(["check"]) == 0, capsys.readouterr().err
    capsys.readouterr()
    return captured.out, captured.err


# -- each format ----------------------------------------------------------------------------


def test_sphinx_terms_aliases_links_code_and_see_entries(editor: Site, capsys):
    out, err = imported(editor, capsys, "sphinx", "glossary.rst")
    assert "4 term(s) and 2 see entries from glossary.rst, 2 notice(s)" in out
    assert "wrote glossary/keyword-argument.yml  (see argument; from glossary.rst:34:1)" in out
    assert "glossary.rst:20:1: notice: not mapped: the role :ref: (kept as its text)" in err
    assert "glossary.rst:32:1: notice: not mapped: the directive '.. index::' (dropped)" in err
    glossary = load_glossary(editor.root / "glossary", root=editor.root)
    function = glossary.terms["function"]
    assert function.aliases == ("functions",)
    assert "`len`" in function.explanation
    assert "[the tutorial](https://docs.python.org/3/tutorial/)" in function.explanation
    assert "```python\ndef double(x):\n    return 2 * x\n```" in function.explanation
    argument = glossary.terms["argument"]
    assert argument.related == ("function",)
    assert "[function](function.md)" in argument.explanation
    assert '```\ngreet("Ada", loud=True)\n```' in argument.explanation
    assert "[PEP 362](https://peps.python.org/pep-0362/)" in argument.explanation
    assert argument.short_definition == (
        "A value handed to a function when it is called, bound to a name in its body."
    )
    assert glossary.terms["3-greater-than-sign"].term == ">>>"
    parameter = glossary.terms["parameter"]  # a see entry's name links to its target
    assert "a [keyword argument](argument.md) is bound" in parameter.explanation
    assert parameter.related == ("argument",)
    assert {s: e.see for s, e in glossary.redirects.items()} == {
        "keyword-argument": "argument",
        "positional-argument": "argument",
    }


def test_csv_columns_lists_sources_and_a_cell_over_several_lines(editor: Site, capsys):
    out, err = imported(editor, capsys, "csv", "terms.csv")
    assert "terms.csv:1:1: notice: not mapped: the column 'owner'" in err
    assert "wrote glossary/proxy-objective.yml  (Proxy objective; from terms.csv:5:1)" in out
    terms = load_glossary(editor.root / "glossary", root=editor.root).terms
    model = terms["reward-model"]
    assert model.aliases == ("RM", "preference model")
    assert model.related == ("proxy-objective",)
    assert model.explanation == "Trained on human comparisons.\n\nThen used by **RL**.\n"
    assert [(r.title, r.url) for r in model.references] == [
        ("https://arxiv.org/abs/1706.03741",) * 2
    ]
    assert terms["proxy-objective"].category == "risks"  # "Risks" in the sheet
    assert terms["proxy-objective"].related == ("reward-model",)


def test_csv_column_option_names_another_header(editor: Site, capsys):
    editor.write(
        "sheet.csv", "Name,Meaning\nSandbagging,Doing worse on purpose when a test is suspected.\n"
    )
    imported(
        editor,
        capsys,
        "csv",
        "sheet.csv",
        "--column",
        "term=Name",
        "--column",
        "definition=Meaning",
    )
    assert "sandbagging.yml" in term_files(editor)


def test_abbreviations_with_a_prefix(editor: Site, capsys):
    out, err = imported(editor, capsys, "abbr", "abbreviations.md", "--prefix", "abbr")
    assert "abbreviations.md:4:1: notice: not mapped: '<!-- kept in includes/" in err
    html = load_glossary(editor.root / "glossary", root=editor.root).terms["abbr-html"]
    assert (html.term, html.aliases) == ("HTML", ("Hyper Text Markup Language",))
    assert html.short_definition == "HTML is short for Hyper Text Markup Language."


def test_kubernetes_hugo_tooltips_aka_summary_and_unmapped_fields(editor: Site, capsys):
    out, err = imported(editor, capsys, "hugo", "hugo-k8s", "--prefix", "k8s", "--category", "core")
    assert "hugo-k8s/deployment.md:1:1: notice: not mapped: the field 'full_link'" in err
    assert "hugo-k8s/node.md:1:1: notice: not mapped: the field 'full-link'" in err
    terms = load_glossary(editor.root / "glossary", root=editor.root).terms
    deployment = terms["k8s-deployment"]
    assert deployment.short_definition == (
        "A made-up API object that keeps a set of copies of an application running."
    )
    assert deployment.explanation.startswith("Each copy runs in a [Pod](k8s-pod.md); the copies")
    assert "[node](k8s-node.md)s of a cluster" in deployment.explanation
    assert (
        "<!-- TODO: say how many copies by default -->" in deployment.explanation
    )  # dropped on pages
    assert set(deployment.related) == {"k8s-pod", "k8s-node"}
    assert terms["k8s-pod"].aliases == ("pods",)
    assert "**Note:** \nMade-up pods are replaced, not repaired." in terms["k8s-pod"].explanation
    assert terms["k8s-node"].aliases == ("worker",)


def test_cncf_hugo_mixed_case_and_list_categories_links_and_status(editor: Site, capsys):
    out, err = imported(editor, capsys, "hugo", "hugo-cncf")
    assert (
        "hugo-cncf/cluster.md:15:1: notice: not mapped: the shortcode 'sign-language-section' (dropped)"
        in err
    )
    assert (
        "hugo-cncf/cluster.md:9:1: notice: not mapped: the link '/distributed-systems/' names no term"
        in err
    )
    assert "hugo-cncf/nodes.md:1:1: notice: not mapped: the status 'Feedback Appreciated'" in err
    terms = load_glossary(editor.root / "glossary", root=editor.root).terms
    assert terms["cluster"].category == terms["nodes"].category == "concept"
    assert "[nodes](nodes.md)" in terms["cluster"].explanation
    assert "distributed system" in terms["cluster"].explanation
    assert "## Problem it addresses" in terms["cluster"].explanation


def test_dry_run_writes_nothing(editor: Site, capsys):
    assert main(["import", "sphinx", "glossary.rst", "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "would write glossary/argument.yml" in out and "nothing written" in out
    assert term_files(editor) == {"alpha.yml"}


# -- broken input: a located message, exit 1, nothing written --------------------------------


def refused(capsys, *args: str) -> str:
    assert main(["import", *args]) == 1
    err = capsys.readouterr().err
    assert "nothing was imported, no file written" in err
    return err


def test_an_existing_file_is_never_overwritten(editor: Site, capsys):
    editor.term("function", term="Function")
    before = (editor.root / "glossary/function.yml").read_bytes()
    err = refused(capsys, "sphinx", "glossary.rst")
    assert (
        "glossary.rst:22:1: error: glossary/function.yml exists already and is never "
        "overwritten: remove it, or import with --prefix"
    ) in err
    assert "duplicate name 'function'" not in err  # one message a clash
    assert (editor.root / "glossary/function.yml").read_bytes() == before
    assert term_files(editor) == {"alpha.yml", "function.yml"}


def test_bad_encoding_is_located(editor: Site, capsys):
    editor.write(
        "latin.csv",
        "term,definition\nCaf\xe9,A place that sells coffee and small meals to passers-by.\n".encode(
            "latin-1"
        ),
    )
    err = refused(capsys, "csv", "latin.csv")
    assert "latin.csv:2:4: error: not UTF-8: byte 0xe9 cannot be read" in err
    assert term_files(editor) == {"alpha.yml"}


def test_a_missing_column_is_named(editor: Site, capsys):
    editor.write("sheet.csv", "name,notes\nSandbagging,Doing worse on purpose.\n")
    err = refused(capsys, "csv", "sheet.csv")
    assert (
        "sheet.csv:1:1: error: missing column 'definition' for the definition (the columns "
        "are: 'name', 'notes'); name it with --column definition=HEADER"
    ) in err


def test_an_unknown_shortcode_refuses_every_file(editor: Site, capsys):
    editor.write(
        "hugo-k8s/probe.md",
        '---\ntitle: Probe\n---\nA check.\n\n{{< feature-state for_k8s_version="v1.30" >}}\n',
    )
    err = refused(capsys, "hugo", "hugo-k8s", "--prefix", "k8s")
    assert "hugo-k8s/probe.md:6:1: error: unknown shortcode 'feature-state'" in err
    assert term_files(editor) == {"alpha.yml"}


def test_a_duplicate_name_is_refused(editor: Site, capsys):
    editor.write(
        "hugo-k8s/cgroups.md",
        "---\ntitle: Pod\nshort_description: An old copy of the pod entry, under another file name.\n---\nOld.\n",
    )
    err = refused(capsys, "hugo", "hugo-k8s")
    assert (
        "hugo-k8s/pod.md:1:1: error: duplicate name 'Pod': 'Pod' of this import has it already (hugo-k8s/cgroups.md:1:1)"
        in err
    )
    assert main(["import", "abbr", "abbreviations.md"]) == 0
    err = refused(capsys, "abbr", "abbreviations.md", "--prefix", "again")  # new files, old names
    assert (
        "abbreviations.md:1:1: error: duplicate name 'HTML': glossary/html.yml has it already "
        "(glossary/html.yml:5:1)"
    ) in err
    editor.write("twice.md", "*[AI]: Artificial intelligence\n*[AI]: Adobe Illustrator\n")
    err = refused(capsys, "abbr", "twice.md")
    assert "twice.md:2:1: error: 'AI' would be written to ai.yml, as 'AI' of twice.md:1:1" in err


def test_a_see_entry_to_nothing_is_refused(editor: Site, capsys):
    editor.write("see.rst", ".. glossary::\n\n   GIL\n      See :term:`global lock`.\n")
    err = refused(capsys, "sphinx", "see.rst")
    assert "see.rst:3:1: error: 'See global lock' names no other term" in err
