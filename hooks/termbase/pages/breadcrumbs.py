"""The trail above each page, in one place: the visible breadcrumbs of term pages and the
BreadcrumbList of every page's JSON-LD are both made from it."""

from __future__ import annotations

from termbase.course.model import Chapter, Course
from termbase.model import Category
from termbase.urls import HOME_URI, INDEX_URI, category_uri, chapter_uri, course_uri

Trail = list[tuple[str, str]]  # (name, source URI) of each page above, from the home page


def term_trail(category: Category) -> Trail:
    return [
        ("Home", HOME_URI),
        ("Glossary", INDEX_URI),
        (category.name, category_uri(category.key)),
    ]


def listing_trail() -> Trail:
    """Above the A-Z letter pages, the categories and the map."""
    return [("Home", HOME_URI), ("Glossary", INDEX_URI)]


def page_trail(uri: str) -> Trail:
    """Above the home page nothing; above the index and hand-written pages, the home page."""
    return [] if uri == HOME_URI else [("Home", HOME_URI)]


def lesson_trail(course: Course) -> Trail:
    """Above a lesson: its course (the chapter follows, from `chapter_trail`)."""
    return [("Home", HOME_URI), (course.title, course_uri(course.key))]


def chapter_trail(course: Course, chapter: Chapter) -> Trail:
    return [*lesson_trail(course), (chapter.title, chapter_uri(course.key, chapter.key))]
