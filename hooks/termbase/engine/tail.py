"""What a `mkdocs serve` rebuild finishes after the browser has the new pages: each term's
JSON file and the search index.

An editor waits for the edited page, and nothing on a page needs the JSON files or Pagefind's
index to show; yet with every page reused they are most of a rebuild (bench/RESULTS.md). So a
serve rebuild hands them to a thread and returns. The next rebuild stops that thread first
(Pagefind killed, the JSON files left at the next one), before MkDocs empties the folder both
write into; so does the end of serve (hooks/site.py, on_shutdown). `mkdocs build` still makes
both before its site is put in place: nothing is published without them.
"""

from __future__ import annotations

import logging
import subprocess
import threading
from collections.abc import Callable

from mkdocs.exceptions import Abort

log = logging.getLogger("mkdocs.hooks.glossary")


class Stopped(Exception):
    """The work was stopped on purpose: nothing to report."""


class Stop:
    """Asked of long work between steps, and told of the process it runs, to be killed."""

    def __init__(self) -> None:
        self.event = threading.Event()
        self._process: subprocess.Popen | None = None

    def check(self) -> None:
        if self.event.is_set():
            raise Stopped

    def running(self, process: subprocess.Popen | None) -> None:
        """`process` runs now (None: it ended); killed at once if a stop was asked."""
        self._process = process
        if process is not None and self.event.is_set():
            process.kill()

    def ask(self) -> None:
        self.event.set()
        if (process := self._process) is not None and process.poll() is None:
            process.kill()


class Tail:
    """The one piece of background work of a serve session, if any."""

    def __init__(self) -> None:
        self._thread: threading.Thread | None = None
        self._stop = Stop()

    def start(self, work: Callable[[Stop], None]) -> None:
        """Run `work(stop)` in a thread; `stop.check()` between its steps."""
        self.stop()
        self._stop = stop = Stop()
        self._thread = threading.Thread(
            target=self._run, args=(work, stop), name="glossary-tail", daemon=True
        )
        self._thread.start()

    def stop(self) -> None:
        """Stop the work and wait until it has stopped."""
        self._stop.ask()
        self.wait()

    def wait(self) -> None:
        """Wait until the work is done (the site then is what `mkdocs build` writes)."""
        if self._thread is not None:
            self._thread.join()
            self._thread = None

    @staticmethod
    def _run(work: Callable[[Stop], None], stop: Stop) -> None:
        try:
            work(stop)
        except Stopped:
            pass
        except Abort as error:  # logged where it was raised
            log.error(f"{error} The preview's search and JSON files may be out of date.")
        except Exception as error:  # a thread's exception would only reach stderr
            log.error(f"the JSON files or the search index could not be made: {error!r}")
