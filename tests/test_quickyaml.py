"""The quick reader of the common term-file layout reads exactly what the libyaml reader reads,
at the same places, or leaves the file to it: never a different value, and never a file that
libyaml refuses."""

from __future__ import annotations

import datetime as dt

import pytest
import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from sitebuilder import GLOSSARY, PROJECT, make_site, run
from termbase.model import Problem
from termbase.quickyaml import read_common
from termbase.yamlnodes import read_events, read_yaml
from termbase.yamlvalue import Value


def _located(value: Value, path: str = "") -> list[tuple]:
    """Every value's path, place, key place, type and (for scalars) data, in order."""
    found = [(path, value.line, value.column, value.key_line, value.key_column)]
    data = value.data
    if isinstance(data, dict):
        for key, item in data.items():
            found += _located(item, f"{path}.{key}")
    elif isinstance(data, list):
        for number, item in enumerate(data):
            found += _located(item, f"{path}[{number}]")
    else:
        found.append((type(data).__name__, data))
    return found


def quick_read_same(text: str) -> bool:
    """True if the quick reader read `text`, which it may do only as libyaml's reader does."""
    quick = read_common(text)
    if quick is None:
        return False
    slow = read_events(text, "x.yml")
    assert isinstance(slow, Value), f"the quick reader read a file libyaml refuses: {slow}"
    assert not slow.problems, slow.problems
    assert _located(quick) == _located(slow)
    return True


# --- the layouts editors write, each read by the quick reader --------------------------------

COMMON = {
    "flow lists and folded text": (
        "term: Mesa-optimization\n"
        "aliases: [mesa-optimisation, Mesa optimisation]\n"
        "short_definition: >-\n"
        "  When training produces a model that is itself an optimizer,\n"
        "  searching for actions.\n"
        "related: []\n"
    ),
    "literal text with paragraphs, lists and headings": (
        "explanation: |\n"
        "  ## Heading\n"
        "\n"
        "  First paragraph: with a colon # and a hash.\n"
        "    an indented line\n"
        "  - a Markdown list item\n"
        "\n"
        "\n"
        "  Last line.\n"
        "\n"
        "term: After\n"
    ),
    "folded text with blank lines": "a: >\n  one\n  two\n\n  three\n\n\n  four\nb: x\n",
    "block text at the end without a line break": "a: |-\n  one\n  two",
    "clipped text at the end of the file": "a: |\n  one\n",
    "lists of mappings, indentless and indented": (
        "faq:\n"
        "- question: Why?\n"
        "  answer: Because the text goes on\n"
        "    over a second line.\n"
        "references:\n"
        "  - title: 'A ''quoted'' title: with a colon'\n"
        "    authors: [A. Author, B. Author]\n"
        "    year: 2019\n"
        "    url: https://arxiv.org/abs/1906.01820\n"
    ),
    "nested mapping, dates, booleans": (
        "seo:\n  title: Title\n  description: Words.\nlast_reviewed: 2026-11-25\ndraft: false\n"
    ),
    "comments and blank lines": (
        "# A header comment\n\nterm: x\n\n  # an indented comment\naliases: []\n# trailing\n"
    ),
    "unicode text": "term: Überraschung — 学习 😀\nshort_definition: café, naïve\n",
}


@pytest.mark.parametrize("text", COMMON.values(), ids=COMMON.keys())
def test_the_quick_reader_reads_the_common_layout_as_libyaml_does(text):
    assert quick_read_same(text)


def test_the_quick_reader_reads_every_term_file_of_the_starter_glossary():
    files = sorted((PROJECT / "glossary").glob("*.yml"))
    assert len(files) > 20
    assert [f.name for f in files if not quick_read_same(f.read_text(encoding="utf-8"))] == []


def test_the_quick_reader_reads_the_file_glossary_new_writes(tmp_path):
    make_site(tmp_path)
    result = run([*GLOSSARY, "new", "Reward model"], tmp_path)
    assert result.returncode == 0, result.stderr
    assert quick_read_same((tmp_path / "glossary" / "reward-model.yml").read_text())


UNUSUAL = {
    "tab": "a:\tb\n",
    "comment after a value": "a: b # note\n",
    "anchor": "a: &x b\nc: *x\n",
    "tag": "a: !!str 1\n",
    "escape": 'a: "line\\nbreak"\n',
    "multi-line quoted text": "a: 'one\n  two'\n",
    "null": "a: ~\nb:\n",
    "float": "a: 1.5\n",
    "octal-looking number": "a: 012\n",
    "impossible date": "a: 2026-02-30\n",
    "boolean key": "yes: 1\n",
    "duplicate key": "a: 1\na: 2\n",
    "document marker": "---\na: 1\n",
    "keep chomping": "a: |+\n  x\n\n",
    "indentation indicator": "a: |2\n   x\n",
    "more-indented folded line": "a: >\n  x\n    y\n",
    "flow mapping": "a: {b: c}\n",
    "carriage return": "a: b\r\nc: d\r\n",
    "byte-order mark inside": "a: b\ufeff\n",
    "no-break space": "a: b\xa0c\n",
    "indented root": "  a: b\n",
    "list at the root": "- a\n- b\n",
}


@pytest.mark.parametrize("text", UNUSUAL.values(), ids=UNUSUAL.keys())
def test_the_quick_reader_leaves_unusual_files_to_libyaml(text):
    assert read_common(text) is None


def test_deep_nesting_is_refused_with_a_located_error_not_a_stack_overflow():
    """700 mappings inside each other fit in a term file's 256 KB: Python's recursion limit
    must not be what stops the readers."""
    text = "".join(" " * n + "k:\n" for n in range(700)) + " " * 700 + "v: x\n"
    assert read_common(text) is None
    problem = read_yaml(text.encode(), "x.yml")
    assert isinstance(problem, Problem)
    assert str(problem) == "x.yml:51:51: error: lists and mappings nested more than 50 deep"


# --- generated files --------------------------------------------------------------------------

# Mostly words, sometimes with the characters that mean something in YAML.
_words = st.text(alphabet="abcxyz ABC 0129 .,-é学😀", max_size=30)
_marked = st.text(alphabet="ab yz019-:#'\",[]{}&*!|>%@`?~.\\\n", max_size=16)
_texts = (
    _words
    | _words
    | _marked
    | st.sampled_from(
        ["yes", "No", "null", "~", "2019", "0x1F", "012", "1.5", "2026-05-05", "2026-02-30", "a: b"]
    )
)
_friendly = _words | st.integers(1000, 2100) | st.dates() | st.booleans()
_scalars = _friendly | _texts | st.one_of(st.integers(-5, 99), st.none(), st.floats(-2, 2))
_keys = st.sampled_from(
    ["term", "aliases", "explanation", "faq", "question", "answer", "year", "url", "x-y", "_k"]
)
_values = st.recursive(
    _friendly | _friendly | _scalars,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(_keys, inner, min_size=1, max_size=4)
    ),
    max_leaves=14,
)
_documents = st.dictionaries(_keys, _values, min_size=1, max_size=6)


class _StyledDumper(yaml.SafeDumper):
    """Writes every text value in one style: plain where it can, quoted, literal or folded."""

    text_style: str | None = None

    def represent_str(self, data: str) -> yaml.ScalarNode:
        return self.represent_scalar("tag:yaml.org,2002:str", data, style=self.text_style)

    def represent_mapping(self, tag, mapping, flow_style=None) -> yaml.MappingNode:
        node = super().represent_mapping(tag, mapping, flow_style)
        for key, _value in node.value:
            key.style = None  # keys plain, as editors write them
        return node


_StyledDumper.add_representer(str, _StyledDumper.represent_str)


def _dump(document: dict, style: str | None, width: int, flow: bool | None, indent: int) -> str:
    return yaml.dump(
        document,
        Dumper=type("Dumper", (_StyledDumper,), {"text_style": style}),
        width=width,
        default_flow_style=flow,
        indent=indent,
        allow_unicode=True,
        sort_keys=False,
    )


_SETTINGS = settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@_SETTINGS
@given(
    document=_documents,
    style=st.sampled_from([None, None, "|", ">", "'", '"']),
    width=st.integers(12, 120),
    flow=st.sampled_from([False, False, None]),
    indent=st.sampled_from([2, 3, 4]),
)
@example({"a": "one\n\ntwo\n"}, ">", 80, False, 2)
@example({"a": [{"b": "x y z " * 5, "c": [dt.date(2026, 1, 2), 2019, True]}]}, None, 20, False, 4)
def test_the_quick_reader_reads_dumped_files_as_libyaml_does(document, style, width, flow, indent):
    quick_read_same(_dump(document, style, width, flow, indent))


_EDITS = [" ", "  ", "\n", "\n  ", "\n\n", "#", " #", ": ", "- ", "-", "'", '"', "''", "\t"]
_EDITS += ["|", ">", "[", "]", ",", "&a ", "!!str ", "? ", "---\n", "...\n", "%", "\\", "~"]
_EDITS += ["\r", "\xa0", "\ufeff", "\u2028", "\x85", "é"]


@_SETTINGS
@given(
    document=_documents,
    style=st.sampled_from([None, "|", ">", "'"]),
    edits=st.lists(st.tuples(st.floats(0, 1), st.sampled_from(_EDITS)), min_size=1, max_size=2),
)
def test_the_quick_reader_never_reads_an_edited_file_differently(document, style, edits):
    """Slips an editor could make, inserted anywhere: the quick reader reads the result as
    libyaml does, or leaves it to libyaml (which may then refuse it)."""
    text = _dump(document, style, 60, False, 2)
    for where, edit in edits:
        at = int(where * len(text))
        text = text[:at] + edit + text[at:]
    quick_read_same(text)
