"""The editors' page at /admin/ as in-memory MkDocs files (unless extra.glossary.cms.enabled
is false): never written into the docs folder, published with the site."""

from __future__ import annotations

import fnmatch
import os

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from termbase.cms.admin import page_files, vendored_files
from termbase.cms.decap import Choices, OtherGlossary, decap_config
from termbase.config import GlossaryConfig
from termbase.course.model import Courses
from termbase.model import Glossary
from termbase.parts import DEFAULT_PART, local, part_of

_THEME_STYLES = ("assets/stylesheets/main.*.css", "assets/stylesheets/palette.*.css")


def add_admin_files(
    files: Files,
    config: MkDocsConfig,
    settings: GlossaryConfig,
    glossary: Glossary,
    courses: Courses,
) -> None:
    root = os.path.dirname(os.path.abspath(config.config_file_path))

    def categories(part: str) -> dict[str, str]:
        return {local(k): c.name for k, c in glossary.categories.items() if part_of(k) == part}

    choices = Choices.of(categories(DEFAULT_PART), courses)
    others = tuple(
        OtherGlossary(p.name, p.title, p.dir, categories(p.name)) for p in settings.glossaries
    )
    cms = decap_config(
        choices,
        backend=dict(settings.cms_backend),
        glossary_dir=settings.dir,
        docs_dir=os.path.relpath(config.docs_dir, root).replace(os.sep, "/"),
        site_url=config.site_url,
        others=others,
    )
    styles = [
        f.url
        for f in files
        if any(fnmatch.fnmatch(f.src_uri, pattern) for pattern in _THEME_STYLES)
        and not f.src_uri.endswith(".map")
    ]
    styles += [str(path) for path in config.extra_css]
    theme = config.theme
    pages = page_files(
        cms, site_name=config.site_name, language=theme.get("language") or "en", styles=styles
    )
    for uri, content in pages.items():
        if files.get_file_from_path(uri) is None:  # a hand-written file wins
            files.append(File.generated(config, uri, content=content))
    for uri, path in vendored_files().items():
        if files.get_file_from_path(uri) is None:
            files.append(File.generated(config, uri, abs_src_path=str(path)))
