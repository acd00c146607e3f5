"""The same benchmark glossary built by this checkout's hooks and by another commit's, in
one run: what a change to the core costs or saves, with the machine's noise shared.

For each size it generates one project (bench/generate.py) and its floor, makes a copy of
the project whose mkdocs.yml uses the hooks and templates of REF (checked out in a
temporary git worktree), then builds new, ref and floor in turn, `--repeats` times, and
times a cold and a warm `glossary check` with each code. Ratios are of medians.

    python bench/compare.py HEAD~3 --sizes 1000,10000
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
sys.path.insert(0, str(BENCH))

from generate import generate_project, write_floor  # noqa: E402 - beside this file
from measure import ENV, Run, measure, mkdocs_build, say  # noqa: E402

CHECKS = 3


def ref_copy(project: Path, ref_repo: Path, folder: Path) -> Path:
    """The project again, its mkdocs.yml pointing at REF's hooks and overrides."""
    shutil.copytree(project, folder, ignore=shutil.ignore_patterns("site", ".cache"))
    config = folder / "mkdocs.yml"
    config.write_text(config.read_text().replace(str(REPO), str(ref_repo)), encoding="utf-8")
    return folder


def check_command(hooks: Path) -> tuple[list[str], dict]:
    env = {**ENV, "PYTHONPATH": str(hooks)}  # before site-packages: this code's termbase
    return [sys.executable, "-m", "termbase.cli", "check"], env


def time_checks(project: Path, hooks: Path) -> tuple[list[float], list[float]]:
    command, env = check_command(hooks)
    cold, warm = [], []
    for _ in range(CHECKS):
        shutil.rmtree(project / ".cache", ignore_errors=True)
        cold.append(measure(command, project, env=env).seconds)
    for _ in range(CHECKS):
        warm.append(measure(command, project, env=env).seconds)
    return cold, warm


def median(runs: list[Run], field: str) -> float:
    return statistics.median(getattr(run, field) for run in runs)


def compare(n: int, ref: str, ref_repo: Path, workdir: Path, repeats: int, seed: int) -> str:
    project, floor = workdir / f"{n}-new", workdir / f"{n}-floor"
    generate_project(project, n, seed)
    write_floor(project, floor)
    old = ref_copy(project, ref_repo, workdir / f"{n}-ref")
    kinds = {"new": project, "ref": old, "floor": floor}
    runs: dict[str, list[Run]] = {kind: [] for kind in kinds}
    for repeat in range(repeats):
        for kind, folder in kinds.items():
            run = measure(mkdocs_build(folder / "site"), folder)
            runs[kind].append(run)
            say(f"N={n:,} #{repeat + 1} {kind}: {run.seconds:.1f} s (CPU {run.cpu:.1f} s)")
    checks = {
        "new": time_checks(project, REPO / "hooks"),
        "ref": time_checks(old, ref_repo / "hooks"),
    }
    same = subprocess.run(
        ["diff", "-rq", "-x", "sitemap.xml*", str(project / "site"), str(old / "site")],
        capture_output=True,
        text=True,
    ).stdout.count("\n")
    wall = {kind: median(r, "seconds") for kind, r in runs.items()}
    cpu = {kind: median(r, "cpu") for kind, r in runs.items()}
    peak = {kind: median(r, "peak_mb") for kind, r in runs.items()}
    lines = [
        f"### N = {n:,} (new: this checkout; ref: {ref}; median of {repeats})",
        "",
        "| build | wall s | CPU s | peak MB | wall / floor | CPU / floor |",
        "|:--|--:|--:|--:|--:|--:|",
    ]
    for kind in kinds:
        lines.append(
            f"| {kind} | {wall[kind]:.1f} | {cpu[kind]:.1f} | {peak[kind]:.0f} | "
            f"{wall[kind] / wall['floor']:.3f} | {cpu[kind] / cpu['floor']:.3f} |"
        )
    lines += [
        "",
        f"new / ref: wall {wall['new'] / wall['ref']:.3f}, CPU {cpu['new'] / cpu['ref']:.3f}; "
        f"files that differ between the two sites (sitemap apart): {same}",
        "",
        "| `glossary check` | cold s (range) | warm s (range) |",
        "|:--|--:|--:|",
    ]
    for kind, (cold, warm) in checks.items():
        lines.append(
            f"| {kind} | {statistics.median(cold):.2f} ({min(cold):.2f}-{max(cold):.2f}) | "
            f"{statistics.median(warm):.2f} ({min(warm):.2f}-{max(warm):.2f}) |"
        )
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("ref", help="the commit to compare with (any git revision)")
    parser.add_argument("--sizes", default="1000,10000", help="comma-separated term counts")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--seed", type=int, default=8)
    args = parser.parse_args(argv)
    workdir = Path(tempfile.mkdtemp(prefix="termbase-compare-"))
    ref_repo = workdir / "ref-checkout"
    subprocess.run(
        ["git", "-C", str(REPO), "worktree", "add", "--detach", str(ref_repo), args.ref],
        check=True,
        capture_output=True,
    )
    try:
        for n in (int(size) for size in args.sizes.split(",")):
            print(compare(n, args.ref, ref_repo, workdir, args.repeats, args.seed), flush=True)
    finally:
        subprocess.run(["git", "-C", str(REPO), "worktree", "remove", "--force", str(ref_repo)])
        shutil.rmtree(workdir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    sys.exit(main())
