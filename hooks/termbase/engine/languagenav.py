"""The site's languages from mkdocs.yml and the theme, and each language's own nav.

A translated page is in no nav but its language's: MkDocs builds that nav from
mkdocs.yml's, with every page swapped for its translation (engine/generated.py)."""

from __future__ import annotations

import os
from collections.abc import Callable
from functools import partial
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files, InclusionLevel
from mkdocs.structure.nav import Navigation, get_navigation

from termbase.config import GlossaryConfig
from termbase.engine.generated import translated_nav
from termbase.engine.languages import SiteLanguages
from termbase.model import GlossaryError, Location, Problem


def site_languages(settings: GlossaryConfig, config: MkDocsConfig) -> SiteLanguages:
    """The declared languages, the source first, which must be the theme's language."""
    languages, theme = settings.languages, config.theme["language"]
    if languages and languages[0].code != theme:
        where = Location(os.path.relpath(config.config_file_path))
        message = (f"extra.glossary.languages: the first language is the source language and "
                   f"must be theme.language ({theme!r}), not {languages[0].code!r}")  # fmt: skip
        raise GlossaryError([Problem(where, message)])
    material = {
        file.stem
        for folder in config.theme.dirs
        for file in Path(folder, "partials", "languages").glob("*.html")
    }
    return SiteLanguages.make(languages, material)


def keep_translations_out_of_nav(files: Files, languages: SiteLanguages) -> None:
    """With a nav in mkdocs.yml, a translated page appears only in its language's nav."""
    for file in files.documentation_pages():
        if languages.language_of(file.src_uri) != languages.source.code:
            file.inclusion = InclusionLevel.NOT_IN_NAV


def language_navs(
    nav: Navigation,
    config: MkDocsConfig,
    files: Files,
    languages: SiteLanguages,
    gettext: Callable[[str], Callable[..., str]],
) -> dict[str, Navigation]:
    """mkdocs.yml's nav in each language of the site (code -> nav); `nav` is the source's."""
    navs = {languages.source.code: nav}
    if config.nav is None:
        return navs  # MkDocs' own nav of every page: one for all languages
    source = config.nav
    for lang in languages.translations:
        code = lang.code
        items = translated_nav(source, partial(languages.in_language, code=code), gettext(code))
        config["nav"] = items
        try:
            navs[code] = get_navigation(files, config)
        finally:
            config["nav"] = source
    return navs
