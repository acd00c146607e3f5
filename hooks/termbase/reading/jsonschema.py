"""The term file contract (`schema.TERM`) as JSON Schema, for editors' YAML language servers:
generated from the same field declarations the loader checks, so the two cannot differ."""

from __future__ import annotations

from termbase.reading.schema import REF_PATTERN, SEE, SLUG_PATTERN, TERM, URL_PATTERN, Field

SCHEMAS = ("term", "lesson", "courses", "glossary-term", "glossary-index")


def json_schema(kind: str = "term") -> dict:
    """A contract as JSON Schema (draft 2020-12) for editors' YAML language servers: a term
    file, a lesson's front matter (its `lesson:` key; MkDocs' own keys are left open) or
    content/_courses.yml."""
    from termbase.course.contract import COURSE, LESSON  # the course model builds on this one
    from termbase.pages.apischema import SCHEMAS as PUBLISHED

    if kind in ("glossary-term", "glossary-index"):  # the published JSON files
        return PUBLISHED[f"{kind}.schema.json"]
    if kind == "term":
        # A file with `see:` is a see entry; any other file is a term.
        see, term = _json(SEE), _json(TERM)
        title = "Glossary term file"
        body = {
            "description": term.pop("description"),
            "type": "object",
            "if": {"required": ["see"]},
            "then": see,
            "else": term,
        }
    elif kind == "lesson":
        title = "Front matter of a lesson page"
        body = {
            "description": "MkDocs front matter; `lesson:` makes the page a lesson of a course.",
            "type": "object",
            "properties": {"lesson": _json(LESSON)},
            "required": ["lesson"],
        }
    else:
        title = "content/_courses.yml"
        body = {
            "description": "The courses of the site, by key, with their chapters in order.",
            "type": "object",
            "propertyNames": {"pattern": SLUG_PATTERN},
            "additionalProperties": _json(COURSE),
        }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"https://github.com/termbase/termbase/schema/{kind}.schema.json",
        "title": title,
        **body,
    }


def _json(spec: Field) -> dict:
    out: dict = {"description": spec.description} if spec.description else {}
    if spec.kind == "object":
        out.update(
            type="object",
            properties={key: _json(sub) for key, sub in spec.fields.items()},
            required=[key for key, sub in spec.fields.items() if sub.required],
            additionalProperties=False,
        )
    elif spec.kind == "list":
        assert spec.items is not None
        out.update(type="array", items=_json(spec.items))
    elif spec.kind == "bool":
        out["type"] = "boolean"
    elif spec.kind == "year":
        out.update(type="integer", minimum=1000, maximum=2200)
    elif spec.kind == "number":
        out.update(type="integer", minimum=1, maximum=100_000)
    elif spec.kind == "date":
        out.update(type="string", format="date", pattern=r"^\d{4}-\d{2}-\d{2}$")
    else:
        out.update(type="string", minLength=1, pattern=r"\S")
        if spec.max_length:
            out["maxLength"] = spec.max_length
        if spec.kind == "slug":
            out["pattern"] = SLUG_PATTERN
        if spec.kind == "ref":
            out["pattern"] = REF_PATTERN
        if spec.kind == "url":
            out["pattern"] = URL_PATTERN
    return out
