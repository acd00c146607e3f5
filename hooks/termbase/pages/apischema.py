"""The published contract of the JSON files: glossary.json (the index) and each term's
glossary/<slug>.json. Served with the site under schema/ and committed in schema/; a test
validates every file a build writes against them. Fields may be added, never renamed or
removed, so objects stay open to new properties."""

from __future__ import annotations

_BASE = "https://github.com/termbase/termbase/schema/"
_TEXT = {"type": "string"}
_URL = {"type": "string", "format": "uri", "pattern": "^https?://"}
_TEXTS = {"type": "array", "items": _TEXT}
_DATE = {"type": ["string", "null"], "pattern": r"^\d{4}-\d{2}-\d{2}$"}
_NAME = "[a-z0-9]+(-[a-z0-9]+)*"
_SLUG = {"type": "string", "pattern": f"^{_NAME}$"}
# A glossary's name; a translation's has its language in front (`fr/glossary`).
_PART = {"type": "string", "pattern": f"^([a-z]{{2,3}}(-[a-z0-9]{{2,8}})?/)?{_NAME}$"}
# A term's or category's id: its slug, with `name:` in front in a glossary other than the
# site's default (README, "Several glossaries on one site"), `fr/glossary:` in a translation.
_ID = {"type": "string", "pattern": f"^({_PART['pattern'][1:-1]}:)?{_NAME}$"}
_LANGUAGE = {"type": "string", "pattern": "^[a-z]{2,3}(-[a-z0-9]{2,8})?$"}
_RENDERED = {
    "type": "object",
    "description": "The text as written (Markdown) and as the site renders it (absolute links).",
    "required": ["markdown", "html"],
    "properties": {"markdown": _TEXT, "html": _TEXT},
}


def _object(required: dict, description: str = "") -> dict:
    out = {"type": "object", "required": list(required), "properties": required}
    return {"description": description, **out} if description else out


TERM_FILE = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": _BASE + "glossary-term.schema.json",
    "title": "A published glossary term: glossary/<slug>.json",
    **_object(
        {
            "version": {"const": 1},
            "slug": _ID,
            "term": _TEXT,
            "aliases": _TEXTS,
            "url": _URL,
            "short_definition": _TEXT,
            "title": {**_TEXT, "description": "The page's <title>."},
            "description": {**_TEXT, "description": "The page's meta description."},
            "explanation": _RENDERED,
            "faq": {
                "type": "array",
                "items": _object({"question": _TEXT, "answer": _RENDERED}),
            },
            "related": {
                "type": "array",
                "description": "Related terms, both ways (if A lists B, B lists A).",
                "items": _object(
                    {
                        "slug": _ID,
                        "term": _TEXT,
                        "short_definition": _TEXT,
                        "url": _URL,
                        "json": _URL,
                    }
                ),
            },
            "category": _object({"key": _ID, "name": _TEXT, "url": _URL}),
            "references": {
                "type": "array",
                "items": _object(
                    {
                        "title": _TEXT,
                        "authors": _TEXTS,
                        "et_al": {
                            "type": "boolean",
                            "description": "The authors are the first of more.",
                        },
                        "editors": _TEXTS,
                        "year": {"type": ["integer", "null"]},
                        "url": _URL,
                    }
                ),
            },
            "last_reviewed": _DATE,
            "lessons": {
                "type": "array",
                "description": "Lessons that teach the term.",
                "items": _object({"title": _TEXT, "url": _URL}),
            },
        }
    ),
}

INDEX_FILE = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": _BASE + "glossary-index.schema.json",
    "title": "The published glossary: glossary.json",
    **_object(
        {
            "version": {"const": 1},
            "name": _TEXT,
            "categories": {
                "type": "array",
                "items": _object({"key": _ID, "name": _TEXT, "description": _TEXT}),
            },
            "glossaries": {
                "type": "array",
                "description": "The site's glossaries, the default one first.",
                "items": _object(
                    {
                        "name": _PART,
                        "title": _TEXT,
                        "url": _URL,
                        "language": _LANGUAGE,
                        "translates": {
                            "type": ["string", "null"],
                            "description": "The glossary a translation translates, else null.",
                        },
                    }
                ),
            },
            "terms": {
                "type": "array",
                "description": "Published terms, A to Z; each term's whole payload is at `json`.",
                "items": _object(
                    {
                        "slug": _ID,
                        "glossary": {**_PART, "description": "The name of the term's glossary."},
                        "language": _LANGUAGE,
                        "translates": {
                            "type": ["string", "null"],
                            "description": "A translated term: the id of the term it translates.",
                        },
                        "term": _TEXT,
                        "aliases": _TEXTS,
                        "url": _URL,
                        "short_definition": _TEXT,
                        "category": _ID,
                        "related": {"type": "array", "items": _ID},
                        "last_reviewed": _DATE,
                        "json": _URL,
                    }
                ),
            },
            "see": {
                "type": "array",
                "description": "See entries, A to Z: names that point to a term (not terms).",
                "items": _object({"term": _TEXT, "see": _ID, "url": _URL}),
            },
        }
    ),
}

SCHEMAS = {"glossary-term.schema.json": TERM_FILE, "glossary-index.schema.json": INDEX_FILE}
