"""The shared HCL reader (`ecs_lint.hcl`): string parts and their offsets."""
from hypothesis import given, settings, strategies as st

from ecs_lint import hcl

_PLAIN = st.text(alphabet="abcXYZ019 -_:/.*?[]{}", max_size=20)
_PIECES = st.lists(st.one_of(
    _PLAIN.map(lambda s: (s, s)),
    st.just(('\\"', '"')), st.just(("\\n", "\n")), st.just(("\\\\", "\\")),
    st.just(("\\u00e9", "\u00e9")), st.just(("$${x}", "${x}")),
), max_size=8)


def _value_node(tree):
    attribute = hcl.kids(hcl.kids(tree)[0])[0]
    return hcl.unwrap(hcl.kids(attribute)[-1])


@settings(max_examples=200, deadline=None)
@given(_PIECES)
def test_literal_text_is_read_with_each_character_at_its_place(pieces):
    written = "".join(w for w, _ in pieces)
    meant = "".join(m for _, m in pieces)
    source = f'x = "{written}"\n'
    parts = list(hcl.string_parts(_value_node(hcl.parse(source))))
    assert all(kind == "lit" for kind, _, _ in parts)
    assert "".join(text for _, text, _ in parts) == meant
    for _, text, offsets in parts:
        for ch, at in zip(text, offsets):
            if ch in "abcXYZ019-_:/.*?[]":
                assert source[at] == ch


def test_interpolations_and_directives_are_parts_of_their_own():
    source = 'x = "arn:${var.partition}:iam::%{ if a }1%{ endif }"\n'
    parts = list(hcl.string_parts(_value_node(hcl.parse(source))))
    kinds = [kind for kind, _, _ in parts]
    assert kinds[:3] == ["lit", "interpolation", "lit"]
    assert "directive" in kinds
    assert hcl.ref_steps(parts[1][1]) == ["var", "partition"]
    assert source[parts[1][2]:parts[1][2] + 2] == "${"


def test_a_heredoc_body_keeps_offsets_with_its_indentation_cut():
    source = 'x = <<-EOT\n    {"a": 1}\n      {"b": 2}\n  EOT\n'
    token = _value_node(hcl.parse(source)).children[0]
    text, offsets = hcl.heredoc_body(token)
    assert text == '{"a": 1}\n  {"b": 2}\n'  # the least indentation of its lines
    assert [source[at] for at in offsets[:2]] == ["{", '"']
    assert source[offsets[text.index("b") - 1]:].startswith('"b"')
