"""The header's search box with Pagefind, used as a reader uses it: by keyboard alone, on a
phone, in the dark palette; it shows the page title and the matching text, and never
touches Material's own search script or index; its category filter narrows the results."""

from __future__ import annotations

import pytest
import yaml
from playwright.sync_api import BrowserContext, Page, expect

from .reading import ARTIFACTS, PROJECT, Watch, open_page, search, widths

RESULT = ".md-search-result__item"


def material_search_requests(page: Page) -> list[str]:
    return [
        url
        for url in page.evaluate("performance.getEntriesByType('resource').map(e => e.name)")
        if "search_index" in url or "/workers/search" in url
    ]


@pytest.mark.parametrize("key", ["/", "s"])
def test_the_keyboard_opens_searches_moves_and_opens_a_result(page: Page, watch: Watch, site, key):
    open_page(page, "about/")
    page.keyboard.press(key)
    box = page.locator("input.md-search__input")
    expect(box).to_be_focused()
    page.keyboard.type("mesa optimiser", delay=20)
    first = page.locator(f"{RESULT} > a").first
    expect(first.locator("h1")).to_have_text("Mesa-optimizer")
    expect(first.locator("p mark").first).to_be_visible()  # the matching text, marked
    expect(page.locator(".md-search-result__meta")).to_contain_text("matching document")
    page.keyboard.press("ArrowDown")
    expect(first).to_be_focused()
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowUp")
    expect(first).to_be_focused()
    page.keyboard.press("ArrowUp")
    expect(box).to_be_focused()
    page.keyboard.press("Escape")
    assert page.evaluate("document.getElementById('__search').checked") is False
    expect(box).not_to_be_focused()
    page.keyboard.press("/")
    expect(box).to_be_focused()
    page.keyboard.press("Enter")  # the first result
    page.wait_for_url(f"{site.url}glossary/mesa-optimizer/*")
    expect(page.locator("article h1")).to_contain_text("Mesa-optimizer")
    assert watch.problems == []
    assert material_search_requests(page) == []


def test_typing_in_a_text_field_does_not_open_search(page: Page):
    open_page(page, "glossary/")
    page.get_by_label("Filter the glossary").press_sequentially("s/")
    assert page.evaluate("document.getElementById('__search').checked") is False


def test_a_question_shows_its_faq_section_under_the_term(page: Page, site, terms):
    term = next(t for t in terms if t.faq)
    open_page(page, site.url)
    search(page, term.faq[0].question)
    item = page.locator(RESULT).filter(has=page.locator("h1", has_text=term.term)).first
    expect(item.locator("h2")).to_have_text(term.faq[0].question)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_search_on_a_phone_fills_the_screen_in_both_palettes(
    make_context, site, scheme: str
):  # fmt: skip
    context: BrowserContext = make_context(
        viewport={"width": 360, "height": 740}, device_scale_factor=2, is_mobile=True,
        has_touch=True, color_scheme=scheme,
    )  # fmt: skip
    page = context.new_page()
    watch = Watch(site.url).attach(page)
    open_page(page, site.url)
    expected = "slate" if scheme == "dark" else "default"
    assert page.evaluate("document.body.dataset.mdColorScheme") == expected
    page.locator("label.md-header__button[for='__search']").tap()
    box = page.locator("input.md-search__input")
    expect(box).to_be_focused()
    page.keyboard.type("reward hacking", delay=20)
    first = page.locator(f"{RESULT} > a").first
    expect(first.locator("h1")).to_have_text("Reward hacking")
    panel = page.locator(".md-search__inner").bounding_box()
    assert panel and panel["width"] >= 359 and panel["x"] <= 1
    scroll, inner = widths(page)
    assert scroll <= inner
    colours = first.evaluate(
        "a => [getComputedStyle(a.querySelector('h1')).color,"
        " getComputedStyle(document.querySelector('.md-search__output')).backgroundColor]"
    )
    assert colours[0] != colours[1]
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=ARTIFACTS / f"search-phone-{scheme}.png")
    first.tap()
    page.wait_for_url(f"{site.url}glossary/reward-hacking/*")
    assert watch.problems == []


def test_nothing_of_search_is_fetched_until_the_box_is_used(page: Page):
    fetched: list[str] = []
    page.on("request", lambda request: fetched.append(request.url))
    open_page(page, "")
    assert [url for url in fetched if "/pagefind/" in url] == []
    page.keyboard.press("/")
    page.keyboard.type("goodhart", delay=20)
    expect(page.locator(RESULT).first).to_be_visible()
    assert any(url.endswith("/pagefind/pagefind.js") for url in fetched)
    assert material_search_requests(page) == []


def test_the_category_filter_keeps_the_results_of_the_chosen_category(
    page: Page, watch: Watch, site, terms
):  # fmt: skip
    categories = yaml.safe_load((PROJECT / "glossary" / "_categories.yml").read_text("utf-8"))
    category_of = {t.slug: categories[t.category]["name"] for t in terms}
    open_page(page, site.url)
    everywhere = search(page, "model")

    def categories_of(urls: list[str]) -> set[str | None]:
        return {category_of.get(u.rstrip("/").rsplit("/", 1)[-1]) for u in urls}

    in_results = categories_of(everywhere) - {None}
    assert len(in_results) >= 2, "the query must find terms of more than one category"
    chosen = sorted(in_results)[-1]
    status = page.locator(".md-search-result__meta").text_content()
    page.get_by_role("button", name="Filter by category").click()
    select = page.get_by_label("Category")
    expect(select).to_be_focused()
    select.select_option(value=chosen)
    expect(page.locator(".md-search-result__meta")).not_to_have_text(status or "")
    links = page.eval_on_selector_all(f"{RESULT} > a:first-child", "l => l.map(a => a.href)")
    assert links, "the category has terms that match"
    assert categories_of(links) == {chosen}
    assert watch.problems == []
