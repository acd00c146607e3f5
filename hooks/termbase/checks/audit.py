"""Lighthouse audit of a built site: SEO, accessibility and best practices on key pages.

Runs the Lighthouse pinned in package.json (node_modules/.bin/lighthouse) with Debian's
Chromium against the site served on 127.0.0.1, and fails below the project's thresholds.
"""

from __future__ import annotations

import functools
import http.server
import json
import os
import shutil
import subprocess
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path

THRESHOLDS = {"seo": 1.0, "accessibility": 0.95, "best-practices": 0.95}
PAGES = {
    "term page": "glossary/mesa-optimization/",
    "glossary index": "glossary/",
    "explainer": "explainers/mesa-optimization-explained/",
}
CHROME_FLAGS = (
    "--headless --no-sandbox --disable-gpu --disable-quic --no-first-run "
    "--disable-background-networking --disable-component-update --disable-sync"
)


@dataclass
class Result:
    page: str
    url: str
    scores: dict[str, float]
    failing: list[str]  # audits that cost points, for the report

    @property
    def passed(self) -> bool:
        return all(self.scores.get(k, 0) >= v for k, v in THRESHOLDS.items())


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:  # noqa: D102 - keep the report readable
        pass


def serve(folder: Path) -> http.server.ThreadingHTTPServer:
    handler = functools.partial(_Quiet, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def lighthouse_command(root: Path) -> list[str]:
    binary = root / "node_modules/.bin/lighthouse"
    if not binary.exists():
        raise SystemExit("Lighthouse is not installed: run `npm ci` in the project folder first")
    return [str(binary)]


def run_lighthouse(command: list[str], url: str, chrome: str) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "report.json"
        subprocess.run(
            [
                *command,
                url,
                "--only-categories=" + ",".join(THRESHOLDS),
                f"--chrome-flags={CHROME_FLAGS}",
                "--output=json",
                f"--output-path={out}",
                "--quiet",
            ],
            env={**os.environ, "CHROME_PATH": chrome},
            check=True,
            timeout=180,
        )
        return json.loads(out.read_text())


def audit(site: Path, root: Path, chrome: str = "/usr/bin/chromium") -> list[Result]:
    if not Path(chrome).exists() and not shutil.which(chrome):
        raise SystemExit(f"Chromium not found at {chrome}: apt-get install -y chromium")
    command = lighthouse_command(root)
    server = serve(site)
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    results = []
    try:
        for name, path in PAGES.items():
            report = run_lighthouse(command, base + path, chrome)
            scores = {k: report["categories"][k]["score"] or 0 for k in THRESHOLDS}
            failing = [
                f"{a['id']}: {a['title']}"
                for a in report["audits"].values()
                if a.get("scoreDisplayMode") in ("binary", "numeric")
                and (a.get("score") or 0) < 1
                and a.get("score") is not None
            ]
            results.append(Result(name, path, scores, failing))
    finally:
        server.shutdown()
    return results


def report(results: list[Result]) -> str:
    lines = [f"{'page':16} {'seo':>5} {'a11y':>5} {'best':>5}  url"]
    for r in results:
        s = r.scores
        lines.append(
            f"{r.page:16} {s['seo'] * 100:5.0f} {s['accessibility'] * 100:5.0f} "
            f"{s['best-practices'] * 100:5.0f}  /{r.url}"
        )
        lines += [f"  - {item}" for item in r.failing]
    wanted = ", ".join(f"{k} {v * 100:.0f}" for k, v in THRESHOLDS.items())
    verdict = "ok" if all(r.passed for r in results) else "FAILED"
    lines.append(f"{verdict}: thresholds {wanted}")
    return "\n".join(lines)
