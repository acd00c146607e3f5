"""Material's search in a real browser (Debian's Chromium): how long before it can answer,
then how long each answer takes.

It drives Material's own search worker with the site's own index, as the search box does:
the worker fetches nothing itself, so the timing starts with fetching the index. Each key
press sends the whole query typed so far, so a query is timed at every length a reader
passes through while typing it.
"""

from __future__ import annotations

import functools
import os
import statistics
import threading
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
LUNR_INDEX = Path("search") / "search_index.json"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]

_TIME_SEARCH = """async (queries) => {
  const config = JSON.parse(document.getElementById('__config').textContent);
  const started = performance.now();
  const index = await (await fetch(config.base + '/search/search_index.json')).json();
  const worker = new Worker(config.search);
  const ask = (message, type) => new Promise(resolve => {
    worker.onmessage = event => event.data.type === type && resolve(event.data.data);
    worker.postMessage(message);
  });
  await ask({type: 0, data: {...index, options: {suggest: false}}}, 1);
  const ready = performance.now() - started;
  const answers = [];
  for (const query of queries) {
    const asked = performance.now();
    const result = await ask({type: 2, data: query}, 3);
    answers.push([query, performance.now() - asked, result.items.length]);
  }
  worker.terminate();
  return {ready, answers};
}"""


@dataclass
class SearchTimes:
    """Seconds: until the index is ready, and for each query sent (query, seconds, results)."""

    ready: float = 0.0
    answers: list[tuple[str, float, int]] = field(default_factory=list)
    note: str = ""

    def summary(self) -> str:
        if self.note:
            return self.note
        median = statistics.median(s for _, s, _ in self.answers)
        query, slowest, found = max(self.answers, key=lambda answer: answer[1])
        return (
            f"ready after {self.ready:.1f} s; {len(self.answers)} queries, median {median:.2f} s, "
            f"slowest {slowest:.2f} s ({query!r}, {found} results)"
        )


def typed(queries: list[str]) -> list[str]:
    """Every query a reader's key presses send while typing each of `queries`."""
    return [query[:end] for query in queries for end in range(1, len(query) + 1)]


def index_mb(site: Path) -> float:
    """The size of the site's search index: Material's lunr file, or Pagefind's folder."""
    lunr = site / LUNR_INDEX
    if lunr.is_file():
        return lunr.stat().st_size / 1e6
    return sum(f.stat().st_size for f in (site / "pagefind").rglob("*") if f.is_file()) / 1e6


def time_search(site: Path, queries: list[str]) -> SearchTimes:
    """Serve `site` on 127.0.0.1 and time Material's search worker on `queries` in Chromium."""
    if not (site / LUNR_INDEX).is_file():
        return SearchTimes(note="Pagefind: bench/search_engines.py times it on a phone's network")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return SearchTimes(note="skipped: Playwright is not installed (pip install -e '.[test]')")
    if not CHROMIUM.exists():
        return SearchTimes(note=f"skipped: no Chromium at {CHROMIUM}")
    handler = functools.partial(_QuietHandler, directory=str(site))
    with ThreadingHTTPServer(("127.0.0.1", 0), handler) as server:
        threading.Thread(target=server.serve_forever, daemon=True).start()
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(
                    executable_path=str(CHROMIUM), args=CHROMIUM_ARGS
                )
                page = browser.new_page()
                page.goto(f"http://127.0.0.1:{server.server_address[1]}/")
                measured = page.evaluate(_TIME_SEARCH, queries)
                browser.close()
        finally:
            server.shutdown()
    return SearchTimes(
        ready=measured["ready"] / 1000,
        answers=[(query, ms / 1000, found) for query, ms, found in measured["answers"]],
    )


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the base's name
        pass
