"""GitHub's branch/tag filter patterns, and the sub languages built from them."""
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from ecs_lint import subjects as S
from ecs_lint.xref import filters as F
from ecs_lint.xref import subjects_produced as P


@pytest.mark.parametrize("pattern,name,expected", [
    ("main", "main", True),
    ("main", "mainline", False),
    ("feature/*", "feature/login", True),
    ("feature/*", "feature/a/b", False),  # * stops at /
    ("feature/**", "feature/a/b", True),
    ("**", "a/b/c", True),
    ("*", "", True),
    ("releases/**-alpha", "releases/1.0-alpha", True),
    ("v1?", "v", True),  # ? = zero or one of the preceding character
    ("v1?", "v1", True),
    ("v1?", "v11", False),
    ("v[0-9]+", "v12", True),  # + = one or more of the preceding class
    ("v[0-9]+", "v", False),
    ("v[0-9]+.[0-9]+.[0-9]+", "v1.20.3", True),
    ("v[0-9]+.[0-9]+.[0-9]+", "v1.20", False),
    ("[a-c]x", "bx", True),
    ("[a-c]x", "dx", False),
    ("\\*", "*", True),  # escaped: a literal star
    ("\\*", "a", False),
    ("ma+in", "maaain", True),
])
def test_single_pattern(pattern, name, expected):
    assert F.matches(pattern, name) is expected


def test_negation_order_matters():
    f = F.make_filter(["releases/**", "!releases/**-alpha"])
    assert f.admits("releases/1.0")
    assert not f.admits("releases/1.0-alpha")
    assert not f.admits("main")
    again = F.make_filter(["*", "!main", "main"])  # a later positive re-includes
    assert again.admits("main") and again.admits("dev")
    only_negative = F.make_filter(["!main"])
    assert not only_negative.admits("dev")


def test_ignore_lists_exclude():
    f = F.make_filter(["docs/**", "wip"], ignore=True)
    assert f.admits("main")
    assert not f.admits("docs/a/b")
    assert not f.admits("wip")


def test_wrong_types_are_skipped():
    f = F.make_filter(["main", None, {"x": 1}, 7, True])
    assert f.admits("main") and f.admits("7")


HEADS = "repo:o/r:ref:refs/heads/"
TAGS = "repo:o/r:ref:refs/tags/"


def _push(spec, sub):
    refs = P.refs_of_triggers({"push": spec}, "main")
    lang = P.concat(P.prefix_pattern("repo:o/r:") + tuple(F.literal_piece(c) for c in "ref:"),
                    refs.must)
    return P.contains(lang, sub)


def test_push_branches_only_never_runs_for_tags():
    assert _push({"branches": ["main"]}, HEADS + "main")
    assert not _push({"branches": ["main"]}, TAGS + "main")
    assert not _push({"branches": ["main"]}, HEADS + "dev")


def test_push_tags_only_never_runs_for_branches():
    assert _push({"tags": ["v*"]}, TAGS + "v1")
    assert not _push({"tags": ["v*"]}, HEADS + "v1")


def test_push_without_filters_runs_everywhere():
    assert _push(None, HEADS + "any/branch")
    assert _push({}, TAGS + "v1")


def test_push_branches_ignore():
    assert _push({"branches-ignore": ["gh-pages"]}, HEADS + "main")
    assert not _push({"branches-ignore": ["gh-pages"]}, HEADS + "gh-pages")
    assert not _push({"branches-ignore": ["gh-pages"]}, TAGS + "v1")


def test_dispatch_and_schedule_use_the_default_branch():
    refs = P.refs_of_triggers({"schedule": [{"cron": "0 0 * * *"}], "workflow_dispatch": {}},
                              "trunk")
    assert P.contains(refs.must, "refs/heads/trunk")
    assert not P.contains(refs.must, "refs/heads/feature")
    assert P.contains(refs.may, "refs/heads/feature")  # dispatch may run anywhere


# ---------------------------------------------------------------------------
# property: a branch a filter admits is in the produced sub language, exactly

NAME_CHARS = "ab/-.1"
PIECES = ["a", "b", "/", "-", ".", "1", "*", "**", "?", "+", "[ab]", "[0-9]"]


@st.composite
def patterns(draw):
    parts = draw(st.lists(st.sampled_from(PIECES), min_size=1, max_size=5))
    text = "".join(parts)
    if text[0] in "?+":
        text = "a" + text
    return text


def _git_accepts(name):
    return not (name.startswith("/") or name.endswith(("/", ".")) or "//" in name
                or ".." in name)


def test_invalid_git_names_are_never_produced():
    refs = P.refs_of_triggers({"push": {"branches": ["**"]}}, "main")
    for bad in ("a/", "/a", "a//b", "a..b", "a.", "a b", "a:b"):
        assert not P.contains(refs.must, "refs/heads/" + bad)
    assert P.contains(refs.must, "refs/heads/feature/x-1.2")


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.booleans(), patterns()), min_size=1, max_size=3),
       st.text(alphabet=NAME_CHARS, min_size=1, max_size=8))
def test_produced_language_matches_filter_semantics(entries, branch):
    values = [("" if positive else "!") + p for positive, p in entries]
    if all(v.startswith("!") for v in values):
        values.insert(0, "**")
    assume(_git_accepts(branch))
    f = F.make_filter(values)
    spec = {"branches": values}
    refs = P.refs_of_triggers({"push": spec}, "main")
    produced = P.produce(P.prefix_pattern("repo:o/r:"), refs, None, P.Narrowing())
    sub = HEADS + branch
    assert P.contains(produced.must, sub) == f.admits(branch)
    # the exact engine of lint/subjects.py agrees with our own reading
    assert S.matches(P.to_subjects(produced.must), sub) == f.admits(branch)


@settings(max_examples=150, deadline=None)
@given(patterns(), st.text(alphabet=NAME_CHARS, min_size=1, max_size=8))
def test_widened_language_contains_the_exact_one(pattern, branch):
    lang = P.concat(tuple(F.literal_piece(c) for c in "x:"), P.Seq(F.compile_filter(pattern)))
    if S.matches(P.to_subjects(lang), "x:" + branch):
        assert S.matches(P.to_subjects(lang, widen=True), "x:" + branch)
