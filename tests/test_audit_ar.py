"""Audit 'ar': GitHub OIDC trust policies from real repositories and issue
threads against the sub analysis of RULES.md (Deny statements, unevaluated
claims, immutable subjects with ids). Each test holds a case where ecs-lint was
wrong (see the commit that added it for the evidence)."""

from conftest import lint_files, oidc_trust

IMMUTABLE = ("github:\n  repository: ostrea-health/claims-router\n  owners: [ostrea-health]\n"
             "  subject: immutable\n  owner-id: 91028374\n  repository-id: 740219388\n")


def _like(sub) -> dict:
    trust = oidc_trust("x")
    cond = trust["Statement"][0]["Condition"]
    del cond["StringEquals"]["token.actions.githubusercontent.com:sub"]
    cond["StringLike"] = {"token.actions.githubusercontent.com:sub": sub}
    return trust


def _sub_rules(findings, name):
    return sorted(f.rule for f in findings
                  if f.file == name and f.rule.startswith("trust-sub"))


def test_configured_owner_and_repository_ids_are_that_owner_and_repository(tmp_path):
    # GitHub's owner and repository ids never change nor get reused: with the
    # ids pinned, a wildcard in the names only follows a rename of the same
    # owner/repository; no other owner's sub can reach the fixed tail
    found = lint_files(tmp_path, {
        "iam/deploy.json": _like(
            "repo:*@91028374/claims-router@740219388:environment:production"),
        "iam/image.json": _like("repo:*@91028374/*@740219388:ref:refs/heads/main"),
        "iam/cache.json": _like("repo:*@91028374/*"),
        "iam/other.json": _like("repo:*@91028375/claims-router@740219388:ref:refs/heads/main"),
    }, IMMUTABLE)
    assert _sub_rules(found, "iam/deploy.json") == []
    assert _sub_rules(found, "iam/image.json") == []
    # `*` crosses '/': `repo:evil/x:ref:refs/heads/a@91028374/b` still gets in
    assert _sub_rules(found, "iam/cache.json") == ["trust-sub-any-owner"]
    # another owner id is another owner
    assert _sub_rules(found, "iam/other.json") == ["trust-sub-any-owner"]


PROVIDER = "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com"
DEPLOY_WORKFLOW = """\
name: deploy
on:
  push:
    branches: [main]
jobs:
  deploy:
    runs-on: ubuntu-latest
    environment: production
    permissions:
      id-token: write
    steps:
      - uses: aws-actions/configure-aws-credentials@v4
        with:
          role-to-assume: arn:aws:iam::123456789012:role/deploy
          aws-region: eu-west-1
"""
XREF_CONFIG = ("github:\n  repository: myorg/app\n  owners: [myorg]\nroles:\n"
               "  \"arn:aws:iam::123456789012:role/deploy\":\n    trust: iam/trust.json\n")


def _deny(condition) -> dict:
    return {"Effect": "Deny", "Principal": {"Federated": PROVIDER},
            "Action": "sts:AssumeRoleWithWebIdentity", "Condition": condition}


def test_deny_on_an_unevaluated_claim_with_a_negated_operator_locks_the_role(tmp_path):
    # IAM: "If the policy condition requires that the key is not matched, such as
    # StringNotLike ..., and the right key is not present, the condition is true";
    # repository_owner is never in the request, so this Deny applies to every token
    trust = oidc_trust("repo:myorg/app:environment:production")
    trust["Statement"].append(_deny(
        {"StringNotEquals": {"token.actions.githubusercontent.com:repository_owner": "myorg"}}))
    found = lint_files(tmp_path, {"iam/trust.json": trust,
                                  ".github/workflows/deploy.yml": DEPLOY_WORKFLOW}, XREF_CONFIG)
    assert "xref-sub-not-admitted" in [f.rule for f in found]
    key = [f for f in found if f.rule == "trust-condition-key-unknown"]
    assert len(key) == 1 and "this Deny applies to every request" in key[0].message
    assert "silently dropped" not in key[0].message


def _repo_wide_with_denied_pull_requests(deny_aud) -> dict:
    trust = _like("repo:myorg/app:*")
    cond = {"StringLike": {"token.actions.githubusercontent.com:sub": "repo:myorg/app:pull_request"}}
    if deny_aud is not None:
        cond["StringEquals"] = {"token.actions.githubusercontent.com:aud": deny_aud}
    trust["Statement"].append(_deny(cond))
    return trust


def test_deny_whose_other_condition_every_allow_makes_refuses_its_subs(tmp_path):
    # the Deny copied the Allow's aud test: every token the Allow admits has
    # aud sts.amazonaws.com, so the Deny takes every pull_request token back and
    # the role admits every branch, tag and environment but no pull request
    found = lint_files(tmp_path, {
        "iam/copied.json": _repo_wide_with_denied_pull_requests("sts.amazonaws.com"),
        "iam/other-aud.json": _repo_wide_with_denied_pull_requests("https://github.com/myorg"),
        "iam/plain.json": _repo_wide_with_denied_pull_requests(None),
    }, "github:\n  repository: myorg/app\n  owners: [myorg]\n")
    assert _sub_rules(found, "iam/copied.json") == []
    assert _sub_rules(found, "iam/plain.json") == []
    # a Deny on another audience spares the sts.amazonaws.com pull-request tokens
    assert _sub_rules(found, "iam/other-aud.json") == ["trust-sub-any-context"]
