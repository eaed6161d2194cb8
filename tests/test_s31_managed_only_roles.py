"""A role whose only permissions are attached AWS managed policies has no
permission document of its own: policy-passrole-missing reads it through its
trust policy. PowerUserAccess allows ecs:RegisterTaskDefinition and no
iam:PassRole, so a role given only it cannot register a task definition that
names a role; AdministratorAccess can, a customer managed policy that is not
read may, and task definitions that name no role need no PassRole."""
import pytest

from conftest import lint_files

MISSING = "policy-passrole-missing"

TRUST = """\
data "aws_iam_policy_document" "trust" {
  statement {
    actions = ["sts:AssumeRoleWithWebIdentity"]
    principals {
      type        = "Federated"
      identifiers = ["arn:aws:iam::381726405519:oidc-provider/token.actions.githubusercontent.com"]
    }
    condition {
      test     = "StringEquals"
      variable = "token.actions.githubusercontent.com:aud"
      values   = ["sts.amazonaws.com"]
    }
    condition {
      test     = "StringEquals"
      variable = "token.actions.githubusercontent.com:sub"
      values   = ["repo:pelican/ledger:environment:production"]
    }
  }
}

resource "aws_iam_role" "deploy" {
  name               = "ledger-deploy"
  assume_role_policy = data.aws_iam_policy_document.trust.json
}
"""


def attachment(name, policy_arn):
    return f"""
resource "aws_iam_role_policy_attachment" "{name}" {{
  role       = aws_iam_role.deploy.name
  policy_arn = "{policy_arn}"
}}
"""


INLINE_PASSROLE = """
resource "aws_iam_role_policy" "pass" {
  role   = aws_iam_role.deploy.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = "iam:PassRole"
      Resource = "arn:aws:iam::381726405519:role/ledger-*"
      Condition = { StringEquals = { "iam:PassedToService" = "ecs-tasks.amazonaws.com" } }
    }]
  })
}
"""

TASKDEF = """
resource "aws_ecs_task_definition" "ledger" {
  family                   = "ledger"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 256
  memory                   = 512
  %s
  container_definitions = jsonencode([{
    name      = "ledger"
    image     = "381726405519.dkr.ecr.eu-west-1.amazonaws.com/ledger:1.4.2"
    essential = true
  }])
}
"""
ROLES = 'execution_role_arn = "arn:aws:iam::381726405519:role/ledger-execution"'

POWER_USER = "arn:aws:iam::aws:policy/PowerUserAccess"
ADMIN = "arn:aws:iam::aws:policy/AdministratorAccess"
CUSTOMER = "arn:aws:iam::381726405519:policy/ledger-deploy-extra"


def findings(tmp_path, *extra, taskdef_roles=ROLES):
    text = TRUST + "".join(extra) + TASKDEF % taskdef_roles
    return [f for f in lint_files(tmp_path, {"infra/main.tf": text}) if f.rule == MISSING]


def test_power_user_alone_cannot_pass_the_task_definitions_roles(tmp_path):
    found = findings(tmp_path, attachment("power", POWER_USER))
    assert len(found) == 1
    message = found[0].message
    assert "PowerUserAccess" in message and "aws_iam_role.deploy" in message
    assert found[0].file.endswith("infra/main.tf")


@pytest.mark.parametrize("extra", [
    [attachment("admin", ADMIN)],                               # allows iam:PassRole
    [attachment("power", POWER_USER), INLINE_PASSROLE],         # its own policy passes them
    [attachment("power", POWER_USER), attachment("x", CUSTOMER)],  # not read: may pass them
    [attachment("ro", "arn:aws:iam::aws:policy/ReadOnlyAccess")],  # cannot register at all
], ids=["admin", "inline-passrole", "customer-policy-unread", "read-only"])
def test_roles_that_can_pass_or_cannot_register_are_not_reported(tmp_path, extra):
    assert findings(tmp_path, *extra) == []


def test_task_definitions_naming_no_role_need_no_pass_role(tmp_path):
    assert findings(tmp_path, attachment("power", POWER_USER), taskdef_roles="") == []


def test_power_user_beside_an_inline_policy_without_pass_role(tmp_path):
    ecr_only = INLINE_PASSROLE.replace('"iam:PassRole"', '"ecr:GetAuthorizationToken"') \
        .replace("arn:aws:iam::381726405519:role/ledger-*", "*")
    found = findings(tmp_path, attachment("power", POWER_USER), ecr_only)
    assert len(found) == 1 and "PowerUserAccess" in found[0].message
