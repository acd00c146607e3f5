"""Parsed term files are kept in .cache/ between runs; what editors see never depends on it."""

from __future__ import annotations

import contextlib
import marshal

from sitebuilder import Site
from termbase import termcodec
from termbase.load import load_glossary
from termbase.model import GlossaryError
from termbase.parsecache import CACHE_FILE

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
        b"not marshal",
        marshal.dumps(("another version", {"x": 1})),
        marshal.dumps([1]),
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


def test_the_cache_is_complete_when_check_returns(site: Site):
    """A cold check writes the cache from a forked copy while it checks across files: the
    command returns only once every term file is in it, and no temporary file is left."""
    for n in range(450):  # enough files for worker processes
        site.term(f"term-{n:03}")
    site.write("glossary/broken.yml", BROKEN)
    assert site.check().returncode == 1
    folder = (site.root / CACHE_FILE).parent
    assert [p.name for p in folder.iterdir()] == [CACHE_FILE.name]
    version, entries = marshal.loads((site.root / CACHE_FILE).read_bytes())
    assert sorted(path for path, _hash in entries) == sorted(
        f"glossary/{p.name}" for p in (site.root / "glossary").glob("[!_]*.yml")
    )
    # The entries the workers sent went into the cache as sent: the same as encoding what
    # one process reads.
    serial: dict = {}
    with contextlib.suppress(GlossaryError):
        load_glossary(site.root / "glossary", root=site.root, reuse=serial, workers=1)
    assert entries == {key: termcodec.encode(entry) for key, entry in serial.items()}
