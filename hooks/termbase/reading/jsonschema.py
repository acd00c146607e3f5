"""The term file contract (`schema.TERM`) as JSON Schema, for editors' YAML language servers:
generated from the same field declarations the loader checks, so the two cannot differ."""

from __future__ import annotations

from termbase.reading.schema import SLUG_PATTERN, TERM, URL_PATTERN, Field


def json_schema(spec: Field = TERM) -> dict:
    """The contract as JSON Schema (draft 2020-12) for editors' YAML language servers."""
    schema = _json(spec)
    schema = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://github.com/termbase/termbase/schema/term.schema.json",
        "title": "Glossary term file",
        **schema,
    }
    return schema


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
        if spec.kind == "url":
            out["pattern"] = URL_PATTERN
    return out
