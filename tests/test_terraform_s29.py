"""Terraform at module scale (the ji cases, and jg/02): an
`aws_iam_policy_document` a root passes as `.json` to a local module's role
is that role's trust or permissions; a permissions boundary written as an AWS
managed policy ARN bounds a role whose trust is a policy document; a module
call's `each.value` of a local of its own file, and a `dynamic` block's
iterator over a value a call passes, point where the value is written."""
import textwrap

from conftest import lint_files
from ecs_lint import terraform

ACCOUNT = "236801457193"

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
          role-to-assume: arn:aws:iam::{ACCOUNT}:role/fleet-deploy
          aws-region: eu-west-1
      - uses: aws-actions/amazon-ecs-deploy-task-definition@v2
        with:
          task-definition: deploy/task-definition.json
          cluster: fleet
          service: fleet-api
"""

TASKDEF = {
    "family": "fleet-api", "networkMode": "awsvpc", "requiresCompatibilities": ["FARGATE"],
    "cpu": "1024", "memory": "4096",
    "executionRoleArn": f"arn:aws:iam::{ACCOUNT}:role/fleet-api-execution",
    "containerDefinitions": [{"name": "api", "essential": True,
                              "image": f"{ACCOUNT}.dkr.ecr.eu-west-1.amazonaws.com/fleet-api:1"}],
}

# a generic role module: the trust and the inline policies are its caller's
ROLE_MODULE = """\
variable "name" {}
variable "assume_role_policy" {}
variable "inline_policies" {
  type    = map(string)
  default = {}
}

resource "aws_iam_role" "this" {
  name               = var.name
  assume_role_policy = var.assume_role_policy
}

resource "aws_iam_role_policy" "this" {
  for_each = var.inline_policies
  name     = each.key
  role     = aws_iam_role.this.id
  policy   = each.value
}
"""

ROOT = """\
module "deploy_role" {
  source             = "./modules/iam-role"
  name               = "fleet-deploy"
  assume_role_policy = data.aws_iam_policy_document.trust.json
  inline_policies = {
    deploy = data.aws_iam_policy_document.deploy.json
  }
}

data "aws_iam_policy_document" "trust" {
  statement {
    actions = ["sts:AssumeRoleWithWebIdentity"]
    principals {
      type        = "Federated"
      identifiers = ["arn:aws:iam::%(account)s:oidc-provider/token.actions.githubusercontent.com"]
    }
    condition {
      test     = "StringEquals"
      variable = "token.actions.githubusercontent.com:aud"
      values   = ["sts.amazonaws.com"]
    }
    condition {
      test     = "StringLike"
      variable = "token.actions.githubusercontent.com:sub"
      values   = ["%(sub)s"]
    }
  }
}

data "aws_iam_policy_document" "deploy" {
  statement {
    actions   = ["ecs:RegisterTaskDefinition"]
    resources = ["*"]
  }
  statement {
    actions   = [%(service_actions)s]
    resources = ["arn:aws:ecs:eu-west-1:%(account)s:service/fleet/fleet-api"]
  }
  statement {
    actions   = ["iam:PassRole"]
    resources = ["arn:aws:iam::%(account)s:role/fleet-api-execution"]
  }
}
"""

FULL = {"account": ACCOUNT, "sub": "repo:kestrel/fleet:environment:production",
        "service_actions": '"ecs:DescribeServices", "ecs:UpdateService"'}


def _xref(tmp_path, files):
    """(rule, file, line) of the xref findings of a repository of `files` (dedented)."""
    files = {k: textwrap.dedent(v) if isinstance(v, str) else v for k, v in files.items()}
    found = lint_files(tmp_path, {".github/workflows/deploy.yml": WORKFLOW,
                                  "deploy/task-definition.json": TASKDEF, **files},
                       config="github:\n  repository: kestrel/fleet\n")
    return sorted((f.rule, f.file, f.line) for f in found if f.rule.startswith("xref-"))


def _line(text, needle) -> int:
    """The line of `text` that first holds `needle`."""
    return next(i for i, t in enumerate(text.splitlines(), 1) if needle in t)


SUB_LINE = _line(ROOT, '"%(sub)s"')


def _root(**changes):
    return {"infra/main.tf": ROOT % {**FULL, **changes},
            "infra/modules/iam-role/main.tf": ROLE_MODULE}


# --- a document passed as `.json` to a local module's role ---------------------

def test_a_trust_document_passed_to_a_role_module_links_the_role(tmp_path):
    # the job sends environment:production only: the `*` is broader than used,
    # at the document's values line in the root
    found = _xref(tmp_path, _root(sub="repo:kestrel/fleet:*"))
    assert ("xref-sub-broader-than-used", "infra/main.tf", SUB_LINE) in found, found


def test_a_passed_trust_document_the_job_matches_exactly_is_fine(tmp_path):
    assert _xref(tmp_path, _root()) == []


def test_a_permission_document_passed_to_a_role_module_is_the_roles(tmp_path):
    found = _xref(tmp_path, _root(service_actions='"ecs:DescribeServices"'))
    assert [(r, f) for r, f, _ in found] == [("xref-permission-missing", "infra/main.tf")], found


def test_a_passed_permission_document_is_linked_when_the_trust_is_the_modules(tmp_path):
    # the trust is written in the module (from the caller's subjects); only
    # the permissions are the caller's document
    module = ROLE_MODULE.replace('variable "assume_role_policy" {}', """\
        variable "subjects" {}
        data "aws_iam_policy_document" "trust" {
          statement {
            actions = ["sts:AssumeRoleWithWebIdentity"]
            principals {
              type        = "Federated"
              identifiers = ["arn:aws:iam::%s:oidc-provider/token.actions.githubusercontent.com"]
            }
            condition {
              test     = "StringEquals"
              variable = "token.actions.githubusercontent.com:sub"
              values   = var.subjects
            }
          }
        }""" % ACCOUNT).replace("var.assume_role_policy", "data.aws_iam_policy_document.trust.json")
    root = (ROOT % {**FULL, "service_actions": '"ecs:DescribeServices"'}).replace(
        "assume_role_policy = data.aws_iam_policy_document.trust.json",
        'subjects = ["repo:kestrel/fleet:environment:production"]')
    found = _xref(tmp_path, {"infra/main.tf": root, "infra/modules/iam-role/main.tf": module})
    assert [(r, f) for r, f, _ in found] == [("xref-permission-missing", "infra/main.tf")], found


def test_a_passed_document_goes_through_a_module_the_module_calls(tmp_path):
    files = _root(sub="repo:kestrel/fleet:*")
    files["infra/main.tf"] = files["infra/main.tf"].replace("./modules/iam-role", "./modules/app")
    files["infra/modules/app/main.tf"] = """\
        variable "name" {}
        variable "trust_json" {}
        module "role" {
          source             = "../iam-role"
          name               = var.name
          assume_role_policy = var.trust_json
        }
        """
    files["infra/main.tf"] = files["infra/main.tf"].replace(
        "assume_role_policy = data", "trust_json = data")
    found = _xref(tmp_path, files)
    assert ("xref-sub-broader-than-used", "infra/main.tf", SUB_LINE) in found, found


def test_a_role_module_called_with_count_zero_takes_no_document(tmp_path):
    files = _root(sub="repo:kestrel/fleet:*")
    files["infra/main.tf"] = files["infra/main.tf"].replace(
        'source             = "./modules/iam-role"',
        'source             = "./modules/iam-role"\n  count              = 0')
    assert _xref(tmp_path, files) == []


def test_a_module_outside_the_repository_is_not_read(tmp_path):
    outside = tmp_path / "outside" / "iam-role"
    outside.mkdir(parents=True)
    (outside / "main.tf").write_text(ROLE_MODULE)
    repo = tmp_path / "repo"
    repo.mkdir()
    files = {"infra/main.tf": (ROOT % {**FULL, "sub": "repo:kestrel/fleet:*"}).replace(
        "./modules/iam-role", "../../outside/iam-role")}
    assert _xref(repo, files) == []


def test_a_loop_of_module_calls_ends(tmp_path):
    loop = """\
        variable "trust_json" {}
        module "again" {
          source     = "../b"
          trust_json = var.trust_json
        }
        """
    files = {"infra/main.tf": """\
        module "a" {
          source     = "./modules/a"
          trust_json = data.aws_iam_policy_document.trust.json
        }
        data "aws_iam_policy_document" "trust" {
          statement {
            actions = ["sts:AssumeRoleWithWebIdentity"]
          }
        }
        """, "infra/modules/a/main.tf": loop, "infra/modules/b/main.tf": loop.replace("../b", "../a")}
    assert _xref(tmp_path, files) == []


def test_odd_module_arguments_do_not_crash(tmp_path):
    files = {"infra/main.tf": """\
        module "x" {
          source             = "./modules/iam-role"
          name               = ["not", "a", "name"]
          assume_role_policy = { a = data.aws_iam_policy_document.trust.json }
          inline_policies    = data.aws_iam_policy_document.trust.json
        }
        data "aws_iam_policy_document" "trust" {}
        """, "infra/modules/iam-role/main.tf": ROLE_MODULE}
    assert _xref(tmp_path, files) == []


# --- a permissions boundary written as an AWS managed policy ARN --------------

BOUNDED = """\
data "aws_iam_policy_document" "trust" {
  statement {
    actions = ["sts:AssumeRoleWithWebIdentity"]
    principals {
      type        = "Federated"
      identifiers = ["arn:aws:iam::%(account)s:oidc-provider/token.actions.githubusercontent.com"]
    }
    condition {
      test     = "StringEquals"
      variable = "token.actions.githubusercontent.com:sub"
      values   = ["repo:kestrel/fleet:environment:production"]
    }
  }
}

resource "aws_iam_role" "deploy" {
  name                 = "fleet-deploy"
  assume_role_policy   = data.aws_iam_policy_document.trust.json
  permissions_boundary = "%(boundary)s"
}

resource "aws_iam_role_policy" "deploy" {
  role   = aws_iam_role.deploy.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      { Effect = "Allow", Action = ["ecs:RegisterTaskDefinition", "ecs:DescribeServices",
        "ecs:UpdateService"], Resource = "*" },
      { Effect = "Allow", Action = "iam:PassRole",
        Resource = "arn:aws:iam::%(account)s:role/fleet-api-execution" },
    ]
  })
}
"""


def test_a_power_user_boundary_arn_drops_pass_role(tmp_path):
    tf = BOUNDED % {"account": ACCOUNT, "boundary": "arn:aws:iam::aws:policy/PowerUserAccess"}
    found = _xref(tmp_path, {"infra/iam.tf": tf})
    assert [(r, f) for r, f, _ in found] == [("xref-passrole-not-covered", "infra/iam.tf")], found


def test_an_administrator_boundary_arn_lets_pass_role_through(tmp_path):
    tf = BOUNDED % {"account": ACCOUNT,
                    "boundary": "arn:aws:iam::aws:policy/AdministratorAccess"}
    assert _xref(tmp_path, {"infra/iam.tf": tf}) == []


def test_the_boundary_of_a_module_role_given_a_passed_trust_is_read(tmp_path):
    files = _root()
    files["infra/modules/iam-role/main.tf"] = ROLE_MODULE.replace(
        "assume_role_policy = var.assume_role_policy",
        "assume_role_policy   = var.assume_role_policy\n"
        '  permissions_boundary = "arn:aws:iam::aws:policy/PowerUserAccess"')
    found = _xref(tmp_path, files)
    assert [(r, f) for r, f, _ in found] == [("xref-passrole-not-covered", "infra/main.tf")], found


def test_roles_sharing_a_trust_document_with_other_boundaries_get_none(tmp_path):
    tf = (BOUNDED % {"account": ACCOUNT,
                     "boundary": "arn:aws:iam::aws:policy/PowerUserAccess"}) + """\
resource "aws_iam_role" "other" {
  name               = "other"
  assume_role_policy = data.aws_iam_policy_document.trust.json
}
"""
    (tmp_path / "iam.tf").write_text(tf)
    trust = [d for d in terraform.extract(str(tmp_path / "iam.tf"), tf)
             if d.kind == "trust-policy"]
    assert len(trust) == 1 and "boundary" not in trust[0].context
    alone = BOUNDED % {"account": ACCOUNT, "boundary": "arn:aws:iam::aws:policy/PowerUserAccess"}
    (tmp_path / "iam.tf").write_text(alone)
    trust = [d for d in terraform.extract(str(tmp_path / "iam.tf"), alone)
             if d.kind == "trust-policy"]
    assert trust[0].context["boundary"] == "arn:aws:iam::aws:policy/PowerUserAccess"


# --- positions: a module call's `each.value` of a local of its own file --------

SERVICE_MODULE = """\
variable "cpu" {}
variable "memory" {}

resource "aws_ecs_task_definition" "this" {
  family                   = "app"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = var.cpu
  memory                   = var.memory
  container_definitions = jsonencode([{
    name  = "app"
    image = "123456789012.dkr.ecr.us-east-1.amazonaws.com/app:v1"
  }])
}
"""

SIZES = """\
locals {
  services = {
    api = {
      cpu    = 1024
      memory = 4096
    }
    worker = {
      cpu    = 2048
      memory = %d
    }
  }
}

module "service" {
  source   = "./modules/service"
  for_each = local.services
  cpu      = each.value.cpu
  memory   = each.value.memory
}
"""


def _fargate(tmp_path, memory):
    files = {"infra/main.tf": SIZES % memory, "infra/modules/service/main.tf": SERVICE_MODULE}
    return sorted((f.file, f.line) for f in lint_files(tmp_path, files)
                  if f.rule == "taskdef-fargate-invalid")


def test_a_call_instance_value_of_a_local_is_reported_at_the_locals_entry(tmp_path):
    found = _fargate(tmp_path, 2048)
    assert found and all(f == "infra/main.tf" and 8 <= line <= 9 for f, line in found), found


def test_a_call_instance_of_a_valid_size_from_a_local_is_fine(tmp_path):
    assert _fargate(tmp_path, 4096) == []


# --- positions: a `dynamic` block's iterator over a value a call passes -------

CONDITIONS_MODULE = """\
variable "extra_conditions" {
  default = [{ test = "StringEquals", variable = "token.actions.githubusercontent.com:aud",
               values = ["sts.amazonaws.com"] }]
}

data "aws_iam_policy_document" "trust" {
  statement {
    actions = ["sts:AssumeRoleWithWebIdentity"]
    principals {
      type        = "Federated"
      identifiers = ["arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com"]
    }
    condition {
      test     = "StringEquals"
      variable = "token.actions.githubusercontent.com:sub"
      values   = ["repo:kestrel/fleet:environment:production"]
    }
    dynamic "condition" {
      for_each = var.extra_conditions
      %s
      content {
        test     = %s.value.test
        variable = %s.value.variable
        values   = %s.value.values
      }
    }
  }
}

resource "aws_iam_role" "this" {
  name               = "fleet-deploy"
  assume_role_policy = data.aws_iam_policy_document.trust.json
}
"""

CONDITIONS_CALL = """\
module "role" {
  source = "./modules/role"
  extra_conditions = [
    {
      test     = "StringEquals"
      variable = "token.actions.githubusercontent.com:%s"
      values   = ["kestrel/fleet/.github/workflows/deploy.yml@refs/heads/main"]
    },
  ]
}
"""


def _key_unknown(tmp_path, claim, iterator=None):
    name = iterator or "condition"
    module = CONDITIONS_MODULE % (f"iterator = {iterator}" if iterator else "", name, name, name)
    files = {"infra/main.tf": CONDITIONS_CALL % claim, "infra/modules/role/main.tf": module}
    return sorted((f.file, f.line) for f in lint_files(tmp_path, files)
                  if f.rule == "trust-condition-key-unknown")


def test_a_dynamic_condition_key_a_call_passes_is_reported_at_the_call(tmp_path):
    assert _key_unknown(tmp_path, "workflow_ref") == [("infra/main.tf", 6)]


def test_a_named_iterator_over_a_passed_value_is_reported_at_the_call(tmp_path):
    assert _key_unknown(tmp_path, "workflow_ref", iterator="extra") == [("infra/main.tf", 6)]


def test_a_dynamic_condition_key_iam_evaluates_is_fine(tmp_path):
    assert _key_unknown(tmp_path, "job_workflow_ref") == []


def test_a_dynamic_condition_of_the_modules_default_stays_in_the_module(tmp_path):
    module = CONDITIONS_MODULE.replace("githubusercontent.com:aud", "githubusercontent.com:nope") \
        % ("", "condition", "condition", "condition")
    (tmp_path / "main.tf").write_text(module)
    found = sorted((f.file, f.line) for f in lint_files(tmp_path, {"main.tf": module})
                   if f.rule == "trust-condition-key-unknown")
    assert found == [("main.tf", _line(module, "variable = condition.value"))], found


def test_a_managed_boundary_that_drops_pass_role_is_named_in_the_fix(tmp_path):
    # jg/02: the role's own policy allows it; the AWS managed boundary cannot be edited
    tf = BOUNDED % {"account": ACCOUNT, "boundary": "arn:aws:iam::aws:policy/PowerUserAccess"}
    files = {".github/workflows/deploy.yml": WORKFLOW, "deploy/task-definition.json": TASKDEF,
             "infra/iam.tf": textwrap.dedent(tf)}
    found = [f for f in lint_files(tmp_path, files, config="github:\n  repository: kestrel/fleet\n")
             if f.rule == "xref-passrole-not-covered"]
    assert found and all(f.help.startswith("give the role a boundary that allows iam:PassRole")
                         and "PowerUserAccess does not" in f.help for f in found)
