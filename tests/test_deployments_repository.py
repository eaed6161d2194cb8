"""A workflow that deploys a template or a Terraform root with the
repository's own name (`${{ github.repository }}` and the like): the name is
known from the config's `github.repository`, else the git `origin` remote
(iq/09)."""
import textwrap

from hypothesis import given, strategies as st

from conftest import lint_files
from ecs_lint import deployments

ROLE = textwrap.dedent("""\
    AWSTemplateFormatVersion: "2010-09-09"
    Parameters:
      Org: {Type: String}
      Name: {Type: String}
    Resources:
      DeployRole:
        Type: AWS::IAM::Role
        Properties:
          AssumeRolePolicyDocument:
            Version: "2012-10-17"
            Statement:
              - Effect: Allow
                Principal:
                  Federated: !Sub arn:aws:iam::${AWS::AccountId}:oidc-provider/token.actions.githubusercontent.com
                Action: sts:AssumeRoleWithWebIdentity
                Condition:
                  StringEquals:
                    token.actions.githubusercontent.com:aud: sts.amazonaws.com
                  StringLike:
                    token.actions.githubusercontent.com:sub: !Sub repo:${Org}/${Name}:*
    """)


def _workflow(overrides):
    return textwrap.dedent(f"""\
        on: {{push: {{branches: [main]}}}}
        permissions: {{contents: read}}
        jobs:
          iam:
            runs-on: ubuntu-latest
            steps:
              - run: >-
                  aws cloudformation deploy --template-file role.yaml --stack-name r
                  --parameter-overrides {overrides}
        """)


def _any_context(tmp_path, overrides, config=None, git_origin=None):
    files = {"role.yaml": ROLE, ".github/workflows/iam.yml": _workflow(overrides)}
    if git_origin:
        files[".git/config"] = f'[remote "origin"]\n\turl = {git_origin}\n'
    found = [f for f in lint_files(tmp_path, files, config)
             if f.rule == "trust-sub-any-context"]
    assert len(found) == 1
    return found[0].message


OVERRIDES = ("Org=${{ github.repository_owner }} "
             "Name=${{ github.event.repository.name }}")


def test_owner_and_name_from_the_config(tmp_path):
    message = _any_context(tmp_path, OVERRIDES, "github:\n  repository: acme/app\n")
    assert "`repo:acme/app:pull_request`" in message


def test_owner_and_name_from_the_git_remote(tmp_path):
    message = _any_context(tmp_path, OVERRIDES, git_origin="git@github.com:zeta/svc.git")
    assert "`repo:zeta/svc:pull_request`" in message


def test_repository_unknown_stays_unresolved(tmp_path):
    # near miss: no config, no remote: the parameters are not known
    message = _any_context(tmp_path, OVERRIDES)
    assert "acme" not in message and "unresolved" in message


TF_ROLE = textwrap.dedent("""\
    variable "repo" {
      type = string
    }
    resource "aws_iam_role" "deploy" {
      name = "app-deploy"
      assume_role_policy = jsonencode({
        Version = "2012-10-17"
        Statement = [{
          Effect    = "Allow"
          Principal = { Federated = "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com" }
          Action    = "sts:AssumeRoleWithWebIdentity"
          Condition = {
            StringEquals = { "token.actions.githubusercontent.com:aud" = "sts.amazonaws.com" }
            StringLike   = { "token.actions.githubusercontent.com:sub" = "repo:${var.repo}:*" }
          }
        }]
      })
    }
    """)


def test_terraform_var_of_the_repository(tmp_path):
    run = 'terraform -chdir=infra apply -auto-approve -var "repo=${{ github.repository }}"'
    files = {"infra/main.tf": TF_ROLE,
             ".github/workflows/iam.yml": _workflow("x").replace(
                 "aws cloudformation deploy --template-file role.yaml --stack-name r", run)
             .replace("--parameter-overrides x", "")}
    found = [f for f in lint_files(tmp_path, files, "github:\n  repository: acme/app\n")
             if f.rule == "trust-sub-any-context"]
    assert [(f.file, f.span.line) for f in found] == [("infra/main.tf", 14)]
    assert "`repo:acme/app:pull_request`" in found[0].message


def test_other_contexts_are_left_alone():
    data = {"a": ["${{ github.repository }}", "${{ github.sha }}", "${{ GITHUB.Repository_Owner }}"],
            "b": {"c": "x-${{github.event.repository.name}}-y", "d": 3}}
    assert deployments._with_repository(data, "o/r") == {
        "a": ["o/r", "${{ github.sha }}", "o"], "b": {"c": "x-r-y", "d": 3}}


@given(st.recursive(st.text(max_size=40) | st.integers() | st.none(),
                    lambda kids: st.lists(kids, max_size=4)
                    | st.dictionaries(st.text(max_size=8), kids, max_size=4), max_leaves=30))
def test_filling_never_adds_a_context_and_keeps_text_without_one(value):
    filled = deployments._with_repository(value, "o/r")

    def walk(a, b):
        if isinstance(a, str):
            assert b == a if "github." not in a.lower() else "github.repository }}" not in b
        elif isinstance(a, dict):
            assert list(a) == list(b)
            for k in a:
                walk(a[k], b[k])
        elif isinstance(a, list):
            assert len(a) == len(b)
            for x, y in zip(a, b):
                walk(x, y)
        else:
            assert a == b
    walk(value, filled)
