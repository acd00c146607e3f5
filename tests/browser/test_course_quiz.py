"""A lesson's quiz scores by mouse and by keyboard, its progress survives a reload and shows
on the course page, and clearing the browser's storage resets it; the lesson map's term
chips show their definitions; lesson and course pages fit a phone and pass axe-core."""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Page, expect

from sitebuilder import make_course_site

from .conftest import Site, build, serve
from .reading import DESKTOP, PHONE, PROJECT, Watch, open_page, widths

AXE = PROJECT / "node_modules" / "axe-core" / "axe.min.js"
TOOLTIP = ".md-tooltip2--active"


@pytest.fixture(scope="module")
def course(tmp_path_factory) -> Iterator[Site]:
    project = make_course_site(tmp_path_factory.mktemp("course"))
    folder = build(project.root / "mkdocs.yml", tmp_path_factory.mktemp("course-site"))
    with serve(folder) as served:
        yield served


@pytest.fixture
def lesson_page(browser: Browser, course: Site) -> Iterator[tuple[Page, Watch]]:
    context = browser.new_context(**DESKTOP)
    page = context.new_page()
    watch = Watch("{0.scheme}://{0.netloc}/".format(urlsplit(course.url))).attach(page)
    open_page(page, course.url + "lessons/one/")
    yield page, watch
    context.close()


def question(page: Page, number: int):
    return page.locator(".lesson-question").nth(number - 1)


def test_answers_by_mouse_give_a_score_that_a_reload_keeps(lesson_page, course: Site):
    page, watch = lesson_page
    first, second = question(page, 1), question(page, 2)
    expect(first.locator(".lesson-question__answer")).to_be_hidden()
    first.get_by_label("That one").check()
    first.get_by_role("button", name="Check").click()
    expect(first.locator(".lesson-question__result")).to_have_text("Not quite.")
    expect(first.locator(".lesson-question__answer")).to_be_visible()  # the explanation
    expect(first.locator("input").first).to_be_disabled()
    second.get_by_label("A", exact=True).check()
    second.get_by_label("C", exact=True).check()
    second.get_by_role("button", name="Check").click()
    expect(second.locator(".lesson-question__result")).to_have_text("Right.")
    expect(page.locator(".lesson-quiz__score")).to_have_text(
        "You scored 1 of 2. Your best: 1 of 2."
    )

    page.reload(wait_until="networkidle")
    expect(page.locator(".lesson-done-badge")).to_have_text(" · Done · best 1 of 2")
    page.get_by_role("button", name="Check").first.wait_for()
    open_page(page, course.url + "courses/alignment/")
    expect(page.locator(".lesson-card").first).to_contain_text("Done · best 1 of 2")
    expect(page.locator(".lesson-card").nth(1)).not_to_contain_text("Done")
    expect(page.locator(".lesson-course-progress")).to_have_text(
        "1 of 2 lessons done in this browser."
    )

    page.evaluate("localStorage.clear()")
    page.reload(wait_until="networkidle")
    expect(page.locator(".lesson-card").first).not_to_contain_text("Done")
    expect(page.locator(".lesson-course-progress")).to_have_text(
        "0 of 2 lessons done in this browser."
    )
    assert watch.problems == []


def test_the_keyboard_alone_answers_and_retries(lesson_page):
    page, _ = lesson_page
    first_choice = question(page, 1).locator("input").first
    for _ in range(300):
        page.keyboard.press("Tab")
        if first_choice.evaluate("i => i === document.activeElement"):
            break
    else:
        raise AssertionError("Tab never reached the quiz")
    page.keyboard.press("Space")  # picks "This one", the right answer
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Check"
    page.keyboard.press("Enter")
    expect(question(page, 1).locator(".lesson-question__result")).to_have_text("Right.")
    for _ in range(20):  # on to the second question's first choice
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.name") == "quiz-2":
            break
    page.keyboard.press("Space")  # A
    page.keyboard.press("Tab")  # B
    page.keyboard.press("Tab")  # C
    page.keyboard.press("Space")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    expect(page.locator(".lesson-quiz__score")).to_have_text(
        "You scored 2 of 2. Your best: 2 of 2."
    )
    retry = page.get_by_role("button", name="Try the quiz again")
    retry.focus()
    page.keyboard.press("Enter")
    expect(page.locator(".lesson-quiz__score")).to_have_text("")
    expect(question(page, 1).locator("input").first).to_be_enabled()
    expect(question(page, 1).locator("input").first).to_be_focused()


def test_without_javascript_every_answer_is_behind_a_disclosure(browser: Browser, course: Site):
    context = browser.new_context(java_script_enabled=False, **DESKTOP)
    page = open_page(context.new_page(), course.url + "lessons/one/")
    answer = question(page, 1).locator(".lesson-question__answer")
    expect(answer.locator("p")).to_be_hidden()
    answer.locator("summary").click()
    expect(answer).to_contain_text("This one. Because the first one is.")
    context.close()


def test_term_chips_show_their_definitions_on_hover_and_focus(lesson_page):
    page, _ = lesson_page
    chip = page.locator(".lesson-map__terms a").first
    chip.hover()
    expect(page.locator(TOOLTIP)).to_contain_text("Alpha is a test term")
    page.mouse.move(1, 1)
    expect(page.locator(TOOLTIP)).to_have_count(0)
    chip.focus()
    expect(page.locator(TOOLTIP)).to_contain_text("Alpha is a test term")


@pytest.mark.parametrize("device", [PHONE, DESKTOP], ids=["phone", "desktop"])
@pytest.mark.parametrize("path", ["lessons/one/", "courses/alignment/"])
def test_lesson_and_course_pages_fit_and_pass_axe(browser: Browser, course: Site, device, path):
    if not AXE.exists():
        pytest.fail(f"{AXE} is missing: run `npm ci` (make test does) to install axe-core.")
    context = browser.new_context(**device)
    page = open_page(context.new_page(), course.url + path)
    scroll, inner = widths(page)
    assert scroll <= inner
    page.add_script_tag(path=AXE)
    violations = page.evaluate(
        """async () => (await axe.run(document, {resultTypes: ['violations']})).violations
          .filter(v => ['serious', 'critical'].includes(v.impact)).map(v => v.id)"""
    )
    assert violations == []
    context.close()
