"""The words synthetic glossaries are made of (bench/writer.py), and the small rules of
English they are put together by: plurals, "a" or "an", sentence case."""

from __future__ import annotations

import re


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
