"""The editors' form at /admin/: Decap CMS's configuration, made from the same field
declarations the loader checks (`schema.TERM`, `contract.LESSON`), so the form asks for what
`glossary check` wants: required fields, lengths, patterns, lists and hints all come from
there; only what a declaration cannot know (the categories, the other terms, the courses)
is read from the loaded glossary and courses."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from posixpath import dirname

from termbase.course.contract import LESSON
from termbase.course.model import KINDS, LEVELS, Courses
from termbase.reading.schema import REF_PATTERN, SLUG_PATTERN, TERM, URL_PATTERN, Field, text_field

TERMS = "terms"  # the collection of term files; relation widgets name it
# Slugs as `glossary new` makes them (load.slugify): ASCII, accents dropped, any run of
# other characters one hyphen, none at either end.
SLUG = {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"}
_TEXT_AREA = 300  # longer texts get a text area, shorter ones a line
_KIND_PATTERN = {
    "slug": (SLUG_PATTERN, "lowercase letters and digits in words joined by hyphens"),
    "ref": (REF_PATTERN, "a slug, or name:slug for a term of another glossary"),
    "url": (URL_PATTERN, "a link that starts with http:// or https://"),
}


# The keys of a lesson page's front matter besides `lesson:` (read by course/load.py).
PAGE = Field(
    "object",
    "A lesson page's front matter.",
    fields={
        "title": text_field("The page's title.", 120, required=True),
        "description": text_field("The meta description, 50-160 characters.", 300, True),
        "last_reviewed": Field("date", "Date of the last editorial review, YYYY-MM-DD."),
    },
)


@dataclass(frozen=True)
class Choices:
    """What the declarations cannot know: the choices the glossary and courses offer."""

    categories: dict[str, str]  # key -> display name
    courses: dict[str, str]  # key -> title
    chapters: dict[str, str]  # key -> "Course: Chapter"
    lessons: list[str]  # lesson pages, as paths in docs_dir

    @classmethod
    def of(cls, categories: dict[str, str], courses: Courses) -> Choices:
        return cls(
            categories=categories,
            courses={key: course.title for key, course in courses.courses.items()},
            chapters={
                chapter.key: f"{course.title}: {chapter.title}"
                for course in courses.courses.values()
                for chapter in course.chapters
            },
            lessons=sorted(courses.lessons),
        )


def decap_config(
    choices: Choices,
    *,
    backend: dict[str, str],
    glossary_dir: str,
    docs_dir: str,
    site_url: str | None,
    others: tuple[OtherGlossary, ...] = (),
) -> dict:
    """The whole configuration (Decap's config.yml) for a glossary and its courses, and a
    collection for each other glossary of the site (`others`)."""
    config: dict = {
        "backend": dict(backend),
        # decap-server on this machine (`npx decap-server`), used only when /admin/ is
        # opened from localhost or 127.0.0.1; a published site uses `backend`.
        "local_backend": True,
        "publish_mode": "editorial_workflow",
        "media_folder": f"{docs_dir}/assets",
        "public_folder": "../assets",  # as the pages in docs_dir link to them
        "slug": SLUG,
        "collections": [term_collection(choices, glossary_dir)],
    }
    for other in others:
        config["collections"].append(
            term_collection(choices, other.dir, other.categories, (other.name, other.title))
        )
    if site_url:
        config["site_url"] = site_url
    folders = sorted({dirname(uri) for uri in choices.lessons if dirname(uri)})
    config["collections"] += [lesson_collection(choices, docs_dir, f) for f in folders]
    return config


@dataclass(frozen=True)
class OtherGlossary:
    """A glossary of the site besides the default one: its own collection of term files."""

    name: str
    title: str
    dir: str
    categories: dict[str, str]  # key (in its own _categories.yml) -> display name


def term_collection(
    choices: Choices,
    glossary_dir: str,
    categories: dict[str, str] | None = None,
    part: tuple[str, str] | None = None,  # (name, title) of a glossary but the default
) -> dict:
    categories = choices.categories if categories is None else categories
    collection = TERMS if part is None else f"{TERMS}-{part[0]}"
    overrides = {
        "category": {
            "widget": "select",
            "options": [{"label": name, "value": key} for key, name in categories.items()],
        },
        "related": _relation(collection, multiple=True),
        "explanation": {"widget": "markdown"},
        "faq.answer": {"widget": "markdown"},
    }
    return {
        "name": collection,
        "label": "Glossary terms" if part is None else f"{part[1]}: terms",
        "label_singular": "Term",
        "description": TERM.description,
        "folder": glossary_dir,
        "extension": "yml",
        "format": "yml",
        "create": True,
        "identifier_field": "term",
        "slug": "{{fields.term}}",
        "summary": "{{term}}",
        "sortable_fields": ["term", "category", "last_reviewed"],
        "preview_path": f"{part[0] if part else 'glossary'}/{{{{slug}}}}/",
        "fields": fields_of(TERM, overrides),
    }


def lesson_collection(choices: Choices, docs_dir: str, folder: str) -> dict:
    """The lesson pages of one folder of docs_dir: the page's front matter (title,
    description, review date), its `lesson:` key from the course contract, and the text."""
    overrides = {
        "lesson.course": _select(choices.courses),
        "lesson.chapter": _select(choices.chapters),
        "lesson.level": _select({level: level for level in LEVELS}),
        "lesson.kind": _select({kind: kind for kind in KINDS}),
        "lesson.teaches": _relation(TERMS, multiple=True),
        "lesson.related": {**_select({uri: uri for uri in choices.lessons}), "multiple": True},
        "lesson.visual.transcript": {"widget": "markdown"},
        "lesson.quiz.explanation": {"widget": "markdown"},
    }
    return {
        "name": folder.replace("/", "-"),
        "label": folder.replace("/", " ").capitalize(),
        "folder": f"{docs_dir}/{folder}",
        "extension": "md",
        "format": "frontmatter",
        "create": True,
        "slug": "{{fields.title}}",
        "summary": "{{title}}",
        "fields": [
            *fields_of(PAGE, {}),
            {**_field("lesson", LESSON, overrides, "lesson"), "label": "Lesson"},
            {"label": "Text", "name": "body", "widget": "markdown"},
        ],
    }


def fields_of(spec: Field, overrides: dict[str, dict], path: str = "") -> list[dict]:
    """The Decap fields of an object declaration, in its order."""
    return [
        _field(name, sub, overrides, f"{path}.{name}" if path else name)
        for name, sub in spec.fields.items()
    ]


def _field(name: str, spec: Field, overrides: dict[str, dict], path: str) -> dict:
    field = {"label": name.replace("_", " ").capitalize(), "name": name}
    field.update(_widget(spec, path, overrides))
    field["required"] = spec.required
    if spec.description:
        field["hint"] = spec.description
    field.update(overrides.get(path, {}))
    return field


def _widget(spec: Field, path: str, overrides: dict[str, dict] | None = None) -> dict:
    """The widget for one declaration, with the limits the loader checks."""
    overrides = overrides or {}
    kind = spec.kind
    if kind == "object":
        return {"widget": "object", "collapsed": False, "fields": fields_of(spec, overrides, path)}
    if kind == "list":
        assert spec.items is not None
        if spec.items.kind == "object":
            return {"widget": "list", "fields": fields_of(spec.items, overrides, path)}
        item = _widget(spec.items, path, overrides)
        item = {"label": spec.items.description.rstrip(".") or "Item", "name": "item", **item}
        return {"widget": "list", "field": item}
    if kind == "bool":
        return {"widget": "boolean"}  # no default: a list with defaults starts with an item
    if kind == "date":
        return {"widget": "datetime", "format": "YYYY-MM-DD", "date_format": "YYYY-MM-DD",
                "time_format": False}  # fmt: skip
    if kind in ("year", "number"):
        low, high = (1000, 2200) if kind == "year" else (1, 100_000)
        return {"widget": "number", "value_type": "int", "min": low, "max": high}
    widget = "text" if (spec.max_length or 0) > _TEXT_AREA else "string"
    if kind in _KIND_PATTERN:
        return {"widget": "string", "pattern": list(_KIND_PATTERN[kind])}
    return {"widget": widget, "pattern": _length(spec.max_length)}


def _length(limit: int | None) -> list[str]:
    """A pattern for a text the loader accepts: not blank, at most `limit` characters."""
    most = f"{{1,{limit}}}" if limit else "+"
    why = f"at most {limit:,} characters, not blank" if limit else "not blank"
    return [rf"^(?=[\s\S]*\S)[\s\S]{most}$", why]


def _select(options: dict[str, str]) -> dict:
    return {"widget": "select", "options": [{"label": v, "value": k} for k, v in options.items()]}


def _relation(collection: str, *, multiple: bool) -> dict:
    """Pick other entries by name; the file stores their slugs (file names)."""
    return {
        "widget": "relation",
        "collection": collection,
        "search_fields": ["term"],
        "display_fields": ["term"],
        "value_field": "{{slug}}",
        "multiple": multiple,
    }


def declared_paths(fields: Iterable[dict], prefix: str = "") -> dict[str, dict]:
    """Every field of a Decap configuration by its dotted path (list items by the list's
    path): what the tests hold against the declarations."""
    found: dict[str, dict] = {}
    for field in fields:
        path = f"{prefix}.{field['name']}" if prefix else field["name"]
        found[path] = field
        found |= declared_paths(field.get("fields", []), path)
        if "field" in field:
            found |= declared_paths(field["field"].get("fields", []), path)
    return found
