"""taskdef-secret-in-environment (the lb cases): a reference to a secret is not
the secret (CloudFormation `Ref` of an `AWS::SecretsManager::Secret` is its
ARN, Terraform `aws_ssm_parameter.x.arn` an ARN), while what puts the value
in the task definition (a parameter, a variable, a dynamic reference,
`secret_string`, `random_password.x.result`) still is; and a public key's name
(`VAPID_PUBLIC_KEY`) makes a long random value that key, not a secret."""
import json
import textwrap

import pytest

from conftest import lint_files
from ecs_lint.rules.taskdef import public_key_name, secret_name, secret_value

RULE = "taskdef-secret-in-environment"


def _reported(tmp_path, files):
    """The environment names the rule reports on a folder of `files` (dedented)."""
    files = {k: textwrap.dedent(v) if isinstance(v, str) else v for k, v in files.items()}
    return sorted(f.message.split(" of container")[0].split()[-1]
                  for f in lint_files(tmp_path, files) if f.rule == RULE)


# --- CloudFormation ------------------------------------------------------------

STACK = """\
Parameters:
  SentryAuthToken:
    Type: String
    NoEcho: true
Resources:
  WebhookSecret:
    Type: AWS::SecretsManager::Secret
  TokenParameter:
    Type: AWS::SSM::Parameter
    Properties:
      Type: String
      Value: not-in-a-secret
  BotKey:
    Type: AWS::IAM::AccessKey
    Properties:
      UserName: bot
  Generated:
    Type: Custom::RandomPassword
    Properties:
      ServiceToken: arn:aws:lambda:us-east-1:123456789012:function:generate
  TaskDefinition:
    Type: AWS::ECS::TaskDefinition
    Properties:
      Family: payments
      ExecutionRoleArn: arn:aws:iam::123456789012:role/payments-exec
      ContainerDefinitions:
        - Name: worker
          Image: 123456789012.dkr.ecr.us-east-1.amazonaws.com/payments:1.4.2
          LogConfiguration:
            LogDriver: awslogs
          Environment:
%s
"""


def _stack(**env):
    lines = []
    for name, value in env.items():
        lines += [f"            - Name: {name}", f"              Value: {value}"]
    return STACK % "\n".join(lines)


@pytest.mark.parametrize("value", [
    "!Ref WebhookSecret",  # the secret's ARN
    "!GetAtt WebhookSecret.Id",  # the secret's ARN too
    '!Sub "${WebhookSecret}"',
    "!Ref TokenParameter",  # the parameter's name
    "!ImportValue shared-webhook-secret-arn",
    '!Sub "arn:aws:secretsmanager:${AWS::Region}:${AWS::AccountId}:secret:payments/webhook"',
])
def test_a_reference_to_a_secret_under_a_secrets_name_is_not_reported(tmp_path, value):
    assert _reported(tmp_path, {"stack.yaml": _stack(STRIPE_WEBHOOK_SECRET=value)}) == []


@pytest.mark.parametrize("value", [
    "!Ref SentryAuthToken",  # a NoEcho parameter: its value is written in clear text
    '!Sub "${SentryAuthToken}"',
    "!GetAtt TokenParameter.Value",  # the parameter's value, not its name
    "!GetAtt BotKey.SecretAccessKey",  # an attribute that is a secret
    "!GetAtt Generated.Password",  # a custom resource returns whatever it makes
    '"{{resolve:ssm:/payments/webhook}}"',  # CloudFormation writes the value in
])
def test_a_value_under_a_secrets_name_is_reported(tmp_path, value):
    assert _reported(tmp_path, {"stack.yaml": _stack(STRIPE_WEBHOOK_SECRET=value)}) \
        == ["STRIPE_WEBHOOK_SECRET"]


@pytest.mark.parametrize("value", ['"{{resolve:secretsmanager:payments/webhook:SecretString:key}}"',
                                   '"{{resolve:ssm-secure:/payments/webhook}}"'])
def test_a_dynamic_reference_to_a_secret_is_reported_under_any_name(tmp_path, value):
    assert _reported(tmp_path, {"stack.yaml": _stack(WEBHOOK_CONFIG=value)}) == ["WEBHOOK_CONFIG"]


# --- Terraform ---------------------------------------------------------------

MAIN_TF = """\
variable "db_password" {
  type      = string
  sensitive = true
}

resource "aws_secretsmanager_secret" "api" {
  name = "payments/api"
}

resource "aws_secretsmanager_secret_version" "api" {
  secret_id     = aws_secretsmanager_secret.api.id
  secret_string = var.db_password
}

resource "aws_ssm_parameter" "token" {
  name  = "/payments/token"
  type  = "SecureString"
  value = var.db_password
}

data "aws_ssm_parameter" "token" {
  name = "/payments/token"
}

resource "random_password" "db" {
  length = 32
}

resource "aws_ecs_task_definition" "app" {
  family             = "payments"
  execution_role_arn = "arn:aws:iam::123456789012:role/payments-exec"
  container_definitions = jsonencode([{
    name             = "app"
    image            = "123456789012.dkr.ecr.us-east-1.amazonaws.com/payments:1.4.2"
    logConfiguration = { logDriver = "awslogs" }
    environment      = [{ name = "API_SECRET", value = %s }]
  }])
}
"""


@pytest.mark.parametrize("value", [
    "aws_secretsmanager_secret.api.arn", "aws_secretsmanager_secret.api.id",
    "aws_secretsmanager_secret.api.name",  # "payments/api": the secret's name
    "aws_ssm_parameter.token.arn", "aws_ssm_parameter.token.name",
    "data.aws_ssm_parameter.token.arn", '"${aws_secretsmanager_secret.api.arn}"',
])
def test_terraform_references_to_a_secret_are_not_reported(tmp_path, value):
    assert _reported(tmp_path, {"main.tf": MAIN_TF % value}) == []


@pytest.mark.parametrize("value", [
    "aws_secretsmanager_secret_version.api.secret_string", "data.aws_ssm_parameter.token.value",
    "aws_ssm_parameter.token.value", "random_password.db.result", "var.db_password",
])
def test_terraform_values_of_a_secret_are_reported(tmp_path, value):
    assert _reported(tmp_path, {"main.tf": MAIN_TF % value}) == ["API_SECRET"]


def test_a_secrets_name_with_a_plain_password_is_still_reported(tmp_path):
    td = {"family": "payments", "executionRoleArn": "arn:aws:iam::123456789012:role/x",
          "containerDefinitions": [{"name": "app", "image": "app:1.4.2", "environment": [
              {"name": "DB_PASSWORD", "value": "hunter2-prod"},
              {"name": "API_SECRET", "value": "payments/api"},  # a secret's name in its store
              {"name": "API_TOKEN", "value": "Payments/Api"}]}]}
    assert _reported(tmp_path, {"td.json": json.dumps(td)}) == ["API_TOKEN", "DB_PASSWORD"]


# --- public keys ---------------------------------------------------------------

VAPID_PUBLIC = "BOXdiNPFbEmgE-eBSeq_Mr4FdSvGprAzNDDo7me7vEwTfMTdqXBNDi8NWnkiPiRoQo4LsJ4cC-MFwQNEKRKc3EE"


@pytest.mark.parametrize("name, public", [
    ("VAPID_PUBLIC_KEY", True), ("PUBLIC_SIGNING_KEY", True), ("SSH_PUBKEY", True),
    ("STRIPE_PUBLISHABLE_KEY", True), ("JwtPublicKey", True),
    ("VAPID_PRIVATE_KEY", False), ("SIGNING_KEY", False), ("PUBLIC_URL", False),
    ("PUBLIC_KEY_PASSPHRASE", False), (None, False), ("", False),
])
def test_a_public_keys_name(name, public):
    assert public_key_name(name) is public


def test_a_public_keys_name_is_not_a_secrets_name():
    assert secret_name("SIGNING_KEY") and not secret_name("PUBLIC_SIGNING_KEY")


def test_a_long_random_public_key_is_not_reported():
    assert secret_value(VAPID_PUBLIC, None, "VAPID_PUBLIC_KEY") is None
    assert secret_value(VAPID_PUBLIC, None, "VAPID_KEY") == "a high-entropy string"
    assert secret_value(VAPID_PUBLIC) == "a high-entropy string"


@pytest.mark.parametrize("value, what", [
    ("-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC", "a private key"),
    ("AKIAZ7Q3VXBN5K2LMP4R", "an AWS access key id"),
    ("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "a high-entropy string"),  # an AWS secret key
    ("sk_live_" + "a1B2c3D4" * 3, "a Stripe secret key"),
])
def test_a_secret_shaped_value_under_a_public_keys_name_is_reported(value, what):
    assert secret_value(value, None, "STRIPE_PUBLISHABLE_KEY") == what


def test_a_describe_output_with_a_vapid_public_key(tmp_path):
    td = {"taskDefinition": {
        "family": "push", "executionRoleArn": "arn:aws:iam::123456789012:role/push-exec",
        "containerDefinitions": [{"name": "push", "image": "push:2.0.1", "environment": [
            {"name": "VAPID_PUBLIC_KEY", "value": VAPID_PUBLIC},
            {"name": "VAPID_PRIVATE_KEY", "value": VAPID_PUBLIC[:43]}]}]}}
    assert _reported(tmp_path, {"push.describe.json": json.dumps(td)}) == ["VAPID_PRIVATE_KEY"]


@pytest.mark.parametrize("name, reported", [("VAPID_PUBLIC_KEY", False), ("VAPID_KEY", True)])
def test_a_render_steps_public_key_line_is_not_a_secret(name, reported):
    from conftest import workflow_findings

    text = f"""\
on: {{push: {{branches: [main]}}}}
jobs:
  deploy:
    runs-on: ubuntu-latest
    steps:
      - uses: aws-actions/amazon-ecs-render-task-definition@v1
        with:
          task-definition: td.json
          container-name: web
          image: app:1
          environment-variables: |
            {name}={VAPID_PUBLIC}
"""
    found = [r for r, _ in workflow_findings(text) if r == "taskdef-secret-in-environment"]
    assert bool(found) is reported
