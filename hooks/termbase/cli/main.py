"""The `glossary` command editors run: check term files without building the site, start a
new term, check every link of a built site, and write the term file JSON Schema."""

from __future__ import annotations

import argparse
import sys

from termbase.cli.commands import (
    cmd_audit,
    cmd_check,
    cmd_import,
    cmd_linkcheck,
    cmd_new,
    cmd_schema,
    cmd_translate,
)
from termbase.cli.report import annotation
from termbase.reading.jsonschema import SCHEMAS

__all__ = ["annotation", "build_parser", "main"]


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
    check.add_argument("--lang", metavar="CODE", help="list what a translator into CODE should "
                       "do next: out-of-date, missing terms and interface texts")  # fmt: skip
    check.set_defaults(run=cmd_check)

    translate = commands.add_parser(
        "translate",
        help="start a translation of a term",
        description="Write glossary/<lang>/<slug>.yml, a translation of glossary/<slug>.yml,\n"
        "with the source's text as comments beside each field and the source's hash, so\n"
        "glossary check can tell when the source changes. Never overwrites a file.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="examples:\n  glossary translate new fr inner-alignment",
    )
    translate.add_argument("action", choices=["new"], help="new: start a translation file")
    translate.add_argument("lang", metavar="LANG", help="a language of extra.glossary.languages")
    translate.add_argument("slug", metavar="SLUG", help="the source term's slug (file name)")
    translate.set_defaults(run=cmd_translate)

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

    importer = commands.add_parser(
        "import",
        help="write term files from a glossary made for another tool",
        description="Write one term file per term from a glossary made for another tool:\n"
        "  sphinx  reStructuredText '.. glossary::' blocks (a .rst file or a folder)\n"
        "  csv     a spreadsheet saved as UTF-8 CSV with a header row: term, definition,\n"
        "          explanation, aliases, category, related, source (--column maps others)\n"
        "  abbr    an MkDocs abbreviations file: *[HTML]: Hyper Text Markup Language\n"
        "  hugo    a folder of Markdown files with YAML front matter (CNCF, Kubernetes)\n"
        "Existing files are never overwritten. What could not be mapped is printed with its\n"
        "source file and line. Any error refuses the whole import: no file is written.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="examples:\n"
        "  glossary import sphinx Doc/glossary.rst --category python --dry-run\n"
        "  glossary import csv terms.csv --column definition=Meaning\n"
        "  glossary import abbr includes/abbreviations.md --prefix abbr\n"
        "  glossary import hugo content/en/docs/reference/glossary --category kubernetes",
    )
    importer.add_argument(
        "format",
        choices=["sphinx", "csv", "abbr", "hugo"],
        metavar="FORMAT",
        help="sphinx, csv, abbr or hugo",
    )
    importer.add_argument("source", metavar="SOURCE", help="the file or folder to read")
    importer.add_argument(
        "--category",
        help="put every term in this category (default: the "
        "source's category, else the first category)",
    )
    importer.add_argument(
        "--prefix",
        help="start every slug with this word, to keep the "
        "imported files apart: --prefix k8s writes k8s-pod.yml",
    )
    importer.add_argument("--dry-run", action="store_true", help="check and print, write nothing")
    importer.add_argument(
        "--column",
        action="append",
        metavar="FIELD=HEADER",
        help="csv: read FIELD from the column HEADER (repeatable)",
    )
    importer.add_argument("--dir", help="the glossary folder (default: glossary/ of the project)")
    importer.set_defaults(run=cmd_import)

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
        "  glossary schema --output schema/term.schema.json   # after changing schema.py\n"
        "  glossary schema --kind lesson -o schema/lesson.schema.json",
    )
    schema.add_argument("--output", "-o", help="write to this file instead of printing")
    schema.add_argument(
        "--kind",
        choices=SCHEMAS,
        default="term",
        help="term (default): a term file; lesson: a lesson's front matter; "
        "courses: content/_courses.yml",
    )
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
