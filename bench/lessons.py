"""What a lesson costs: a course of L generated lessons (front matter with a learning path,
three taught terms, two related lessons and a five-question quiz; ~600 words of prose),
built with the hooks, against the same lessons written by hand as plain Markdown (map, key
terms and quiz with its answers as lists, one index page), built without them.

Each build kind runs with and without the course, alternately, in fresh processes; the cost
of a lesson is the difference of the medians divided by L, so the terms' cost drops out.

    python bench/lessons.py --lessons 2000 --terms 100
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

import yaml

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))

from generate import generate_project, write_floor  # noqa: E402 - beside this file
from measure import alternate_builds  # noqa: E402
from writer import Writer  # noqa: E402

CHAPTERS = 20
COURSE = "bench-course"
LEVELS = ("beginner", "intermediate", "advanced")


def write_course(project: Path, count: int, seed: int) -> list[dict]:
    """`count` lessons in content/course/ and their course in content/_courses.yml."""
    writer = Writer(len(list((project / "glossary").glob("[!_]*.yml"))), seed)
    plans = writer.plan()
    rng = random.Random(seed)
    chapters = [
        {"key": f"chapter-{c:02d}", "title": f"Chapter {c}", "description": f"Part {c}."}
        for c in range(1, CHAPTERS + 1)
    ]
    course = {"title": "A generated course", "description": "Lessons made for the benchmark."}
    courses = {COURSE: {**course, "chapters": chapters}}
    (project / "content" / "_courses.yml").write_text(yaml.safe_dump(courses), encoding="utf-8")
    folder = project / "content" / "course"
    folder.mkdir(parents=True, exist_ok=True)
    lessons = []
    for number in range(1, count + 1):
        taught = rng.sample(plans, 3)
        related = [f"course/lesson-{rng.randint(1, count):05d}.md" for _ in range(2)]
        related = [r for r in dict.fromkeys(related) if r != f"course/lesson-{number:05d}.md"]
        quiz = [
            {
                "question": f"Question {q} about {taught[q % 3].name}?",
                "choices": [f"Choice {c} of question {q}" for c in range(1, 5)],
                "answer": rng.randint(1, 4),
                "explanation": writer.sentence(),
            }
            for q in range(1, 6)
        ]
        lesson = {
            "course": COURSE,
            "chapter": chapters[(number - 1) * CHAPTERS // count]["key"],
            "order": number,
            "level": LEVELS[number % 3],
            "summary": f"Lesson {number} of the generated course, on {taught[0].name}.",
            "learning_path": [writer.sentence()[:120] for _ in range(4)],
            "teaches": [p.slug for p in taught],
            "related": related,
            "quiz": quiz,
        }
        name = taught[0].name
        front = {
            "title": f"Lesson {number}: {name}",
            "description": f"Lesson {number} of the generated benchmark course, on {name}.",
            "lesson": lesson,
        }
        body = "\n\n".join(writer.prose(600, [writer.mention(p) for p in taught]))
        text = f"---\n{yaml.safe_dump(front, sort_keys=False)}---\n\n# {front['title']}\n\n{body}\n"
        (folder / f"lesson-{number:05d}.md").write_text(text, encoding="utf-8")
        lessons.append(front)
    return lessons


def write_course_floor(floor: Path, lessons: list[dict]) -> None:
    """The same lessons in the floor, as a person would write them without the hooks."""
    folder = floor / "content" / "course"
    index = ["# A generated course", ""]
    for number, front in enumerate(lessons, 1):
        path = folder / f"lesson-{number:05d}.md"
        body = path.read_text(encoding="utf-8").split("\n---\n", 1)[1]
        lesson = front["lesson"]
        steps = enumerate(lesson["learning_path"], 1)
        extra = ["", "## Lesson map", ""] + [f"{i}. {step}" for i, step in steps]
        terms = [f"- [{s}](../glossary/{s}.md)" for s in lesson["teaches"]]
        extra += ["", "## Key terms", "", *terms, "", "## Quiz", ""]
        for q, question in enumerate(lesson["quiz"], 1):
            extra += [f"{q}. {question['question']}", ""]
            extra += [f"    - {c}" for c in question["choices"]]
            right = question["choices"][question["answer"] - 1]
            extra += ["", f"    Answer: {right}. {question['explanation']}", ""]
        extra += ["## Keep going", ""] + [f"- [{r}](../{r})" for r in lesson["related"]]
        description = json.dumps(front["description"])
        page = f"---\ndescription: {description}\n---\n{body}" + "\n".join(extra) + "\n"
        path.write_text(page, encoding="utf-8")
        link = f"[{front['title']}](lesson-{number:05d}.md)"
        index.append(f"{number}. {link}: {lesson['summary']}")
    (folder / "index.md").write_text("\n".join(index) + "\n", encoding="utf-8")
    # Lessons stay off the nav, as the hooks keep them; the course index is in it.
    config = yaml.safe_load((floor / "mkdocs.yml").read_text(encoding="utf-8"))
    config["not_in_nav"] = config.get("not_in_nav", "") + "\n/course/lesson-*.md"
    config["nav"].append({"Course": "course/index.md"})
    (floor / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--lessons", type=int, default=2000)
    parser.add_argument("--terms", type=int, default=100)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--seed", type=int, default=8)
    args = parser.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="termbase-lessons-"))
    try:
        kinds = {}
        for with_course in (False, True):
            project = generate_project(work / f"glossary-{with_course}", args.terms, args.seed)
            lessons = write_course(project, args.lessons, args.seed) if with_course else []
            floor = write_floor(project, work / f"floor-{with_course}")
            if with_course:
                write_course_floor(floor, lessons)
            kinds[("glossary", with_course)], kinds[("floor", with_course)] = project, floor

        def name(kind: tuple[str, bool]) -> str:
            return f"{kind[0]}, {'with' if kind[1] else 'without'} the course"

        runs = alternate_builds(kinds, args.repeats, name)
        median = {kind: statistics.median(r.seconds for r in rs) for kind, rs in runs.items()}
        per_lesson = {
            name: (median[(name, True)] - median[(name, False)]) / args.lessons * 1000
            for name in ("glossary", "floor")
        }
        rows = [
            f"| {args.lessons:,} lessons beside {args.terms} terms | without s | with s "
            "| ms/lesson |",
            "|:--|--:|--:|--:|",
        ]
        for name in ("glossary", "floor"):
            rows.append(
                f"| {name} | {median[(name, False)]:.1f} | {median[(name, True)]:.1f} "
                f"| {per_lesson[name]:.1f} |"
            )
        ratio = per_lesson["glossary"] / per_lesson["floor"]
        print("\n".join(rows) + f"\n\nper-lesson cost, glossary / floor: {ratio:.2f}")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
