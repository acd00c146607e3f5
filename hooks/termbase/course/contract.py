"""What a lesson's front matter and the courses file may hold: the same field declarations
as term files, so errors read alike and the JSON Schema for editors comes from here too."""

from __future__ import annotations

from termbase.reading.schema import Field
from termbase.reading.schema import text_field as _text

QUESTION = Field(
    "object",
    "A quiz question: `answer` names the one right choice; `answers` several, all to be picked.",
    fields={
        "question": _text("The question.", 400, required=True),
        "choices": Field("list", "Two to six choices.", True, items=_text("A choice.", 300)),
        "answer": Field("number", "The right choice, counted from 1."),
        "answers": Field(
            "list", "Every right choice, counted from 1.", items=Field("number", "A choice.")
        ),
        "explanation": _text("Why the answer is right, shown once answered.", 1_500, True),
    },
)

LESSON = Field(
    "object",
    "A lesson or explainer of a course: the `lesson:` key of a page's front matter.",
    fields={
        "course": Field("slug", "Key of a course in content/_courses.yml.", required=True),
        "chapter": Field("slug", "Key of a chapter of that course.", required=True),
        "order": Field("number", "Its place in the course, from 1.", required=True),
        "level": _text("beginner, intermediate or advanced.", 20, required=True),
        "kind": _text("lesson (default) or explainer.", 20),
        "summary": _text("One line for the course page and lesson cards.", 200, required=True),
        "learning_path": Field(
            "list", "The main moves of the lesson, in order.", items=_text("A step.", 300)
        ),
        "teaches": Field(
            "list", "Slugs of the glossary terms it teaches.", items=Field("slug", "A term.")
        ),
        "related": Field(
            "list",
            "Other lessons to read next: their paths in content/.",
            items=_text("A lesson's path.", 300),
        ),
        "visual": Field(
            "object",
            "A figure: an image (SVG files are drawn inline), its text alternative and transcript.",
            fields={
                "image": _text("The image, relative to the page.", 300, required=True),
                "alt": _text("What the figure shows, in a sentence.", 300, required=True),
                "transcript": _text("The figure in words, in Markdown.", 5_000, required=True),
                "caption": _text("A caption.", 300),
            },
        ),
        "quiz": Field("list", "The end-of-lesson quiz.", items=QUESTION),
    },
)

CHAPTER = Field(
    "object",
    "A chapter of a course.",
    fields={
        "key": Field("slug", "The chapter's key, used by lessons.", required=True),
        "title": _text("The chapter's title.", 120, required=True),
        "description": _text("What the chapter covers.", 400, required=True),
    },
)

COURSE = Field(
    "object",
    "A course: its title, description and chapters in order.",
    fields={
        "title": _text("The course's title.", 120, required=True),
        "description": _text("What the course teaches, one or two sentences.", 400, True),
        "chapters": Field("list", "The chapters, in order.", True, items=CHAPTER),
    },
)
