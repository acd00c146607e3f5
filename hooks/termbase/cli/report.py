"""How the commands print problems: `path:line:col: level: message`, and in GitHub Actions
also as workflow annotations, so a pull request shows each on its line."""

from __future__ import annotations

import os
import sys

from termbase.model import Problem


def report(problems: list[Problem], stream=None) -> None:
    """Print problems as `path:line:col: level: message`, plus GitHub annotations in Actions."""
    stream = stream or sys.stderr
    for problem in problems:
        print(problem, file=stream)
        if in_actions():
            loc = problem.location
            # GitHub knows error, warning and notice: advice and importers' notes are notices.
            level = problem.level if problem.level in ("error", "warning") else "notice"
            print(
                annotation(level, loc.path, problem.message, loc.line, loc.column),
                file=stream,
            )


def in_actions() -> bool:
    return os.environ.get("GITHUB_ACTIONS") == "true"


def annotation(level: str, path: str, message: str, line: int = 0, column: int = 0) -> str:
    """A GitHub Actions workflow command: the pull request shows `message` on that line."""

    def escape(text: str, *, prop: bool = False) -> str:
        text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        return text.replace(":", "%3A").replace(",", "%2C") if prop else text

    place = f"file={escape(path, prop=True)}"
    place += f",line={line}" if line else ""
    place += f",col={column}" if column else ""
    return f"::{level} {place}::{escape(message)}"
