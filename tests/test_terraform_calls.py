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


def test_a_root_resources_wildcard_from_its_tfvars_is_reported_at_the_tfvars(tmp_path):
    # (stop 32, lu/02: where the wildcard is written, as for a module call's tfvars)
    write(tmp_path, {
        "main.tf": TRUST,
        "terraform.tfvars": 'subjects = ["repo:acme/app:*"]\n',
    })
    assert found(tmp_path, ("trust-",)) == [("trust-sub-any-context", "terraform.tfvars", 1)]


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


def test_collection_functions_on_known_values(tmp_path):
    from test_terraform_ds import local_value

    assert local_value(tmp_path, 'distinct(["a", "b", "a", 1, true, 1])') == ["a", "b", 1, True]
    assert local_value(tmp_path, 'sort(["b", "a", "c"])') == ["a", "b", "c"]
    assert local_value(tmp_path, 'keys({ b = 1, a = 2 })') == ["a", "b"]
    assert local_value(tmp_path, 'values({ b = 1, a = 2 })') == [2, 1]
    assert local_value(tmp_path, 'reverse([1, 2])') == [2, 1]
    assert local_value(tmp_path, 'compact(["a", "", null, "b"])') == ["a", "b"]
    assert local_value(tmp_path, 'lookup({ a = "x" }, "b", "d")') == "d"
    assert local_value(tmp_path, 'element(["a", "b"], 3)') == "b"
    assert local_value(tmp_path, 'coalesce("", null, "c")') == "c"
    # not known: left unknown, never guessed
    assert not isinstance(local_value(tmp_path, 'sort(["b", var.unknown])'), list)
    assert not isinstance(local_value(tmp_path, 'coalesce(var.unknown, "c")'), str)
    assert not isinstance(local_value(tmp_path, 'lookup({ a = "x" }, "b")'), str)


def test_a_sub_list_through_distinct_is_read(tmp_path):
    write(tmp_path, {"main.tf": TRUST.replace(
        "values   = var.subjects", 'values   = distinct(concat(var.subjects, ["repo:acme/*"]))')})
    assert [f[0] for f in found(tmp_path, ("trust-",))] == ["trust-sub-any-repo"]


PASSROLE_MODULE = '''
    variable "name" {}
    variable "pass" {}
    resource "aws_iam_role" "this" {
      name               = var.name
      assume_role_policy = "{}"
    }
    resource "aws_iam_role_policy" "this" {
      role = aws_iam_role.this.id
      policy = jsonencode({
        Version = "2012-10-17"
        Statement = [{ Effect = "Allow", Action = "iam:PassRole", Resource = var.pass },
                     { Effect = "Allow", Action = "ecs:RegisterTaskDefinition", Resource = "*" }]
      })
    }
'''


def test_each_calls_role_has_its_own_policies(tmp_path):
    # the staging call's policy allows passing the role; production's does not
    role = "arn:aws:iam::123456789012:role/{}"
    write(tmp_path, {
        "modules/role/main.tf": PASSROLE_MODULE,
        "main.tf": '''
            module "role" {
              for_each = { staging = "exec", production = "other" }
              source   = "./modules/role"
              name     = "deploy-${each.key}"
              pass     = "arn:aws:iam::123456789012:role/${each.value}"
            }
            ''',
        ".ecs-lint.yaml": "github:\n  repository: acme/app\n",
        "taskdef.json": '{"family": "app", "executionRoleArn": "%s", "containerDefinitions": '
                        '[{"name": "app", "image": "nginx:1.25"}]}' % role.format("exec"),
        ".github/workflows/deploy.yml": textwrap.dedent('''
            on: {push: {branches: [main]}}
            permissions: {id-token: write}
            jobs:
              deploy:
                runs-on: ubuntu-latest
                strategy: {matrix: {env: [staging, production]}}
                steps:
                  - uses: aws-actions/configure-aws-credentials@v4
                    with:
                      role-to-assume: arn:aws:iam::123456789012:role/deploy-${{ matrix.env }}
                      aws-region: us-east-1
                  - run: aws ecs register-task-definition --cli-input-json file://taskdef.json
            '''),
    })
    findings = [f for f in lint_folder(tmp_path) if f.rule == "xref-passrole-not-covered"]
    assert len(findings) == 1 and "deploy-production" in findings[0].message


def test_positions_follow_each_value_and_for_names_to_the_tfvars(tmp_path):
    write(tmp_path, {
        "modules/svc/main.tf": '''
            variable "environment" { default = {} }
            variable "cpu" {}
            variable "memory" {}
            resource "aws_ecs_task_definition" "app" {
              family                   = "app"
              requires_compatibilities = ["FARGATE"]
              network_mode             = "awsvpc"
              cpu                      = var.cpu
              memory                   = var.memory
              container_definitions = jsonencode([{
                name        = "app"
                image       = "nginx:1.25"
                environment = [for k, v in var.environment : { name = k, value = v }]
              }])
            }
            ''',
        "main.tf": '''
            variable "services" {}
            module "svc" {
              source      = "./modules/svc"
              for_each    = var.services
              cpu         = each.value.cpu
              memory      = each.value.memory
              environment = each.value.env
            }
            ''',
        "terraform.tfvars": textwrap.dedent('''\
            services = {
              api = {
                cpu    = 256
                memory = 512
                env    = { MODE = "api" }
              }
              mailer = {
                cpu    = 1024
                memory = 512
                env    = { SENDGRID_API_KEY = "SG.abcdefghijklmnopqrstuv.wxyz0123456789abcdefghijklmnopqrstuvwxyz" }
              }
            }
            '''),
    })
    got = sorted((f.rule, f.file, f.span.line) for f in lint_folder(tmp_path)
                 if f.rule in ("taskdef-fargate-invalid", "taskdef-secret-in-environment"))
    assert got == [("taskdef-fargate-invalid", "terraform.tfvars", 9),
                   ("taskdef-secret-in-environment", "terraform.tfvars", 10)]


_junk = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(-3, 5), st.text(max_size=4),
              st.builds(lambda n: terraform.unknown(n), st.sampled_from(["a", "b"]))),
    lambda c: st.one_of(st.lists(c, max_size=3), st.dictionaries(st.text(max_size=3), c, max_size=3)),
    max_leaves=8)


@settings(max_examples=300, deadline=None)
@given(name=st.sampled_from(sorted(terraform._FUNCS_COLLECTION)), args=st.lists(_junk, max_size=3))
def test_collection_functions_take_any_arguments(name, args):
    terraform._FUNCS_COLLECTION[name](args)  # a value or None, never an exception


_tfvalue = st.recursive(
    st.sampled_from(["1", "null", '"x"', "true", "[]", "{}"]),
    lambda c: st.one_of(st.lists(c, max_size=3).map(lambda xs: "[" + ", ".join(xs) + "]"),
                        st.dictionaries(st.sampled_from(["a", "b", "env", "cpu"]), c, max_size=3)
                        .map(lambda d: "{ " + ", ".join(f"{k} = {v}" for k, v in d.items()) + " }")),
    max_leaves=8)


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(services=_tfvalue, body=st.sampled_from([
    "each.value", "each.value.env", "[for k, v in each.value : v]",
    "[for x in each.value.env : x]", "{ for k, v in each.value : k => v }", "each.value[0]"]))
def test_calls_over_tfvars_of_any_shape_are_read_without_crashing(tmp_path, services, body):
    root = tmp_path / "r"
    if root.exists():
        import shutil

        shutil.rmtree(root)
    write(root, {
        "m/main.tf": 'variable "x" {}\nlocals { y = [for k, v in var.x : v] }\n'
                     'resource "aws_iam_role" "r" {\n  name = var.x\n  assume_role_policy = "{}"\n}\n',
        "main.tf": f'variable "s" {{}}\nmodule "m" {{\n  source = "./m"\n  for_each = var.s\n'
                   f'  x = {body}\n}}\n',
        "terraform.tfvars": f"s = {services}\n"})
    for f in lint_folder(root):
        assert f.rule != "internal-error", f.message


def test_a_string_of_one_passed_value_points_at_that_value(tmp_path):
    # `image = "repo:${var.tag}"`: the tag is what varies; `repo:${var.org}/*`:
    # the wildcard is the module's own text
    write(tmp_path, {
        "modules/svc/main.tf": SERVICE.replace(
            'default = "123456789012.dkr.ecr.us-east-1.amazonaws.com/app:v1"', "").replace(
            "image = var.image", 'image = "123456789012.dkr.ecr.us-east-1.amazonaws.com/app:${var.image}"'),
        "modules/role/main.tf": TRUST.replace("values   = var.subjects",
                                              'values   = ["repo:${var.org}/*"]'),
        "main.tf": call("svc", "./modules/svc", '  image = var.tag\n')
        + 'variable "tag" {}\n' + call("role", "./modules/role", '  org = "acme"\n'),
        "terraform.tfvars": 'tag = "latest"\n',
    })
    got = found(tmp_path, ("taskdef-image-latest", "trust-sub-any-repo"))
    assert got == [("taskdef-image-latest", "terraform.tfvars", 1),
                   ("trust-sub-any-repo", "modules/role/main.tf", 19)]


def _tf_workflow(run: str, env: str = "") -> str:
    return textwrap.dedent("""\
        on: {push: {branches: [main]}}
        jobs:
          apply:
            runs-on: ubuntu-latest
        %s    steps:
              - uses: actions/checkout@v4
              - run: %s
        """) % (env, run)


def test_a_workflows_terraform_run_sets_the_root_modules_variables(tmp_path):
    latest = SERVICE.replace("app:v1", "app:latest")
    write(tmp_path, {"infra/main.tf": latest, "infra/prod.tfvars": "maximum_percent = 100\n",
                     ".github/workflows/apply.yml": _tf_workflow(
                         "terraform -chdir=infra apply -auto-approve -var-file=prod.tfvars "
                         "-var image=${{ env.IMAGE }}")})
    # the run's var file makes 100/100 (at the use site: a root module's own resource);
    # the image it passes is unknown: not the module's default
    assert found(tmp_path, ("service-", "taskdef-image")) == [
        ("service-deployment-blocked", "infra/prod.tfvars", 1)]


def test_tf_var_environment_is_below_the_tfvars(tmp_path):
    env = "    env:\n      TF_VAR_maximum_percent: '100'\n      TF_VAR_minimum_percent: '50'\n"
    write(tmp_path, {"infra/main.tf": SERVICE, "infra/terraform.tfvars": "minimum_percent = 100\n",
                     ".github/workflows/apply.yml": _tf_workflow(
                         "terraform apply -auto-approve", env).replace(
                             "      - run:", "      - working-directory: infra\n        run:")})
    assert found(tmp_path, ("service-deployment-blocked",)) == [
        ("service-deployment-blocked", "infra/main.tf", 27)]


def test_without_a_workflow_run_the_root_module_keeps_its_defaults(tmp_path):
    write(tmp_path, {"infra/main.tf": SERVICE, "infra/prod.tfvars": "maximum_percent = 100\n"})
    assert found(tmp_path, ("service-deployment-blocked",)) == []


_tf_word = st.one_of(st.sampled_from([
    "-var-file=prod.tfvars", "-var-file", "prod.tfvars", "-var", "a=b", "-var=cpu=256",
    "-chdir=infra", "-chdir=../..", "-chdir=", "plan", "apply", "-auto-approve", "-var=",
    "-var-file=/etc/passwd", "-var-file=missing.tfvars", "=", "-var-file=../x.json"]),
    st.text(alphabet=st.sampled_from("-=a./$ {}"), max_size=8))


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(words=st.lists(_tf_word, max_size=6), tfvars=st.sampled_from(
    ["cpu = 256\n", "cpu = [\n", "{}", "", '{"cpu": 1}', "memory = var.x\n"]))
def test_terraform_runs_of_any_shape_are_read_without_crashing(tmp_path, words, tfvars):
    import json
    import shutil

    root = tmp_path / "r"
    if root.exists():
        shutil.rmtree(root)
    write(root, {"infra/main.tf": SERVICE, "infra/prod.tfvars": tfvars,
                 ".github/workflows/apply.yml": _tf_workflow(
                     json.dumps("terraform " + " ".join(words)))})
    for f in lint_folder(root):
        assert f.rule != "internal-error", f.message


def test_apply_of_a_saved_plan_is_the_plans_run(tmp_path):
    latest = SERVICE.replace("app:v1", "app:latest")
    run = ("|\n          terraform -chdir=infra plan -out tfplan -var \"image=${{ env.IMAGE }}\"\n"
           "          terraform -chdir=infra apply tfplan")
    write(tmp_path, {"infra/main.tf": latest, ".github/workflows/apply.yml": _tf_workflow(run)})
    assert found(tmp_path, ("taskdef-image-latest",)) == []


def test_a_run_var_file_value_is_reported_in_the_var_file(tmp_path):
    write(tmp_path, {"infra/main.tf": SERVICE, "infra/prod.tfvars": "# prod\nmaximum_percent = 100\n",
                     ".github/workflows/apply.yml": _tf_workflow(
                         "terraform -chdir=infra apply -auto-approve -var-file=prod.tfvars")})
    assert found(tmp_path, ("service-deployment-blocked",)) == [
        ("service-deployment-blocked", "infra/prod.tfvars", 2)]


def test_dflook_variables_override_its_var_files(tmp_path):
    latest = SERVICE.replace("app:v1", "app:latest")
    wf = _tf_workflow("echo").replace("      - run: echo", textwrap.indent(textwrap.dedent("""\
        - uses: dflook/terraform-apply@v1
          with:
            path: infra
            var_file: infra/prod.tfvars
            variables: |
              image = "${{ env.IMAGE }}"
        """), "      ").rstrip())
    write(tmp_path, {"infra/main.tf": latest, "infra/prod.tfvars": 'image = "app:latest"\n',
                     ".github/workflows/apply.yml": wf})
    assert found(tmp_path, ("taskdef-image-latest",)) == []
