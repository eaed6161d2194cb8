"""A `ref` condition that only names refs git refuses (`refs/tags/v*` under
StringEquals: the `*` is literal) admits no run: the sub rules stay silent."""
import json

import pytest

from conftest import file_findings, lint_folder

PROVIDER = "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com"
KEY = "token.actions.githubusercontent.com:"


def _trust(ref_op, ref):
    condition = {
        "StringEquals": {KEY + "aud": "sts.amazonaws.com"},
        "StringLike": {KEY + "sub": "repo:acme/*:ref:refs/tags/*"}}
    condition[ref_op][KEY + "ref"] = ref
    return {"Version": "2012-10-17", "Statement": [{
        "Effect": "Allow", "Principal": {"Federated": PROVIDER},
        "Action": "sts:AssumeRoleWithWebIdentity", "Condition": condition}]}


@pytest.mark.parametrize("op, ref, any_repo", [
    ("StringEquals", "refs/tags/v*", False),   # no tag is named `v*`
    ("StringEquals", "refs/tags/v 1", False),  # nor holds a space
    ("StringEquals", "refs/tags/v1.2.0", True),
    ("StringEquals", ["refs/tags/v*", "refs/tags/v1.2.0"], True),
    ("StringLike", "refs/tags/v*", True),      # a pattern: every v-tag
])
def test_a_ref_git_refuses_admits_no_run(tmp_path, op, ref, any_repo):
    rules = {r for r, _, _ in file_findings(tmp_path, "trust.json", _trust(op, ref))}
    assert ("trust-sub-any-repo" in rules) == any_repo


@pytest.mark.parametrize("effect, consequence", [
    ("Allow", "the deploy is refused (401)"),
    ("Deny", "the Deny never applies"),
])
def test_a_wildcard_in_equals_message_says_what_the_effect_loses(tmp_path, effect, consequence):
    data = _trust("StringEquals", "refs/heads/main")
    data["Statement"][0]["Effect"] = effect
    data["Statement"][0]["Condition"]["StringEquals"][KEY + "sub"] = "repo:acme/*:pull_request"
    (tmp_path / "trust.json").write_text(json.dumps(data))
    found = [f for f in lint_folder(tmp_path) if f.rule == "trust-sub-wildcard-in-equals"]
    assert len(found) == 1 and consequence in found[0].message
