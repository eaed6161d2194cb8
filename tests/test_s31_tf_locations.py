"""Where Terraform findings point (the kr cases): `each.value` of a root
module resource whose `for_each` goes over a variable's default written in
another file, at that default's entry; a `for` expression over `merge()` of
locals, at the local's entry."""
import textwrap

from conftest import lint_files


def _found(tmp_path, files, rule):
    files = {k: textwrap.dedent(v) for k, v in files.items()}
    return sorted((f.file, f.line) for f in lint_files(tmp_path, files) if f.rule == rule)


# --- `for_each = var.services` over the variable's default -------------------

SERVICES = """\
resource "aws_ecs_task_definition" "this" {
  for_each                 = var.services
  family                   = each.key
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = each.value.cpu
  memory                   = each.value.memory
  container_definitions = jsonencode([{
    name  = each.key
    image = "123456789012.dkr.ecr.us-east-1.amazonaws.com/app:v1"
  }])
}
"""

SIZES = """\
variable "services" {
  default = {
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
"""


def test_an_instance_value_of_a_default_in_another_file_is_reported_at_its_entry(tmp_path):
    files = {"infra/main.tf": SERVICES, "infra/variables.tf": SIZES % 2048}
    assert _found(tmp_path, files, "taskdef-fargate-invalid") == [("infra/variables.tf", 9)]


def test_a_valid_size_of_a_default_in_another_file_is_fine(tmp_path):
    files = {"infra/main.tf": SERVICES, "infra/variables.tf": SIZES % 4096}
    assert _found(tmp_path, files, "taskdef-fargate-invalid") == []


def test_an_instance_value_of_a_default_in_the_same_file_is_reported_where_it_is_used(tmp_path):
    files = {"infra/main.tf": SIZES % 2048 + SERVICES}
    assert _found(tmp_path, files, "taskdef-fargate-invalid") == [("infra/main.tf", 19)]


def test_an_instance_value_a_root_tfvars_sets_is_reported_where_it_is_used(tmp_path):
    # the default is not the value: neither its entry nor (for the module's
    # own resources) the tfvars line
    files = {"infra/main.tf": SERVICES, "infra/variables.tf": SIZES % 4096,
             "infra/terraform.tfvars": "services = {\n  worker = { cpu = 2048, memory = 2048 }\n}\n"}
    assert _found(tmp_path, files, "taskdef-fargate-invalid") == [("infra/main.tf", 7)]


# --- `[for k, v in merge(local.a, local.b) : ...]` ---------------------------

TASK = """\
resource "aws_ecs_task_definition" "api" {
  family                   = "api"
  requires_compatibilities = ["EC2"]
  network_mode             = "bridge"
  container_definitions = jsonencode([{
    name        = "api"
    image       = "123456789012.dkr.ecr.us-east-1.amazonaws.com/api:v1"
    memory      = 512
    essential   = true
    environment = [for k, v in merge(local.common_env, local.api_env) : { name = k, value = v }]
  }])
}
"""

ENV = """\
locals {
  common_env = {
    LOG_LEVEL = "info"
    API_TOKEN = "placeholder"
  }
  api_env = {
    PORT      = "8000"
    API_TOKEN = "%s"
  }
}
"""

TOKEN = "dG9rOjU3ZjFhOGM0XzlkMmVfNDFiM184YzdhXzFlNmQwYjNmMmE5NDoxOjA="


def test_a_secret_in_a_merged_local_is_reported_at_the_locals_entry(tmp_path):
    # the later map's entry wins, in the value and in its position
    files = {"infra/ecs.tf": TASK, "infra/locals.tf": ENV % TOKEN}
    assert _found(tmp_path, files, "taskdef-secret-in-environment") == [("infra/locals.tf", 8)]


def test_a_merged_local_without_a_secret_is_fine(tmp_path):
    files = {"infra/ecs.tf": TASK, "infra/locals.tf": ENV % "30"}
    assert _found(tmp_path, files, "taskdef-secret-in-environment") == []


def test_a_for_expression_over_one_local_is_reported_at_the_locals_entry(tmp_path):
    files = {"infra/ecs.tf": TASK.replace("merge(local.common_env, local.api_env)", "local.api_env"),
             "infra/locals.tf": ENV % TOKEN}
    assert _found(tmp_path, files, "taskdef-secret-in-environment") == [("infra/locals.tf", 8)]


def test_a_merge_with_a_map_not_known_is_not_read(tmp_path):
    files = {"infra/ecs.tf": TASK.replace("local.common_env", "var.extra_env"),
             "infra/locals.tf": ENV % TOKEN + 'variable "extra_env" {}\n'}
    assert _found(tmp_path, files, "taskdef-secret-in-environment") == []
