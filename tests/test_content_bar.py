"""The starter glossary meets the editorial bar, so a future term that falls short fails CI."""

from __future__ import annotations

import re

import pytest
import yaml

from sitebuilder import PROJECT, project_glossary
from termbase.course.load import load_courses

GLOSSARY = project_glossary()
PUBLISHED = GLOSSARY.published
CORE = {"mesa-optimization", "inner-alignment", "deceptive-alignment"}
CONTENT_PAGES = [
    "index.md",
    "fr/index.md",
    "about.md",
    "lessons/what-training-optimizes.md",
    "explainers/mesa-optimization-explained.md",
    "lessons/inner-and-outer-alignment.md",
    "lessons/goal-misgeneralization.md",
    "explainers/deceptive-alignment-and-scheming.md",
    "lessons/evidence-on-deception.md",
    "lessons/defences-against-hidden-misalignment.md",
]


def words(markdown: str) -> int:
    return len(re.findall(r"[A-Za-z0-9'’-]+", markdown))


def test_the_glossary_has_at_least_30_published_terms():
    assert len(PUBLISHED) >= 30


def test_check_reports_no_warnings():
    assert [str(w) for w in GLOSSARY.warnings] == []


@pytest.mark.parametrize("term", PUBLISHED, ids=lambda t: t.slug)
def test_every_term_meets_the_bar(term):
    assert 150 <= words(term.explanation) <= 600, f"{term.source}: explanation length"
    assert 50 <= len(term.short_definition) <= 160, f"{term.source}: short definition length"
    assert len(term.related) >= 2, f"{term.source}: needs 2+ related terms"
    assert term.references, f"{term.source}: needs a primary source"
    for ref in term.references:
        assert (ref.authors or ref.editors) and ref.year, (term.source, ref)
        assert ref.url.startswith("https://"), (term.source, ref)
    assert term.last_reviewed is not None, f"{term.source}: last_reviewed is not set"


@pytest.mark.parametrize("term", PUBLISHED, ids=lambda t: t.slug)
def test_relations_go_both_ways(term):
    for other in term.related:
        assert term.slug in GLOSSARY.terms[other].related, (
            f"{term.source} lists {other}, but glossary/{other}.yml does not list {term.slug}"
        )


def test_core_terms_and_ten_others_have_two_or_more_faqs():
    with_faqs = {t.slug for t in PUBLISHED if len(t.faq) >= 2}
    assert with_faqs >= CORE
    assert len(with_faqs - CORE) >= 10


def test_categories_help_browsing():
    categories = GLOSSARY.categories
    assert 4 <= len(categories) <= 7
    used = {t.category for t in PUBLISHED}
    assert used == set(categories), "every category holds terms"


@pytest.mark.parametrize("path", CONTENT_PAGES)
def test_content_pages_are_reviewed_and_link_terms(path):
    text = (PROJECT / "content" / path).read_text(encoding="utf-8")
    front = yaml.safe_load(text.split("---", 2)[1])
    assert front["last_reviewed"] and front["description"] and front["title"]
    linked = set(re.findall(r"\]\((?:\.\./)?glossary/([a-z0-9-]+)\.md", text))
    assert linked, f"{path} links no term page"
    assert linked <= {t.slug for t in PUBLISHED} | {"index"}


def test_content_pages_lists_every_page():
    found = {
        p.relative_to(PROJECT / "content").as_posix() for p in (PROJECT / "content").rglob("*.md")
    }
    assert found == set(CONTENT_PAGES)


COURSES = load_courses(PROJECT / "content", PROJECT, GLOSSARY)
LESSONS = sorted(COURSES.lessons.values(), key=lambda x: (x.course, x.order))


def test_the_starter_course_has_chapters_and_lessons():
    assert list(COURSES.courses) == ["learned-optimization"]
    course = COURSES.courses["learned-optimization"]
    assert len(course.chapters) >= 2
    lessons = COURSES.of("learned-optimization")
    assert len(lessons) >= 6
    assert {x.chapter for x in lessons} == {c.key for c in course.chapters}, "no empty chapter"


@pytest.mark.parametrize("lesson", LESSONS, ids=lambda x: x.uri)
def test_every_lesson_meets_the_bar(lesson):
    assert len(lesson.quiz) >= 5, f"{lesson.source}: a quiz of 5+ questions"
    for question in lesson.quiz:
        assert 2 <= len(question.choices) <= 6 and question.answers and question.explanation
    assert lesson.learning_path, f"{lesson.source}: a learning path"
    assert len(lesson.teaches) >= 2, f"{lesson.source}: teaches 2+ terms"
    assert lesson.summary, f"{lesson.source}: a summary"
    text = (PROJECT / "content" / lesson.uri).read_text(encoding="utf-8")
    assert '!!! abstract "Learning path"' not in text, "the generator renders the path"
    assert not re.search(r"^\?\?\?\+? question ", text, re.M), "the generator renders the quiz"


def test_a_lesson_has_a_visual_with_a_transcript():
    visuals = [x.visual for x in LESSONS if x.visual]
    assert any(v.transcript.strip() and v.alt for v in visuals)
    for visual in visuals:
        assert (PROJECT / "content" / visual.image).is_file()
