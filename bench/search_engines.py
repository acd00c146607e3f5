"""Pagefind against Material's lunr search, on a phone's network: what a reader waits for.

For each size N it generates a glossary (bench/generate.py), builds it with
`extra.glossary.search.engine: pagefind` and with `lunr` (wall time and peak memory of
the build, and of Pagefind's index step alone, run again on the built site), then opens a
term page in Chromium with the network throttled through CDP
`Network.emulateNetworkConditions` (1.6 Mbit/s down, 750 kbit/s up, 150 ms latency, no
cache), types a term's name into the header's box and reports the bytes of search files
fetched before the first results showed (lunr fetches its index as the page loads), by
kind, and the milliseconds from the last key press to the term shown first, over
`--repeats` fresh browsers. The server compresses text files (scripts, JSON, HTML) with
gzip, as GitHub Pages and most hosts do; Pagefind's own files are compressed already.

    python bench/search_engines.py                 # N = 1,000 and 10,000
    python bench/search_engines.py --sizes 1000
    python bench/search_engines.py --sizes=50000 --engines pagefind   # long
"""

from __future__ import annotations

import argparse
import functools
import gzip
import json
import statistics
import sys
import tempfile
import threading
from http.server import ThreadingHTTPServer
from io import BytesIO
from pathlib import Path

import yaml

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))

from generate import generate_project  # noqa: E402 - beside this file
from measure import measure, mkdocs_build  # noqa: E402
from search import CHROMIUM, CHROMIUM_ARGS, _QuietHandler  # noqa: E402

PHONE_NETWORK = {
    "offline": False,
    "latency": 150,  # ms
    "downloadThroughput": 1_600_000 / 8,  # bytes a second
    "uploadThroughput": 750_000 / 8,
}
SEARCH_FILES = (
    "/pagefind/",
    "pagefind-search.js",
    "pagefind-results.js",
    "/search/search_index.json",
    "/workers/search",
)
# What each search file is, for the bytes by kind: the first pattern in the URL decides.
KINDS = (
    ("fragment", ".pf_fragment"),
    ("index", ".pf_index"),
    ("filter", ".pf_filter"),
    ("meta", ".pf_meta"),
    ("meta", "pagefind-entry.json"),
    ("wasm", "wasm."),
    ("index", "search_index.json"),
    ("script", ".js"),
)
TEXT = (".html", ".js", ".json", ".css", ".svg", ".xml")


def kind(url: str) -> str:
    return next((name for name, part in KINDS if part in url), "other")


class _GzipHandler(_QuietHandler):
    """Serves text files gzip-compressed when the browser accepts it, as hosts do."""

    def send_head(self):  # noqa: ANN201 - SimpleHTTPRequestHandler's own signature
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        wants = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (wants and path.suffix in TEXT and path.is_file()):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), compresslevel=6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return BytesIO(body)


def set_engine(project: Path, engine: str) -> None:
    config_file = project / "mkdocs.yml"
    config = yaml.safe_load(config_file.read_text(encoding="utf-8"))
    config["extra"]["glossary"].setdefault("search", {})["engine"] = engine
    config_file.write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")


# Pagefind searches in a dedicated worker, whose fetches escape the page's CDP session
# (neither throttled nor counted): the bench makes it use its own main-thread fallback.
NO_WORKER = "window.Worker = class { constructor() { throw new Error('no worker'); } };"


def reader(site: Path, query: str, slug: str, no_worker: bool) -> dict:
    """Bytes of search files fetched (in all and by kind) before the term showed first, ms
    from the last key press to then, and bytes in all once the box is idle again."""
    from playwright.sync_api import sync_playwright

    handler = functools.partial(_GzipHandler, directory=str(site))
    with ThreadingHTTPServer(("127.0.0.1", 0), handler) as server:
        threading.Thread(target=server.serve_forever, daemon=True).start()
        base = f"http://127.0.0.1:{server.server_address[1]}/"
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 360, "height": 740}, is_mobile=True)
            if no_worker:
                page.add_init_script(NO_WORKER)
            cdp = page.context.new_cdp_session(page)
            cdp.send("Network.enable")
            cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
            cdp.send("Network.emulateNetworkConditions", PHONE_NETWORK)
            urls: dict[str, str] = {}
            sizes: dict[str, float] = {}
            cdp.on(
                "Network.requestWillBeSent",
                lambda e: urls.__setitem__(e["requestId"], e["request"]["url"]),
            )  # noqa: E501
            cdp.on(
                "Network.loadingFinished",
                lambda e: sizes.__setitem__(e["requestId"], e["encodedDataLength"]),
            )  # noqa: E501
            page.goto(f"{base}glossary/{slug}/", wait_until="networkidle", timeout=600_000)
            page.keyboard.press("/")
            page.keyboard.type(query[:-1], delay=120)
            page.evaluate("window.__pressed = performance.now()")
            page.keyboard.press(query[-1])
            waited = page.wait_for_function(
                """(name) => {
                  const first = document.querySelector('.md-search-result__item h1');
                  return first && first.textContent.trim() === name
                    && performance.now() - window.__pressed;
                }""",
                arg=query,
                timeout=600_000,
                polling="raf",
            ).json_value()
            searched = [rid for rid, url in urls.items() if any(f in url for f in SEARCH_FILES)]
            by_kind: dict[str, float] = {}
            for rid in searched:
                by_kind[kind(urls[rid])] = by_kind.get(kind(urls[rid]), 0) + sizes.get(rid, 0)
            page.wait_for_timeout(3000)  # what the box fetches after: the next results, say
            idle = [rid for rid, url in urls.items() if any(f in url for f in SEARCH_FILES)]
            browser.close()
        server.shutdown()
    return {
        "bytes": sum(by_kind.values()),
        "ms": waited,
        "by_kind": by_kind,
        "idle_bytes": sum(sizes.get(rid, 0) for rid in idle),
    }


def bench(n: int, workdir: Path, seed: int, engines: list[str], repeats: int) -> list[dict]:
    project = generate_project(workdir / f"search-{n}", n, seed)
    rows = []
    for engine in engines:
        set_engine(project, engine)
        site = project / "site"
        build = measure(mkdocs_build(site), project)
        row = {"n": n, "engine": engine, "build_s": build.seconds, "build_peak_mb": build.peak_mb}
        if engine == "pagefind":
            # The build's own index step again, alone: the pages cut, then Pagefind.
            step = (
                "import pathlib, termbase.engine.searchpages as s; "
                f"s.SearchPages().index_into(pathlib.Path({str(site)!r}))"
            )
            index = measure([sys.executable, "-c", step], project)
            row |= {"index_s": index.seconds, "index_peak_mb": index.peak_mb}
        terms = json.loads((site / "glossary.json").read_text(encoding="utf-8"))["terms"]
        term = terms[len(terms) // 2]
        reads = [
            reader(site, term["term"], term["slug"], no_worker=engine == "pagefind")
            for _ in range(repeats)
        ]
        row["reads"] = reads
        print(json.dumps(row), file=sys.stderr, flush=True)
        rows.append(row)
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,10000", help="term counts (default 1000,10000)")
    parser.add_argument("--engines", default="pagefind,lunr", help="default pagefind,lunr")
    parser.add_argument("--repeats", type=int, default=3, help="browsers a site (default 3)")
    parser.add_argument("--seed", type=int, default=8)
    default = Path(tempfile.gettempdir()) / "glossary-bench"
    parser.add_argument("--workdir", type=Path, default=default)
    args = parser.parse_args(argv)
    engines = args.engines.split(",")
    rows = [
        row
        for n in args.sizes.split(",")
        for row in bench(int(n), args.workdir, args.seed, engines, args.repeats)
    ]
    print(table(rows))
    return 0


def spread(values: list[float], scale: float = 1.0) -> str:
    """The median, and the range when the repeats differ: "76 (70-81)"."""
    low, mid, high = min(values) / scale, statistics.median(values) / scale, max(values) / scale
    return f"{mid:,.0f}" if round(low) == round(high) else f"{mid:,.0f} ({low:,.0f}-{high:,.0f})"


def table(rows: list[dict]) -> str:
    kinds = sorted({k for r in rows for read in r["reads"] for k in read["by_kind"]})
    lines = [
        "| N | engine | build s | build peak MB | index step s | index peak MB "
        "| KB fetched before first results | last key -> results ms | KB once idle | "
        + " | ".join(f"KB {k}" for k in kinds)
        + " |",
        "|--:|:--|--:|--:|--:|--:|--:|--:|--:|" + "--:|" * len(kinds),
    ]
    for r in rows:
        reads = r["reads"]
        index = f"{r['index_s']:.1f} | {r['index_peak_mb']:.0f}" if "index_s" in r else "- | -"
        by_kind = [spread([read["by_kind"].get(k, 0) for read in reads], 1024) for k in kinds]
        lines.append(
            f"| {r['n']:,} | {r['engine']} | {r['build_s']:.1f} | {r['build_peak_mb']:.0f} | "
            f"{index} | {spread([x['bytes'] for x in reads], 1024)} | "
            f"{spread([x['ms'] for x in reads])} | "
            f"{spread([x['idle_bytes'] for x in reads], 1024)} | " + " | ".join(by_kind) + " |"
        )
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
