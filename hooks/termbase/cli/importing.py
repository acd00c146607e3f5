"""`glossary import FORMAT SOURCE`: a glossary written for another tool -> term files.

All or nothing: every entry is read, mapped and checked against the glossary it joins
first, and a single error (unreadable input, a missing column, an unknown shortcode, a name
used twice, a file that exists) refuses the whole import, so no file is half-written and
a second run after the fix starts from the same place."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from termbase.cli.report import report
from termbase.importers.abbr import read_abbr
from termbase.importers.entries import NOTICE, Context
from termbase.importers.hugo import read_hugo
from termbase.importers.sphinx import read_sphinx
from termbase.importers.spreadsheet import COLUMNS, read_csv
from termbase.importers.writer import plan, write
from termbase.model import GlossaryError, Location, Problem
from termbase.reading.load import load_glossary
from termbase.reading.rules import name_key

READERS = {"sphinx": read_sphinx, "csv": read_csv, "abbr": read_abbr, "hugo": read_hugo}


def column_mapping(pairs: list[str]) -> dict[str, str]:
    """--column FIELD=HEADER options -> {field: header}."""
    mapping = {}
    for pair in pairs:
        field, equals, header = pair.partition("=")
        if not equals or field.strip() not in COLUMNS or not header.strip():
            raise argparse.ArgumentTypeError(
                f"--column {pair!r}: write FIELD=HEADER, FIELD one of {', '.join(COLUMNS)}"
            )
        mapping[field.strip()] = header.strip()
    return mapping


def run_import(args: argparse.Namespace, folder: Path, shown_folder: str, shown_source: str) -> int:
    source = Path(args.source)
    context = Context(prefix=args.prefix or "")
    try:
        if not source.exists():
            raise GlossaryError([Problem(Location(shown_source), "no such file or folder")])
        glossary = load_glossary(folder.resolve(), root=folder.resolve().parent)
        for term in [*glossary.terms.values(), *glossary.redirects.values()]:
            for name in term.names:
                context.existing[name_key(name)] = term.see or term.slug  # see: its target
        read = READERS[args.format]
        if args.format == "csv":
            entries = read(source, shown_source, context, column_mapping(args.column or []))
        else:
            entries = read(source, shown_source, context)
        context.refuse_if_errors()
        planned = plan(
            entries,
            glossary,
            folder,
            shown_folder,
            format=args.format,
            category=args.category,
            context=context,
        )
        context.refuse_if_errors()
    except argparse.ArgumentTypeError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    except GlossaryError as err:
        report(err.problems)
        errors = sum(p.level == "error" for p in err.problems)
        print(f"{errors} error(s): nothing was imported, no file written", file=sys.stderr)
        return 1
    report(context.problems)
    if not args.dry_run:
        write(planned)
    verb = "would write" if args.dry_run else "wrote"
    for item in planned:
        kind = f"see {item.entry.see}" if item.entry.see else item.entry.name
        print(f"{verb} {item.shown}  ({kind}; from {item.entry.where})")
    notices = sum(p.level == NOTICE for p in context.problems)
    see = sum(1 for item in planned if item.entry.see)
    summary = f"{len(planned) - see} term(s) and {see} see entr{'y' if see == 1 else 'ies'}"
    print(
        f"{'dry run: ' if args.dry_run else ''}{summary} from {shown_source}, "
        f"{notices} notice(s) of what was not mapped"
        + ("; nothing written" if args.dry_run else "; next: glossary check")
    )
    return 0
