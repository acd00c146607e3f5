"""Pagefind against Material's lunr search, on a phone's network: what a reader waits for.

For each size N it generates a glossary (bench/generate.py), builds it with
`extra.glossary.search.engine: pagefind` and with `lunr` (wall time and peak memory of
the build, and of Pagefind's index step alone, run again on the built site), then opens a
term page in Chromium with the network throttled through CDP
`Network.emulateNetworkConditions` (1.6 Mbit/s down, 750 kbit/s up, 150 ms latency, no
cache), types a term's name into the header's box and reports the bytes of search files
fetched before the first results showed (lunr fetches its index as the page loads) and the
milliseconds from the last key press to the term shown first.

    python bench/search_engines.py                 # N = 1,000 and 10,000
    python bench/search_engines.py --sizes 1000
    python bench/search_engines.py --sizes 50000   # the 50,000-term build (long)
"""

from __future__ import annotations

import argparse
import functools
import json
import sys
import tempfile
import threading
from http.server import ThreadingHTTPServer
from pathlib import Path

import yaml

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))

from generate import generate_project  # noqa: E402 - beside this file
from run import measure, mkdocs_build  # noqa: E402
from search import CHROMIUM, CHROMIUM_ARGS, _QuietHandler  # noqa: E402

PHONE_NETWORK = {
    "offline": False,
    "latency": 150,  # ms
    "downloadThroughput": 1_600_000 / 8,  # bytes a second
    "uploadThroughput": 750_000 / 8,
}
SEARCH_FILES = ("/pagefind/", "pagefind-search.js", "/search/search_index.json", "/workers/search")


def set_engine(project: Path, engine: str) -> None:
    config_file = project / "mkdocs.yml"
    config = yaml.safe_load(config_file.read_text(encoding="utf-8"))
    config["extra"]["glossary"].setdefault("search", {})["engine"] = engine
    config_file.write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")


# Pagefind searches in a dedicated worker, whose fetches escape the page's CDP session
# (neither throttled nor counted): the bench makes it use its own main-thread fallback.
NO_WORKER = "window.Worker = class { constructor() { throw new Error('no worker'); } };"


def reader(site: Path, query: str, slug: str, no_worker: bool) -> dict:
    """Bytes of search files fetched and ms from the last key press to the term shown first."""
    from playwright.sync_api import sync_playwright

    handler = functools.partial(_QuietHandler, directory=str(site))
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
            cdp.on("Network.requestWillBeSent", lambda e: urls.__setitem__(e["requestId"], e["request"]["url"]))  # noqa: E501
            cdp.on("Network.loadingFinished", lambda e: sizes.__setitem__(e["requestId"], e["encodedDataLength"]))  # noqa: E501
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
            fetched = sum(sizes.get(rid, 0) for rid in searched)
            browser.close()
        server.shutdown()
    return {"bytes": fetched, "ms": waited}


def bench(n: int, workdir: Path, seed: int) -> list[dict]:
    project = generate_project(workdir / f"search-{n}", n, seed)
    terms = json.loads("[]")
    rows = []
    for engine in ("pagefind", "lunr"):
        set_engine(project, engine)
        site = project / "site"
        build = measure(mkdocs_build(site), project)
        row = {"n": n, "engine": engine, "build_s": build.seconds, "build_peak_mb": build.peak_mb}
        if engine == "pagefind":
            from termbase.engine.search import pagefind_command

            index = measure(pagefind_command(site), project)
            row |= {"index_s": index.seconds, "index_peak_mb": index.peak_mb}
        terms = json.loads((site / "glossary.json").read_text(encoding="utf-8"))["terms"]
        term = terms[len(terms) // 2]
        row |= reader(site, term["term"], term["slug"], no_worker=engine == "pagefind")
        print(json.dumps(row), file=sys.stderr, flush=True)
        rows.append(row)
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,10000", help="term counts (default 1000,10000)")
    parser.add_argument("--seed", type=int, default=8)
    default = Path(tempfile.gettempdir()) / "glossary-bench"
    parser.add_argument("--workdir", type=Path, default=default)
    args = parser.parse_args(argv)
    rows = [row for n in args.sizes.split(",") for row in bench(int(n), args.workdir, args.seed)]
    print("| N | engine | build s | build peak MB | index step s | index peak MB "
          "| search KB fetched before first results | last key -> results ms |")
    print("|--:|:--|--:|--:|--:|--:|--:|--:|")
    for r in rows:
        index = f"{r['index_s']:.1f} | {r['index_peak_mb']:.0f}" if "index_s" in r else "- | -"
        print(f"| {r['n']:,} | {r['engine']} | {r['build_s']:.1f} | {r['build_peak_mb']:.0f} | "
              f"{index} | {r['bytes'] / 1024:.0f} | {r['ms']:.0f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
