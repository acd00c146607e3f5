"""The linker with several glossaries: case-exact names (`match_case`), terms that are never
linked (`autolink: false`) and scopes (`links_to`), as unit and property tests."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from termbase.graph.linker import TermIndex, words
from termbase.graph.relations import TermGraph
from termbase.graph.scopes import scope_of, scoped_indexes
from termbase.graph.words import same_case
from termbase.model import Category, Glossary, Term
from termbase.parts import DEFAULT_PART, Part, part_of, term_id


def test_a_case_exact_name_links_only_its_case_and_its_plurals():
    index = TermIndex.build([("Deployment", "deployment", True), ("Pod", "pod", True)])
    text = "the deployment of Deployments and pods"
    start = text.index("Deployments")
    assert index.find(text) == [(start, start + len("Deployments"), "deployment")]
    assert [s for *_, s in index.find("Pods, PODS and pods")] == ["pod"]


def test_a_name_written_in_another_case_falls_to_the_next_term_with_it():
    index = TermIndex.build([("Service", "k:service", True), ("service", "service", False)])
    assert index.find("a Service") == [(2, 9, "k:service")]
    assert index.find("a service") == [(2, 9, "service")]


def test_same_case_compares_the_letters_two_forms_share():
    assert same_case("Policies", "Policy")
    assert not same_case("policies", "Policy")
    assert same_case("Pod's", "Pod")


def term(ident: str, name: str, *, match_case=False, autolink=True) -> Term:
    return Term(
        slug=ident,
        term=name,
        category=term_id(part_of(ident), "core"),
        short_definition=f"{name} is a term.",
        explanation="",
        source=Path(f"{ident}.yml"),
        match_case=match_case,
        autolink=autolink,
    )


def graph_of(terms: list[Term], parts: list[str]) -> TermGraph:
    categories = {term_id(p, "core"): Category(term_id(p, "core"), "Core", "Core.") for p in parts}
    glossary = Glossary(
        terms={t.slug: t for t in terms}, categories=categories, parts={p: p for p in parts}
    )
    return TermGraph(glossary)


def test_a_term_with_autolink_false_has_no_name_to_link():
    graph = graph_of([term("alpha", "Alpha", autolink=False), term("beta", "Beta")], [DEFAULT_PART])
    index = scoped_indexes(graph, [Part(DEFAULT_PART, "Glossary", "glossary")], frozenset())
    assert [s for *_, s in index[DEFAULT_PART].find("Alpha and Beta")] == ["beta"]


VOCAB = ["object", "Object", "service", "Service", "pod", "pods", "Pod", "alignment"]
PARTS = [DEFAULT_PART, "k8s", "ml"]
term_specs = st.lists(
    st.tuples(st.sampled_from(PARTS), st.sampled_from(VOCAB), st.booleans(), st.booleans()),
    min_size=1,
    max_size=10,
)
prose = st.lists(st.sampled_from([*VOCAB, "the", "Objects"]), max_size=16).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(
    specs=term_specs,
    links=st.dictionaries(st.sampled_from(PARTS), st.sets(st.sampled_from(PARTS)), max_size=3),
    page=st.sampled_from(["glossary/x.md", "k8s/x.md", "ml/x.md", "guide/x.md"]),
    generated=st.booleans(),
    text=prose,
)
def test_a_page_links_only_terms_its_scope_allows_in_the_case_they_ask(
    specs, links, page, generated, text
):
    terms = {}
    for number, (part, name, exact, autolink) in enumerate(specs):
        ident = term_id(part, f"t{number}")
        terms[ident] = term(ident, name, match_case=exact, autolink=autolink)
    parts = [Part(p, p, p, frozenset(links.get(p, set()) - {p})) for p in PARTS]
    indexes = scoped_indexes(graph_of(list(terms.values()), PARTS), parts, frozenset())
    own = page.partition("/")[0] if generated and page.partition("/")[0] in PARTS else DEFAULT_PART
    allowed = {own, *next(p.links_to for p in parts if p.name == own)}
    for start, end, ident in scope_of(page, generated, indexes).find(text):
        linked = terms[ident]
        assert part_of(ident) in allowed and linked.autolink
        written = text[start:end]
        assert [w for *_, w in words(written)][0].startswith(words(linked.term)[0][2][:3])
        if linked.match_case:
            assert same_case(written, linked.term)
