"""A function over many items on every core, for commands that parse or read thousands of
files (a cold `glossary check`, the link check).

Worker processes are forked, so they start at once and inherit the items instead of being
sent them. The items are cut into chunks that this process and the workers take in turn
from a shared counter, so a process that is slowed down (by the machine's other work, here
often for minutes) simply takes fewer. Each worker sends the results of each chunk through
its own pipe, in `marshal`'s format, so they must be plain data (tuples, lists, dicts,
strings, numbers), or be made so by `send` in the worker and `receive` here. Only Linux forks (on
macOS a forked process can crash in system libraries; Windows cannot fork), and not for a
few items: elsewhere the work is simply done here. Fork is unsafe in a process that runs
threads, so `mkdocs serve` and builds keep workers=1.
"""

from __future__ import annotations

import contextlib
import marshal
import multiprocessing
import os
import sys
import traceback
from collections.abc import Callable, Iterator, Sequence
from multiprocessing.connection import Connection
from typing import Any

MIN_ITEMS_A_WORKER = 200  # below this, starting a process costs more than it saves
CHUNK = 25  # items a process takes at a time: about 6 ms of parsing
# A worker waits while its pipe is full, and this process empties it only between its own
# chunks: the default 64 KB held less than one chunk of parsed terms (about 0.5 MB for 100),
# and a worker spent half its time waiting.
PIPE_BYTES = 1 << 20

_job: tuple[Sequence, Any] | None = None  # the items and the shared count of chunks taken


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
    """[function(item) for item in items], shared among up to `workers` processes.

    Each worker sends every chunk as soon as it is done, and this process reads what has
    arrived between its own chunks, so little is left to receive when the last one is done.
    """
    global _job
    workers = min(workers, len(items) // MIN_ITEMS_A_WORKER)
    if workers < 2 or sys.platform != "linux":
        return [function(item) for item in items]
    _job = (items, multiprocessing.get_context("fork").Value("i", 0))
    done: dict[int, list] = {}
    children: dict[int, Connection] = {}
    try:
        for _ in range(workers - 1):
            pid, connection = _fork_worker(function, send)
            children[pid] = connection
        for start in _chunks():
            done[start] = [function(item) for item in items[start : start + CHUNK]]
            for connection in children.values():
                _receive(connection, done, receive, wait=False)
        for connection in children.values():
            _receive(connection, done, receive, wait=True)
    finally:
        _job = None
        for pid, connection in children.items():
            connection.close()
            os.waitpid(pid, 0)
    return [result for start in sorted(done) for result in done[start]]


def _chunks() -> Iterator[int]:
    """The first index of each chunk this process takes, until none is left."""
    assert _job is not None
    items, taken = _job
    while True:
        with taken.get_lock():
            chunk = taken.value
            taken.value = chunk + 1
        start = chunk * CHUNK
        if start >= len(items):
            return
        yield start


def _fork_worker(function: Callable, send: Callable) -> tuple[int, Connection]:
    """A forked process that sends (start, results) for each chunk it takes, or (-1, the
    traceback) if the function fails."""
    reader, writer = multiprocessing.Pipe(duplex=False)
    import fcntl  # here, not above: only Linux forks, and Windows has no fcntl

    with contextlib.suppress(OSError):  # room for a few chunks, if the system allows it
        fcntl.fcntl(writer.fileno(), fcntl.F_SETPIPE_SZ, PIPE_BYTES)
    pid = os.fork()
    if pid:
        writer.close()
        return pid, reader
    status = 0
    try:  # the worker: never returns, and never runs this process's exit handlers
        reader.close()
        assert _job is not None
        items = _job[0]
        for start in _chunks():
            results = [send(function(item)) for item in items[start : start + CHUNK]]
            writer.send_bytes(marshal.dumps((start, results)))
    except BaseException:
        status = 1
        writer.send_bytes(marshal.dumps((-1, traceback.format_exc())))
    finally:
        os._exit(status)


def _receive(connection: Connection, done: dict, receive: Callable, *, wait: bool) -> None:
    """Chunks a worker has sent: those already here, or (with `wait`) all until it ends."""
    while connection.closed is False and (wait or connection.poll()):
        try:
            start, results = marshal.loads(connection.recv_bytes())
        except EOFError:  # the worker is done
            connection.close()
            return
        if start < 0:
            raise RuntimeError(f"a worker process failed:\n{results}")
        done[start] = [receive(data) for data in results]
