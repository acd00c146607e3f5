"""`glossary linkcheck --online`: external links fetched from a local server (no test reaches
the internet), dead ones reported, good ones cached, retries bounded.
"""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from sitebuilder import make_site
from termbase.checks.urlcheck import UrlChecker
from termbase.cli.main import main

PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082"
)


# -- external links, online (a local server: no test reaches the internet) -------------------


class _Server(BaseHTTPRequestHandler):
    hits: list[str] = []
    flaky_failures = 1

    def do_HEAD(self):  # noqa: N802 - the name http.server calls
        self._answer(head=True)

    def do_GET(self):  # noqa: N802
        self._answer(head=False)

    def _answer(self, head: bool) -> None:
        self.hits.append(f"{self.command} {self.path}")
        status = {"/ok": 200, "/gone": 404, "/private": 403}.get(self.path, 404)
        if self.path == "/no-head":
            status = 405 if head else 200
        if self.path == "/flaky":
            failed = sum(h.endswith("/flaky") for h in self.hits) <= type(self).flaky_failures
            status = 503 if failed else 200
        self.send_response(status)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args) -> None:
        pass


@pytest.fixture
def server():
    _Server.hits = []
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Server)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_online_check_reports_dead_links_and_caches_good_ones(server, tmp_path):
    cache = tmp_path / ".cache" / "linkcheck.json"
    urls = [f"{server}/{path}" for path in ("ok", "gone", "private", "no-head", "flaky")]
    checker = UrlChecker(cache, timeout=5, retries=1, backoff=0)
    assert checker.broken(urls) == {
        f"{server}/gone": ("error", "HTTP 404"),
        f"{server}/private": (
            "warning",
            "HTTP 403 (the server refused the checker: check it in a browser)",
        ),
    }
    assert "HEAD /flaky" in _Server.hits and "GET /no-head" in _Server.hits
    _Server.hits.clear()
    again = UrlChecker(cache, timeout=5, retries=1, backoff=0)
    assert set(again.broken(urls)) == {f"{server}/gone", f"{server}/private"}
    assert again.fetched == 2  # the good ones came from the cache; failures are asked again
    assert sorted({hit.split()[1] for hit in _Server.hits}) == ["/gone", "/private"]


def test_online_check_gives_up_after_retries(server, tmp_path):
    _Server.flaky_failures = 5
    try:
        checker = UrlChecker(None, timeout=5, retries=2, backoff=0)
        assert checker.broken([f"{server}/flaky"]) == {f"{server}/flaky": ("error", "HTTP 503")}
        assert _Server.hits.count("HEAD /flaky") == 3
    finally:
        _Server.flaky_failures = 1


def test_online_command_fetches_external_links_once(server, tmp_path, monkeypatch, capsys):
    site = make_site(tmp_path)
    # No "Made with Material" footer: its link is the one external URL Material adds.
    with (site.root / "mkdocs.yml").open("a", encoding="utf-8") as config:
        config.write("extra:\n  generator: false\n")
    site.term("alpha-term", term="Alpha term")
    site.write(
        "content/index.md",
        f"# Home\n\n[Alpha](glossary/alpha-term.md), [a source]({server}/ok), "
        f"[a dead one]({server}/gone).\n",
    )
    assert site.build().returncode == 0
    monkeypatch.chdir(site.root)
    assert main(["linkcheck", "--online"]) == 1
    err = capsys.readouterr().err
    assert f"site/index.html: error: {server}/gone: HTTP 404 (from content/index.md)" in err
    assert (site.root / ".cache" / "linkcheck.json").is_file()
    site.write(
        "content/index.md", f"# Home\n\n[Alpha](glossary/alpha-term.md), [ok]({server}/ok).\n"
    )
    assert site.build().returncode == 0
    _Server.hits.clear()
    assert main(["linkcheck", "--online"]) == 0
    assert "(0 fetched, the rest cached)" in capsys.readouterr().out
    assert _Server.hits == []
