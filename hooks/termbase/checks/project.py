"""The project around a built site: its settings in mkdocs.yml and the file each page came from.

Tools that read the built HTML (the link checker) use it to point editors at the file they
edit, `glossary/<slug>.yml` or `content/<page>.md`, rather than at generated HTML.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from termbase.config import ProjectConfig
from termbase.parts import term_id
from termbase.urls import slug_of_built_page


@dataclass
class Project:
    """mkdocs.yml's settings and the sources they point to: term files and Markdown pages."""

    config: ProjectConfig
    _term_files: dict[str, str] = field(default_factory=dict, repr=False)  # id -> term file
    _markdown: set[str] = field(default_factory=set, repr=False)

    @classmethod
    def find(cls, start: Path) -> Project | None:
        """The project whose mkdocs.yml is in `start` or the nearest folder above it."""
        config = ProjectConfig.find(start)
        return cls.of(config) if config else None

    @classmethod
    def read(cls, config_file: Path) -> Project:
        return cls.of(ProjectConfig.read(config_file))

    @classmethod
    def of(cls, config: ProjectConfig) -> Project:
        project = cls(config)
        project.scan()
        return project

    @property
    def root(self) -> Path:
        return self.config.root

    @property
    def site_url(self) -> str | None:
        return self.config.site_url

    @property
    def docs_dir(self) -> str:
        return self.config.docs_dir

    @property
    def site_dir(self) -> str:
        return self.config.site_dir

    @property
    def glossary_dir(self) -> str:
        return self.config.glossary.dir

    def markdown_pages(self) -> set[str]:
        """Every Markdown page of docs_dir, docs-relative."""
        return set(self._markdown)

    def scan(self) -> None:
        """List the term files and Markdown pages once, so lookups touch no disk."""
        self._term_files = {}
        settings = self.config.glossary
        for part in (*settings.parts, *settings.translated_parts()):  # every glossary, language
            terms = self.root / part.dir
            names = os.listdir(terms) if terms.is_dir() else []
            self._term_files |= {
                term_id(part.name, name.removesuffix(".yml")): f"{part.dir}/{name}"
                for name in names
                if name.endswith(".yml") and not name.startswith(("_", "."))
            }
        docs = self.root / self.docs_dir
        self._markdown = (
            {p.relative_to(docs).as_posix() for p in docs.rglob("*.md")} if docs.is_dir() else set()
        )

    def term_file_for_slug(self, slug: str) -> str | None:
        """The term file of a term id (`slug`, or `name:slug` in another glossary)."""
        return self._term_files.get(slug)

    def term_file_of(self, page: str) -> str | None:
        """`glossary/<slug>.yml` for the term page `glossary/<slug>/index.html`, and the
        file of `name:slug` for `name/<slug>/index.html` in another glossary."""
        slug = slug_of_built_page(page, self._prefixes)
        return self.term_file_for_slug(slug) if slug else None

    @property
    def _prefixes(self) -> dict[str, str]:
        settings = self.config.glossary
        return {part.prefix: part.name for part in (*settings.parts, *settings.translated_parts())}

    def source_of(self, page: str) -> str | None:
        """The file an editor changes to change a built page, or None for generated pages."""
        term_file = self.term_file_of(page)
        if term_file:
            return term_file
        if page == "index.html" or page.endswith("/index.html"):
            folder = page[: -len("index.html")]
            candidates = [f"{folder}index.md", f"{folder}README.md"]
            if folder:
                candidates.append(folder.rstrip("/") + ".md")
        else:
            candidates = [page.removesuffix(".html") + ".md"]
        for candidate in candidates:
            if candidate in self._markdown:
                return f"{self.docs_dir}/{candidate}"
        return None

    def is_listing(self, page: str) -> bool:
        """A generated glossary page (A-Z index, category, map): it links every term, so a
        link from it says nothing about whether the term is woven into the site."""
        return page.startswith(tuple(self._prefixes)) and self.source_of(page) is None
