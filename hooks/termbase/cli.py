"""The `glossary` command editors run: check term files without building the site."""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

from .load import load_glossary
from .model import GlossaryError, Problem


def report(problems: list[Problem], stream=sys.stderr) -> None:
    """Print problems as `path:line:col: level: message`, plus GitHub annotations in Actions."""
    in_actions = os.environ.get("GITHUB_ACTIONS") == "true"
    for problem in problems:
        print(problem, file=stream)
        if in_actions:
            loc = problem.location
            message = problem.message.replace("%", "%25").replace("\n", "%0A")
            print(
                f"::{problem.level} file={loc.path},line={loc.line},col={loc.column}::{message}",
                file=stream,
            )


def _project_root(start: Path) -> Path:
    """The nearest folder upwards holding mkdocs.yml; else where we are."""
    for folder in (start, *start.parents):
        if (folder / "mkdocs.yml").is_file():
            return folder
    return start


def cmd_check(args: argparse.Namespace) -> int:
    root = _project_root(Path.cwd())
    folder = Path(args.dir) if args.dir else root / "glossary"
    started = time.perf_counter()
    try:
        glossary = load_glossary(folder.resolve(), root=root.resolve())
    except GlossaryError as err:
        report(err.problems)
        errors = sum(p.level == "error" for p in err.problems)
        print(f"{errors} error(s) in {folder}", file=sys.stderr)
        return 1
    report(glossary.warnings)
    elapsed = time.perf_counter() - started
    published = len(glossary.published)
    print(
        f"ok: {len(glossary.terms)} term files ({published} published, "
        f"{len(glossary.terms) - published} drafts), {len(glossary.categories)} categories, "
        f"{len(glossary.warnings)} warning(s), checked in {elapsed:.2f} s"
    )
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="glossary",
        description="Tools for editors of the glossary: check term files, and more.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="Run `glossary COMMAND --help` for a command's options and examples.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    check = commands.add_parser(
        "check",
        help="validate every term file without building the site",
        description="Validate every term file in glossary/ and print all problems as "
        "path:line:col: message. Exit 1 if there is any error.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="examples:\n  glossary check\n  glossary check --dir path/to/glossary",
    )
    check.add_argument("--dir", help="the glossary folder (default: glossary/ of the project)")
    check.set_defaults(run=cmd_check)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.run(args)
    except KeyboardInterrupt:  # pragma: no cover
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
