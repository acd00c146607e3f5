"""Parsed term files are kept in .cache/ between runs; what editors see never depends on it."""

from __future__ import annotations

import pickle
import shutil
from pathlib import Path

from sitebuilder import Site
from termbase.reading import cache as parse_cache
from termbase.reading.cache import CACHE_FILE, ParseCache

BROKEN = "term: Beta\ncategory: core\nshort_definition: Too short.\nrelatd: [alpha]\n"


def outcome(site: Site) -> tuple[int, str, str]:
    result = site.check()
    timing = result.stdout.rsplit(", checked in", 1)[0]  # the time differs run to run
    return result.returncode, timing, result.stderr


def test_a_second_check_reports_exactly_what_the_first_did(site: Site):
    site.term("alpha")
    site.write("glossary/beta.yml", BROKEN)
    first = outcome(site)
    assert (site.root / CACHE_FILE).is_file()
    assert first[0] == 1 and "relatd" in first[2]
    assert outcome(site) == first


def test_an_edited_file_is_parsed_again(site: Site):
    site.term("alpha")
    site.write("glossary/beta.yml", BROKEN)
    assert outcome(site)[0] == 1
    site.term("beta", related=["alpha"])
    code, stdout, stderr = outcome(site)
    assert code == 0, stderr
    assert stdout.startswith("ok: 2 term files")


def test_a_damaged_or_foreign_cache_is_ignored_and_replaced(site: Site):
    site.term("alpha")
    site.write("glossary/beta.yml", BROKEN)
    expected = outcome(site)
    cache = site.root / CACHE_FILE
    for damaged in (
        b"not a pickle",
        pickle.dumps(("another version", {"x": 1})),
        pickle.dumps([1]),
        b"",
    ):
        cache.write_bytes(damaged)
        assert outcome(site) == expected
        assert cache.read_bytes() != damaged


def test_a_build_uses_the_cache_and_writes_nothing_beside_the_sources(site: Site):
    site.term("alpha")
    site.term("beta", related=["alpha"])
    sources = {p: p.read_bytes() for p in site.root.rglob("*") if p.is_file()}
    assert site.build().returncode == 0
    assert (site.root / CACHE_FILE).is_file()
    assert {p: p.read_bytes() for p in sources} == sources
    written = {p for p in site.root.rglob("*") if p.is_file()} - set(sources)
    assert {p.relative_to(site.root).parts[0] for p in written} == {"site", ".cache"}


def test_the_cache_holds_every_term_file_when_check_returns(site: Site):
    for n in range(450):  # enough files for worker processes
        site.term(f"term-{n:03}")
    site.write("glossary/broken.yml", BROKEN)
    assert site.check().returncode == 1
    folder = (site.root / CACHE_FILE).parent
    assert [p.name for p in folder.iterdir()] == [CACHE_FILE.name]  # no temporary file left
    entries = ParseCache(site.root).entries
    assert sorted(path for path, _hash in entries) == sorted(
        f"glossary/{p.name}" for p in (site.root / "glossary").glob("[!_]*.yml")
    )


def test_any_new_or_changed_module_of_the_package_drops_the_cache(tmp_path: Path, monkeypatch):
    """A new rule module must not be served results parsed without it."""
    package = tmp_path / "termbase"
    shutil.copytree(parse_cache.PACKAGE, package, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(parse_cache, "PACKAGE", package)
    before = parse_cache.code_version()
    (package / "reading" / "new_rule.py").write_text("RULE = 1\n")
    added = parse_cache.code_version()
    (package / "reading" / "new_rule.py").write_text("RULE = 2\n")
    assert len({before, added, parse_cache.code_version()}) == 3
