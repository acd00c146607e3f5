"""The benchmark: what the glossary costs on top of MkDocs, at 100, 1,000 and 10,000 terms.

For each size N it generates a synthetic glossary (bench/generate.py), searched by Pagefind
(a, the default) and by Material's lunr (a'), and three floors, each built with the same
theme and Markdown extensions and no hooks:
(b) the same pages the glossary generates, written out as plain Markdown: the hooks' own
overhead; (c) the same terms as a person would write them by hand (bench/handwritten.py):
term pages and one A-Z index, none of the generated extras: what a user compares with;
(b) and (c) are searched by lunr; (d) is (c) searched by Pagefind, as the glossary is by
default: MkDocs, then Pagefind's binary over the site, as one measured build.
It builds a, a', b, c, d in turn, three times, each in a fresh subprocess measured for wall
time, CPU time and peak memory, and prints one table, with each floor's ratio to (a) and
to the glossary's build that searches as the floor does. Then it builds a beside b, a'
beside c and a beside d, at once on two cores: a slow spell of the machine hits both, so
their ratio moves less. It also times `glossary check`, `glossary linkcheck` on the built
site, the search in Chromium (bench/search.py), and (at N = 1,000) how long `mkdocs serve`
takes to show an edited term.

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
import statistics
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))

from generate import generate_project, with_search_engine, write_floor  # noqa: E402
from handwritten import pagefind_build, write_handwritten  # noqa: E402
from measure import (  # noqa: E402
    folder_mb,
    glossary_command,
    has_linkcheck,
    largest_html,
    measure,
    measure_together,
    mkdocs_build,
    save_results,
    say,
)
from results import CHECK_REPEATS, Result, details, seconds, table  # noqa: E402
from search import index_mb, time_search, typed  # noqa: E402
from servetime import serve_latency  # noqa: E402

SERVE_SIZE = 1000


# -- one size ------------------------------------------------------------------------------


def bench_size(n: int, workdir: Path, args: argparse.Namespace) -> Result:
    result = Result(n)
    project, floor = workdir / f"{n}" / "glossary", workdir / f"{n}" / "floor"
    project_lunr = workdir / f"{n}" / "glossary-lunr"
    hand, hand_pagefind = workdir / f"{n}" / "hand", workdir / f"{n}" / "hand-pagefind"
    started = time.perf_counter()
    generate_project(project, n, args.seed)
    with_search_engine(project, project_lunr, "lunr")
    write_floor(project, floor)
    write_handwritten(project, hand)
    write_handwritten(project, hand_pagefind, pagefind=True)
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

    folders = {
        "glossary": project,
        "glossary_lunr": project_lunr,
        "floor": floor,
        "hand": hand,
        "hand_pagefind": hand_pagefind,
    }
    sites = {which: folder / "site" for which, folder in folders.items()}
    builds = {which: mkdocs_build(site) for which, site in sites.items()}
    builds["hand_pagefind"] = pagefind_build(builds["hand_pagefind"], sites["hand_pagefind"])
    for repeat in range(args.repeats):
        for which, folder in folders.items():
            run = measure(builds[which], folder)
            getattr(result, which).append(run)
            say(
                f"N={n:,}: build {which} #{repeat + 1}: {run.seconds:.1f} s "
                f"(CPU {run.cpu:.1f} s), {run.peak_mb:.0f} MB peak"
            )

    sides = (
        ("glossary", "floor", result.side_by_side),
        ("glossary_lunr", "hand", result.side_by_side_hand),
        ("glossary", "hand_pagefind", result.side_by_side_pagefind),
    )
    for pair in range(args.side_by_side):
        for ours, which, pairs in sides:
            a, b = measure_together((builds[ours], folders[ours]), (builds[which], folders[which]))
            pairs.append((a, b))
            say(
                f"N={n:,}: side by side #{pair + 1}: {ours} {a.seconds:.1f} s, {which} "
                f"{b.seconds:.1f} s (wall {a.seconds / b.seconds:.2f}, CPU {a.cpu / b.cpu:.2f})"
            )

    result.glossary_site_mb = folder_mb(sites["glossary"])
    result.glossary_lunr_site_mb = folder_mb(sites["glossary_lunr"])
    result.floor_site_mb = folder_mb(sites["floor"])
    result.hand_site_mb = folder_mb(sites["hand"])
    result.hand_pagefind_site_mb = folder_mb(sites["hand_pagefind"])
    result.search_index_mb = index_mb(sites["glossary"])
    result.floor_search_index_mb = index_mb(sites["floor"])
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
