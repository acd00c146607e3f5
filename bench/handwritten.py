"""The second floor: the benchmark's glossary as a person would write it by hand.

`write_handwritten(project, folder)` writes each term as a plain Markdown page (title,
definition, other names, explanation, FAQ, related terms, references) and one A-Z index of
links, in a project with this repository's theme features, Markdown extensions and search
settings and no hooks. This is what a user compares the glossary with: the same terms with
none of the generated extras (category and letter pages, concept maps, hover definitions,
backlinks, structured data, JSON).

With `pagefind`, the same site searches as the glossary does by default: Material's search
plugin is off and Pagefind's binary indexes the built site after MkDocs, as Pagefind's own
documentation tells a static site to (`pagefind_build`), so both sides pay for one engine.

    python bench/handwritten.py /tmp/bench/1000 /tmp/bench/1000-handwritten
"""

from __future__ import annotations

import argparse
import shlex
import shutil
import sys
from pathlib import Path

import yaml

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))

from generate import write_floor_config  # noqa: E402

GLOSSARY = "glossary"


def _term_page(term: dict, names: dict[str, str]) -> str:
    lines = [f"# {term['term']}", "", term["short_definition"], ""]
    if term.get("aliases"):
        lines += [f"*Also known as:* {', '.join(term['aliases'])}", ""]
    lines += [term["explanation"].rstrip(), ""]
    if term.get("faq"):
        lines += ["## Frequently asked questions", ""]
        for item in term["faq"]:
            lines += [f"### {item['question']}", "", item["answer"].rstrip(), ""]
    if term.get("related"):
        lines += ["## Related terms", ""]
        lines += [f"- [{names[slug]}]({slug}.md)" for slug in term["related"]]
        lines.append("")
    if term.get("references"):
        lines += ["## References", ""]
        for number, ref in enumerate(term["references"], 1):
            authors = ", ".join(ref["authors"])
            lines.append(f"{number}. {authors} ({ref['year']}). [{ref['title']}]({ref['url']})")
        lines.append("")
    return "\n".join(lines)


def _index_page(names: dict[str, str]) -> str:
    lines = ["# Glossary", ""]
    letter = ""
    for slug, name in sorted(names.items(), key=lambda item: item[1].lower()):
        if name[0].upper() != letter:
            letter = name[0].upper()
            lines += ["", f"## {letter}", ""]
        lines.append(f"- [{name}]({slug}.md)")
    return "\n".join(lines) + "\n"


def write_handwritten(project: Path, folder: Path, pagefind: bool = False) -> Path:
    """The project's terms as hand-written Markdown pages, in a site with no hooks."""
    if folder.exists():
        shutil.rmtree(folder)
    shutil.copytree(project / "content", folder / "content")
    terms = {}
    for path in sorted((project / GLOSSARY).glob("[!_]*.yml")):
        terms[path.stem] = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
    names = {slug: term["term"] for slug, term in terms.items()}
    pages = folder / "content" / GLOSSARY
    pages.mkdir(parents=True)
    for slug, term in terms.items():
        (pages / f"{slug}.md").write_text(_term_page(term, names), encoding="utf-8")
    (pages / "index.md").write_text(_index_page(names), encoding="utf-8")

    # Term pages stay out of the nav, as a sensible author would keep them: Material renders
    # the whole nav into every page, which is quadratic in the number of pages.
    not_in_nav = f"/{GLOSSARY}/*.md\n!/{GLOSSARY}/index.md"
    label = "hand-written, Pagefind" if pagefind else "hand-written"
    write_floor_config(
        project, folder, label, [f"{GLOSSARY}/index.md"], not_in_nav, lunr=not pagefind
    )
    return folder


def pagefind_build(build: list[str], site: Path) -> list[str]:
    """The `build` command, then Pagefind over the site it wrote, as one measured process."""
    from pagefind_bin import get_executable  # the project's own pinned binary

    index = [str(get_executable()), "--site", str(site)]
    return ["sh", "-c", f"{shlex.join(build)} && {shlex.join(index)} >/dev/null"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("project", type=Path, help="a project written by bench/generate.py")
    parser.add_argument("folder", type=Path, help="where to write the hand-written site")
    args = parser.parse_args(argv)
    print(f"wrote the hand-written floor to {write_handwritten(args.project, args.folder)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
