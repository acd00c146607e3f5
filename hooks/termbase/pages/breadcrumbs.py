"""The trail above each page, in one place: the visible breadcrumbs of term pages and the
BreadcrumbList of every page's JSON-LD are both made from it."""

from __future__ import annotations

from termbase.course.model import Chapter, Course
from termbase.model import Category
from termbase.parts import DEFAULT_PART, part_of
from termbase.urls import HOME_URI, category_uri, chapter_uri, course_uri, index_uri

Trail = list[tuple[str, str]]  # (name, source URI) of each page above, from the home page
HOME = ("Home", HOME_URI)  # a translation's pages start from its own home (engine/head.py)


def term_trail(category: Category, title: str = "Glossary", home: tuple[str, str] = HOME) -> Trail:
    """Above a term: its glossary (`title`, the one its category is of) and category."""
    return [
        home,
        (title, index_uri(part_of(category.key))),
        (category.name, category_uri(category.key)),
    ]


def listing_trail(
    part: str = DEFAULT_PART, title: str = "Glossary", home: tuple[str, str] = HOME
) -> Trail:
    """Above the A-Z letter pages, the categories and the map of a glossary."""
    return [home, (title, index_uri(part))]


def page_trail(uri: str, home: tuple[str, str] = HOME) -> Trail:
    """Above the home page nothing; above the index and hand-written pages, the home page."""
    return [] if uri == home[1] else [home]


def lesson_trail(course: Course) -> Trail:
    """Above a lesson: its course (the chapter follows, from `chapter_trail`)."""
    return [("Home", HOME_URI), (course.title, course_uri(course.key))]


def chapter_trail(course: Course, chapter: Chapter) -> Trail:
    return [*lesson_trail(course), (chapter.title, chapter_uri(course.key, chapter.key))]
