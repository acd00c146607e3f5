"""Put a new folder where an old one is, so that a reader of the path sees the old folder or
the new one, never a mix of both and, where the system allows it, never nothing."""

from __future__ import annotations

import ctypes
import errno
import os
import sys
from pathlib import Path

AT_FDCWD = -100  # <fcntl.h>: paths relative to the working directory
RENAME_EXCHANGE = 2  # <linux/fs.h>: swap the two names in one step
# The kernel (before 3.15), or the file system, cannot exchange: fall back to two renames.
NO_EXCHANGE = {errno.ENOSYS, errno.EINVAL, errno.ENOTSUP, errno.EOPNOTSUPP}


def _renameat2():
    """libc's renameat2 (glibc 2.28+ on Linux), or None where there is none."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        function = ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, AttributeError):
        return None
    path, fd = ctypes.c_char_p, ctypes.c_int
    function.argtypes = [fd, path, fd, path, ctypes.c_uint]
    function.restype = ctypes.c_int
    return function


def exchange(first: Path, second: Path) -> bool:
    """Swap two existing paths in one step; False where the system cannot (nothing moved)."""
    renameat2 = _renameat2()
    if renameat2 is None:
        return False
    if renameat2(AT_FDCWD, os.fsencode(first), AT_FDCWD, os.fsencode(second), RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in NO_EXCHANGE:
        return False
    raise OSError(code, os.strerror(code), str(first), None, str(second))


def replace_folder(new: Path, target: Path, aside: Path) -> Path | None:
    """Move `new` to `target` and return where the previous `target` now is (to delete), or
    None if there was none.

    On Linux the two folders are exchanged with renameat2(RENAME_EXCHANGE): `target` always
    names a whole site, and the old one ends up at `new`'s name. Elsewhere (macOS, Windows,
    Linux before 3.15, file systems without exchange) it takes two renames, the old folder
    to `aside` and the new one to `target`: between the two, for an instant, `target` does
    not exist; a build killed right then leaves the old site at `aside`, which the next
    build puts back (see atomic.recover).
    """
    if not os.path.lexists(target):
        os.rename(new, target)
        return None
    if exchange(new, target):
        return new
    os.rename(target, aside)
    try:
        os.rename(new, target)
    except OSError:
        os.rename(aside, target)
        raise
    return aside
