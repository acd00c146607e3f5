"""Parsed term files kept in `.cache/` between runs: only changed files are parsed again.

Parsing is most of the cost of `glossary check` and of loading a large glossary (about half
a millisecond a file). Entries are keyed by path and a hash of the file's bytes, so an edit,
a checkout or a copy can never return a stale term; the whole cache is dropped when the code
that parses (or the Python or PyYAML version) changes. The file holds `termcodec` tuples in
Python's `marshal` format (ten times quicker than pickle for 10,000 terms): like the hooks
themselves it is trusted project state, ignored by git (`.cache/` in .gitignore).
"""

from __future__ import annotations

import hashlib
import marshal
import os
import sys
import tempfile
from pathlib import Path

import yaml

from . import termcodec

CACHE_FILE = Path(".cache") / "termbase" / "parsed-terms.marshal"
_PARSING_CODE = (
    *("load.py", "model.py", "schema.py", "termcodec.py", "validate.py"),
    *("quickyaml.py", "yamlnodes.py", "yamlvalue.py"),
)


def _version() -> str:
    """Changes whenever parsing could give a different result."""
    here = Path(__file__).parent
    hasher = hashlib.blake2b(digest_size=16)
    for name in _PARSING_CODE:
        hasher.update((here / name).read_bytes())
    hasher.update(f"{sys.version}|{yaml.__version__}".encode())
    return hasher.hexdigest()


class ParsedTerms:
    """`entries` is handed to load_glossary(reuse=...); `save()` writes it back if it changed."""

    def __init__(self, root: Path):
        self.file = root / CACHE_FILE
        self.version = _version()
        # The termcodec form of entries, where it is known without encoding them: read from
        # the file, or given by load_glossary (its `encoded`).
        self.encoded: dict = {}
        self.entries: dict = self._read()
        self._saved = set(self.entries)
        self._writer = 0  # the process writing in the background, if any

    def _read(self) -> dict:
        try:
            version, entries = marshal.loads(self.file.read_bytes())
            if version != self.version:
                return {}
            self.encoded = entries
            return {key: termcodec.decode(entry) for key, entry in entries.items()}
        except Exception:  # missing, unreadable or from another version: start afresh
            return {}

    def save(self, *, background: bool = False) -> None:
        """Write the entries if they changed. With `background` (for commands that run no
        threads), a forked copy of this process writes them while this one goes on, and
        `wait()` returns once the file is in place."""
        if set(self.entries) == self._saved:
            return
        if background and hasattr(os, "fork"):
            self.wait()
            self._saved = set(self.entries)  # the copy's success is not known here
            self._writer = os.fork()
            if self._writer == 0:  # the copy: write, then leave without running exit handlers
                try:
                    self._write()
                finally:
                    os._exit(0)
            return
        if self._write():
            self._saved = set(self.entries)

    def wait(self) -> None:
        if self._writer:
            os.waitpid(self._writer, 0)
            self._writer = 0

    def _write(self) -> bool:
        """Atomically (a new file renamed over the old), so a stopped run never leaves half a
        cache; a cache that cannot be written is simply not kept (False)."""
        try:
            self.file.parent.mkdir(parents=True, exist_ok=True)
            fd, temporary = tempfile.mkstemp(dir=self.file.parent, suffix=".tmp")
            try:
                known = self.encoded
                entries = {
                    key: known[key] if key in known else termcodec.encode(entry)
                    for key, entry in self.entries.items()
                }
                with os.fdopen(fd, "wb") as stream:
                    # Format 2 keeps no table of shared objects: in a forked writer that table
                    # copied every page it touched, and took twice as long.
                    stream.write(marshal.dumps((self.version, entries), 2))
                os.replace(temporary, self.file)
            finally:
                if os.path.exists(temporary):
                    os.unlink(temporary)
        except OSError:
            return False
        return True
