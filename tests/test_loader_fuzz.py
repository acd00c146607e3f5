"""The term loader on random input (hypothesis): arbitrary bytes and documents give its own
located errors or a glossary, never another exception; its reader agrees with PyYAML's safe
loader; slugs are stable and valid.
"""

from __future__ import annotations

import datetime as dt
import string

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sitebuilder import term_fields
from termbase.model import GlossaryError, Problem
from termbase.reading.load import load_glossary, slugify
from termbase.reading.yamlread import read_yaml


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(raw=st.binary(max_size=400))
def test_the_loader_only_ever_raises_its_own_error_on_arbitrary_bytes(tmp_path, raw):
    folder = tmp_path / "glossary"
    folder.mkdir(exist_ok=True)
    (folder / "_categories.yml").write_text("core: {name: Core, description: The core.}\n")
    (folder / "fuzz.yml").write_bytes(raw)
    try:
        load_glossary(folder)
    except GlossaryError as err:
        assert err.problems and all(str(p).startswith(str(folder)) for p in err.problems)


yaml_scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=False),
    st.text(max_size=30),
    st.dates(),
)
yaml_values = st.recursive(
    yaml_scalars,
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(
            st.sampled_from(
                [
                    *term_fields("x"),
                    "faq",
                    "related",
                    "references",
                    "question",
                    "answer",
                    "url",
                    "title",
                    "x",
                ]
            ),
            inner,
            max_size=6,
        )
    ),
    max_leaves=20,
)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    document=st.dictionaries(
        st.sampled_from(
            [*term_fields("x"), "aliases", "related", "faq", "references", "seo", "draft", "oops"]
        ),
        yaml_values,
        max_size=9,
    )
)
def test_the_loader_only_ever_raises_its_own_error_on_arbitrary_documents(tmp_path, document):
    import yaml

    folder = tmp_path / "glossary"
    folder.mkdir(exist_ok=True)
    (folder / "_categories.yml").write_text("core: {name: Core, description: The core.}\n")
    (folder / "fuzz.yml").write_text(yaml.safe_dump(document, allow_unicode=True))
    try:
        load_glossary(folder)
    except GlossaryError as err:
        assert err.problems


# Plain scalars made of the characters that start YAML's non-text values (booleans, null,
# numbers, dates, merge keys), so the quicker tag guess meets every hard case.
_SCALAR_ALPHABET = "yesYESnoNOtrueTRUEfalsFALSonOFfOulNUL~0123456789-+._:xXbB<=!&* \"'"
_WORDS = [
    w
    for word in ("yes", "no", "true", "false", "on", "off", "null")
    for w in (word, word.title(), word.upper())
]
_scalars = st.text(alphabet=_SCALAR_ALPHABET, max_size=12) | st.sampled_from(
    [*_WORDS, "falsey", "~", ".inf", "0x1F", "1_000", "2026-05-05 00:00:00", "<<"]
)


def _plain(value):
    """A Value tree as the plain data PyYAML's safe loader makes (dates for midnight times)."""
    if isinstance(value.data, list):
        return [_plain(item) for item in value.data]
    if isinstance(value.data, dict):
        return {key: _plain(item) for key, item in value.data.items()}
    return value.data


def _places(value):
    """(line, column) of every value, in document order; mapping keys are not Values."""
    yield value.line, value.column
    items = value.data.values() if isinstance(value.data, dict) else value.data
    for item in items if isinstance(value.data, list | dict) else ():
        yield from _places(item)


def _node_places(node):
    yield node.start_mark.line + 1, node.start_mark.column + 1
    if isinstance(node, yaml.SequenceNode):
        for item in node.value:
            yield from _node_places(item)
    elif isinstance(node, yaml.MappingNode):
        for _key, item in node.value:
            yield from _node_places(item)


def _midnight_as_date(data):
    if isinstance(data, list):
        return [_midnight_as_date(item) for item in data]
    if isinstance(data, dict):
        return {key: _midnight_as_date(item) for key, item in data.items()}
    if isinstance(data, dt.datetime) and data.time() == dt.time():
        return data.date()
    return data


@given(
    values=st.lists(_scalars, max_size=6)
    | st.lists(yaml_values, max_size=3).map(
        lambda items: [yaml.safe_dump(item, default_flow_style=True).strip() for item in items]
    )
)
def test_the_reader_reads_what_the_safe_loader_reads_at_the_same_places(values):
    as_values = "".join(f"k{n}: {v}\nl{n}: [{v}, x]\n" for n, v in enumerate(values))
    as_keys = "".join(f"{v}: y\n" for v in values)  # a term file's keys must be unique text
    for text in (as_values, as_keys):
        found = read_yaml(text.encode(), "x.yml")
        try:
            expected = yaml.load(text, Loader=yaml.CSafeLoader)
            node = yaml.compose(text, Loader=yaml.CSafeLoader)
        except (yaml.YAMLError, ValueError, TypeError, OverflowError):
            assert isinstance(found, Problem) or found.problems  # refused, with a place
            continue
        if isinstance(found, Problem):  # what the safe loader reads but a term file may not hold
            allowed = ("appears twice", "anchors and aliases", "YAML tag", "plain words", "empty")
            assert any(reason in found.message for reason in allowed), found
            assert text is as_keys or "appears twice" not in found.message
            continue
        assert _plain(found) == _midnight_as_date(expected)
        assert list(_places(found)) == list(_node_places(node))


@given(name=st.text(alphabet=string.ascii_letters + string.digits + " -'’éüß_.", max_size=40))
def test_slug_generation_is_stable_and_valid(name):
    from termbase.reading.schema import SLUG_RE

    slug = slugify(name)
    assert slugify(slug) == slug  # stable: a slug is its own slug
    assert slug == "" or SLUG_RE.match(slug)
