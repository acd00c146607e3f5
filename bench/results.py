"""What the benchmark measured at one size, and the tables it prints of it."""

from __future__ import annotations

import statistics
from dataclasses import dataclass, field

from measure import Run
from search import SearchTimes

CHECK_REPEATS = 3  # glossary check and linkcheck take seconds: their noise needs repeats


@dataclass
class Result:
    """Everything measured at one size."""

    n: int
    glossary: list[Run] = field(default_factory=list)
    floor: list[Run] = field(default_factory=list)  # (b): the generated pages as Markdown
    hand: list[Run] = field(default_factory=list)  # (c): the terms written by hand
    hand_pagefind: list[Run] = field(default_factory=list)  # (d): (c) searched by Pagefind
    # (a, b) and (a, c), each pair run at once
    side_by_side: list[tuple[Run, Run]] = field(default_factory=list)
    side_by_side_hand: list[tuple[Run, Run]] = field(default_factory=list)
    glossary_site_mb: float = 0.0
    floor_site_mb: float = 0.0
    hand_site_mb: float = 0.0
    hand_pagefind_site_mb: float = 0.0
    search_index_mb: float = 0.0
    floor_search_index_mb: float = 0.0
    largest_page: tuple[str, float] = ("", 0.0)
    index_json_mb: float = 0.0  # glossary.json
    term_json_kb: tuple[float, float] = (0.0, 0.0)  # glossary/<slug>.json: median, largest
    check_seconds: list[float] = field(default_factory=list)  # cold: no parse cache
    check_warm_seconds: list[float] = field(default_factory=list)  # again, nothing changed
    linkcheck_seconds: list[float] = field(default_factory=list)
    linkcheck_note: str = ""
    serve_seconds: list[float] = field(default_factory=list)
    serve_note: str = ""
    search: SearchTimes = field(default_factory=SearchTimes)

    def median(self, which: str) -> Run:
        runs: list[Run] = getattr(self, which)
        return Run(*(statistics.median(getattr(r, f) for r in runs) for f in Run.__annotations__))


def seconds(runs: list[float]) -> str:
    """'2.91 (2.85-3.40)': the median, then the range, of repeated runs."""
    if not runs:
        return "n/a"
    middle = f"{statistics.median(runs):.2f}"
    return middle if len(runs) == 1 else f"{middle} ({min(runs):.2f}-{max(runs):.2f})"


# -- report --------------------------------------------------------------------------------


FLOORS = (
    ("floor", "(b) generated pages"),
    ("hand", "(c) hand-written"),
    ("hand_pagefind", "(d) hand-written, Pagefind"),
)


def table(results: list[Result]) -> str:
    """Medians of the alternating runs; each floor's row has the glossary's ratio to it,
    and the range of the three runs' ratios (taken in the order they ran)."""
    rows = [
        "| N | build | wall s | CPU s | peak MB | ms/term | site MB | a / floor, wall "
        "(range) | CPU (range) | memory |",
        "|--:|:--|--:|--:|--:|--:|--:|--:|--:|--:|",
    ]
    for r in results:
        a = r.median("glossary")
        rows.append(
            f"| {r.n:,} | (a) glossary | {a.seconds:.1f} | {a.cpu:.1f} | {a.peak_mb:.0f} | "
            f"{a.seconds / r.n * 1000:.1f} | {r.glossary_site_mb:.1f} | | | |"
        )
        for which, label in FLOORS:
            b, runs = r.median(which), getattr(r, which)
            wall = [x.seconds / y.seconds for x, y in zip(r.glossary, runs, strict=True)]
            cpu = [x.cpu / y.cpu for x, y in zip(r.glossary, runs, strict=True)]
            rows.append(
                f"| {r.n:,} | {label} | {b.seconds:.1f} | {b.cpu:.1f} | {b.peak_mb:.0f} | "
                f"{b.seconds / r.n * 1000:.1f} | {getattr(r, which + '_site_mb'):.1f} | "
                f"**{a.seconds / b.seconds:.2f}** ({min(wall):.2f}-{max(wall):.2f}) | "
                f"**{a.cpu / b.cpu:.2f}** ({min(cpu):.2f}-{max(cpu):.2f}) | "
                f"{a.peak_mb / b.peak_mb:.2f} |"
            )
    return "\n".join(rows)


def details(results: list[Result]) -> str:
    rows = [
        f"| N | glossary check s, cold (median of {CHECK_REPEATS}, range) | warm | linkcheck s "
        "| search index MB, Pagefind or lunr (floor) "
        "| largest page |",
        "|--:|--:|--:|--:|--:|:--|",
    ]
    for r in results:
        page, size = r.largest_page
        rows.append(
            f"| {r.n:,} | {seconds(r.check_seconds)} | {seconds(r.check_warm_seconds)} | "
            f"{seconds(r.linkcheck_seconds)} | "
            f"{r.search_index_mb:.1f} ({r.floor_search_index_mb:.1f}) | {page}, {size:.2f} MB |"
        )
    notes = [r.linkcheck_note for r in results if r.linkcheck_note][:1]
    for r in results:
        for which, pairs in (("b", r.side_by_side), ("c", r.side_by_side_hand)):
            if pairs:
                notes.append(
                    f"builds side by side at N={r.n:,} (a and {which} at once, one a core): "
                    f"wall a/{which} {seconds([a.seconds / b.seconds for a, b in pairs])}; "
                    f"CPU a/{which} {seconds([a.cpu / b.cpu for a, b in pairs])}"
                )
    for r in results:
        notes.append(f"search in Chromium at N={r.n:,}: {r.search.summary()}")
    for r in results:
        median, largest = r.term_json_kb
        notes.append(
            f"JSON at N={r.n:,}: glossary.json {r.index_json_mb:.2f} MB; glossary/<slug>.json "
            f"{median:.1f} KB (median), {largest:.1f} KB (largest)"
        )
    for r in results:
        if r.serve_note:
            shown = ", ".join(f"{s:.2f}" for s in r.serve_seconds) or "none"
            notes.append(
                f"mkdocs serve at N={r.n:,}: edit -> reloaded page in {shown} s ({r.serve_note})"
            )
    return "\n".join(rows + [""] + [f"- {n}" for n in notes])
