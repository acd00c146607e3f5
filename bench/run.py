"""The benchmark: what the glossary costs on top of MkDocs, at 100, 1,000 and 10,000 terms.

For each size N it generates a synthetic glossary (bench/generate.py) and two floors, each
built with the same theme, Markdown extensions and search settings and no hooks:
(b) the same pages the glossary generates, written out as plain Markdown: the hooks' own
overhead; (c) the same terms as a person would write them by hand (bench/handwritten.py):
term pages and one A-Z index, none of the generated extras: what a user compares with.
It builds (a), (b) and (c) in turn, a, b, c, a, b, c, each in a fresh subprocess measured
for wall time, CPU time and peak memory, and prints one table. Then it builds a beside b
and a beside c, at once on two cores: a slow spell of the machine hits both, so their
ratio moves less. It also times `glossary check`, `glossary linkcheck` on the built site, Material's
search in Chromium (bench/search.py), and (at N = 1,000) how long `mkdocs serve` takes to
show an edited term.

    python bench/run.py --quick              # N = 100, under a minute
    python bench/run.py                      # N = 1,000 and 10,000
    python bench/run.py --sizes 1000 --repeats 5
    python bench/run.py --huge               # 100,000 terms against 10,000: bench/huge.py
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))

from generate import generate_project, write_floor  # noqa: E402 - beside this file
from handwritten import write_handwritten  # noqa: E402
from search import SearchTimes, time_search, typed  # noqa: E402

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
ENV.pop("GITHUB_ACTIONS", None)
BUILD_TIMEOUT = 3600  # seconds; a 10,000-term build is minutes, never an hour
SERVE_SIZE = 1000
CHECK_REPEATS = 3  # glossary check and linkcheck take seconds: their noise needs repeats


@dataclass
class Run:
    """One measured subprocess."""

    seconds: float  # wall
    cpu: float  # user + system: less sensitive than wall time to other load on the machine
    peak_mb: float


@dataclass
class Result:
    """Everything measured at one size."""

    n: int
    glossary: list[Run] = field(default_factory=list)
    floor: list[Run] = field(default_factory=list)  # (b): the generated pages as Markdown
    hand: list[Run] = field(default_factory=list)  # (c): the terms written by hand
    # (a, b) and (a, c), each pair run at once
    side_by_side: list[tuple[Run, Run]] = field(default_factory=list)
    side_by_side_hand: list[tuple[Run, Run]] = field(default_factory=list)
    glossary_site_mb: float = 0.0
    floor_site_mb: float = 0.0
    hand_site_mb: float = 0.0
    search_index_mb: float = 0.0
    floor_search_index_mb: float = 0.0
    largest_page: tuple[str, float] = ("", 0.0)
    index_json_mb: float = 0.0  # glossary.json
    term_json_kb: tuple[float, float] = (0.0, 0.0)  # glossary/<slug>.json: median, largest
    check_seconds: list[float] = field(default_factory=list)  # cold: no parse cache
    check_warm_seconds: list[float] = field(default_factory=list)  # again, nothing changed
    linkcheck_seconds: list[float] = field(default_factory=list)
    linkcheck_note: str = ""
    serve_seconds: list[float] = field(default_factory=list)
    serve_note: str = ""
    search: SearchTimes = field(default_factory=SearchTimes)

    def median(self, which: str) -> Run:
        runs: list[Run] = getattr(self, which)
        return Run(*(statistics.median(getattr(r, f) for r in runs) for f in Run.__annotations__))


# -- measuring ---------------------------------------------------------------------------------


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


# -- mkdocs serve: edit one term, wait for the page to change ---------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8", "replace")
    except (urllib.error.URLError, OSError):
        return None


def wait_for(url: str, text: str, limit: float, server: subprocess.Popen) -> float | None:
    """Seconds until `url` serves a page containing `text`, or None after `limit` seconds."""
    started = time.perf_counter()
    for _ in range(int(limit / 0.05)):  # bounded in count as well as in time
        if server.poll() is not None:
            return None
        page = fetch(url)
        if page is not None and text in page:
            return time.perf_counter() - started
        if time.perf_counter() - started > limit:
            return None
        time.sleep(0.05)
    return None


def serve_latency(project: Path, edits: int = 3) -> tuple[list[float], str]:
    """Seconds from saving an edited term file to `mkdocs serve` serving the new text."""
    port = free_port()
    log = project / "serve.log"
    term = sorted((project / "glossary").glob("[!_]*.yml"))[len(project.name) % 7]
    url = f"http://127.0.0.1:{port}/bench/glossary/{term.stem}/"
    original = term.read_text(encoding="utf-8")
    with log.open("w") as out:
        server = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
            cwd=project,
            env=ENV,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group: stopped as one below
        )
    try:
        if wait_for(url, "</html>", 900, server) is None:
            return [], f"mkdocs serve did not serve {url} within 900 s (see {log})"
        time.sleep(2)  # let the watcher settle after the first build
        seconds = []
        for number in range(1, edits + 1):
            marker = f"Edited for the benchmark, revision {number} {time.time_ns()}."
            edited = original.replace("explanation: |\n", f"explanation: |\n  {marker}\n\n", 1)
            term.write_text(edited, encoding="utf-8")
            took = wait_for(url, marker, 300, server)
            if took is None:
                return seconds, f"edit {number} did not show within 300 s (see {log})"
            seconds.append(took)
            time.sleep(1)
        return seconds, f"{term.name}, page {url}"
    finally:
        term.write_text(original, encoding="utf-8")
        _stop(server)


def _stop(server: subprocess.Popen) -> None:
    if server.poll() is not None:
        return
    os.killpg(server.pid, signal.SIGTERM)
    try:
        server.wait(timeout=15)
    except subprocess.TimeoutExpired:
        os.killpg(server.pid, signal.SIGKILL)
        server.wait(timeout=15)


# -- one size ------------------------------------------------------------------------------


def bench_size(n: int, workdir: Path, args: argparse.Namespace) -> Result:
    result = Result(n)
    project, floor = workdir / f"{n}" / "glossary", workdir / f"{n}" / "floor"
    hand = workdir / f"{n}" / "hand"
    started = time.perf_counter()
    generate_project(project, n, args.seed)
    write_floor(project, floor)
    write_handwritten(project, hand)
    say(f"N={n:,}: generated project and floors in {time.perf_counter() - started:.1f} s")

    for _ in range(CHECK_REPEATS):
        shutil.rmtree(project / ".cache", ignore_errors=True)
        result.check_seconds.append(measure(glossary_command("check"), project).seconds)
    for _ in range(CHECK_REPEATS):
        result.check_warm_seconds.append(measure(glossary_command("check"), project).seconds)
    say(
        f"N={n:,}: glossary check {seconds(result.check_seconds)} s, "
        f"again (parse cache warm) {seconds(result.check_warm_seconds)} s"
    )

    folders = {"glossary": project, "floor": floor, "hand": hand}
    sites = {which: folder / "site" for which, folder in folders.items()}
    for repeat in range(args.repeats):
        for which, folder in folders.items():
            run = measure(mkdocs_build(sites[which]), folder)
            getattr(result, which).append(run)
            say(
                f"N={n:,}: build {which} #{repeat + 1}: {run.seconds:.1f} s "
                f"(CPU {run.cpu:.1f} s), {run.peak_mb:.0f} MB peak"
            )

    for pair in range(args.side_by_side):
        for which, pairs in (("floor", result.side_by_side), ("hand", result.side_by_side_hand)):
            a, b = measure_together(
                (mkdocs_build(sites["glossary"]), project),
                (mkdocs_build(sites[which]), folders[which]),
            )
            pairs.append((a, b))
            say(
                f"N={n:,}: side by side #{pair + 1}: glossary {a.seconds:.1f} s, {which} "
                f"{b.seconds:.1f} s (wall {a.seconds / b.seconds:.2f}, CPU {a.cpu / b.cpu:.2f})"
            )

    result.glossary_site_mb = folder_mb(sites["glossary"])
    result.floor_site_mb = folder_mb(sites["floor"])
    result.hand_site_mb = folder_mb(sites["hand"])
    index = Path("search") / "search_index.json"
    result.search_index_mb = (sites["glossary"] / index).stat().st_size / 1e6
    result.floor_search_index_mb = (sites["floor"] / index).stat().st_size / 1e6
    result.largest_page = largest_html(sites["glossary"])
    result.index_json_mb = (sites["glossary"] / "glossary.json").stat().st_size / 1e6
    sizes = [p.stat().st_size / 1e3 for p in (sites["glossary"] / "glossary").glob("*.json")]
    result.term_json_kb = (statistics.median(sizes), max(sizes)) if sizes else (0.0, 0.0)

    if has_linkcheck():
        for _ in range(CHECK_REPEATS):
            run = measure(glossary_command("linkcheck", str(sites["glossary"])), project)
            result.linkcheck_seconds.append(run.seconds)
        say(f"N={n:,}: glossary linkcheck {seconds(result.linkcheck_seconds)} s")
    else:
        result.linkcheck_note = "`glossary linkcheck` does not exist yet: skipped"
        say(f"N={n:,}: {result.linkcheck_note}")

    result.search = time_search(sites["glossary"], typed(search_queries(sites["glossary"])))
    say(f"N={n:,}: search in Chromium: {result.search.summary()}")

    if n == args.serve_size:
        result.serve_seconds, result.serve_note = serve_latency(project)
        say(f"N={n:,}: serve edit->reload {result.serve_seconds} ({result.serve_note})")
    return result


def search_queries(site: Path) -> list[str]:
    """What a reader types: a term's name, another term's alias, and a two-word topic."""
    terms = json.loads((site / "glossary.json").read_text(encoding="utf-8"))["terms"]
    middle = terms[len(terms) // 2]["term"]
    alias = next((a for t in terms[len(terms) // 3 :] for a in t.get("aliases", [])), middle)
    return [middle.lower(), alias.lower(), "reward model"]


def say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def seconds(runs: list[float]) -> str:
    """'2.91 (2.85-3.40)': the median, then the range, of repeated runs."""
    if not runs:
        return "n/a"
    middle = f"{statistics.median(runs):.2f}"
    return middle if len(runs) == 1 else f"{middle} ({min(runs):.2f}-{max(runs):.2f})"


# -- report --------------------------------------------------------------------------------


FLOORS = (("floor", "(b) generated pages"), ("hand", "(c) hand-written"))


def table(results: list[Result]) -> str:
    """Medians of the alternating runs; each floor's row has the glossary's ratio to it,
    and the range of the three runs' ratios (taken in the order they ran)."""
    rows = [
        "| N | build | wall s | CPU s | peak MB | ms/term | site MB | a / floor, wall "
        "(range) | CPU (range) | memory |",
        "|--:|:--|--:|--:|--:|--:|--:|--:|--:|--:|",
    ]
    for r in results:
        a = r.median("glossary")
        rows.append(
            f"| {r.n:,} | (a) glossary | {a.seconds:.1f} | {a.cpu:.1f} | {a.peak_mb:.0f} | "
            f"{a.seconds / r.n * 1000:.1f} | {r.glossary_site_mb:.1f} | | | |"
        )
        for which, label in FLOORS:
            b, runs = r.median(which), getattr(r, which)
            wall = [x.seconds / y.seconds for x, y in zip(r.glossary, runs, strict=True)]
            cpu = [x.cpu / y.cpu for x, y in zip(r.glossary, runs, strict=True)]
            rows.append(
                f"| {r.n:,} | {label} | {b.seconds:.1f} | {b.cpu:.1f} | {b.peak_mb:.0f} | "
                f"{b.seconds / r.n * 1000:.1f} | {getattr(r, which + '_site_mb'):.1f} | "
                f"**{a.seconds / b.seconds:.2f}** ({min(wall):.2f}-{max(wall):.2f}) | "
                f"**{a.cpu / b.cpu:.2f}** ({min(cpu):.2f}-{max(cpu):.2f}) | "
                f"{a.peak_mb / b.peak_mb:.2f} |"
            )
    return "\n".join(rows)


def details(results: list[Result]) -> str:
    rows = [
        f"| N | glossary check s, cold (median of {CHECK_REPEATS}, range) | warm | linkcheck s "
        "| search index MB (floor) "
        "| largest page |",
        "|--:|--:|--:|--:|--:|:--|",
    ]
    for r in results:
        page, size = r.largest_page
        rows.append(
            f"| {r.n:,} | {seconds(r.check_seconds)} | {seconds(r.check_warm_seconds)} | "
            f"{seconds(r.linkcheck_seconds)} | "
            f"{r.search_index_mb:.1f} ({r.floor_search_index_mb:.1f}) | {page}, {size:.2f} MB |"
        )
    notes = [r.linkcheck_note for r in results if r.linkcheck_note][:1]
    for r in results:
        for which, pairs in (("b", r.side_by_side), ("c", r.side_by_side_hand)):
            if pairs:
                notes.append(
                    f"builds side by side at N={r.n:,} (a and {which} at once, one a core): "
                    f"wall a/{which} {seconds([a.seconds / b.seconds for a, b in pairs])}; "
                    f"CPU a/{which} {seconds([a.cpu / b.cpu for a, b in pairs])}"
                )
    for r in results:
        notes.append(f"search in Chromium at N={r.n:,}: {r.search.summary()}")
    for r in results:
        median, largest = r.term_json_kb
        notes.append(
            f"JSON at N={r.n:,}: glossary.json {r.index_json_mb:.2f} MB; glossary/<slug>.json "
            f"{median:.1f} KB (median), {largest:.1f} KB (largest)"
        )
    for r in results:
        if r.serve_note:
            shown = ", ".join(f"{s:.2f}" for s in r.serve_seconds) or "none"
            notes.append(
                f"mkdocs serve at N={r.n:,}: edit -> reloaded page in {shown} s ({r.serve_note})"
            )
    return "\n".join(rows + [""] + [f"- {n}" for n in notes])


def reference_seconds() -> float:
    """A fixed pure-Python loop: how fast this machine runs Python just now. Shared machines
    can halve their speed within the hour; this says when a run's seconds are comparable."""
    started = time.perf_counter()
    total = 0
    for number in range(20_000_000):
        total += number
    return time.perf_counter() - started


def machine(repeats: int, load: tuple[float, float], reference: tuple[float, float]) -> str:
    from importlib.metadata import version

    cores = os.cpu_count() or 1
    busy = (
        f" (above {cores}: other work shared the cores, trust the CPU columns over wall time)"
        if max(load) > cores
        else ""
    )
    return (
        f"{cores} cores, Python {sys.version.split()[0]}, MkDocs {version('mkdocs')}, "
        f"Material {version('mkdocs-material')}; median of {repeats} alternating runs; "
        f"load average {load[0]:.1f} at the start, {load[1]:.1f} at the end{busy}; "
        f"a reference loop of 20 million additions took {reference[0]:.2f} s at the start "
        f"and {reference[1]:.2f} s at the end"
    )


def save_results(workdir: Path, results: list, keep: bool) -> None:
    """results.json in `workdir`; the generated projects removed unless kept."""
    workdir.mkdir(parents=True, exist_ok=True)
    (workdir / "results.json").write_text(
        json.dumps([asdict(r) for r in results], indent=2), encoding="utf-8"
    )
    if not keep:
        for result in results:
            shutil.rmtree(workdir / f"{result.n}", ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sizes = parser.add_mutually_exclusive_group()
    sizes.add_argument("--quick", action="store_true", help="N = 100 only")
    sizes.add_argument("--sizes", help="comma-separated term counts (default: 1000,10000)")
    parser.add_argument(
        "--repeats",
        type=int,
        default=3,
        help="alternating builds of each kind (default 3: the median of three drops one that "
        "met a slow spell of the machine)",
    )
    parser.add_argument(
        "--side-by-side",
        type=int,
        default=2,
        help="pairs of builds run at once, one a core, after the alternating ones (default 2)",
    )
    parser.add_argument("--seed", type=int, default=8)
    parser.add_argument(
        "--serve-size", type=int, default=SERVE_SIZE, help="N at which to time mkdocs serve"
    )
    parser.add_argument(
        "--workdir", type=Path, default=Path(tempfile.gettempdir()) / "glossary-bench"
    )
    parser.add_argument("--keep", action="store_true", help="keep the generated projects")
    parser.add_argument(
        "--huge",
        action="store_true",
        help="instead: bench/huge.py, 100,000 terms against 10,000 (its own options follow)",
    )
    argv = sys.argv[1:] if argv is None else argv
    if "--huge" in argv:  # bench/huge.py reads the other options itself
        import huge

        return huge.main([arg for arg in argv if arg != "--huge"])
    args = parser.parse_args(argv)
    try:
        ns = [100] if args.quick else [int(s) for s in (args.sizes or "1000,10000").split(",")]
    except ValueError:
        parser.error(f"--sizes takes numbers separated by commas, not {args.sizes!r}")
    if any(n < 20 for n in ns) or args.repeats < 1 or args.side_by_side < 0:
        parser.error("sizes must be at least 20, --repeats at least 1, --side-by-side 0 or more")

    load_before, reference_before = os.getloadavg()[1], reference_seconds()
    results = [bench_size(n, args.workdir, args) for n in ns]
    load_after, reference_after = os.getloadavg()[1], reference_seconds()
    print()
    print(table(results))
    print()
    print(details(results))
    print()
    print(machine(args.repeats, (load_before, load_after), (reference_before, reference_after)))
    save_results(args.workdir, results, keep=args.keep)
    return 0


if __name__ == "__main__":
    sys.exit(main())
