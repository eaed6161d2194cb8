"""A scalar reached through a YAML alias is placed at the alias (`*name`),
not at the anchor it repeats (ju/10); an aliased collection's contents stay
where they are written."""
import yaml
from hypothesis import given, settings, strategies as st

from ecs_lint.loader import load_text


def _at(text, path):
    loaded = load_text(text, "yaml")[0]
    span = loaded.locate(path, False)
    return span.line, span.column


def test_each_alias_of_a_scalar_is_its_own_place():
    text = "a: &n web\nb: *n\nc:\n  d: *n\n"
    assert [_at(text, p) for p in (("a",), ("b",), ("c", "d"))] == [(1, 4), (2, 4), (4, 6)]


def test_an_aliased_mapping_keeps_its_contents_where_written():
    text = "base: &b\n  image: app:latest\nuse: *b\n"
    assert _at(text, ("use", "image")) == (2, 10)


def test_documents_keep_their_own_aliases():
    text = "a: &n x\nb: *n\n---\na: &n y\nb: *n\n"
    docs = load_text(text, "yaml")
    assert [d.locate(("b",), False).line for d in docs] == [2, 5]


_NAME = st.sampled_from(["n", "m"])


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(_NAME, st.text("abc", min_size=1, max_size=3)),
                min_size=1, max_size=12))
def test_values_and_alias_lines(items):
    """The first use of a name anchors it, every later one is an alias: each
    value is the anchored one, placed on its own line."""
    lines, defined, want = [], set(), {}
    for i, (name, value) in enumerate(items):
        if name not in defined:  # (PyYAML refuses an anchor named twice)
            lines.append(f"k{i}: &{name} {value}")
            defined.add(name)
        else:
            lines.append(f"k{i}: *{name}")
        want[f"k{i}"] = i + 1
    text = "\n".join(lines) + "\n"
    loaded = load_text(text, "yaml")[0]
    assert loaded.data == yaml.safe_load(text)
    assert {k: loaded.locate((k,), False).line for k in want} == want
