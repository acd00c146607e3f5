"""A glossary written by an attacker: no planted script runs, in any page, tooltip or search."""

from __future__ import annotations

import functools
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

import pytest
import yaml
from playwright.sync_api import Browser, expect
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from sitebuilder import make_site

PWN = "window.__pwned=(window.__pwned||0)+1;alert(1)"
PAYLOADS = [
    f"<script>{PWN}</script>",
    f'<img src=x onerror="{PWN}">',
    f"<svg onload='{PWN}'></svg>",
    f'" onmouseover="{PWN}" x="',
    f"' onfocus='{PWN}' autofocus='",
    "</script><script>" + PWN + "</script>",
    f"</title><script>{PWN}</script>",
    f"`<b>`{{{{ {PWN} }}}}",
]
EVIL = " ".join(PAYLOADS)


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


@pytest.fixture(scope="module")
def hostile_url(tmp_path_factory):
    site = make_site(tmp_path_factory.mktemp("hostile"))
    categories = {
        "core": {
            "name": f"Core {PAYLOADS[0]}",
            "description": f"A category. {PAYLOADS[1]} {PAYLOADS[3]}",
        },
        "risks": {"name": "Risks", "description": "A second category, with a plain description."},
    }
    site.write("glossary/_categories.yml", yaml.safe_dump(categories))
    site.term(
        "evil",
        term=f"Evil {PAYLOADS[5]}",
        aliases=[PAYLOADS[1], PAYLOADS[2]],
        short_definition=f"Evil term {PAYLOADS[3]} {PAYLOADS[4]} with a definition long enough.",
        explanation=f'{EVIL}\n\n<div onclick="{PWN}">raw block html</div>\n\n'
        f'[a link](https://example.org/"onmouseover="{PWN}) and the word plain.\n',
        related=["plain"],
        faq=[{"question": f"Why {PAYLOADS[0]}?", "answer": f"Because {EVIL}"}],
        references=[
            {
                "title": f"A paper {PAYLOADS[0]}",
                "authors": [PAYLOADS[1]],
                "year": 2024,
                "url": "https://example.org/paper?q=%3Cscript%3E",
            }
        ],
        seo={"title": f"SEO {PAYLOADS[6]}", "description": f"SEO description {EVIL}"[:150]},
    )
    site.term(
        "plain", term="Plain", explanation="Mentions the evil term and links [it](evil.md).\n"
    )
    site.write("content/index.md", "# Home\n\nAbout the Plain term.\n")
    result = site.build(strict=False)  # descriptions of payloads are out of range: warnings only
    assert result.returncode == 0, result.stdout + result.stderr
    handler = functools.partial(_Quiet, directory=str(site.root / "site"))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}/", site.root / "site"
    server.shutdown()


def test_no_planted_script_runs_anywhere(browser: Browser, hostile_url):
    url, folder = hostile_url
    context = browser.new_context()
    dialogs: list[str] = []
    page = context.new_page()
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    pages = [
        url + p.relative_to(folder).as_posix().removesuffix("index.html")
        for p in sorted(folder.rglob("*.html"))
    ]
    assert any("glossary/evil/" in p for p in pages)
    for address in pages:
        page.goto(address, wait_until="networkidle")
        for link in page.locator("article a").all()[:40]:  # hover and focus: tooltips render
            if link.is_visible():
                try:
                    link.hover(timeout=2000)
                except PlaywrightTimeout:  # a map's box under another: its events still fire
                    link.dispatch_event("mouseover")
                link.focus()
        assert page.evaluate("window.__pwned") is None, address
    # The search index holds the hostile text too: search for it and show the results.
    page.goto(url, wait_until="networkidle")
    page.keyboard.press("/")
    page.locator("input.md-search__input").press_sequentially("evil onerror script", delay=20)
    results = page.locator(".md-search-result__item")
    expect(results.first).to_be_visible()  # Pagefind's results for the hostile text, shown
    assert "<script>" in results.first.inner_text() or "onerror" in results.first.inner_text()
    assert page.locator(".md-search-result script, .md-search-result img").count() == 0
    page.wait_for_timeout(800)
    assert page.evaluate("window.__pwned") is None
    assert dialogs == []
    context.close()


def test_hostile_text_is_shown_as_text(browser: Browser, hostile_url):
    url, _ = hostile_url
    page = browser.new_page()
    page.goto(url + "glossary/evil/", wait_until="networkidle")
    assert page.locator("h1").inner_text() == f"Evil {PAYLOADS[5]}"
    assert "<script>" in page.locator("article").inner_text()
    assert page.locator("article script").count() == 0
    assert page.locator("article [onerror], article [onload], article [onclick]").count() == 0
    page.close()
