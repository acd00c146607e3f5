"""Synthetic terms, every random choice drawn from one seed (bench/generate.py writes them
to files, bench/articles.py writes content pages from the same draws)."""

from __future__ import annotations

import datetime as dt
import random
import sys
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "hooks"))

from vocabulary import (  # noqa: E402 - beside this file
    ADJECTIVES,
    ADVERBS,
    CATEGORIES,
    COUNTABLE,
    HEADS,
    NOUNS,
    OPENERS,
    PREPOSITIONS,
    PROSE_WORDS,
    QUALIFIERS,
    SUFFIXES,
    SURNAMES,
    TITLE_OPENERS,
    VERBS,
    an,
    cap,
    in_prose,
    plural,
    slug_of,
    verb_plural,
)

from termbase.reading.rules import name_key  # noqa: E402 - hooks/ is on the path now


@dataclass
class TermPlan:
    """One term before it is written: its names, place in the graph and what it mentions."""

    slug: str
    name: str
    head: str  # last word of the name: decides whether a plural mention is natural
    category: str
    aliases: list[str] = field(default_factory=list)
    related: list[str] = field(default_factory=list)


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

    def mention(self, plan: TermPlan, link: bool = False) -> tuple[str, bool]:
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
            mentions.append(self.mention(other, link=index < 2 and rng.random() < 0.5))
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
