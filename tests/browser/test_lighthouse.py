"""Lighthouse, as search engines and browsers judge pages: the project's thresholds hold."""

from __future__ import annotations

from pathlib import Path

from termbase.checks.audit import THRESHOLDS, audit, report

from .reading import CHROMIUM, PROJECT


def test_lighthouse_scores_meet_the_thresholds(built_site: Path):
    results = audit(built_site, PROJECT, chrome=str(CHROMIUM))
    summary = report(results)
    print(summary)
    assert [r.page for r in results] == ["term page", "glossary index", "explainer"]
    for result in results:
        for category, minimum in THRESHOLDS.items():
            assert result.scores[category] >= minimum, summary
