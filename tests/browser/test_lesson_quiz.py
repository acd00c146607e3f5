"""The quiz answers on lesson pages are closed until asked for, and open and close with the
mouse, the keyboard (Enter and Space on the question) and a tap on a phone."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from .reading import open_page

QUESTION = "article details.question"


@pytest.fixture(scope="module")
def lesson(site) -> str:
    """A lesson page with a quiz (`??? question` blocks)."""
    for url in site.pages():
        path = url.removeprefix(site.url)
        if path.startswith("lessons/") and site.html(path).css("details.question"):
            return path
    raise AssertionError("no lesson page has quiz questions")


def answer(details):
    return details.locator(":scope > :not(summary)").first


def test_answers_start_closed(page: Page, lesson):
    open_page(page, lesson)
    questions = page.locator(QUESTION)
    assert questions.count() >= 3
    for i in range(questions.count()):
        expect(questions.nth(i)).not_to_have_attribute("open", "")
        expect(answer(questions.nth(i))).to_be_hidden()


def test_a_click_opens_and_closes_an_answer(page: Page, lesson):
    open_page(page, lesson)
    question = page.locator(QUESTION).first
    question.locator("summary").click()
    expect(answer(question)).to_be_visible()
    question.locator("summary").click()
    expect(answer(question)).to_be_hidden()


def test_enter_and_space_open_and_close_an_answer(page: Page, lesson):
    open_page(page, lesson)
    question = page.locator(QUESTION).nth(1)
    for _ in range(400):
        page.keyboard.press("Tab")
        if question.locator("summary").evaluate("s => s === document.activeElement"):
            break
    else:
        raise AssertionError("Tab never reached the quiz question")
    page.keyboard.press("Enter")
    expect(answer(question)).to_be_visible()
    page.keyboard.press("Enter")
    expect(answer(question)).to_be_hidden()
    page.keyboard.press("Space")
    expect(answer(question)).to_be_visible()
    page.keyboard.press("Space")
    expect(answer(question)).to_be_hidden()


def test_a_tap_opens_an_answer_on_a_phone(phone, lesson):
    page = open_page(phone.new_page(), lesson)
    question = page.locator(QUESTION).last
    question.locator("summary").scroll_into_view_if_needed()
    question.locator("summary").tap()
    expect(answer(question)).to_be_visible()
    question.locator("summary").tap()
    expect(answer(question)).to_be_hidden()
