"""Which provider a trust statement names, and whether its condition keys are
that provider's: keys named after the statement's own principal are evaluated
by IAM (no misspelled GitHub host), and a provider ARN built from the issuer
URL with its scheme names no GitHub provider even when the account is unknown."""
import textwrap

import pytest

from conftest import lint_files

H = "token.actions.githubusercontent.com"
GHES_STYLE = "token.actions.git.orbitalfreight.com"


def trust(key_host, principal_host):
    return {"Version": "2012-10-17", "Statement": [{
        "Effect": "Allow",
        "Principal": {"Federated": f"arn:aws:iam::123456789012:oidc-provider/{principal_host}"},
        "Action": "sts:AssumeRoleWithWebIdentity",
        "Condition": {"StringEquals": {
            f"{key_host}:aud": "sts.amazonaws.com",
            f"{key_host}:sub": "repo:yard-ops/gate-scheduler:ref:refs/heads/main"}}}]}


def host_rules(tmp_path, doc):
    """(rule, line) of the principal and key findings on one trust policy."""
    return sorted((f.rule, f.line) for f in lint_files(tmp_path, {"t.json": doc})
                  if f.rule in ("trust-principal-not-github", "trust-condition-key-unknown"))


@pytest.mark.parametrize("key_host, principal_host, expected", [
    # ii/05: keys named after the statement's own (non-GitHub) provider are its keys
    (GHES_STYLE, GHES_STYLE, []),
    # near-miss: the same host's keys under GitHub's principal are never in its requests
    (GHES_STYLE, H, [("trust-condition-key-unknown", 12), ("trust-condition-key-unknown", 13)]),
    # GitHub's keys under that provider: GitHub's tokens are not accepted
    (H, GHES_STYLE, [("trust-principal-not-github", 7)]),
    # a misspelled host that differs from the principal's is still a misspelling
    ("token.action.githubusercontent.com", H,
     [("trust-condition-key-unknown", 12), ("trust-condition-key-unknown", 13)]),
    # a provider name never carries a scheme: `https://...` keys are no provider's
    ("https://" + H, "https://" + H,
     [("trust-condition-key-unknown", 12), ("trust-condition-key-unknown", 13),
      ("trust-principal-not-github", 7)]),
    # GHE.com's and GHES's issuers keep giving nothing
    ("token.actions.northwind.ghe.com", "token.actions.northwind.ghe.com", []),
    ("github.acme-corp.net/_services/token", "github.acme-corp.net/_services/token", []),
])
def test_keys_of_the_statements_own_provider(tmp_path, key_host, principal_host, expected):
    assert host_rules(tmp_path, trust(key_host, principal_host)) == expected


def test_a_terraform_provider_at_the_ghe_com_layout_is_reported_once(tmp_path):
    # ii/05: provider, principal (its .arn) and keys all name the same wrong host
    tf = textwrap.dedent(f"""\
        locals {{
          host = "{GHES_STYLE}"
        }}
        resource "aws_iam_openid_connect_provider" "ghes" {{
          url            = "https://${{local.host}}"
          client_id_list = ["sts.amazonaws.com"]
        }}
        resource "aws_iam_role" "deploy" {{
          name = "deploy"
          assume_role_policy = jsonencode({{
            Version = "2012-10-17"
            Statement = [{{
              Effect    = "Allow"
              Principal = {{ Federated = aws_iam_openid_connect_provider.ghes.arn }}
              Action    = "sts:AssumeRoleWithWebIdentity"
              Condition = {{ StringEquals = {{
                "${{local.host}}:aud" = "sts.amazonaws.com"
                "${{local.host}}:sub" = "repo:yard-ops/gate-scheduler:ref:refs/heads/main"
              }} }}
            }}]
          }})
        }}
        """)
    found = sorted(f.rule for f in lint_files(tmp_path, {"main.tf": tf})
                   if f.rule.startswith(("trust-", "oidc-provider-")))
    assert found == ["oidc-provider-url-wrong"]


CFN = """\
Parameters:
  ProviderUrl:
    Type: String
    Default: {default}
Resources:
  Role:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Version: "2012-10-17"
        Statement:
          - Effect: Allow
            Principal:
              Federated: !Sub arn:${{AWS::Partition}}:iam::{account}:oidc-provider/${{ProviderUrl}}
            Action: sts:AssumeRoleWithWebIdentity
            Condition:
              StringEquals:
                token.actions.githubusercontent.com:aud: sts.amazonaws.com
                token.actions.githubusercontent.com:sub: repo:o/r:environment:production
"""


@pytest.mark.parametrize("account", ["${AWS::AccountId}", "123456789012"])
@pytest.mark.parametrize("default, expected", [
    # if/03: a provider ARN names the URL without its scheme
    ("https://" + H, [("trust-principal-not-github", 14)]),
    (H, []),  # near-miss: the provider's name
])
def test_a_provider_arn_built_from_the_issuer_url(tmp_path, account, default, expected):
    text = CFN.format(default=default, account=account)
    found = sorted((f.rule, f.line) for f in lint_files(tmp_path, {"t.yaml": text})
                   if f.rule.startswith("trust-"))
    assert found == expected


@pytest.mark.parametrize("principal", [
    {"Federated": ["arn:aws:iam::1:oidc-provider/", None, 3]},
    {"Federated": {"Fn::Sub": ["arn:aws:iam::${AWS::AccountId}:oidc-provider/${X}", 5]}},
    {"Federated": {"Fn::Sub": 7}},
    {"Federated": "oidc-provider/"},
    "*",
])
def test_odd_principals_never_crash(tmp_path, principal):
    doc = trust(GHES_STYLE, GHES_STYLE)
    doc["Statement"][0]["Principal"] = principal
    found = lint_files(tmp_path, {"t.json": doc})
    assert not [f for f in found if f.rule.startswith("internal")]
