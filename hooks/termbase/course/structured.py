"""Structured data of courses for search engines: a lesson is a LearningResource that
teaches DefinedTerms and is part of a Course, with its quiz as a Quiz; a course page is a
Course. Only what the page shows is marked up (the quiz's answers are on the page, behind
a disclosure)."""

from __future__ import annotations

from termbase.course.model import Course, Lesson
from termbase.pages.seo import SCHEMA


def lesson_ld(
    lesson: Lesson,
    url: str,
    minutes: int,
    course: tuple[Course, str],  # the course and its page's absolute URL
    terms: list[tuple[str, str]],  # (name, absolute URL) of the terms it teaches
    base: dict,  # the Article data every reviewed page has (headline, dates, publisher...)
) -> dict:
    data = {
        **base,
        "@context": SCHEMA,
        "@type": "LearningResource",
        "name": lesson.title,
        "url": url,
        "learningResourceType": "explainer" if lesson.kind == "explainer" else "lesson",
        "educationalLevel": lesson.level,
        "isPartOf": {"@type": "Course", "name": course[0].title, "url": course[1]},
    }
    if minutes:
        data["timeRequired"] = f"PT{minutes}M"
    if terms:
        data["teaches"] = [{"@type": "DefinedTerm", "name": n, "url": u} for n, u in terms]
    if lesson.quiz:
        data["hasPart"] = quiz_ld(lesson, url)
    return data


def quiz_ld(lesson: Lesson, url: str) -> dict:
    return {
        "@type": "Quiz",
        "name": f"Quiz: {lesson.title}",
        "url": f"{url}#quiz",
        "hasPart": [
            {
                "@type": "Question",
                "eduQuestionType": "Checkbox" if q.multiple else "Multiple choice",
                "text": q.prompt,
                "suggestedAnswer": [
                    {"@type": "Answer", "position": i, "text": choice}
                    for i, choice in enumerate(q.choices)
                    if i not in q.answers
                ],
                "acceptedAnswer": [
                    {
                        "@type": "Answer",
                        "position": i,
                        "text": q.choices[i],
                        "answerExplanation": {"@type": "Comment", "text": q.explanation},
                    }
                    for i in q.answers
                ],
            }
            for q in lesson.quiz
        ],
    }


def course_ld(
    course: Course, url: str, lessons: list[tuple[str, str]], site: tuple[str, str]
) -> dict:
    """A course, its provider (the site) and its lessons in order."""
    return {
        "@context": SCHEMA,
        "@type": "Course",
        "name": course.title,
        "description": course.description,
        "url": url,
        "provider": {"@type": "Organization", "name": site[0], "url": site[1]},
        "hasPart": [
            {"@type": "LearningResource", "name": name, "url": link} for name, link in lessons
        ],
    }
