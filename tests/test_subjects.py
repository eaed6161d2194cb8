"""The regular-language engine and the trust analysis of lint/subjects.py,
checked against simple reference implementations on generated inputs."""
import itertools
import re

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from ecs_lint import subjects as S
from ecs_lint.values import Template, Unknown

SETTINGS = settings(max_examples=300, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])
GH = "arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com"
H = "token.actions.githubusercontent.com"

# ---------------------------------------------------------------------------
# reference implementations


def ref_glob(pattern: str) -> re.Pattern:
    """IAM StringLike as a Python regex: * any run, ? one char, ${*} ${?} ${$} literal."""
    out, i = [], 0
    while i < len(pattern):
        if pattern.startswith(("${*}", "${?}", "${$}"), i):
            out.append(re.escape(pattern[i + 2]))
            i += 4
        elif pattern[i] == "*":
            out.append(".*")
            i += 1
        elif pattern[i] == "?":
            out.append(".")
            i += 1
        else:
            out.append(re.escape(pattern[i]))
            i += 1
    return re.compile("".join(out), re.S)


def ref_like(pattern: str, s: str) -> bool:
    return ref_glob(pattern).fullmatch(s) is not None


# patterns and strings over a small alphabet, so that they meet often
PIECES = st.sampled_from(["a", "b", ":", "/", "*", "?", "${*}", "${?}", "${$}", "$", "ab", "a:"])
patterns = st.lists(PIECES, max_size=7).map("".join)
strings = st.text(alphabet="ab:/*?$x", max_size=9)


@SETTINGS
@given(patterns, strings)
def test_glob_agrees_with_reference(p, s):
    assert S.matches(S.glob(p), s) == ref_like(p, s)


@SETTINGS
@given(patterns, strings)
def test_literal_compares_exactly(p, s):
    assert S.matches(S.literal(p), s) == (p == s)
    assert S.matches(S.literal(p), p)


@SETTINGS
@given(st.lists(patterns, min_size=1, max_size=3), st.lists(patterns, max_size=2), strings)
def test_boolean_combinations(pos, neg, s):
    lang = S.Inter([S.Union([S.glob(p) for p in pos])] + [S.Not(S.glob(n)) for n in neg])
    expected = any(ref_like(p, s) for p in pos) and not any(ref_like(n, s) for n in neg)
    assert S.matches(lang, s) == expected


def _short_strings(alphabet, n):
    for k in range(n + 1):
        for t in itertools.product(alphabet, repeat=k):
            yield "".join(t)


@SETTINGS
@given(st.lists(patterns, min_size=1, max_size=3), st.lists(patterns, max_size=2))
def test_witness_is_a_member_and_none_means_empty(pos, neg):
    def member(s):
        return any(ref_like(p, s) for p in pos) and not any(ref_like(n, s) for n in neg)

    lang = S.Inter([S.Union([S.glob(p) for p in pos])] + [S.Not(S.glob(n)) for n in neg])
    w = S.witness(lang)
    if w is not None:
        assert member(w)
    else:  # empty: no short string over the letters involved (plus one other) is in it
        assert not any(member(s) for s in _short_strings("ab:/*?$x", 4))


@SETTINGS
@given(patterns, patterns)
def test_difference_witness(a, b):
    w = S.difference_witness(S.glob(a), S.glob(b))
    if w is not None:
        assert ref_like(a, w) and not ref_like(b, w)
    else:
        assert not any(ref_like(a, s) and not ref_like(b, s)
                       for s in _short_strings("ab:/*?$x", 4))


# the fast paths (regular expressions, finite languages, pruning by literal
# beginnings) must give the automata's answers

LANGS = st.recursive(
    st.one_of(patterns.map(S.glob), patterns.map(S.literal),
              patterns.map(lambda p: S.literal(p, ignore_case=True))),
    lambda inner: st.one_of(st.lists(inner, max_size=3).map(S.Union),
                            st.lists(inner, min_size=1, max_size=3).map(S.Inter),
                            inner.map(S.Not)),
    max_leaves=6)


@SETTINGS
@given(LANGS, strings)
def test_fast_membership_agrees_with_the_automata(lang, s):
    assert S.matches(lang, s) == S._machine_matches(lang, s)


@SETTINGS
@given(st.text(max_size=8), st.text(max_size=8))
def test_fast_membership_escapes_every_character(p, s):
    # any character may sit in a policy: the regular expressions must quote it
    for lang in (S.glob(p), S.literal(p), S.literal(p, ignore_case=True),
                 S.seq(S.Tok(S.CharSet(frozenset(p)), 1, None), "*")):
        for text in (s, p, p + s):
            assert S.matches(lang, text) == S._machine_matches(lang, text)


@SETTINGS
@given(st.lists(st.one_of(patterns.map(S.glob), strings.map(S.literal)), min_size=1, max_size=5),
       st.lists(LANGS, min_size=1, max_size=3))
def test_witnesses_agree_with_one_product_search(pats, targets):
    lang = S.Union(pats)
    found = S.witnesses(lang, {i: t for i, t in enumerate(targets)})
    for i, t in enumerate(targets):
        reference = S._search(S._Machine(S.Inter([lang, t])))
        assert (i in found) == (reference is not None)
        if i in found:
            assert S.matches(lang, found[i]) and S.matches(t, found[i])


@SETTINGS
@given(st.lists(strings, min_size=1, max_size=6), LANGS)
def test_finite_languages_give_their_shortest_member(subs, other):
    lang = S.Inter([S.Union([S.literal(x) for x in subs]), other])
    members = sorted({x for x in subs if S._machine_matches(other, x)}, key=lambda x: (len(x), x))
    assert S.witness(lang) == (members[0] if members else None)


def test_witnesses_fill_a_pattern_with_readable_characters():
    lang = S.Union([S.glob("repo:o/r:ref:refs/heads/main"), S.glob("repo:o/r:ref:refs/heads/release/*")])
    found = S.witnesses(lang, {"branch": S.Inter([S.BRANCH, S.Not(S.glob("*/main"))])})
    assert found == {"branch": "repo:o/r:ref:refs/heads/release/x"}


def test_patterns_that_could_backtrack_run_on_the_automaton():
    assert not S._backtracks_little(S.glob("*a*a*a*a*a*a*b"))
    assert S._backtracks_little(S.glob("repo:myorg/*"))
    assert S._backtracks_little(S.seq(S.REPO_PREFIX, "environment:", S.VALUE))
    assert not S.matches(S.glob("*a*a*a*a*a*a*a*a*a*a*a*a*b"), "a" * 200)


def test_escapes_are_literal():
    assert S.matches(S.glob("a${*}b"), "a*b")
    assert not S.matches(S.glob("a${*}b"), "axb")
    assert S.matches(S.glob("${?}"), "?") and not S.matches(S.glob("${?}"), "x")
    assert S.matches(S.glob("${$}{x}"), "${x}")
    assert S.matches(S.literal("a*b"), "a*b") and not S.matches(S.literal("a*b"), "axb")


def test_template_holes():
    t = Template(("repo:", Unknown("Org"), "/app:*"))
    assert S.matches(S.glob(t), "repo:myorg/app:pull_request")
    assert not S.matches(S.glob(t), "repo:a:b/app:x")  # a hole holds no ':'
    holes = {}
    opaque = S.glob(t, holes)
    assert holes == {"Org": "\ue000"}
    assert S.matches(opaque, "repo:\ue000/app:x") and not S.matches(opaque, "repo:o/app:x")
    assert S.show("repo:\ue000/app:x", holes) == "repo:${Org}/app:x"


def test_witness_prefers_readable_characters():
    assert S.witness(S.glob("repo:*")) == "repo:"
    assert S.witness(S.Inter([S.glob("a?"), S.Not(S.glob("ab"))])) == "ax"


def test_exists_split():
    found = S.exists_split(S.glob("repo:o/*"), S.REPO_PREFIX,
                           [S.seq("pull_request"), S.seq("environment:", S.VALUE)])
    assert found is not None
    prefix, suffixes = found
    assert prefix.startswith("repo:o/") and suffixes[0] == "pull_request"
    assert S.exists_split(S.Union([S.glob("repo:o/a:pull_request"),
                                   S.glob("repo:o/b:environment:*")]),
                          S.REPO_PREFIX, [S.seq("pull_request"),
                                          S.seq("environment:", S.VALUE)]) is None


# ---------------------------------------------------------------------------
# trust semantics


def policy(condition, principal=None, action="sts:AssumeRoleWithWebIdentity", effect="Allow"):
    stmt = {"Effect": effect, "Principal": principal or {"Federated": GH}, "Action": action}
    if condition is not None:
        stmt["Condition"] = condition
    return {"Version": "2012-10-17", "Statement": [stmt]}


def sub_like(*subs, op="StringLike"):
    return {"StringEquals": {f"{H}:aud": "sts.amazonaws.com"},
            op: {f"{H}:sub": list(subs) if len(subs) > 1 else subs[0]}}


def test_admitting_statements_operators():
    p = policy(sub_like("repo:o/r:ref:refs/heads/main"))
    assert S.admitting_statements(p, "repo:o/r:ref:refs/heads/main") == [0]
    assert S.admitting_statements(p, "repo:o/r:ref:refs/heads/dev") == []
    assert S.admitting_statements(p, "repo:o/r:ref:refs/heads/main", {"aud": "other"}) == []
    # values are case-sensitive, keys and operator names are not
    q = policy({"stringlike": {"Token.Actions.GithubUserContent.com:SUB": "repo:O/r:*"}})
    assert S.admitting_statements(q, "repo:O/r:pull_request") == [0]
    assert S.admitting_statements(q, "repo:o/r:pull_request") == []
    # environment is missing outside environment jobs: IfExists lets them through
    e = policy({"StringLikeIfExists": {f"{H}:environment": "production"},
                "StringLike": {f"{H}:sub": "repo:o/r:*"}})
    assert S.admitting_statements(e, "repo:o/r:ref:refs/heads/x") == [0]
    assert S.admitting_statements(e, "repo:o/r:environment:dev") == []
    assert S.admitting_statements(e, "repo:o/r:environment:production") == [0]
    # a positive operator on a key that is never in the request never holds
    k = policy({"StringEquals": {f"{H}:repository_owner": "o", f"{H}:sub": "repo:o/r:pull_request"}})
    assert S.admitting_statements(k, "repo:o/r:pull_request") == []
    # a Deny statement takes precedence
    d = policy(sub_like("repo:o/r:*"))
    d["Statement"].append({"Effect": "Deny", "Principal": {"Federated": GH},
                           "Action": "sts:AssumeRoleWithWebIdentity",
                           "Condition": {"StringEquals": {f"{H}:sub": "repo:o/r:pull_request"}}})
    assert S.admitting_statements(d, "repo:o/r:pull_request") == []
    assert S.admitting_statements(d, "repo:o/r:ref:refs/heads/x") == [0]


def test_github_statements_shapes():
    assert S.github_statements({"Statement": "nonsense"}) == []
    assert S.github_statements(None) == []
    assert S.github_statements(policy(None, action="sts:AssumeRole")) == []
    gitlab = policy(None, principal={"Federated": "arn:aws:iam::1:oidc-provider/gitlab.com"})
    assert S.github_statements(gitlab) == []
    star = S.github_statements(policy(None, principal="*"))
    assert len(star) == 1 and star[0].admits and star[0].sub_paths == []
    ent = policy({"StringEquals": {f"{H}/acme:sub": "repo:o/r:pull_request"}},
                 principal={"Federated": GH + "/acme"})
    assert S.github_statements(ent)[0].sub_paths
    typo = S.github_statements(policy({"StringEquals": {"token.actions.githubusercontent.co:sub": "x"}}))
    assert not typo[0].admits


def analyse(p, config=None):
    stmts = S.github_statements(p)
    names = S.collect_names(stmts, config or {})
    return [S.analyse(s, names) for s in stmts], names


def test_same_conditions_are_analysed_once_and_names_still_count():
    # roles that trust the same subs share one analysis; other names do not
    S.clear_caches()
    a, _ = analyse(policy(sub_like("repo:myorg/*")))
    b, _ = analyse(policy(sub_like("repo:myorg/*")))
    assert b[0].witnesses == a[0].witnesses and b[0].witnesses is not a[0].witnesses
    assert b[0].statement is not a[0].statement
    a[0].witnesses.clear()  # a caller's copy is its own
    c, _ = analyse(policy(sub_like("repo:myorg/*")))
    assert c[0].witnesses == b[0].witnesses
    other, _ = analyse(policy(sub_like("repo:myorg/*")), {"owners": ["other"]})
    assert other[0].broadest == "any-owner" and c[0].broadest == "any-repo"


def classes_of(sub_patterns, op="StringLike", config=None):
    results, _ = analyse(policy(sub_like(*sub_patterns, op=op)), config)
    return results[0].broadest, results[0].witnesses


def test_classes_on_known_shapes():
    assert classes_of(["*"])[0] == "any-owner"
    assert classes_of(["repo:*"])[0] == "any-owner"
    assert classes_of(["repo:*/blog-api:*"])[0] == "any-owner"
    cls, w = classes_of(["repo:myorg*"])
    assert cls == "any-owner" and w["any-owner"].startswith("repo:myorg")
    assert not w["any-owner"].startswith("repo:myorg/")
    assert classes_of(["repo:myorg/*"])[0] == "any-repo"
    assert classes_of(["repo:myorg/blog-*:ref:refs/heads/main"])[0] == "any-repo"
    cls, w = classes_of(["repo:myorg/blog-api:*"])
    assert cls == "any-context" and "pull-request" in w
    assert classes_of(["repo:myorg/blog-api:ref:*"])[0] is None
    assert "any-branch" in classes_of(["repo:myorg/blog-api:ref:refs/heads/*"])[1]
    assert classes_of(["repo:myorg/blog-api:ref:refs/heads/*"])[0] is None
    assert classes_of(["repo:myorg/blog-api:pull_request"], op="StringEquals")[0] == \
        "pull-request"
    assert classes_of(["repo:myorg/blog-api:environment:*"], op="StringEquals")[0] is None
    assert classes_of(["repo:myorg/blog-api:ref:refs/tags/v*"])[0] is None
    # config names the owners: a literal other owner is another owner
    assert classes_of(["repo:partner/x:ref:refs/heads/main"],
                      config={"owners": ["myorg"]})[0] == "any-owner"
    assert classes_of(["repo:myorg@12/x@34:ref:refs/heads/main"],
                      config={"owners": ["myorg"]})[0] is None
    # negation only: everything else, from everyone
    assert classes_of(["repo:myorg/blog-api:pull_request"], op="StringNotLike")[0] == \
        "any-owner"


def test_missing_sub_and_correlated_claims():
    results, _ = analyse(policy({"StringEquals": {f"{H}:aud": "sts.amazonaws.com"}}))
    assert results[0].broadest == "missing"
    # environment pinned: only that environment's subs remain
    p = policy({"StringLike": {f"{H}:sub": "repo:o/r:*"},
                "StringEquals": {f"{H}:environment": "production"}})
    results, _ = analyse(p)
    assert results[0].broadest is None
    # repository pinned, sub open: only that repository
    p = policy({"StringLike": {f"{H}:sub": "repo:*"},
                "StringEquals": {f"{H}:repository": "o/r"}})
    results, _ = analyse(p)
    assert results[0].broadest == "any-context"


def test_broader_witness():
    p = policy(sub_like("repo:o/r:ref:refs/heads/*"))
    assert S.broader_witness(p, S.glob("repo:o/r:ref:refs/heads/main")) is not None
    assert S.broader_witness(p, S.glob("repo:o/r:ref:refs/heads/*")) is None
    w = S.broader_witness(p, S.literal("repo:o/r:ref:refs/heads/main"))
    assert w.startswith("repo:o/r:ref:refs/heads/") and w != "repo:o/r:ref:refs/heads/main"
    hole = policy({"StringLike": {f"{H}:sub": Template(("repo:", Unknown("Org"), "/r:ref:refs/heads/main"))}})
    assert S.broader_witness(hole, S.glob("repo:o/r:ref:refs/heads/main")) is None


# --- generated policies: every witness is admitted and in its class; every
# admitted sub of a class makes the analysis report that class

OWNER_PART = st.sampled_from(["myorg", "myorg*", "*", "my?rg", "other", "myorg-*"])
REPO_PART = st.sampled_from(["app", "app*", "*", "a?p", "web"])
CTX_PART = st.sampled_from(["*", "pull_request", "pull*", "ref:*", "ref:refs/heads/main",
                            "ref:refs/heads/*", "ref:refs/tags/v*", "environment:prod",
                            "environment:*", "e*", "ref:refs/tags/*"])
SUB_PATTERN = st.one_of(
    st.builds(lambda o, r, c: f"repo:{o}/{r}:{c}", OWNER_PART, REPO_PART, CTX_PART),
    st.sampled_from(["*", "repo:*", "repo:myorg*", "repo:*:pull_request", "repo:myorg/*"]))

OWNERS = ["myorg", "myorg-evil", "other", "mzorg"]
REPOS = ["app", "appx", "web", "zz"]
CONTEXTS = ["pull_request", "ref:refs/heads/main", "ref:refs/heads/feature", "ref:refs/tags/v1",
            "ref:refs/tags/x", "environment:prod", "environment:dev"]


def ref_classes(sub, names):
    """The classes a concrete standard sub belongs to (reference, no automata)."""
    owner, repo, ctx = S.parse_standard(sub)
    out = set()
    if owner not in names.owners:
        out.add("any-owner")
    elif (owner, repo) not in names.repos:
        out.add("any-repo")
    if ctx == "pull_request":
        out.add("pull-request")
    for prefix, bucket, cls in (("ref:refs/heads/", names.branches, "any-branch"),
                                ("ref:refs/tags/", names.tags, "any-tag"),
                                ("environment:", names.environments, "any-environment")):
        if ctx.startswith(prefix) and ctx[len(prefix):] not in bucket:
            out.add(cls)
    return out


@SETTINGS
@given(st.lists(SUB_PATTERN, min_size=1, max_size=4), st.sampled_from(["StringLike", "StringEquals"]))
def test_analysis_is_sound_and_complete(subs, op):
    p = policy(sub_like(*subs, op=op))
    results, names = analyse(p)
    result = results[0]
    classes = S.class_languages(names)
    for cls, raw in result.raw.items():
        assert S.admitting_statements(p, raw) == [0], (cls, raw)
        if cls in classes:
            assert S.matches(classes[cls], raw), (cls, raw)
    for owner, repo, ctx in itertools.product(OWNERS, REPOS, CONTEXTS):
        sub = f"repo:{owner}/{repo}:{ctx}"
        if S.admitting_statements(p, sub):
            for cls in ref_classes(sub, names):
                assert cls in result.witnesses, (sub, cls, subs)
    # any-context iff some repository gets a pull request and unnamed branch, tag, environment
    fresh = ["pull_request", "ref:refs/heads/zz-new", "ref:refs/tags/zz-new",
             "environment:zz-new"]
    for owner, repo in itertools.product(OWNERS, REPOS):
        if all(S.admitting_statements(p, f"repo:{owner}/{repo}:{c}") for c in fresh):
            assert "any-context" in result.witnesses
    if "any-context" in result.witnesses:
        prefix = result.raw["any-context"].rsplit(":pull_request", 1)[0]
        assert all(S.admitting_statements(p, w) for w in result.context_witnesses)
        assert result.context_witnesses[0] == prefix + ":pull_request"


@SETTINGS
@given(SUB_PATTERN, st.sampled_from(["sub", "SUB", "Sub"]),
       st.sampled_from(["StringLike", "stringlike", "STRINGLIKE"]))
def test_key_and_operator_case_do_not_matter(sub, key_case, op):
    a, _ = analyse(policy({op: {f"{H}:{key_case}": sub}}))
    b, _ = analyse(policy({"StringLike": {f"{H}:sub": sub}}))
    assert a[0].broadest == b[0].broadest


@SETTINGS
@given(st.text(alphabet="abAB/:", min_size=1, max_size=6))
def test_values_are_case_sensitive(name):
    assume(name.lower() != name)
    p = policy({"StringEquals": {f"{H}:sub": f"repo:o/r:environment:{name}"}})
    assert S.admitting_statements(p, f"repo:o/r:environment:{name}") == [0]
    assert S.admitting_statements(p, f"repo:o/r:environment:{name.lower()}") == []


JUNK = st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=5),
                    lambda inner: st.lists(inner, max_size=3)
                    | st.dictionaries(st.text(max_size=5), inner, max_size=3), max_leaves=8)


@SETTINGS
@given(JUNK, JUNK, JUNK)
def test_any_shape_is_tolerated(principal, action, condition):
    p = {"Statement": [{"Effect": "Allow", "Principal": principal, "Action": action,
                        "Condition": condition},
                       {"Effect": "Allow", "Principal": {"Federated": GH},
                        "Action": "sts:AssumeRoleWithWebIdentity", "Condition": condition}]}
    results, _ = analyse(p)
    for r in results:
        r.broadest
    S.admitting_statements(p, "repo:o/r:pull_request")
    S.broader_witness(p, S.glob("repo:o/r:*"))


_SUBS = ["repo:o/r:ref:refs/heads/main", "repo:o/r:ref:refs/heads/dev",
         "repo:o/r:ref:refs/tags/v1", "repo:o/r:pull_request", "repo:o/r:environment:prod",
         "repo:o/r:environment:dev", "repo:o/x:ref:refs/heads/main", "repo:p/r:pull_request"]
_REFS = ["refs/heads/main", "refs/heads/dev", "refs/tags/v1", "refs/pull/7/merge"]
_CLAIM_CONDITIONS = st.sampled_from([
    ("StringEquals", "ref", "refs/heads/main"), ("StringLike", "ref", "refs/tags/*"),
    ("StringLike", "ref", "refs/pull/*"), ("StringLike", "ref", "refs/heads/*"),
    ("StringEquals", "environment", "prod"), ("StringNotEquals", "environment", "dev"),
    ("StringLikeIfExists", "environment", "pro*"), ("StringNotLike", "environment", "d*"),
    ("StringEquals", "repository", "o/r"), ("StringNotLike", "repository", "o/x*"),
])


def _token_refs(sub):
    """The ref claims a token with this sub can carry."""
    if ":ref:" in sub:
        return [sub.split(":ref:", 1)[1]]
    if sub.endswith(":pull_request"):  # pull_request, or pull_request_target on a branch
        return ["refs/pull/7/merge", "refs/heads/main", "refs/heads/dev"]
    return _REFS  # a job with an environment runs on any ref


@settings(max_examples=150, deadline=None)
@given(st.sampled_from(["repo:o/*", "repo:*", "repo:o/r:*", "repo:*:ref:refs/heads/*"]),
       _CLAIM_CONDITIONS)
def test_the_sub_language_of_a_statement_agrees_with_iam_evaluation(sub_pattern, claim):
    """A sub is in the statement's language exactly when some token with that
    sub (and the claims that go with it) satisfies every condition, IAM's way."""
    op, name, value = claim
    condition = {"StringLike": {f"{H}:sub": sub_pattern}}
    condition.setdefault(op, {})[f"{H}:{name}"] = value
    p = policy(condition)
    (stmt,) = S.github_statements(p)
    for sub in _SUBS:
        admitted = any(S.admitting_statements(p, sub, {"ref": ref}) for ref in _token_refs(sub))
        assert S.matches(stmt.sub, sub) == admitted, (condition, sub)


@given(st.text(alphabet="ab@x0*?/:", max_size=12))
@settings(max_examples=200, deadline=None)
def test_subs_github_sends_have_numeric_ids_in_the_immutable_form(owner_part):
    lang = S.seq(*S.glob(f"repo:{owner_part}/app@*:pull_request"))
    w = S.witness(S.Inter([lang, S.STANDARD]))
    if w is not None:
        assert re.fullmatch(r"repo:([^/:@]+|[^/:@]+@\d+)/app(@\d+)?:pull_request", w), w


def test_a_pattern_with_a_letter_for_an_id_admits_no_sub():
    lang = S.seq(*S.glob("repo:myorg@x*/app@*:pull_request"))
    assert S.witness(S.Inter([lang, S.STANDARD])) is None
