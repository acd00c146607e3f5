"""Each benchmark command in a fresh process, timed and its peak memory taken; the builds
alternating or side by side, so that the machine's slow spells hit every kind alike."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass
from pathlib import Path

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
ENV.pop("GITHUB_ACTIONS", None)
BUILD_TIMEOUT = 3600  # seconds; a 10,000-term build is minutes, never an hour


@dataclass
class Run:
    """One measured subprocess."""

    seconds: float  # wall
    cpu: float  # user + system: less sensitive than wall time to other load on the machine
    peak_mb: float


def measure(
    command: list[str], cwd: Path, timeout: float = BUILD_TIMEOUT, env: dict | None = None
) -> Run:
    """Run `command` in a fresh process; its wall time and its own peak resident memory.

    The peak comes from the rusage that os.wait4 returns for that one child (what GNU
    `time -v` reports too), so no earlier run can inflate it.
    """
    with tempfile.TemporaryFile("w+") as output:
        started = time.perf_counter()
        process = subprocess.Popen(
            command, cwd=cwd, env=env or ENV, stdout=output, stderr=subprocess.STDOUT, text=True
        )
        deadline = time.monotonic() + timeout
        while True:
            pid, status, usage = os.wait4(process.pid, os.WNOHANG)
            if pid:
                break
            if time.monotonic() > deadline:
                process.kill()
                process.wait()
                raise SystemExit(f"timed out after {timeout:.0f} s: {' '.join(command)}")
            time.sleep(0.02)
        seconds = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode != 0:
            output.seek(0)
            tail = "\n".join(output.read().splitlines()[-15:])
            raise SystemExit(f"failed (exit {process.returncode}) in {cwd}: {command}\n{tail}")
    cpu = usage.ru_utime + usage.ru_stime
    return Run(seconds, cpu, usage.ru_maxrss / 1024)  # ru_maxrss is in kilobytes on Linux


def alternate_builds(
    projects: dict, repeats: int, name: Callable[[object], str] = str
) -> dict[object, list[Run]]:
    """Build each project in turn, `repeats` rounds, each build a fresh process: a slowdown
    of the machine then hits every project alike. Each project's runs, in order."""
    runs: dict[object, list[Run]] = {kind: [] for kind in projects}
    for repeat in range(repeats):
        for kind, folder in projects.items():
            run = measure(mkdocs_build(folder / "site"), folder)
            runs[kind].append(run)
            say(f"#{repeat + 1} {name(kind)}: {run.seconds:.1f} s, {run.peak_mb:.0f} MB")
    return runs


def measure_together(*jobs: tuple[list[str], Path]) -> list[Run]:
    """Run the commands at the same time, one a core: a slowdown of the machine then hits
    both alike, and their ratio stays comparable where their seconds do not."""
    with ThreadPoolExecutor(len(jobs)) as pool:
        return list(pool.map(lambda job: measure(*job), jobs))


def folder_mb(folder: Path) -> float:
    return sum(f.stat().st_size for f in folder.rglob("*") if f.is_file()) / 1e6


def largest_html(site: Path) -> tuple[str, float]:
    pages = [(f.stat().st_size, f) for f in site.rglob("*.html")]
    size, page = max(pages)
    return str(page.relative_to(site)), size / 1e6


def mkdocs_build(site: Path) -> list[str]:
    return [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)]


def glossary_command(*args: str) -> list[str]:
    return [sys.executable, "-m", "termbase.cli", *args]


def has_linkcheck() -> bool:
    """True once `glossary linkcheck` exists (it is built apart from this benchmark)."""
    probe = subprocess.run(
        glossary_command("linkcheck", "--help"), capture_output=True, text=True, env=ENV
    )
    return probe.returncode == 0


def say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def save_results(workdir: Path, results: list, keep: bool) -> None:
    """results.json in `workdir`; the generated projects removed unless kept."""
    workdir.mkdir(parents=True, exist_ok=True)
    (workdir / "results.json").write_text(
        json.dumps([asdict(r) for r in results], indent=2), encoding="utf-8"
    )
    if not keep:
        for result in results:
            shutil.rmtree(workdir / f"{result.n}", ignore_errors=True)
