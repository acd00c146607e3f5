"""A build never leaves a broken site behind.

MkDocs empties site_dir first and writes pages into it one by one, so a build that is
killed, runs out of disk or fails strict mode after writing leaves an empty or half-written
site. `mkdocs build` here writes into a new folder beside site_dir (`.site.building-<pid>`,
on the same file system) and puts it in place only once the whole build has succeeded:
then in one step (swap.replace_folder). Any failure deletes the new folder; a build killed
outright leaves it behind, and the next build deletes it. `mkdocs serve` (its own temporary
site_dir) and `--dirty` builds (which reuse what site_dir holds) write in place as before.
"""

from __future__ import annotations

import atexit
import contextlib
import errno
import glob
import logging
import os
import shutil
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from mkdocs.plugins import event_priority

from termbase.engine.rebuild import WarningCounter
from termbase.engine.swap import replace_folder

log = logging.getLogger("mkdocs.hooks.glossary")

# After every other plugin's on_post_build: what they write and warn goes into this build.
run_last = event_priority(-100)
FULL = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG}  # no space, over quota, file size limit


def building_folder(site: Path, pid: int) -> Path:
    return site.parent / f".{site.name}.building-{pid}"


def aside_folder(site: Path, pid: int) -> Path:
    return site.parent / f".{site.name}.old-{pid}"


def running(pid: int) -> bool:
    """Whether a process of that id runs; ours counts as gone, as containers reuse ids."""
    if pid == os.getpid():
        return False
    if os.name == "nt":  # os.kill(pid, 0) would send it CTRL_C_EVENT there
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process
        return True
    return True


def recover(site: Path) -> None:
    """Delete the folders of builds that no longer run; put back a site that a build killed
    between the two renames of swap's fallback left aside."""
    if not site.parent.is_dir():
        return
    for path in site.parent.glob(f".{glob.escape(site.name)}.*-*"):
        kind, _, pid = path.name[len(site.name) + 2 :].rpartition("-")
        if kind not in ("building", "old") or not pid.isdigit() or running(int(pid)):
            continue
        if kind == "old" and not os.path.lexists(site):
            with contextlib.suppress(OSError):
                os.rename(path, site)
        else:
            shutil.rmtree(path, ignore_errors=True)


def carry_hidden(old: Path, new: Path) -> None:
    """Copy the top-level hidden entries of the old site (`.git`, `.htaccess`): MkDocs never
    deletes them from site_dir, so a user may keep files there."""
    if not old.is_dir():
        return
    shutil.copymode(old, new)
    for entry in old.iterdir():
        if entry.name.startswith("."):
            if entry.is_dir() and not entry.is_symlink():
                shutil.copytree(entry, new / entry.name, symlinks=True)
            else:
                shutil.copy2(entry, new / entry.name, follow_symlinks=False)


class AtomicOutput:
    """One process's build output: redirected in on_config, put in place in on_post_build."""

    def __init__(self) -> None:
        self.atomic = False
        self.site_dir = ""  # config.site_dir as the user gave it
        self.site: Path | None = None  # the folder it names, symlinks resolved
        self.building: Path | None = None
        self.warnings: WarningCounter | None = None
        self.config: MkDocsConfig | None = None  # on_build_error is given no config

    def startup(self, command: str, dirty: bool) -> None:
        """Count warnings from here: MkDocs counts them from the start of the build, right
        after on_startup, but tells only after on_post_build, and a warning logged in
        on_config (by the glossary's own checks, say) fails strict mode too."""
        self.atomic = command != "serve" and not dirty
        if self.atomic:
            self.warnings = WarningCounter()

    def redirect(self, config: MkDocsConfig) -> None:
        """Point config.site_dir at a new folder beside it, after deleting stale ones."""
        if not self.atomic:
            return
        self.config = config
        site = Path(os.path.realpath(config.site_dir))
        if os.path.ismount(site):
            log.info(f"{site} is a mount point, which cannot be swapped: building in place")
            return
        recover(site)
        building = building_folder(site, os.getpid())
        try:
            building.mkdir(parents=True)
            carry_hidden(site, building)
        except OSError as error:
            shutil.rmtree(building, ignore_errors=True)
            log.info(f"cannot build beside {site} ({error.strerror}): building in place")
            return
        self.site_dir, self.site, self.building = config.site_dir, site, building
        config.site_dir = str(building)
        atexit.register(self.abandon)  # Ctrl-C: KeyboardInterrupt skips on_build_error

    def publish(self, config: MkDocsConfig) -> None:
        """Put the new site in place, unless strict mode is about to fail the build."""
        if self.building is None or self.site is None:
            return
        config.site_dir = self.site_dir  # for what runs next (gh-deploy pushes site_dir)
        if config.strict and self.warnings and self.warnings.count:
            self.abandon()
            log.info(f"strict mode: the new site is discarded, {self.site_dir} is left as it was")
            return
        self._stop_counting()
        old = replace_folder(self.building, self.site, aside_folder(self.site, os.getpid()))
        self.building = None
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)

    def failed(self, error: Exception) -> None:
        """The build raised: delete the new folder. An OSError (a full disk, above all) would
        end in a Python traceback: say what failed instead, in one line, and abort."""
        self.abandon()
        if self.site is None:  # not redirected: nothing to say about site_dir
            return
        if self.config is not None:
            self.config.site_dir = self.site_dir
        if isinstance(error, OSError):
            if error.errno in FULL:
                on = f" (writing or copying {error.filename})" if error.filename else ""
                log.error(f"cannot write the site: {error.strerror}{on}")
            else:
                log.error(f"the build failed: {error}")
            raise Abort(f"Aborted: {self.site_dir} was left as it was.") from None

    def abandon(self) -> None:
        self._stop_counting()
        if self.building is not None:
            shutil.rmtree(self.building, ignore_errors=True)
            self.building = None

    def _stop_counting(self) -> None:
        if self.warnings is not None:
            logging.getLogger("mkdocs").removeHandler(self.warnings)
            self.warnings = None
