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
import datetime as dt
import json
import random
import re
import shutil
import sys
from dataclasses import dataclass, field
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "hooks"))

from termbase.config import GlossaryConfig, ProjectConfig  # noqa: E402 - hooks/ is on the path now
from termbase.reading.rules import name_key  # noqa: E402

CONTENT_PAGES = 20
ARTICLES = "articles"


def _words(text: str) -> list[str]:
    return text.split()


def plural(word: str) -> str:
    if word.endswith("y") and word[-2:-1] not in "aeiou":
        return word[:-1] + "ies"
    if word.endswith(("s", "x", "ch", "sh")):
        return word + "es"
    return word + "s"


# -- vocabulary: prose words and the domain words term names are made of -------------------
# Term names come from their own vocabulary, as in a real specialist glossary, so that
# prose mentions a term only where the generator puts one (and links stay realistic).

NOUNS = _words(
    """
model estimate signal dataset objective constraint parameter distribution sample feature
policy reward error update method procedure system benchmark baseline heuristic property
assumption variable pattern threshold margin budget schedule trajectory measurement
observation outcome behaviour mechanism structure component weight variance region boundary
interval sequence process agent environment evaluator function mapping space step iteration
network prior likelihood score metric rule argument result experiment example case setting
regime scale input output noise label annotator query response search plan team researcher
paper task goal training deployment test failure cost risk budget proxy
"""
)
ADJECTIVES = _words(
    """
small large stable noisy sparse dense robust fragile linear adaptive local global implicit
explicit hidden observable discrete continuous empirical theoretical careful naive greedy
optimal approximate exact shared separate typical rare common simple complex early late
recent standard modern classical partial complete consistent biased useful costly cheap
direct indirect strong weak narrow broad
"""
)
VERBS = _words(
    """
reduces increases shapes constrains improves estimates measures predicts controls limits
changes exposes hides preserves combines separates approximates replaces explains requires
produces tracks rewards penalises summarises encodes compresses selects filters stabilises
amplifies
"""
)
ADVERBS = _words(
    """
usually often rarely quickly slowly gradually directly quietly reliably partly
"""
)
PREPOSITIONS = _words(
    """
of for across within during after before under beyond through
"""
)
OPENERS = [
    "In practice,",
    "For this reason,",
    "As a rule,",
    "In most studies,",
    "At larger scale,",
    "By contrast,",
    "In short,",
    "Early on,",
    "Over many runs,",
    "Seen this way,",
]
QUALIFIERS = _words(
    """
stochastic bayesian variational contrastive adversarial recurrent convolutional causal
counterfactual spectral orthogonal hierarchical modular residual quantized distilled
federated multimodal autoregressive generative discriminative probabilistic symbolic
evolutionary differentiable inverse cooperative ordinal sequential tabular semantic
syntactic temporal episodic latent-space mixture-of-experts low-rank few-shot zero-shot
self-supervised semi-supervised model-based off-policy on-policy
"""
)
HEADS = _words(
    """
regularization tokenization attention embedding distillation pruning sampling inference
calibration alignment annealing bootstrapping clipping dropout entropy divergence estimator
encoder decoder transformer autoencoder perceptron classifier ensemble manifold tensor
lattice bandit critic planner curriculum imitation saliency probing steering oversight
elicitation extrapolation interpolation quantization normalization initialization momentum
optimizer tokenizer retriever verifier reranker discriminator generator simulator
"""
)
SUFFIXES = _words(
    """
bound gap test trick problem theorem criterion schedule head layer loss objective benchmark
"""
)
COUNTABLE = set(SUFFIXES) | {
    h
    for h in HEADS
    if h.endswith(("er", "or")) or h in {"ensemble", "manifold", "bandit", "critic"}
}
TITLE_OPENERS = ["On", "Revisiting", "A note on", "Scaling", "Measuring", "Understanding"]
ARTICLE_TITLES = [
    "a field guide to {}",
    "notes on {}",
    "why {} matters",
    "{} in practice",
    "what we learned from {}",
]
SURNAMES = _words(
    """
Halvorsen Okafor Lindqvist Marchetti Tanaka Novak Brennan Castellanos Ferreira Kowalski
Nakamura Osei Petrov Quispe Rasmussen Sato Varga Whitfield Yilmaz Zhou Abara Bergstrom
Chandra Delacroix Esposito Fujimoto Gallagher Horvath Ibsen Jablonski
"""
)
FUNCTION_WORDS = _words(
    """
a an the and or but not is are it its to in on as at by if only when rather than which that
researchers note each every also see glossary entries background how works where fails
further reading notes field guide why matters what we learned from known
"""
)


def _with_variants(words: list[str]) -> set[str]:
    """The words, and every shorter form the linker tries for a word (plural, possessive)."""
    out = set()
    for word in (w.lower() for w in words):
        out |= {word, word[:-1], word[:-2], word[:-3] + "y"} if word.endswith("s") else {word}
    return out


# An alias must never be a word the prose uses, or every page would link to its term.
PROSE_WORDS = _with_variants(
    NOUNS
    + [plural(n) for n in NOUNS]
    + ADJECTIVES
    + VERBS
    + ADVERBS
    + PREPOSITIONS
    + FUNCTION_WORDS
    + [w.strip(",") for opener in OPENERS for w in opener.split()]
)

CATEGORIES = {
    "foundations": (
        "Foundations",
        "The ideas every other entry builds on, in the order a newcomer meets them.",
    ),
    "methods": ("Methods", "Techniques practitioners apply when they train and evaluate models."),
    "architectures": (
        "Architectures",
        "Building blocks of models, and how the blocks fit together.",
    ),
    "evaluation": ("Evaluation", "How results are measured, compared across papers and trusted."),
    "theory": ("Theory", "Bounds, theorems and formal results, each stated in plain words."),
    "failure-modes": (
        "Failure modes",
        "Ways a trained system behaves other than its designers intended.",
    ),
    "data": ("Data", "Where training and test data come from, and what can go wrong with it."),
    "deployment": ("Deployment", "What changes once a system leaves the lab and meets real users."),
}


@dataclass
class TermPlan:
    """One term before it is written: its names, place in the graph and what it mentions."""

    slug: str
    name: str
    head: str  # last word of the name: decides whether a plural mention is natural
    category: str
    aliases: list[str] = field(default_factory=list)
    related: list[str] = field(default_factory=list)


def verb_plural(verb: str) -> str:
    """'reduces' -> 'reduce': the verb form that agrees with a plural subject."""
    if verb.endswith("ies"):
        return verb[:-3] + "y"
    if verb.endswith(("sses", "shes", "ches", "xes")):
        return verb[:-2]
    return verb[:-1]


def slug_of(name: str) -> str:
    return "-".join(re.findall(r"[a-z0-9]+", name.lower()))


def cap(text: str) -> str:
    """Sentence case, also for a sentence that starts with a Markdown link."""
    at = 1 if text.startswith("[") else 0
    return text[:at] + text[at : at + 1].upper() + text[at + 1 :]


def an(text: str) -> str:
    """'a error' -> 'an error'."""
    return _A_BEFORE_VOWEL.sub(r"\1n ", text)


_A_BEFORE_VOWEL = re.compile(r"\b([Aa]) (?=[aeiouAEIOU])")


def in_prose(name: str) -> str:
    """A name as running text writes it: 'Sparse probing' -> 'sparse probing'."""
    first = name.split()[0].removesuffix("'s")
    if name.isupper() or first in SURNAMES or first == "Bayesian":
        return name
    return name[:1].lower() + name[1:]


class Writer:
    """Everything random lives here, drawn from one `random.Random(seed)` in a fixed order."""

    def __init__(self, n: int, seed: int):
        self.n = n
        self.rng = random.Random(seed)
        self.taken: set[str] = set()
        self.plans: list[TermPlan] = []

    # -- names and the term graph ----------------------------------------------------------

    def _claim(self, name: str) -> bool:
        key = name_key(name)
        if key in self.taken or not slug_of(name):
            return False
        self.taken.add(key)
        return True

    def _name(self) -> tuple[str, str]:
        rng = self.rng
        shape = rng.random()
        if shape < 0.35:
            words = [rng.choice(QUALIFIERS), rng.choice(HEADS)]
        elif shape < 0.7:
            words = [rng.choice(QUALIFIERS), rng.choice(HEADS), rng.choice(SUFFIXES)]
        elif shape < 0.85:
            words = [rng.choice(SURNAMES), rng.choice(HEADS), rng.choice(SUFFIXES)]
        else:
            words = [rng.choice(QUALIFIERS), rng.choice(QUALIFIERS), rng.choice(HEADS)]
        if len(set(words)) < len(words):
            words = [rng.choice(QUALIFIERS), rng.choice(HEADS)]
        name = " ".join(words)
        if words[0] == "bayesian":
            name = "Bayesian" + name[len("bayesian") :]
        return cap(name), words[-1]

    def _aliases(self, name: str) -> list[str]:
        rng = self.rng
        words = name.split()
        candidates = []
        if len(words) >= 3:
            acronym = "".join(w[0] for w in words).upper()
            if acronym.lower() not in PROSE_WORDS:
                candidates.append(acronym)
        british = name.replace("ization", "isation").replace("ized", "ised")
        if british != name:
            candidates.append(british)
        if words[0] in SURNAMES:
            candidates.append(f"{words[0]}'s {' '.join(words[1:])}")
        if rng.random() < 0.5:
            candidates.append(f"{name.lower()} {rng.choice(['method', 'approach', 'idea'])}")
        rng.shuffle(candidates)
        return [alias for alias in candidates[: rng.randint(0, 3)] if self._claim(alias)]

    def plan(self) -> list[TermPlan]:
        keys = list(CATEGORIES)
        attempts = 0
        slugs: set[str] = set()
        while len(self.plans) < self.n:
            attempts += 1
            if attempts > self.n * 50:
                raise SystemExit(f"cannot make {self.n} unique term names from the vocabulary")
            name, head = self._name()
            slug = slug_of(name)
            if slug in slugs or not self._claim(name):
                continue
            slugs.add(slug)
            self.plans.append(TermPlan(slug, name, head, self.rng.choice(keys)))
        by_category: dict[str, list[TermPlan]] = {k: [] for k in keys}
        for plan in self.plans:
            by_category[plan.category].append(plan)
        for plan in self.plans:
            plan.aliases = self._aliases(plan.name)
            wanted = min(self.rng.randint(2, 5), self.n - 1)
            related: list[str] = []
            while len(related) < wanted:
                pool = by_category[plan.category] if self.rng.random() < 0.6 else self.plans
                other = self.rng.choice(pool)
                if other.slug != plan.slug and other.slug not in related:
                    related.append(other.slug)
            plan.related = related
        return self.plans

    # -- prose ---------------------------------------------------------------------------

    def _np(self) -> str:
        """A plain noun phrase such as 'the noisy estimate'."""
        rng = self.rng
        noun = rng.choice(NOUNS)
        if rng.random() < 0.5:
            noun = f"{rng.choice(ADJECTIVES)} {noun}"
        return f"{rng.choice(['the', 'the', 'a', 'each', 'every'])} {noun}"

    def _mention(self, plan: TermPlan, link: bool = False) -> tuple[str, bool]:
        """How prose names another term: its name or an alias, sometimes in the plural.

        Returns (text, is_plural).
        """
        rng = self.rng
        text = in_prose(plan.name)
        if plan.aliases and rng.random() < 0.2:
            text = in_prose(rng.choice(plan.aliases))
        is_plural = plan.head in COUNTABLE and text == in_prose(plan.name) and rng.random() < 0.4
        if is_plural:
            text = text.rsplit(" ", 1)[0] + " " + plural(plan.head)
        if link:
            text = f"[{text}]({plan.slug}.md)"
        return text, is_plural

    def sentence(self, mention: tuple[str, bool] | None = None) -> str:
        rng = self.rng
        if mention:
            subject, many = mention
        else:
            subject, many = self._np(), False
        verb = rng.choice(VERBS)
        verb = verb_plural(verb) if many else verb
        np, adj = self._np, rng.choice(ADJECTIVES)
        prep, other_verb = rng.choice(PREPOSITIONS), rng.choice(VERBS)
        shapes = [
            lambda: f"{subject} {rng.choice(ADVERBS)} {verb} {np()} {prep} {np()}",
            lambda: f"when {np()} is {adj}, {subject} {verb} {np()} rather than {np()}",
            lambda: (
                f"{rng.choice(OPENERS).lower()} {subject} {verb} {np()}, which {other_verb} {np()}"
            ),
            lambda: f"{subject} {verb} {np()} only if {np()} is {adj}",
            lambda: (
                f"researchers note that {subject} {verb} {np()} {prep} {np()} and "
                f"{verb_plural(other_verb) if many else other_verb} {np()}"
            ),
            lambda: f"{subject} {verb} {np()}, but not {np()} {prep} {np()}",
        ]
        text = rng.choice(shapes)()
        return an(cap(text) + ".")

    def prose(self, words: int, mentions: list[tuple[str, bool]]) -> list[str]:
        """Paragraphs of about `words` words; every mention appears once, spread out."""
        sentences: list[str] = []
        count = 0
        pending = list(mentions)
        while count < words or pending:
            use = pending.pop(0) if pending and self.rng.random() < 0.35 else None
            sentence = self.sentence(use)
            sentences.append(sentence)
            count += len(sentence.split())
        paragraphs, current = [], []
        for sentence in sentences:
            current.append(sentence)
            if len(current) >= self.rng.randint(3, 6):
                paragraphs.append(" ".join(current))
                current = []
        if current:
            paragraphs.append(" ".join(current))
        return paragraphs

    # -- term files ----------------------------------------------------------------------

    def term(self, plan: TermPlan, by_slug: dict[str, TermPlan]) -> dict:
        rng = self.rng
        others = [by_slug[s] for s in plan.related]
        extra = [rng.choice(self.plans) for _ in range(rng.randint(1, 8))]
        mentions = []
        for index, other in enumerate(others + [o for o in extra if o.slug != plan.slug]):
            mentions.append(self._mention(other, link=index < 2 and rng.random() < 0.5))
        rng.shuffle(mentions)
        target = rng.randint(150, 600)
        paragraphs = self.prose(target - 20, mentions)
        verb, prep = rng.choice(VERBS), rng.choice(PREPOSITIONS)
        lead = an(f"**{plan.name}** {verb} {self._np()} {prep} {self._np()}.")
        paragraphs[0] = f"{lead} {paragraphs[0]}"
        if len(paragraphs) > 2 and rng.random() < 0.4:
            items = [f"- **{cap(rng.choice(NOUNS))}:** {self.sentence()}" for _ in range(3)]
            paragraphs.insert(2, "\n".join(items))
        if len(paragraphs) > 3 and rng.random() < 0.3:
            paragraphs.insert(3, "## In practice")
        explanation = _trim_words("\n\n".join(paragraphs), 600) + "\n"

        definition = ""
        while not 50 <= len(definition) <= 160:
            definition = an(
                f"A {rng.choice(ADJECTIVES)} {rng.choice(NOUNS)} that {rng.choice(VERBS)} "
                f"{self._np()} {rng.choice(PREPOSITIONS)} {self._np()}."
            )
        data: dict = {"term": plan.name}
        if plan.aliases:
            data["aliases"] = plan.aliases
        data["category"] = plan.category
        data["short_definition"] = definition
        data["explanation"] = explanation
        data["related"] = plan.related
        faq = []
        for _ in range(rng.randint(0, 3)):
            other = by_slug[rng.choice(plan.related)]
            question = rng.choice(
                [
                    f"How does {plan.name.lower()} differ from {other.name.lower()}?",
                    f"When is {plan.name.lower()} worth its cost?",
                    f"Does {plan.name.lower()} need a large {rng.choice(NOUNS)}?",
                ]
            )
            if question not in {f["question"] for f in faq}:
                answer = " ".join(self.sentence() for _ in range(rng.randint(2, 5)))
                faq.append({"question": question, "answer": answer})
        if faq:
            data["faq"] = faq
        data["references"] = [self._reference(plan, i) for i in range(1, rng.randint(2, 5))]
        data["last_reviewed"] = dt.date(2023, 1, 1) + dt.timedelta(days=rng.randrange(1280))
        return data

    def _reference(self, plan: TermPlan, number: int) -> dict:
        rng = self.rng
        authors = [
            f"{rng.choice('ABCDEFGHJKLMNPRSTVW')}. {rng.choice(SURNAMES)}"
            for _ in range(rng.randint(1, 3))
        ]
        topic = f"{rng.choice(ADJECTIVES)} {plural(rng.choice(NOUNS))}"
        title = (
            f"{rng.choice(TITLE_OPENERS)} {in_prose(plan.name)} {rng.choice(PREPOSITIONS)} {topic}"
        )
        return {
            "title": cap(title),
            "authors": authors,
            "year": rng.randint(1995, 2025),
            "url": f"https://example.org/papers/{plan.slug}-{number}",
        }

    # -- content pages -------------------------------------------------------------------

    def article(self, number: int) -> tuple[str, str, str]:
        """(slug, title, Markdown) of a content page of about 600 words."""
        rng = self.rng
        topic = self.plans[(number - 1) * len(self.plans) // CONTENT_PAGES]  # one each
        title = cap(rng.choice(ARTICLE_TITLES).format(in_prose(topic.name)))
        slug = f"article-{number:02d}"
        picked = rng.sample(self.plans, min(len(self.plans), 16))
        linked = picked[:4]
        summary = ""
        while not 50 <= len(summary) <= 160:
            summary = self.sentence((in_prose(topic.name), False))
        front = f"---\ndescription: {json.dumps(summary)}\n---\n"
        lines = [front, f"# {title}", ""]
        mentions = [self._mention(p) for p in picked[4:]]
        sections = ["Background", "How it works", "Where it fails", "Further reading"]
        per_section = 600 // len(sections)
        for index, heading in enumerate(sections):
            if index:
                lines += [f"## {heading}", ""]
            chunk = mentions[index * 3 : index * 3 + 3]
            for paragraph in self.prose(per_section, chunk):
                lines += [paragraph, ""]
        links = ", ".join(f"[{in_prose(p.name)}](../glossary/{p.slug}.md)" for p in linked)
        lines += [f"See also the glossary entries for {links}.", ""]
        return slug, title, "\n".join(lines)


def _trim_words(text: str, limit: int) -> str:
    """At most `limit` words, cut at a paragraph or sentence end."""
    if len(text.split()) <= limit:
        return text
    kept, count = [], 0
    for paragraph in text.split("\n\n"):
        size = len(paragraph.split())
        if count + size > limit:
            break
        kept.append(paragraph)
        count += size
    return "\n\n".join(kept)


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
        slug, title, markdown = writer.article(number)
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
    project: Path, folder: Path, label: str, in_nav: list[str], not_in_nav: str
) -> None:
    """A floor's mkdocs.yml: the project's site, theme and Markdown extensions, no hooks."""
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
    write_yaml(folder / "mkdocs.yml", config)


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
