"""The data model of courses: loaded and validated once, like the glossary's, then read by
the generated course pages, the lesson pages' template data and the structured data."""

from __future__ import annotations

from dataclasses import dataclass, field

from termbase.model import Location

LEVELS = ("beginner", "intermediate", "advanced")
KINDS = ("lesson", "explainer")


@dataclass(frozen=True)
class Chapter:
    key: str
    title: str
    description: str


@dataclass(frozen=True)
class Course:
    key: str
    title: str
    description: str
    chapters: tuple[Chapter, ...]
    location: Location

    def chapter(self, key: str) -> Chapter | None:
        return next((c for c in self.chapters if c.key == key), None)


@dataclass(frozen=True)
class Question:
    """A quiz question: one right choice, or (`multiple`) every right choice to be picked."""

    prompt: str
    choices: tuple[str, ...]
    answers: tuple[int, ...]  # 0-based positions of the right choices
    explanation: str
    multiple: bool = False


@dataclass(frozen=True)
class Visual:
    """A figure for the lesson: an image (an SVG file is drawn inline) and its transcript."""

    image: str  # its path in the docs folder (written relative to the page)
    alt: str
    transcript: str  # Markdown
    caption: str = ""


@dataclass(frozen=True)
class Lesson:
    uri: str  # the page's path in docs_dir: lessons/inner-and-outer-alignment.md
    source: str  # the file an editor opens: content/lessons/inner-and-outer-alignment.md
    title: str
    description: str
    course: str
    chapter: str
    order: int  # its place in the course, from 1
    level: str
    kind: str
    summary: str
    words: int  # of the page's Markdown, for its reading time
    learning_path: tuple[str, ...] = ()
    teaches: tuple[str, ...] = ()  # term slugs
    related: tuple[str, ...] = ()  # uris of other lessons
    visual: Visual | None = None
    quiz: tuple[Question, ...] = ()
    lines: dict[str, tuple[int, int]] = field(default_factory=dict, repr=False, compare=False)

    def location(self, key: str) -> Location:
        line, column = self.lines.get(key) or self.lines.get(key.split(".")[0], (1, 1))
        return Location(self.source, line, column)


@dataclass
class Courses:
    """Every course of the site and its lessons, each course's lessons in order."""

    courses: dict[str, Course]
    lessons: dict[str, Lesson]  # by uri

    def __post_init__(self) -> None:
        # Made once: every lesson page asks for its course's order, every term page for the
        # lessons that teach it (sorting each time made 2,000 lessons quadratic).
        self._ordered: dict[str, list[Lesson]] = {}
        self._teaching: dict[str, list[Lesson]] = {}
        for lesson in sorted(self.lessons.values(), key=_order):
            self._ordered.setdefault(lesson.course, []).append(lesson)
            for slug in lesson.teaches:
                self._teaching.setdefault(slug, []).append(lesson)
        self._place = {
            x.uri: n for ordered in self._ordered.values() for n, x in enumerate(ordered)
        }

    def of(self, course: str) -> list[Lesson]:
        return self._ordered.get(course, [])

    def place(self, lesson: Lesson) -> int:
        """Its position in its course's order, from 0."""
        return self._place[lesson.uri]

    def teaching(self, slug: str) -> list[Lesson]:
        """The lessons that teach a term, in course order."""
        return self._teaching.get(slug, [])


def _order(lesson: Lesson) -> tuple[str, int]:
    return (lesson.course, lesson.order)
