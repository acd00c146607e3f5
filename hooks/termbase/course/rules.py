"""Rules across lessons, courses and the glossary, each a located Problem: lessons in a course
and chapter that exist, one lesson to a place, terms and related lessons that exist, quizzes
with a right answer among two to six choices."""

from __future__ import annotations

from collections import defaultdict

from termbase.course.model import KINDS, LEVELS, Courses, Lesson
from termbase.model import Glossary, Problem
from termbase.reading.schema import suggest

MIN_CHOICES, MAX_CHOICES = 2, 6


def validate_courses(found: Courses, glossary: Glossary | None) -> list[Problem]:
    problems: list[Problem] = []
    published = {t.slug for t in glossary.published} if glossary else None
    places: dict[tuple[str, int], list[Lesson]] = defaultdict(list)
    for lesson in found.lessons.values():
        problems += _check_place(lesson, found)
        problems += _check_words(lesson)
        if published is not None:
            problems += _check_terms(lesson, published)
        problems += _check_related(lesson, found)
        problems += _check_quiz(lesson)
        places[(lesson.course, lesson.order)].append(lesson)
    for (course, order), lessons in places.items():
        if len(lessons) > 1:
            others = ", ".join(x.source for x in lessons[1:])
            problems.append(
                Problem(
                    lessons[0].location("order"),
                    f"lessons share place {order} of course {course!r}: {others}; "
                    "give each lesson its own `order`",
                )
            )
    return problems


def _check_place(lesson: Lesson, found: Courses) -> list[Problem]:
    course = found.courses.get(lesson.course)
    if course is None:
        hint = suggest(lesson.course, set(found.courses))
        return [
            Problem(
                lesson.location("course"),
                f"unknown course {lesson.course!r}{hint}; courses are declared in _courses.yml",
            )
        ]
    if course.chapter(lesson.chapter) is None:
        keys = {c.key for c in course.chapters}
        return [
            Problem(
                lesson.location("chapter"),
                f"course {course.key!r} has no chapter {lesson.chapter!r}"
                f"{suggest(lesson.chapter, keys)}",
            )
        ]
    return []


def _check_words(lesson: Lesson) -> list[Problem]:
    problems = []
    if lesson.level not in LEVELS:
        hint = suggest(lesson.level, set(LEVELS)) or f" (one of {', '.join(LEVELS)})"
        problems.append(Problem(lesson.location("level"), f"unknown level {lesson.level!r}{hint}"))
    if lesson.kind not in KINDS:
        hint = suggest(lesson.kind, set(KINDS)) or f" (one of {', '.join(KINDS)})"
        problems.append(Problem(lesson.location("kind"), f"unknown kind {lesson.kind!r}{hint}"))
    return problems


def _check_terms(lesson: Lesson, published: set[str]) -> list[Problem]:
    return [
        Problem(
            lesson.location(f"teaches.{number}"),
            f"lesson teaches {slug!r}, which is no published term{suggest(slug, published)}",
        )
        for number, slug in enumerate(lesson.teaches, 1)
        if slug not in published
    ]


def _check_related(lesson: Lesson, found: Courses) -> list[Problem]:
    problems = []
    for number, uri in enumerate(lesson.related, 1):
        if uri == lesson.uri:
            problems.append(
                Problem(
                    lesson.location(f"related.{number}"), "a lesson cannot be related to itself"
                )
            )
        elif uri not in found.lessons:
            hint = suggest(uri, set(found.lessons))
            problems.append(
                Problem(
                    lesson.location(f"related.{number}"),
                    f"related lesson {uri!r} is no lesson of the site{hint} "
                    "(paths start in the docs folder)",
                )
            )
    return problems


def _check_quiz(lesson: Lesson) -> list[Problem]:
    problems = []
    for number, question in enumerate(lesson.quiz, 1):
        where = lesson.location(f"quiz.{number}")
        count = len(question.choices)
        if not MIN_CHOICES <= count <= MAX_CHOICES:
            problems.append(
                Problem(
                    lesson.location(f"quiz.{number}.choices"),
                    f"quiz question {number} has {count} choice(s); "
                    f"give it {MIN_CHOICES}-{MAX_CHOICES}",
                )
            )
        both = f"quiz.{number}.answer" in lesson.lines and f"quiz.{number}.answers" in lesson.lines
        if both:
            problems.append(
                Problem(
                    where,
                    f"quiz question {number} has both `answer` and `answers`: `answer` for the one "
                    "right choice, `answers` when several are right",
                )
            )
        elif not question.answers:
            problems.append(
                Problem(
                    where,
                    f"quiz question {number} has no right answer: add `answer:` (the number of "
                    "the right choice, from 1)",
                )
            )
        key = f"quiz.{number}.{'answers' if question.multiple else 'answer'}"
        for answer in question.answers:
            if answer >= count:
                problems.append(
                    Problem(
                        lesson.location(key),
                        f"quiz question {number}: answer {answer + 1} is not one of "
                        f"its {count} choices",
                    )
                )
        if len(set(question.answers)) != len(question.answers):
            problems.append(
                Problem(lesson.location(key), f"quiz question {number} names an answer twice")
            )
    return problems
