"""The editors' form at /admin/ (Decap CMS), as an editor without a terminal uses it: against
decap-server in git mode on a temporary git repository of the project, so the editorial
workflow runs as on GitHub (a branch per change, merged when published). What the form
writes must pass `glossary check` and build."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml
from playwright.sync_api import Browser, Page

from sitebuilder import GLOSSARY, run
from termbase.reading.load import slugify

from .conftest import Site, build, serve
from .reading import DESKTOP, PROJECT

DECAP_SERVER = PROJECT / "node_modules" / ".bin" / "decap-server"
DECAP_LOCK = Path(__file__).with_name("decap_lock.cjs")  # its git lock waits as we do
WAIT_MS = 30_000  # for any one step in the browser
# `local_backend: true` makes Decap look for decap-server at localhost:8081; the tests run
# theirs on a free port (other sessions share this machine) and send the requests there.
LOCAL_BACKEND = "http://localhost:8081/"


@dataclass(frozen=True)
class Cms:
    project: Path  # a git repository: glossary/, content/, mkdocs.yml
    site: Site  # its build, served
    port: int  # decap-server's
    log: Path  # decap-server's output, shown when a step times out


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _git(project: Path, *args: str) -> str:
    command = ["git", "-c", "user.name=Test", "-c", "user.email=test@example.org", *args]
    return subprocess.run(
        command, cwd=project, check=True, capture_output=True, text=True, timeout=60
    ).stdout


@pytest.fixture(scope="module")
def cms(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Cms]:
    if not DECAP_SERVER.exists():
        pytest.fail(f"{DECAP_SERVER} is missing: run `npm ci` (make test does)", pytrace=False)
    project = tmp_path_factory.mktemp("cms-project")
    for folder in ("glossary", "content"):
        shutil.copytree(PROJECT / folder, project / folder)
    shutil.copy(PROJECT / ".gitignore", project / ".gitignore")
    config = yaml.safe_load((PROJECT / "mkdocs.yml").read_text(encoding="utf-8"))
    config["theme"]["custom_dir"] = str(PROJECT / "overrides")
    config["hooks"] = [str(PROJECT / "hooks" / "site.py")]
    (project / "mkdocs.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
    _git(project, "init", "-q", "-b", "main")
    _git(project, "add", "-A")
    _git(project, "commit", "-q", "-m", "The project as the tests found it")
    site_dir = build(project / "mkdocs.yml", tmp_path_factory.mktemp("cms-site"))
    port = _free_port()
    log_path = tmp_path_factory.mktemp("decap-server") / "log.txt"
    log = log_path.open("w")
    env = {
        "PORT": str(port),
        "BIND_HOST": "127.0.0.1",
        "MODE": "git",
        "NODE_OPTIONS": f"--require {DECAP_LOCK}",
        "DECAP_LOCK_MS": str(WAIT_MS),
    }
    server = subprocess.Popen(
        [str(DECAP_SERVER)],
        cwd=project,
        env={**os.environ, **env, "GIT_REPO_DIRECTORY": str(project)},
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        _wait(lambda: _listening(port), "decap-server to listen", server, log_path)
        with serve(site_dir) as site:
            yield Cms(project, site, port, log_path)
    finally:
        server.terminate()
        server.wait(timeout=10)
        log.close()


def _listening(port: int) -> bool:
    with socket.socket() as sock:
        return sock.connect_ex(("127.0.0.1", port)) == 0


def _wait(
    done: Callable[[], bool],
    what: str,
    server: subprocess.Popen | None = None,
    log: Path | None = None,
) -> None:
    deadline = time.monotonic() + WAIT_MS / 1000
    while not done():
        said = "" if log is None else "; decap-server said:\n" + log.read_text("utf-8")[-4000:]
        if server is not None and server.poll() is not None:
            pytest.fail(f"decap-server exited with {server.returncode}{said}", pytrace=False)
        if time.monotonic() > deadline:
            pytest.fail(f"timed out waiting for {what}{said}", pytrace=False)
        time.sleep(0.2)


@pytest.fixture
def editor(browser: Browser, cms: Cms) -> Iterator[Page]:
    """The CMS opened from the served build and logged in to the local backend."""
    context = browser.new_context(**DESKTOP)
    context.set_default_timeout(WAIT_MS)
    local = f"http://127.0.0.1:{cms.port}/"
    context.route(
        LOCAL_BACKEND + "**",
        lambda route: route.continue_(url=route.request.url.replace(LOCAL_BACKEND, local)),
    )
    page = context.new_page()
    page.on("dialog", lambda dialog: dialog.accept())  # "Are you sure you want to publish?"
    page.goto(cms.site.url + "admin/")
    page.get_by_role("button", name="Login").click()
    yield page
    context.close()


def _publish(page: Page) -> None:
    """Save (a branch and a pull request of its own), mark it ready and publish (merge)."""
    page.get_by_role("button", name="Save", exact=True).click()
    page.get_by_text("Changes saved").wait_for()
    page.get_by_role("button", name="Status: Draft").click()
    page.get_by_role("menuitem", name="Ready").click()
    page.get_by_text("Entry status updated").wait_for()
    page.get_by_role("button", name="Publish", exact=True).click()
    page.get_by_role("menuitem", name="Publish now").click()


def _published(cms: Cms, path: str, done: Callable[[dict], bool]) -> dict:
    """The term file on main once the CMS has merged its change."""
    file = cms.project / path

    def merged() -> bool:
        return file.exists() and done(yaml.safe_load(file.read_text(encoding="utf-8")) or {})

    _wait(merged, f"{path} to be published", log=cms.log)
    assert _git(cms.project, "branch", "--show-current").strip() == "main"
    assert _git(cms.project, "status", "--porcelain", "--", "glossary") == ""
    return yaml.safe_load(file.read_text(encoding="utf-8"))


def _check_and_build(cms: Cms, out: Path, slug: str) -> str:
    """`glossary check` passes with no warning about the term, and a strict build has the
    term's page: its HTML."""
    checked = run([*GLOSSARY, "check"], cms.project)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    # The form's file has no warning (a translation may now be out of date: that is right)
    assert f"glossary/{slug}.yml:" not in checked.stdout, checked.stdout + checked.stderr
    build(cms.project / "mkdocs.yml", out)
    return (out / "glossary" / slug / "index.html").read_text(encoding="utf-8")


def test_a_term_made_in_the_form_passes_the_check_and_builds(editor: Page, cms: Cms, tmp_path):
    name = "Café d'essai (CMS test)"
    definition = (
        "A made-up term for this test: a term an editor adds through the form in the browser."
    )
    editor.goto(cms.site.url + "admin/#/collections/terms/new")
    editor.fill('[id^="term-field"]', name)
    editor.click('[id^="category-field"]')
    editor.keyboard.type("Failure modes")
    editor.keyboard.press("Enter")
    editor.fill('[id^="short_definition-field"]', definition)
    editor.click("[data-slate-editor]")
    editor.keyboard.type("For example, an editor without a terminal writes this text.")
    editor.click('[id^="related-field"]')
    editor.keyboard.type("Reward hack")
    editor.get_by_text("Reward hacking", exact=True).click()
    preview = editor.frame_locator("iframe").first
    assert preview.locator("h1").inner_text() == name  # the preview shows the page
    _publish(editor)

    slug = slugify(name)  # the file name `glossary new` would give it
    data = _published(cms, f"glossary/{slug}.yml", lambda data: data.get("term") == name)
    assert data["category"] == "failure-modes"
    assert data["short_definition"] == definition
    assert data["related"] == ["reward-hacking"]
    html = _check_and_build(cms, tmp_path / "site", slug)
    assert "editor without a terminal writes this text" in html
    assert definition in html


def test_a_definition_edited_in_the_form_passes_the_check_and_builds(
    editor: Page, cms: Cms, tmp_path
):
    slug = "inner-alignment"
    path = f"glossary/{slug}.yml"
    before = yaml.safe_load((cms.project / path).read_text(encoding="utf-8"))
    definition = "Whether the goal a trained model actually pursues is the goal it was trained on."
    editor.goto(cms.site.url + f"admin/#/collections/terms/entries/{slug}")
    editor.fill('[id^="short_definition-field"]', definition)
    _publish(editor)

    after = _published(cms, path, lambda data: data.get("short_definition") == definition)
    assert {**before, "short_definition": definition} == after  # nothing else changed
    html = _check_and_build(cms, tmp_path / "site", slug)
    assert definition in html
