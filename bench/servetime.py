"""How long `mkdocs serve` takes to show an edited term: edit one term file, wait for its
page to change."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from measure import ENV


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8", "replace")
    except (urllib.error.URLError, OSError):
        return None


def wait_for(url: str, text: str, limit: float, server: subprocess.Popen) -> float | None:
    """Seconds until `url` serves a page containing `text`, or None after `limit` seconds."""
    started = time.perf_counter()
    for _ in range(int(limit / 0.05)):  # bounded in count as well as in time
        if server.poll() is not None:
            return None
        page = fetch(url)
        if page is not None and text in page:
            return time.perf_counter() - started
        if time.perf_counter() - started > limit:
            return None
        time.sleep(0.05)
    return None


def serve_latency(project: Path, edits: int = 3) -> tuple[list[float], str]:
    """Seconds from saving an edited term file to `mkdocs serve` serving the new text."""
    port = free_port()
    log = project / "serve.log"
    term = sorted((project / "glossary").glob("[!_]*.yml"))[len(project.name) % 7]
    url = f"http://127.0.0.1:{port}/bench/glossary/{term.stem}/"
    original = term.read_text(encoding="utf-8")
    with log.open("w") as out:
        server = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
            cwd=project,
            env=ENV,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group: stopped as one below
        )
    try:
        if wait_for(url, "</html>", 900, server) is None:
            return [], f"mkdocs serve did not serve {url} within 900 s (see {log})"
        time.sleep(2)  # let the watcher settle after the first build
        seconds = []
        for number in range(1, edits + 1):
            marker = f"Edited for the benchmark, revision {number} {time.time_ns()}."
            edited = original.replace("explanation: |\n", f"explanation: |\n  {marker}\n\n", 1)
            term.write_text(edited, encoding="utf-8")
            took = wait_for(url, marker, 300, server)
            if took is None:
                return seconds, f"edit {number} did not show within 300 s (see {log})"
            seconds.append(took)
            time.sleep(1)
        return seconds, f"{term.name}, page {url}"
    finally:
        term.write_text(original, encoding="utf-8")
        _stop(server)


def _stop(server: subprocess.Popen) -> None:
    if server.poll() is not None:
        return
    os.killpg(server.pid, signal.SIGTERM)
    try:
        server.wait(timeout=15)
    except subprocess.TimeoutExpired:
        os.killpg(server.pid, signal.SIGKILL)
        server.wait(timeout=15)
