"""Parsed term files kept in `.cache/` between runs: only changed files are parsed again.

Parsing is most of the cost of `glossary check` and of loading a large glossary. Entries are
keyed by path and a hash of the file's bytes, so an edit, a checkout or a copy can never
return a stale term; the whole cache is dropped when any file of this package, Python or
PyYAML changes. The file is a pickle: like the hooks themselves it is trusted project
state, ignored by git (`.cache/` in .gitignore).
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
import tempfile
from pathlib import Path

import yaml

CACHE_FILE = Path(".cache") / "termbase" / "parsed-terms.pickle"
PACKAGE = Path(__file__).resolve().parent.parent  # termbase/


def code_version() -> str:
    """Changes whenever parsing could give a different result: any source file of the
    package (a new rule module included), the Python and the PyYAML version."""
    hasher = hashlib.blake2b(digest_size=16)
    for path in sorted(PACKAGE.rglob("*.py")):
        hasher.update(path.relative_to(PACKAGE).as_posix().encode() + b"\0")
        hasher.update(path.read_bytes())
    hasher.update(f"{sys.version}|{yaml.__version__}".encode())
    return hasher.hexdigest()


class ParseCache:
    """`entries` is what a TermParser reuses and fills; `save()` writes it back if changed."""

    def __init__(self, root: Path):
        self.file = root / CACHE_FILE
        self.version = code_version()
        self.entries: dict = self._read()
        self._saved = set(self.entries)

    def _read(self) -> dict:
        try:
            version, entries = pickle.loads(self.file.read_bytes())
        except Exception:  # missing, unreadable or from another version: start afresh
            return {}
        return entries if version == self.version and isinstance(entries, dict) else {}

    def save(self) -> None:
        """Atomically (a new file renamed over the old), so a stopped run never leaves half a
        cache; a cache that cannot be written is simply not kept."""
        if set(self.entries) == self._saved:
            return
        try:
            self.file.parent.mkdir(parents=True, exist_ok=True)
            fd, temporary = tempfile.mkstemp(dir=self.file.parent, suffix=".tmp")
            try:
                with os.fdopen(fd, "wb") as stream:
                    pickle.dump((self.version, self.entries), stream, pickle.HIGHEST_PROTOCOL)
                os.replace(temporary, self.file)
            finally:
                if os.path.exists(temporary):
                    os.unlink(temporary)
        except OSError:
            return
        self._saved = set(self.entries)
