"""content/_courses.yml and the front matter of every page with a `lesson:` key -> Courses,
with every problem located at its file, line and column."""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

from termbase.course.contract import COURSE, LESSON
from termbase.course.model import Chapter, Course, Courses, Lesson, Question, Visual
from termbase.course.rules import validate_courses
from termbase.model import Glossary, GlossaryError, Location, Problem
from termbase.reading import schema
from termbase.reading.keyed import read_keyed
from termbase.reading.parse import readable
from termbase.reading.values import Value
from termbase.reading.yamlread import read_yaml

COURSES_FILE = "_courses.yml"  # in docs_dir; the build does not publish it
_FRONT = re.compile(rb"\A---[ \t]*\r?\n(.*?\r?\n)(?:---|\.\.\.)[ \t]*\r?\n", re.DOTALL)
_LESSON_KEY = re.compile(rb"^lesson:", re.MULTILINE)
_H1 = re.compile(r"^#\s+(.+?)\s*#*\s*$", re.MULTILINE)


def load_courses(docs: Path, root: Path, glossary: Glossary | None) -> Courses:
    """Every course and lesson under `docs`; GlossaryError with all problems if any.
    Terms a lesson teaches are checked against `glossary` when it is given."""
    problems: list[Problem] = []
    shown = _shower(root)
    courses = _read_courses(docs / COURSES_FILE, shown, problems)
    lessons: dict[str, Lesson] = {}
    for path in sorted(docs.rglob("*.md")):
        data = path.read_bytes()
        front = _FRONT.match(data)
        if front is None or not _LESSON_KEY.search(front.group(1)):
            continue
        uri = path.relative_to(docs).as_posix()
        lesson = _read_lesson(data, front, uri, shown(path), docs, problems)
        if lesson is not None:
            lessons[uri] = lesson
    if lessons and not courses and not (docs / COURSES_FILE).is_file():
        first = next(iter(lessons.values()))
        problems.append(
            Problem(
                first.location("course"), f"no {COURSES_FILE} in the docs folder declares courses"
            )
        )
    found = Courses(courses, lessons)
    problems += validate_courses(found, glossary)
    problems.sort(key=lambda p: (p.location.path, p.location.line, p.location.column))
    if any(p.level == "error" for p in problems):
        raise GlossaryError(problems)
    return found


def _shower(root: Path):
    def shown(path: Path) -> str:
        try:
            return path.relative_to(root).as_posix()
        except ValueError:
            return str(path)

    return shown


def _read_courses(file: Path, shown, problems: list[Problem]) -> dict[str, Course]:
    if not file.is_file():
        return {}
    path = shown(file)
    courses = {}
    for key, (fields, where) in read_keyed(file, path, COURSE, "course", problems).items():
        chapters = tuple(
            Chapter(
                key=item.data["key"].data,
                title=item.data["title"].data.strip(),
                description=" ".join(item.data["description"].data.split()),
            )
            for item in fields["chapters"].data
        )
        courses[key] = Course(
            key=key,
            title=fields["title"].data.strip(),
            description=" ".join(fields["description"].data.split()),
            chapters=chapters,
            location=where,
        )
    return courses


def _read_lesson(
    data: bytes, front: re.Match, uri: str, path: str, docs: Path, problems: list[Problem]
) -> Lesson | None:
    # An empty first line keeps the front matter's line numbers those of the file.
    root = read_yaml(b"\n" + front.group(1), path)
    if isinstance(root, Problem):
        problems.append(root)
        return None
    problems += root.problems or []
    if not isinstance(root.data, dict) or "lesson" not in root.data:
        return None
    value = root.data["lesson"]
    found = schema.check(value, LESSON, path, "lesson")
    problems += found
    if found or not readable(value):
        return None
    body = data[front.end() :].decode("utf-8", "replace")
    meta = root.data
    title = meta["title"].data if "title" in meta and isinstance(meta["title"].data, str) else ""
    if not title and (heading := _H1.search(body)):
        title = heading.group(1)
    description = meta.get("description")
    fields = value.data

    def get(key: str, default=None):
        return fields[key].data if key in fields else default

    def texts(key: str) -> tuple[str, ...]:
        return tuple(" ".join(item.data.split()) for item in get(key, []))

    visual = None
    if "visual" in fields:
        v = fields["visual"].data
        image = posixpath.normpath(posixpath.join(posixpath.dirname(uri), v["image"].data.strip()))
        if not (docs / image).is_file():
            where = Location(path, v["image"].line, v["image"].column)
            problems.append(
                Problem(where, f"the visual's image {image!r} is not in the docs folder")
            )
        visual = Visual(
            image=image,
            alt=" ".join(v["alt"].data.split()),
            transcript=v["transcript"].data.strip(),
            caption=" ".join(v["caption"].data.split()) if "caption" in v else "",
        )
    lines = {key: (item.key_line or item.line, item.key_column) for key, item in fields.items()}
    quiz = []
    for number, item in enumerate(get("quiz", []), 1):
        question = item.data
        lines[f"quiz.{number}"] = (item.line, item.column)
        for key in ("answer", "answers", "choices"):
            if key in question:
                entry = question[key]
                lines[f"quiz.{number}.{key}"] = (entry.key_line or entry.line, entry.key_column)
        quiz.append(_question(question))
    for key in ("teaches", "related"):
        for number, item in enumerate(get(key, []), 1):
            lines[f"{key}.{number}"] = (item.line, item.column)
    return Lesson(
        uri=uri,
        source=path,
        title=" ".join(title.split()),
        description=" ".join(str(description.data).split()) if description else "",
        course=get("course"),
        chapter=get("chapter"),
        order=get("order"),
        level=get("level").strip(),
        kind=(get("kind") or "lesson").strip(),
        summary=" ".join(get("summary").split()),
        words=len(re.findall(r"\w+", body)),
        learning_path=texts("learning_path"),
        teaches=tuple(item.data for item in get("teaches", [])),
        related=tuple(posixpath.normpath(item.data.strip()) for item in get("related", [])),
        visual=visual,
        quiz=tuple(quiz),
        lines=lines,
    )


def _question(fields: dict[str, Value]) -> Question:
    """A question as written; rules.py checks its answers against its choices."""
    choices = tuple(" ".join(c.data.split()) for c in fields["choices"].data)
    if "answers" in fields:
        answers, multiple = tuple(a.data - 1 for a in fields["answers"].data), True
    else:
        answers, multiple = ((fields["answer"].data - 1,) if "answer" in fields else ()), False
    return Question(
        prompt=" ".join(fields["question"].data.split()),
        choices=choices,
        answers=answers,
        explanation=" ".join(fields["explanation"].data.split()),
        multiple=multiple,
    )
