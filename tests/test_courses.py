"""Lessons declared in front matter become a course: validated like term files, with course
and chapter pages, the lesson's place, map, quiz, cards and structured data generated."""

from __future__ import annotations

import json

import pytest

from sitebuilder import Site, lesson, make_course_site


def words(node) -> str:
    return " ".join(node.text().split())


@pytest.fixture
def course_site(tmp_path) -> Site:
    return make_course_site(tmp_path)


def test_a_course_gets_its_pages_and_its_lessons_their_place(course_site: Site):
    result = course_site.build()
    assert result.returncode == 0, result.stdout + result.stderr
    assert not (course_site.root / "site/_courses.yml").exists()
    course = course_site.page("courses/alignment/")
    cards = [words(a) for a in course.css(".lesson-card > a")]
    assert cards == ["1. First steps", "2. Second steps"]
    assert course.css_first(".lesson-card__meta").text(strip=True).startswith("Beginner")
    chapter = course_site.page("courses/alignment/deception/")
    assert [words(a) for a in chapter.css(".lesson-card > a")] == ["2. Second steps"]

    one = course_site.page("lessons/one/")
    place = one.css_first(".lesson-place").text(separator=" ", strip=True)
    assert "Lesson 1 of 2" in place and "The basics" in place
    crumbs = [a.text(strip=True) for a in one.css(".glossary-breadcrumbs a")]
    assert crumbs == ["Learned optimization and alignment", "The basics"]
    assert [li.text() for li in one.css(".lesson-map__path li")] == [
        "The setting",
        "The problem",
        "The evidence",
    ]
    chip = one.css_first(".lesson-map__terms a")
    assert chip.text() == "Alpha" and chip.attributes["title"].startswith("Alpha is a test term")
    questions = one.css(".lesson-question")
    assert len(questions) == 2
    assert [i.attributes["type"] for i in questions[1].css("input")] == ["checkbox"] * 3
    assert "This one." in questions[0].css_first("details").text()  # readable without JS
    assert one.css_first(".lesson-steps a[rel=next]").text(strip=True) == "Next: Second steps"
    assert [words(a) for a in one.css("#keep-going + ul a")] == ["2. Second steps"]
    # The opening paragraph comes before the lesson map.
    html = one.html
    assert (
        html.index("The opening paragraph.") < html.index("lesson-map") < html.index("More text.")
    )

    term = course_site.page("glossary/alpha/")
    assert [words(a) for a in term.css("#taught-in + ul a")] == [
        "1. First steps",
        "2. Second steps",
    ]


def test_lessons_are_learning_resources_of_a_course(course_site: Site):
    assert course_site.build().returncode == 0
    data = [
        json.loads(s.text())
        for s in course_site.page("lessons/one/").css('script[type="application/ld+json"]')
    ]
    resource = next(d for d in data if d["@type"] == "LearningResource")
    assert resource["educationalLevel"] == "beginner"
    assert resource["isPartOf"] == {
        "@type": "Course",
        "name": "Learned optimization and alignment",
        "url": "https://glossary.example/courses/alignment/",
    }
    assert resource["teaches"] == [
        {"@type": "DefinedTerm", "name": "Alpha", "url": "https://glossary.example/glossary/alpha/"}
    ]
    assert resource["timeRequired"].startswith("PT")
    quiz = resource["hasPart"]
    assert quiz["@type"] == "Quiz" and len(quiz["hasPart"]) == 2
    assert [a["text"] for a in quiz["hasPart"][1]["acceptedAnswer"]] == ["A", "C"]
    crumbs = next(d for d in data if d["@type"] == "BreadcrumbList")["itemListElement"]
    assert [c["name"] for c in crumbs] == [
        "Home",
        "Learned optimization and alignment",
        "The basics",
        "First steps",
    ]
    course = [
        json.loads(s.text())
        for s in course_site.page("courses/alignment/").css('script[type="application/ld+json"]')
    ]
    listed = next(d for d in course if d["@type"] == "Course")
    assert [p["name"] for p in listed["hasPart"]] == ["First steps", "Second steps"]


BAD = """\
---
title: Broken
lesson:
  course: alignmnet
  chapter: basics
  order: 1
  level: beginer
  summary: A lesson with mistakes.
  teaches: [alpah]
  related: [lessons/too.md]
  quiz:
    - question: No right answer?
      choices: [A, B]
      explanation: None given.
    - question: Only one choice
      choices: [A]
      answer: 2
      explanation: Out of range.
---

# Broken
"""


def test_every_mistake_in_a_lesson_is_located_and_nothing_is_built(course_site: Site):
    course_site.write("content/lessons/bad.md", BAD)
    expected = [
        "content/lessons/bad.md:4:3: error: unknown course 'alignmnet' (did you mean 'alignment'?); courses are declared in _courses.yml",
        "content/lessons/bad.md:7:3: error: unknown level 'beginer' (did you mean 'beginner'?)",
        "content/lessons/bad.md:9:13: error: lesson teaches 'alpah', which is no published term (did you mean 'alpha'?)",
        "content/lessons/bad.md:10:13: error: related lesson 'lessons/too.md' is no lesson of the site (did you mean 'lessons/two.md'?) (paths start in the docs folder)",
        "content/lessons/bad.md:12:7: error: quiz question 1 has no right answer: add `answer:` (the number of the right choice, from 1)",
        "content/lessons/bad.md:16:7: error: quiz question 2 has 1 choice(s); give it 2-6",
        "content/lessons/bad.md:17:7: error: quiz question 2: answer 2 is not one of its 1 choices",
    ]
    for command in (course_site.check, course_site.build):
        result = command()
        output = result.stdout + result.stderr
        assert result.returncode == 1
        for line in expected:
            assert line in output, output
        assert "Traceback" not in output
    assert not (course_site.root / "site").exists()


def test_two_lessons_in_one_place_and_a_missing_chapter_are_errors(course_site: Site):
    course_site.write("content/lessons/three.md", lesson("Third steps", 2, chapter="basic"))
    result = course_site.check()
    assert result.returncode == 1
    assert (
        "content/lessons/three.md:7:3: error: course 'alignment' has no chapter 'basic' (did you mean 'basics'?)"
        in result.stderr
    )
    assert (
        "content/lessons/three.md:8:3: error: lessons share place 2 of course 'alignment': content/lessons/two.md; give each lesson its own `order`"
        in result.stderr
    )
