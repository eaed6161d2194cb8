"""A template's deployments (the iq cases): a SAM project's samconfig.yaml,
a deploy inside a local composite action, the stack name as
`AWS::StackName`."""
import textwrap

import pytest

from conftest import lint_files
from test_stack_params import SERVICE, found, workflow

SAMCONFIG_YAML = """\
version: 0.1
default:
  deploy:
    parameters:
      stack_name: app-dev
production:
  global:
    parameters:
      stack_name: app-production
  deploy:
    parameters:
      parameter_overrides: >-
        ImageTag=1.42.0
        MaximumPercent=100
"""


@pytest.mark.parametrize("env, expected", [
    # iq/01: the production section's overrides: pinned, the percent blocks
    ("production", [("service-deployment-blocked", "samconfig.yaml", 14)]),  # at the value
    # near miss: the default section passes nothing: the defaults
    ("default", [("taskdef-image-latest", "template.yaml", 8)]),
])
def test_sam_deploy_reads_samconfig_yaml(tmp_path, env, expected):
    files = {"template.yaml": SERVICE, "samconfig.yaml": SAMCONFIG_YAML,
             ".github/workflows/deploy.yml": workflow(f"- run: sam deploy --config-env {env}\n")}
    assert found(tmp_path, files) == expected


def test_samconfig_toml_comes_before_samconfig_yaml(tmp_path):
    # SAM CLI reads the first of samconfig.toml, .yaml, .yml that exists
    toml = '[production.deploy.parameters]\nparameter_overrides = "MaximumPercent=200"\n'
    files = {"template.yaml": SERVICE, "samconfig.yaml": SAMCONFIG_YAML, "samconfig.toml": toml,
             ".github/workflows/deploy.yml":
                 workflow("- run: sam deploy --config-env production\n")}
    assert found(tmp_path, files) == [("taskdef-image-latest", "template.yaml", 8)]


@pytest.mark.parametrize("config", [
    "- 1\n- 2\n", "production: 3\n", "production:\n  deploy: [1]\n",
    "production:\n  deploy:\n    parameters:\n      parameter_overrides: [ImageTag=v1, 3]\n",
    "production: {global: {parameters: 7}, deploy: {parameters: {stack_name: [1]}}}\n",
    ": : :\n", "!!python/object:os.system x\n",
])
def test_samconfig_yaml_of_any_shape_is_read_without_crashing(tmp_path, config):
    files = {"template.yaml": SERVICE, "samconfig.yaml": config,
             ".github/workflows/deploy.yml":
                 workflow("- run: sam deploy --config-env production\n")}
    assert all(f.rule != "internal-error" for f in lint_files(tmp_path, files))


ACTION = """\
name: deploy-stack
inputs:
  image-tag:
    required: false
    default: latest
runs:
  using: composite
  steps:
    - shell: bash
      run: |
        aws cloudformation deploy --stack-name app --template-file cfn/service.yaml \\
          --parameter-overrides ImageTag=${{ inputs.image-tag }} MaximumPercent=200
"""


@pytest.mark.parametrize("with_, expected", [
    # iq/07: the caller leaves image-tag at its default: where the default is written
    ("", [("taskdef-image-latest", ".github/actions/deploy-stack/action.yml", 5)]),
    # the caller passes latest: where it passes it
    ("\n  with:\n    image-tag: latest",
     [("taskdef-image-latest", ".github/workflows/deploy.yml", 11)]),
    # near miss: the caller pins the tag
    ("\n  with:\n    image-tag: v1.2.3", []),
])
def test_a_deploy_in_a_local_composite_action_is_read(tmp_path, with_, expected):
    files = {"cfn/service.yaml": SERVICE, ".github/actions/deploy-stack/action.yml": ACTION,
             ".github/workflows/deploy.yml":
                 workflow(f"- uses: ./.github/actions/deploy-stack{with_}\n")}
    assert found(tmp_path, files) == expected


ROLE_TEMPLATE = """\
AWSTemplateFormatVersion: "2010-09-09"
Resources:
  DeployRole:
    Type: AWS::IAM::Role
    Properties:
      RoleName: !Sub ${AWS::StackName}-deploy
      AssumeRolePolicyDocument:
        Version: "2012-10-17"
        Statement:
          - Effect: Allow
            Principal:
              Federated: !Sub "arn:aws:iam::${AWS::AccountId}:oidc-provider/\\
                token.actions.githubusercontent.com"
            Action: sts:AssumeRoleWithWebIdentity
            Condition:
              StringEquals:
                token.actions.githubusercontent.com:aud: sts.amazonaws.com
                token.actions.githubusercontent.com:sub: repo:myorg/app:ref:refs/heads/main
"""

IAM_WORKFLOW = """\
on: {push: {branches: [main]}}
permissions: {id-token: write, contents: read}
jobs:
  role:
    runs-on: ubuntu-latest
    steps:
      - run: aws cloudformation deploy --stack-name %s --template-file iam/role.yaml
"""

DEPLOY_WORKFLOW = """\
on: {push: {branches: [main]}}
permissions: {id-token: write, contents: read}
jobs:
  deploy:
    runs-on: ubuntu-latest
    environment: production
    steps:
      - uses: aws-actions/configure-aws-credentials@v4
        with:
          role-to-assume: arn:aws:iam::123456789012:role/app-prod-deploy
          aws-region: eu-west-1
"""


@pytest.mark.parametrize("stack, expected", [
    # iq/06: the stack app-prod makes the role app-prod-deploy, which the
    # production job assumes: its trust (branch main) refuses the job's token
    ("app-prod", [("xref-sub-not-admitted", "iam/role.yaml", 18)]),
    # near miss: another stack's role; the job's role is not this one
    ("app-staging", []),
])
def test_the_stack_name_is_the_deployments(tmp_path, stack, expected):
    files = {"iam/role.yaml": ROLE_TEMPLATE,
             ".github/workflows/iam.yml": IAM_WORKFLOW % stack,
             ".github/workflows/deploy.yml": DEPLOY_WORKFLOW}
    got = lint_files(tmp_path, files, "github:\n  repository: myorg/app\n")
    assert sorted((f.rule, f.file, f.span.line) for f in got
                  if f.rule == "xref-sub-not-admitted" and f.file == "iam/role.yaml") == expected


def test_a_stack_name_from_an_expression_is_not_known(tmp_path):
    files = {"iam/role.yaml": ROLE_TEMPLATE,
             ".github/workflows/iam.yml": IAM_WORKFLOW % "${{ vars.STACK }}",
             ".github/workflows/deploy.yml": DEPLOY_WORKFLOW}
    got = lint_files(tmp_path, files, "github:\n  repository: myorg/app\n")
    assert [f for f in got if f.rule == "xref-sub-not-admitted" and f.file == "iam/role.yaml"] \
        == []
