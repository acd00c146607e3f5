"""What a second language costs: the generated glossary of N terms built in English alone,
and built with every term translated into a second language (bench/translation.py), in
the same build, as the hooks do it (README, Translations).

The two builds alternate in fresh processes; each gives its wall time and the peak
resident memory of its largest process (Pagefind's, or MkDocs'), and the table shows the
medians and their ratio. Both sites index whole pages (`search.full_text_limit` above both
sites' term count): by default the two-language site, with twice the terms, would index
summaries and be measured doing less.

    python bench/languages.py --terms 1000 --repeats 3
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))

from generate import generate_project, read_config, write_yaml  # noqa: E402 - beside this file
from measure import Run, alternate_builds, folder_mb  # noqa: E402
from translation import add_translation  # noqa: E402


def pages(site: Path) -> int:
    return sum(1 for _ in site.rglob("index.html"))


def whole_pages(config_file: Path, terms: int) -> None:
    """Index whole pages up to `terms` terms, as the default does up to 1,000."""
    config = read_config(config_file)
    config["extra"]["glossary"].setdefault("search", {})["full_text_limit"] = terms
    write_yaml(config_file, config)


def table(terms: int, runs: dict[str, list[Run]], sites: dict[str, Path]) -> str:
    """The medians of each build and the ratio of two languages to one."""
    wall = {kind: statistics.median(r.seconds for r in rs) for kind, rs in runs.items()}
    cpu = {kind: statistics.median(r.cpu for r in rs) for kind, rs in runs.items()}
    peak = {kind: statistics.median(r.peak_mb for r in rs) for kind, rs in runs.items()}
    rows = [
        f"| {terms:,} terms | pages | site MB | build s | CPU s | peak MB |",
        "|:--|--:|--:|--:|--:|--:|",
    ]
    for kind, site in sites.items():
        rows.append(
            f"| {kind} | {pages(site):,} | {folder_mb(site):.1f} | {wall[kind]:.1f} "
            f"| {cpu[kind]:.1f} | {peak[kind]:.0f} |"
        )
    one, two = sites
    return "\n".join(rows) + (
        f"\n\nsecond language, {two} / {one}: build time {wall[two] / wall[one]:.2f}, "
        f"CPU {cpu[two] / cpu[one]:.2f}, peak memory {peak[two] / peak[one]:.2f}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--terms", type=int, default=1000)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--seed", type=int, default=8)
    args = parser.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="termbase-languages-"))
    try:
        projects = {
            "English": generate_project(work / "one", args.terms, args.seed),
            "English and French": add_translation(
                generate_project(work / "two", args.terms, args.seed), args.terms, args.seed
            ),
        }
        for project in projects.values():
            whole_pages(project / "mkdocs.yml", 2 * args.terms)
        runs = alternate_builds(projects, args.repeats)
        sites = {kind: project / "site" for kind, project in projects.items()}
        print(table(args.terms, runs, sites))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
