"""Hugo glossaries: one Markdown file a term with YAML front matter, as the CNCF and the
Kubernetes glossaries write them.

Read: `title`, `short_description`, `aka`, `category` (any case, or a list), `status`
(Deprecated makes a draft), the body (the part after `<!--more-->` is the explanation when
the part before only repeats the short description), `{{< glossary_tooltip ... >}}` (a link
to the term it names) and links written `/slug/` (a link when they name a term). Other
fields and `{{% sign-language-section %}}` are reported as not mapped; any other shortcode
stops the import, since its output cannot be known here; the callouts `note`, `caution` and
`warning` keep their text after a bold label."""

from __future__ import annotations

import html
import re
from pathlib import Path

import yaml

from termbase.importers.entries import Context, Entry, plain, read_text, short_definition
from termbase.model import Location
from termbase.reading.load import slugify

_FRONT = re.compile(r"\A---[ \t]*\n(.*?\n)?---[ \t]*(?:\n|\Z)", re.DOTALL)
_SHORTCODE = re.compile(r"\{\{([<%])\s*(/?)([\w.-]+)(.*?)\s*[>%]\}\}", re.DOTALL)
_ATTRIBUTE = re.compile(r"([\w-]+)\s*=\s*\"([^\"]*)\"")
_SITE_LINK = re.compile(r"(?<!!)\[([^\]]+)\]\((/[^)\s]*)\)")
DROPPED_SHORTCODES = frozenset({"sign-language-section"})
# The Kubernetes docs' callouts, {{< note >}}...{{< /note >}}: their text stays, labelled.
CALLOUTS = {"note": "Note", "caution": "Caution", "warning": "Warning"}
READ = {"title", "short_description", "aka", "category", "status", "id"}


def read_hugo(source: Path, shown: str, context: Context) -> list[Entry]:
    """The term files of a Hugo content folder (or one file); index pages are skipped."""
    files = (
        [source]
        if source.is_file()
        else sorted(
            f for f in source.glob("*.md") if not f.name.startswith("_") and f.name != "index.md"
        )
    )
    if not files:
        context.error(Location(shown), "no Markdown files (*.md) found")
    read: list[tuple[Entry, str, int, dict]] = []
    keys: dict[str, str] = {}  # a term_id, file name or URL segment -> slug
    for file in files:
        path = shown if file == source else f"{shown}/{file.name}"
        text = read_text(file, path, context)
        if text is None:
            continue
        parsed = _front_matter(text, path, context)
        if parsed is None:
            continue
        front, body, body_line = parsed
        title = front.get("title")
        if not isinstance(title, str) or not title.strip():
            context.error(Location(path, 2), "the front matter has no title")
            continue
        name = " ".join(html.unescape(title).split())
        entry = Entry(slug=context.slug(file.stem), name=name, where=Location(path, 1))
        for key in (file.stem, slugify(file.stem), str(front.get("id") or "")):
            if key:
                keys.setdefault(key, entry.slug)
        read.append((entry, body, body_line, front))
    for entry, body, body_line, front in read:
        _fill(entry, front, body, body_line, keys, context)
    return [entry for entry, *_ in read]


def _front_matter(text: str, path: str, context: Context):
    match = _FRONT.match(text)
    if not match:
        what = (
            "TOML front matter (+++) is not read; convert it to YAML"
            if text.startswith("+++")
            else "no YAML front matter: a term file starts with ---"
        )
        context.error(Location(path, 1), what)
        return None
    try:
        front = yaml.safe_load(match.group(1) or "") or {}
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        line = mark.line + 2 if mark else 1
        context.error(Location(path, line), f"cannot read the front matter: {err}".split("\n")[0])
        return None
    if not isinstance(front, dict):
        context.error(Location(path, 2), "the front matter must be a mapping of fields")
        return None
    return front, text[match.end() :], text.count("\n", 0, match.end()) + 1


def _fill(entry, front, body, body_line, keys, context) -> None:
    for key in front:
        if key not in READ:
            context.notice(entry.where, f"not mapped: the field {key!r}")
    aka = front.get("aka")
    aliases = aka if isinstance(aka, list) else [aka] if isinstance(aka, str) else []
    entry.aliases = [" ".join(html.unescape(str(a)).split()) for a in aliases if str(a).strip()]
    category = front.get("category")
    if isinstance(category, list):
        if len(category) > 1:
            context.notice(entry.where, f"not mapped: the categories after the first of {category}")
        category = category[0] if category else None
    entry.category = slugify(str(category)) if category else None
    status = str(front.get("status") or "")
    if status.casefold() == "deprecated":
        entry.draft = True
        context.notice(entry.where, "status 'Deprecated': written as a draft")
    elif status and status.casefold() != "completed":
        context.notice(entry.where, f"not mapped: the status {status!r}")

    summary, more, rest = body.partition("<!--more-->")
    converted = _markdown(body, body_line, entry, keys, context)
    short = front.get("short_description")
    given = " ".join(html.unescape(short).split()) if isinstance(short, str) else ""
    if more and given and plain(_markdown(summary, body_line, None, keys, context)) == given:
        rest_line = body_line + body.count("\n", 0, len(summary) + len(more))
        converted = _markdown(rest, rest_line, entry, keys, context, quiet=True)
    converted = converted.replace("<!--more-->", "").strip()
    first = converted.split("\n\n")[0]
    entry.definition = given or short_definition(html.unescape(plain(first)))
    if not converted:
        converted = entry.definition
    entry.explanation = converted


def _markdown(text, line, entry, keys, context, quiet=False) -> str:
    """Hugo Markdown -> ours: shortcodes and /slug/ links mapped; `entry` None: say nothing."""

    def where(match: re.Match) -> Location:
        return Location(
            entry.where.path if entry else "", line + text.count("\n", 0, match.start())
        )

    def shortcode(match: re.Match) -> str:
        name = match.group(3)
        attributes = dict(_ATTRIBUTE.findall(match.group(4)))
        if name == "glossary_tooltip":
            target = keys.get(attributes.get("term_id", ""))
            shown = attributes.get("text") or attributes.get("term_id", "")
            if target is None or entry is None:
                if entry and not quiet:
                    context.notice(
                        where(match),
                        f"not mapped: the tooltip to unknown term "
                        f"{attributes.get('term_id')!r} (kept as text)",
                    )
                return shown
            if target != entry.slug and target not in entry.related:
                entry.related.append(target)
            return shown if target == entry.slug else f"[{shown}]({target}.md)"
        if name in CALLOUTS:
            return "" if match.group(2) else f"**{CALLOUTS[name]}:** "
        if entry and not quiet:
            if name in DROPPED_SHORTCODES:
                context.notice(where(match), f"not mapped: the shortcode {name!r} (dropped)")
            else:
                context.error(
                    where(match),
                    f"unknown shortcode {name!r}: replace it with its "
                    "text in the source, or remove it, and import again",
                )
        return ""

    def site_link(match: re.Match) -> str:
        shown, url = match.groups()
        segment = url.split("#")[0].strip("/")
        target = keys.get(segment) if "/" not in segment else None
        if target is None or entry is None:
            if entry and not quiet:
                context.notice(
                    where(match), f"not mapped: the link {url!r} names no term (kept as text)"
                )
            return shown
        if target != entry.slug and target not in entry.related:
            entry.related.append(target)
        return shown if target == entry.slug else f"[{shown}]({target}.md)"

    return _SITE_LINK.sub(site_link, _SHORTCODE.sub(shortcode, text)).strip()
