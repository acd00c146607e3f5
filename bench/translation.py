"""A second language for a generated project: every term translated, for the benchmark.

`add_translation(project, n, seed)` writes `glossary/fr/<slug>.yml` for each of the N terms
of a project that `generate_project(folder, n, seed)` wrote, `glossary/fr/_categories.yml`,
a French home page, and declares English and French in its `mkdocs.yml`.

The "French" is an invented stand-in of the same size and shape, not French: each name and
alias is the English one with its words in reverse order ("Sparse probing" becomes "Probing
sparse"), so no French name is an English one, and the prose is written afresh by the same
`Writer` from another seed, mentioning the French names. The build then links French text
to French names, as it would a real translation.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import yaml
from generate import dump_term, read_config, write_yaml
from vocabulary import CATEGORIES, cap, in_prose
from writer import Writer

LANGUAGES = [{"code": "en", "name": "English"}, {"code": "fr", "name": "Français"}]
TEXT_FIELDS = ("term", "aliases", "short_definition", "explanation", "faq")


def reversed_name(name: str) -> str:
    """'Sparse probing' -> 'Probing sparse'; a one-word name (an acronym) stays as it is."""
    words = name.split()
    if len(words) == 1:
        return name
    words[0] = in_prose(words[0])  # "Sparse" -> "sparse"; "Halvorsen", "Bayesian" stay
    return cap(" ".join(reversed(words)))


def add_translation(project: Path, n: int, seed: int = 8) -> Path:
    """Translate every term of the generated `project` (made with the same `n` and `seed`)."""
    plans = Writer(n, seed).plan()  # the plan is drawn first, so it is the project's own
    french = [
        replace(
            plan,
            name=reversed_name(plan.name),
            head=reversed_name(plan.name).split()[-1].lower(),
            aliases=[reversed_name(alias) for alias in plan.aliases],
        )
        for plan in plans
    ]
    writer = Writer(n, seed + 1)
    writer.plans = french
    by_slug = {plan.slug: plan for plan in french}
    folder = project / "glossary" / "fr"
    folder.mkdir(parents=True, exist_ok=True)
    for plan in french:
        data = writer.term(plan, by_slug)
        translated = {key: data[key] for key in TEXT_FIELDS if key in data}
        source = yaml.safe_load((project / "glossary" / f"{plan.slug}.yml").read_text("utf-8"))
        translated["last_reviewed"] = source["last_reviewed"]  # up to date with its source
        (folder / f"{plan.slug}.yml").write_text(dump_term(translated), encoding="utf-8")
    categories = {
        key: {"name": f"{name} (fr)", "description": f"{description} (fr)"}
        for key, (name, description) in CATEGORIES.items()
    }
    write_yaml(folder / "_categories.yml", categories)
    home = project / "content" / "fr" / "index.md"
    home.parent.mkdir(parents=True, exist_ok=True)
    home.write_text(
        f"# Un glossaire synthétique\n\n{n:,} termes générés pour le banc d'essai. "
        "Commencez par [le glossaire](glossary/index.md).\n",
        encoding="utf-8",
    )
    config_file = project / "mkdocs.yml"
    config = read_config(config_file)
    config["extra"]["glossary"]["languages"] = LANGUAGES
    write_yaml(config_file, config)
    return project
