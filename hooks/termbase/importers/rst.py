"""reStructuredText definitions (the body of a Sphinx glossary entry) -> Markdown.

Covers what glossaries use: paragraphs and lists, inline literals, emphasis, roles
(`:term:` becomes a term link, code roles inline code, `:pep:` and `:rfc:` links), external
links, literal blocks (`::`), doctest blocks and `code-block` directives. Anything else is
kept as text and reported by the caller's `notice`."""

from __future__ import annotations

import re
import textwrap
from collections.abc import Callable
from dataclasses import dataclass, field

_INLINE = re.compile(
    r"``(?P<literal>.+?)``"
    r"|(?<![\w`]):(?P<role>[\w.+-]+(?::[\w.+-]+)?):`(?P<content>(?:[^`\\]|\\.)+?)`"
    r"|`(?P<linktext>[^`<]*?)\s*<(?P<url>[^`>]+)>`__?"
    r"|`(?P<target>[^`]+)`__?(?!\w)"
    r"|`(?P<interpreted>[^`]+)`"
    r"|(?P<space>\\ )",
    re.DOTALL,
)
_EXPLICIT = re.compile(r"^(?P<text>.*?)\s*<(?P<target>[^<>]+)>$", re.DOTALL)
CODE_ROLES = frozenset(
    [
        "func",
        "meth",
        "class",
        "mod",
        "attr",
        "data",
        "const",
        "exc",
        "keyword",
        "obj",
        "file",
        "program",
        "option",
        "envvar",
        "samp",
        "command",
        "kbd",
        "mailheader",
        "mimetype",
        "makevar",
        "regexp",
        "token",
        "type",
        "member",
        "macro",
        "var",
        "expr",
        "enum",
        "enumerator",
        "function",
    ]
)
_DIRECTIVE = re.compile(r"^\.\.\s+([\w:.-]+)::\s*(.*)$")


@dataclass
class Converted:
    markdown: str
    linked: list[str] = field(default_factory=list)  # term keys :term: roles named
    unmapped: list[tuple[int, str]] = field(default_factory=list)  # (line offset, what)


def role_parts(content: str) -> tuple[str, str]:
    """(text shown, target) of a role's content: 'text <target>' or 'target'."""
    content = content.replace("\\`", "`")
    match = _EXPLICIT.match(content)
    if match and match.group("text"):
        return " ".join(match.group("text").split()), match.group("target").strip()
    target = content.strip().lstrip("~!")
    return " ".join(target.split()), target


def code(text: str) -> str:
    fence = "``" if "`" in text else "`"
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def inline(
    text: str, term_link: Callable[[str, str], str | None], out: Converted, offset: int = 0
) -> str:
    """One paragraph's inline markup as Markdown; term_link(text, target) gives a link or None."""

    def replace(match: re.Match) -> str:
        groups = match.groupdict()
        if groups["literal"] is not None:
            return code(" ".join(groups["literal"].split()))
        if groups["space"] is not None:
            return ""
        if groups["url"] is not None:
            shown = groups["linktext"] or groups["url"]
            return f"[{' '.join(shown.split())}]({groups['url'].strip()})"
        if groups["target"] is not None:
            return " ".join(groups["target"].split())
        if groups["interpreted"] is not None:
            return f"*{' '.join(groups['interpreted'].split())}*"
        role = groups["role"].split(":")[-1]
        shown, target = role_parts(groups["content"])
        line = offset + text.count("\n", 0, match.start())
        if role == "term":
            link = term_link(shown, target)
            if link is None:
                out.unmapped.append((line, f"the term reference {target!r} names no term"))
                return shown
            out.linked.append(target)
            return link
        if role in CODE_ROLES:
            return code(shown.lstrip("~!"))
        if role == "pep" and target.split("#")[0].isdigit():
            number = int(target.split("#")[0])
            return f"[PEP {number}](https://peps.python.org/pep-{number:04d}/)"
        if role == "rfc" and target.split("#")[0].isdigit():
            number = int(target.split("#")[0])
            return f"[RFC {number}](https://datatracker.ietf.org/doc/html/rfc{number})"
        if role in ("dfn", "emphasis"):
            return f"*{shown}*"
        if role == "strong":
            return f"**{shown}**"
        out.unmapped.append((line, f"the role :{groups['role']}: (kept as its text)"))
        return shown

    return _INLINE.sub(replace, text)


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _indented_block(lines: list[str], start: int) -> tuple[list[str], int]:
    """The lines from `start` that are blank or indented, dedented; and where they end."""
    end = start
    while end < len(lines) and (not lines[end].strip() or _indent(lines[end]) > 0):
        end += 1
    while end > start and not lines[end - 1].strip():
        end -= 1
    return textwrap.dedent("\n".join(lines[start:end])).split("\n"), end


def _fence(lines: list[str], language: str = "") -> str:
    body = "\n".join(lines).strip("\n")
    fence = "~~~~" if "```" in body else "```"
    return f"{fence}{language}\n{body}\n{fence}"


def convert(lines: list[str], term_link: Callable[[str, str], str | None]) -> Converted:
    """Dedented definition lines -> Markdown blocks; each unmapped part with its line."""
    out = Converted("")
    blocks: list[str] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        if not line.strip():
            index += 1
            continue
        if directive := _DIRECTIVE.match(line.strip()):
            name, argument = directive.groups()
            body, end = _indented_block(lines, index + 1)
            body = [b for b in body if not re.match(r"^:[\w-]+:", b.strip())]
            if name in ("code-block", "code", "sourcecode"):
                blocks.append(_fence(body, argument.strip()))
            else:
                out.unmapped.append(
                    (
                        index,
                        f"the directive '.. {name}::' (its text is kept)"
                        if name != "index"
                        else f"the directive '.. {name}::' (dropped)",
                    )
                )
                text = "\n".join([argument, *body]).strip()
                if name != "index" and text:
                    blocks.append(inline(text, term_link, out, index))
            index = max(end, index + 1)
            continue
        if line.startswith(".."):  # a comment or a target: nothing readers see
            _, index = _indented_block(lines, index + 1)
            continue
        end = index
        while (
            end < len(lines)
            and lines[end].strip()
            and not (end > index and _DIRECTIVE.match(lines[end].strip()))
        ):
            end += 1
        paragraph = "\n".join(lines[index:end])
        if paragraph.lstrip().startswith(">>>"):  # a doctest block
            blocks.append(_fence(lines[index:end], "pycon"))
            index = end
            continue
        literal = paragraph.rstrip().endswith("::")
        if literal:
            stripped = paragraph.rstrip()[:-2]
            paragraph = (
                stripped.rstrip()
                if stripped.endswith((" ", "\n")) or not stripped
                else stripped + ":"
            )
        if paragraph.strip():
            blocks.append(inline(paragraph, term_link, out, index))
        index = end
        if literal:
            while index < len(lines) and not lines[index].strip():
                index += 1
            if index < len(lines) and _indent(lines[index]) > 0:
                body, index = _indented_block(lines, index)
                language = "pycon" if body[0].lstrip().startswith(">>>") else ""
                blocks.append(_fence(body, language))
    out.markdown = "\n\n".join(blocks)
    return out
