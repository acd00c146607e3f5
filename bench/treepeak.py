"""Peak memory of a whole process tree: a command, its forked workers and Pagefind's binary.

`os.wait4` and GNU `time -v` give the largest resident set of one process; a build that
forks parse workers or runs Pagefind beside MkDocs holds the sum of them at once. This
samples /proc (Linux) every few tenths of a second and keeps the largest sum of the resident
memory of the command and every process descended from it, and which processes made it up.

    python bench/treepeak.py -- mkdocs build --strict
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

PAGE_KB = os.sysconf("SC_PAGE_SIZE") // 1024
INTERVAL = 0.25  # seconds between samples


@dataclass
class TreePeak:
    """The largest sums of resident and of proportional memory seen, in MB, and the
    processes that made up the resident peak."""

    mb: float = 0.0
    pss_mb: float = 0.0
    parts: list[tuple[str, float, float]] = field(default_factory=list)
    samples: int = 0

    def add(self, parts: list[tuple[str, float, float]]) -> None:
        self.samples += 1
        self.pss_mb = max(self.pss_mb, sum(pss for _, _, pss in parts))
        if (total := sum(rss for _, rss, _ in parts)) > self.mb:
            self.mb, self.parts = total, parts

    def summary(self) -> str:
        named = ", ".join(f"{name} {rss:.0f}" for name, rss, _ in self.parts[:4])
        return f"{self.mb:.0f} MB resident ({named}), {self.pss_mb:.0f} MB proportional"


def _children() -> dict[int, list[int]]:
    """Every process's children, from the parent pid in /proc/<pid>/stat."""
    children: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            stat = Path(entry.path, "stat").read_text()
        except OSError:  # gone since the listing
            continue
        parent = int(stat[stat.rindex(")") + 2 :].split()[1])
        children.setdefault(parent, []).append(int(entry.name))
    return children


def _rss(pid: int) -> tuple[str, float, float] | None:
    """(name, resident MB, proportional MB): a forked worker shares its parent's pages until
    either writes them, so the sum of resident sets counts those pages twice; the
    proportional set size (PSS) splits each shared page among the processes mapping it."""
    try:
        name = Path(f"/proc/{pid}/comm").read_text().strip()
        pages = int(Path(f"/proc/{pid}/statm").read_text().split()[1])
        rollup = Path(f"/proc/{pid}/smaps_rollup").read_text()
    except (OSError, ValueError, IndexError):
        return None
    pss = next((int(line.split()[1]) for line in rollup.splitlines() if line.startswith("Pss:")), 0)
    return name, pages * PAGE_KB / 1024, pss / 1024


def tree_rss(root: int) -> list[tuple[str, float, float]]:
    """(name, resident MB, proportional MB) of `root` and its descendants, largest first."""
    children, found, todo = _children(), [], [root]
    while todo:
        pid = todo.pop()
        if (usage := _rss(pid)) is not None:
            found.append(usage)
        todo.extend(children.get(pid, []))
    return sorted(found, key=lambda part: -part[1])


def sample_until_done(process: subprocess.Popen, peak: TreePeak) -> int:
    """Sample the tree under `process` until it exits; its exit code."""
    while process.poll() is None:
        peak.add(tree_rss(process.pid))
        time.sleep(INTERVAL)
    return process.returncode


def main(argv: list[str]) -> int:
    command = argv[argv.index("--") + 1 :] if "--" in argv else argv
    started = time.perf_counter()
    process = subprocess.Popen(command)
    peak = TreePeak()
    code = sample_until_done(process, peak)
    print(
        f"treepeak: exit {code}, {time.perf_counter() - started:.1f} s, peak {peak.summary()}",
        file=sys.stderr,
    )
    return code


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
