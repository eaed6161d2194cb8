"""A local Terraform module is read once per `module` call of it in the
repository, with the call's arguments as its variables (the ek and ep cases);
a module nothing calls is read on its own, with its defaults."""
import textwrap

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import lint_folder
from ecs_lint import terraform

SERVICE = '''
    variable "name" { default = "app" }
    variable "desired_count" { default = 2 }
    variable "maximum_percent" { default = 200 }
    variable "minimum_percent" { default = 100 }
    variable "cpu" { default = 256 }
    variable "memory" { default = 512 }
    variable "image" { default = "123456789012.dkr.ecr.us-east-1.amazonaws.com/app:v1" }

    resource "aws_ecs_task_definition" "app" {
      family                   = var.name
      requires_compatibilities = ["FARGATE"]
      network_mode             = "awsvpc"
      cpu                      = var.cpu
      memory                   = var.memory
      container_definitions = jsonencode([{
        name  = "app"
        image = var.image
        logConfiguration = { logDriver = "awslogs", options = {} }
      }])
    }

    resource "aws_ecs_service" "app" {
      name                               = var.name
      task_definition                    = aws_ecs_task_definition.app.arn
      desired_count                      = var.desired_count
      deployment_maximum_percent         = var.maximum_percent
      deployment_minimum_healthy_percent = var.minimum_percent
      deployment_circuit_breaker {
        enable   = true
        rollback = true
      }
    }
'''

TRUST = '''
    variable "subjects" { default = ["repo:acme/*"] }

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
          values   = var.subjects
        }
      }
    }

    resource "aws_iam_role" "deploy" {
      name               = "deploy"
      assume_role_policy = data.aws_iam_policy_document.trust.json
    }
'''


def write(root, files: dict):
    terraform._MODULES.clear()
    for name, text in files.items():
        p = root / name
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(textwrap.dedent(text))


def found(root, prefix=("service-", "taskdef-", "trust-")):
    return sorted((f.rule, f.file, f.span.line) for f in lint_folder(root)
                  if f.rule.startswith(prefix) and f.severity != "info")


def call(name, source, args="", meta=""):
    return f'module "{name}" {{\n  source = "{source}"\n{meta}{args}}}\n'


def test_a_module_nothing_calls_is_read_with_its_defaults(tmp_path):
    write(tmp_path, {"modules/svc/main.tf": SERVICE.replace("default = 200", "default = 100")})
    assert found(tmp_path) == [("service-deployment-blocked", "modules/svc/main.tf", 27)]


def test_defaults_every_call_overrides_are_not_reported(tmp_path):
    write(tmp_path, {
        "modules/svc/main.tf": SERVICE.replace("default = 200", "default = 100"),
        "envs/prod/main.tf": call("svc", "../../modules/svc", "  maximum_percent = 200\n"),
        "envs/dev/main.tf": call("svc", "../../modules/svc", "  minimum_percent = 50\n"),
    })
    assert found(tmp_path) == []


def test_a_finding_from_an_argument_points_at_the_argument(tmp_path):
    write(tmp_path, {
        "modules/svc/main.tf": SERVICE,
        "envs/prod/main.tf": call("svc", "../../modules/svc", "  maximum_percent = 200\n"),
        "envs/dev/main.tf": call("svc", "../../modules/svc", "  cpu    = 256\n  memory = 4096\n"),
    })
    findings = [f for f in lint_folder(tmp_path) if f.rule == "taskdef-fargate-invalid"]
    assert [(f.file, f.span.line) for f in findings] == [("envs/dev/main.tf", 4)]


def test_a_finding_in_the_module_names_the_call(tmp_path):
    write(tmp_path, {
        "modules/svc/main.tf": SERVICE,
        "envs/dev/main.tf": "# dev\n" + call("svc", "../../modules/svc",
                                           "  desired_count   = 1\n  maximum_percent = 150\n"),
    })
    (f,) = [f for f in lint_folder(tmp_path) if f.rule == "service-deployment-blocked"]
    # the percent is an argument: it is there; the call is named in any case
    assert (f.file, f.span.line) == ("envs/dev/main.tf", 5)
    write(tmp_path, {"envs/dev/main.tf": "# dev\n" + call(
        "svc", "../../modules/svc", "  desired_count = 1\n  minimum_percent = 100\n")})
    (tmp_path / "modules/svc/main.tf").write_text(textwrap.dedent(SERVICE).replace(
        "default = 200", "default = 150"))
    (f,) = [f for f in lint_folder(tmp_path) if f.rule == "service-deployment-blocked"]
    assert f.file == "modules/svc/main.tf"
    assert [(r.file, r.span.line, r.message) for r in f.related] == [
        ("envs/dev/main.tf", 2, "read for module.svc, called here")]


def test_one_reading_per_instance_and_none_for_count_zero(tmp_path):
    write(tmp_path, {
        "modules/svc/main.tf": SERVICE,
        "main.tf": '''
            variable "sizes" {
              default = {
                small = { cpu = 256, memory = 512 }
                wrong = { cpu = 1024, memory = 512 }
              }
            }
            module "svc" {
              source   = "./modules/svc"
              for_each = var.sizes
              name     = each.key
              cpu      = each.value.cpu
              memory   = each.value.memory
            }
            module "off" {
              source = "./modules/svc"
              count  = 0
              memory = 3
            }
            ''',
    })
    findings = [f for f in lint_folder(tmp_path) if f.rule == "taskdef-fargate-invalid"]
    assert len(findings) == 1 and "memory 512 with cpu 1024" in findings[0].message
    assert (findings[0].file, findings[0].span.line) == ("main.tf", 13)  # the memory argument


def test_values_pass_through_nested_calls(tmp_path):
    write(tmp_path, {
        "modules/role/main.tf": TRUST,
        "modules/stack/main.tf": '''
            variable "subjects" {}
            module "role" {
              source   = "../role"
              subjects = var.subjects
            }
            ''',
        "envs/prod/main.tf": call("stack", "../../modules/stack",
                                  '  subjects = ["repo:acme/app:ref:refs/heads/main"]\n'),
        "envs/dev/main.tf": call("stack", "../../modules/stack",
                                 '  subjects = ["repo:acme/app:*"]\n'),
    })
    assert found(tmp_path, ("trust-",)) == [("trust-sub-any-context", "envs/dev/main.tf", 3)]


def test_a_called_module_does_not_read_its_own_tfvars(tmp_path):
    # Terraform reads the tfvars of the root module it runs in only
    write(tmp_path, {
        "modules/role/main.tf": TRUST,
        "modules/role/terraform.tfvars": 'subjects = ["repo:acme/*"]\n',
        "main.tf": call("role", "./modules/role",
                        '  subjects = ["repo:acme/app:environment:prod"]\n'),
    })
    assert found(tmp_path, ("trust-",)) == []


def test_an_argument_from_the_callers_tfvars_points_at_the_tfvars(tmp_path):
    write(tmp_path, {
        "modules/role/main.tf": TRUST,
        "envs/prod/main.tf": 'variable "subjects" {}\n' + call(
            "role", "../../modules/role", "  subjects = var.subjects\n"),
        "envs/prod/terraform.tfvars": '# prod\nsubjects = [\n  "repo:acme/app:*",\n]\n',
    })
    assert found(tmp_path, ("trust-",)) == [
        ("trust-sub-any-context", "envs/prod/terraform.tfvars", 3)]


def test_a_root_resource_is_reported_where_it_uses_a_tfvars_value(tmp_path):
    write(tmp_path, {
        "main.tf": TRUST,
        "terraform.tfvars": 'subjects = ["repo:acme/app:*"]\n',
    })
    assert found(tmp_path, ("trust-",)) == [("trust-sub-any-context", "main.tf", 19)]


def test_registry_and_git_sources_are_not_local_calls(tmp_path):
    write(tmp_path, {
        "modules/role/main.tf": TRUST,
        "main.tf": call("a", "git::https://example.com/x.git//modules/role")
        + call("b", "acme/role/aws", "  subjects = []\n"),
    })
    assert found(tmp_path, ("trust-",)) == [("trust-sub-any-repo", "modules/role/main.tf", 19)]


def test_modules_that_call_each_other_are_read(tmp_path):
    write(tmp_path, {
        "a/main.tf": TRUST + call("b", "../b", "  x = 1\n"),
        "b/main.tf": 'variable "x" {}\n' + call("a", "../a", '  subjects = ["repo:acme/*"]\n'),
    })
    assert ("trust-sub-any-repo", "b/main.tf", 4) in found(tmp_path, ("trust-",))


def test_an_edited_caller_changes_a_reused_result(tmp_path, monkeypatch):
    from ecs_lint import runner

    monkeypatch.setattr(runner, "REUSE_RESULTS", True)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    monkeypatch.delenv("ECS_LINT_NO_CACHE", raising=False)
    root = tmp_path / "repo"
    write(root, {
        "modules/role/main.tf": TRUST,
        "envs/prod/main.tf": call("role", "../../modules/role",
                                  '  subjects = ["repo:acme/app:environment:prod"]\n'),
    })
    assert found(root, ("trust-",)) == []
    (root / "envs/prod/main.tf").write_text(call("role", "../../modules/role",
                                                 '  subjects = ["repo:acme/*"]\n'))
    assert found(root, ("trust-",)) == [("trust-sub-any-repo", "envs/prod/main.tf", 3)]
    (root / "envs/prod/main.tf").unlink()  # nothing calls it now: its defaults
    assert found(root, ("trust-",)) == [("trust-sub-any-repo", "modules/role/main.tf", 19)]


_source = st.one_of(
    st.sampled_from(["./m", "../m", "./", "../", "./m/../m", "./missing", ".//m", "./m\\n"]),
    st.text(alphabet=st.sampled_from('./m"\\${}a '), max_size=12))
_arg = st.one_of(st.sampled_from(["1", "null", "[]", "{}", '"x"', "var.nothing", "module.m",
                                  "each.value", "count.index", '["repo:a/*"]', "{ a = 1 }"]),
                 st.text(alphabet=st.sampled_from('[]{}"=a1 .'), max_size=10))


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(source=_source, subjects=_arg, meta=st.sampled_from(
    ["", "  count = 0\n", "  count = 2\n", "  for_each = toset([\"a\"])\n", "  for_each = 3\n"]))
def test_calls_of_any_shape_are_read_without_crashing(tmp_path, source, subjects, meta):
    root = tmp_path / "r"
    if root.exists():
        import shutil

        shutil.rmtree(root)
    write(root, {"m/main.tf": TRUST,
                 "main.tf": f'module "x" {{\n  source = "{source}"\n{meta}  subjects = {subjects}\n}}\n'})
    for f in lint_folder(root):
        assert f.rule != "internal-error", f.message
