"""The `glossary` command editors run: check term files without building the site, start a
new term, check every link of a built site, and write the term file JSON Schema.

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

from .forkmap import available_cores
from .load import load_glossary
from .model import GlossaryError, Problem
from .parsecache import ParsedTerms
from .project import Project
from .schema import json_schema


def report(problems: list[Problem], stream=None) -> None:
    """Print problems as `path:line:col: level: message`, plus GitHub annotations in Actions."""
    stream = stream or sys.stderr
    for problem in problems:
        print(problem, file=stream)
        if _in_actions():
            loc = problem.location
            print(
                annotation(problem.level, loc.path, problem.message, loc.line, loc.column),
                file=stream,
            )


def _in_actions() -> bool:
    return os.environ.get("GITHUB_ACTIONS") == "true"


def annotation(level: str, path: str, message: str, line: int = 0, column: int = 0) -> str:
    """A GitHub Actions workflow command: the pull request shows `message` on that line."""

    def escape(text: str, *, prop: bool = False) -> str:
        text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        return text.replace(":", "%3A").replace(",", "%2C") if prop else text

    place = f"file={escape(path, prop=True)}"
    place += f",line={line}" if line else ""
    place += f",col={column}" if column else ""
    return f"::{level} {place}::{escape(message)}"


def _project() -> Project:
    """The project around the current folder (mkdocs.yml's settings), or defaults here."""
    return Project.find(Path.cwd()) or Project(root=Path.cwd())


def cmd_check(args: argparse.Namespace) -> int:
    started = time.perf_counter()
    # A short run that makes millions of objects and no garbage cycles: the cycle collector
    # would only sweep them over and over (a fifth of a cold check of 10,000 files).
    gc.disable()
    try:
        project = _project()
    except GlossaryError as err:  # mkdocs.yml cannot be read
        report(err.problems)
        return 1
    folder = Path(args.dir) if args.dir else project.root / project.glossary_dir
    parsed = ParsedTerms(project.root)
    try:
        glossary = load_glossary(
            folder.resolve(),
            root=project.root.resolve(),
            reuse=parsed.entries,
            encoded=parsed.encoded,
            workers=available_cores(),
            on_parsed=lambda: parsed.save(background=True),
        )
    except GlossaryError as err:
        report(err.problems)
        errors = sum(p.level == "error" for p in err.problems)
        print(f"{errors} error(s) in {_shown(folder)}", file=sys.stderr)
        return 1
    finally:
        parsed.save()
        parsed.wait()
    report(glossary.warnings)
    elapsed = time.perf_counter() - started
    published = len(glossary.published)
    print(
        f"ok: {len(glossary.terms)} term files ({published} published, "
        f"{len(glossary.terms) - published} drafts), {len(glossary.categories)} categories, "
        f"{len(glossary.warnings)} warning(s), checked in {elapsed:.2f} s"
    )
    return 0


def cmd_new(args: argparse.Namespace) -> int:
    from .scaffold import new_term

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


def cmd_linkcheck(args: argparse.Namespace) -> int:
    from .linkcheck import check_site
    from .urlcheck import UrlChecker

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
        if _in_actions():
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
    from .audit import audit
    from .audit import report as audit_report

    try:
        project = _project()
    except GlossaryError as err:
        report(err.problems)
        return 2
    site_dir = Path(args.site_dir) if args.site_dir else project.root / project.site_dir
    if not (site_dir / "index.html").is_file():
        print(f"{_shown(site_dir)}: no built site here; run mkdocs build first", file=sys.stderr)
        return 2
    results = audit(site_dir, project.root, chrome=args.chrome)
    print(audit_report(results))
    return 0 if all(r.passed for r in results) else 1


def cmd_schema(args: argparse.Namespace) -> int:
    text = schema_text()
    if args.output:
        output = Path(args.output)
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(text, encoding="utf-8")
        print(f"wrote {output}", file=sys.stderr)
    else:
        sys.stdout.write(text)
    return 0


def schema_text() -> str:
    """The JSON Schema of a term file, as committed in schema/term.schema.json."""
    return json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"


def _shown(path: Path) -> str:
    """A path as the editor typed it: relative to where they are, when it is below."""
    relative = os.path.relpath(path.resolve())
    return str(path) if relative.startswith("..") else relative


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="glossary",
        description="Tools for editors of the glossary: check term files, start a new term, "
        "check the links of the built site, write the term file schema.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="Run `glossary COMMAND --help` for a command's options and examples.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    check = commands.add_parser(
        "check",
        help="validate every term file without building the site",
        description="Validate every term file in glossary/ and print all problems as "
        "path:line:col: message. Exit 1 if there is any error.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="examples:\n  glossary check\n  glossary check --dir path/to/glossary",
    )
    check.add_argument("--dir", help="the glossary folder (default: glossary/ of the project)")
    check.set_defaults(run=cmd_check)

    new = commands.add_parser(
        "new",
        help="start a new term file from the commented template",
        description="Write glossary/<slug>.yml for a new term from a commented template.\n"
        "The slug comes from the name and last_reviewed is today. Each text only you can\n"
        "write is marked TODO: glossary check warns about it, and the strict build refuses\n"
        "it. An existing file is never overwritten.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="examples:\n"
        '  glossary new "Reward hacking"\n'
        '  glossary new "Reward hacking" --category failure-modes',
    )
    new.add_argument("name", help="the term's display name, as readers see it")
    new.add_argument("--category", help="a category key (default: the first category)")
    new.add_argument("--dir", help="the glossary folder (default: glossary/ of the project)")
    new.set_defaults(run=cmd_new)

    linkcheck = commands.add_parser(
        "linkcheck",
        help="check every link in the built site",
        description="Check every link of the built site: internal links and #anchors, images,\n"
        "stylesheets, scripts, canonical and social card URLs, sitemap entries, and URLs in\n"
        "JSON-LD and glossary.json. Each broken link is printed with its page and the file\n"
        "the page was built from. External links get a syntax check; --online fetches them.\n"
        "A term page that only the index and category pages link to is reported as an\n"
        "orphan (a warning). Exit 1 if any link is broken.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="examples:\n"
        "  mkdocs build --strict && glossary linkcheck\n"
        "  glossary linkcheck site --online\n"
        "  glossary linkcheck build/html --site-url https://example.org/glossary/",
    )
    linkcheck.add_argument(
        "site_dir", nargs="?", metavar="SITE_DIR", help="the built site (default: site/)"
    )
    linkcheck.add_argument(
        "--online",
        action="store_true",
        help="also fetch external links (good results are kept a week in .cache/)",
    )
    linkcheck.add_argument(
        "--site-url", help="the published address of the site (default: site_url in mkdocs.yml)"
    )
    linkcheck.add_argument(
        "--workers", type=int, default=8, help="with --online: requests at a time (default 8)"
    )
    linkcheck.add_argument(
        "--timeout", type=float, default=10.0, help="with --online: seconds per request (10)"
    )
    linkcheck.set_defaults(run=cmd_linkcheck)

    schema = commands.add_parser(
        "schema",
        help="print or write the JSON Schema of term files",
        description="Print the JSON Schema of term files, which editors' YAML language servers\n"
        "use for completion and inline errors. It is made from the same declarations\n"
        "glossary check uses, so the two agree.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="examples:\n"
        "  glossary schema\n"
        "  glossary schema --output schema/term.schema.json   # after changing schema.py",
    )
    schema.add_argument("--output", "-o", help="write to this file instead of printing")
    schema.set_defaults(run=cmd_schema)

    audit = commands.add_parser(
        "audit",
        help="run Lighthouse on key pages of the built site",
        description="Serve the built site on 127.0.0.1 and run Lighthouse (pinned in\n"
        "package.json; install with `npm ci`) with Chromium on a term page, the glossary\n"
        "index and an explainer. Exit 1 below SEO 100, accessibility 95, best practices 95.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="examples:\n  make audit\n  glossary audit site --chrome /usr/bin/chromium",
    )
    audit.add_argument("site_dir", nargs="?", help="the built site (default: site/)")
    audit.add_argument("--chrome", default="/usr/bin/chromium", help="the Chromium to drive")
    audit.set_defaults(run=cmd_audit)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.run(args)
    except KeyboardInterrupt:  # pragma: no cover
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
