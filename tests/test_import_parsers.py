"""The importers' parsers on random input (hypothesis): a spreadsheet's rows come back as terms,
and a Sphinx glossary never crashes the parser, whose problems are located.
"""

from __future__ import annotations

import csv
import io

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sitebuilder import PROJECT
from termbase.importers.entries import Context
from termbase.importers.sphinx import glossary_blocks, read_sphinx
from termbase.importers.spreadsheet import read_csv

FIXTURES = PROJECT / "tests" / "fixtures" / "import"


_cell = st.text(
    alphabet=st.characters(blacklist_categories=["Cs", "Cc"], blacklist_characters=";|"),
    max_size=30,
)
_word = st.text(alphabet="abcdefghijklmnopqrstuvwxyz ", min_size=1, max_size=20).filter(str.strip)


@settings(max_examples=150, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    rows=st.lists(
        st.tuples(_word, _cell.filter(str.strip), st.lists(_word, max_size=2)),
        max_size=6,
        unique_by=lambda r: r[0].strip(),
    )
)
def test_csv_round_trip(rows, tmp_path_factory):
    """What a spreadsheet holds comes back: names, definitions (spacing aside), aliases."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["Term", "Definition", "Aliases"])
    for name, definition, aliases in rows:
        writer.writerow([name, definition, "; ".join(a.strip() for a in aliases)])
    path = tmp_path_factory.mktemp("csv") / "sheet.csv"
    path.write_text(buffer.getvalue(), encoding="utf-8")
    context = Context()
    entries = read_csv(path, "sheet.csv", context)
    assert [p for p in context.problems if p.level == "error"] == []
    assert [(e.name, e.aliases) for e in entries] == [
        (" ".join(n.split()), [a.strip() for a in aliases]) for n, _, aliases in rows
    ]
    for entry, (_, definition, _) in zip(entries, rows, strict=True):
        assert " ".join(definition.split()).startswith(entry.definition.rstrip("\u2026."))


_rst_line = st.one_of(
    st.just(""),
    st.just(".. glossary::"),
    st.sampled_from(
        [
            "   term",
            "   ``>>>``",
            "      A definition.",
            "      See :term:`term`.",
            "      code::",
            "         x = 1",
            "      .. index:: x",
            "  odd",
            ":sorted:",
        ]
    ),
    st.text(alphabet=" .:`*<>_\\-abc\t", max_size=20),
)


@settings(max_examples=300, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(lines=st.lists(_rst_line, max_size=25))
def test_sphinx_parsing_never_crashes_and_locates_every_problem(lines, tmp_path_factory):
    text = "\n".join(lines)
    entries, problems = glossary_blocks(text)
    assert all(1 <= line <= len(lines) for line, _ in problems)
    path = tmp_path_factory.mktemp("rst") / "g.rst"
    path.write_text(text, encoding="utf-8")
    context = Context()
    for entry in read_sphinx(path, "g.rst", context):
        assert 1 <= entry.where.line <= len(lines)
    assert all(
        p.location.path == "g.rst" and 1 <= p.location.line <= max(len(lines), 1)
        for p in context.problems
    )
