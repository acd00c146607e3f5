"""axe-core, run inside the page, finds no serious or critical accessibility problem on the
pages readers use most, in the light and the dark palette."""

from __future__ import annotations

import pytest

from .reading import PROJECT, open_page

AXE = PROJECT / "node_modules" / "axe-core" / "axe.min.js"

PAGES = {
    "term": None,  # the term_slug fixture's page
    "glossary index": lambda paths: "glossary/",
    "explainer": lambda paths: next(p for p in paths if p.startswith("explainers/")),
    "lesson": lambda paths: next(p for p in paths if p.startswith("lessons/")),
    "home": lambda paths: "",
}


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("kind", PAGES)
def test_no_serious_accessibility_violations(make_context, site, term_slug, kind, scheme):
    if not AXE.exists():
        pytest.fail(f"{AXE} is missing: run `npm ci` (make test does) to install axe-core.")
    paths = [url.removeprefix(site.url) for url in site.pages()]
    path = f"glossary/{term_slug}/" if kind == "term" else PAGES[kind](paths)
    page = open_page(make_context(color_scheme=scheme).new_page(), path)
    page.add_script_tag(path=AXE)
    violations = page.evaluate(
        """async () => (await axe.run(document, {resultTypes: ['violations']})).violations
          .filter(v => ['serious', 'critical'].includes(v.impact))
          .map(v => ({id: v.id, impact: v.impact, help: v.help,
                      nodes: v.nodes.slice(0, 5).map(n => n.target.join(' '))}))"""
    )
    assert violations == []
