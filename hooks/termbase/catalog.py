"""The interface text of the glossary's own templates in each language of the site.

Templates write English, `{{ _("Related terms") }}`; `overrides/languages/<code>.yml` maps
each English text to the language's (`"Related terms": "Termes liés"`). A text a catalog
lacks is shown in English, and `glossary check --lang` lists it for the translator.
Material's own interface text comes from Material's language files.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import yaml
from babel.dates import format_date

from termbase.model import GlossaryError, Location, Problem

Gettext = Callable[..., str]  # _(text, **values): the text in one language, values filled in


def long_date(code: str) -> Callable[[dt.date], str]:
    """Dates as a reader of `code` writes them ("4 December 2026", "4 décembre 2026")."""

    def show(day: dt.date) -> str:
        return format_date(day, format="d MMMM y", locale=code.replace("-", "_"))

    return show


def english(text: str, **values: object) -> str:
    return text % values if values else text


class Catalogs:
    """Each language's catalog, read once per build from `<templates>/languages/`."""

    def __init__(self, templates: Path, codes: tuple[str, ...] = ()):
        self.folder = (templates / "languages").resolve()
        self.texts: dict[str, dict[str, str]] = {code: self._read(code) for code in codes}

    def _read(self, code: str) -> dict[str, str]:
        file = self.folder / f"{code}.yml"
        if not file.is_file():
            return {}
        try:
            data = yaml.safe_load(file.read_text(encoding="utf-8")) or {}
        except (OSError, UnicodeDecodeError, yaml.YAMLError) as err:
            mark = getattr(err, "problem_mark", None)
            where = Location(str(file), mark.line + 1 if mark else 1)
            raise GlossaryError([Problem(where, f"cannot read the catalog: {err}")]) from None
        if not isinstance(data, dict) or not all(
            isinstance(k, str) and isinstance(v, str) for k, v in data.items()
        ):
            where = Location(str(file))
            raise GlossaryError([Problem(where, "a catalog maps English texts to translations")])
        return data

    def gettext(self, code: str | None) -> Gettext:
        """`_` for templates in `code` (None or an unknown code: English)."""
        texts = self.texts.get(code or "")
        if not texts:
            return english

        def translate(text: str, **values: object) -> str:
            found = texts.get(text) or text
            return found % values if values else found

        return translate

    def holds(self, path: str | None) -> bool:
        """True for a catalog file: MkDocs adds every file of the theme to the site."""
        return bool(path) and Path(path).parent == self.folder

    def missing(self, code: str, used: set[str]) -> list[str]:
        """The texts templates use that `code`'s catalog does not translate."""
        return sorted(used - set(self.texts.get(code, {})))
