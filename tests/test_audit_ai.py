"""Audit 'ai': the security-review use, ecs-lint on one or two loose files in
the shapes the AWS CLI, the SDKs and tools emit (tests/cases/ai). Each test
holds a minimal input on which ecs-lint was wrong; see the commit that added it
for the evidence."""
import json
from urllib.parse import quote

import pytest

from conftest import file_findings, oidc_trust

NO_SUB = {"Version": "2012-10-17", "Statement": [{
    "Effect": "Allow",
    "Principal": {"Federated": "arn:aws:iam::552013874406:oidc-provider/"
                               "token.actions.githubusercontent.com"},
    "Action": "sts:AssumeRoleWithWebIdentity",
    "Condition": {"StringEquals": {"token.actions.githubusercontent.com:aud": "sts.amazonaws.com"}}}]}


def _encoded(doc):
    return quote(json.dumps(doc, separators=(",", ":")), safe="")


def test_get_role_output_with_url_encoded_trust_is_linted(tmp_path):
    # IAM's GetRole returns AssumeRolePolicyDocument URL-encoded; the Go, Java
    # and JavaScript SDKs hand it on as is.
    out = {"Role": {"RoleName": "ci-image-publisher", "Path": "/",
                    "Arn": "arn:aws:iam::552013874406:role/ci-image-publisher",
                    "AssumeRolePolicyDocument": _encoded(NO_SUB)}}
    found = file_findings(tmp_path, "role.json", out)
    assert ("trust-sub-missing", 6, found[0][2]) in found
    assert [r for r, _, _ in found] == ["trust-sub-missing"]


def test_bare_url_encoded_assume_role_policy_document(tmp_path):
    found = file_findings(tmp_path, "role.json", {
        "RoleName": "app", "AssumeRolePolicyDocument": _encoded(oidc_trust("repo:myorg/*"))})
    assert [r for r, _, _ in found] == ["trust-sub-wildcard-in-equals"]  # StringEquals repo:myorg/*


def test_get_role_policy_and_policy_version_url_encoded(tmp_path):
    doc = {"Version": "2012-10-17", "Statement": [
        {"Effect": "Allow", "Action": "ecr:*",
         "Resource": "arn:aws:ecr:eu-west-1:770412396583:repository/app"}]}
    found = file_findings(tmp_path, "inline.json", {
        "RoleName": "deploy", "PolicyName": "ecr", "PolicyDocument": _encoded(doc)})
    assert ("policy-wildcard-action", 4) in [(r, ln) for r, ln, _ in found]
    (tmp_path / "inline.json").unlink()
    found = file_findings(tmp_path, "version.json", {"PolicyVersion": {
        "Document": _encoded(doc), "VersionId": "v2", "IsDefaultVersion": True}})
    assert ("policy-wildcard-action", 3) in [(r, ln) for r, ln, _ in found]


def test_encoded_string_that_is_not_a_policy_stays_unknown(tmp_path):
    found = file_findings(tmp_path, "role.json", {
        "Role": {"RoleName": "x", "AssumeRolePolicyDocument": "%7Bnot json"}})
    assert found == []


def test_provider_url_of_the_discovery_document_is_wrong(tmp_path):
    # the provider URL must equal the token's iss; people paste the discovery
    # document's URL from GitHub's docs
    found = file_findings(tmp_path, "provider.json", {
        "Url": "https://token.actions.githubusercontent.com/.well-known/openid-configuration",
        "ClientIDList": ["sts.amazonaws.com"]})
    assert [(r, ln) for r, ln, _ in found] == [("oidc-provider-url-wrong", 2)]


def test_provider_url_with_an_enterprise_slug_is_right(tmp_path):
    found = file_findings(tmp_path, "provider.json", {
        "Url": "https://token.actions.githubusercontent.com/tessellate",
        "ClientIDList": ["sts.amazonaws.com"]})
    assert found == []


@pytest.mark.parametrize("url, wrong", [
    # another identity provider's, for its own pipelines: not a broken GitHub provider
    ("https://gitlab.com", False),
    ("https://app.terraform.io", False),
    ("https://oidc.eks.eu-west-1.amazonaws.com/id/ABC123", False),
    # GitHub's, wrong: the retired host, typos, another GitHub host
    ("https://vstoken.actions.githubusercontent.com", True),
    ("https://token.actions.githubusercontnt.com", True),
    ("https://token.action.githubusercontent.com", True),
    ("https://token.actions.github.com", True),
    ("https://example.com", True),  # not a known issuer: meant for GitHub
])
def test_only_providers_meant_for_github_are_checked(tmp_path, url, wrong):
    found = file_findings(tmp_path, "provider.json", {"Url": url, "ClientIDList": ["x"]})
    rules = {r for r, _, _ in found}
    assert ("oidc-provider-url-wrong" in rules) is wrong
    assert ("oidc-provider-audience-missing" in rules) is wrong
