"""Are external links still reachable? Asked only with `glossary linkcheck --online`.

A few parallel requests, timeouts and retries, and a cache file, so a re-run (or the next
pull request) does not fetch every reference again. Never part of the offline test run.
"""

from __future__ import annotations

import json
import os
import socket
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass
from pathlib import Path

USER_AGENT = "termbase-linkcheck/0.1 (static glossary link check)"
# Servers that answer these turned the checker away rather than said the page is gone.
REFUSED = {401, 403, 429}
# HEAD is cheap, but some servers do not support it: ask again with GET.
RETRY_WITH_GET = {400, 403, 404, 405, 406, 501}
WEEK = 7 * 24 * 3600


@dataclass(frozen=True)
class UrlResult:
    ok: bool
    status: int | None  # the HTTP status, None when no answer came
    message: str = ""  # why it failed: "HTTP 404", "timed out" ...
    checked: float = 0.0  # when, as a Unix time

    @property
    def level(self) -> str:
        """Refusals are warnings: the page may be fine, a person should look."""
        return "warning" if self.status in REFUSED else "error"


Fetch = Callable[[str, str, float], int]  # (url, method, timeout) -> HTTP status


def http_status(url: str, method: str, timeout: float) -> int:
    """The final HTTP status of `url` after redirects; raises OSError when nothing answers."""
    request = urllib.request.Request(url, method=method, headers={"User-Agent": USER_AGENT})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            if method == "GET":
                response.read(1024)
            return response.status
    except urllib.error.HTTPError as err:
        return err.code


class UrlChecker:
    """Checks URLs with bounded concurrency; keeps good results for a week in `cache_file`.

    Failures are not kept: a fixed link or a server back from an outage shows up at once.
    """

    def __init__(
        self,
        cache_file: Path | None = None,
        *,
        workers: int = 8,
        timeout: float = 10.0,
        retries: int = 2,
        max_age: float = WEEK,
        fetch: Fetch = http_status,
        backoff: float = 1.0,
    ):
        self.cache_file = cache_file
        self.workers, self.timeout, self.retries = workers, timeout, retries
        self.max_age, self.fetch, self.backoff = max_age, fetch, backoff
        self.fetched = 0  # URLs fetched (not taken from the cache) by the last check

    def check(self, urls: list[str]) -> dict[str, UrlResult]:
        now = time.time()
        cache = self._load_cache()
        results = {
            url: cache[url]
            for url in urls
            if url in cache and now - cache[url].checked < self.max_age
        }
        todo = [url for url in urls if url not in results]
        self.fetched = len(todo)
        if todo:
            with ThreadPoolExecutor(max_workers=self.workers) as pool:
                results.update(zip(todo, pool.map(self._check_one, todo), strict=True))
            cache.update({url: r for url, r in results.items() if r.ok})
            self._save_cache(cache, now)
        return results

    def broken(self, urls: list[str]) -> dict[str, tuple[str, str]]:
        """The failures as `linkcheck` wants them: url -> (level, message)."""
        return {
            url: (result.level, result.message)
            for url, result in self.check(urls).items()
            if not result.ok
        }

    def _check_one(self, url: str) -> UrlResult:
        message, status = "", None
        for attempt in range(self.retries + 1):
            if attempt:
                time.sleep(self.backoff * 2 ** (attempt - 1))
            try:
                status = self.fetch(url, "HEAD", self.timeout)
                if status in RETRY_WITH_GET:
                    status = self.fetch(url, "GET", self.timeout)
            except (OSError, ValueError) as err:  # URLError, timeouts and resets are OSErrors
                status, message = None, _describe(err)
                continue
            if status < 400:
                return UrlResult(True, status, checked=time.time())
            message = f"HTTP {status}"
            if status < 500 and status != 429:
                break  # a clear answer: asking again will not change it
        refused = " (the server refused the checker: check it in a browser)"
        if status in REFUSED:
            message += refused
        return UrlResult(False, status, message, time.time())

    def _load_cache(self) -> dict[str, UrlResult]:
        if self.cache_file is None or not self.cache_file.is_file():
            return {}
        try:
            raw = json.loads(self.cache_file.read_text(encoding="utf-8"))
            return {url: UrlResult(**entry) for url, entry in raw.get("urls", {}).items()}
        except (ValueError, TypeError, AttributeError):
            return {}  # a damaged cache is only a slower run

    def _save_cache(self, cache: dict[str, UrlResult], now: float) -> None:
        if self.cache_file is None:
            return
        fresh = {
            url: asdict(r) for url, r in sorted(cache.items()) if now - r.checked < self.max_age
        }
        self.cache_file.parent.mkdir(parents=True, exist_ok=True)
        temporary = self.cache_file.with_suffix(".tmp")
        temporary.write_text(json.dumps({"version": 1, "urls": fresh}, indent=1), encoding="utf-8")
        os.replace(temporary, self.cache_file)


def _describe(err: Exception) -> str:
    reason = getattr(err, "reason", err)
    if isinstance(reason, socket.timeout | TimeoutError):
        return "timed out"
    if isinstance(reason, socket.gaierror):
        return "host not found"
    return f"no answer ({reason})"
