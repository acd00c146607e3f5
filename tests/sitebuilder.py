"""Build small real sites in temporary folders and read the HTML written.

A plain module (not conftest.py) so that tests in subfolders with their own conftest can
import it too.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import subprocess
import sys
import textwrap
from dataclasses import dataclass
from pathlib import Path

import yaml
from selectolax.lexbor import LexborHTMLParser

PROJECT = Path(__file__).resolve().parent.parent
MKDOCS = [sys.executable, "-m", "mkdocs"]
GLOSSARY = [sys.executable, "-m", "termbase.cli"]

CATEGORIES = {
    "core": {
        "name": "Core concepts",
        "description": "The ideas everything else in this small test glossary builds on.",
    },
    "risks": {
        "name": "Risks",
        "description": "Ways a trained system can go wrong, as described by the test glossary.",
    },
}


def term_fields(slug: str, **overrides) -> dict:
    """A valid term, with a description of a length search engines like."""
    name = slug.replace("-", " ").capitalize()
    fields = {
        "term": name,
        "category": "core",
        "short_definition": f"{name} is a test term whose definition is long enough to be a fine meta description.",
        "explanation": f"{name} is explained here in a few words of Markdown.\n",
        "last_reviewed": "2026-05-05",
    }
    fields.update(overrides)
    return fields


@dataclass
class Site:
    """A throwaway project: mkdocs.yml using this project's hooks and templates."""

    root: Path

    def write(self, relative: str, text: str | bytes) -> Path:
        path = self.root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(textwrap.dedent(text), encoding="utf-8")
        return path

    def term(self, slug: str, **fields) -> Path:
        data = term_fields(slug, **fields)
        text = yaml.safe_dump(data, sort_keys=False, allow_unicode=True)
        # safe_dump quotes the date; term files write it bare, as editors do
        text = text.replace(f"'{data.get('last_reviewed')}'", str(data.get("last_reviewed")))
        return self.write(f"glossary/{slug}.yml", text)

    def add_to_nav(self, title: str, path: str) -> None:
        config = (self.root / "mkdocs.yml").read_text()
        marker = "  - Glossary: glossary/index.md\n"
        self.write("mkdocs.yml", config.replace(marker, f"{marker}  - {title}: {path}\n"))

    def build(self, *args: str, strict: bool = True) -> subprocess.CompletedProcess:
        command = [*MKDOCS, "build", *(["--strict"] if strict else []), *args]
        return run(command, self.root)

    def check(self, *args: str) -> subprocess.CompletedProcess:
        return run([*GLOSSARY, "check", *args], self.root)

    def html(self, relative: str) -> LexborHTMLParser:
        return LexborHTMLParser((self.root / "site" / relative).read_text(encoding="utf-8"))

    def page(self, url_path: str) -> LexborHTMLParser:
        """The built page at a site URL path such as 'glossary/mesa/'."""
        return self.html(url_path.rstrip("/") + "/index.html" if url_path else "index.html")


def pagefind_pages(site_dir: Path) -> dict[str, dict]:
    """What Pagefind indexed of a built site, by page URL: its text, filters and meta.

    Each fragment file is gzip of b"pagefind_dcd" and the page's JSON."""
    pages = {}
    for path in (site_dir / "pagefind" / "fragment").glob("*.pf_fragment"):
        data = gzip.decompress(path.read_bytes()).removeprefix(b"pagefind_dcd")
        page = json.loads(data)
        pages[page["url"]] = page
    return pages


def run(command: list[str], cwd: Path, env: dict | None = None) -> subprocess.CompletedProcess:
    env = {
        **os.environ,
        "NO_MKDOCS_2_WARNING": "1",
        "PYTHONPATH": str(PROJECT / "hooks"),
        **(env or {}),
    }
    env.pop("GITHUB_ACTIONS", None)
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, env=env, timeout=300)


def make_site(root: Path, extra_config: str = "") -> Site:
    site = Site(root)
    site.write(
        "mkdocs.yml",
        f"""\
        site_name: Test Glossary
        site_url: https://glossary.example/
        site_description: A small glossary of made-up terms, built by the test suite to check real pages.
        docs_dir: content
        theme:
          name: material
          custom_dir: {PROJECT / "overrides"}
          font: false
          features: [navigation.indexes, content.tooltips]
        hooks:
          - {PROJECT / "hooks" / "site.py"}
        nav:
          - Home: index.md
          - Glossary: glossary/index.md
        markdown_extensions: [attr_list, admonition, toc, md_in_html, pymdownx.details]
        validation:
          omitted_files: warn
          absolute_links: warn
          unrecognized_links: warn
          anchors: warn
          not_found: warn
        """
        # indented like the lines above, which Site.write dedents together with it (the first
        # line's indent is already there, before the closing quotes)
        + textwrap.indent(textwrap.dedent(extra_config), " " * 8).lstrip(" "),
    )
    site.write("content/index.md", "# Home\n\nWelcome.\n")
    site.write("glossary/_categories.yml", yaml.safe_dump(CATEGORIES))
    return site


# -- a small course: two chapters, two lessons, a quiz with a one-answer and a several-answer question

COURSES = """\
alignment:
  title: Learned optimization and alignment
  description: A short course on how training can produce models that pursue the wrong goals.
  chapters:
    - key: basics
      title: The basics
      description: What training optimizes, and what the trained model may optimize instead.
    - key: deception
      title: Deception
      description: When a model might hide a goal it has from the people who train it.
"""


def lesson(title: str, order: int, chapter: str = "basics", extra: str = "", body: str = "") -> str:
    return (
        textwrap.dedent(
            f"""\
        ---
        title: {title}
        description: A lesson of the test course about {title.lower()}, long enough for a description.
        last_reviewed: 2026-12-01
        lesson:
          course: alignment
          chapter: {chapter}
          order: {order}
          level: beginner
          summary: What {title.lower()} means and why it matters.
          learning_path: [The setting, The problem, The evidence]
          teaches: [alpha]
        """
        )
        + textwrap.indent(textwrap.dedent(extra), "  ")
        + f"---\n\n# {title}\n\nThe opening paragraph.\n\n{body}More text.\n"
    )


QUIZ = """\
quiz:
  - question: Which one is right?
    choices: [This one, That one]
    answer: 1
    explanation: Because the first one is.
  - question: Which are right?
    choices: [A, B, C]
    answers: [1, 3]
    explanation: A and C both are.
"""


def make_course_site(root: Path, extra_config: str = "extra_css: [assets/glossary.css]\n") -> Site:
    site = make_site(root, extra_config)
    site.term("alpha", related=["beta"])
    site.term("beta", related=["alpha"])
    site.write("content/_courses.yml", COURSES)
    related = QUIZ + "related: [lessons/two.md]\n"
    site.write("content/lessons/one.md", lesson("First steps", 1, extra=related))
    site.write("content/lessons/two.md", lesson("Second steps", 2, chapter="deception"))
    return site


def project_glossary():
    """The real glossary in its source language: its translations loaded, and left out."""
    from termbase.config import ProjectConfig
    from termbase.graph.relations import TermGraph
    from termbase.parts import DEFAULT_PART
    from termbase.reading.load import load_glossary

    settings = ProjectConfig.read(PROJECT / "mkdocs.yml").glossary
    codes = settings.translation_codes
    glossary = load_glossary(PROJECT / "glossary", root=PROJECT, languages=codes)
    return TermGraph(glossary).part(DEFAULT_PART).glossary


def tree_digest(folder: Path) -> dict[str, str]:
    """Each file under `folder` by path, with its SHA-256: to prove that nothing changed."""
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }
