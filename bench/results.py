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
    glossary: list[Run] = field(default_factory=list)  # (a): searched by Pagefind, the default
    glossary_lunr: list[Run] = field(default_factory=list)  # (a'): by lunr, as (b) and (c) are
    floor: list[Run] = field(default_factory=list)  # (b): the generated pages as Markdown
    hand: list[Run] = field(default_factory=list)  # (c): the terms written by hand
    hand_pagefind: list[Run] = field(default_factory=list)  # (d): (c) searched by Pagefind
    # (a, b), (a', c) and (a, d), each pair run at once
    side_by_side: list[tuple[Run, Run]] = field(default_factory=list)
    side_by_side_hand: list[tuple[Run, Run]] = field(default_factory=list)
    side_by_side_pagefind: list[tuple[Run, Run]] = field(default_factory=list)
    glossary_site_mb: float = 0.0
    glossary_lunr_site_mb: float = 0.0
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
FIELDS = ("seconds", "cpu")
# The glossary's build that searches as each floor does: lunr for (b) and (c), Pagefind for (d).
SAME_SEARCH = {"floor": "glossary_lunr", "hand": "glossary_lunr", "hand_pagefind": "glossary"}


def _ratio(r: Result, build: str, floor: str, field_name: str) -> str:
    """'**1.12** (1.05-1.20)': median over median, then the range of the runs' ratios (each
    build against the floor's build of the same round)."""
    a, b = getattr(r.median(build), field_name), getattr(r.median(floor), field_name)
    pairs = zip(getattr(r, build), getattr(r, floor), strict=True)
    each = [getattr(x, field_name) / getattr(y, field_name) for x, y in pairs]
    return f"**{a / b:.2f}** ({min(each):.2f}-{max(each):.2f})"


def table(results: list[Result]) -> str:
    """Medians of the alternating runs. Each floor's row has the glossary's ratio to it, (a)
    over the floor, and the same for the glossary's build that searches as the floor does:
    (a') for (b) and (c), (a) for (d); with the range of each round's ratio."""
    rows = [
        "| N | build | wall s | CPU s | peak MB | ms/term | site MB | a / floor, wall "
        "(range) | CPU (range) | same search, wall (range) | CPU (range) | memory |",
        "|--:|:--|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|",
    ]
    for r in results:
        for which, label in (
            ("glossary", "(a) glossary"),
            ("glossary_lunr", "(a') glossary, lunr"),
        ):
            a = r.median(which)
            rows.append(
                f"| {r.n:,} | {label} | {a.seconds:.1f} | {a.cpu:.1f} | {a.peak_mb:.0f} | "
                f"{a.seconds / r.n * 1000:.1f} | {getattr(r, which + '_site_mb'):.1f} "
                "| | | | | |"
            )
        a = r.median("glossary")
        for which, label in FLOORS:
            b, same = r.median(which), SAME_SEARCH[which]
            rows.append(
                f"| {r.n:,} | {label} | {b.seconds:.1f} | {b.cpu:.1f} | {b.peak_mb:.0f} | "
                f"{b.seconds / r.n * 1000:.1f} | {getattr(r, which + '_site_mb'):.1f} | "
                + " | ".join(_ratio(r, g, which, f) for g in ("glossary", same) for f in FIELDS)
                + f" | {a.peak_mb / b.peak_mb:.2f} |"
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
        sides = (("a", "b", r.side_by_side), ("a'", "c", r.side_by_side_hand))
        for ours, which, pairs in (*sides, ("a", "d", r.side_by_side_pagefind)):
            if pairs:
                notes.append(
                    f"builds side by side at N={r.n:,} ({ours} and {which} at once, one a "
                    f"core): wall {ours}/{which} "
                    f"{seconds([a.seconds / b.seconds for a, b in pairs])}; "
                    f"CPU {ours}/{which} {seconds([a.cpu / b.cpu for a, b in pairs])}"
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
