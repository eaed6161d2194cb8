"""Terraform values passed into a module, reported where they are written (the
lj cases, kr/09): `var.X[count.index]` keeps the element's position; a
`dynamic` circuit breaker that a tfvars value or a call's argument empties is
reported at that value too; a wildcard that one value of a
`"repo:${a}/${b}"` template brings into a `*Like` condition is reported at
that value; a null given to a `nullable = false`
variable with a default is its default (and a null attribute of an
`optional(T, default)` its default), while a null given to a nullable one
replaces the default and is reported at the argument that passes it."""
import textwrap

from conftest import lint_files

CONFIG = "github:\n  repository: acme/app\n  owners: [acme]\n"


def _found(tmp_path, files, rule):
    files = {k: textwrap.dedent(v) for k, v in files.items()}
    return sorted((f.file, f.line, f.message) for f in lint_files(tmp_path, files, CONFIG)
                  if f.rule == rule and f.severity != "info")


def _where(tmp_path, files, rule):
    return [(file, line) for file, line, _ in _found(tmp_path, files, rule)]


# --- a module read per call: an ALB service whose grace period is a variable ---

SERVICE_MODULE = """\
variable "name" {
  type = string
}

variable "grace" {
  type    = number
  default = 90
}

variable "breaker" {
  type    = bool
  default = true
}

resource "aws_ecs_service" "this" {
  name                               = var.name
  task_definition                    = "app:1"
  desired_count                      = 2
  launch_type                        = "FARGATE"
  deployment_minimum_healthy_percent = 100
  deployment_maximum_percent         = 200
  health_check_grace_period_seconds  = var.grace

  dynamic "deployment_circuit_breaker" {
    for_each = var.breaker ? [1] : []
    content {
      enable   = true
      rollback = true
    }
  }

  load_balancer {
    target_group_arn = "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/app/1"
    container_name   = "app"
    container_port   = 8080
  }
}
"""


# --- 1. `var.services[count.index]` keeps the element's position -------------

COUNT_CALLER = """\
variable "services" {
  type = list(object({
    name  = string
    grace = optional(number, 90)
  }))
}

module "svc" {
  source = "./modules/svc"
  count  = length(var.services)
  name   = var.services[count.index].name
  grace  = var.services[%s].grace
}
"""

SERVICES_TFVARS = """\
services = [
  {
    name = "web"
  },
  {
    name  = "api"
    grace = 20
  },
]
"""


def test_an_element_indexed_by_count_index_is_reported_at_its_entry(tmp_path):
    files = {"modules/svc/main.tf": SERVICE_MODULE, "main.tf": COUNT_CALLER % "count.index",
             "terraform.tfvars": SERVICES_TFVARS}
    assert _where(tmp_path, files, "service-grace-period-short") == [("terraform.tfvars", 7)]


def test_elements_indexed_by_count_index_with_long_grace_periods_are_fine(tmp_path):
    files = {"modules/svc/main.tf": SERVICE_MODULE, "main.tf": COUNT_CALLER % "count.index",
             "terraform.tfvars": SERVICES_TFVARS.replace("grace = 20", "grace = 150")}
    assert _where(tmp_path, files, "service-grace-period-short") == []


# --- 2. a dynamic circuit breaker emptied by a value set elsewhere -----------

ROOT_SERVICE = """\
variable "enable_circuit_breaker" {
  type    = bool
  default = %s
}

resource "aws_ecs_service" "this" {
  name            = "app"
  task_definition = "app:1"
  desired_count   = 2
  launch_type     = "FARGATE"

  dynamic "deployment_circuit_breaker" {
    for_each = var.enable_circuit_breaker ? [true] : []
    content {
      enable   = true
      rollback = deployment_circuit_breaker.value
    }
  }
}
"""

BREAKER_OFF = "# INC-1: off until the fix ships\nenable_circuit_breaker = false\n"


def test_a_breaker_a_tfvars_value_switches_off_is_reported_at_that_value(tmp_path):
    files = {"infra/main.tf": ROOT_SERVICE % "true", "infra/terraform.tfvars": BREAKER_OFF}
    at_service, at_value = _found(tmp_path, files, "service-circuit-breaker-off")
    assert at_service[:2] == ("infra/main.tf", 6)  # (as before: the service)
    assert at_value[:2] == ("infra/terraform.tfvars", 2)
    assert at_value[2].startswith("var.enable_circuit_breaker is false here")
    assert "aws_ecs_service.this" in at_value[2]
    assert "(var.enable_circuit_breaker is false, so" in at_service[2]


def test_a_breaker_its_own_default_switches_off_is_reported_at_the_service_only(tmp_path):
    files = {"infra/main.tf": ROOT_SERVICE % "false"}
    (finding,) = _found(tmp_path, files, "service-circuit-breaker-off")
    assert finding[:2] == ("infra/main.tf", 6)
    assert "var.enable_circuit_breaker" not in finding[2]


def test_a_breaker_a_tfvars_value_keeps_on_is_fine(tmp_path):
    files = {"infra/main.tf": ROOT_SERVICE % "false",
             "infra/terraform.tfvars": "enable_circuit_breaker = true\n"}
    assert _found(tmp_path, files, "service-circuit-breaker-off") == []


def test_a_breaker_a_module_call_switches_off_is_reported_at_the_argument(tmp_path):
    files = {"modules/svc/main.tf": SERVICE_MODULE,
             "envs/prod/main.tf": 'module "svc" {\n  source  = "../../modules/svc"\n'
                                  '  name    = "app"\n  breaker = false\n}\n',
             "envs/dev/main.tf": 'module "svc" {\n  source = "../../modules/svc"\n'
                                 '  name   = "app"\n}\n'}
    assert _where(tmp_path, files, "service-circuit-breaker-off") == [
        ("envs/prod/main.tf", 4), ("modules/svc/main.tf", 20)]
    at_value = _found(tmp_path, files, "service-circuit-breaker-off")[0]
    assert at_value[2].startswith("var.breaker is false here")


def test_a_breaker_emptied_by_two_values_is_reported_at_the_service_only(tmp_path):
    module = SERVICE_MODULE.replace("var.breaker ? [1] : []", "var.breaker && var.on ? [1] : []")
    module += 'variable "on" {\n  default = true\n}\n'
    files = {"modules/svc/main.tf": module,
             "envs/prod/main.tf": 'module "svc" {\n  source  = "../../modules/svc"\n'
                                  '  name    = "app"\n  breaker = false\n}\n'}
    assert _where(tmp_path, files, "service-circuit-breaker-off") == [("modules/svc/main.tf", 20)]


# --- 3. a wildcard one value of a subject template brings ---------------------

ROLE_MODULE = """\
variable "owner" {
  type = string
}

variable "repository" {
  type = string
}

variable "environment" {
  type = string
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
      variable = "token.actions.githubusercontent.com:aud"
      values   = ["sts.amazonaws.com"]
    }
    condition {
      test     = "StringLike"
      variable = "token.actions.githubusercontent.com:sub"
      values   = ["%s"]
    }
  }
}

resource "aws_iam_role" "this" {
  name               = "deploy-${var.repository}"
  assume_role_policy = data.aws_iam_policy_document.trust.json
}
"""

SUBJECT = "repo:${var.owner}/${var.repository}:environment:${var.environment}"

ROLES_CALLER = """\
locals {
  roles = {
    ops = {
      owner      = "acme"
      repository = "%s"
    }
  }
}

module "role" {
  source      = "./modules/role"
  for_each    = local.roles
  owner       = each.value.owner
  repository  = each.value.repository
  environment = "ops"
}
"""


def test_a_wildcard_one_passed_value_brings_is_reported_at_that_value(tmp_path):
    files = {"modules/role/main.tf": ROLE_MODULE % SUBJECT, "main.tf": ROLES_CALLER % "*"}
    assert _where(tmp_path, files, "trust-sub-any-repo") == [("main.tf", 5)]


def test_a_wildcard_one_value_brings_through_a_local_for_expression_is_at_that_value(tmp_path):
    module = (ROLE_MODULE % SUBJECT).replace(
        '["%s"]' % SUBJECT, "local.subjects") + (
        'locals {\n  subjects = [for e in ["ops"] : "repo:${var.owner}/${var.repository}:'
        'environment:${e}"]\n}\n')
    files = {"modules/role/main.tf": module, "main.tf": ROLES_CALLER % "*"}
    assert _where(tmp_path, files, "trust-sub-any-repo") == [("main.tf", 5)]


def test_a_wildcard_one_value_brings_into_string_equals_is_reported_at_the_template(tmp_path):
    module = (ROLE_MODULE % SUBJECT).replace('"StringLike"', '"StringEquals"')
    files = {"modules/role/main.tf": module, "main.tf": ROLES_CALLER % "*"}
    assert _where(tmp_path, files, "trust-sub-wildcard-in-equals") == [
        ("modules/role/main.tf", 28)]  # (the `*` is literal: the operator is wrong)


def test_a_wildcard_in_the_template_text_is_reported_at_the_template(tmp_path):
    subject = "repo:${var.owner}/*:environment:${var.environment}"
    files = {"modules/role/main.tf": ROLE_MODULE % subject, "main.tf": ROLES_CALLER % "app"}
    assert _where(tmp_path, files, "trust-sub-any-repo") == [("modules/role/main.tf", 28)]


def test_wildcards_of_several_values_are_reported_at_the_template(tmp_path):
    files = {"modules/role/main.tf": ROLE_MODULE % SUBJECT,
             "main.tf": (ROLES_CALLER % "*").replace('environment = "ops"',
                                                     'environment = "*"')}
    assert [f for f, _ in _where(tmp_path, files, "trust-sub-any-repo")] == [
        "modules/role/main.tf"]


# --- 4. and 5. a null passed to a module --------------------------------------

NULL_MODULE = SERVICE_MODULE.replace(
    "  default = 90\n}", "  default = 120\n  nullable = %s\n}").replace(
    'variable "breaker" {', '''variable "deployment" {
  type = object({
    rollback = optional(bool, true)
  })
  default  = {}
  nullable = false
}

variable "breaker" {''').replace("rollback = true", "rollback = var.deployment.rollback")

NULL_CALLER = """\
variable "grace" {
  type    = number
  default = null
}

module "svc" {
  source = "./modules/svc"
  name   = "app"

  grace      = var.grace
  deployment = { rollback = null }
}
"""


def test_a_null_given_to_a_non_nullable_variable_takes_its_default(tmp_path):
    files = {"modules/svc/main.tf": NULL_MODULE % "false", "main.tf": NULL_CALLER}
    assert _found(tmp_path, files, "service-grace-period-short") == []
    assert _found(tmp_path, files, "service-circuit-breaker-off") == []  # rollback: true


def test_a_null_given_to_a_nullable_variable_is_reported_at_the_argument(tmp_path):
    files = {"modules/svc/main.tf": NULL_MODULE % "true", "main.tf": NULL_CALLER}
    assert _where(tmp_path, files, "service-grace-period-short") == [("main.tf", 10)]


def test_a_null_attribute_of_an_optional_with_a_default_takes_the_default(tmp_path):
    module = (NULL_MODULE % "false").replace("optional(bool, true)", "optional(bool, false)")
    files = {"modules/svc/main.tf": module, "main.tf": NULL_CALLER}
    (finding,) = _found(tmp_path, files, "service-circuit-breaker-off")
    assert "does not roll back" in finding[2]
