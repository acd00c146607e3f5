"""What each `glossary` command does; main.py reads the command line and picks one.

Each command imports what only it needs when it runs: `glossary check` starts in a tenth of
a second (the link checker, HTTP client and templates would double that)."""

from __future__ import annotations

import argparse
import gc
import json
import os
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

from termbase.checks.project import Project
from termbase.cli.report import annotation, in_actions, report
from termbase.config import ProjectConfig
from termbase.course.load import load_courses
from termbase.languages import language_of_part
from termbase.model import GlossaryError
from termbase.parallel import available_cores
from termbase.parts import part_of
from termbase.reading.cache import ParseCache
from termbase.reading.jsonschema import json_schema
from termbase.reading.links import check_page_links
from termbase.reading.load import load_glossary, load_site
from termbase.reading.parse import TermParser
from termbase.reading.rules import ADVICE


def _project() -> Project:
    """The project around the current folder (mkdocs.yml's settings), or defaults here."""
    return Project.find(Path.cwd()) or Project.of(ProjectConfig(root=Path.cwd()))


def _found_project() -> Project | None:
    """`_project()`, or None once the reason it cannot be read (mkdocs.yml) is reported."""
    try:
        return _project()
    except GlossaryError as err:
        report(err.problems)
        return None


def cmd_check(args: argparse.Namespace) -> int:
    started = time.perf_counter()
    # A short run that makes millions of objects and no garbage cycles: the cycle collector
    # would only sweep them over and over (a fifth of a cold check of 10,000 files).
    gc.disable()
    if (project := _found_project()) is None:  # mkdocs.yml cannot be read
        return 1
    folder = Path(args.dir) if args.dir else project.root / project.glossary_dir
    cache = ParseCache(project.root)
    root = project.root.resolve()
    try:
        parser = TermParser(cache.entries, workers=available_cores())
        parts = project.config.glossary.parts
        if args.dir and folder.resolve() not in {(root / p.dir).resolve() for p in parts}:
            glossary = load_glossary(folder.resolve(), root=root, parser=parser)
        else:  # every glossary of the site, which may refer to each other
            codes = project.config.glossary.translation_codes
            glossary = load_site(parts, root, root, parser, codes)
        broken = check_page_links(glossary, project.markdown_pages(), root)
        if broken:
            raise GlossaryError(broken + glossary.warnings)
    except GlossaryError as err:
        report(err.problems)
        errors = sum(p.level == "error" for p in err.problems)
        print(f"{errors} error(s) in {_shown(folder)}", file=sys.stderr)
        return 1
    finally:
        cache.save()
    docs = project.root / project.docs_dir
    try:
        courses = load_courses(docs, root, glossary) if docs.is_dir() else None
    except GlossaryError as err:
        report(glossary.warnings + err.problems)
        errors = sum(p.level == "error" for p in err.problems)
        print(f"{errors} error(s) in the lessons of {_shown(docs)}", file=sys.stderr)
        return 1
    translations = project.config.glossary.translations
    if translations:
        from termbase.checks.translations import step_warnings, translation_status
        from termbase.cli.translate import no_language, to_do_list

        status = translation_status(glossary, project.config.glossary.translation_codes)
        glossary.warnings += step_warnings(status, {lang.code: lang.name for lang in translations})
        if args.lang:
            report(glossary.warnings)
            return to_do_list(args.lang, status, project, _shown)
    elif args.lang:
        from termbase.cli.translate import no_language

        report([no_language(args.lang, project)])
        return 1
    report(glossary.warnings)
    elapsed = time.perf_counter() - started
    source = [term for term in glossary.terms.values() if not term.translates]
    published = sum(not term.draft for term in source)
    lessons = ""
    if courses and courses.lessons:
        count = len(courses.courses)
        lessons = f", {len(courses.lessons)} lessons in {count} course{'s' * (count != 1)}"
    print(
        f"ok: {len(source)} term files ({published} published, "
        f"{len(source) - published} drafts), {_translated(glossary)}{_see(glossary.redirects)}"
        f"{_categories(glossary.categories)} categories{_parts(glossary.parts)}"
        f"{lessons}, {_warnings(glossary.warnings)}, checked in {elapsed:.2f} s"
    )
    return 0


def _translated(glossary) -> str:
    """How many translation files, by language: "3 translations (fr 3), "."""
    by_code: dict[str, int] = {}
    for term in glossary.terms.values():
        if term.translates:
            code = language_of_part(part_of(term.slug)) or ""
            by_code[code] = by_code.get(code, 0) + 1
    each = ", ".join(f"{code} {count}" for code, count in sorted(by_code.items()))
    return f"{sum(by_code.values())} translations ({each}), " if by_code else ""


def _categories(categories: dict) -> int:
    return sum(language_of_part(part_of(key)) is None for key in categories)


def _parts(parts: dict[str, str]) -> str:
    """How many glossaries, their translations not counted."""
    count = sum(language_of_part(part) is None for part in parts)
    return f" in {count} glossaries" if count > 1 else ""


def cmd_new(args: argparse.Namespace) -> int:
    from termbase.cli.scaffold import new_term

    try:
        project = _project()
        folder = Path(args.dir) if args.dir else project.root / project.glossary_dir
        shown = _shown(folder)
        created = new_term(folder, args.name, category=args.category, shown=shown)
    except GlossaryError as err:
        report(err.problems)
        return 1
    base = urlsplit(project.site_url or "").path or "/"
    file = f"{shown}/{created.path.name}"
    print(
        f"created {file} (category: {created.category})\n\n"
        "next steps:\n"
        f"  1. Open {file} and write each text marked TODO: the short definition and the\n"
        "     explanation. Add aliases, related terms and at least one source.\n"
        "  2. glossary check      # every problem as path:line:col, until it prints ok\n"
        f"  3. make serve          # preview http://127.0.0.1:8000{base}glossary/{created.slug}/\n"
        "  4. Open a pull request: CONTRIBUTING.md has the review checklist."
    )
    return 0


def cmd_translate(args: argparse.Namespace) -> int:
    from termbase.cli.translate import run_translate

    if (project := _found_project()) is None:
        return 1
    return run_translate(args, project, _shown)


def cmd_import(args: argparse.Namespace) -> int:
    from termbase.cli.importing import run_import

    if (project := _found_project()) is None:
        return 1
    folder = Path(args.dir) if args.dir else project.root / project.glossary_dir
    return run_import(args, folder, _shown(folder), _shown(Path(args.source)))


def cmd_linkcheck(args: argparse.Namespace) -> int:
    from termbase.checks.linkcheck import check_site
    from termbase.checks.urlcheck import UrlChecker

    given = Path(args.site_dir) if args.site_dir else None
    try:
        project = (given and Project.find(given.resolve().parent)) or Project.find(Path.cwd())
    except GlossaryError as err:
        report(err.problems)
        return 2
    site_dir = given or (project.root / project.site_dir if project else Path("site"))
    shown = _shown(site_dir)
    if not site_dir.is_dir():
        print(f"{shown}: no built site here; build it with: mkdocs build --strict", file=sys.stderr)
        return 2
    site_url = args.site_url or (project.site_url if project else None)
    if not site_url:
        print(
            "warning: site_url is unknown (set it in mkdocs.yml or pass --site-url): canonical, "
            "sitemap and JSON-LD URLs are checked as external links",
            file=sys.stderr,
        )
    checker = None
    if args.online:
        cache = (project.root if project else Path.cwd()) / ".cache" / "linkcheck.json"
        checker = UrlChecker(cache, workers=args.workers, timeout=args.timeout)
    result = check_site(
        site_dir,
        project,
        site_url=site_url,
        check_urls=checker.broken if checker else None,
        workers=available_cores(),
    )
    for finding in result.findings:
        print(f"{shown}/{finding}", file=sys.stderr)
        if in_actions():
            file = finding.source or f"{shown}/{finding.page}"
            message = f"{finding.link}: {finding.message}"
            print(annotation(finding.level, file, message), file=sys.stderr)
    count = len(result.external)
    external = f"{count} external URL{'s' * (count != 1)}"
    if checker:
        external += f" ({checker.fetched} fetched, the rest cached)"
    else:
        external += " checked for syntax (--online fetches them)"
    summary = (
        f"{result.pages} pages, {result.links:,} links, {external}, "
        f"{len(result.warnings)} warning(s), checked in {result.seconds:.2f} s"
    )
    if result.errors:
        print(f"{len(result.errors)} broken link(s) in {shown}/: {summary}", file=sys.stderr)
        return 1
    print(f"ok: {summary}")
    return 0


def cmd_audit(args: argparse.Namespace) -> int:
    from termbase.checks.audit import audit
    from termbase.checks.audit import report as audit_report

    if (project := _found_project()) is None:
        return 2
    site_dir = Path(args.site_dir) if args.site_dir else project.root / project.site_dir
    if not (site_dir / "index.html").is_file():
        print(f"{_shown(site_dir)}: no built site here; run mkdocs build first", file=sys.stderr)
        return 2
    results = audit(site_dir, project.root, chrome=args.chrome)
    print(audit_report(results))
    return 0 if all(r.passed for r in results) else 1


def cmd_schema(args: argparse.Namespace) -> int:
    text = schema_text(args.kind)
    if args.output:
        output = Path(args.output)
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(text, encoding="utf-8")
        print(f"wrote {output}", file=sys.stderr)
    else:
        sys.stdout.write(text)
    return 0


def schema_text(kind: str = "term") -> str:
    """A JSON Schema as committed in schema/<kind>.schema.json."""
    return json.dumps(json_schema(kind), indent=2, ensure_ascii=False) + "\n"


def _see(redirects: dict) -> str:
    return (
        f"{len(redirects)} see entr{'y' if len(redirects) == 1 else 'ies'}, " if redirects else ""
    )


def _warnings(problems: list) -> str:
    """'2 warning(s)', and ', 3 SEO advice' when there is advice (it fails no build)."""
    advice = sum(p.level == ADVICE for p in problems)
    text = f"{len(problems) - advice} warning(s)"
    return text + (f", {advice} SEO advice" if advice else "")


def _shown(path: Path) -> str:
    """A path as the editor typed it: relative to where they are, when it is below."""
    relative = os.path.relpath(path.resolve())
    return str(path) if relative.startswith("..") else relative
