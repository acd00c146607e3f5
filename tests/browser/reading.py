"""What a reader's browser does, for the browser tests: open, watch, search, measure.

Kept apart from conftest.py so test modules can import it (`from .reading import ...`).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from playwright.sync_api import ConsoleMessage, Page, Request, Response

PROJECT = Path(__file__).resolve().parents[2]
ARTIFACTS = PROJECT / "test-artifacts"
CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
# Without the networking flags Chromium keeps calling Google's hosts, which a closed
# network refuses; --no-sandbox because CI runs as root.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
INSTALL_CHROMIUM = (
    f"Chromium not found at {CHROMIUM}: the browser tests need Debian's chromium package. "
    "Install it with `sudo apt-get update && sudo apt-get install -y chromium` "
    "(`make test` does this itself when run as root), or set CHROMIUM=/path/to/chromium."
)
DESKTOP = {"viewport": {"width": 1440, "height": 900}}
PHONE = {
    "viewport": {"width": 360, "height": 740},
    "device_scale_factor": 2,
    "is_mobile": True,
    "has_touch": True,
}


@dataclass
class Watch:
    """What went wrong while a page was open: console errors, page errors, failed requests.

    `foreign` collects requests that left the site's own origin: the site must work offline.
    """

    origin: str
    problems: list[str] = field(default_factory=list)
    foreign: list[str] = field(default_factory=list)

    def attach(self, page: Page) -> Watch:
        page.on("console", lambda message: self._console(message, page))
        page.on("pageerror", lambda error: self.problems.append(f"{page.url}: page error {error}"))
        page.on("response", lambda response: self._response(response, page))
        page.on("requestfailed", lambda request: self._failed(request, page))
        page.on("request", self._sent)
        return self

    def _console(self, message: ConsoleMessage, page: Page) -> None:
        if message.type == "error":
            self.problems.append(f"{page.url}: console error {message.text}")

    def _response(self, response: Response, page: Page) -> None:
        if response.status >= 400:
            self.problems.append(f"{page.url}: HTTP {response.status} for {response.url}")

    def _failed(self, request: Request, page: Page) -> None:
        self.problems.append(f"{page.url}: request failed {request.url} ({request.failure})")

    def _sent(self, request: Request) -> None:
        if not request.url.startswith((self.origin, "data:", "blob:", "about:")):
            self.foreign.append(request.url)


def open_page(page: Page, url: str) -> Page:
    """Go to `url` and wait until Material's scripts have run and the network is quiet."""
    page.goto(url, wait_until="networkidle")
    return page


def widths(page: Page) -> tuple[int, int]:
    """(scrollWidth, innerWidth): equal or less means no horizontal scrolling."""
    scroll, inner = page.evaluate("[document.scrollingElement.scrollWidth, window.innerWidth]")
    return scroll, inner


def search(page: Page, query: str) -> list[str]:
    """Type `query` into the search box as a reader does; the result pages, best first."""
    page.keyboard.press("/")
    box = page.locator("input.md-search__input")
    box.wait_for(state="visible")
    box.press("Control+a")
    box.press("Backspace")
    page.keyboard.type(query, delay=10)
    page.wait_for_function(
        "document.querySelectorAll('.md-search-result__item').length > 0"
        " || /No matching/.test(document.querySelector('.md-search-result__meta').textContent)"
    )
    # Each key press runs a search in the worker: wait until the list stays the same a while.
    seen: list[list[str]] = []
    for _ in range(60):
        seen.append(
            page.eval_on_selector_all(
                ".md-search-result__item > a:first-child", "links => links.map(a => a.href)"
            )
        )
        if len(seen) >= 4 and seen[-4] == seen[-3] == seen[-2] == seen[-1]:
            break
        page.wait_for_timeout(100)
    return [href.split("?")[0].split("#")[0] for href in seen[-1]]


# The focused element, or for a visually hidden input (Material's palette switch, menu
# toggles) the label that stands for it, and how it shows focus: an outline or a shadow, or
# for a link drawn in SVG (the concept map) a shape drawn unlike the same unfocused link.
_FOCUS = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  el.dataset.tabbed = 'yes';
  const shown = e => e.checkVisibility({checkVisibilityCSS: true})
    && e.getBoundingClientRect().width > 1 && e.getBoundingClientRect().height > 1;
  const next = el.nextElementSibling;
  const stands = shown(el) ? el : [...(el.labels || []), ...(next && next.tagName === 'LABEL'
    ? [next] : [])].find(shown);
  const stroke = a => {
    const shape = a && a.querySelector('rect, circle, ellipse, path, polygon, text');
    const style = shape && getComputedStyle(shape);
    return style ? `${style.stroke} ${style.strokeWidth} ${style.fill}` : '';
  };
  const ring = e => {
    const style = getComputedStyle(e);
    const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
    let svg = '';
    if (e.ownerSVGElement) {
      const same = [...e.ownerSVGElement.querySelectorAll('a')].find(other => other !== e
        && other.getAttribute('class').replace('focus-visible', '').trim()
           === e.getAttribute('class').replace('focus-visible', '').trim());
      svg = same && stroke(same) !== stroke(e) ? `stroke ${stroke(e)}` : '';
    }
    return [outline ? `outline ${style.outlineWidth} ${style.outlineStyle}` : '',
            style.boxShadow === 'none' ? '' : `shadow ${style.boxShadow}`, svg].join(' ').trim();
  };
  return {
    html: el.outerHTML.slice(0, 140),
    visible: Boolean(stands),
    ring: stands ? ring(stands) : '',
    focusVisible: el.matches(':focus-visible'),
  };
}"""

# Every element a reader can see and operate, that Tab never reached (one radio a group).
_MISSED = """() => [...document.querySelectorAll(
    'a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex="-1"])')]
  // A radio group is one Tab stop: the arrow keys move within it.
  .filter(e => !(e.type === 'radio'
    && [...document.getElementsByName(e.name)].some(other => other.dataset.tabbed)))
  .filter(e => !e.dataset.tabbed && !e.disabled && e.tabIndex >= 0
    && e.checkVisibility({checkVisibilityCSS: true})
    && e.getBoundingClientRect().width > 1 && e.getBoundingClientRect().height > 1)
  .map(e => e.outerHTML.slice(0, 140))"""


def tab_through(page: Page, limit: int = 600) -> tuple[list[dict], list[str]]:
    """Press Tab from the top of the page to its end: (each stop, what Tab never reached)."""
    stops: list[dict] = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        stop = page.evaluate(_FOCUS)
        if stop is None or (stops and stop["html"] == stops[0]["html"]):
            break
        stops.append(stop)
    return stops, page.evaluate(_MISSED)


def rank(page: Page, queries: list[str]) -> dict[str, list[str]]:
    """Result pages, best first, of each query in the engine the search box uses, without
    typing (fast enough for every term): with Pagefind, the first ten results in the order
    of the box's own script (assets/pagefind-search.js); with lunr, Material's own search worker and index."""
    return page.evaluate(
        """async (queries) => {
          const ranked = {};
          const box = document.querySelector('[data-glossary-search]');
          if (box) {
            const script = document.querySelector('script[src$="pagefind-search.js"]').src;
            const search = await import(script);
            const site = new URL(box.dataset.base, document.baseURI).pathname;  // as lunr's
            const location = url => url.split('#')[0].replace(site, '');
            for (const query of queries) {
              // The first ten the box shows: those fetched at once, then the next on scroll.
              const found = await search.ranked(query);
              const next = found ? found.rest.slice(0, 10 - found.first.length) : [];
              const shown = found ? [...found.first, ...await Promise.all(next.map(r => r.data()))] : [];
              ranked[query] = shown.map(data => location(data.url));
            }
            return ranked;
          }
          const config = JSON.parse(document.getElementById('__config').textContent);
          const index = await (await fetch(config.base + '/search/search_index.json')).json();
          const worker = new Worker(config.search);
          const ask = (message, type) => new Promise(resolve => {
            worker.onmessage = event => event.data.type === type && resolve(event.data.data);
            worker.postMessage(message);
          });
          await ask({type: 0, data: {...index, options: {suggest: false}}}, 1);
          for (const query of queries) {
            const result = await ask({type: 2, data: query}, 3);
            ranked[query] = result.items.map(group => group[0].location.split('#')[0]);
          }
          worker.terminate();
          return ranked;
        }""",
        queries,
    )


def names_not_first(page: Page, terms) -> dict[str, list[str]]:
    """Each term whose own page is not the first result for its name: its top three."""
    ranked = rank(page, [t.term for t in terms])
    return {
        t.term: ranked[t.term][:3] for t in terms if ranked[t.term][:1] != [f"glossary/{t.slug}/"]
    }


def aliases_not_in_top_three(page: Page, terms) -> dict[str, list[str]]:
    """Each alias whose term's page is not among its first three results: those three."""
    aliases = {alias: t.slug for t in terms for alias in t.aliases}
    ranked = rank(page, list(aliases))
    return {
        alias: ranked[alias][:3]
        for alias, slug in aliases.items()
        if f"glossary/{slug}/" not in ranked[alias][:3]
    }
