"""A function over many items on every core, for commands that parse or read thousands of
files (a cold `glossary check`, the link check).

Worker processes are forked, so they start at once and inherit the items instead of being
sent them; this process works through the first share while they do the rest. Results come
back through `marshal`, so they must be plain data (tuples, lists, dicts, strings, numbers),
or be made so by `send` in the worker and `receive` here. Only Linux forks (on macOS a forked
process can crash in system libraries; Windows cannot fork), and not for a few items:
elsewhere the work is simply done here. Fork is unsafe in a process that runs threads, so
`mkdocs serve` and builds keep workers=1.
"""

from __future__ import annotations

import marshal
import multiprocessing
import os
import sys
from collections.abc import Callable, Sequence
from typing import Any

MIN_ITEMS_A_WORKER = 200  # below this, starting a process costs more than it saves

_job: tuple[Callable, Sequence, Callable] | None = None  # what forked workers inherit


def available_cores() -> int:
    """Cores this process may run on (a container's CPU limit, not the host's count)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - macOS and Windows
        return os.cpu_count() or 1


def fork_map(
    function: Callable[[Any], Any],
    items: Sequence[Any],
    workers: int,
    *,
    send: Callable[[Any], Any] = lambda result: result,
    receive: Callable[[Any], Any] = lambda data: data,
) -> list[Any]:
    """[function(item) for item in items], shared among up to `workers` processes."""
    global _job
    workers = min(workers, len(items) // MIN_ITEMS_A_WORKER)
    if workers < 2 or sys.platform != "linux":
        return [function(item) for item in items]
    bounds = [len(items) * n // workers for n in range(workers + 1)]
    shares = [(bounds[n], bounds[n + 1]) for n in range(1, workers)]
    _job = (function, items, send)
    try:
        with multiprocessing.get_context("fork").Pool(workers - 1) as pool:
            theirs = pool.map_async(_run_share, shares)
            mine = [function(item) for item in items[: bounds[1]]]
            return mine + [receive(data) for share in theirs.get() for data in marshal.loads(share)]
    finally:
        _job = None


def _run_share(bounds: tuple[int, int]) -> bytes:
    assert _job is not None, "runs only in a worker forked by fork_map"
    function, items, send = _job
    start, end = bounds
    return marshal.dumps([send(function(item)) for item in items[start:end]])
