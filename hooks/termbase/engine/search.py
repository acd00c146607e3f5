"""The site's search: Pagefind's index made from the built site, or Material's lunr index.

With `extra.glossary.search.engine: pagefind` (the default), Material's search plugin is
switched off through its own `enabled` option, so it writes no lunr index, and Pagefind's
binary (PyPI `pagefind[bin]`, nothing fetched at run time) indexes the pages the build
wrote (cut to what it indexes, engine/searchpages.py) into the site's folder, before that
folder is put in place (engine/atomic.py): a failed index fails the build
and leaves the previous site as it was. The header's search box is then
overrides/partials/pagefind-search.html with overrides/assets/pagefind-search.js.

What Pagefind needs, in memory to index and in bytes for a reader to search, grows with the
words it indexes: above `search.full_text_limit` terms it skips what Material's search skips
(term pages' explanations and FAQ answers, the lists of definitions), which is the bound
for large glossaries (README, Search).

Pagefind keeps every page it reads in memory until it writes the index, so one index of a
very large site outgrows the machine. Above `search.pages_per_index` pages the cut pages
are shared among several indexes, each made by its own Pagefind run over a folder of
hard links to its share (`pagefind/` for the first, `pagefind/part-2/` and on for the
others), and the search box merges them (Pagefind's `mergeIndex`).
"""

from __future__ import annotations

import logging
import math
import os
import shutil
import subprocess
import tempfile
import threading
import time
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort

from termbase.config import GlossaryConfig
from termbase.engine.tail import Stop

log = logging.getLogger("mkdocs.hooks.glossary")

MATERIAL_SEARCH = "material/search"
OUTPUT = "pagefind"  # the index's folder in the site: pagefind/pagefind.js and its chunks
TIMEOUT = 3600  # seconds for one Pagefind run


def choose_engine(config: MkDocsConfig, settings: GlossaryConfig) -> str:
    """Switch Material's search plugin on for lunr and off for Pagefind; the engine's name.

    lunr needs the plugin in `plugins:` of mkdocs.yml (MkDocs adds it when `plugins:` is
    not given at all); Pagefind's box is in the header either way (partials/header.html).
    """
    plugin = config.plugins.get(MATERIAL_SEARCH)
    lunr = settings.search_engine == "lunr"
    if plugin is None and lunr:
        raise Abort(
            f"{config.config_file_path}: extra.glossary.search.engine is 'lunr', but "
            "Material's search plugin is not in plugins: add `- search` to plugins in mkdocs.yml"
        )
    if plugin is not None:
        plugin.config.enabled = lunr
    return settings.search_engine


def index_count(pages: int, pages_per_index: int) -> int:
    """How many Pagefind indexes a site of `pages` pages gets (the search box merges them)."""
    return max(1, math.ceil(pages / pages_per_index))


def index_folder(number: int) -> str:
    """Where the index `number` (from 1) goes in the site."""
    return OUTPUT if number == 1 else f"{OUTPUT}/part-{number}"


def pagefind_command(pages: Path, output: Path | None = None) -> list[str]:
    """Pagefind indexing the HTML files under `pages` into `output` (default: pages/pagefind)."""
    from pagefind_bin import get_executable  # installed by `pagefind[bin]` (pyproject.toml)

    return [
        str(get_executable()),
        *("--site", str(pages)),
        *(("--output-path", str(output)) if output else ("--output-subdir", OUTPUT)),
        *("--exclude-selectors", ".headerlink"),  # the heading permalinks' "¶"
        # Above search.full_text_limit, what Material's search skips (index_summary_only in
        # engine/markdown_ext.py): Pagefind then indexes the same summaries.
        *("--exclude-selectors", "[data-search-exclude]"),
    ]


def shares(site: Path, indexes: int, translations: frozenset[str] = frozenset()) -> list[list[str]]:
    """The HTML files under `site`, by path there, in `indexes` contiguous runs of the sorted
    list (a term's page and its neighbours' stay together; the sizes differ by one at most).
    The pages of each translation (`fr/...`) come after the source's, so that a share holds
    one language where it can: Pagefind ranks each language apart, within each index."""

    def order(path: str) -> tuple[str, str]:
        first = path.partition("/")[0]
        return (first if first in translations else "", path)

    pages = sorted((str(path.relative_to(site)) for path in site.rglob("*.html")), key=order)
    size, extra = divmod(len(pages), indexes)
    runs, start = [], 0
    for number in range(indexes):
        end = start + size + (number < extra)
        runs.append(pages[start:end])
        start = end
    return runs


def link_share(site: Path, share: list[str], folder: Path) -> None:
    """A folder of hard links to `share` (a copy where the file system has none), with the
    pages' paths in the site, so that Pagefind gives them the same URLs."""
    shutil.rmtree(folder, ignore_errors=True)
    for name in share:
        target = folder / name
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            os.link(site / name, target)
        except OSError:
            shutil.copyfile(site / name, target)


def run_pagefind(source: Path, output: Path, site: Path, stop: Stop | None = None) -> float:
    """One Pagefind run from `source` into `output`, and Pagefind's peak resident memory in
    MB; Abort (the build fails) if it fails; Stopped if `stop` was asked meanwhile."""
    try:
        command = pagefind_command(source.resolve(), output.resolve())
        # Pagefind reads pagefind.yml from its working folder: none is read from the project.
        with tempfile.TemporaryDirectory() as empty:
            code, stdout, stderr, peak = _run(command, Path(empty), stop)
    except (OSError, subprocess.TimeoutExpired) as error:
        log.error(f"pagefind: cannot index {site}: {error}")
        raise Abort("Aborted: the search index could not be built.") from None
    if stop is not None:
        stop.check()  # killed on purpose: not a failure to report
    for line in stdout.splitlines():
        log.debug(f"pagefind: {line}")
    if code or not (output / "pagefind.js").is_file():
        tail = "\n".join((stderr or stdout).strip().splitlines()[-10:])
        log.error(f"pagefind failed (exit {code}) indexing {site}:\n{tail}")
        raise Abort("Aborted: the search index could not be built.")
    return peak


def _run(command: list[str], cwd: Path, stop: Stop | None) -> tuple[int, str, str, float]:
    """Exit status, output, errors and peak memory (MB) of one process: its own resource
    use, which RUSAGE_CHILDREN would mix with the build's forked worker."""
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        process = subprocess.Popen(command, cwd=cwd, stdout=out, stderr=err, text=True)
        if stop is not None:
            stop.running(process)
        expired = threading.Event()
        timer = threading.Timer(TIMEOUT, lambda: (expired.set(), process.kill()))
        timer.start()
        try:
            _, status, usage = os.wait4(process.pid, 0)
        except BaseException:  # Ctrl-C: no Pagefind left writing into the unfinished site
            process.kill()
            process.wait()
            raise
        finally:
            timer.cancel()
            if stop is not None:
                stop.running(None)
        if expired.is_set():
            raise subprocess.TimeoutExpired(command, TIMEOUT)
        process.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        return process.returncode, out.read(), err.read(), usage.ru_maxrss / 1024


def index_site(
    pages: Path,
    site: Path,
    indexes: int = 1,
    translations: frozenset[str] = frozenset(),
    stop: Stop | None = None,
) -> None:
    """Index the HTML under `pages` into the `site`'s pagefind/ folder: in one run, or in
    `indexes` runs one after another, each over its share; Abort (the build fails) if one
    fails."""
    started = time.perf_counter()
    if indexes == 1:
        peak = run_pagefind(pages, site / OUTPUT, site, stop)
    else:
        folder, peak = pages.with_name(f"{pages.name}-share"), 0.0
        try:
            for number, share in enumerate(shares(pages, indexes, translations), 1):
                link_share(pages, share, folder)
                peak = max(peak, run_pagefind(folder, site / index_folder(number), site, stop))
        finally:
            shutil.rmtree(folder, ignore_errors=True)
    log.info(
        f"pagefind: indexed the site in {time.perf_counter() - started:.2f} s, "
        f"{indexes} index{'es' if indexes > 1 else ''} "
        f"(Pagefind's peak {peak:.0f} MB)"
    )
