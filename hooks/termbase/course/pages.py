"""The generated course and chapter pages: their Markdown (title and description, for
search and links), and the template data of every course page, lesson and term page."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

import jinja2

from termbase.course.model import Course, Courses, Lesson
from termbase.pages.views import TitledLink
from termbase.urls import chapter_uri, course_uri, term_uri

WORDS_PER_MINUTE = 200


def reading_minutes(words: int) -> int:
    return max(1, math.ceil(words / WORDS_PER_MINUTE)) if words else 0


def course_pages(courses: Courses, env: jinja2.Environment) -> dict[str, str]:
    """src_uri -> Markdown of each course page and chapter page."""
    out = {}
    course_md, chapter_md = env.get_template("course.md"), env.get_template("chapter.md")
    for course in courses.courses.values():
        out[course_uri(course.key)] = course_md.render(course=course)
        for chapter in course.chapters:
            out[chapter_uri(course.key, chapter.key)] = chapter_md.render(
                course=course, chapter=chapter
            )
    return out


@dataclass(frozen=True)
class LessonCard:
    """A lesson as course pages and "Keep going" list it."""

    title: str
    url: str  # site-relative
    level: str
    minutes: int
    summary: str
    number: int  # its place in the course


class CourseViews:
    """Template data about courses; `url_for` maps a source URI to its page URL."""

    def __init__(self, courses: Courses, url_for: Callable[[str], str], terms: dict):
        self.courses, self.url_for, self.terms = courses, url_for, terms

    def card(self, lesson: Lesson) -> LessonCard:
        return LessonCard(
            lesson.title,
            self.url_for(lesson.uri),
            lesson.level,
            reading_minutes(lesson.words),
            lesson.summary,
            lesson.order,
        )

    def course(self, key: str, chapter: str | None = None) -> dict:
        """A course page (or one chapter's page): its chapters with their lessons."""
        course = self.courses.courses[key]
        lessons = self.courses.of(key)
        chapters = [
            {
                "title": c.title,
                "description": c.description,
                "url": self.url_for(chapter_uri(key, c.key)),
                "lessons": [self.card(x) for x in lessons if x.chapter == c.key],
            }
            for c in course.chapters
            if chapter is None or c.key == chapter
        ]
        return {"title": course.title, "url": self.url_for(course_uri(key)), "chapters": chapters}

    def lesson(self, lesson: Lesson) -> dict:
        """What the lesson's header and footer show around its Markdown."""
        course = self.courses.courses[lesson.course]
        chapter = course.chapter(lesson.chapter)
        assert chapter is not None  # validated
        chapter_url = self.url_for(chapter_uri(course.key, chapter.key))
        siblings = self.courses.of(lesson.course)
        place = self.courses.place(lesson)
        related = [self.card(self.courses.lessons[uri]) for uri in lesson.related]
        return {
            "lesson": lesson,
            "number": place + 1,
            "total": len(siblings),
            "minutes": reading_minutes(lesson.words),
            "course": TitledLink(course.title, self.url_for(course_uri(course.key))),
            "chapter": TitledLink(chapter.title, chapter_url),
            "previous": self.card(siblings[place - 1]) if place > 0 else None,
            "next": self.card(siblings[place + 1]) if place + 1 < len(siblings) else None,
            "concepts": [
                TitledLink(
                    self.terms[s].term, self.url_for(term_uri(s)), self.terms[s].short_definition
                )
                for s in lesson.teaches
            ],
            "related": related,
        }

    def term_link(self, slug: str) -> TitledLink:
        """A term chip: its name, page and definition (the hover text)."""
        term = self.terms[slug]
        return TitledLink(term.term, self.url_for(term_uri(slug)), term.short_definition)

    def teaching(self, slug: str) -> list[LessonCard]:
        return [self.card(x) for x in self.courses.teaching(slug)]


def course_of(courses: Courses, uri: str) -> tuple[Course, str | None] | None:
    """The course a generated course or chapter page is about, and the chapter's key."""
    for course in courses.courses.values():
        if uri == course_uri(course.key):
            return course, None
        for chapter in course.chapters:
            if uri == chapter_uri(course.key, chapter.key):
                return course, chapter.key
    return None
