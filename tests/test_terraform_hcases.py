"""Terraform evaluation found missing by the hi, hs and hm cases:
`setproduct()`, `coalescelist()` (the argument it returns keeps its
positions, a module call's argument included), and values read through
`local.X`, whose findings point where the `locals` block writes them."""
import textwrap

import pytest

from conftest import lint_folder
from ecs_lint import terraform
from test_terraform_ds import is_unknown, local_value


def write(root, files: dict):
    terraform._MODULES.clear()
    for name, text in files.items():
        p = root / name
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(textwrap.dedent(text))


def found(root, rule):
    return sorted((f.file, f.span.line) for f in lint_folder(root) if f.rule == rule)


# -- setproduct() ------------------------------------------------------------------

@pytest.mark.parametrize("expr, expected", [
    ('setproduct(["a", "b"], ["1", "2"])', [["a", "1"], ["a", "2"], ["b", "1"], ["b", "2"]]),
    ('setproduct(toset(["a"]), toset(["x", "y"]), [1])', [["a", "x", 1], ["a", "y", 1]]),
    ('setproduct(["a", "b"], [])', []),
    ('[for p in setproduct(["api", "web"], ["main"]) : "repo:o/${p[0]}:ref:refs/heads/${p[1]}"]',
     ["repo:o/api:ref:refs/heads/main", "repo:o/web:ref:refs/heads/main"]),
    ('setproduct(var.repos, ["main"])', [["*", "main"]]),
])
def test_setproduct(tmp_path, expr, expected):
    assert local_value(tmp_path, expr) == expected


@pytest.mark.parametrize("expr", [
    'setproduct(["a"])', "setproduct()", 'setproduct(var.unknown, ["a"])',
    'setproduct(["a"], var.unknown)', 'setproduct("a", "b")', 'setproduct({ a = 1 }, ["b"])',
    "setproduct([" + ", ".join(map(str, range(101))) + "], [" + ", ".join(map(str, range(100)))
    + "])",  # 10,100 combinations: too many to keep
])
def test_setproduct_of_what_is_not_known_stays_unknown(tmp_path, expr):
    assert is_unknown(local_value(tmp_path, expr))


def test_setproduct_caps_its_size_before_building_anything():
    assert len(terraform._setproduct([list(range(100)), list(range(100))])) == 10_000
    assert terraform._setproduct([list(range(10 ** 5))] * 6) is None  # never built


def test_a_trust_sub_list_built_with_setproduct_is_read(tmp_path):
    write(tmp_path, {"variables.tf": '''
        variable "repos" { default = ["api", "ledger-*"] }
        variable "branches" { default = ["main"] }
        ''', "main.tf": '''
        locals {
          subjects = [for p in setproduct(var.repos, var.branches) :
                      "repo:acme/${p[0]}:ref:refs/heads/${p[1]}"]
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
              values   = local.subjects
            }
          }
        }
        resource "aws_iam_role" "publisher" {
          name               = "publisher"
          assume_role_policy = data.aws_iam_policy_document.trust.json
        }
        '''})
    assert [f.rule for f in lint_folder(tmp_path) if f.rule.startswith("trust-sub")] == [
        "trust-sub-any-repo"]


# -- coalescelist() ----------------------------------------------------------------

@pytest.mark.parametrize("expr, expected", [
    ('coalescelist(["a"], ["b"])', ["a"]),
    ('coalescelist([], ["b", "c"])', ["b", "c"]),
    ('coalescelist(null, [], ["b"])', ["b"]),
    ('coalescelist(["a"], var.unknown)', ["a"]),  # what comes after the one chosen: not read
    ('coalescelist(var.repos, ["b"])', ["*"]),
])
def test_coalescelist(tmp_path, expr, expected):
    assert local_value(tmp_path, expr) == expected


@pytest.mark.parametrize("expr", [
    "coalescelist()", "coalescelist([], [])", 'coalescelist(var.unknown, ["b"])',
    'coalescelist("a", ["b"])', 'coalescelist({ a = ["x"] }, ["b"])',
    'coalescelist(concat(var.unknown), ["b"])',  # an unknown list: it may be empty
])
def test_coalescelist_of_what_is_not_known_stays_unknown(tmp_path, expr):
    assert is_unknown(local_value(tmp_path, expr))


PROVIDER_MODULE = '''
    data "aws_partition" "current" {}
    variable "client_id_list" {
      type    = list(string)
      default = []
    }
    resource "aws_iam_openid_connect_provider" "this" {
      url            = "https://token.actions.githubusercontent.com"
      client_id_list = coalescelist(var.client_id_list, ["sts.${data.aws_partition.current.dns_suffix}"])
    }
'''


def test_coalescelist_of_a_module_argument_is_reported_at_the_argument(tmp_path):
    write(tmp_path, {
        "modules/oidc/main.tf": PROVIDER_MODULE,
        "legacy/main.tf": '''
            module "oidc" {
              source = "../modules/oidc"

              client_id_list = ["https://github.com/acme"]
            }
            ''',
        "workloads/main.tf": 'module "oidc" {\n  source = "../modules/oidc"\n}\n',
    })
    assert found(tmp_path, "oidc-provider-audience-missing") == [("legacy/main.tf", 5)]


# -- values read through locals ------------------------------------------------------

TASK = '''
    variable "datadog_api_key" { sensitive = true }
    resource "aws_ecs_task_definition" "app" {
      family                   = "app"
      requires_compatibilities = ["FARGATE"]
      network_mode             = "awsvpc"
      cpu                      = 256
      memory                   = 512
      container_definitions    = jsonencode(CONTAINERS)
    }
'''

LOCALS = '''
    locals {
      app = {
        name  = "app"
        image = "nginx:1.25"
      }
      sidecars = {
        datadog = {
          name  = "datadog-agent"
          image = "public.ecr.aws/datadog/agent:7.58.2"
          environment = [
            { name = "DD_SITE", value = "datadoghq.eu" },
            { name = "DD_API_KEY", value = var.datadog_api_key },
          ]
        }
      }
    }
'''


@pytest.mark.parametrize("containers", [
    "[local.app, local.sidecars.datadog]",
    '[local.app, local.sidecars["datadog"]]',
    "concat([local.app], [local.sidecars.datadog])",
    "[local.app, local.agent]",  # a local of a local
])
def test_a_containers_findings_point_into_the_locals_block_of_another_file(tmp_path, containers):
    write(tmp_path, {"main.tf": TASK.replace("CONTAINERS", containers),
                     "locals.tf": LOCALS + "locals {\n  agent = local.sidecars.datadog\n}\n"})
    assert found(tmp_path, "taskdef-secret-in-environment") == [("locals.tf", 13)]


def test_a_containers_findings_point_into_the_locals_block_of_the_same_file(tmp_path):
    write(tmp_path, {"main.tf": LOCALS + TASK.replace(
        "CONTAINERS", "[local.app, local.sidecars.datadog]")})
    assert found(tmp_path, "taskdef-secret-in-environment") == [("main.tf", 13)]


def test_a_value_written_inline_keeps_its_own_position(tmp_path):
    write(tmp_path, {"main.tf": TASK.replace("CONTAINERS", '''[local.app, {
        name        = "agent"
        image       = "public.ecr.aws/datadog/agent:7.58.2"
        environment = [{ name = "DD_API_KEY", value = var.datadog_api_key }]
      }]'''), "locals.tf": LOCALS})
    assert found(tmp_path, "taskdef-secret-in-environment") == [("main.tf", 12)]


def test_a_scalar_local_is_reported_where_it_is_used(tmp_path):
    # only what is inside a local's value moves: the value itself stays at its use
    write(tmp_path, {
        "main.tf": TASK.replace("CONTAINERS", '[{ name = "app", image = local.image }]'),
        "locals.tf": 'locals {\n  image = "nginx:latest"\n}\n'})
    assert found(tmp_path, "taskdef-image-latest") == [("main.tf", 9)]


def test_locals_that_refer_to_each_other_do_not_break_the_run(tmp_path):
    write(tmp_path, {"main.tf": TASK.replace("CONTAINERS", "[local.a, local.b]"),
                     "locals.tf": "locals {\n  a = { x = local.b }\n  b = [local.a]\n"
                                  "  c = local.c\n}\n"})
    assert all(f.rule != "internal-error" for f in lint_folder(tmp_path))


# -- a block that makes nothing ------------------------------------------------------

@pytest.mark.parametrize("count, grace", [("0", []), ("1", [("main.tf", 10)])])
def test_a_dynamic_block_over_a_count_zero_data_source_makes_nothing(tmp_path, count, grace):
    # ib/06: `for_each = data.aws_lb_target_group.blue` of a `count = 0` data source
    write(tmp_path, {"main.tf": f"""\
        data "aws_lb_target_group" "blue" {{
          count = {count}
          name  = "blue"
        }}
        resource "aws_ecs_service" "svc" {{
          name            = "svc"
          cluster         = "c"
          task_definition = "t"
          desired_count   = 2
          dynamic "load_balancer" {{
            for_each = data.aws_lb_target_group.blue
            content {{
              target_group_arn = load_balancer.value.arn
              container_name   = "app"
              container_port   = 8080
            }}
          }}
          deployment_circuit_breaker {{
            enable   = true
            rollback = true
          }}
        }}
        """})
    assert found(tmp_path, "service-grace-period-short") == grace
