"""A function over many items on every core, for commands that parse or read thousands of
files (a cold `glossary check`, the link check).

Worker processes are forked, so they start at once and inherit the items instead of being
sent them. The items are cut into chunks that this process and the workers take in turn
from a shared counter, so a process slowed by the machine's other work simply takes fewer
(on these 2-core machines one core can run half as fast as the other for a while). Results
come back through `marshal`, so they must be plain data (tuples, lists, dicts, strings,
numbers), or be made so by `send` in the worker and `receive` here. Only Linux forks (on
macOS a forked process can crash in system libraries; Windows cannot fork), and not for a
few items: elsewhere the work is simply done here. Fork is unsafe in a process that runs
threads, so `mkdocs serve` and builds keep workers=1.
"""

from __future__ import annotations

import marshal
import multiprocessing
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from typing import Any

MIN_ITEMS_A_WORKER = 200  # below this, starting a process costs more than it saves
CHUNK = 100  # items a process takes at a time: about 30 ms of parsing

# What forked workers inherit: the function, the items, `send`, and the shared counter of
# the next chunk to take.
_job: tuple[Callable, Sequence, Callable, Any] | None = None


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
    context = multiprocessing.get_context("fork")
    _job = (function, items, send, context.Value("i", 0))
    try:
        with context.Pool(workers - 1) as pool:
            theirs = pool.map_async(_take_chunks, range(workers - 1))
            done = {
                start: [function(item) for item in items[start : start + CHUNK]]
                for start in _chunks()
            }
            for share in theirs.get():
                for start, results in marshal.loads(share):
                    done[start] = [receive(data) for data in results]
    finally:
        _job = None
    return [result for start in sorted(done) for result in done[start]]


def _chunks() -> Iterator[int]:
    """The first index of each chunk this process takes, until none is left."""
    assert _job is not None
    items, counter = _job[1], _job[3]
    while True:
        with counter.get_lock():
            chunk = counter.value
            counter.value = chunk + 1
        start = chunk * CHUNK
        if start >= len(items):
            return
        yield start


def _take_chunks(_worker: int) -> bytes:
    assert _job is not None, "runs only in a worker forked by fork_map"
    function, items, send, _counter = _job
    return marshal.dumps(
        [
            (start, [send(function(item)) for item in items[start : start + CHUNK]])
            for start in _chunks()
        ]
    )
