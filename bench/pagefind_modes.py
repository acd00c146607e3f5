"""Pagefind's two ways of indexing a built site, timed on the same pages (issue 24).

The build runs Pagefind's command line once, after the last page, over the pages cut to
what it indexes (hooks/termbase/engine/searchpages.py). The only way to hand Pagefind pages
while MkDocs still renders is its service mode (`pagefind --service`, the protocol under
its Node and Python APIs): this script feeds it the same cut pages as fast as it takes them,
then asks it to write the index, and prints both timings, so the choice can be checked
against any built site.

    python bench/pagefind_modes.py SITE [--repeats 3]
"""

from __future__ import annotations

import argparse
import base64
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "hooks"))

from termbase.engine.search import OUTPUT, pagefind_command  # noqa: E402 - hooks/ on the path
from termbase.engine.searchpages import indexed_part  # noqa: E402


def cut_pages(site: Path, folder: Path) -> dict[str, str]:
    """The site's indexed pages, cut as the build cuts them, written under `folder` too."""
    pages = {}
    for path in sorted(site.rglob("*.html")):
        uri = path.relative_to(site).as_posix()
        part = None if uri.startswith(f"{OUTPUT}/") else indexed_part(path.read_text("utf-8"))
        if part is not None:
            pages[uri] = part
            (folder / uri).parent.mkdir(parents=True, exist_ok=True)
            (folder / uri).write_text(part, encoding="utf-8")
    return pages


def command_line(folder: Path, output: Path) -> float:
    started = time.perf_counter()
    subprocess.run(pagefind_command(folder, output), check=True, capture_output=True)
    return time.perf_counter() - started


class Service:
    """`pagefind --service`: base64 JSON requests and answers, each ended by a comma."""

    def __init__(self, executable: str) -> None:
        self.process = subprocess.Popen(
            [executable, "--service"], stdin=subprocess.PIPE, stdout=subprocess.PIPE
        )
        self.sent = 0
        self.buffer = b""

    def send(self, payload: dict) -> None:
        self.sent += 1
        request = json.dumps({"message_id": self.sent, "payload": payload}).encode()
        assert self.process.stdin is not None
        self.process.stdin.write(base64.b64encode(request) + b",")

    def answers(self, count: int) -> list[dict]:
        """The next `count` answers; an error answer stops the run."""
        assert self.process.stdin is not None and self.process.stdout is not None
        self.process.stdin.flush()
        found: list[dict] = []
        while len(found) < count:
            while b"," not in self.buffer:
                chunk = self.process.stdout.read1(1 << 16)
                if not chunk:
                    raise SystemExit("pagefind --service stopped")
                self.buffer += chunk
            message, _, self.buffer = self.buffer.partition(b",")
            answer = json.loads(base64.b64decode(message))["payload"]
            if answer.get("type") == "Error":
                raise SystemExit(f"pagefind --service: {answer.get('message')}")
            found.append(answer)
        return found

    def close(self) -> None:
        assert self.process.stdin is not None
        self.process.stdin.close()
        self.process.wait()


def service_mode(pages: dict[str, str], output: Path) -> tuple[float, float]:
    """Seconds until every page is added, then seconds to write the index."""
    service = Service(pagefind_command(Path("."))[0])
    try:
        started = time.perf_counter()
        selectors = [".headerlink", "[data-search-exclude]"]  # as pagefind_command gives them
        service.send({"type": "NewIndex", "config": {"exclude_selectors": selectors}})
        index = service.answers(1)[0]["index_id"]
        for uri, html in pages.items():
            payload = {"index_id": index, "file_path": uri, "url": None, "file_contents": html}
            service.send({"type": "AddFile", **payload})
        service.answers(len(pages))
        added = time.perf_counter()
        service.send({"type": "WriteFiles", "index_id": index, "output_path": str(output)})
        service.answers(1)
        return added - started, time.perf_counter() - added
    finally:
        service.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path, help="a site built by this project's hooks")
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="pagefind-modes-"))
    try:
        pages = cut_pages(args.site, work / "pages")
        cli, added, written = [], [], []
        for _ in range(args.repeats):  # alternating, so both see the same machine
            shutil.rmtree(work / "out", ignore_errors=True)
            cli.append(command_line(work / "pages", work / "out"))
            shutil.rmtree(work / "out", ignore_errors=True)
            add, write = service_mode(pages, work / "out")
            added.append(add)
            written.append(write)
        median = statistics.median
        print(f"{len(pages)} pages, {sum(map(len, pages.values())) / 1e6:.1f} MB cut")
        print(f"command line: {median(cli):.2f} s (runs {', '.join(f'{s:.2f}' for s in cli)})")
        print(
            f"service: adding {median(added):.2f} s, then writing {median(written):.2f} s "
            f"(writing alone against the command line: {median(written) / median(cli):.2f})"
        )
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
