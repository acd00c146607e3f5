"""The benchmark's synthetic glossary: the same seed gives the same files, and they are valid.

A benchmark that changed its input between runs, or fed the build term files the checker
rejects, would measure nothing; timings themselves are never asserted.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
import yaml

from sitebuilder import GLOSSARY, MKDOCS, PROJECT, run

sys.path.insert(0, str(PROJECT / "bench"))

from generate import generate_project, with_search_engine, write_floor  # noqa: E402
from handwritten import pagefind_build, write_handwritten  # noqa: E402
from translation import add_translation  # noqa: E402
from vocabulary import PROSE_WORDS  # noqa: E402
from writer import Writer  # noqa: E402


def files_of(folder: Path) -> dict[str, bytes]:
    return {
        str(f.relative_to(folder)): f.read_bytes() for f in sorted(folder.rglob("*")) if f.is_file()
    }


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    return generate_project(tmp_path_factory.mktemp("bench") / "project", 50, seed=3)


def test_the_same_seed_writes_the_same_files(project: Path, tmp_path: Path):
    again = generate_project(tmp_path / "again", 50, seed=3)
    other = generate_project(tmp_path / "other", 50, seed=4)
    assert files_of(again) == files_of(project)
    assert files_of(other) != files_of(project)


def test_the_generated_terms_pass_glossary_check(project: Path):
    result = run([*GLOSSARY, "check"], project)
    assert result.returncode == 0, result.stderr
    assert "ok: 50 term files (50 published, 0 drafts), 8 categories, 0 warning(s)" in (
        result.stdout
    )


def test_terms_look_like_a_real_glossary(project: Path):
    terms = [
        yaml.safe_load(f.read_text(encoding="utf-8"))
        for f in sorted((project / "glossary").glob("[!_]*.yml"))
    ]
    names = {t["term"].lower() for t in terms}
    aliases = [a.lower() for t in terms for a in t.get("aliases", [])]
    assert len(aliases) == len(set(aliases)) and not names & set(aliases)
    for term in terms:
        assert 150 <= len(term["explanation"].split()) <= 600, term["term"]
        assert 2 <= len(term["related"]) <= 5
        assert all(r["url"].startswith("https://example.org/") for r in term["references"])
    # prose is varied, and names other terms, some in the plural
    words = " ".join(t["explanation"] for t in terms).lower()
    assert len(set(re.findall(r"[a-z]+", words))) > 200
    mentioned = [n for n in names if n in words]
    assert len(mentioned) > 25
    assert any(n.rsplit(" ", 1)[0] + " " in words and n + "s " in words for n in names)
    assert len({t["category"] for t in terms}) == 8
    assert len(list((project / "content" / "articles").glob("*.md"))) == 20


def test_the_project_and_its_floor_build_strictly(project: Path, tmp_path: Path):
    floor = write_floor(project, tmp_path / "floor")
    config = yaml.safe_load((floor / "mkdocs.yml").read_text(encoding="utf-8"))
    assert "hooks" not in config and "custom_dir" not in config["theme"]
    for folder in (project, floor):
        result = run([*MKDOCS, "build", "--strict"], folder)
        assert result.returncode == 0, result.stderr
    term = "glossary/" + sorted((project / "glossary").glob("[!_]*.yml"))[0].stem
    for folder in (project, floor):
        assert (folder / "site" / term / "index.html").is_file()
    # the glossary links mentions automatically; the floor is plain Markdown without them
    glossary_page = (project / "site" / term / "index.html").read_text(encoding="utf-8")
    floor_page = (floor / "site" / term / "index.html").read_text(encoding="utf-8")
    assert "glossary-term" in glossary_page and "glossary-term" not in floor_page


def test_the_hand_written_floor_has_every_term_and_builds_strictly(project: Path, tmp_path: Path):
    hand = write_handwritten(project, tmp_path / "hand")
    config = yaml.safe_load((hand / "mkdocs.yml").read_text(encoding="utf-8"))
    assert "hooks" not in config and "custom_dir" not in config["theme"]
    result = run([*MKDOCS, "build", "--strict"], hand)
    assert result.returncode == 0, result.stderr
    index = (hand / "site" / "glossary" / "index.html").read_text(encoding="utf-8")
    for path in sorted((project / "glossary").glob("[!_]*.yml")):
        term = yaml.safe_load(path.read_text(encoding="utf-8"))
        page = (hand / "site" / "glossary" / path.stem / "index.html").read_text(encoding="utf-8")
        assert term["term"] in page and f'href="{path.stem}/"' in index
        for related in term.get("related", []):
            assert f'href="../{related}/"' in page
    # none of the generated extras: no category pages, concept maps or JSON
    assert not (hand / "site" / "glossary" / "category").exists()
    assert "glossary-map" not in page and not (hand / "site" / "glossary.json").exists()


def test_the_hand_written_floor_searched_by_pagefind_has_pagefind_index_only(
    project: Path, tmp_path: Path
):
    """Floor (d) pays for Pagefind, as the glossary does, and not for lunr as well."""
    hand = write_handwritten(project, tmp_path / "hand", pagefind=True)
    site = hand / "site"
    result = run(
        pagefind_build([*MKDOCS, "build", "--strict", "--site-dir", str(site)], site), hand
    )
    assert result.returncode == 0, result.stderr
    assert (site / "pagefind" / "pagefind.js").is_file()
    assert not (site / "search" / "search_index.json").exists()
    fragments = list((site / "pagefind" / "fragment").glob("*.pf_fragment"))
    assert len(fragments) > 50  # every term page, the index and the articles


def test_the_glossary_searched_by_lunr_has_lunr_index_only(project: Path, tmp_path: Path):
    """Build (a') searches as floors (b) and (c) do, so a' / c compares like with like."""
    copy = with_search_engine(project, tmp_path / "lunr", "lunr")
    assert files_of(copy / "glossary") == files_of(project / "glossary")
    result = run([*MKDOCS, "build", "--strict"], copy)
    assert result.returncode == 0, result.stderr
    index = (copy / "site" / "search" / "search_index.json").read_text(encoding="utf-8")
    assert '"location":"glossary/' in index  # the term pages are in it
    assert not (copy / "site" / "pagefind").exists()


def test_no_alias_is_a_word_of_the_prose():
    """An acronym such as 'NOT' would be linked from every page and skew the benchmark."""
    writer = Writer(2000, seed=5)
    writer.plan()
    written = " ".join(writer.sentence() for _ in range(3000)).lower()
    assert set(re.findall(r"[a-z]+", written)) <= PROSE_WORDS
    one_word = [a for p in writer.plans for a in p.aliases if " " not in a]
    assert len(one_word) > 100
    assert not {a.lower() for a in one_word} & PROSE_WORDS


def test_the_translated_project_is_up_to_date_and_links_its_own_names(tmp_path: Path):
    """The second language bench/languages.py measures: every term translated, in step."""
    project = add_translation(generate_project(tmp_path / "two", 50, seed=3), 50, seed=3)
    result = run([*GLOSSARY, "check"], project)
    assert result.returncode == 0, result.stderr
    assert "50 translations (fr 50)" in result.stdout and " 0 warning(s)" in result.stdout
    english = {
        p.stem: yaml.safe_load(p.read_text("utf-8"))
        for p in (project / "glossary").glob("[!_]*.yml")
    }
    french = {
        p.stem: yaml.safe_load(p.read_text("utf-8"))
        for p in (project / "glossary/fr").glob("[!_]*.yml")
    }
    assert french.keys() == english.keys()
    assert not {t["term"].lower() for t in french.values()} & {
        t["term"].lower() for t in english.values()
    }
    result = run([*MKDOCS, "build", "--strict"], project)
    assert result.returncode == 0, result.stderr
    # French prose links French names to the French pages (../slug/, not ../../../glossary/)
    names = {t["term"].lower() for t in french.values()}
    linked = []
    for slug in french:
        page = (project / "site/fr/glossary" / slug / "index.html").read_text("utf-8")
        linked += re.findall(
            r'<a class="glossary-term" href="\.\./([a-z0-9-]+)/"[^>]*>([^<]+)</a>', page
        )
    assert len(linked) > 50
    assert all(slug in french for slug, _ in linked)
    assert sum(text.lower() in names for _, text in linked) > len(linked) / 2
