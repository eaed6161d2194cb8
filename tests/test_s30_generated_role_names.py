"""A Terraform role whose name Terraform generates (`name_prefix`, or no name:
`terraform-`), named by a task definition as `aws_iam_role.task.arn`: its ARN
is the prefix followed by a part no other role's name has and that is no `*`,
so iam:PassRole on `role/<prefix>*`, on `role/*` or on the role itself reaches
it, and on other roles of the module (by reference, by name, by another
prefix) does not (policy-passrole-missing, xref-passrole-not-covered)."""
import textwrap

import pytest

from conftest import lint_files
from ecs_lint import terraform
from ecs_lint.values import Template, Unknown

ACCOUNT = "284716390552"
MISSING = "policy-passrole-missing"
NOT_COVERED = "xref-passrole-not-covered"

# a task definition the job registers from the revision Terraform registered
WORKFLOW = f"""\
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
          role-to-assume: arn:aws:iam::{ACCOUNT}:role/api-deploy
          aws-region: eu-west-2
      - run: |
          aws ecs describe-task-definition --task-definition api \\
            --query taskDefinition > task-definition.json
      - id: render
        uses: aws-actions/amazon-ecs-render-task-definition@v1
        with:
          task-definition: task-definition.json
          container-name: api
          image: {ACCOUNT}.dkr.ecr.eu-west-2.amazonaws.com/api:${{{{ github.sha }}}}
      - uses: aws-actions/amazon-ecs-deploy-task-definition@v2
        with:
          task-definition: ${{{{ steps.render.outputs.task-definition }}}}
          cluster: main
          service: api
"""

# the task role is `%(task_role)s`; iam:PassRole names the execution role and `%(passed)s`
MODULE = """\
data "aws_iam_policy_document" "ecs_tasks" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["ecs-tasks.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "execution" {
  name               = "api-execution"
  assume_role_policy = data.aws_iam_policy_document.ecs_tasks.json
}

resource "aws_iam_role" "task" {
  %(task_role)s
  assume_role_policy = data.aws_iam_policy_document.ecs_tasks.json
}

resource "aws_iam_role" "worker" {
  assume_role_policy = data.aws_iam_policy_document.ecs_tasks.json
}

resource "aws_ecs_task_definition" "api" {
  family                   = "api"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = "256"
  memory                   = "512"
  execution_role_arn       = aws_iam_role.execution.arn
  task_role_arn            = aws_iam_role.task.arn
  container_definitions = jsonencode([
    { name = "api", image = "%(account)s.dkr.ecr.eu-west-2.amazonaws.com/api:1", essential = true }
  ])
}

resource "aws_iam_openid_connect_provider" "github" {
  url            = "https://token.actions.githubusercontent.com"
  client_id_list = ["sts.amazonaws.com"]
}

resource "aws_iam_role" "deploy" {
  name = "api-deploy"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRoleWithWebIdentity"
      Principal = { Federated = aws_iam_openid_connect_provider.github.arn }
      Condition = {
        StringEquals = {
          "token.actions.githubusercontent.com:aud" = "sts.amazonaws.com"
          "token.actions.githubusercontent.com:sub" = "repo:acme/api:environment:production"
        }
      }
    }]
  })

  inline_policy {
    name = "deploy"
    policy = jsonencode({
      Version = "2012-10-17"
      Statement = [
        {
          Effect   = "Allow"
          Action   = ["ecs:DescribeTaskDefinition", "ecs:RegisterTaskDefinition"]
          Resource = "*"
        },
        {
          Effect   = "Allow"
          Action   = ["ecs:DescribeServices", "ecs:UpdateService"]
          Resource = "arn:aws:ecs:eu-west-2:%(account)s:service/main/api"
        },
        {
          Effect    = "Allow"
          Action    = "iam:PassRole"
          Resource  = [aws_iam_role.execution.arn, %(passed)s]
          Condition = { StringEquals = { "iam:PassedToService" = "ecs-tasks.amazonaws.com" } }
        },
      ]
    })
  }
}
"""

PREFIX = 'name_prefix = "api-task-"'
UNNAMED = ""


def _passrole_rules(tmp_path, task_role, passed, workflow=True):
    """The sorted PassRole rules (MISSING, NOT_COVERED) that fire on the module
    with `task_role` and `passed`, with or without the workflow."""
    files = {"infra/main.tf": MODULE % {"task_role": task_role, "passed": passed,
                                        "account": ACCOUNT}}
    if workflow:
        files[".github/workflows/deploy.yml"] = WORKFLOW
    found = lint_files(tmp_path, files, config="github:\n  repository: acme/api\n")
    return sorted({f.rule for f in found if f.rule in (MISSING, NOT_COVERED)})


def _role(name: str) -> str:
    return f'"arn:aws:iam::{ACCOUNT}:role/{name}"'


@pytest.mark.parametrize("task_role, passed", [
    (PREFIX, '"arn:aws:iam::%s:role/api-execution"' % ACCOUNT),  # only the execution role
    (PREFIX, _role("api-worker")),  # another role by name
    (PREFIX, _role("api-worker-*")),  # another prefix
    (PREFIX, _role("api-task")),  # the prefix alone: the generated name is longer
    (UNNAMED, _role("api-worker")),
    (UNNAMED, "aws_iam_role.worker.arn"),  # another generated name: one role each
])
@pytest.mark.parametrize("workflow", [True, False])
def test_passrole_that_cannot_reach_a_generated_name_is_reported(tmp_path, task_role, passed,
                                                                 workflow):
    expected = [MISSING, NOT_COVERED] if workflow else [MISSING]
    assert _passrole_rules(tmp_path, task_role, passed, workflow) == expected


@pytest.mark.parametrize("task_role, passed", [
    (PREFIX, _role("api-task-*")),  # the pattern the generated name starts with
    (PREFIX, _role("*")),
    (PREFIX, "aws_iam_role.task.arn"),  # the role itself
    (UNNAMED, _role("terraform-*")),
    (UNNAMED, "aws_iam_role.task.arn"),
    ('name = "api-task"', _role("api-task")),  # a name of its own, named as written
])
@pytest.mark.parametrize("workflow", [True, False])
def test_passrole_that_may_reach_a_generated_name_is_fine(tmp_path, task_role, passed, workflow):
    assert _passrole_rules(tmp_path, task_role, passed, workflow) == []


def test_the_message_shows_the_prefix_and_the_generated_part(tmp_path):
    files = {"infra/main.tf": MODULE % {"task_role": PREFIX, "passed": _role("api-worker"),
                                        "account": ACCOUNT}}
    found = lint_files(tmp_path, files)
    messages = [f.message for f in found if f.rule == MISSING]
    assert len(messages) == 1 and "role/api-task-<aws_iam_role.task>" in messages[0], messages


def test_role_name_keeps_an_unknown_part_unless_given_one():
    # (the name read to link policies to roles: a prefix and a hole)
    prefixed = {"name_prefix": "api-task-"}
    assert terraform._role_name(prefixed) == Template(("api-task-", Unknown("name_prefix")))
    assert terraform._role_name(prefixed, generated="<r>") == "api-task-<r>"
    assert terraform._role_name({}) is None
    assert terraform._role_name({}, generated="<r>") == "terraform-<r>"
    assert terraform._role_name({"name": "api", "name_prefix": "x-"}, generated="<r>") == "api"
    assert terraform._role_name({"name_prefix": ["not", "a", "name"]}, generated="<r>") is None
