"""Shared fixtures: small real sites in temporary folders, and the project's own site."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitebuilder import (  # noqa: F401 - re-exported for the test modules
    CATEGORIES,
    GLOSSARY,
    MKDOCS,
    PROJECT,
    Site,
    make_site,
    run,
    term_fields,
)


@pytest.fixture
def site(tmp_path: Path) -> Site:
    return make_site(tmp_path)


@pytest.fixture(scope="session")
def real_site(tmp_path_factory) -> Site:
    """The project's own site, built once with `mkdocs build --strict` into a temp folder."""
    out = tmp_path_factory.mktemp("real") / "site"
    result = run([*MKDOCS, "build", "--strict", "-d", str(out)], PROJECT)
    assert result.returncode == 0, result.stdout + result.stderr
    site = Site(out.parent)
    return site
