"""Audit 'cases-c': blind labeled cases on the sub analysis and the trust /
cross-file sub rules, then probed around them. Each test holds the minimal
excerpt where ecs-lint was wrong.
"""
import json
import textwrap

import pytest

from conftest import ROLE, lint_folder, oidc_trust, oidc_workflow


def _repo(tmp_path, sub, config="github:\n  repository: myorg/app\n", environment="production"):
    (tmp_path / ".github" / "workflows").mkdir(parents=True)
    (tmp_path / ".github" / "workflows" / "deploy.yml").write_text(
        textwrap.dedent(oidc_workflow(ROLE, environment)))
    (tmp_path / "iam").mkdir()
    (tmp_path / "iam" / "trust.json").write_text(json.dumps(oidc_trust(sub), indent=2))
    (tmp_path / ".ecs-lint.yaml").write_text(
        config + f'roles:\n  "{ROLE}":\n    trust: iam/trust.json\n')
    return [f for f in lint_folder(tmp_path) if f.rule.startswith(("xref-sub", "trust-sub"))]


# --- xref-sub-not-admitted: customised subject templates -------------------------
#
# An organisation that customised its OIDC subject template (include_claim_keys)
# gets subs such as `repository_owner:myorg:environment:production:job_workflow_ref:...`,
# and writes its trust policies in that shape. ecs-lint cannot know the template
# from the repository (RULES.md: "where the shape is unknown, say so rather than
# guess"), so a trust written in a customised shape is no proof of a 401 unless the
# config declares the subject format in use.

CUSTOM = [
    "repository_owner:myorg:environment:production:job_workflow_ref:"
    "myorg/app/.github/workflows/deploy.yml@refs/heads/main",
    "repo:myorg/app:environment:production:job_workflow_ref:"
    "myorg/app/.github/workflows/deploy.yml@refs/heads/main",
    "repository_id:123456:context:environment:production",
]


@pytest.mark.parametrize("sub", CUSTOM)
def test_customised_subject_shape_is_not_a_certain_401(tmp_path, sub):
    assert _repo(tmp_path, sub) == []


@pytest.mark.parametrize("sub", CUSTOM[:2])
def test_customised_shape_with_a_declared_subject_format_is_compared(tmp_path, sub):
    found = _repo(tmp_path, sub, config="github:\n  repository: myorg/app\n  subject: legacy\n")
    assert [f.rule for f in found] == ["xref-sub-not-admitted"]


def test_default_shape_with_a_raw_colon_is_still_a_401(tmp_path):
    # `prod:eu` is sent as prod%3Aeu: a mistake in the default shape, not a template
    found = _repo(tmp_path, "repo:myorg/app:environment:prod:eu", environment='"prod:eu"')
    assert [f.rule for f in found] == ["xref-sub-not-admitted"]


# --- trust-sub-*: the subs GitHub sends, and witnesses of that shape ---------------
#
# GitHub sends `repo:OWNER/REPO:...` or the immutable `repo:OWNER@OWNER_ID/REPO@REPO_ID:...`
# (GitHub's owner and repository names have no `@`). ecs-lint took any
# `repo:X/Y:...` with `@` anywhere in X or Y for a sub: `repo:myorg/app@*`, which no
# token matches (a legacy owner with an immutable repository), was reported as
# admitting every repository of the owner, and witnesses mixed the two forms
# (`repo:myorg@123/x:pull_request`, a sub GitHub never sends).

import re  # noqa: E402

from test_trust import H, lint_policies, policy  # noqa: E402

SENT = re.compile(r"^repo:[^/:@]+(/[^/:@]+|@\d+/[^/:@]+@\d+):"
                  r"(pull_request|ref:refs/(heads|tags)/[^:]+|environment:[^:]+)$")


def _sub_findings(tmp_path, sub):
    found = lint_policies(tmp_path, {"trust.json": policy({
        "StringEquals": {f"{H}:aud": "sts.amazonaws.com"}, "StringLike": {f"{H}:sub": sub}})})
    return [f for f in found if f.rule.startswith("trust-sub-")]


def test_mixed_legacy_and_immutable_pattern_admits_no_sub_github_sends(tmp_path):
    assert _sub_findings(tmp_path, "repo:myorg/app@*") == []


@pytest.mark.parametrize("sub, rule", [
    ("repo:myorg@123/*", "trust-sub-any-repo"),
    ("repo:myorg@123/*:ref:refs/heads/main", "trust-sub-any-repo"),
    ("repo:myorg@*", "trust-sub-any-repo"),
    ("repo:myorg@12*", "trust-sub-any-repo"),
    ("repo:myorg@123/app@456:*", "trust-sub-any-context"),
    ("repo:*@123/app@456:ref:refs/heads/main", "trust-sub-any-owner"),
])
def test_immutable_witnesses_are_subs_github_sends(tmp_path, sub, rule):
    found = _sub_findings(tmp_path, sub)
    assert [f.rule for f in found] == [rule]
    witnesses = list(found[0].extra["classes"].values())
    assert witnesses and all(SENT.match(w) for w in witnesses), witnesses
