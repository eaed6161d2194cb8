"""trust-action-mismatch on every provider read as GitHub's (lg/04), a provider
ARN written as an `AWS` principal (lg/02), the messages on a Federated list
(lg/03), no aud finding on a statement that admits nothing (lg/09), and
ecr-tags-mutable on an exclusion filter matching every tag (ld/02)."""
import textwrap

import pytest

from conftest import lint_files

GHES = "github.fabrikam-corp.net/_services/token"
GITHUB = "token.actions.githubusercontent.com"
ACCOUNT = "arn:aws:iam::123456789012"


def _statement(provider, action="sts:AssumeRoleWithWebIdentity", key="Federated", prefix=None):
    """An Allow trusting the OIDC `provider` (under Principal `key`) with
    `action`, pinned with the keys of `prefix` (the provider's by default)."""
    prefix = prefix or provider
    return {"Effect": "Allow",
            "Principal": {key: f"{ACCOUNT}:oidc-provider/{provider}"},
            "Action": action,
            "Condition": {"StringEquals": {
                f"{prefix}:aud": "sts.amazonaws.com",
                f"{prefix}:sub": "repo:acme/app:environment:production"}}}


def _findings(tmp_path, *statements):
    policy = {"Version": "2012-10-17", "Statement": list(statements)}
    return [f for f in lint_files(tmp_path, {"trust.json": policy})
            if f.rule.startswith("trust-") and f.severity != "info"]


def _rules(tmp_path, *statements):
    return sorted(f.rule for f in _findings(tmp_path, *statements))


# -- trust-action-mismatch: every provider read as GitHub's (lg/04)


@pytest.mark.parametrize("provider", [GHES, GITHUB, f"{GITHUB}/acme"])
@pytest.mark.parametrize("action", ["sts:AssumeRole", "sts:*"])
def test_a_github_provider_trusted_with_another_action(tmp_path, provider, action):
    assert _rules(tmp_path, _statement(provider, action)) == ["trust-action-mismatch"]


def test_the_message_names_the_enterprise_server(tmp_path):
    found = _findings(tmp_path, _statement(GHES, "sts:AssumeRole"))
    assert [f.rule for f in found] == ["trust-action-mismatch"]
    assert GHES in found[0].message and "GitHub's provider" not in found[0].message


def test_near_miss_ghes_with_web_identity_and_account_with_assume_role(tmp_path):
    operators = {"Effect": "Allow", "Principal": {"AWS": f"{ACCOUNT}:root"},
                 "Action": ["sts:AssumeRole", "sts:TagSession"]}
    assert _rules(tmp_path, _statement(GHES), operators) == []


def test_near_miss_another_provider_with_assume_role(tmp_path):
    assert _rules(tmp_path, _statement("gitlab.example.io", "sts:AssumeRole")) == []


def test_a_tag_session_statement_beside_a_ghes_web_identity_one(tmp_path):
    tags = {"Effect": "Allow", "Principal": {"Federated": f"{ACCOUNT}:oidc-provider/{GHES}"},
            "Action": "sts:TagSession"}
    assert _rules(tmp_path, _statement(GHES), tags) == []


# -- trust-principal-not-github: a provider ARN under `AWS` (lg/02)


def test_a_github_provider_arn_as_an_aws_principal(tmp_path):
    found = _findings(tmp_path, _statement(GITHUB, key="AWS"))
    assert [(f.rule, f.line) for f in found] == [("trust-principal-not-github", 7)]
    assert "`Federated`" in found[0].message and '"Federated"' in found[0].help


def test_another_provider_under_aws_with_githubs_keys(tmp_path):
    stmt = _statement("gitlab.com", key="AWS", prefix=GITHUB)
    assert _rules(tmp_path, stmt) == ["trust-principal-not-github"]


def test_near_miss_account_root_with_assume_role(tmp_path):
    root = {"Effect": "Allow", "Principal": {"AWS": [f"{ACCOUNT}:root", f"{ACCOUNT}:role/ops"]},
            "Action": "sts:AssumeRole"}
    assert _rules(tmp_path, root) == []


def test_near_miss_the_same_provider_under_federated(tmp_path):
    assert _rules(tmp_path, _statement(GITHUB)) == []


def test_near_miss_another_providers_arn_under_aws_with_its_own_keys(tmp_path):
    assert _rules(tmp_path, _statement("gitlab.com", key="AWS")) == []


# -- trust-principal-not-github on a Federated list (lg/03)


def _listed(condition):
    return {"Effect": "Allow",
            "Principal": {"Federated": [f"{ACCOUNT}:oidc-provider/{GITHUB}",
                                        f"{ACCOUNT}:oidc-provider/app.terraform.io"]},
            "Action": "sts:AssumeRoleWithWebIdentity", "Condition": condition}


def test_both_providers_keys_in_one_statement(tmp_path):
    found = _findings(tmp_path, _listed({"StringEquals": {
        f"{GITHUB}:aud": "sts.amazonaws.com", "app.terraform.io:aud": "aws.workload.identity",
        f"{GITHUB}:sub": "repo:acme/app:ref:refs/heads/main"}}))
    assert [f.rule for f in found] == ["trust-principal-not-github"]
    assert "neither GitHub's tokens" in found[0].message
    assert "app.terraform.io:aud" in found[0].message


def test_githubs_keys_only_the_other_entry_admits_nothing(tmp_path):
    found = _findings(tmp_path, _listed({"StringEquals": {
        f"{GITHUB}:aud": "sts.amazonaws.com",
        f"{GITHUB}:sub": "repo:acme/app:ref:refs/heads/main"}}))
    assert [f.rule for f in found] == ["trust-principal-not-github"]
    assert "admits nothing" in found[0].message
    assert "GitHub's tokens are not accepted" not in found[0].message


def test_near_miss_another_provider_alone_keeps_its_message(tmp_path):
    found = _findings(tmp_path, _statement("app.terraform.io", prefix=GITHUB))
    assert [f.rule for f in found] == ["trust-principal-not-github"]
    assert "GitHub's tokens are not accepted" in found[0].message


# -- a statement no GitHub token passes: no trust-aud-missing (lg/09)


def test_no_aud_finding_on_a_statement_with_another_providers_keys(tmp_path):
    stmt = _statement(GITHUB, prefix="accounts.google.com")
    assert _rules(tmp_path, stmt) == ["trust-principal-not-github"]


def test_near_miss_aud_missing_on_a_statement_that_admits(tmp_path):
    stmt = _statement(GITHUB)
    del stmt["Condition"]["StringEquals"][f"{GITHUB}:aud"]
    assert _rules(tmp_path, stmt) == ["trust-aud-missing"]


# -- ecr-tags-mutable: an exclusion filter matching every tag (ld/02)


def _ecr(tmp_path, name, text):
    return [(f.rule, f.line, f.message) for f in
            lint_files(tmp_path, {name: textwrap.dedent(text)}) if f.rule == "ecr-tags-mutable"]


@pytest.mark.parametrize("value, reported", [("*", True), ("**", True), ("release-*", False)])
def test_terraform_exclusion_filter(tmp_path, value, reported):
    found = _ecr(tmp_path, "ecr.tf", f"""\
        resource "aws_ecr_repository" "portal" {{
          name                 = "portal"
          image_tag_mutability = "IMMUTABLE_WITH_EXCLUSION"
          image_tag_mutability_exclusion_filter {{
            filter      = "latest"
            filter_type = "WILDCARD"
          }}
          image_tag_mutability_exclusion_filter {{
            filter      = "{value}"
            filter_type = "WILDCARD"
          }}
        }}
        """)
    assert [(line, f"`{value}`" in message) for _, line, message in found] == \
        ([(9, True)] if reported else [])


@pytest.mark.parametrize("value, reported", [("*", True), ("buildcache-*", False)])
def test_cloudformation_exclusion_filters(tmp_path, value, reported):
    found = _ecr(tmp_path, "ecr.yaml", f"""\
        Resources:
          Web:
            Type: AWS::ECR::Repository
            Properties:
              ImageTagMutability: IMMUTABLE_WITH_EXCLUSION
              ImageTagMutabilityExclusionFilters:
                - ImageTagMutabilityExclusionFilterType: WILDCARD
                  ImageTagMutabilityExclusionFilterValue: "{value}"
        """)
    assert [(line, f"`{value}`" in message) for _, line, message in found] == \
        ([(8, True)] if reported else [])


def test_mutable_with_every_tag_excluded_is_immutable(tmp_path):
    found = _ecr(tmp_path, "ecr.yaml", """\
        Resources:
          Api:
            Type: AWS::ECR::Repository
            Properties:
              ImageTagMutability: MUTABLE_WITH_EXCLUSION
              ImageTagMutabilityExclusionFilters:
                - ImageTagMutabilityExclusionFilterType: WILDCARD
                  ImageTagMutabilityExclusionFilterValue: "*"
          Worker:
            Type: AWS::ECR::Repository
            Properties:
              ImageTagMutability: MUTABLE_WITH_EXCLUSION
              ImageTagMutabilityExclusionFilters:
                - ImageTagMutabilityExclusionFilterType: WILDCARD
                  ImageTagMutabilityExclusionFilterValue: "v*"
        """)
    assert [line for _, line, _ in found] == [12]


@pytest.mark.parametrize("filters", [None, "*", ["*"], [None, 3, {}],
                                     [{"imageTagMutabilityExclusionFilterValue": ["*"]}],
                                     {"filter": "*", "filterType": "WILDCARD"},
                                     [{"filter": "*", "filterType": "REGEX"}]])
def test_every_tag_filter_never_crashes(filters):
    from ecs_lint.rules.ecr import every_tag_filter

    data = {"imageTagMutabilityExclusionFilter": filters,
            "imageTagMutabilityExclusionFilters": filters}
    found = every_tag_filter(data)
    assert found is None or found == (("imageTagMutabilityExclusionFilter", "filter"), "*")
