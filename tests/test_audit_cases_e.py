"""Audit 'cases-e': blind labeled cases for CloudFormation and Terraform inputs.

Each test holds a minimal repository on which ecs-lint reported something wrong, or
missed a finding RULES.md defines (see the commit that added it for the evidence).
"""
import textwrap

import pytest

from conftest import lint_folder


def _lint_tf(tmp_path, text):
    (tmp_path / "main.tf").write_text(textwrap.dedent(text))
    return sorted((f.rule, f.line) for f in lint_folder(tmp_path))


def test_terraform_data_sources_are_lookups_not_definitions(tmp_path):
    # a data source reads an existing object: its arguments are search keys, so a
    # provider looked up by url has no client_id_list, a service looked up by name no
    # deployment settings; only managed resources are checked
    found = _lint_tf(tmp_path, """\
        data "aws_iam_openid_connect_provider" "github" {
          url = "https://token.actions.githubusercontent.com"
        }

        data "aws_ecs_service" "api" {
          service_name = "api"
          cluster_arn  = "arn:aws:ecs:us-east-1:123456789012:cluster/main"
        }

        data "aws_ecs_task_definition" "api" {
          task_definition = "api"
        }

        data "aws_ecr_repository" "api" {
          name = "api"
        }
        """)
    assert found == []


def test_terraform_managed_provider_still_checked_next_to_a_data_source(tmp_path):
    found = _lint_tf(tmp_path, """\
        data "aws_iam_openid_connect_provider" "existing" {
          url = "https://token.actions.githubusercontent.com"
        }

        resource "aws_iam_openid_connect_provider" "github" {
          url            = "https://token.actions.githubusercontent.com"
          client_id_list = ["https://github.com/myorg"]
        }
        """)
    assert found == [("oidc-provider-audience-missing", 7)]


DEPLOY_WORKFLOW = """\
    on:
      push:
        branches: [main]
    jobs:
      test:
        runs-on: ubuntu-latest
        steps:
          - run: make test
      deploy:
        needs: test
        environment: production
        runs-on: ubuntu-latest
        permissions:
          id-token: write
        steps:
          - uses: aws-actions/configure-aws-credentials@v4
            with:
              role-to-assume: arn:aws:iam::111122223333:role/app-deploy
              aws-region: us-east-1
          - id: render
            uses: aws-actions/amazon-ecs-render-task-definition@v1
            with:
              task-definition: ops/td.json
              container-name: app
              image: 111122223333.dkr.ecr.us-east-1.amazonaws.com/app:${{ github.sha }}
          - uses: aws-actions/amazon-ecs-deploy-task-definition@v2
            with:
              task-definition: ${{ steps.render.outputs.task-definition }}
              cluster: c
              service: app
              wait-for-service-stability: true
    """

TASKDEF = """\
    {"family": "app", "networkMode": "awsvpc", "requiresCompatibilities": ["FARGATE"],
     "cpu": "256", "memory": "512",
     "executionRoleArn": "arn:aws:iam::111122223333:role/app-exec",
     "containerDefinitions": [{"name": "app", "image": "x/app:1.2.3",
                               "logConfiguration": {"logDriver": "awslogs"}}]}
    """

CFN_ROLE = """\
    AWSTemplateFormatVersion: "2010-09-09"
    Resources:
      Role:
        Type: AWS::IAM::Role
        Properties:
          RoleName: app-deploy
          AssumeRolePolicyDocument:
            Version: "2012-10-17"
            Statement:
              - Effect: Allow
                Principal:
                  Federated: !Sub "arn:aws:iam::${AWS::AccountId}:oidc-provider/token.actions.githubusercontent.com"
                Action: sts:AssumeRoleWithWebIdentity
                Condition:
                  StringEquals:
                    token.actions.githubusercontent.com:aud: sts.amazonaws.com
                    token.actions.githubusercontent.com:sub: repo:acme/app:environment:production
    """


def _write(tmp_path, files):
    files = {".github/workflows/deploy.yml": DEPLOY_WORKFLOW, "ops/td.json": TASKDEF,
             ".ecs-lint.yaml": "github:\n  repository: acme/app\n", **files}
    for rel, text in files.items():
        p = tmp_path / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(textwrap.dedent(text))
    return tmp_path


def _repo(tmp_path, files):
    return sorted((f.rule, f.file, f.line) for f in lint_folder(_write(tmp_path, files))
                  if f.severity in ("error", "warning"))


def test_cloudformation_role_policy_is_linted_and_linked_to_its_role(tmp_path):
    # AWS::IAM::RolePolicy embeds an inline policy in the role named by RoleName
    # (CloudFormation reference, AWS::IAM::RolePolicy): its document is a
    # permission policy of that role, for the policy rules and the cross-file ones
    found = _repo(tmp_path, {"cfn/role.yaml": CFN_ROLE.rstrip(" ") + """\
      Deploy:
        Type: AWS::IAM::RolePolicy
        Properties:
          RoleName: !Ref Role
          PolicyName: deploy
          PolicyDocument:
            Version: "2012-10-17"
            Statement:
              - Effect: Allow
                Action: ["ecs:RegisterTaskDefinition", "ecs:UpdateService", "ecs:DescribeServices"]
                Resource: "*"
              - Effect: Allow
                Action: iam:PassRole
                Resource: "*"
    """})
    assert found == [("policy-passrole-wildcard", "cfn/role.yaml", 31)]


def test_cloudformation_role_policy_by_literal_role_name(tmp_path):
    found = _repo(tmp_path, {"cfn/role.yaml": CFN_ROLE.rstrip(" ") + """\
      Deploy:
        Type: AWS::IAM::RolePolicy
        Properties:
          RoleName: app-deploy
          PolicyName: deploy
          PolicyDocument:
            Version: "2012-10-17"
            Statement:
              - Effect: Allow
                Action: ["ecs:RegisterTaskDefinition", "ecs:UpdateService", "ecs:DescribeServices"]
                Resource: "*"
              - Effect: Allow
                Action: iam:PassRole
                Resource: !Sub "arn:aws:iam::${AWS::AccountId}:role/app-task"
                Condition:
                  StringEquals:
                    iam:PassedToService: ecs-tasks.amazonaws.com
    """})
    assert found == [("xref-passrole-not-covered", "cfn/role.yaml", 31)]


ECR_INLINE = """\
          Policies:
            - PolicyName: ecs
              PolicyDocument:
                Version: "2012-10-17"
                Statement:
                  - Effect: Allow
                    Action: ecs:RegisterTaskDefinition
                    Resource: "*"
    """


def test_cloudformation_role_with_an_unread_managed_policy_is_not_judged(tmp_path):
    # the role also has an AWS managed policy (AmazonECS_FullAccess allows the ECS
    # deploy actions and iam:PassRole to ECS tasks): its statements are not in the
    # files read, so "no statement allows ecs:UpdateService" can't be said
    role = CFN_ROLE.rstrip(" ") + """\
          ManagedPolicyArns:
            - arn:aws:iam::aws:policy/AmazonECS_FullAccess
    """.rstrip(" ") + ECR_INLINE
    assert _repo(tmp_path, {"cfn/role.yaml": role}) == []


def test_cloudformation_role_whose_managed_policy_is_in_the_template_is_judged(tmp_path):
    role = CFN_ROLE.rstrip(" ") + """\
          ManagedPolicyArns:
            - !Ref Extra
      Extra:
        Type: AWS::IAM::ManagedPolicy
        Properties:
          PolicyDocument:
            Version: "2012-10-17"
            Statement:
              - Effect: Allow
                Action: ecs:DescribeServices
                Resource: "*"
    """
    rules = {r for r, _, _ in _repo(tmp_path, {"cfn/role.yaml": role})}
    assert rules == {"xref-permission-missing", "xref-passrole-not-covered"}
    assert not any("ecs:DescribeServices" in m for m in _messages(tmp_path))


TF_ROLE = """\
    resource "aws_iam_role" "deploy" {
      name = "app-deploy"
      assume_role_policy = jsonencode({
        Version = "2012-10-17"
        Statement = [{
          Effect    = "Allow"
          Principal = { Federated = "arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com" }
          Action    = "sts:AssumeRoleWithWebIdentity"
          Condition = {
            StringEquals = {
              "token.actions.githubusercontent.com:aud" = "sts.amazonaws.com"
              "token.actions.githubusercontent.com:sub" = "repo:acme/app:environment:production"
            }
          }
        }]
      })
      %s
    }

    resource "aws_iam_role_policy" "ecs" {
      name = "ecs"
      role = aws_iam_role.deploy.id
      policy = jsonencode({
        Version   = "2012-10-17"
        Statement = [{ Effect = "Allow", Action = "ecs:RegisterTaskDefinition", Resource = "*" }]
      })
    }
    """


def test_terraform_role_with_an_unread_attached_policy_is_not_judged(tmp_path):
    tf = TF_ROLE % "" + """\
    resource "aws_iam_role_policy_attachment" "ecs" {
      role       = aws_iam_role.deploy.name
      policy_arn = "arn:aws:iam::aws:policy/AmazonECS_FullAccess"
    }
    """
    assert _repo(tmp_path, {"infra/iam.tf": tf}) == []


def test_terraform_role_with_unread_managed_policy_arns_is_not_judged(tmp_path):
    tf = TF_ROLE % 'managed_policy_arns = ["arn:aws:iam::aws:policy/AmazonECS_FullAccess"]'
    assert _repo(tmp_path, {"infra/iam.tf": tf}) == []


def test_terraform_managed_policy_arns_link_a_policy_of_the_module(tmp_path):
    # managed_policy_arns = [aws_iam_policy.x.arn] attaches that policy to the role
    tf = TF_ROLE % "managed_policy_arns = [aws_iam_policy.extra.arn]" + """\
    resource "aws_iam_policy" "extra" {
      name = "extra"
      policy = jsonencode({
        Version   = "2012-10-17"
        Statement = [{ Effect = "Allow", Action = "ecs:DescribeServices", Resource = "*" }]
      })
    }
    """
    found = _repo(tmp_path, {"infra/iam.tf": tf})
    assert "xref-permission-missing" in {r for r, _, _ in found}
    assert not any("ecs:DescribeServices" in m for m in _messages(tmp_path))


def _messages(tmp_path):
    return [f.message for f in lint_folder(tmp_path) if f.rule == "xref-permission-missing"]


@pytest.mark.parametrize("arn, expected", [
    # AWS managed policies whose text is known are read (lint/managed_policies.py):
    # PowerUserAccess allows everything but IAM, so not iam:PassRole
    ("arn:aws:iam::aws:policy/PowerUserAccess", {"xref-passrole-not-covered"}),
    ("arn:${data.aws_partition.current.partition}:iam::aws:policy/PowerUserAccess",
     {"xref-passrole-not-covered"}),
    # the ECR read-only policy gives nothing of ECS
    ("arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryReadOnly",
     {"xref-permission-missing", "xref-passrole-not-covered"}),
    ("arn:aws:iam::aws:policy/AdministratorAccess", set()),
    ("arn:aws:iam::aws:policy/AmazonECS_FullAccess", set()),
    # a policy whose text is not known may allow anything
    ("arn:aws:iam::aws:policy/ReadOnlyAccess", set()),
    ("arn:aws:iam::111122223333:policy/deploy", set()),
])
def test_terraform_role_with_a_known_aws_managed_policy_is_judged(tmp_path, arn, expected):
    tf = TF_ROLE % "" + f"""\
    resource "aws_iam_role_policy_attachment" "managed" {{
      role       = aws_iam_role.deploy.name
      policy_arn = "{arn}"
    }}
    """
    found = [f for f in lint_folder(_write(tmp_path, {"infra/iam.tf": tf}))
             if f.rule.startswith("xref-")]
    assert {f.rule for f in found} == expected, [f.message for f in found]
    for f in found:
        if f.rule == "xref-permission-missing":  # placed in the role's own policy
            assert f.file == "infra/iam.tf" and "in this policy" in f.help


def test_a_role_with_only_a_managed_policy_points_at_its_attachment(tmp_path):
    role = CFN_ROLE.rstrip(" ") + """\
          ManagedPolicyArns:
            - arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryPowerUser
    """
    found = [f for f in lint_folder(_write(tmp_path, {"cfn/role.yaml": role}))
             if f.rule == "xref-permission-missing"]
    assert found and all("ecs:" in f.message for f in found)
    text = (tmp_path / "cfn" / "role.yaml").read_text().splitlines()
    assert all("AmazonEC2ContainerRegistryPowerUser" in text[f.line - 1] for f in found)
    assert all("AWS managed AmazonEC2ContainerRegistryPowerUser does not" in f.help
               for f in found)


@pytest.mark.parametrize("arn, missing", [
    ("arn:aws:iam::aws:policy/PowerUserAccess", True),  # no iam:PassRole in it
    ("arn:aws:iam::aws:policy/AmazonECS_FullAccess", False),  # passes roles to ECS tasks
    ("arn:aws:iam::aws:policy/ReadOnlyAccess", False),  # not known: may allow it
])
def test_passrole_missing_reads_known_managed_policies(tmp_path, arn, missing):
    tf = TF_ROLE % f'managed_policy_arns = ["{arn}"]'
    found = [f.rule for f in lint_folder(_write(tmp_path, {"infra/iam.tf": tf}))]
    assert ("policy-passrole-missing" in found) is missing


TF_FULL_POLICY = """\
    resource "aws_iam_role_policy" "all" {
      name = "all"
      role = aws_iam_role.deploy.id
      policy = jsonencode({
        Version   = "2012-10-17"
        Statement = [
          { Effect = "Allow", Action = ["ecs:UpdateService", "ecs:DescribeServices"], Resource = "*" },
          { Effect = "Allow", Action = "iam:PassRole", Resource = "*",
            Condition = { StringEquals = { "iam:PassedToService" = "ecs-tasks.amazonaws.com" } } }
        ]
      })
    }
    """


@pytest.mark.parametrize("boundary, actions", [
    # a role may do only what both its policies and its permissions boundary allow
    ('["ecs:*", "iam:PassRole"]', set()),
    ('["ecs:RegisterTaskDefinition", "ecs:UpdateService", "iam:PassRole"]',
     {"ecs:DescribeServices"}),
    ('["ecs:*"]', {"iam:PassRole"}),
])
def test_a_terraform_permissions_boundary_limits_the_role(tmp_path, boundary, actions):
    tf = TF_ROLE % "permissions_boundary = aws_iam_policy.boundary.arn" + TF_FULL_POLICY + f"""\
    resource "aws_iam_policy" "boundary" {{
      name   = "boundary"
      policy = jsonencode({{
        Version   = "2012-10-17"
        Statement = [{{ Effect = "Allow", Action = {boundary}, Resource = "*" }}]
      }})
    }}
    """
    found = [f for f in lint_folder(_write(tmp_path, {"infra/iam.tf": tf}))
             if f.rule.startswith("xref-")]
    said = {"ecs:DescribeServices" for f in found
            if "is not allowed ecs:DescribeServices" in f.message}
    said |= {"iam:PassRole" for f in found if f.rule == "xref-passrole-not-covered"}
    assert said == actions, [f.message for f in found]
    assert all("permissions boundary" in f.message for f in found)
    text = (tmp_path / "infra" / "iam.tf").read_text().splitlines()
    assert all(f.line > text.index('    resource "aws_iam_policy" "boundary" {') for f in found)


@pytest.mark.parametrize("boundary, reported", [
    ("arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryPowerUser", True),  # no ECS in it
    ("arn:aws:iam::aws:policy/PowerUserAccess", True),  # no iam:PassRole in it
    ("arn:aws:iam::aws:policy/AdministratorAccess", False),
    ("arn:aws:iam::111122223333:policy/boundary", False),  # not read: may allow it
])
def test_a_boundary_by_arn_is_read_when_its_text_is_known(tmp_path, boundary, reported):
    tf = TF_ROLE % f'permissions_boundary = "{boundary}"' + TF_FULL_POLICY
    found = [f for f in lint_folder(_write(tmp_path, {"infra/iam.tf": tf}))
             if f.rule.startswith("xref-")]
    assert bool(found) is reported, [f.message for f in found]


def test_a_cloudformation_permissions_boundary_limits_the_role(tmp_path):
    role = CFN_ROLE.rstrip(" ") + """\
          PermissionsBoundary: !Ref Boundary
          Policies:
            - PolicyName: all
              PolicyDocument:
                Version: "2012-10-17"
                Statement:
                  - Effect: Allow
                    Action: ["ecs:*", "iam:PassRole"]
                    Resource: "*"
      Boundary:
        Type: AWS::IAM::ManagedPolicy
        Properties:
          PolicyDocument:
            Version: "2012-10-17"
            Statement:
              - Effect: Allow
                Action: ["ecs:*"]
                Resource: "*"
    """
    found = [f for f in lint_folder(_write(tmp_path, {"cfn/role.yaml": role}))
             if f.rule.startswith("xref-")]
    assert [f.rule for f in found] == ["xref-passrole-not-covered"], [f.message for f in found]
    assert "permissions boundary" in found[0].message


@pytest.mark.parametrize("boundary", [
    "[]", "{}", "42", "null", '["arn:aws:iam::aws:policy/PowerUserAccess"]',
    '"arn:aws:iam::aws:policy/"', "aws_iam_policy.missing.arn", "var.nothing",
    '"${var.nothing}/PowerUserAccess"',
])
def test_a_permissions_boundary_of_any_shape_does_not_break_the_run(tmp_path, boundary):
    tf = 'variable "nothing" {}\n' + TF_ROLE % f"permissions_boundary = {boundary}" \
        + TF_FULL_POLICY
    found = lint_folder(_write(tmp_path, {"infra/iam.tf": tf}))
    assert not [f for f in found if f.rule in ("internal-error", "parse-error")]
