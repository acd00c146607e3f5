"""A cold `glossary check` parses on every core; what editors see must not depend on it."""

from __future__ import annotations

import time

import pytest

from sitebuilder import Site
from termbase.model import GlossaryError
from termbase.parallel import parallel_map
from termbase.reading.load import load_glossary
from termbase.reading.parse import TermParser


def outcome(site: Site, workers: int) -> tuple[dict, list[str]]:
    try:
        parser = TermParser(workers=workers)
        glossary = load_glossary(site.root / "glossary", root=site.root, parser=parser)
    except GlossaryError as err:
        return {}, [str(p) for p in err.problems]
    return glossary.terms, [str(p) for p in glossary.warnings]


def test_two_processes_find_what_one_finds(site: Site):
    for n in range(450):
        site.term(f"term-{n:03}", related=[f"term-{(n + 7) % 450:03}"])
    site.term("term-010", aliases=["Shared name"])  # clashes with a file in the other half
    site.term("term-400", aliases=["shared-name"], relatd=["term-001"])
    site.write("glossary/term-200.yml", "term: [unclosed\n")
    site.term("term-300", references=[{"title": "T", "url": "http://[a.example/"}])
    serial = outcome(site, workers=1)
    assert len(serial[1]) == 5, serial[1]  # term-193 is related to the unreadable term-200
    assert outcome(site, workers=2) == serial

    for n in (10, 200, 300, 400):
        site.term(f"term-{n:03}", related=[f"term-{(n + 7) % 450:03}"])
    terms, warnings = outcome(site, workers=2)
    assert len(terms) == 450 and warnings == []
    assert (terms, warnings) == outcome(site, workers=1)
    assert all(t.lines == terms[t.slug].lines for t in outcome(site, workers=1)[0].values())


def slow_str(n: int) -> str:
    time.sleep(0.0005)  # long enough for both workers to take chunks
    return str(n)


def test_parallel_map_keeps_the_order_of_the_items():
    items = list(range(1000))
    assert parallel_map(slow_str, items, 2) == [str(n) for n in items]


def fails_late(n: int) -> str:
    if n >= 900:
        raise ValueError(f"item {n}")
    return slow_str(n)


def test_parallel_map_raises_when_a_worker_fails():
    with pytest.raises(ValueError, match="item 9"):
        parallel_map(fails_late, list(range(1000)), 2)
