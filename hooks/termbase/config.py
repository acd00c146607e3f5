"""The glossary's settings: `extra.glossary` in mkdocs.yml, read and validated here only.

The hooks read them from MkDocs' loaded config, the CLI and the bench from mkdocs.yml
itself (`ProjectConfig.read`); both go through `GlossaryConfig.parse`, so a bad value is
the same located error wherever it is found.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

import yaml

from termbase.languages import Language, language_part, parse_languages
from termbase.model import GlossaryError, Location, Problem
from termbase.parts import DEFAULT_PART, Part, parse_parts
from termbase.reading.schema import suggest

CONFIG_FILE = "mkdocs.yml"
INDEX_PAGE_LIMIT = 1000  # ~350 bytes an entry: one A-Z page would pass 1 MB near 3,000 terms
# Material's search fetches and builds its whole index on every page a reader opens:
# above this many terms, term pages are indexed by names, definition and questions only.
SEARCH_FULL_TEXT_LIMIT = 1000
SOCIAL_IMAGE = "assets/social-card.png"
# Pagefind: a static index in chunks, fetched by query; lunr (Material's own search): one
# index fetched on every page, which also works from file:// (README, Search).
SEARCH_ENGINES = ("pagefind", "lunr")
# Pagefind holds every page it indexes in memory at once (~170 KB a term page here): above
# this many pages, the site gets several indexes, made one after another, that the search
# box merges (engine/search.py), so a build's memory stops growing with the site.
PAGES_PER_INDEX = 15000
_SECTIONS = {
    "autolink": {"enabled", "mode", "exclude", "allow"},
    "search": {"engine", "full_text_limit", "pages_per_index"},
    "seo": {"strict"},
    "cms": {"enabled", "backend"},
}
AUTOLINK_ALLOW = ("headings", "quotes")  # places skipped unless autolink.allow names them
# Decap CMS's backend when mkdocs.yml names none: GitHub, once `repo` is set (README, "Editing
# in the browser"); until then /admin/ works with the local backend only.
CMS_BACKEND = (("name", "github"), ("branch", "main"))
_KEYS = {"dir", "index_page_limit", "social_image", "links_to", "glossaries", "languages",
         *_SECTIONS}  # fmt: skip


@dataclass(frozen=True)
class GlossaryConfig:
    """Every setting of `extra.glossary`, with its default (documented in the README)."""

    dir: str = "glossary"  # the folder of term files, beside mkdocs.yml
    autolink: bool = True  # autolink.enabled: link mentions of terms automatically
    every_mention: bool = False  # autolink.mode "all" (True) or "first" (False)
    excluded: frozenset[str] = frozenset()  # autolink.exclude: slugs never linked automatically
    autolink_allow: frozenset[str] = frozenset()  # autolink.allow: of AUTOLINK_ALLOW
    index_page_limit: int = INDEX_PAGE_LIMIT  # above it, the A-Z index links a page a letter
    search_engine: str = SEARCH_ENGINES[0]  # search.engine: "pagefind" or "lunr"
    search_full_text_limit: int = SEARCH_FULL_TEXT_LIMIT  # search.full_text_limit (either engine)
    pages_per_index: int = PAGES_PER_INDEX  # search.pages_per_index (Pagefind)
    social_image: str = SOCIAL_IMAGE  # the Open Graph card, a path under the site URL
    seo_strict: bool = False  # seo.strict: SEO advice is a warning, so a strict build fails
    cms: bool = True  # cms.enabled: the editors' form at /admin/
    cms_backend: tuple[tuple[str, str], ...] = CMS_BACKEND  # cms.backend, Decap's own keys
    links_to: frozenset[str] = frozenset()  # links_to: other glossaries content pages link
    glossaries: tuple[Part, ...] = ()  # glossaries: the site's other glossaries
    languages: tuple[Language, ...] = ()  # languages: the source language, then translations

    @property
    def parts(self) -> tuple[Part, ...]:
        """Every glossary of the site, the default (`dir`, pages under glossary/) first."""
        return (Part(DEFAULT_PART, "Glossary", self.dir, self.links_to), *self.glossaries)

    @property
    def translations(self) -> tuple[Language, ...]:
        """The languages the site is translated into (not its source language)."""
        return self.languages[1:]

    @property
    def translation_codes(self) -> tuple[str, ...]:
        """The codes of those languages: the folders `glossary/<code>/` translations are in."""
        return tuple(lang.code for lang in self.translations)

    def translated_parts(self) -> tuple[Part, ...]:
        """Each glossary's translation into each language (termbase.languages): its term
        files in `<dir>/<code>/`, linking its own glossary's and the others' translations."""
        return tuple(
            Part(
                language_part(lang.code, part.name),
                part.title,
                f"{part.dir}/{lang.code}",
                frozenset(language_part(lang.code, other) for other in part.links_to),
            )
            for lang in self.translations
            for part in self.parts
        )

    @classmethod
    def parse(cls, raw: Any, config_file: str | Path = CONFIG_FILE) -> GlossaryConfig:
        """Validated settings; GlossaryError naming mkdocs.yml's line for every bad value."""
        lines = _key_lines(Path(config_file))
        shown = os.path.relpath(config_file)
        shown = str(config_file) if shown.startswith("..") else shown
        problems: list[Problem] = []

        def problem(key: str, message: str) -> None:
            where = Location(shown, lines.get(key, lines.get("", 1)))
            problems.append(Problem(where, f"extra.glossary{key and '.'}{key}: {message}"))

        raw = {} if raw is None else raw
        if not isinstance(raw, dict):
            problem("", "must be a mapping")
            raise GlossaryError(problems)
        for key in raw:
            if key not in _KEYS:
                problem(str(key), f"unknown setting{suggest(str(key), _KEYS)}")
        sections = {}
        for name, known in _SECTIONS.items():
            section = raw.get(name) or {}
            if not isinstance(section, dict):
                problem(name, "must be a mapping")
                section = {}
            for key in section:
                if key not in known:
                    problem(f"{name}.{key}", f"unknown setting{suggest(str(key), known)}")
            sections[name] = section
        autolink, search, seo = sections["autolink"], sections["search"], sections["seo"]
        cms = sections["cms"]

        def count(value: Any, key: str, default: int, least: int) -> int:
            value = default if value is None else value
            if isinstance(value, int) and not isinstance(value, bool) and value >= least:
                return value
            problem(key, f"must be a whole number of at least {least}, not {value!r}")
            return default

        def text(value: Any, key: str, default: str) -> str:
            if value is None or (isinstance(value, str) and value.strip()):
                return default if value is None else value.strip()
            problem(key, f"must be a non-empty text, not {value!r}")
            return default

        mode = autolink.get("mode", "first")
        if mode not in ("first", "all"):
            problem("autolink.mode", f"must be 'first' or 'all', not {mode!r}")
        enabled = autolink.get("enabled", True)
        if not isinstance(enabled, bool):
            problem("autolink.enabled", f"must be true or false, not {enabled!r}")
        engine = search.get("engine", SEARCH_ENGINES[0])
        if engine not in SEARCH_ENGINES:
            problem("search.engine", f"must be 'pagefind' or 'lunr', not {engine!r}")
        exclude = autolink.get("exclude") or []
        if not isinstance(exclude, list) or not all(isinstance(s, str) for s in exclude):
            problem("autolink.exclude", f"must be a list of term slugs, not {exclude!r}")
            exclude = []
        seo_strict = seo.get("strict", False)
        if not isinstance(seo_strict, bool):
            problem("seo.strict", f"must be true or false, not {seo_strict!r}")
        allow = autolink.get("allow") or []
        if not isinstance(allow, list) or not all(a in AUTOLINK_ALLOW for a in allow):
            choices = " and ".join(repr(a) for a in AUTOLINK_ALLOW)
            problem("autolink.allow", f"must be a list of {choices}, not {allow!r}")
            allow = []
        cms_enabled = cms.get("enabled", True)
        if not isinstance(cms_enabled, bool):
            problem("cms.enabled", f"must be true or false, not {cms_enabled!r}")
        backend = cms.get("backend", dict(CMS_BACKEND))
        if not (
            isinstance(backend, dict)
            and all(isinstance(v, str | bool | int) for v in backend.values())
            and isinstance(backend.get("name"), str)
            and backend["name"].strip()
        ):
            problem("cms.backend", f"must be a mapping with a backend's name, not {backend!r}")
            backend = dict(CMS_BACKEND)
        config = cls(
            dir=text(raw.get("dir"), "dir", "glossary"),
            autolink=enabled is not False,
            every_mention=mode == "all",
            excluded=frozenset(exclude),
            autolink_allow=frozenset(allow),
            index_page_limit=count(
                raw.get("index_page_limit"), "index_page_limit", INDEX_PAGE_LIMIT, 1
            ),  # fmt: skip
            search_engine=engine,
            search_full_text_limit=count(
                search.get("full_text_limit"), "search.full_text_limit", SEARCH_FULL_TEXT_LIMIT, 0
            ),  # fmt: skip
            pages_per_index=count(
                search.get("pages_per_index"), "search.pages_per_index", PAGES_PER_INDEX, 1
            ),  # fmt: skip
            social_image=text(raw.get("social_image"), "social_image", SOCIAL_IMAGE),
            seo_strict=seo_strict is True,
            cms=cms_enabled is not False,
            cms_backend=tuple((str(k), v) for k, v in backend.items()),
        )
        parts = parse_parts(raw.get("glossaries"), raw.get("links_to"), config.dir, problem)
        names = {DEFAULT_PART, *(part.name for part in parts[1])}
        languages = parse_languages(raw.get("languages"), names, problem)
        if problems:
            raise GlossaryError(problems)
        return replace(config, links_to=parts[0], glossaries=parts[1], languages=languages)


@dataclass(frozen=True)
class ProjectConfig:
    """What the commands need of mkdocs.yml besides the glossary's own settings."""

    root: Path
    site_name: str = ""
    site_url: str | None = None
    docs_dir: str = "docs"
    site_dir: str = "site"
    glossary: GlossaryConfig = GlossaryConfig()
    theme_dir: str = "overrides"  # theme.custom_dir: the templates and their catalogs

    @classmethod
    def find(cls, start: Path) -> ProjectConfig | None:
        """The project whose mkdocs.yml is in `start` or the nearest folder above it."""
        for folder in (start, *start.parents):
            if (folder / CONFIG_FILE).is_file():
                return cls.read(folder / CONFIG_FILE)
        return None

    @classmethod
    def read(cls, config_file: Path) -> ProjectConfig:
        try:
            config = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_ConfigLoader)
        except (OSError, UnicodeDecodeError, yaml.YAMLError) as err:
            problem = Problem(Location(str(config_file)), f"cannot read: {err}")
            raise GlossaryError([problem]) from None
        config = config if isinstance(config, dict) else {}
        extra = config.get("extra") if isinstance(config.get("extra"), dict) else {}
        theme = config.get("theme") if isinstance(config.get("theme"), dict) else {}
        return cls(
            root=config_file.resolve().parent,
            site_name=str(config.get("site_name") or ""),
            site_url=config.get("site_url") or None,
            docs_dir=str(config.get("docs_dir") or "docs"),
            site_dir=str(config.get("site_dir") or "site"),
            glossary=GlossaryConfig.parse(extra.get("glossary"), config_file),
            theme_dir=str(theme.get("custom_dir") or "overrides"),
        )


def setting_names() -> list[str]:
    """The fields of GlossaryConfig, for the documentation test."""
    return [f.name for f in fields(GlossaryConfig)]


class _ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml for plain settings: `!ENV` is honoured, other tags (such as
    `!!python/name:` in Markdown extension options) are read as nothing."""


def _env(loader: yaml.SafeLoader, node: yaml.Node) -> str | None:
    if isinstance(node, yaml.ScalarNode):
        return os.environ.get(loader.construct_scalar(node))
    names = loader.construct_sequence(node) if isinstance(node, yaml.SequenceNode) else []
    for name in names[:-1]:
        if name in os.environ:
            return os.environ[name]
    return names[-1] if names else None


_ConfigLoader.add_constructor("!ENV", _env)
_ConfigLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def _key_lines(config_file: Path) -> dict[str, int]:
    """The line of `extra.glossary` ('') and of each key under it ('autolink.mode'), for
    messages; empty when mkdocs.yml cannot be read (MkDocs has said why already)."""
    try:
        root = yaml.compose(config_file.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return {}
    lines: dict[str, int] = {}

    def walk(node: yaml.Node, path: str) -> None:
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                name = f"{path}.{key.value}" if path else str(key.value)
                lines[name] = key.start_mark.line + 1
                walk(value, name)
        elif isinstance(node, yaml.SequenceNode):  # list items as 'glossaries.1' (1-based)
            for number, item in enumerate(node.value, 1):
                lines[f"{path}.{number}"] = item.start_mark.line + 1
                walk(item, f"{path}.{number}")

    if root is not None:
        walk(root, "")
    prefix = "extra.glossary"
    return {
        key.removeprefix(prefix).lstrip("."): line
        for key, line in lines.items()
        if key == prefix or key.startswith(prefix + ".")
    }
