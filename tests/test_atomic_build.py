"""A build never leaves a broken site behind: killed, failing strict mode or out of disk, it
leaves the previous site/ byte for byte as it was, and the next build cleans up after it."""

from __future__ import annotations

import hashlib
import os
import resource
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from sitebuilder import MKDOCS, PROJECT, Site, make_site

TERMS = 300  # writing their pages takes seconds: time to be killed halfway
EDITED = "This explanation was edited after the last good build."

# A plugin whose post-build step is slow (a link checker, a deploy): it says when it has
# started, then takes its time, so that a test can stop the build right there.
SLOW_POST_BUILD = """\
import time
from pathlib import Path

def on_post_build(config):
    Path(config.config_file_path).with_name("post-build-started").touch()
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        time.sleep(0.05)
"""


def snapshot(folder: Path) -> dict[str, str | None]:
    """Every file (hashed), folder and link under `folder`, by relative path."""
    found: dict[str, str | None] = {}
    for path in sorted(folder.rglob("*")):
        name = str(path.relative_to(folder))
        if path.is_symlink():
            found[name] = "link:" + os.readlink(path)
        elif path.is_file():
            found[name] = hashlib.sha256(path.read_bytes()).hexdigest()
        else:
            found[name] = None
    return found


def leftovers(site: Site) -> list[str]:
    """Temporary folders of builds beside site/."""
    return sorted(path.name for path in site.root.glob(".site.*"))


def wait_until(condition: Callable[[], bool], seconds: float = 60) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.02)
    return False


def start_build(site: Site, **popen) -> subprocess.Popen:
    """`mkdocs build --strict` in the background, as a user runs it (Ctrl-C included: a
    process started in the background may have inherited SIGINT ignored)."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(PROJECT / "hooks")}
    env.pop("GITHUB_ACTIONS", None)
    popen.setdefault("preexec_fn", lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    return subprocess.Popen(
        [*MKDOCS, "build", "--strict"],
        cwd=site.root,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        **popen,
    )


def finish(process: subprocess.Popen) -> tuple[int, str]:
    out, err = process.communicate(timeout=120)
    return process.returncode, out + err


@pytest.fixture(scope="module")
def built_once(tmp_path_factory) -> Path:
    """A glossary of 300 terms and its good site/, built once and copied for each test."""
    site = make_site(tmp_path_factory.mktemp("atomic") / "project")
    for n in range(TERMS):
        site.term(f"term-{n:03d}", explanation="A few words about this term. " * 40 + "\n")
    result = site.build()
    assert result.returncode == 0, result.stderr
    return site.root


@pytest.fixture
def big(built_once: Path, tmp_path: Path) -> Site:
    root = tmp_path / "project"
    shutil.copytree(built_once, root, symlinks=True)
    return Site(root)


def writing_pages(site: Site) -> bool:
    return len(list(site.root.glob(".site.building-*/glossary/*/index.html"))) >= 50


def parsed_terms(site: Site) -> bool:
    return any((site.root / ".cache").rglob("*"))


def in_post_build(site: Site) -> bool:
    return (site.root / "post-build-started").exists()


def slow_post_build(site: Site) -> None:
    site.write("slow_post_build.py", SLOW_POST_BUILD)
    config = (site.root / "mkdocs.yml").read_text()
    hooks = f"hooks:\n  - {PROJECT / 'hooks' / 'site.py'}\n"
    site.write("mkdocs.yml", config.replace(hooks, hooks + "  - slow_post_build.py\n"))


MOMENTS = {
    "while loading the term files": parsed_terms,
    "while writing pages": writing_pages,
    "during the post-build step": in_post_build,
}


@pytest.mark.parametrize("moment", MOMENTS)
@pytest.mark.parametrize("how", [signal.SIGKILL, signal.SIGINT], ids=["SIGKILL", "Ctrl-C"])
def test_a_killed_build_leaves_the_previous_site_as_it_was(big: Site, moment: str, how: int):
    before = snapshot(big.root / "site")
    big.term("term-000", explanation=EDITED + "\n")
    shutil.rmtree(big.root / ".cache")  # parsed again, so the cache appears while loading
    if moment == "during the post-build step":
        slow_post_build(big)
    build = start_build(big)
    try:
        reached = wait_until(lambda: MOMENTS[moment](big) or build.poll() is not None)
        assert reached and build.poll() is None, "the build ended before it could be killed"
        build.send_signal(how)
        code, output = finish(build)
    finally:
        build.kill()
    assert code != 0, output
    assert snapshot(big.root / "site") == before
    if how == signal.SIGINT:
        assert leftovers(big) == []  # Ctrl-C deletes the new folder on the way out
    elif moment != "while loading the term files":
        assert len(leftovers(big)) == 1  # killed outright: the next build deletes it

    (big.root / "post-build-started").unlink(missing_ok=True)
    big.write("slow_post_build.py", "")  # the next build's post-build step is quick
    result = big.build()
    assert result.returncode == 0, result.stderr
    assert leftovers(big) == []
    assert EDITED in big.page("glossary/term-000/").body.text()


def test_a_failing_strict_build_leaves_the_previous_site_as_it_was(big: Site):
    before = snapshot(big.root / "site")
    big.term("term-000", explanation=EDITED + "\n")
    big.write("content/notes.md", "# Notes\n\nSee [the missing page](missing.md).\n")
    big.add_to_nav("Notes", "notes.md")
    result = big.build()
    assert result.returncode == 1
    assert "'missing.md'" in result.stderr
    assert "warnings in strict mode!" in result.stdout
    assert snapshot(big.root / "site") == before
    assert leftovers(big) == []

    # Without --strict the same warning does not stop the build: the new site is put in place.
    result = big.build(strict=False)
    assert result.returncode == 0, result.stderr
    assert EDITED in big.page("glossary/term-000/").body.text()
    assert leftovers(big) == []


def test_the_glossary_checks_after_writing_keep_the_previous_site(site: Site):
    site.term("alpha")
    site.term("beta")
    assert site.build().returncode == 0
    before = snapshot(site.root / "site")
    site.term("alpha", seo={"title": "Same", "description": "x" * 80})
    site.term("beta", seo={"title": "Same", "description": "x" * 80})
    result = site.build()
    assert result.returncode == 1
    assert "2 pages share the title 'Same | Test Glossary'" in result.stderr
    assert snapshot(site.root / "site") == before
    assert leftovers(site) == []


def test_a_warning_while_loading_the_glossary_keeps_the_previous_site(site: Site):
    """Warned before any page is written (text the new-term template left to write)."""
    site.term("alpha")
    assert site.build().returncode == 0
    before = snapshot(site.root / "site")
    site.term("alpha", explanation="TODO: explain alpha.\n")
    result = site.build()
    assert result.returncode == 1
    assert "explanation still holds the new-term template's 'TODO:' text" in result.stderr
    assert snapshot(site.root / "site") == before
    assert leftovers(site) == []


def file_size_limit(limit: int) -> Callable[[], None]:
    def apply() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return apply


def test_a_full_disk_leaves_the_previous_site_and_says_so(site: Site):
    site.term("alpha")
    assert site.build().returncode == 0
    before = snapshot(site.root / "site")
    # Files bigger than the limit (this page, the CMS bundle): the build fails writing one, as
    # on a full disk.
    paragraph = "A paragraph of many words that goes on and on. " * 40 + "\n\n"
    site.write("content/long.md", "# Long\n\n" + paragraph * 800)
    site.add_to_nav("Long", "long.md")
    code, output = finish(start_build(site, preexec_fn=file_size_limit(1_200_000)))
    assert code == 1
    assert "ERROR   -  cannot write the site: File too large" in output
    assert f"Aborted: {site.root / 'site'} was left as it was." in output
    assert "Traceback" not in output
    assert snapshot(site.root / "site") == before
    assert leftovers(site) == []


def test_the_next_build_deletes_only_folders_of_builds_that_no_longer_run(site: Site):
    site.term("alpha")
    ended = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                           capture_output=True, text=True, check=True)  # fmt: skip
    dead = site.root / f".site.building-{ended.stdout.strip()}"
    alive = site.root / f".site.building-{os.getpid()}"  # this test's own process runs
    for folder in (dead, alive):
        (folder / "glossary").mkdir(parents=True)
        (folder / "index.html").write_text("half a site")
    assert site.build().returncode == 0
    assert leftovers(site) == [alive.name]
    assert (site.root / "site/glossary/alpha/index.html").exists()


def test_a_site_left_aside_by_a_build_killed_mid_swap_is_put_back(site: Site):
    """Without an atomic exchange (not Linux), the swap takes two renames; a build killed
    between them leaves site/ missing and the old site aside: the next build puts it back
    first, even when that build fails."""
    site.term("alpha")
    assert site.build().returncode == 0
    before = snapshot(site.root / "site")
    ended = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                           capture_output=True, text=True, check=True)  # fmt: skip
    pid = ended.stdout.strip()
    (site.root / "site").rename(site.root / f".site.old-{pid}")
    (site.root / f".site.building-{pid}").mkdir()
    site.write("content/notes.md", "# Notes\n\nSee [the missing page](missing.md).\n")
    site.add_to_nav("Notes", "notes.md")
    assert site.build().returncode == 1
    assert snapshot(site.root / "site") == before
    assert leftovers(site) == []


def test_hidden_files_in_the_site_folder_are_kept(site: Site):
    """MkDocs never deletes site/'s hidden entries (a `.git` of the published pages, say)."""
    site.term("alpha")
    assert site.build().returncode == 0
    site.write("site/.htaccess", "Options -Indexes\n")
    site.write("site/.git/HEAD", "ref: refs/heads/gh-pages\n")
    assert site.build().returncode == 0
    assert (site.root / "site/.htaccess").read_text() == "Options -Indexes\n"
    assert (site.root / "site/.git/HEAD").read_text() == "ref: refs/heads/gh-pages\n"


def test_without_an_atomic_exchange_two_renames_replace_the_site(tmp_path, monkeypatch):
    """macOS, Windows, old kernels: the fallback still ends with the new site in place."""
    from termbase.engine import swap

    monkeypatch.setattr(swap, "_renameat2", lambda: None)
    (tmp_path / "site").mkdir()
    (tmp_path / "site/index.html").write_text("old")
    (tmp_path / "new").mkdir()
    (tmp_path / "new/index.html").write_text("new")
    old = swap.replace_folder(tmp_path / "new", tmp_path / "site", tmp_path / "aside")
    assert old == tmp_path / "aside" and (old / "index.html").read_text() == "old"
    assert (tmp_path / "site/index.html").read_text() == "new"
    assert not (tmp_path / "new").exists()
