"""A cold `glossary check` parses on every core; what editors see must not depend on it."""

from __future__ import annotations

import dataclasses
import datetime as dt
import time
from pathlib import Path

import pytest

from sitebuilder import PROJECT, Site
from termbase import termcodec
from termbase.forkmap import CHUNK, fork_map
from termbase.load import load_glossary
from termbase.model import Faq, GlossaryError, Location, Problem, Reference, Seo, Term


def outcome(site: Site, workers: int) -> tuple[dict, list[str]]:
    try:
        glossary = load_glossary(site.root / "glossary", root=site.root, workers=workers)
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
    time.sleep(0.0005)  # long enough for every process to take chunks
    return str(n)


def test_fork_map_keeps_the_order_of_the_items():
    items = list(range(1000))
    assert fork_map(str, items, 2) == [str(n) for n in items]
    # Results made in workers travel as `send` makes them and come back through `receive`:
    # this process and the workers take chunks of items in turn, each in order.
    results = fork_map(slow_str, items, 3, send=int, receive=float)
    assert [int(r) for r in results] == items
    done_here = [r for r in results if isinstance(r, str)]
    assert 0 < len(done_here) < len(items)
    assert len(done_here) % CHUNK == 0


def fails_late(n: int) -> str:
    if n >= 900:
        raise ValueError(f"item {n}")
    return slow_str(n)


def test_fork_map_raises_when_a_worker_fails():
    # Whichever process takes the last chunk, the failure is not lost in a worker.
    with pytest.raises((ValueError, RuntimeError), match="item 9"):
        fork_map(fails_late, list(range(1000)), 2)


def every_field_set() -> Term:
    return Term(
        slug="mesa",
        term="Mesa-optimizer",
        category="core",
        short_definition="A learned optimizer.",
        explanation="Explained.\n",
        source=Path("glossary/mesa.yml"),
        aliases=("Mesa optimiser", "Inner optimizer"),
        related=("inner-alignment",),
        faq=(Faq("Why?", "Because."),),
        references=(Reference("Risks", "https://arxiv.org/abs/1906.01820", ("Hubinger",), 2019),),
        last_reviewed=dt.date(2026, 5, 5),
        seo=Seo("Title", "Description"),
        draft=True,
        lines={"term": (1, 1), "related.1": (5, 11)},
    )


@pytest.mark.parametrize(
    "term",
    [every_field_set(), None, *load_glossary(PROJECT / "glossary", root=PROJECT).terms.values()],
    ids=lambda term: term.slug if term else "unusable",
)
def test_a_term_comes_back_from_the_codec_unchanged(term: Term | None):
    problems = [Problem(Location("glossary/x.yml", 3, 7), "wrong", "warning")]
    decoded, found = termcodec.decode(termcodec.encode((term, problems)))
    assert found == problems
    assert decoded == term
    if term is not None:
        assert decoded.lines == term.lines  # not compared by ==


def test_the_codec_carries_every_field_of_a_term():
    encoded = termcodec.encode((every_field_set(), []))[0]
    assert len(encoded) == len(dataclasses.fields(Term))
