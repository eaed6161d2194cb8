"""A job whose environment and role are picked by the kind of ref it runs on
(`startsWith(github.ref, 'refs/tags/v')`, `github.ref_type`, or the ref name
itself, `${{ github.ref_name }}`) is checked once per kind of ref its triggers
allow, each run with its own environment and role (jz/03, jz/04)."""
import json
import textwrap

import pytest
from conftest import lint_folder, oidc_trust

from ecs_lint import workflow_model as wm
from ecs_lint.xref import runs as R
from ecs_lint.xref import subjects_produced as P

PROD = "arn:aws:iam::123456789012:role/app-production-deploy"
STAGING = "arn:aws:iam::123456789012:role/app-staging-deploy"


def _workflow(on, environment, role):
    return f"""\
        on: {on}
        jobs:
          deploy:
            runs-on: ubuntu-latest
            environment: {environment}
            permissions:
              id-token: write
            steps:
              - uses: aws-actions/configure-aws-credentials@v4
                with:
                  role-to-assume: {role}
                  aws-region: eu-west-1
        """


def _sub_findings(tmp_path, on, environment, role, prod_subs, staging_subs):
    """(rule, trust file, message) of the xref-sub findings of a repository
    with one deploy job and the two roles, each trusting its subs."""
    (tmp_path / "iam").mkdir(parents=True)
    (tmp_path / "iam" / "prod.json").write_text(json.dumps(oidc_trust(prod_subs)))
    (tmp_path / "iam" / "staging.json").write_text(json.dumps(oidc_trust(staging_subs)))
    (tmp_path / ".ecs-lint.yaml").write_text(
        "github:\n  repository: myorg/app\n  vars:\n"
        f"    PROD: {PROD}\n    STAGING: {STAGING}\nroles:\n"
        f'  "{PROD}":\n    trust: iam/prod.json\n'
        f'  "{STAGING}":\n    trust: iam/staging.json\n')
    wf = tmp_path / ".github" / "workflows" / "d.yml"
    wf.parent.mkdir(parents=True)
    wf.write_text(textwrap.dedent(_workflow(on, environment, role)))
    return sorted((f.rule, f.file, f.message) for f in lint_folder(tmp_path)
                  if f.rule.startswith("xref-sub"))


BRANCH_AND_TAGS = "{push: {branches: [main], tags: ['v*.*.*']}}"
TAG_ENV = "${{ startsWith(github.ref, 'refs/tags/v') && 'production' || 'staging' }}"
TAG_ROLE = "${{ startsWith(github.ref, 'refs/tags/v') && vars.PROD || vars.STAGING }}"


def test_a_prefix_ternary_sends_the_branch_run_its_environment(tmp_path):
    # jz/03: the push to main runs in staging, which the staging trust (only the
    # branch sub, from before the job had an environment) refuses
    found = _sub_findings(tmp_path, BRANCH_AND_TAGS, TAG_ENV, TAG_ROLE,
                          "repo:myorg/app:environment:production",
                          "repo:myorg/app:ref:refs/heads/main")
    assert [(r, f) for r, f, _ in found] == [("xref-sub-not-admitted", "iam/staging.json")]
    assert "where github.ref does not start with 'refs/tags/v'" in found[0][2]
    assert "'repo:myorg/app:environment:staging'" in found[0][2]


def test_each_kind_of_ref_admitted_by_its_own_role_is_silent(tmp_path):
    assert _sub_findings(tmp_path, BRANCH_AND_TAGS, TAG_ENV, TAG_ROLE,
                         "repo:myorg/app:environment:production",
                         "repo:myorg/app:environment:staging") == []


def test_a_negated_prefix_picks_the_other_way(tmp_path):
    env = "${{ !startsWith(github.ref, 'refs/tags/v') && 'staging' || 'production' }}"
    role = "${{ !startsWith(github.ref, 'refs/tags/v') && vars.STAGING || vars.PROD }}"
    assert _sub_findings(tmp_path / "a", BRANCH_AND_TAGS, env, role,
                         "repo:myorg/app:environment:production",
                         "repo:myorg/app:environment:staging") == []
    found = _sub_findings(tmp_path / "b", BRANCH_AND_TAGS, env, role,
                          "repo:myorg/app:environment:prod",
                          "repo:myorg/app:environment:staging")
    assert [(r, f) for r, f, _ in found] == [("xref-sub-not-admitted", "iam/prod.json")]
    assert "where github.ref starts with 'refs/tags/v'" in found[0][2]


@pytest.mark.parametrize("staging_sub, refused", [
    ("repo:myorg/app:ref:refs/heads/main", True),
    ("repo:myorg/app:environment:staging", False),
])
def test_a_ref_type_ternary_is_read_per_type(tmp_path, staging_sub, refused):
    env = "${{ github.ref_type == 'tag' && 'production' || 'staging' }}"
    role = "${{ github.ref_type == 'tag' && vars.PROD || vars.STAGING }}"
    found = _sub_findings(tmp_path, BRANCH_AND_TAGS, env, role,
                          "repo:myorg/app:environment:production", staging_sub)
    assert [(r, f) for r, f, _ in found] == (
        [("xref-sub-not-admitted", "iam/staging.json")] if refused else [])
    if refused:
        assert "where github.ref_type == 'branch'" in found[0][2]


REF_NAME_ROLE = "arn:aws:iam::123456789012:role/app-${{ github.ref_name }}-deploy"


def test_a_role_named_after_the_pushed_branch_links_per_branch(tmp_path):
    # jz/04: each branch is one run whose role and environment are known, so the
    # production trust's branch sub (the job has an environment) is not used
    found = _sub_findings(tmp_path, "{push: {branches: [staging, production]}}",
                          "${{ github.ref_name }}", REF_NAME_ROLE,
                          ["repo:myorg/app:environment:production",
                           "repo:myorg/app:ref:refs/heads/production"],
                          "repo:myorg/app:environment:staging")
    assert [(r, f) for r, f, _ in found] == [("xref-sub-broader-than-used", "iam/prod.json")]
    assert "'repo:myorg/app:ref:refs/heads/production'" in found[0][2]
    assert "where github.ref == 'refs/heads/production'" in found[0][2]


def test_a_glob_branch_filter_keeps_the_ref_name_unknown(tmp_path):
    # release/** names no branch: the role is not resolved, so broader-than-used
    # is not checked
    found = _sub_findings(tmp_path, "{push: {branches: [staging, 'release/**']}}",
                          "${{ github.ref_name }}", REF_NAME_ROLE,
                          ["repo:myorg/app:environment:production",
                           "repo:myorg/app:ref:refs/heads/production"],
                          "repo:myorg/app:environment:staging")
    assert found == []


def test_the_refs_triggers_name_one_by_one():
    assert P.literal_refs({"push": {"branches": ["staging", "production"]}}) == [
        "refs/heads/staging", "refs/heads/production"]
    assert P.literal_refs({"push": {"branches": "main", "tags": ["v1.0"]}}) == [
        "refs/heads/main", "refs/tags/v1.0"]
    for triggers in ({"push": {"branches": ["release/**"]}},
                     {"push": {"branches": ["main", "!dev"]}},
                     {"push": {"branches-ignore": ["dev"]}},
                     {"push": {"branches": []}},
                     {"push": {"branches": ["main", 3, None]}},
                     {"push": None}, {"push": {"branches": ["main"]}, "workflow_dispatch": None},
                     {"push": {"branches": [f"b{i}" for i in range(50)]}}, None, "push"):
        assert P.literal_refs(triggers) is None, triggers


def test_a_negated_prefix_test_narrows_the_refs():
    n = P.narrowing("!startsWith(github.ref, 'refs/tags/')", None)
    assert n.understood and n.refs is not None
    assert P.contains(n.refs, "refs/heads/main") and not P.contains(n.refs, "refs/tags/v1")


def test_what_a_runs_facts_say_of_a_prefix():
    assert wm.ref_starts_with({"ref": ("==", "refs/heads/main")}, "refs/tags/") is False
    assert wm.ref_starts_with({"ref_prefix": ("startsWith", "refs/tags/v")}, "refs/tags/") is True
    assert wm.ref_starts_with({"ref_prefix": ("startsWith", "refs/tags/")}, "refs/tags/v") is None
    assert wm.ref_starts_with({"ref_prefix": ("startsWith", "refs/tags/")}, "refs/heads/") is False
    assert wm.ref_starts_with({"ref_prefix": ("!startsWith", "refs/tags/")}, "refs/tags/v") \
        is False
    assert wm.ref_starts_with({"ref_type": ("==", "tag")}, "refs/TAGS/") is True
    assert wm.ref_starts_with({"ref_type": ("==", "branch")}, "refs/tags/v") is False
    assert wm.ref_starts_with({}, "refs/tags/") is None


@pytest.mark.parametrize("facts, vars_, expected", [
    ({"ref_type": ("==", "tag")}, {"PROD": "production"}, "x-production"),
    ({"ref_type": ("==", "tag")}, {"PROD": ""}, "x-staging"),  # empty A falls through
    ({"ref_type": ("==", "tag")}, {}, None),                    # A unknown
    ({"ref_type": ("==", "branch")}, {}, "x-staging"),
    ({"ref": ("==", "refs/tags/v1")}, {"PROD": "production"}, "x-production"),
    ({"event_name": ("==", "push")}, {"PROD": "production"}, None),  # the ref is not known
])
def test_a_prefix_ternary_is_decided_by_a_runs_facts(facts, vars_, expected):
    text = "x-${{ startsWith(github.ref, 'refs/tags/') && vars.PROD || 'staging' }}"
    got = wm.expand(text, None, None, None, {wm.FACTS: facts, "vars": vars_})
    assert got == (text if expected is None else expected)
    negated = text.replace("startsWith", "!StartsWith")
    flipped = {"x-staging": "x-production", "x-production": "x-staging"}
    if expected == "x-staging" and facts.get("ref_type") == ("==", "branch"):
        assert wm.expand(negated, None, None, None, {wm.FACTS: facts, "vars": {"PROD": "p"}}) \
            == "x-p"
    elif expected == "x-production":
        assert wm.expand(negated, None, None, None, {wm.FACTS: facts, "vars": vars_}) \
            == flipped[expected]


class _Job:  # the parts fact_splits reads
    if_ = None

    def __init__(self, environment):
        self.environment = environment


class _Workflow:
    def __init__(self, triggers):
        self.triggers = triggers


def test_only_the_kinds_of_ref_the_triggers_run_on_are_split():
    tags_only = _Workflow({"push": {"tags": ["v*"]}})
    assert [f for f, _, _ in R.fact_splits(tags_only, _Job(TAG_ENV), [])] == [
        {"ref_prefix": ("startsWith", "refs/tags/v")}]
    by_type = _Job("${{ github.ref_type == 'tag' && 'production' || '' }}")
    assert [f for f, _, _ in R.fact_splits(tags_only, by_type, [])] == [
        {"ref_type": ("==", "tag")}]
    both = _Workflow({"push": {"branches": ["main"], "tags": ["v*"]}})
    assert [c for _, c, _ in R.fact_splits(both, by_type, [])] == [
        "github.ref_type == 'branch'", "github.ref_type == 'tag'"]
    # the job's own `if:` keeps it to one branch: one run
    pinned = _Job("${{ github.ref_name }}")
    pinned.if_ = "github.ref == 'refs/heads/production'"
    named = _Workflow({"push": {"branches": ["staging", "production"]}})
    assert [c for _, c, _ in R.fact_splits(named, pinned, [])] == [
        "github.ref == 'refs/heads/production'"]
