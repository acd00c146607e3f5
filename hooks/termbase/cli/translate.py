"""`glossary translate new LANG SLUG`: a translation file that loads, beside its source;
and `glossary check --lang LANG`, the translator's list of what to do next.

The translation starts from the source's text, as comments next to each field, and records
the source's hash so `glossary check` can tell when the source moves on (checks.translations).
"""

from __future__ import annotations

import argparse
import datetime as dt
import textwrap
from collections.abc import Callable
from pathlib import Path

from termbase.checks.project import Project
from termbase.cli.report import report
from termbase.languages import Language
from termbase.model import Glossary, GlossaryError, Location, Problem
from termbase.pages.markdown import text_env
from termbase.parts import DEFAULT_PART, Part, local, part_of, term_id
from termbase.reading.load import load_site
from termbase.reading.parse import TermParser
from termbase.reading.rules import TEMPLATE_MARKER
from termbase.reading.schema import suggest
from termbase.reading.translations import source_hash

TEMPLATES = Path(__file__).parent / "templates"


def run_translate(args: argparse.Namespace, project: Project, shown: Callable[[Path], str]) -> int:
    """`glossary translate new LANG SLUG`, its file written, or the problems reported."""
    settings = project.config.glossary
    language = next((lang for lang in settings.translations if lang.code == args.lang), None)
    try:
        if language is None:
            raise GlossaryError([no_language(args.lang, project)])
        root = project.root.resolve()
        glossary = load_site(settings.parts, root, root, TermParser({}), [language.code])
        path = new_translation(glossary, settings.parts, language, args.slug, root)
    except GlossaryError as err:
        report(err.problems)
        return 1
    file = shown(path)
    print(
        f"created {file}\n\nnext steps:\n"
        f"  1. Replace each TODO in {file} with the {language.name} text (the source's is in\n"
        "     the comment above each field).\n"
        f"  2. glossary check --lang {language.code}   # what is left to translate\n"
        "  3. make serve, then open the page and use the language switcher."
    )
    return 0


def to_do_list(code: str, status: dict, project: Project, shown: Callable[[Path], str]) -> int:
    """`glossary check --lang CODE`: what a translator into CODE should do next."""
    from termbase.catalog import Catalogs
    from termbase.checks.translations import template_texts, to_do

    if code not in status:
        report([no_language(code, project)])
        return 1
    theme = project.root / project.config.theme_dir
    try:
        catalog = Catalogs(theme, (code,))
    except GlossaryError as err:
        report(err.problems)
        return 1
    missing = catalog.missing(code, template_texts(theme))
    print("\n".join(to_do(status[code], missing, shown(theme / "languages" / f"{code}.yml"))))
    return 0


def no_language(code: str, project: Project) -> Problem:
    declared = ", ".join(project.config.glossary.translation_codes) or "none"
    message = (f"{code!r} is not a translation declared in extra.glossary.languages "
               f"(declared: {declared})")  # fmt: skip
    return Problem(Location(str(project.root / "mkdocs.yml")), message)


def new_translation(
    glossary: Glossary,
    parts: tuple[Part, ...],
    language: Language,
    slug: str,
    root: Path,
    today: dt.date | None = None,
) -> Path:
    """Write `<glossary folder>/<code>/<slug>.yml` for the source term `slug` (or
    `part:slug`); raise GlossaryError when the term or an existing file stands in the way."""
    ident = slug if ":" in slug else term_id(DEFAULT_PART, slug)
    by_name = {part.name: part for part in parts}
    source = glossary.terms.get(ident)
    part = by_name.get(part_of(ident))
    if source is None or part is None or source.translates:
        known = {local(s) for s, t in glossary.terms.items() if not t.translates}
        message = f"no term {slug!r} to translate{suggest(slug, known)}"
        raise GlossaryError([Problem(Location(parts[0].dir), message)])
    path = root / part.dir / language.code / f"{local(ident)}.yml"
    shown = f"{part.dir}/{language.code}/{path.name}"
    if path.exists():
        message = "a translation exists already: edit it, `glossary check` says what is out of date"
        raise GlossaryError([Problem(Location(shown), message)])
    env = text_env(TEMPLATES, {"comment": _comment})
    text = env.get_template("new-translation.yml").render(
        source=source,
        source_file=f"{part.dir}/{local(ident)}.yml",
        language=language.name,
        hash=source_hash(source),
        today=(today or dt.date.today()).isoformat(),
        todo=TEMPLATE_MARKER,
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("x", encoding="utf-8") as out:  # never overwrite, even in a race
        out.write(text)
    return path


def _comment(text: str, indent: str = "") -> str:
    """Source text as comment lines, line for line (Markdown's line breaks matter), long
    lines wrapped."""
    lines = []
    for line in text.strip().splitlines():
        lead = " " * (len(line) - len(line.lstrip()))
        wrapped = textwrap.wrap(line, 86, subsequent_indent=lead) or [""]
        lines += [f"{indent}# {part}".rstrip() for part in wrapped]
    return "\n".join(lines)
