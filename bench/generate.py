"""Synthetic glossaries for the benchmark, deterministic from a seed.

`generate_project(folder, n, seed)` writes a complete project: N term files in `glossary/`
(explanations of 150-600 words that mention other terms, some in the plural, unique
aliases, 2-5 related terms, FAQs, references, 8 categories), 20 content pages and a
`mkdocs.yml` using this repository's hooks and overrides by absolute path.

`write_floor(project, folder)` writes the floor the glossary is measured against: the same
pages as plain Markdown files (rendered once through `termbase.pages.PageWriter`), built by
MkDocs with the same theme and no hooks at all.

    python bench/generate.py 1000 /tmp/bench/1000 [--seed 8] [--floor /tmp/bench/1000-floor]
"""

from __future__ import annotations

import argparse
import re
import shutil
import sys
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "hooks"))

from articles import ARTICLES, CONTENT_PAGES, article  # noqa: E402
from vocabulary import CATEGORIES  # noqa: E402 - beside this file
from writer import Writer  # noqa: E402

from termbase.config import GlossaryConfig, ProjectConfig  # noqa: E402 - hooks/ is on the path now

# -- writing files ---------------------------------------------------------------------------


class _Literal(str):
    """A multi-line string written as a YAML block scalar, the way editors write them."""


class _Dumper(yaml.SafeDumper):
    pass


_Dumper.add_representer(
    _Literal, lambda d, s: d.represent_scalar("tag:yaml.org,2002:str", s, style="|")
)


def dump_term(data: dict) -> str:
    data = dict(data)
    data["explanation"] = _Literal(data["explanation"])
    return yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100)


class _Tagged:
    """A YAML value with a tag a safe loader does not construct (e.g. !!python/name:x)."""

    def __init__(self, tag: str, value: str):
        self.tag, self.value = tag, value


class _ConfigLoader(yaml.SafeLoader):
    pass


_ConfigLoader.add_multi_constructor(
    "", lambda loader, tag, node: _Tagged(tag, loader.construct_scalar(node))
)
_Dumper.add_representer(_Tagged, lambda d, t: d.represent_scalar(t.tag, t.value))


def read_config(path: Path) -> dict:
    """A mkdocs.yml, its !!python tags kept as they are written."""
    text = path.read_text(encoding="utf-8")
    return yaml.load(text, Loader=_ConfigLoader)  # noqa: S506 - a safe loader subclass


def main_config() -> dict:
    """This repository's mkdocs.yml, so the benchmark tracks its theme and extensions."""
    return read_config(REPO / "mkdocs.yml")


def _common_config(title: str) -> dict:
    main = main_config()
    config: dict = {
        "site_name": title,
        "site_description": "A synthetic glossary of generated terms and articles, written "
        "by bench/generate.py to measure the cost of building it.",
        "site_url": "https://example.org/bench/",
        "docs_dir": "content",
        "strict": True,
        "theme": dict(main["theme"]),
    }
    if "plugins" in main:
        config["plugins"] = main["plugins"]
    return config


def _nav(articles: list[tuple[str, str]], glossary: list) -> list:
    return [
        {"Home": "index.md"},
        {"Articles": [{title: f"{ARTICLES}/{slug}.md"} for slug, title in articles]},
        {"Glossary": glossary},
    ]


def write_yaml(path: Path, data: dict) -> None:
    path.write_text(yaml.dump(data, Dumper=_Dumper, sort_keys=False, width=100), encoding="utf-8")


def _home(n: int) -> str:
    return (
        "# A synthetic glossary\n\n"
        f"{n:,} generated terms and {CONTENT_PAGES} articles, made for the benchmark. "
        "Start from [the glossary](glossary/index.md) or "
        f"[the first article]({ARTICLES}/article-01.md).\n"
    )


def generate_project(folder: Path, n: int, seed: int = 8) -> Path:
    """Write a complete glossary project of `n` terms into `folder` (replaced if present)."""
    if folder.exists():
        shutil.rmtree(folder)
    (folder / "glossary").mkdir(parents=True)
    (folder / "content" / ARTICLES).mkdir(parents=True)
    writer = Writer(n, seed)
    plans = writer.plan()
    by_slug = {p.slug: p for p in plans}
    categories = {k: {"name": v[0], "description": v[1]} for k, v in CATEGORIES.items()}
    write_yaml(folder / "glossary" / "_categories.yml", categories)
    for plan in plans:
        text = dump_term(writer.term(plan, by_slug))
        (folder / "glossary" / f"{plan.slug}.yml").write_text(text, encoding="utf-8")
    articles = []
    for number in range(1, CONTENT_PAGES + 1):
        slug, title, markdown = article(writer, number)
        (folder / "content" / ARTICLES / f"{slug}.md").write_text(markdown, encoding="utf-8")
        articles.append((slug, title))
    (folder / "content" / "index.md").write_text(_home(n), encoding="utf-8")

    main = main_config()
    config = _common_config(f"Benchmark glossary, {n:,} terms")
    config["theme"]["custom_dir"] = str(REPO / "overrides")
    config["hooks"] = [str(REPO / "hooks" / "site.py")]
    config["extra_css"] = main.get("extra_css", [])
    config["nav"] = _nav(articles, "glossary/index.md")  # the hooks add the categories
    # The glossary's own settings, as the hooks will read them (validated by the same code).
    glossary = dict((main.get("extra") or {}).get("glossary", {}))
    glossary.pop("languages", None)  # one language: the repository's translations aside
    GlossaryConfig.parse(glossary, REPO / "mkdocs.yml")
    config["extra"] = {"glossary": glossary}
    config["markdown_extensions"] = main.get("markdown_extensions", [])
    config["validation"] = main.get("validation", {})
    write_yaml(folder / "mkdocs.yml", config)
    return folder


def with_search_engine(project: Path, folder: Path, engine: str) -> Path:
    """A copy of `project` (its site and caches left out) searched by `engine`, so that the
    glossary can be measured against a floor that searches the same way."""
    if folder.exists():
        shutil.rmtree(folder)
    shutil.copytree(project, folder, ignore=shutil.ignore_patterns("site", ".cache"))
    config = read_config(folder / "mkdocs.yml")
    glossary = config["extra"]["glossary"]
    glossary["search"] = {**glossary.get("search", {}), "engine": engine}
    GlossaryConfig.parse(glossary, folder / "mkdocs.yml")
    write_yaml(folder / "mkdocs.yml", config)
    return folder


def write_floor(project: Path, folder: Path) -> Path:
    """The same pages as plain Markdown files, in a project with no hooks: the floor.

    Term pages get their related terms and references as Markdown, so the floor shows what
    the glossary's term template shows (backlinks apart, which only the glossary computes).
    """
    from termbase.graph.relations import TermGraph
    from termbase.pages.markdown import PageWriter
    from termbase.reading.load import load_glossary
    from termbase.urls import category_uri

    if folder.exists():
        shutil.rmtree(folder)
    shutil.copytree(project / "content", folder / "content")
    glossary = load_glossary(project / "glossary", root=project)
    graph = TermGraph(glossary)
    settings = ProjectConfig.read(project / "mkdocs.yml").glossary
    writer = PageWriter(
        graph, REPO / "overrides" / "markdown", "A synthetic glossary.", settings.index_page_limit
    )
    pages = writer.pages()
    for uri, markdown in pages.items():
        markdown = _TEMPLATE_LINE.sub("", markdown, count=1)  # Material's own page template
        slug = uri.removeprefix("glossary/").removesuffix(".md")
        if slug in graph.terms:
            markdown += _term_extras(graph, slug)
        path = folder / "content" / uri
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(markdown, encoding="utf-8")

    # The nav the glossary's hooks make: index, concept map (if there is one), categories.
    in_nav = ["glossary/index.md", *(["glossary/map.md"] if "glossary/map.md" in pages else [])]
    in_nav += [category_uri(c.key) for c in glossary.categories.values()]
    # Every other generated page (terms, index pages by letter...) is off the nav.
    not_in_nav = "\n".join(["/glossary/**/*.md", *(f"!/{uri}" for uri in in_nav)])
    write_floor_config(project, folder, "floor", in_nav, not_in_nav)
    return folder


def write_floor_config(
    project: Path,
    folder: Path,
    label: str,
    in_nav: list[str],
    not_in_nav: str,
    lunr: bool = True,
) -> None:
    """A floor's mkdocs.yml: the project's site, theme and Markdown extensions, no hooks;
    with `lunr` False, Material's search plugin is off (Pagefind indexes the site after)."""
    main = main_config()
    project_config = read_config(project / "mkdocs.yml")
    articles = [next(iter(item.items())) for item in project_config["nav"][1]["Articles"]]
    articles = [(Path(path).stem, title) for title, path in articles]
    config = _common_config(f"{project_config['site_name']} ({label})")
    config["theme"].pop("custom_dir", None)
    config["nav"] = _nav(articles, in_nav)
    config["not_in_nav"] = not_in_nav
    config["markdown_extensions"] = main.get("markdown_extensions", [])
    config["validation"] = main.get("validation", {})
    if not lunr:
        config["plugins"] = [_search_off(plugin) for plugin in config.get("plugins", [])]
    write_yaml(folder / "mkdocs.yml", config)


def _search_off(plugin: str | dict) -> str | dict:
    if plugin == "search":
        return {"search": {"enabled": False}}
    if isinstance(plugin, dict) and "search" in plugin:
        return {"search": {**(plugin["search"] or {}), "enabled": False}}
    return plugin


_TEMPLATE_LINE = re.compile(r"^template: .*\n", re.MULTILINE)


def _term_extras(graph, slug: str) -> str:
    from termbase.pages.markdown import md_text

    lines = ["", "## Related terms {: #related-terms }", ""]
    for other in graph.related_terms(slug):
        lines.append(
            f"- [{md_text(other.term)}]({other.slug}.md): {md_text(other.short_definition)}"
        )
    references = graph.terms[slug].references
    if references:
        lines += ["", "## References {: #references }", ""]
        for number, ref in enumerate(references, 1):
            authors = ", ".join(ref.authors)
            lines.append(
                f"{number}. {md_text(authors)} ({ref.year}). [{md_text(ref.title)}]({ref.url})"
            )
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("n", type=int, help="number of terms")
    parser.add_argument("folder", type=Path, help="where to write the project (replaced)")
    parser.add_argument("--seed", type=int, default=8)
    parser.add_argument("--floor", type=Path, help="also write the plain-Markdown floor here")
    args = parser.parse_args(argv)
    if args.n < 2:
        parser.error("n must be at least 2")
    project = generate_project(args.folder, args.n, args.seed)
    print(f"wrote {args.n:,} terms to {project}")
    if args.floor:
        print(f"wrote the floor to {write_floor(project, args.floor)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
