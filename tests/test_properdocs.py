"""The starter site builds the same under ProperDocs 1.6.7 (the maintained MkDocs 1.x fork)
as under MkDocs 1.6.1: every page, byte for byte but the generator meta."""

from __future__ import annotations

import re
import sys
from pathlib import Path

from sitebuilder import MKDOCS, PROJECT, run

PROPERDOCS = [sys.executable, "-m", "properdocs"]
GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')
# Pagefind's file names differ from one run to the next over the same pages.
HASHED = "pagefind/"


def pages(site: Path) -> dict[str, bytes]:
    return {
        path.relative_to(site).as_posix(): GENERATOR.sub(b"", path.read_bytes())
        for path in site.rglob("*")
        if path.is_file() and not path.relative_to(site).as_posix().startswith(HASHED)
    }


def test_mkdocs_and_properdocs_build_the_same_site(tmp_path):
    built = {}
    for name, engine in (("mkdocs", MKDOCS), ("properdocs", PROPERDOCS)):
        out = tmp_path / name
        command = [*engine, "build", "--strict", "-f", "mkdocs.yml", "-d", str(out)]
        result = run(command, PROJECT)
        assert result.returncode == 0, result.stderr[-3000:]
        assert (out / "pagefind" / "pagefind.js").is_file()
        built[name] = pages(out)
    mkdocs, properdocs = built["mkdocs"], built["properdocs"]
    assert sorted(mkdocs) == sorted(properdocs)
    differ = [path for path in mkdocs if mkdocs[path] != properdocs[path]]
    assert differ == []
