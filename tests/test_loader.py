"""Loaders: values and positions of generated JSON and YAML documents."""
import json

import pytest
import yaml
from hypothesis import given, settings, strategies as st

from ecs_lint.loader import LoadError, decode, load_json, load_yaml

# printable text; YAML's extra line breaks (NEL, U+2028/9) are left out: PyYAML's
# dumper, the oracle here, writes them in ways its own marks do not round-trip
_chars = st.characters(min_codepoint=32, max_codepoint=0x7FF, blacklist_categories=("Cc", "Cs"))
keys = st.text(alphabet=_chars, min_size=1, max_size=8)
scalars = st.one_of(st.none(), st.booleans(), st.integers(-10**6, 10**6),
                    st.text(alphabet=_chars, max_size=12))
documents = st.recursive(scalars, lambda children: st.one_of(
    st.lists(children, max_size=4), st.dictionaries(keys, children, max_size=4)),
    max_leaves=25)


def paths(value, prefix=()):
    yield prefix, value
    if isinstance(value, dict):
        for k, v in value.items():
            yield from paths(v, prefix + (k,))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from paths(v, prefix + (i,))


def offset_of(text, line, col):
    lines = text.split("\n")
    return sum(len(x) + 1 for x in lines[: line - 1]) + col - 1


@settings(max_examples=300, deadline=None)
@given(documents, st.sampled_from([None, 2]), st.booleans())
def test_json_positions_point_at_the_value(doc, indent, crlf):
    text = json.dumps(doc, indent=indent, ensure_ascii=False)
    if crlf:
        text = text.replace("\n", "\r\n")
    loaded = load_json(text)
    assert loaded.data == doc
    for path, value in paths(doc):
        span = loaded.locate(path)
        start = offset_of(text, span.line, span.column)
        end = offset_of(text, span.end_line, span.end_column)
        assert json.loads(text[start:end]) == value
        if path and isinstance(path[-1], str):
            kspan = loaded.locate(path, key=True)
            k0 = offset_of(text, kspan.line, kspan.column)
            k1 = offset_of(text, kspan.end_line, kspan.end_column)
            assert json.loads(text[k0:k1]) == path[-1]


@settings(max_examples=300, deadline=None)
@given(documents, st.booleans())
def test_yaml_positions_point_at_the_value(doc, flow):
    text = yaml.safe_dump(doc, default_flow_style=flow, allow_unicode=True, sort_keys=False)
    (loaded,) = load_yaml(text)
    for path, value in paths(doc):
        span = loaded.locate(path)
        start = offset_of(text, span.line, span.column)
        end = offset_of(text, span.end_line, span.end_column)
        fragment = text[start:end]
        if isinstance(value, (dict, list)) and value:
            continue  # block collections span their children; checked through them
        if isinstance(value, str) and "\n" in fragment:
            continue  # folded multi-line scalars
        assert yaml.safe_load(fragment) == value or fragment.strip() in ("", "''") and value in ("", None)


@settings(max_examples=200, deadline=None)
@given(documents, st.booleans())
def test_yaml_reads_the_same_with_anchors_possible_or_not(doc, flow):
    # a text with no `&` is read without tracking aliases: the same values and
    # positions as when aliases are tracked
    from ecs_lint.loader import LineIndex, YamlLocator, _YamlBuilder, _YamlLoader

    text = yaml.safe_dump(doc, default_flow_style=flow, allow_unicode=True, sort_keys=False)
    lines = LineIndex(text)
    read = []
    for anchors in (False, True):
        value, at = _YamlBuilder(lines, anchors).build(yaml.compose(text, Loader=_YamlLoader))
        read.append((value, YamlLocator(at, lines).locate))
    (plain, at), (tracked, tracked_at) = read
    assert plain == tracked == yaml.safe_load(text)
    for path, _ in paths(plain):
        assert at(path) == tracked_at(path)
        assert at(path, key=True) == tracked_at(path, key=True)


def test_aliases_and_merge_keys_keep_values_and_positions():
    text = "base: &b {x: 1, y: 2}\nsvc:\n  <<: *b\n  y: 3\nagain: *b\n"
    (loaded,) = load_yaml(text)
    assert loaded.data == {"base": {"x": 1, "y": 2}, "svc": {"x": 1, "y": 3},
                           "again": {"x": 1, "y": 2}}
    assert loaded.locate(("svc", "y")).line == 4
    assert loaded.locate(("svc", "x")).line == 1  # found through the merge
    assert loaded.locate(("again", "x")).line == 1


def test_earlier_merge_sources_win_as_in_the_yaml_spec():
    text = "a: &a {x: 1}\nb: &b {x: 2, y: 3}\nc:\n  <<: [*a, *b]\n  z: 4\n"
    (loaded,) = load_yaml(text)
    assert loaded.data["c"] == yaml.safe_load(text)["c"] == {"x": 1, "y": 3, "z": 4}
    assert loaded.locate(("c", "x")).line == 1 and loaded.locate(("c", "y")).line == 2


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=200))
def test_bytes_never_crash_the_loaders(raw):
    try:
        text = decode(raw)
    except LoadError as e:
        assert e.line >= 1 and e.column >= 1
        return
    for load in (load_json, load_yaml):
        try:
            load(text)
        except LoadError as e:
            assert e.line >= 1 and e.column >= 1


def test_on_key_stays_a_string():
    (loaded,) = load_yaml("on:\n  push: {}\njobs: {}\n")
    assert "on" in loaded.data and True not in loaded.data


def test_yaml_values_keep_yaml_types():
    (loaded,) = load_yaml("a: 1\nb: true\nc: null\nd: 2010-09-09\ne: '1'\n")
    assert loaded.data == {"a": 1, "b": True, "c": None, "d": "2010-09-09", "e": "1"}


def test_cloudformation_short_tags_become_long_forms_with_positions():
    text = "A: !Sub 'repo:${Org}/x:*'\nB: !GetAtt Role.Arn\nC: !Ref P\n"
    (loaded,) = load_yaml(text)
    assert loaded.data == {"A": {"Fn::Sub": "repo:${Org}/x:*"},
                           "B": {"Fn::GetAtt": "Role.Arn"}, "C": {"Ref": "P"}}
    assert loaded.locate(("A", "Fn::Sub")).line == 1
    assert loaded.locate(("C", "Ref")).line == 3


def test_python_tags_are_refused_and_nothing_is_constructed():
    (loaded,) = load_yaml("a: 1\nb: !!python/object/apply:os.system ['echo hi']\n"
                          "c: !!python/name:os.system\n")
    assert loaded.data == {"a": 1, "b": ["echo hi"], "c": ""}  # read as if untagged
    e = loaded.unsafe  # the first one, for the caller to report
    assert "unsafe" in e.message and (e.line, e.column) == (2, 4)
    (clean,) = load_yaml("a: !Ref x\n")
    assert clean.unsafe is None


def test_alias_bomb_is_refused_quickly():
    lines = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]']
    for i in range(1, 9):
        prev = chr(ord("a") + i - 1)
        cur = chr(ord("a") + i)
        lines.append(f"{cur}: &{cur} [" + ",".join([f"*{prev}"] * 10) + "]")
    with pytest.raises(LoadError) as e:
        load_yaml("\n".join(lines) + "\n")
    assert "alias" in e.value.message


def test_deep_nesting_is_an_error_not_a_crash():
    for text, load in (("[" * 100_000 + "]" * 100_000, load_yaml),
                       ("[" * 100_000 + "]" * 100_000, load_json)):
        with pytest.raises(LoadError) as e:
            load(text)
        assert "nest" in e.value.message


@pytest.mark.parametrize("text, load, where", [
    ('{\n  "a": 1,\n  "b": NaN\n}', load_json, (3, 8)),
    ('{"x": "NaN",\n "y": -Infinity}', load_json, (2, 7)),
    ("\n" + "[" * 1000 + "]" * 1000, load_json, (2, 501)),
    ("".join("  " * i + f"k{i}:\n" for i in range(700)) + "  " * 700 + "v: 1\n", load_yaml,
     (501, 1001)),
])
def test_bad_constants_and_deep_nesting_are_placed(text, load, where):
    with pytest.raises(LoadError) as e:
        load(text)
    assert (e.value.line, e.value.column) == where


def test_json_errors_carry_the_parser_position():
    with pytest.raises(LoadError) as e:
        load_json('{\n  "a": 1,\n}\n')
    assert (e.value.line, e.value.column) == (3, 1)


def test_duplicate_json_keys_locate_the_last_one_like_the_value():
    loaded = load_json('{"a": 1,\n "a": 2}')
    assert loaded.data == {"a": 2}
    assert loaded.locate(("a",)).line == 2


@pytest.mark.parametrize("raw,expect", [
    (b"\xef\xbb\xbf{}", "{}"),
    ("{}".encode("utf-16"), "{}"),
])
def test_decode_boms(raw, expect):
    assert decode(raw) == expect


def test_decode_reports_bad_bytes_with_offset():
    with pytest.raises(LoadError) as e:
        decode(b'{"a":\n "\xff"}')
    assert "offset 8" in e.value.message and e.value.line == 2


def test_a_yaml_text_too_large_for_packed_positions_is_refused():
    class Huge(str):  # a text claiming 4 GiB, without allocating it
        def __len__(self):
            return 1 << 32

    with pytest.raises(LoadError, match="too large"):
        load_yaml(Huge("a: 1\n"))


def test_a_lone_carriage_return_ends_a_line():
    from ecs_lint.loader import decode
    text = decode(b"a: 1\rb:\r  c: 2\r\nd: 3\n")
    assert text == "a: 1\nb:\n  c: 2\r\nd: 3\n"
    loaded = load_yaml(text)[0]
    assert loaded.locate(("b", "c")).line == 3 and loaded.locate(("d",)).line == 4


@pytest.mark.parametrize("text, where", [
    # a key without its `:`: PyYAML notices lines later; the key is the error
    ("on: push\njobs:\n  a:\n    steps:\n      - run: echo\n        if ${{ false }}\n"
     "        name: y\n", (6, 9)),
    # a quote never closed: at the quote, not at the end of the file
    ('on: push\njobs:\n  a:\n    runs-on: "x\n    steps:\n      - run: echo\n', (4, 14)),
    # a line indented one space too far: where PyYAML gave up is the error
    ("jobs:\n  a:\n    steps:\n      - uses: x\n         with:\n          a: b\n", (5, 14)),
])
def test_yaml_errors_point_at_their_cause(text, where):
    with pytest.raises(LoadError) as e:
        load_yaml(text)
    assert (e.value.line, e.value.column) == where


@settings(max_examples=400, deadline=None)
@given(st.lists(st.text(alphabet="0123456789abeEfFlnNoOrsTtuxyY.:+-_~ ", min_size=1,
                        max_size=12), min_size=1, max_size=6))
def test_plain_scalars_resolve_as_pyyaml_does_when_seen_again(words):
    # the loader remembers the tag of each plain scalar text: a value composed a
    # second time (in the same file or another) gets the tag PyYAML's own
    # resolver gives it
    from ecs_lint.loader import _YamlLoader

    text = "".join(f"k{i}: {w}\n" for i, w in enumerate(words))
    try:
        stock = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return
    expected = [v.tag for _, v in stock.value]
    for _ in range(2):
        ours = yaml.compose(text, Loader=_YamlLoader)
        assert [v.tag for _, v in ours.value] == expected
