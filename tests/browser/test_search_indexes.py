"""A site above `search.pages_per_index` pages gets several Pagefind indexes, one Pagefind run
each (so a build's memory stops growing with the site), and the search box merges them: a
reader finds every term as on a site with one index."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page

from .conftest import Site, build_variant, serve
from .reading import aliases_not_in_top_three, names_not_first, open_page

PAGES_PER_INDEX = 20  # the project's site has about 80 pages: four indexes


@pytest.fixture(scope="module")
def split_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    built = build_variant(tmp_path_factory, "split", pages_per_index=PAGES_PER_INDEX)
    with serve(built) as served:
        yield served


def indexes_of(site: Path) -> int:
    return int(site_box(site).attributes.get("data-pagefind-indexes") or 1)


def site_box(site: Path):
    from selectolax.lexbor import LexborHTMLParser

    html = LexborHTMLParser((site / "index.html").read_text(encoding="utf-8"))
    return html.css_first("[data-glossary-search]")


def test_each_share_of_the_pages_has_its_own_index(split_site: Site):
    pages = list(split_site.folder.rglob("*.html"))
    indexes = indexes_of(split_site.folder)
    assert indexes == -(-len(pages) // PAGES_PER_INDEX) or indexes == len(pages) // PAGES_PER_INDEX
    assert indexes > 1
    bundles = [split_site.folder / "pagefind"]
    bundles += [split_site.folder / "pagefind" / f"part-{n}" for n in range(2, indexes + 1)]
    assert all((bundle / "pagefind-entry.json").is_file() for bundle in bundles)
    assert not (split_site.folder / "pagefind" / f"part-{indexes + 1}").exists()
    assert not list(split_site.folder.glob(".pagefind*"))  # the shares' folder is gone


def test_the_site_with_one_index_says_nothing_of_parts(built_site: Path):
    assert indexes_of(built_site) == 1
    assert "data-pagefind-indexes" not in site_box(built_site).attributes
    assert not (built_site / "pagefind" / "part-2").exists()


def test_every_term_page_is_the_first_result_for_its_name_across_the_indexes(
    page: Page, split_site: Site, terms
):  # fmt: skip
    open_page(page, split_site.url)
    assert names_not_first(page, terms) == {}


def test_every_alias_finds_its_term_among_the_first_three_across_the_indexes(
    page: Page, split_site: Site, terms
):  # fmt: skip
    open_page(page, split_site.url)
    assert aliases_not_in_top_three(page, terms) == {}
