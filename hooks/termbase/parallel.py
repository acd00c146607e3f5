"""A function over many items on every core, for commands that read thousands of files
(a cold `glossary check`, the link check).

Workers are forked (Linux only: on macOS a forked process can crash in system libraries,
and Windows cannot fork), so they inherit the function and whatever it closes over, such as
the parse cache, instead of being sent it. Fork is unsafe in a process that runs threads,
so `mkdocs serve` and builds work in one process.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import Any

MIN_ITEMS_A_WORKER = 200  # below this, starting a process costs more than it saves
CHUNK = 25  # items sent to a worker at a time: small enough to even out a slow core

_function: Callable[[Any], Any] | None = None  # inherited by the forked workers


def available_cores() -> int:
    """Cores this process may run on (a container's CPU limit, not the host's count)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - macOS and Windows
        return os.cpu_count() or 1


def parallel_map(function: Callable[[Any], Any], items: Sequence[Any], workers: int) -> list:
    """[function(item) for item in items], shared among up to `workers` processes. Results
    travel back pickled; an exception in a worker is raised here."""
    global _function
    workers = min(workers, len(items) // MIN_ITEMS_A_WORKER)
    if workers < 2 or sys.platform != "linux":
        return [function(item) for item in items]
    _function = function
    try:
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(workers, mp_context=context) as pool:
            return list(pool.map(_call, items, chunksize=CHUNK))
    finally:
        _function = None


def _call(item: Any) -> Any:
    assert _function is not None
    return _function(item)
