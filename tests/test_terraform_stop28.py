"""Terraform at module scale (the ir cases): positions in `.tfvars.json` var
files and through a heredoc's `${jsonencode(var.x)}`, `yamldecode`/`jsondecode`
of a data file, and a module's default statement replaced by the Sid of an
override document its caller passes."""
import textwrap

from conftest import lint_files

APPLY = """\
on: {push: {branches: [main]}}
jobs:
  apply:
    runs-on: ubuntu-latest
    steps:
      - run: terraform -chdir=infra apply -auto-approve -var-file=%s
"""

TASK = """\
variable "cpu" {}
variable "memory" {}

resource "aws_ecs_task_definition" "app" {
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


def _found(tmp_path, files, rule):
    files = {k: textwrap.dedent(v) if isinstance(v, str) else v for k, v in files.items()}
    return sorted((f.file, f.line) for f in lint_files(tmp_path, files) if f.rule == rule)


def test_a_tfvars_json_var_file_value_is_reported_at_its_line(tmp_path):
    files = {".github/workflows/apply.yml": APPLY % "env/qa.tfvars.json",
             "infra/main.tf": TASK,
             "infra/env/qa.tfvars.json": '{\n  "cpu": 4096,\n  "memory": 4096\n}\n'}
    assert _found(tmp_path, files, "taskdef-fargate-invalid") == [("infra/env/qa.tfvars.json", 3)]


def test_a_valid_pair_in_a_tfvars_json_var_file_is_fine(tmp_path):
    files = {".github/workflows/apply.yml": APPLY % "env/qa.tfvars.json",
             "infra/main.tf": TASK,
             "infra/env/qa.tfvars.json": '{\n  "cpu": 4096,\n  "memory": 8192\n}\n'}
    assert _found(tmp_path, files, "taskdef-fargate-invalid") == []


def test_a_tfvars_json_that_is_not_an_object_does_not_crash(tmp_path):
    files = {".github/workflows/apply.yml": APPLY % "env/qa.tfvars.json",
             "infra/main.tf": TASK,
             "infra/env/qa.tfvars.json": '[1, {"cpu": 4096}, "x"]\n'}
    assert _found(tmp_path, files, "taskdef-fargate-invalid") == []


HEREDOC_TRUST = """\
variable "subjects" {
  default = ["repo:acme/app:ref:refs/heads/main"]
}

resource "aws_iam_role" "deploy" {
  name = "deploy"
  assume_role_policy = <<-POLICY
    {
      "Version": "2012-10-17",
      "Statement": [{
        "Effect": "Allow",
        "Principal": {"Federated": "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com"},
        "Action": "sts:AssumeRoleWithWebIdentity",
        "Condition": {
          "StringEquals": {"token.actions.githubusercontent.com:aud": "sts.amazonaws.com"},
          "StringLike": {"token.actions.githubusercontent.com:sub": ${jsonencode(var.subjects)}}
        }
      }]
    }
  POLICY
}
"""


def test_a_heredoc_hole_of_a_var_file_list_is_reported_at_the_var_file(tmp_path):
    files = {".github/workflows/apply.yml": APPLY % "env/dev.tfvars",
             "infra/iam.tf": HEREDOC_TRUST,
             "infra/env/dev.tfvars": 'subjects = [\n  "repo:acme/app:*",\n]\n'}
    assert _found(tmp_path, files, "trust-sub-any-context") == [("infra/env/dev.tfvars", 2)]


def test_a_heredoc_hole_of_a_default_stays_in_the_heredoc(tmp_path):
    files = {"infra/iam.tf": HEREDOC_TRUST.replace(
        "repo:acme/app:ref:refs/heads/main", "repo:acme/app:*")}
    assert _found(tmp_path, files, "trust-sub-any-context") == [("infra/iam.tf", 16)]


CATALOGUE = """\
locals {
  catalogue = yamldecode(file("${path.module}/services.yaml"))
  services  = local.catalogue.services
}

resource "aws_ecs_service" "svc" {
  for_each                           = local.services
  name                               = each.key
  task_definition                    = "app:1"
  desired_count                      = each.value.desired_count
  deployment_minimum_healthy_percent = each.value.min_healthy
  deployment_maximum_percent         = each.value.max_percent
  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }
}
"""

SERVICES = """\
services:
  api:
    desired_count: 1
    min_healthy: %d
    max_percent: %d
"""


def test_a_yamldecoded_catalogue_value_is_reported_in_the_yaml_file(tmp_path):
    files = {"infra/main.tf": CATALOGUE, "infra/services.yaml": SERVICES % (100, 100)}
    found = _found(tmp_path, files, "service-deployment-blocked")
    assert found and all(f == "infra/services.yaml" and 4 <= line <= 5 for f, line in found)


def test_a_yamldecoded_catalogue_that_can_deploy_is_fine(tmp_path):
    files = {"infra/main.tf": CATALOGUE, "infra/services.yaml": SERVICES % (0, 100)}
    assert _found(tmp_path, files, "service-deployment-blocked") == []


def test_a_jsondecoded_catalogue_is_read_too(tmp_path):
    files = {"infra/main.tf": CATALOGUE.replace("yamldecode", "jsondecode")
             .replace("services.yaml", "services.json"),
             "infra/services.json": '{"services": {"api": {\n  "desired_count": 1,\n'
                                    '  "min_healthy": 100,\n  "max_percent": 100\n}}}\n'}
    found = _found(tmp_path, files, "service-deployment-blocked")
    assert found and all(f == "infra/services.json" for f, _ in found)


def test_a_broken_or_multi_document_catalogue_stays_unknown(tmp_path):
    for text in ("services: [unclosed\n", SERVICES % (100, 100) + "---\nother: 1\n"):
        files = {"infra/main.tf": CATALOGUE, "infra/services.yaml": text}
        assert _found(tmp_path, files, "service-deployment-blocked") == []


def test_a_decoded_file_of_a_known_kind_is_left_to_its_own_lint(tmp_path):
    # the folder walk reads a service document itself: read here too, it
    # would be reported twice
    svc = {"service": "api", "desiredCount": 1, "taskDefinition": "app:1",
           "deploymentConfiguration": {"maximumPercent": 100, "minimumHealthyPercent": 100}}
    files = {"infra/main.tf": """\
        locals {
          svc = jsondecode(file("${path.module}/service.json"))
        }

        resource "aws_ecs_service" "svc" {
          name                               = "api"
          task_definition                    = "app:1"
          desired_count                      = local.svc.desiredCount
          deployment_minimum_healthy_percent = local.svc.deploymentConfiguration.minimumHealthyPercent
          deployment_maximum_percent         = local.svc.deploymentConfiguration.maximumPercent
        }
        """, "infra/service.json": svc}
    assert [f for f, _ in _found(tmp_path, files, "service-deployment-blocked")] == [
        "infra/service.json"]


def test_each_value_of_a_local_in_the_same_file_is_reported_where_it_is_used(tmp_path):
    files = {"infra/main.tf": CATALOGUE.replace(
        'yamldecode(file("${path.module}/services.yaml"))',
        "{ services = { api = { desired_count = 1, min_healthy = 100, max_percent = 100 } } }")}
    found = _found(tmp_path, files, "service-deployment-blocked")
    assert found and all(f == "infra/main.tf" and line >= 6 for f, line in found)


ROLE_MODULE = """\
variable "override_trust_documents" {
  type    = list(string)
  default = []
}

data "aws_iam_policy_document" "trust" {
  override_policy_documents = var.override_trust_documents

  statement {
    sid     = "GitHubActions"
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
      values   = ["repo:acme/app:*"]
    }
  }
}

resource "aws_iam_role" "this" {
  name               = "deploy"
  assume_role_policy = data.aws_iam_policy_document.trust.json
}
"""

CALLER = """\
data "aws_iam_policy_document" "production_only" {
  statement {
    sid     = "%s"
    actions = ["sts:AssumeRoleWithWebIdentity"]
    principals {
      type        = "Federated"
      identifiers = ["arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com"]
    }
    condition {
      test     = "StringEquals"
      variable = "token.actions.githubusercontent.com:sub"
      values   = ["repo:acme/app:environment:production"]
    }
    condition {
      test     = "StringEquals"
      variable = "token.actions.githubusercontent.com:aud"
      values   = ["sts.amazonaws.com"]
    }
  }
}

module "role" {
  source                   = "../modules/role"
  override_trust_documents = [data.aws_iam_policy_document.production_only.json]
}
"""


def test_a_callers_override_statement_replaces_the_default_of_its_sid(tmp_path):
    files = {"infra/modules/role/main.tf": ROLE_MODULE,
             "infra/live/main.tf": CALLER % "GitHubActions"}
    assert _found(tmp_path, files, "trust-sub-any-context") == []


def test_a_callers_override_of_another_sid_keeps_the_default(tmp_path):
    files = {"infra/modules/role/main.tf": ROLE_MODULE,
             "infra/live/main.tf": CALLER % "ProductionOnly"}
    assert _found(tmp_path, files, "trust-sub-any-context") == [
        ("infra/modules/role/main.tf", 24)]


def test_an_override_statement_with_an_odd_sid_does_not_crash(tmp_path):
    files = {"infra/modules/role/main.tf": ROLE_MODULE.replace(
        'sid     = "GitHubActions"', 'sid     = ["GitHubActions"]'),
        "infra/live/main.tf": CALLER.replace('"%s"', '{ a = 1 }')}
    assert _found(tmp_path, files, "trust-sub-any-context") == [
        ("infra/modules/role/main.tf", 24)]
