"""The project around a built site: its settings in mkdocs.yml and the file each page came from.

Tools that read the built HTML (the link checker) use it to point editors at the file they
edit, `glossary/<slug>.yml` or `content/<page>.md`, rather than at generated HTML.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .model import GlossaryError, Location, Problem

CONFIG_FILE = "mkdocs.yml"
TERM_PAGES = "glossary/"  # generated pages live under this URL path, whatever the folder name


class _ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml for a few plain settings: `!ENV` is honoured, other tags (such as
    `!!python/name:` in Markdown extension options) are read as nothing."""


def _env(loader: yaml.SafeLoader, node: yaml.Node) -> str | None:
    names = loader.construct_sequence(node) if isinstance(node, yaml.SequenceNode) else []
    if isinstance(node, yaml.ScalarNode):
        return os.environ.get(loader.construct_scalar(node))
    for name in names[:-1]:
        if name in os.environ:
            return os.environ[name]
    return names[-1] if names else None


_ConfigLoader.add_constructor("!ENV", _env)
_ConfigLoader.add_multi_constructor("", lambda loader, suffix, node: None)


@dataclass
class Project:
    """Where things are: mkdocs.yml's folder, docs_dir, the term folder and site_url."""

    root: Path
    site_url: str | None = None
    docs_dir: str = "docs"
    site_dir: str = "site"
    glossary_dir: str = "glossary"
    _term_slugs: set[str] = field(default_factory=set, repr=False)
    _markdown: set[str] = field(default_factory=set, repr=False)

    @classmethod
    def find(cls, start: Path) -> Project | None:
        """The project whose mkdocs.yml is in `start` or the nearest folder above it."""
        for folder in (start, *start.parents):
            if (folder / CONFIG_FILE).is_file():
                return cls.read(folder / CONFIG_FILE)
        return None

    @classmethod
    def read(cls, config_file: Path) -> Project:
        try:
            config = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_ConfigLoader)
        except (OSError, UnicodeDecodeError, yaml.YAMLError) as err:
            problem = Problem(Location(str(config_file)), f"cannot read: {err}")
            raise GlossaryError([problem]) from None
        config = config if isinstance(config, dict) else {}
        extra = config.get("extra") if isinstance(config.get("extra"), dict) else {}
        glossary = extra.get("glossary") if isinstance(extra.get("glossary"), dict) else {}
        project = cls(
            root=config_file.resolve().parent,
            site_url=config.get("site_url") or None,
            docs_dir=str(config.get("docs_dir") or "docs"),
            site_dir=str(config.get("site_dir") or "site"),
            glossary_dir=str(glossary.get("dir") or "glossary"),
        )
        project.scan()
        return project

    def scan(self) -> None:
        """List the term files and Markdown pages once, so lookups touch no disk."""
        terms = self.root / self.glossary_dir
        self._term_slugs = (
            {
                name.removesuffix(".yml")
                for name in os.listdir(terms)
                if name.endswith(".yml") and not name.startswith(("_", "."))
            }
            if terms.is_dir()
            else set()
        )
        docs = self.root / self.docs_dir
        self._markdown = (
            {p.relative_to(docs).as_posix() for p in docs.rglob("*.md")} if docs.is_dir() else set()
        )

    def term_file_for_slug(self, slug: str) -> str | None:
        return f"{self.glossary_dir}/{slug}.yml" if slug in self._term_slugs else None

    def term_file_of(self, page: str) -> str | None:
        """`glossary/<slug>.yml` for the term page `glossary/<slug>/index.html`."""
        if page.startswith(TERM_PAGES) and page.endswith("/index.html"):
            slug = page[len(TERM_PAGES) : -len("/index.html")]
            if "/" not in slug:
                return self.term_file_for_slug(slug)
        return None

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
        return page.startswith(TERM_PAGES) and self.source_of(page) is None
