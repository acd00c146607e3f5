"""Hostile and broken term files: a precise path:line error, exit 1, no traceback, nothing lost.

Every case goes through both `glossary check` and `mkdocs build --strict`; the build must stop
before writing, so the previous site/ survives byte for byte and the sources are untouched.
Random input for the loader is in test_loader_fuzz.py.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from sitebuilder import Site, make_site, tree_digest
from termbase.graph.relations import TermGraph
from termbase.pages.markdown import PageWriter
from termbase.reading.load import load_glossary

GOOD = "term: {name}\ncategory: core\nshort_definition: {name} is defined in one plain sentence that is long enough.\nexplanation: Text.\n"

BOMB = "term: Bomb\na: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" + "".join(
    f"{x}: &{x} [{', '.join(['*' + p] * 9)}]\n" for p, x in zip("abcdefgh", "bcdefghi", strict=True)
)

CASES = {
    "invalid-yaml": (
        {"bad.yml": "term: [oops\n"},
        "bad.yml:2:1: error: invalid YAML: did not find expected ',' or ']'",
    ),
    "tab-indent": (
        {"bad.yml": "term: x\n\tcategory: core\n"},
        "bad.yml:2:1: error: invalid YAML: found a tab character that violates indentation "
        "(YAML does not allow tabs for indentation: indent with spaces)",
    ),
    "empty-file": (
        {"bad.yml": ""},
        "bad.yml:1:1: error: file is empty; a term file is a YAML mapping",
    ),
    "a-list": (
        {"bad.yml": "- a\n- b\n"},
        "bad.yml:1:1: error: a term file must be a mapping, not a list",
    ),
    "a-scalar": (
        {"bad.yml": "just words\n"},
        "bad.yml:1:1: error: a term file must be a mapping, not 'just words'",
    ),
    "wrong-type": (
        {"bad.yml": GOOD.format(name="Bad") + "related: {a: b}\n"},
        "bad.yml:5:10: error: related must be a list, not a mapping",
    ),
    "unknown-key": (
        {"bad.yml": GOOD.format(name="Bad") + "refrences: []\n"},
        "bad.yml:5:1: error: unknown key 'refrences' (did you mean 'references'?)",
    ),
    "not-utf8": (
        {"bad.yml": b"term: Caf\xe9\ncategory: core\n"},
        "bad.yml:1:10: error: file is not valid UTF-8 (byte 0xe9); save it as UTF-8",
    ),
    "python-tag": (
        {"bad.yml": 'term: !!python/object/apply:os.system ["touch /tmp/pwned"]\n'},
        "bad.yml:1:7: error: YAML tag 'tag:yaml.org,2002:python/object/apply:os.system' is not allowed in term files",
    ),
    "custom-tag": (
        {"bad.yml": GOOD.format(name="Bad") + "draft: !secret yes\n"},
        "bad.yml:5:8: error: YAML tag '!secret' is not allowed in term files",
    ),
    "alias-bomb": (
        {"bad.yml": BOMB},
        "bad.yml:2:4: error: YAML anchors and aliases (&name, *name) are not allowed in term files",
    ),
    "nested-too-deep": (
        {"bad.yml": "term: " + "[" * 5000 + "]" * 5000 + "\n"},
        "bad.yml:1:56: error: lists and mappings nested more than 50 deep",
    ),
    "too-big": (
        {"bad.yml": GOOD.format(name="Big") + "explanation_padding: '" + "x" * 300_000 + "'\n"},
        "bad.yml:1:1: error: file is 300,144 bytes; a term file may be at most 262,144 bytes",
    ),
    "case-only-slug": (
        {"Inner-Alignment.yml": GOOD.format(name="Inner")},
        "Inner-Alignment.yml:1:1: error: file name 'Inner-Alignment.yml' is not a valid slug "
        "(lowercase ASCII letters and digits in hyphen-separated words): rename to inner-alignment.yml",
    ),
    "unicode-form-names": (
        {
            "cafe-one.yml": GOOD.format(name="Caf\u00e9"),
            "cafe-two.yml": GOOD.format(name="Cafe\u0301"),
        },
        "cafe-two.yml:1:1: error: term name 'Cafe\u0301' is already used by glossary/cafe-one.yml ('Caf\u00e9')",
    ),
    "dots-in-name": (
        {"a..b.yml": GOOD.format(name="Dots")},
        "a..b.yml:1:1: error: file name 'a..b.yml' is not a valid slug (lowercase ASCII letters "
        "and digits in hyphen-separated words): rename to a-b.yml",
    ),
    "space-in-name": (
        {"a b.yml": GOOD.format(name="Space")},
        "a b.yml:1:1: error: file name 'a b.yml' is not a valid slug",
    ),
    "non-ascii-name": (
        {"naïve.yml": GOOD.format(name="Naive")},
        "naïve.yml:1:1: error: file name 'naïve.yml' is not a valid slug",
    ),
    "same-name": (
        {"one.yml": GOOD.format(name="Twin"), "two.yml": GOOD.format(name="twin")},
        "two.yml:1:1: error: term name 'twin' is already used by glossary/one.yml ('Twin')",
    ),
    "same-alias": (
        {
            "one.yml": GOOD.format(name="One") + "aliases: [Shared]\n",
            "two.yml": GOOD.format(name="Two") + "aliases: [shared]\n",
        },
        "two.yml:5:11: error: alias 'shared' is already used by glossary/one.yml ('Shared')",
    ),
    "related-to-self": (
        {"one.yml": GOOD.format(name="One") + "related: [one]\n"},
        "one.yml:5:11: error: a term cannot be related to itself",
    ),
    "related-to-draft": (
        {
            "one.yml": GOOD.format(name="One") + "related: [two]\n",
            "two.yml": GOOD.format(name="Two") + "draft: true\n",
        },
        "one.yml:5:11: error: related term 'two' is a draft and would not be published",
    ),
    "long-name": (
        {"long.yml": GOOD.format(name="x" * 500)},
        "long.yml:1:7: error: term is 500 characters long; the limit is 120",
    ),
    "javascript-link": (
        {"js.yml": GOOD.format(name="Js").replace("Text.", "'[click](javascript:alert(1))'")},
        "js.yml:4:1: error: unsafe link 'javascript:alert(1)' in explanation: links may use http, "
        "https or mailto, or point to another page",
    ),
    "empty-link-then-javascript": (
        {
            "js.yml": GOOD.format(name="Js").replace(
                "Text.", "'See [nothing]() or [click](javascript:alert(1))'"
            )
        },
        "js.yml:4:1: error: unsafe link 'javascript:alert(1)' in explanation: links may use http, "
        "https or mailto, or point to another page",
    ),
    "javascript-reference": (
        {
            "js.yml": GOOD.format(name="Js")
            + "references:\n  - title: T\n    url: 'javascript:alert(1)'\n"
        },
        "js.yml:7:10: error: references[1].url must be an http:// or https:// URL, not 'javascript:alert(1)'",
    ),
}


@pytest.fixture(scope="module")
def good_site(tmp_path_factory) -> Site:
    site = make_site(tmp_path_factory.mktemp("good"))
    site.term("alpha", related=["beta"])
    site.term("beta")
    assert site.build().returncode == 0
    return site


@pytest.mark.parametrize("case", CASES, ids=list(CASES))
def test_bad_input_is_refused_precisely_and_nothing_is_lost(good_site: Site, tmp_path, case):
    files, expected = CASES[case]
    site = Site(tmp_path / "project")
    shutil.copytree(good_site.root, site.root)
    for name, content in files.items():
        site.write(f"glossary/{name}", content)
    sources = {name: tree_digest(site.root / name) for name in ("glossary", "content")}
    built = tree_digest(site.root / "site")

    check = site.check()
    assert check.returncode == 1
    assert f"glossary/{expected}" in check.stderr.splitlines() or any(
        line.startswith(f"glossary/{expected}") for line in check.stderr.splitlines()
    ), check.stderr

    build = site.build()
    output = build.stdout + build.stderr
    assert build.returncode == 1
    assert f"glossary/{expected}" in output, output
    assert "nothing was built" in output
    assert "Traceback" not in output + check.stdout + check.stderr
    assert tree_digest(site.root / "site") == built  # the last good site survives
    assert {name: tree_digest(site.root / name) for name in ("glossary", "content")} == sources


def test_a_byte_order_mark_and_crlf_line_ends_are_fine(site: Site):
    text = "term: Windows term\r\ncategory: core\r\nshort_definition: A term saved by a Windows editor, with a byte-order mark and CRLF.\r\nexplanation: |\r\n  First line.\r\n  Second line.\r\n"
    site.write("glossary/windows-term.yml", b"\xef\xbb\xbf" + text.encode())
    result = site.build()
    assert result.returncode == 0, result.stderr
    page = site.page("glossary/windows-term/")
    assert page.css_first("h1").text() == "Windows term"
    assert "First line. Second line." in page.css_first("article").text(deep=True).replace(
        "\n", " "
    )


def test_thousands_of_terms_in_one_category(tmp_path):
    folder = tmp_path / "glossary"
    site = make_site(tmp_path)
    for n in range(3000):
        site.term(f"term-{n}", term=f"Term {n}")
    glossary = load_glossary(folder, root=tmp_path)
    graph = TermGraph(glossary)
    assert len(graph.by_category["core"]) == 3000
    page = PageWriter(graph, Path(__file__).parent.parent / "overrides/markdown", "x").category(
        glossary.categories["core"]
    )
    assert page.count("\n- [Term ") == 3000
