"""The site's languages at build time: which page translates which, the switcher's links,
and where a translated page's links fall back to the source language.

A page under `fr/` translates the page at the same path without the prefix, except a term
whose translation sets its own slug (`translations`, from the term graph). An untranslated
page has no copy in another language: the switcher sends a reader to that language's home,
which says so, and links from translated pages to it go to the source page, marked with
its `hreflang`. So no page is published twice under two languages' URLs.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from xml.etree.ElementTree import Element

from termbase.languages import Language, language_of_uri, source_uri
from termbase.urls import HOME_URI, relative, resolve, term_uri

UNTRANSLATED = "untranslated"  # the anchor of a home page's "not translated" notice


@dataclass(frozen=True)
class Alternate:
    """One language's version of a page, for hreflang links and the switcher."""

    code: str
    name: str
    uri: str  # the page in that language, or that language's home when `translated` is False
    translated: bool
    current: bool


@dataclass
class SiteLanguages:
    source: Language = Language("en", "English")
    translations: tuple[Language, ...] = ()
    material: dict[str, str] = field(default_factory=dict)  # code -> Material's language file
    pages: frozenset[str] = frozenset()  # every page's src_uri, known once files are
    _to_source: dict[str, str] = field(default_factory=dict)  # a translated term page -> source
    _from_source: dict[tuple[str, str], str] = field(default_factory=dict)

    @classmethod
    def make(cls, languages: tuple[Language, ...], material: Iterable[str]) -> SiteLanguages:
        """`languages` as mkdocs.yml declares them, the first the source; `material` the
        interface languages Material has (matched without regard to case: `pt-br`)."""
        if not languages:
            return cls()
        known = {name.casefold(): name for name in material}
        files = {lang.code: known.get(lang.code.casefold(), "en") for lang in languages}
        return cls(languages[0], languages[1:], files)

    @property
    def codes(self) -> frozenset[str]:
        return frozenset(lang.code for lang in self.translations)

    @property
    def all(self) -> tuple[Language, ...]:
        return (self.source, *self.translations) if self.translations else ()

    def know(self, pages: Iterable[str], translated_terms: dict[str, str]) -> None:
        """The site's pages, and each translated term's own id -> its source's id."""
        self.pages = frozenset(pages)
        for ident, source in translated_terms.items():
            code = ident.partition("/")[0]
            uri, origin = term_uri(ident), term_uri(source)
            self._to_source[uri] = origin
            self._from_source[code, origin] = uri

    def language_of(self, uri: str) -> str:
        return language_of_uri(uri, self.codes) or self.source.code

    def source_of(self, uri: str) -> str:
        """The source-language page a page is (or translates)."""
        return self._to_source.get(uri) or source_uri(uri, self.codes)

    def in_language(self, uri: str, code: str) -> str | None:
        """The page translating the source page `uri` into `code`, if there is one."""
        if code == self.source.code:
            return uri if uri in self.pages else None
        found = self._from_source.get((code, uri)) or f"{code}/{uri}"
        return found if found in self.pages else None

    def home_of(self, uri: str) -> str:
        """The home page of `uri`'s language (the source's, where it has none)."""
        return self.in_language(HOME_URI, self.language_of(uri)) or HOME_URI

    def alternates(self, uri: str) -> list[Alternate]:
        """The page in every language: itself, its translations and its source; a language
        without it sends readers to its home's notice. Empty on a site of one language."""
        here, origin = self.language_of(uri), self.source_of(uri)
        found = []
        for lang in self.all:
            other = self.in_language(origin, lang.code)
            home = self.in_language(HOME_URI, lang.code) or HOME_URI
            found.append(Alternate(lang.code, lang.name, other or home, other is not None,
                                   lang.code == here))  # fmt: skip
        return found

    def view(self, uri: str, url_for, absolute) -> dict | None:
        """What the templates show of the page's language: `<html lang>`, Material's
        interface language, hreflang links and the switcher (None: one language)."""
        if not self.translations:
            return None
        code = self.language_of(uri)
        found = self.alternates(uri)
        hreflang = self.hreflang(uri, absolute)
        return {
            "code": code,
            "material": self.material.get(code, "en"),
            "switcher": [
                {
                    "code": a.code,
                    "name": a.name,
                    "current": a.current,
                    "translated": a.translated,
                    "url": url_for(a.uri) + ("" if a.translated else f"#{UNTRANSLATED}"),
                }
                for a in found
            ],  # fmt: skip
            "hreflang": hreflang,
            "x_default": hreflang[0][1] if hreflang else None,
            # A language's home says so when the switcher brings a reader to it instead of
            # an untranslated page (`#untranslated`, shown by CSS :target).
            "is_home": uri == HOME_URI or uri == f"{code}/{HOME_URI}",
            "notice_id": UNTRANSLATED,
        }

    def hreflang(self, uri: str, absolute: Callable[[str], str]) -> list[tuple[str, str]]:
        """(language, absolute URL) of each translation of the page, the source first, for
        hreflang links and the sitemap: only between real translations, never a fallback."""
        if not self.translations:
            return []
        translated = [a for a in self.alternates(uri) if a.translated]
        return [(a.code, absolute(a.uri)) for a in translated] if len(translated) > 1 else []

    def fall_back(self, page_uri: str, links: Iterable[Element]) -> None:
        """On a translated page: a link to a page not translated goes to the source page,
        and every link into another language says so with `hreflang`."""
        code = language_of_uri(page_uri, self.codes)
        if code is None:
            return
        for link in links:
            href = link.get("href", "")
            path, hash_, fragment = href.partition("#")
            target = resolve(page_uri, path) if path else None
            if target is None or not target.endswith(".md"):
                continue
            if target not in self.pages:
                origin = self.source_of(target)
                if origin == target or origin not in self.pages:
                    continue  # a broken link: MkDocs reports it
                link.set("href", relative(page_uri, origin) + hash_ + fragment)
                target = origin
            if language_of_uri(target, self.codes) != code:
                link.set("hreflang", self.language_of(target))
