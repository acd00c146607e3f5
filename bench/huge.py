"""The glossary at 100,000 terms: does it build on one machine, and does each term cost the same?

For each size N (default 10,000 and 100,000, in one run so that both meet the same machine)
it generates a synthetic glossary (bench/generate.py; kept between runs with --keep), then
runs, each once and in a fresh process: a cold `glossary check` (no parse cache), `mkdocs
build --strict` (Pagefind included, the default search engine), and `glossary linkcheck` on
the built site. For each it reports wall and CPU time, milliseconds a term, and the peak
memory of the whole process tree (bench/treepeak.py: MkDocs, its forked workers and
Pagefind's binary, summed): the resident sum and the proportional sum, which counts a page
shared by a forked worker and its parent once. Then the site's size and file count.

    python bench/run.py --huge                   # N = 100,000 then 10,000, about an hour
    python bench/huge.py --sizes 10000,30000     # extrapolate first
    python bench/huge.py --workdir /tmp/big --keep   # keep (and reuse) the generated projects
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))

from generate import generate_project  # noqa: E402 - beside this file
from measure import save_results  # noqa: E402
from treepeak import INTERVAL, TreePeak, tree_rss  # noqa: E402

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
ENV.pop("GITHUB_ACTIONS", None)
TIMEOUT = 4 * 3600  # seconds; a 100,000-term build is tens of minutes
LIMIT_MB = 8000  # the bound of issue 25
PAGEFIND_LINE = re.compile(
    r"pagefind: indexed the site in ([\d.]+) s, (\d+) index(?:es)? "
    r"\(Pagefind's peak (\d+) MB\)"
)


@dataclass
class Step:
    """One command, measured."""

    seconds: float
    cpu: float  # user + system of the command and every process it waited for
    rss_mb: float  # the largest sum of resident memory over the process tree
    pss_mb: float  # the same, shared pages split among the processes sharing them
    largest: list[tuple[str, float, float]] = field(default_factory=list)
    log_tail: str = ""


@dataclass
class Size:
    n: int
    steps: dict[str, Step] = field(default_factory=dict)
    site_mb: float = 0.0
    site_files: int = 0
    pagefind_mb: float = 0.0
    pagefind_seconds: float = 0.0  # the index step inside the build, from its log
    pagefind_peak_mb: float = 0.0  # Pagefind's own resident peak, from the same line
    pagefind_indexes: int = 0


def measure(command: list[str], cwd: Path) -> Step:
    """Run `command`; wall and CPU time, and the tree's peak memory sampled from /proc."""
    with tempfile.TemporaryFile("w+") as output:
        started = time.perf_counter()
        process = subprocess.Popen(
            command, cwd=cwd, env=ENV, stdout=output, stderr=subprocess.STDOUT, text=True
        )
        peak, deadline = TreePeak(), time.monotonic() + TIMEOUT
        while True:
            pid, status, usage = os.wait4(process.pid, os.WNOHANG)
            if pid:
                break
            if time.monotonic() > deadline:
                process.kill()
                process.wait()
                raise SystemExit(f"timed out after {TIMEOUT} s: {' '.join(command)}")
            peak.add(tree_rss(process.pid))
            time.sleep(INTERVAL)
        seconds = time.perf_counter() - started
        output.seek(0)
        log = output.read()
    code = os.waitstatus_to_exitcode(status)
    tail = "\n".join(log.splitlines()[-15:])
    if code != 0:
        raise SystemExit(f"failed (exit {code}) in {cwd}: {' '.join(command)}\n{tail}")
    cpu = usage.ru_utime + usage.ru_stime
    return Step(seconds, cpu, peak.mb, peak.pss_mb, peak.parts[:4], log[-4000:])


def generated(folder: Path, n: int, seed: int) -> Path:
    """The project of `n` terms, generated unless a finished one with the same seed is there."""
    marker = folder / ".generated.json"
    wanted = {"n": n, "seed": seed}
    if marker.is_file() and json.loads(marker.read_text(encoding="utf-8")) == wanted:
        say(f"N={n:,}: reusing the project generated in {folder}")
        return folder
    started = time.perf_counter()
    generate_project(folder, n, seed)
    marker.write_text(json.dumps(wanted), encoding="utf-8")
    say(f"N={n:,}: generated in {time.perf_counter() - started:.0f} s")
    return folder


def bench_size(n: int, args: argparse.Namespace) -> Size:
    project = generated(args.workdir / f"{n}", n, args.seed)
    site = project / "site"
    shutil.rmtree(project / ".cache", ignore_errors=True)
    shutil.rmtree(site, ignore_errors=True)
    glossary = [sys.executable, "-m", "termbase.cli"]
    result = Size(n)
    commands = {  # step: (name in the report, command)
        "check": ("glossary check (cold)", [*glossary, "check"]),
        "build": ("mkdocs build --strict", [sys.executable, "-m", "mkdocs", "build", "--strict"]),
        "linkcheck": ("glossary linkcheck", [*glossary, "linkcheck", str(site)]),
    }
    for key, (name, command) in commands.items():
        if key not in args.steps:
            continue
        step = result.steps[name] = measure(command, project)
        say(f"N={n:,}: {name}: {step.seconds:.1f} s (CPU {step.cpu:.1f} s), {describe(step)}")
    files = [f for f in site.rglob("*") if f.is_file()]
    result.site_files = len(files)
    result.site_mb = sum(f.stat().st_size for f in files) / 1e6
    result.pagefind_mb = sum(f.stat().st_size for f in (site / "pagefind").rglob("*")) / 1e6
    build = result.steps.get("mkdocs build --strict")
    if build and (found := PAGEFIND_LINE.search(build.log_tail)):
        result.pagefind_seconds, result.pagefind_indexes = float(found[1]), int(found[2])
        result.pagefind_peak_mb = float(found[3])
    say(f"N={n:,}: site {result.site_mb:.0f} MB in {result.site_files:,} files")
    return result


def describe(step: Step) -> str:
    named = ", ".join(f"{name} {rss:.0f}" for name, rss, _ in step.largest[:3])
    return f"peak {step.rss_mb:.0f} MB resident ({named}), {step.pss_mb:.0f} MB proportional"


def report(results: list[Size]) -> str:
    rows = [
        "| N | step | wall s | CPU s | ms a term (wall) | ms a term (CPU) | peak MB, resident "
        "(proportional) | largest processes at the peak, MB |",
        "|--:|:--|--:|--:|--:|--:|--:|:--|",
    ]
    for r in results:
        for name, s in r.steps.items():
            named = ", ".join(f"{p} {rss:.0f}" for p, rss, _ in s.largest[:3])
            rows.append(
                f"| {r.n:,} | `{name}` | {s.seconds:.1f} | {s.cpu:.1f} | "
                f"{s.seconds / r.n * 1000:.2f} | {s.cpu / r.n * 1000:.2f} | "
                f"{s.rss_mb:,.0f} ({s.pss_mb:,.0f}) | {named} |"
            )
    lines = ["\n".join(rows), ""]
    for r in results:
        lines.append(
            f"- N={r.n:,}: site {r.site_mb:,.0f} MB in {r.site_files:,} files, of which "
            f"Pagefind's {r.pagefind_indexes} index(es) {r.pagefind_mb:,.0f} MB; the index step "
            f"took {r.pagefind_seconds:.0f} s, Pagefind's own peak {r.pagefind_peak_mb:,.0f} MB"
        )
    if len(results) > 1:
        small, large = results[0], results[-1]
        for name in small.steps.keys() & large.steps.keys():
            a, b = small.steps[name], large.steps[name]
            growth = (b.cpu / large.n) / (a.cpu / small.n)
            lines.append(
                f"- `{name}`, CPU a term at {large.n:,} over {small.n:,}: {growth:.2f} "
                "(1.00 is flat)"
            )
    worst = max(s.rss_mb for r in results for s in r.steps.values())
    verdict = "under" if worst < LIMIT_MB else "OVER"
    lines.append(f"- largest peak {worst:,.0f} MB resident: {verdict} the {LIMIT_MB:,} MB bound")
    return "\n".join(lines)


def say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="10000,100000", help="comma-separated term counts")
    parser.add_argument("--seed", type=int, default=8)
    parser.add_argument(
        "--workdir", type=Path, default=Path(tempfile.gettempdir()) / "glossary-bench-huge"
    )
    parser.add_argument("--keep", action="store_true", help="keep the generated projects")
    parser.add_argument(
        "--steps",
        default="build,check,linkcheck",
        type=lambda text: set(text.split(",")),
        help="which of build, check and linkcheck to run (default all three)",
    )
    args = parser.parse_args(argv)
    try:
        ns = [int(s) for s in args.sizes.split(",")]
    except ValueError:
        parser.error(f"--sizes takes numbers separated by commas, not {args.sizes!r}")
    if any(n < 20 for n in ns):
        parser.error("sizes must be at least 20")
    # The largest first: the run that matters most is done before the machine's next job.
    results = sorted((bench_size(n, args) for n in sorted(ns, reverse=True)), key=lambda r: r.n)
    print()
    print(report(results))
    print(f"\n{os.cpu_count()} cores, Python {sys.version.split()[0]}; one run of each command")
    save_results(args.workdir, results, keep=args.keep)
    return 0


if __name__ == "__main__":
    sys.exit(main())
