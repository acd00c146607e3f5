"""`mkdocs serve` rebuilds and reloads when a term file in glossary/ changes."""

from __future__ import annotations

import os
import socket
import subprocess
import time
import urllib.request

from sitebuilder import MKDOCS, PROJECT, Site


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return None


def wait_for(url: str, text: str, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        body = fetch(url)
        if body and text in body:
            return True
        time.sleep(0.3)
    return False


def test_editing_a_term_file_rebuilds_the_served_site(site: Site):
    site.term("alpha", explanation="The first version of the text.\n")
    port = free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(PROJECT / "hooks")}
    server = subprocess.Popen(
        [*MKDOCS, "serve", "--livereload", "-a", f"127.0.0.1:{port}"],
        cwd=site.root,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        url = f"http://127.0.0.1:{port}/glossary/alpha/"
        assert wait_for(url, "The first version of the text.", 60), "the server never served"
        site.term("alpha", explanation="The second version, edited while serving.\n")
        assert wait_for(url, "The second version, edited while serving.", 60)
        # The page carries the live-reload script, so an open browser tab reloads itself.
        assert "livereload" in fetch(url)
        # The term's JSON file and the search index follow the page, once written.
        root = f"http://127.0.0.1:{port}/"
        assert wait_for(root + "glossary/alpha.json", "The second version, edited", 60)
        assert wait_for(root + "pagefind/pagefind.js", "pagefind", 60)
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
