"""Audit 'au': roles of the terraform-aws-modules iam-github-oidc-role module
(a recall gap found by set `ao`). The module attaches each ARN of its
`policies` map to its role (aws_iam_role_policy_attachment.this, for_each over
var.policies), and its outputs `name` / `arn` are its role's, so a policy whose
`role = module.X.name` is that role's (terraform-aws-modules/terraform-aws-iam
modules/iam-github-oidc-role main.tf, outputs.tf)."""
from conftest import lint_files

ACCOUNT = "942017365820"

WORKFLOW = f"""\
name: deploy
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
    runs-on: ubuntu-latest
    environment: production
    permissions:
      contents: read
      id-token: write
    steps:
      - uses: actions/checkout@v4
      - uses: aws-actions/configure-aws-credentials@v4
        with:
          role-to-assume: arn:aws:iam::{ACCOUNT}:role/ledger-deploy
          aws-region: eu-west-1
      - uses: aws-actions/amazon-ecs-deploy-task-definition@v2
        with:
          task-definition: deploy/task-definition.json
          cluster: ledger
          service: ledger-api
          wait-for-service-stability: true
"""

TASKDEF = {
    "family": "ledger-api", "networkMode": "awsvpc", "requiresCompatibilities": ["FARGATE"],
    "cpu": "1024", "memory": "4096",
    "executionRoleArn": f"arn:aws:iam::{ACCOUNT}:role/ledger-api-execution",
    "containerDefinitions": [{"name": "api", "essential": True,
                              "image": f"{ACCOUNT}.dkr.ecr.eu-west-1.amazonaws.com/ledger-api:1"}],
}

MODULE = """\
module "github_deploy_role" {
  source  = "terraform-aws-modules/iam/aws//modules/iam-github-oidc-role"
  version = "5.48.0"

  name     = "ledger-deploy"
  subjects = ["fennec-pay/ledger:environment:production"]
%s}
"""

POLICY = """\
data "aws_iam_policy_document" "deploy" {
  statement {
    actions   = ["ecs:RegisterTaskDefinition"]
    resources = ["*"]
  }
  statement {
    actions   = [%(service_actions)s]
    resources = ["arn:aws:ecs:eu-west-1:%(account)s:service/ledger/ledger-api"]
  }
  statement {
    actions   = ["iam:PassRole"]
    resources = [%(pass)s]
  }
}
"""

FULL = {"service_actions": '"ecs:DescribeServices", "ecs:UpdateService"',
        "pass": f'"arn:aws:iam::{ACCOUNT}:role/ledger-api-execution"', "account": ACCOUNT}


def _lint(tmp_path, tf):
    found = lint_files(tmp_path, {".github/workflows/deploy.yml": WORKFLOW,
                                  "deploy/task-definition.json": TASKDEF,
                                  "infra/main.tf": tf},
                       config="github:\n  repository: fennec-pay/ledger\n")
    return [(f.rule, f.message) for f in found if f.rule.startswith("xref-")
            and f.rule in ("xref-permission-missing", "xref-passrole-not-covered")]


# --- the module's `policies` input ---------------------------------------------

def test_module_policies_map_links_an_aws_iam_policy_of_the_module(tmp_path):
    tf = MODULE % "  policies = {\n    Deploy = aws_iam_policy.deploy.arn\n  }\n" + POLICY % FULL \
        + 'resource "aws_iam_policy" "deploy" {\n  name   = "ledger-deploy"\n' \
          '  policy = data.aws_iam_policy_document.deploy.json\n}\n'
    assert _lint(tmp_path, tf) == []


def test_module_policies_map_policy_is_read_not_unread(tmp_path):
    # the policy is read: what it lacks is reported
    lacking = {**FULL, "service_actions": '"ecs:DescribeServices"'}
    tf = MODULE % "  policies = {\n    Deploy = aws_iam_policy.deploy.arn\n  }\n" \
        + POLICY % lacking \
        + 'resource "aws_iam_policy" "deploy" {\n  name   = "ledger-deploy"\n' \
          '  policy = data.aws_iam_policy_document.deploy.json\n}\n'
    found = _lint(tmp_path, tf)
    assert [r for r, m in found] == ["xref-permission-missing"], found
    assert "ecs:UpdateService" in found[0][1] and "ecs:DescribeServices" not in found[0][1]


def test_module_for_each_policies_of_each_key_count_as_unread(tmp_path):
    # the module block is one role here (its instances are not expanded): the
    # policy of each instance is not one policy that can be read as the role's
    from ecs_lint.terraform import extract
    tf = """\
module "deploy_role" {
  source   = "terraform-aws-modules/iam/aws//modules/iam-github-oidc-role"
  for_each = toset(["staging", "production"])
  name     = "api-${each.key}-deploy"
  subjects = ["o/api:environment:${each.key}"]
  policies = {
    Deploy = aws_iam_policy.deploy[each.key].arn
  }
}
resource "aws_iam_policy" "deploy" {
  for_each = toset(["staging", "production"])
  name     = "api-${each.key}-deploy"
  policy   = jsonencode({Version = "2012-10-17", Statement = []})
}
"""
    (tmp_path / "main.tf").write_text(tf)
    docs = extract(str(tmp_path / "main.tf"), tf)
    trust = [d for d in docs if d.kind == "trust-policy"]
    assert len(trust) == 1 and trust[0].context["unread_policies"]
    assert all(d.context["roles"] == [] for d in docs if d.kind == "permissions-policy")


# --- a policy whose role is `module.X.name` --------------------------------------

INLINE = """\
resource "aws_iam_role_policy" "deploy" {
  name   = "ecs-deploy"
  role   = module.github_deploy_role.%s
  policy = data.aws_iam_policy_document.deploy.json
}
"""

LACKING = {**FULL, "service_actions": '"ecs:DescribeServices"'}


def test_inline_policy_on_module_name_is_the_module_roles(tmp_path):
    found = _lint(tmp_path, MODULE % "" + POLICY % LACKING + INLINE % "name")
    assert [r for r, m in found] == ["xref-permission-missing"], found
    assert "ecs:UpdateService" in found[0][1]


def test_inline_policy_on_module_arn_is_the_module_roles(tmp_path):
    found = _lint(tmp_path, MODULE % "" + POLICY % LACKING + INLINE % "arn")
    assert [r for r, m in found] == ["xref-permission-missing"], found


def test_inline_policy_on_module_name_that_grants_all_is_silent(tmp_path):
    assert _lint(tmp_path, MODULE % "" + POLICY % FULL + INLINE % "name") == []


def test_passrole_checked_for_a_policy_on_module_name(tmp_path):
    other = {**FULL, "pass": f'"arn:aws:iam::{ACCOUNT}:role/other"'}
    found = _lint(tmp_path, MODULE % "" + POLICY % other + INLINE % "name")
    assert [r for r, m in found] == ["xref-passrole-not-covered"], found


def test_policy_attached_by_arn_on_module_name_is_the_module_roles(tmp_path):
    tf = MODULE % "" + POLICY % LACKING + (
        'resource "aws_iam_policy" "deploy" {\n  name   = "ledger-deploy"\n'
        '  policy = data.aws_iam_policy_document.deploy.json\n}\n'
        'resource "aws_iam_role_policy_attachment" "deploy" {\n'
        '  role       = module.github_deploy_role.name\n'
        '  policy_arn = aws_iam_policy.deploy.arn\n}\n')
    found = _lint(tmp_path, tf)
    assert [r for r, m in found] == ["xref-permission-missing"], found


def test_module_managed_policy_beside_an_inline_policy_is_unread(tmp_path):
    # AdministratorAccess, attached by the module, is not in the files read:
    # what the inline policy lacks may be granted there
    tf = MODULE % '  policies = {\n    Admin = "arn:aws:iam::aws:policy/AdministratorAccess"\n  }\n'
    assert _lint(tmp_path, tf + POLICY % LACKING + INLINE % "name") == []


def test_managed_policy_attached_on_module_name_is_unread(tmp_path):
    tf = MODULE % "" + POLICY % LACKING + INLINE % "name" + (
        'resource "aws_iam_role_policy_attachment" "admin" {\n'
        '  role       = module.github_deploy_role.name\n'
        '  policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess"\n}\n')
    assert _lint(tmp_path, tf) == []


def test_module_policies_from_a_variable_beside_an_inline_policy_are_unread(tmp_path):
    tf = MODULE % "  policies = var.policies\n" + \
        'variable "policies" {\n  type = map(string)\n}\n'
    assert _lint(tmp_path, tf + POLICY % LACKING + INLINE % "name") == []


def test_output_of_another_module_is_not_a_role(tmp_path):
    # module.other is not an iam-github-oidc-role: nothing links to the role
    tf = MODULE % "" + POLICY % LACKING + (INLINE % "name").replace(
        "module.github_deploy_role", "module.other") + \
        'module "other" {\n  source = "./other"\n}\n'
    assert _lint(tmp_path, tf) == []
