"""Are the translations in step with their sources? For `glossary check` and `--lang`.

A translation is out of date when its source's text has changed since it was made: its
recorded `source_hash` differs from the source's own (reading.translations.source_hash), or,
where it records none, the source was reviewed after it. A missing translation is a
published source term with no file in the language's folder.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from termbase.languages import language_of_part
from termbase.model import Glossary, Location, Problem, Term
from termbase.parts import DEFAULT_PART, local, part_of
from termbase.reading.translations import source_hash

TEMPLATE_TEXT = re.compile(r"""_\(\s*(?:"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)')""")


@dataclass
class LanguageStatus:
    """One language's translations against the source glossary."""

    code: str
    translated: list[Term] = field(default_factory=list)
    out_of_date: list[tuple[Term, Term]] = field(default_factory=list)  # (translation, source)
    missing: list[Term] = field(default_factory=list)  # source terms with no translation


def translation_status(glossary: Glossary, codes: Sequence[str]) -> dict[str, LanguageStatus]:
    """Each declared language's translated, out-of-date and missing terms."""
    status = {code: LanguageStatus(code) for code in codes}
    done: dict[str, set[str]] = {code: set() for code in codes}
    for term in glossary.terms.values():
        code = language_of_part(part_of(term.slug))
        if code not in status or not term.translates:
            continue
        source = glossary.terms[term.translates]
        status[code].translated.append(term)
        done[code].add(source.slug)
        if _out_of_date(term, source):
            status[code].out_of_date.append((term, source))
    for term in glossary.published:
        if language_of_part(part_of(term.slug)) is None:
            for code in codes:
                if term.slug not in done[code]:
                    status[code].missing.append(term)
    return status


def _out_of_date(translation: Term, source: Term) -> bool:
    if translation.source_hash:
        return translation.source_hash != source_hash(source)
    reviewed, changed = translation.last_reviewed, source.last_reviewed
    return bool(reviewed and changed and changed > reviewed)


def step_warnings(status: dict[str, LanguageStatus], names: dict[str, str]) -> list[Problem]:
    """What every `glossary check` says: each out-of-date translation, located, and one line
    a language for its missing translations (`names`: code -> language name)."""
    problems = []
    for code, found in status.items():
        for term, source in found.out_of_date:
            key = "source_hash" if term.source_hash else "last_reviewed"
            why = (
                f"{source.source} has changed since this translation (source_hash "
                f"{term.source_hash}, now {source_hash(source)})"
                if term.source_hash
                else f"{source.source} was reviewed on {source.last_reviewed}, after this "
                f"translation ({term.last_reviewed})"
            )
            problems.append(
                Problem(term.location(key), f"out of date: {why}; bring the translation up "
                        f"to date, then set source_hash: {source_hash(source)}", "warning")
            )  # fmt: skip
        if found.missing:
            total = len(found.missing) + len(found.translated)
            problems.append(
                Problem(Location(_folder(found)), f"{names.get(code, code)} ({code}): "
                        f"{len(found.missing)} of {total} terms not translated yet; "
                        f"`glossary check --lang {code}` lists them", "warning")
            )  # fmt: skip
    return problems


def _folder(found: LanguageStatus) -> str:
    if found.translated:
        return str(Path(found.translated[0].source).parent)
    if found.missing:
        return str(Path(found.missing[0].source).parent / found.code)
    return found.code


def to_do(found: LanguageStatus, catalog_missing: list[str], catalog: str) -> list[str]:
    """What a translator into `found.code` should do next, most urgent first."""
    lines = [f"{found.code}: {len(found.translated)} terms translated, "
             f"{len(found.out_of_date)} out of date, {len(found.missing)} missing"]  # fmt: skip
    for term, source in found.out_of_date:
        lines.append(f"  update    {term.location('term')}  (source changed: {source.source})")
    for term in found.missing:
        name = local(term.slug) if part_of(term.slug) == DEFAULT_PART else term.slug
        command = f"glossary translate new {found.code} {name}"
        lines.append(f"  translate {term.source}  ->  {command}")
    for text in catalog_missing:
        lines.append(f"  interface {catalog}: {text!r}")
    return lines


def template_texts(folder: Path) -> set[str]:
    """The interface texts the templates under `folder` pass to `_()`."""
    found: set[str] = set()
    for path in sorted(folder.rglob("*")):
        if path.suffix in {".html", ".md", ".xml"} and path.is_file():
            for double, single in TEMPLATE_TEXT.findall(path.read_text(encoding="utf-8")):
                found.add((double or single).replace('\\"', '"').replace("\\'", "'"))
    return found
