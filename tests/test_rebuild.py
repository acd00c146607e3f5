"""Under `mkdocs serve`, a rebuild reuses pages whose inputs did not change, and writes
exactly the site a fresh `mkdocs build` writes.

Builds run in this process, as serve runs them: one process, a fresh config each time.
"""

from __future__ import annotations

import filecmp
import logging
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from sitebuilder import PROJECT
from termbase.engine import rebuild


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of the project's own site (32 terms, hand-written pages, its templates)."""
    root = tmp_path / "project"
    for folder in ("content", "glossary", "overrides"):
        shutil.copytree(PROJECT / folder, root / folder)
    config = (PROJECT / "mkdocs.yml").read_text(encoding="utf-8")
    hooks = str(PROJECT / "hooks" / "site.py")
    (root / "mkdocs.yml").write_text(config.replace("hooks/site.py", hooks), encoding="utf-8")
    return root


@pytest.fixture
def serving(monkeypatch):
    """A serve session, as `mkdocs serve` starts one, ended after the test."""
    monkeypatch.setattr(rebuild, "_session", None)
    rebuild.start_session()
    session = rebuild.session()
    yield
    session.tail.stop()
    logging.getLogger("mkdocs").removeHandler(session.warnings)
    monkeypatch.setattr(rebuild, "_session", None)


def build_into(
    root: Path, site_dir: Path, caplog, strict: bool = True, settle: bool = True
) -> list[str]:
    """Build `root` into `site_dir` in this process; return the log messages. Under serve,
    with `settle`, wait for the JSON files and the search index it writes after returning."""
    caplog.clear()
    config = load_config(
        config_file=str(root / "mkdocs.yml"), site_dir=str(site_dir), strict=strict
    )
    with caplog.at_level(logging.INFO):
        build(config)
        if settle and (session := rebuild.session()) is not None:
            session.tail.wait()
    return [r.getMessage() for r in caplog.records if r.levelno >= logging.INFO]


def replace_in(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def different_files(one: Path, other: Path) -> list[str]:
    """Relative paths that differ between two built sites, or exist in only one.

    Pagefind's index is left out: its file names differ from one run to the next over the
    same pages (three runs here, three sets of names); the pages it indexes are compared."""
    compared = filecmp.dircmp(one, other, ignore=["pagefind"])
    found: list[str] = []

    def walk(cmp: filecmp.dircmp, prefix: str) -> None:
        found.extend(prefix + name for name in cmp.left_only + cmp.right_only)
        _, mismatch, errors = filecmp.cmpfiles(cmp.left, cmp.right, cmp.common_files, shallow=False)
        found.extend(prefix + name for name in mismatch + errors)
        for name, sub in cmp.subdirs.items():
            walk(sub, f"{prefix}{name}/")

    walk(compared, "")
    return found


EDITS: dict[str, Callable[[Path], None]] = {
    "explanation of one term": lambda root: replace_in(
        root / "glossary/mesa-optimizer.yml",
        "explanation: |\n",
        "explanation: |\n  A new line.\n\n",
    ),
    "short definition (the tooltip of every link to it)": lambda root: replace_in(
        root / "glossary/inner-alignment.yml", "merely worked", "only worked"
    ),
    "related terms (related lists and concept maps)": lambda root: replace_in(
        root / "glossary/sandbagging.yml", "related: [", "related: [goodharts-law, "
    ),
    "a new alias (term links on every page)": lambda root: replace_in(
        root / "glossary/reward-hacking.yml", "aliases: [", "aliases: [reward signal, "
    ),
    "a term file added": lambda root: (root / "glossary/reward-signal.yml").write_text(
        "term: Reward signal\ncategory: failure-modes\nshort_definition: The number a reinforcement"
        " learning agent is given after each action, scoring it by the designer's measure.\n"
        "explanation: |\n  What reward hacking exploits.\nrelated: [reward-hacking]\n",
        encoding="utf-8",
    ),
    "a see entry added (its name links on every page)": lambda root: (
        root / "glossary/learned-optimizer.yml"
    ).write_text("term: Learned optimizer\nsee: mesa-optimizer\n", encoding="utf-8"),
    "a hand-written page": lambda root: replace_in(
        root / "content/about.md", "\n## ", "\nA new paragraph about mesa-optimization.\n\n## "
    ),
    "a lesson's summary (its card on other lessons and on term pages)": lambda root: replace_in(
        root / "content/lessons/evidence-on-deception.md", "  summary: ", "  summary: Revised. "
    ),
    "a template": lambda root: replace_in(
        root / "overrides/term.html", '{{ _("Related terms") }}</h2>', "Related ideas</h2>"
    ),
}


@pytest.mark.parametrize("edit", EDITS.values(), ids=EDITS.keys())
def test_a_rebuild_writes_what_a_fresh_build_writes(project, tmp_path, serving, caplog, edit):
    served = tmp_path / "served"
    build_into(project, served, caplog)
    edit(project)
    build_into(project, served, caplog)

    rebuild._session = None  # a fresh build, as `mkdocs build` makes it
    fresh = tmp_path / "fresh"
    build_into(project, fresh, caplog)
    assert different_files(served, fresh) == []


def test_an_edit_while_serve_still_writes_the_search_index_gives_the_whole_site(
    project, tmp_path, serving, caplog
):
    """Serve writes the JSON files and the search index after a rebuild has returned; the
    next rebuild, begun at once, stops that work and writes the whole site itself."""
    served = tmp_path / "served"
    build_into(project, served, caplog, settle=False)
    EDITS["explanation of one term"](project)
    build_into(project, served, caplog)
    assert (served / "pagefind" / "pagefind.js").is_file()
    assert not any("could not be" in m for m in caplog.messages), caplog.messages

    rebuild._session = None
    fresh = tmp_path / "fresh"
    build_into(project, fresh, caplog)
    assert different_files(served, fresh) == []


def test_editing_one_term_reuses_every_page_it_does_not_show_on(project, tmp_path, serving, caplog):
    served = tmp_path / "served"
    build_into(project, served, caplog)
    EDITS["explanation of one term"](project)
    messages = build_into(project, served, caplog)
    # pages of the site (the editors' form at admin/ is a copied file, not a page)
    pages = len([p for p in served.rglob("index.html") if p.parent != served / "admin"])
    # the term's own page, and the index pages unchanged: its definition is unchanged too
    assert f"Reused {pages - 1} of {pages} pages unchanged since the last build" in messages
    assert "A new line." in (served / "glossary/mesa-optimizer/index.html").read_text()


def test_a_page_that_warned_warns_again_on_every_rebuild(project, tmp_path, serving, caplog):
    replace_in(
        project / "glossary/mesa-optimizer.yml",
        "explanation: |\n",
        "explanation: |\n  See ![nowhere](../missing.png).\n\n",
    )
    served = tmp_path / "served"
    for _ in range(3):
        messages = build_into(project, served, caplog, strict=False)
        assert any("missing.png" in m for m in messages), messages
