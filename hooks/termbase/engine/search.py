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
"""

from __future__ import annotations

import logging
import resource
import subprocess
import tempfile
import time
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort

from termbase.config import GlossaryConfig

log = logging.getLogger("mkdocs.hooks.glossary")

MATERIAL_SEARCH = "material/search"
OUTPUT = "pagefind"  # the index's folder in the site: pagefind/pagefind.js and its chunks
TIMEOUT = 3600  # seconds; 50,000 synthetic pages took 3 min 17 s here


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


def index_site(pages: Path, output: Path) -> None:
    """Run Pagefind over the HTML under `pages` into `output`; Abort (the build fails) if it
    cannot."""
    started = time.perf_counter()
    try:
        command = pagefind_command(pages.resolve(), output.resolve())
        # Pagefind reads pagefind.yml from its working folder: none is read from the project.
        with tempfile.TemporaryDirectory() as empty:
            result = subprocess.run(
                command, cwd=empty, capture_output=True, text=True, timeout=TIMEOUT, check=False
            )
    except (OSError, subprocess.TimeoutExpired, FileNotFoundError) as error:
        log.error(f"pagefind: cannot index {pages}: {error}")
        raise Abort("Aborted: the search index could not be built.") from None
    for line in result.stdout.splitlines():
        log.debug(f"pagefind: {line}")
    written = (output / "pagefind.js").is_file()
    if result.returncode or not written:
        tail = "\n".join((result.stderr or result.stdout).strip().splitlines()[-10:])
        log.error(f"pagefind failed (exit {result.returncode}) indexing {pages}:\n{tail}")
        raise Abort("Aborted: the search index could not be built.")
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    log.info(
        f"pagefind: indexed the site in {time.perf_counter() - started:.2f} s "
        f"(largest child process {peak:.0f} MB)"
    )
