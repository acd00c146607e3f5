"""Translated term files -> terms of the translation's part (termbase.languages).

`glossary/fr/<slug>.yml` translates `glossary/<slug>.yml`: it may give every text field
(names and aliases included) and nothing else; category, related terms and sources come
from the source file. `source_hash` records which version of the source text the
translation follows, so `glossary check` can tell when the source has changed since.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import replace
from pathlib import Path

from termbase.languages import CODE, language_part, translated_id
from termbase.model import Category, Faq, Glossary, Location, Problem, Seo, Term
from termbase.parts import Part, local, part_of, term_id
from termbase.reading import schema
from termbase.reading.keyed import read_keyed
from termbase.reading.parse import _lines, readable
from termbase.reading.rules import CATEGORIES_FILE, validate_term
from termbase.reading.values import Value
from termbase.reading.yamlread import read_yaml

_TEXT_FIELDS = ("term", "aliases", "short_definition", "explanation", "faq", "seo")
TRANSLATION = schema.Field(
    "object",
    "A translation of a term: glossary/<language>/<slug>.yml beside glossary/<slug>.yml.",
    fields={
        **{key: schema.TERM.fields[key] for key in _TEXT_FIELDS},
        "term": schema.text_field("The term's name in this language.", 120, required=True),
        "last_reviewed": schema.TERM.fields["last_reviewed"],
        "slug": schema.Field(
            "slug", "The page's own slug in this language (default: the source's)."
        ),
        "source_hash": schema.text_field(
            "The source text this translation follows (`glossary translate new` writes it).", 64
        ),
    },
)
# Fields that belong to the term in every language: set them in the source file.
SHARED = tuple(key for key in schema.TERM.fields if key not in TRANSLATION.fields)
CATEGORY_TRANSLATION = schema.CATEGORY


def source_hash(term: Term) -> str:
    """A short fingerprint of a term's translatable text, as its translations record it."""
    text = [term.term, term.aliases, term.short_definition, term.explanation.strip(),
            [(f.question, f.answer) for f in term.faq]]  # fmt: skip
    data = json.dumps(text, ensure_ascii=False).encode()
    return hashlib.blake2b(data, digest_size=6).hexdigest()


def read_translations(
    parts: tuple[Part, ...], codes: tuple[str, ...], base: Path, shown, glossary: Glossary,
    problems: list[Problem],
) -> None:  # fmt: skip
    """Every translation folder of every glossary into `glossary` as one more part."""
    read: list[tuple[str, Term, Term]] = []  # (language, source, translation)
    for part in parts:
        folder = base / part.dir
        for stray in _undeclared(folder, codes):
            declared = ", ".join(codes) or "none"
            problems.append(Problem(Location(shown(folder / stray)),
                f"language {stray!r} is not declared in mkdocs.yml (extra.glossary.languages; "
                f"translations declared: {declared})"))  # fmt: skip
        for code in codes:
            name = language_part(code, part.name)
            glossary.parts[name] = part.title
            _read_categories(folder / code, part, code, shown, glossary, problems)
            if (folder / code).is_dir():
                found = _read_terms(folder / code, part, shown, glossary, problems)
                read += [(code, source, term) for source, term in found]
    ids = {(code, source.slug): f"{language_part(code, part_of(source.slug))}:{term.slug}"
           for code, source, term in read}  # fmt: skip
    for code, source, term in read:
        term.slug, term.category = ids[code, source.slug], translated_id(source.category, code)
        term.related = tuple(ids.get((code, ref), ref) for ref in source.related)
        glossary.terms[term.slug] = term


def _undeclared(folder: Path, codes: tuple[str, ...]) -> list[str]:
    """Subfolders named like a language with term files in them, but not declared."""
    if not folder.is_dir():
        return []
    with os.scandir(folder) as listing:
        found = [e.name for e in listing if e.is_dir() and CODE.match(e.name)]
    return sorted(n for n in found if n not in codes and any((folder / n).glob("*.yml")))


def _read_categories(folder, part, code, shown, glossary, problems) -> None:
    """The source's categories in this language: translated names where the file gives them."""
    file = folder / CATEGORIES_FILE
    translated = (
        read_keyed(file, shown(file), CATEGORY_TRANSLATION, "category", problems)
        if file.is_file() else {}
    )  # fmt: skip
    sources = {
        local(k): c for k, c in glossary.categories.items() if k == term_id(part.name, local(k))
    }
    for key, (_, where) in translated.items():
        if key not in sources:
            hint = schema.suggest(key, sources)
            message = f"category {key!r} is not a category of {part.dir}/{CATEGORIES_FILE}{hint}"
            problems.append(Problem(where, message))
    for key, category in sources.items():
        ident = translated_id(term_id(part.name, key), code)
        if key in translated:
            fields, where = translated[key]
            glossary.categories[ident] = Category(ident, fields["name"].data.strip(),
                " ".join(fields["description"].data.split()), where)  # fmt: skip
        else:
            glossary.categories[ident] = replace(category, key=ident)


def _read_terms(folder, part, shown, glossary, problems) -> list[tuple[Term, Term]]:
    with os.scandir(folder) as listing:
        names = sorted(e.name for e in listing if e.is_file() and e.name.endswith(".yml"))
    read: list[tuple[Term, Term]] = []
    for name in names:
        if name.startswith((".", "_")):
            continue
        path, slug = shown(folder / name), name.removesuffix(".yml")
        source = glossary.terms.get(term_id(part.name, slug))
        if source is None:
            known = {local(s) for s in glossary.terms if term_id(part.name, local(s)) == s}
            hint = schema.suggest(slug, known)
            message = f"translates {part.dir}/{name}, which is no term of the glossary{hint}"
            problems.append(Problem(Location(path), message))
            continue
        term = _parse(path, (folder / name).read_bytes(), source, problems)
        if term is not None:
            read.append((source, term))
    return read


def _parse(path: str, data: bytes, source: Term, problems: list[Problem]) -> Term | None:
    """The source term with this file's text, or None when the file cannot be used."""
    root = read_yaml(data, path)
    if isinstance(root, Problem):
        problems.append(root)
        return None
    problems += root.problems or []
    if not isinstance(root.data, dict):
        problems.append(Problem(root.where(path), "a translation must be a mapping of fields"))
        return None
    fields = dict(root.data)
    for key in SHARED:
        if key in fields:
            item = fields.pop(key)
            problems.append(Problem(Location(path, item.key_line or item.line),
                f"{key!r} cannot be translated: it is the same in every language, "
                f"set in {source.source} (remove it here)"))  # fmt: skip
    found = schema.check(Value(fields, root.line, root.column), TRANSLATION, path)
    problems += found
    if found or not all(readable(v) for v in fields.values()):
        return None
    return _merge(source, fields, path, problems)


def _merge(source: Term, fields: dict[str, Value], path: str, problems: list[Problem]) -> Term:
    def get(key: str, default=None):
        return fields[key].data if key in fields else default

    seo = get("seo", {})
    term = replace(
        source,
        slug=get("slug", local(source.slug)),
        term=get("term").strip(),
        aliases=tuple(a.data.strip() for a in get("aliases", [])),
        short_definition=" ".join(get("short_definition", source.short_definition).split()),
        explanation=get("explanation", source.explanation).strip() + "\n",
        faq=tuple(
            Faq(i.data["question"].data.strip(), i.data["answer"].data.strip())
            for i in get("faq", [])
        ),  # fmt: skip
        seo=Seo(
            seo["title"].data.strip() if "title" in seo else None,
            " ".join(seo["description"].data.split()) if "description" in seo else None,
        ),
        last_reviewed=get("last_reviewed"),
        source=Path(path),
        lines=_lines(fields),
        translates=source.slug,
        source_hash=get("source_hash"),
    )
    problems += validate_term(term)
    return term
