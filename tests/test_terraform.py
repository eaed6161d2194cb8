"""Terraform extraction: .tf files and plan JSON -> documents of the API model,
with positions on the template's own lines."""
import json
import os
import subprocess
import sys
import textwrap

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import FIXTURES, lint_folder, run_cli
from ecs_lint import terraform
from ecs_lint.loader import LoadError, load_json
from ecs_lint.values import Template, Unknown

TF = FIXTURES / "terraform"


def docs_of(path):
    path = str(path)
    with open(path) as f:
        return terraform.extract(path, f.read())


def one(docs, kind, name=None):
    hits = [d for d in docs if d.kind == kind and (name is None or d.name == name)]
    assert len(hits) == 1, [(d.kind, d.name) for d in docs]
    return hits[0]


def write(tmp_path, name, text):
    p = tmp_path / name
    p.write_text(textwrap.dedent(text))
    return p


SUB = "token.actions.githubusercontent.com:sub"


# -- jsonencode, heredoc, quoted JSON ------------------------------------------

def test_jsonencode_trust_resolves_locals_and_points_at_lines():
    docs = docs_of(TF / "jsonencode" / "iam.tf")
    trust = one(docs, "trust-policy", "aws_iam_role.deploy")
    st0 = trust.data["Statement"][0]
    assert st0["Condition"]["StringLike"][SUB] == "repo:acme/orders:*"
    assert trust.context["role_name"] == "orders-deploy"
    assert trust.context["role_ref"] == "aws_iam_role.deploy"
    assert trust.context["template"]["format"] == "terraform"
    assert trust.span(("Statement", 0, "Condition", "StringLike", SUB)).line == 18
    assert trust.span(("Statement", 0, "Action")).line == 15
    assert trust.span(("Statement", 0, "Condition", "StringLike", SUB), key=True).line == 18
    policy = one(docs, "permissions-policy", "aws_iam_role_policy.deploy")
    assert policy.context["roles"] == ["aws_iam_role.deploy"]
    assert policy.span(("Statement", 0, "Action", 0)).line == 32


def test_heredoc_positions_map_into_the_file():
    docs = docs_of(TF / "heredoc" / "role.tf")
    ci = one(docs, "trust-policy", "aws_iam_role.ci")
    assert ci.data["Statement"][0]["Condition"]["StringLike"][SUB] == "repo:acme/*"  # variable default
    span = ci.span(("Statement", 0, "Condition", "StringLike", SUB))
    assert (span.line, span.column) == (18, 71)
    main = one(docs, "trust-policy", "aws_iam_role.main_only")  # plain <<EOF, unknown variable
    principal = main.data["Statement"][0]["Principal"]["Federated"]
    assert isinstance(principal, Template)
    assert Unknown("var.account_id") in principal.parts
    assert str(principal).endswith(":oidc-provider/token.actions.githubusercontent.com")
    assert main.span(("Statement", 0, "Condition", "StringEquals", SUB)).line == 53


def test_quoted_json_string_columns_follow_escapes():
    docs = docs_of(TF / "heredoc" / "role.tf")
    policy = one(docs, "permissions-policy", "aws_iam_policy.pass")
    assert policy.data["Statement"][0]["Resource"] == "*"
    text = (TF / "heredoc" / "role.tf").read_text().splitlines()[27]
    span = policy.span(("Statement", 0, "Resource"))
    assert span.line == 28
    assert text[span.column - 1:].startswith('\\"*\\"')
    assert policy.context["roles"] == ["aws_iam_role.ci"]  # through the attachment


# -- aws_iam_policy_document -----------------------------------------------------

def test_policy_document_becomes_iam_json_in_its_own_file():
    docs = docs_of(TF / "policy-document" / "trust.tf")
    trust = one(docs, "trust-policy", "data.aws_iam_policy_document.any_owner")
    st0 = trust.data["Statement"][0]
    assert st0["Effect"] == "Allow"
    assert st0["Action"] == ["sts:AssumeRoleWithWebIdentity"]
    fed = st0["Principal"]["Federated"]
    assert len(fed) == 1 and str(fed[0]).endswith(":oidc-provider/token.actions.githubusercontent.com")
    assert st0["Condition"] == {
        "StringEquals": {"token.actions.githubusercontent.com:aud": ["sts.amazonaws.com"]},
        "StringLike": {SUB: ["repo:*"]},
    }
    assert trust.span(("Statement", 0, "Condition", "StringLike", SUB)).line == 20
    assert trust.span(("Statement", 0, "Condition", "StringLike", SUB, 0)).line == 20
    assert trust.span(("Statement", 0, "Principal", "Federated")).line == 8
    assert trust.span(("Statement", 0, "Action")).line == 4
    # the role is in roles.tf: its name reaches the document
    assert trust.context["role_name"] == "shop-open"
    assert trust.context["role_ref"] == "aws_iam_role.open"
    prod = one(docs, "trust-policy", "data.aws_iam_policy_document.production")
    assert prod.data["Statement"][0]["Condition"]["StringEquals"][SUB] == \
        ["repo:acme/shop:environment:production"]
    assert prod.span(("Statement", 0, "Effect")).line == 27  # the default Effect: the statement
    deploy = one(docs, "permissions-policy", "data.aws_iam_policy_document.deploy")
    assert deploy.context["roles"] == ["aws_iam_role.production"]
    # roles.tf itself holds no policy text: only the provider
    assert [d.kind for d in docs_of(TF / "policy-document" / "roles.tf")] == ["oidc-provider"]


def test_dynamic_blocks_are_unknown_not_dropped(tmp_path):
    p = write(tmp_path, "main.tf", """\
        data "aws_iam_policy_document" "t" {
          statement {
            actions = ["sts:AssumeRoleWithWebIdentity"]
            principals {
              type        = "Federated"
              identifiers = ["arn:aws:iam::1:oidc-provider/token.actions.githubusercontent.com"]
            }
            dynamic "condition" {
              for_each = var.conditions
              content {
                test     = condition.value.test
                variable = condition.value.variable
                values   = condition.value.values
              }
            }
          }
          dynamic "statement" {
            for_each = var.more
            content {}
          }
        }
        resource "aws_iam_role" "r" {
          assume_role_policy = data.aws_iam_policy_document.t.json
        }
        """)
    doc = one(docs_of(p), "trust-policy")
    assert isinstance(doc.data["Statement"][0]["Condition"], Template)
    assert isinstance(doc.data["Statement"][1], Template)


DYNAMIC_TRUST = """\
    variable "deployers" {
      default = %s
    }
    data "aws_iam_policy_document" "t" {
      dynamic "statement" {
        for_each = var.deployers%s
        content {
          actions = ["sts:AssumeRoleWithWebIdentity"]
          principals {
            type        = "Federated"
            identifiers = ["arn:aws:iam::1:oidc-provider/token.actions.githubusercontent.com"]
          }
          dynamic "condition" {
            for_each = ["sub"]
            content {
              test     = "StringLike"
              variable = "token.actions.githubusercontent.com:${condition.value}"
              values   = ["repo:${%s.key}:${%s.value}"]
            }
          }
        }
      }
    }
    resource "aws_iam_role" "r" {
      assume_role_policy = data.aws_iam_policy_document.t.json
    }
    """


@pytest.mark.parametrize("iterator", ["", "deployer"])
def test_dynamic_blocks_over_a_known_collection_make_one_block_each(tmp_path, iterator):
    name = iterator or "statement"
    p = write(tmp_path, "main.tf", DYNAMIC_TRUST % (
        '{"o/api" = "environment:production", "o/sandbox" = "*"}',
        f"\n    iterator = {iterator}" if iterator else "", name, name))
    doc = one(docs_of(p), "trust-policy")
    subs = [st["Condition"]["StringLike"][SUB] for st in doc.data["Statement"]]
    assert subs == [["repo:o/api:environment:production"], ["repo:o/sandbox:*"]]
    # each statement points at the line of the content it was made from
    line = next(n for n, text in enumerate(p.read_text().splitlines(), 1) if "values" in text)
    assert doc.span(("Statement", 1, "Condition", "StringLike", SUB)).line == line
    found = [f for f in lint_folder(tmp_path) if f.rule.startswith("trust-sub-")]
    assert [(f.rule, f.span.line) for f in found] == [("trust-sub-any-context", line)]


def test_a_dynamic_block_over_an_empty_collection_makes_none(tmp_path):
    p = write(tmp_path, "main.tf", DYNAMIC_TRUST % ("{}", "", "statement", "statement"))
    assert one(docs_of(p), "trust-policy").data["Statement"] == []


def _trust_document(name, sid, sub):
    return f"""
    data "aws_iam_policy_document" "{name}" {{
      statement {{
        sid     = "{sid}"
        actions = ["sts:AssumeRoleWithWebIdentity"]
        principals {{
          type        = "Federated"
          identifiers = ["arn:aws:iam::1:oidc-provider/token.actions.githubusercontent.com"]
        }}
        condition {{
          test     = "StringLike"
          variable = "token.actions.githubusercontent.com:sub"
          values   = ["{sub}"]
        }}
      }}
    }}
    """


MERGED = (_trust_document("base", "Deploy", "repo:o/a:environment:production")
          + _trust_document("extra", "%s", "repo:o/a:ref:refs/heads/main") + """
    data "aws_iam_policy_document" "merged" {
      source_policy_documents   = [data.aws_iam_policy_document.base.json]
      %s = [data.aws_iam_policy_document.extra.json]
    }
    resource "aws_iam_role" "r" {
      assume_role_policy = data.aws_iam_policy_document.merged.json
    }
    """)


@pytest.mark.parametrize("how, sid, subs", [
    # an override statement replaces the one of the same Sid, others are added
    ("override_policy_documents", "Deploy", ["repo:o/a:ref:refs/heads/main"]),
    ("override_policy_documents", "Build",
     ["repo:o/a:environment:production", "repo:o/a:ref:refs/heads/main"]),
    ("source_policy_documents", "Build",
     ["repo:o/a:environment:production", "repo:o/a:ref:refs/heads/main"]),
])
def test_source_and_override_documents_are_merged_as_the_provider_merges_them(
        tmp_path, how, sid, subs):
    text = MERGED % (sid, how)
    if how == "source_policy_documents":  # both listed as sources
        text = text.replace("source_policy_documents   = [data.aws_iam_policy_document.base.json]\n", "")
        text = text.replace("[data.aws_iam_policy_document.extra.json]",
                            "[data.aws_iam_policy_document.base.json, "
                            "data.aws_iam_policy_document.extra.json]")
    p = write(tmp_path, "main.tf", text)
    (doc,) = docs_of(p)  # the merged trust policy alone: its parts are read in it
    assert doc.kind == "trust-policy" and doc.context["role_ref"] == "aws_iam_role.r"
    got = [st["Condition"]["StringLike"][SUB] for st in doc.data["Statement"]]
    assert got == [[x] for x in subs]
    # each statement points at the document it comes from
    lines = p.read_text().splitlines()
    main = next(n for n, t in enumerate(lines, 1) if "refs/heads/main" in t)
    last = len(doc.data["Statement"]) - 1
    assert doc.span(("Statement", last, "Condition", "StringLike", SUB)).line == main


def test_documents_merged_from_elsewhere_are_read_apart(tmp_path):
    # a source document also used by a role of its own is read apart, as before
    text = MERGED % ("Deploy", "override_policy_documents") + """
    resource "aws_iam_role" "other" {
      assume_role_policy = data.aws_iam_policy_document.base.json
    }
    """
    p = write(tmp_path, "main.tf", text)
    names = sorted(d.name for d in docs_of(p))
    assert "data.aws_iam_policy_document.base" in names


# -- ECS, ECR, OIDC provider -----------------------------------------------------

def test_service_maps_onto_the_api_model():
    docs = docs_of(TF / "ecs" / "ecs.tf")
    svc = one(docs, "service", "aws_ecs_service.blocked")
    assert svc.data["deploymentConfiguration"] == {
        "minimumHealthyPercent": 100, "maximumPercent": 100,
        "deploymentCircuitBreaker": {"enable": True, "rollback": True}}
    assert svc.data["networkConfiguration"]["awsvpcConfiguration"]["assignPublicIp"] == "DISABLED"
    assert svc.data["serviceName"] == "api" and svc.data["launchType"] == "FARGATE"
    assert svc.span(("deploymentConfiguration", "maximumPercent")).line == 9
    assert svc.span(("deploymentConfiguration", "minimumHealthyPercent")).line == 8
    assert svc.span(("deploymentConfiguration", "deploymentCircuitBreaker", "rollback")).line == 13
    assert svc.span(("networkConfiguration", "awsvpcConfiguration", "assignPublicIp")).line == 18
    assert svc.span(()).line == 1
    good = one(docs, "service", "aws_ecs_service.good")
    assert good.data["loadBalancers"] == [{
        "targetGroupArn": "arn:aws:elasticloadbalancing:us-east-1:111122223333:targetgroup/web/abc",
        "containerName": "web", "containerPort": 8080}]
    assert good.data["healthCheckGracePeriodSeconds"] == 90
    assert good.span(("loadBalancers", 0, "containerName")).line == 39


def test_task_definitions_from_jsonencode_and_templatefile():
    docs = docs_of(TF / "ecs" / "ecs.tf")
    api = one(docs, "task-definition", "aws_ecs_task_definition.api")
    assert api.data["networkMode"] == "awsvpc"
    assert api.data["requiresCompatibilities"] == ["FARGATE"]
    assert api.data["executionRoleArn"].endswith("role/api-execution")
    assert api.data["containerDefinitions"][0]["logConfiguration"]["logDriver"] == "awslogs"
    assert api.span(("containerDefinitions", 0, "image")).line == 54
    worker = one(docs, "task-definition", "aws_ecs_task_definition.worker")
    c = worker.data["containerDefinitions"][0]
    assert c["image"].endswith("worker:4f2c1e0")  # templatefile() variable substituted
    # the template's own line, where the text is written
    image = worker.span(("containerDefinitions", 0, "image"))
    assert image.file.endswith("ecs/containers.json.tpl") and image.line == 4


def test_container_definitions_from_a_file_linted_on_its_own(tmp_path):
    # file("containers.json"): the JSON file is linted by the folder walk; the
    # task definition reads it for the task-level rules only, so each container
    # finding is reported once, in the container file
    shown = {(f.rule, f.file, f.line) for f in lint_folder(TF / "file")}
    assert ("taskdef-secrets-no-execution-role", "ecs.tf", 12) in shown
    assert ("taskdef-image-latest", "containers.json", 4) in shown
    assert not [x for x in shown if x[1] == "ecs.tf" and x[0] != SECRETS_NO_ROLE], shown
    assert len([x for x in shown if x[0] == SECRETS_NO_ROLE]) == 1  # api_fixed has a role
    docs = docs_of(TF / "file" / "ecs.tf")
    api = one(docs, "task-definition", "aws_ecs_task_definition.api")
    assert api.data["containerDefinitions"][0]["name"] == "api"
    assert api.context["containers_file"].endswith("containers.json")
    # a file that holds no list of containers, or one outside the repository, stays unknown
    write(tmp_path, "containers.json", '{"name": "api"}')
    write(tmp_path, "ecs.tf", """
        resource "aws_ecs_task_definition" "a" {
          family                = "a"
          container_definitions = file("containers.json")
        }
        resource "aws_ecs_task_definition" "b" {
          family                = "b"
          container_definitions = file("/etc/containers.json")
        }
    """)
    for d in docs_of(tmp_path / "ecs.tf"):
        assert isinstance(d.data["containerDefinitions"], Template), d.name
        assert "containers_file" not in d.context


SECRETS_NO_ROLE = "taskdef-secrets-no-execution-role"


def test_ecr_and_oidc_provider():
    docs = docs_of(TF / "ecs" / "ecs.tf")
    assert "imageTagMutability" not in one(docs, "ecr-repository", "aws_ecr_repository.mutable").data
    imm = one(docs, "ecr-repository", "aws_ecr_repository.immutable")
    assert imm.data == {"repositoryName": "web", "imageTagMutability": "IMMUTABLE"}
    assert imm.span(("imageTagMutability",)).line == 79
    prov = one(docs, "oidc-provider")
    assert prov.data == {"Url": "https://token.actions.githubusercontent.com",
                         "ClientIDList": ["https://github.com/acme"]}
    assert prov.context["format"] == "create"
    assert prov.span(("ClientIDList",)).line == 84


def test_codedeploy_resources(tmp_path):
    p = write(tmp_path, "cd.tf", """\
        resource "aws_codedeploy_deployment_config" "slow" {
          deployment_config_name = "Slow10"
          compute_platform       = "ECS"
          traffic_routing_config {
            type = "TimeBasedCanary"
            time_based_canary {
              interval   = 10
              percentage = 10
            }
          }
        }
        resource "aws_codedeploy_deployment_group" "g" {
          app_name               = "app"
          deployment_group_name  = "g"
          deployment_config_name = aws_codedeploy_deployment_config.slow.deployment_config_name
          ecs_service {
            cluster_name = "main"
            service_name = "api"
          }
        }
        """)
    docs = docs_of(p)
    cfg = one(docs, "codedeploy-deployment-config")
    assert cfg.data["trafficRoutingConfig"]["timeBasedCanary"] == {
        "canaryInterval": 10, "canaryPercentage": 10}
    group = one(docs, "codedeploy-deployment-group")
    assert group.data["deploymentConfigName"] == "Slow10"  # resolved through the reference
    assert group.data["ecsServices"] == [{"clusterName": "main", "serviceName": "api"}]
    assert group.data["applicationName"] == "app"
    assert group.span(("ecsServices", 0, "serviceName")).line == 18


# -- values: variables, tfvars, functions, unknowns ------------------------------

def test_tfvars_override_defaults_and_unknowns_stay_unknown(tmp_path):
    write(tmp_path, "terraform.tfvars", 'repo = "acme/api"\n')
    p = write(tmp_path, "main.tf", """\
        variable "repo" { default = "acme/other" }
        variable "env" {}
        locals {
          sub  = "repo:${var.repo}:environment:${var.env}"
          subs = concat([local.sub], ["repo:${var.repo}:ref:refs/heads/main"])
          flag = var.env == "prod" ? "a" : "b"
          list = [for s in var.x : s]
        }
        resource "aws_iam_role" "r" {
          name = join("-", ["acme", "deploy"])
          assume_role_policy = jsonencode({
            Statement = [{
              Effect    = "Allow"
              Action    = "sts:AssumeRoleWithWebIdentity"
              Principal = { Federated = "x" }
              Condition = { StringLike = { "token.actions.githubusercontent.com:sub" = local.subs
                                           other = local.flag, more = local.list } }
            }]
          })
        }
        """)
    doc = one(docs_of(p), "trust-policy")
    assert doc.context["role_name"] == "acme-deploy"
    cond = doc.data["Statement"][0]["Condition"]["StringLike"]
    first, second = cond[SUB]
    assert isinstance(first, Template)
    assert first.parts == ("repo:acme/api:environment:", Unknown("var.env"))
    assert second == "repo:acme/api:ref:refs/heads/main"
    assert isinstance(cond["other"], Template) and isinstance(cond["more"], Template)


@pytest.mark.parametrize("files, expected", [
    ({"terraform.tfvars.json": '{"grace": 30}'}, 30),
    # terraform.tfvars, then terraform.tfvars.json, then *.auto.tfvars(.json) by name
    ({"terraform.tfvars": "grace = 10\n", "terraform.tfvars.json": '{"grace": 30}'}, 30),
    ({"terraform.tfvars.json": '{"grace": 30}', "a.auto.tfvars": "grace = 40\n"}, 40),
    ({"a.auto.tfvars": "grace = 40\n", "b.auto.tfvars.json": '{"grace": 50}'}, 50),
    ({"b.auto.tfvars": "grace = 40\n", "a.auto.tfvars.json": '{"grace": 50}'}, 40),
    ({"terraform.tfvars.json": "[1, 2]"}, 90),  # not an object: no values
    ({"terraform.tfvars.json": "{oops"}, 90),
])
def test_json_tfvars_files_are_read_in_terraforms_order(tmp_path, files, expected):
    for name, text in files.items():
        write(tmp_path, name, text)
    p = write(tmp_path, "main.tf", """\
        variable "grace" { default = 90 }
        resource "aws_ecs_service" "s" {
          name                              = "api"
          health_check_grace_period_seconds = var.grace
        }
        """)
    doc = one(docs_of(p), "service")
    assert doc.data["healthCheckGracePeriodSeconds"] == expected


@pytest.mark.parametrize("declared, tfvars, expected", [
    ('variable "grace" { default = null }', "", None),  # null: as if not written
    ('variable "grace" { default = 90 }', "grace = null\n", None),
    ('variable "grace" { default = null }', "grace = 30\n", 30),
    ('variable "grace" {}', "", "unknown"),  # no value at all: unknown, not null
])
def test_a_null_variable_leaves_the_argument_out(tmp_path, declared, tfvars, expected):
    if tfvars:
        write(tmp_path, "terraform.tfvars", tfvars)
    p = write(tmp_path, "main.tf", declared + """
        resource "aws_ecs_service" "s" {
          name                              = "api"
          health_check_grace_period_seconds = var.grace
        }
        """)
    value = one(docs_of(p), "service").data.get("healthCheckGracePeriodSeconds")
    if expected == "unknown":
        assert isinstance(value, Template)
    else:
        assert value == expected


def test_a_repository_or_cluster_arn_follows_from_its_name(tmp_path):
    p = write(tmp_path, "main.tf", """\
        resource "aws_ecr_repository" "api" { name = "ledger-api" }
        resource "aws_ecs_cluster" "main" { name = "ledger" }
        resource "aws_iam_policy" "push" {
          name   = "push"
          policy = jsonencode({
            Statement = [{
              Effect   = "Allow"
              Action   = ["ecr:PutImage"]
              Resource = [aws_ecr_repository.api.arn, aws_ecs_cluster.main.arn,
                          aws_ecr_repository.api.repository_url, aws_ecr_repository.api.name]
            }]
          })
        }
        """)
    arn, cluster, url, name = one(docs_of(p), "permissions-policy").data["Statement"][0]["Resource"]
    assert arn.parts == ("arn:", Unknown("aws_partition"), ":ecr:", Unknown("aws_region"), ":",
                         Unknown("aws_account_id"), ":repository/ledger-api")
    assert cluster.parts[-1] == ":cluster/ledger"
    assert url.parts == (Unknown("aws_account_id"), ".dkr.ecr.", Unknown("aws_region"),
                         ".amazonaws.com/ledger-api")
    assert name == "ledger-api"


def test_standard_input_has_no_module(tmp_path, monkeypatch):
    (tmp_path / "other.tf").write_text('locals { x = "from-disk" }\n')
    monkeypatch.chdir(tmp_path)
    docs = terraform.extract("<stdin>", 'resource "aws_ecr_repository" "r" { name = local.x }\n')
    assert isinstance(docs[0].data["repositoryName"], Template)


# -- plan JSON ---------------------------------------------------------------------

def test_plan_fixture_documents():
    path = TF / "plan" / "plan.json"
    text = path.read_text()
    loaded = load_json(text)
    docs = terraform.extract_plan(str(path), loaded.data, loaded.locate, text)
    kinds = sorted((d.kind, d.name) for d in docs)
    assert kinds == [
        ("ecr-repository", "module.service.aws_ecr_repository.api"),
        ("oidc-provider", "aws_iam_openid_connect_provider.github"),
        ("permissions-policy", "aws_iam_role.production"),
        ("service", "module.service.aws_ecs_service.api"),
        ("trust-policy", "aws_iam_role.ci"),
        ("trust-policy", "aws_iam_role.production"),
    ]
    svc = one(docs, "service")
    assert svc.data["deploymentConfiguration"]["deploymentCircuitBreaker"] == {
        "enable": True, "rollback": True}
    assert "loadBalancers" not in svc.data or svc.data["loadBalancers"] == []
    assert svc.span(("deploymentConfiguration", "maximumPercent")).line == 73
    inline = one(docs, "permissions-policy")
    assert inline.context["roles"] == ["aws_iam_role.production"]


def test_plan_positions_inside_one_line_escaped_strings():
    trust = {"Statement": [{"Effect": "Allow", "Action": "sts:AssumeRoleWithWebIdentity",
                            "Principal": {"Federated": "é/\u2603"},
                            "Condition": {"StringLike": {SUB: "repo:a/b:*"}}}]}
    plan = {"format_version": "1.2", "planned_values": {"root_module": {"resources": [
        {"address": "aws_iam_role.r", "mode": "managed", "type": "aws_iam_role", "name": "r",
         "values": {"name": "r", "assume_role_policy": json.dumps(trust)}}]}}}
    text = json.dumps(plan)  # one line, like `terraform show -json`
    loaded = load_json(text)
    doc = one(terraform.extract_plan("plan.json", loaded.data, loaded.locate, text), "trust-policy")
    span = doc.span(("Statement", 0, "Condition", "StringLike", SUB))
    assert span.line == 1
    assert text[span.column - 1:].startswith('\\"repo:a/b:*\\"')


# -- errors and robustness -----------------------------------------------------------

def test_invalid_hcl_is_a_load_error_with_position():
    with pytest.raises(LoadError) as err:
        terraform.extract("broken.tf", 'resource "a" "b" {\n  x = \n}\n')
    assert err.value.line == 3 and "invalid HCL" in err.value.message


def test_cli_reports_parse_error_line():
    out = run_cli(str(TF / "broken" / "broken.tf"), "--format", "json")
    assert out.returncode == 1
    assert "parse-error" in out.stdout and "Traceback" not in out.stderr
    assert lint_folder(TF / "broken")[0].line == 5  # the `})` after `Version =`


def test_hcl2_is_imported_only_for_terraform():
    code = ("import sys, ecs_lint.kinds, ecs_lint.runner, ecs_lint.terraform;"
            "print('hcl2' in sys.modules, 'lark' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.stdout.split() == ["False", "False"]


_HCL_VALUES = st.recursive(
    st.one_of(st.just("null"), st.just("true"), st.integers(-5, 300).map(str),
              st.sampled_from(['"x"', '"*"', '"${var.v}"', 'var.v', 'local.l', 'aws_iam_role.r.arn',
                               'data.aws_iam_policy_document.d.json', '"repo:${local.l}:*"',
                               'file("nope.json")', 'x ? 1 : 2', '[for a in b : a]', '"{}"',
                               '<<EOF\n{"Statement": ${var.v}}\nEOF\n'])),
    lambda inner: st.one_of(
        st.lists(inner, max_size=3).map(lambda xs: "[" + ", ".join(xs) + "]"),
        st.dictionaries(st.sampled_from(["Version", "Statement", "Effect", "Action", "Condition",
                                         "Principal", "name", "image"]), inner, max_size=3).map(
            lambda d: "{" + ", ".join(f"{k} = {v}" for k, v in d.items()) + "}"),
        inner.map(lambda v: f"jsonencode({v})")),
    max_leaves=8)
_ATTRS = ["assume_role_policy", "policy", "name", "role", "container_definitions", "url",
          "client_id_list", "deployment_maximum_percent", "image_tag_mutability", "values",
          "statement", "test", "variable", "identifiers", "type", "deployment_config_name"]
_TYPES = ["aws_iam_role", "aws_iam_policy", "aws_iam_role_policy", "aws_ecs_service",
          "aws_ecs_task_definition", "aws_iam_openid_connect_provider", "aws_ecr_repository",
          "aws_iam_role_policy_attachment", "aws_codedeploy_deployment_group"]


@st.composite
def _tf_files(draw):
    blocks = []
    for i in range(draw(st.integers(1, 4))):
        attrs = draw(st.lists(st.tuples(st.sampled_from(_ATTRS), _HCL_VALUES), max_size=4))
        body = "\n".join(f"  {k} = {v}" for k, v in dict(attrs).items())
        nested = draw(st.sampled_from(["", "  statement {\n    actions = [1]\n"
                                       "    principals { type = 1 }\n    condition {}\n  }",
                                       "  load_balancer {}\n  network_configuration { assign_public_ip = \"x\" }",
                                       "  deployment_circuit_breaker { enable = null }"]))
        if draw(st.booleans()):
            blocks.append(f'data "aws_iam_policy_document" "d" {{\n{body}\n{nested}\n}}')
        else:
            blocks.append(f'resource "{draw(st.sampled_from(_TYPES))}" "r{i}" {{\n{body}\n{nested}\n}}')
    blocks.append('locals {\n  l = local.l\n}\nvariable "v" { default = { a = [1] } }')
    return "\n".join(blocks) + "\n"


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_tf_files())
def test_any_shape_of_values_never_crashes(text):
    try:
        docs = terraform.extract("<stdin>", text)
    except LoadError:
        return
    for d in docs:
        d.span(())
        d.span(("Statement", 0, "Condition"))
        d.span(("containerDefinitions", 0, "image"), key=True)
        d.span(("deploymentConfiguration", "maximumPercent"))


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet='{}[]()"=$<>\n abcEOF-#/*.:,', max_size=80))
def test_garbage_text_is_a_load_error_or_documents(text):
    try:
        terraform.extract("<stdin>", text)
    except LoadError as e:
        assert e.line >= 1 and e.column >= 1


_JSON = st.recursive(st.one_of(st.none(), st.booleans(), st.integers(), st.text(max_size=5)),
                     lambda inner: st.one_of(st.lists(inner, max_size=3),
                                             st.dictionaries(st.text(max_size=3), inner, max_size=3)),
                     max_leaves=10)


@settings(max_examples=100, deadline=None)
@given(_JSON, st.data())
def test_json_with_holes_keeps_known_text_and_marks_holes(value, data):
    text = json.dumps(value)
    # cut the text after the opening quote of a random string literal, put a hole there
    opening, inside, i = [], False, 0
    while i < len(text):
        if text[i] == "\\" and inside:
            i += 2  # an escaped character never closes the string
            continue
        if text[i] == '"':
            if not inside:
                opening.append(i)
            inside = not inside
        i += 1
    if not opening:
        parsed = terraform.json_with_holes([("lit", text, list(range(len(text))))])
        assert parsed[0] == value
        return
    at = data.draw(st.sampled_from(opening)) + 1
    segs = [("lit", text[:at], list(range(at))), ("hole", Template((Unknown("h"),)), at),
            ("lit", text[at:], list(range(at, len(text))))]
    parsed = terraform.json_with_holes(segs)
    assert parsed is not None
    flat = json.dumps(parsed[0], default=str)
    assert "${h}" in flat


def test_json_with_holes_after_an_escaped_backslash():
    # the case the property test once found in its own quote finding: `"\\"` closes
    text = json.dumps({"\\": None, "k": "v"})
    at = text.index('"v"') + 1
    segs = [("lit", text[:at], list(range(at))), ("hole", Template((Unknown("h"),)), at),
            ("lit", text[at:], list(range(at, len(text))))]
    parsed = terraform.json_with_holes(segs)
    assert parsed is not None and parsed[0]["\\"] is None
    assert "${h}" in json.dumps(parsed[0], default=str)


def test_file_of_a_linted_file_is_not_read_twice(tmp_path):
    trust = {"Version": "2012-10-17", "Statement": [{
        "Effect": "Allow", "Action": "sts:AssumeRoleWithWebIdentity",
        "Principal": {"Federated": "arn:aws:iam::1:oidc-provider/token.actions.githubusercontent.com"},
        "Condition": {"StringEquals": {"token.actions.githubusercontent.com:aud": "sts.amazonaws.com"},
                      "StringLike": {SUB: "repo:acme/*"}}}]}
    (tmp_path / "trust.json").write_text(json.dumps(trust, indent=2))
    write(tmp_path, "main.tf", """\
        resource "aws_iam_role" "r" {
          name               = "r"
          assume_role_policy = file("${path.module}/trust.json")
        }
        """)
    findings = [f for f in lint_folder(tmp_path) if f.rule.startswith("trust-")]
    assert [(f.rule, f.file) for f in findings] == [("trust-sub-any-repo", "trust.json")]


def test_github_oidc_role_module_inputs_become_a_trust_policy(tmp_path):
    p = write(tmp_path, "main.tf", """\
        module "deploy_role" {
          source = "terraform-aws-modules/iam/aws//modules/iam-github-oidc-role"
          name   = "shop-deploy"
          subjects = [
            "acme/shop:*",
            "repo:acme/site:ref:refs/heads/main",
            var.extra,
          ]
        }
        module "local" {
          source   = "./modules/role"
          subjects = ["acme/*"]
        }
        """)
    doc = one(docs_of(p), "trust-policy")
    assert doc.context["role_name"] == "shop-deploy"
    assert doc.context["role_ref"] == "module.deploy_role"
    subs = doc.data["Statement"][0]["Condition"]["StringLike"][SUB]
    assert subs[:2] == ["repo:acme/shop:*", "repo:acme/site:ref:refs/heads/main"]
    assert subs[2] == Template(("repo:", Unknown("var.extra")))
    assert doc.span(("Statement", 0, "Condition", "StringLike", SUB, 1)).line == 6
    # as the module writes them: `iss` (v5: on GitHub's own host) and `aud`
    # under ForAllValues:StringEquals
    assert doc.data["Statement"][0]["Condition"]["ForAllValues:StringEquals"] == {
        "token.actions.githubusercontent.com:iss": ["https://token.actions.githubusercontent.com"],
        "token.actions.githubusercontent.com:aud": ["sts.amazonaws.com"]}


TF_TRUST = """\
resource "aws_iam_openid_connect_provider" "github" {
  url            = "https://token.actions.githubusercontent.com"
  client_id_list = ["sts.amazonaws.com"]
}
data "aws_iam_policy_document" "trust" {
  statement {
    actions = ["sts:AssumeRoleWithWebIdentity"]
    principals {
      type        = "Federated"
      identifiers = [aws_iam_openid_connect_provider.github.arn]
    }
    CONDITIONS
  }
}
resource "aws_iam_role" "deploy" {
  name               = "deploy"
  assume_role_policy = data.aws_iam_policy_document.trust.json
}
"""


@pytest.mark.parametrize("conditions, expected", [
    # the keys' host is the provider's url, as the Terraform docs write it
    ("""condition {
      test     = "StringEquals"
      variable = "${trimprefix(aws_iam_openid_connect_provider.github.url, "https://")}:aud"
      values   = ["sts.amazonaws.com"]
    }
    condition {
      test     = "StringLike"
      variable = "${trimprefix(aws_iam_openid_connect_provider.github.url, "https://")}:sub"
      values   = ["repo:*"]
    }""", ["trust-sub-any-owner"]),
    # conditions from a dynamic block: not known, nothing claimed about them
    ("""dynamic "condition" {
      for_each = var.conditions
      content {
        test     = condition.value.test
        variable = condition.value.variable
        values   = condition.value.values
      }
    }""", []),
])
def test_terraform_trust_conditions_written_with_expressions(tmp_path, conditions, expected):
    (tmp_path / "main.tf").write_text(TF_TRUST.replace("CONDITIONS", conditions)
                                      + 'variable "conditions" {}\n')
    found = [f.rule for f in lint_folder(tmp_path) if f.rule.startswith("trust-")]
    assert found == expected


def test_jsonencode_of_a_string_spliced_into_json_text_keeps_its_quotes(tmp_path):
    (tmp_path / "main.tf").write_text(textwrap.dedent('''\
        resource "aws_iam_role_policy" "p" {
          role   = "r"
          policy = <<EOT
        {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ${jsonencode("iam:*")}, "Resource": "*"}]}
        EOT
        }
        '''))
    found = [f.rule for f in lint_folder(tmp_path) if f.rule != "policy-iam-lint"]
    assert "policy-wildcard-action" in found


def _trust_tpl(sub):
    return json.dumps({"Version": "2012-10-17", "Statement": [{
        "Effect": "Allow", "Action": "sts:AssumeRoleWithWebIdentity",
        "Principal": {"Federated": "arn:aws:iam::1:oidc-provider/token.actions.githubusercontent.com"},
        "Condition": {"StringEquals": {"token.actions.githubusercontent.com:aud": "sts.amazonaws.com"},
                      "StringLike": {"token.actions.githubusercontent.com:sub": sub}}}]})


@pytest.mark.parametrize("where, read", [
    ("${path.module}/../shared/trust.tpl", True),  # inside the repository
    ("${path.module}/../../outside/trust.tpl", False),  # beside it
    ("ABSOLUTE", False),  # anywhere on the machine
    ("${path.module}/../shared/link.tpl", False),  # a link inside to a file outside
])
def test_file_reads_only_inside_the_repository(tmp_path, where, read):
    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)
    (repo / "infra").mkdir()
    (repo / "shared").mkdir()
    (tmp_path / "outside").mkdir()
    (repo / "shared" / "trust.tpl").write_text(_trust_tpl("repo:*"))
    (tmp_path / "outside" / "trust.tpl").write_text(_trust_tpl("repo:*"))
    os.symlink(tmp_path / "outside" / "trust.tpl", repo / "shared" / "link.tpl")
    if where == "ABSOLUTE":
        where = str(tmp_path / "outside" / "trust.tpl")
    (repo / "infra" / "main.tf").write_text(
        'resource "aws_iam_role" "deploy" {\n'
        '  name = "deploy"\n'
        f'  assume_role_policy = file("{where}")\n'
        '}\n')
    found = {f.rule for f in lint_folder(repo)}
    assert ("trust-sub-any-owner" in found) is read


@pytest.mark.parametrize("expr, expected", [
    ('[for s in ["o/a:*", "repo:o/b:*"] : "repo:${trimprefix(s, "repo:")}"]',
     ["repo:o/a:*", "repo:o/b:*"]),
    ('[for i, s in ["a", "b"] : "${s}-${i}"]', ["a-0", "b-1"]),
    ('[for k, v in {x = "1"} : upper("${k}${v}")]', ["X1"]),
    ('[for s in local.subjects : lower(s)]', ["repo:o/a:*"]),
    ('[for s in ["a"] : s if s != "b"]', ["a"]),  # an `if` on known values
    ('[for s in var.unknown : s]', None),  # a list not known
    ('trimsuffix("role/deploy-", "-")', "role/deploy"),
    ('trimprefix(var.unknown, "repo:")', None),
    # arithmetic on known numbers (a numeric string converts), as Terraform does
    ('8 * 1024', 8192), ('"2" * 3', 6), ('10 / 4', 2.5), ('8 / 2', 4), ('7 % 3', 1),
    ('1 + 2 * 3', 7), ('(1 + 2) * 3', 9), ('9 - 10', -1),
    ('1 / 0', None), ('var.unknown * 2', None), ('"a" + 1', None), ('true + 1', None),
    ('1e308 * 10', None), ('1.5 * 2', 3),
])
def test_for_expressions_and_string_functions(tmp_path, expr, expected):
    from ecs_lint.values import Template, Unknown

    path = tmp_path / "main.tf"
    path.write_text('variable "unknown" {}\nlocals {\n  subjects = ["REPO:O/A:*"]\n}\n'
                    f'locals {{\n  x = {expr}\n}}\n')
    mod, _ = terraform.load_module(str(path), path.read_text())
    got = terraform.Evaluator(mod, mod.files[-1]).local("x")
    if expected is None:
        assert isinstance(got, (Template, Unknown)) or got is None
    else:
        assert got == expected


def test_for_each_over_another_resource_reads_one_instance_per_its_instance(tmp_path):
    # `for_each = aws_iam_role.deploy`: each.key the role's key, each.value the
    # role instance (id and name are its name, arn from it)
    from ecs_lint import terraform

    text = textwrap.dedent('''
        resource "aws_iam_role" "deploy" {
          for_each = toset(["staging", "production"])
          name = "deploy-${each.key}"
          assume_role_policy = "{}"
        }

        resource "aws_iam_role_policy" "deploy" {
          for_each = aws_iam_role.deploy
          name   = "ecs-${each.key}"
          role   = each.value.id
          policy = jsonencode({
            Version = "2012-10-17"
            Statement = [{Effect = "Allow", Action = "ecs:UpdateService",
                          Resource = "arn:aws:ecs:eu-west-1:111122223333:service/${each.value.name}/app"}]
          })
        }

        resource "aws_iam_role_policy" "unknown" {
          for_each = var.not_declared
          role     = each.value.id
          policy   = jsonencode({Version = "2012-10-17", Statement = []})
        }
    ''')
    p = tmp_path / "main.tf"
    p.write_text(text)
    terraform._MODULES.clear()
    docs = [d for d in terraform.extract(str(p), text) if d.kind == "permissions-policy"]
    by_name = {d.name: d for d in docs}
    staging = by_name['aws_iam_role_policy.deploy["staging"]']
    assert staging.context["roles"] == ["deploy-staging"]
    assert staging.data["Statement"][0]["Resource"] == \
        "arn:aws:ecs:eu-west-1:111122223333:service/deploy-staging/app"
    assert by_name['aws_iam_role_policy.deploy["production"]'].context["roles"] == \
        ["deploy-production"]
    # a for_each whose value is not known: read once, as before
    assert "aws_iam_role_policy.unknown" in by_name


TEMPLATE = """\
[
  {
    "name": "app",
    "image": "${image}",
    "logConfiguration": {"logDriver": "awslogs"},
    "environment": [{"name": "API_TOKEN", "value": "${token}"}]
  }
]
"""

TD_RENDERING = """\
resource "aws_ecs_task_definition" "%s" {
  family                = "%s"
  execution_role_arn    = "arn:aws:iam::1:role/exec"
  container_definitions = templatefile("${path.module}/app.json.tpl", {
    image = "%s", token = "s3cr3t-value"
  })
}
"""


def test_templatefile_findings_point_at_the_templates_lines(tmp_path):
    (tmp_path / "app.json.tpl").write_text(TEMPLATE)
    (tmp_path / "a.tf").write_text(TD_RENDERING % ("a", "a", "nginx:latest"))
    found = {(f.rule, f.file, f.span.line) for f in lint_folder(tmp_path)}
    # the image comes from the .tf's variables, but its place in the text is
    # the template's `${image}`; the secret's name is written in the template
    assert ("taskdef-image-latest", "app.json.tpl", 4) in found
    assert ("taskdef-secret-in-environment", "app.json.tpl", 6) in found
    assert not [f for f in found if f[1] == "a.tf" and f[0].startswith("taskdef-")]


CONTAINERS_TEMPLATE = """\
[
  {
    "name": "worker",
    "image": "${image}",
    "memoryReservation": %s,
    "essential": true
  }
]
"""


@pytest.mark.parametrize("memory, read_by_terraform", [
    ("${memory}", True),   # not JSON until rendered: Terraform reads it
    ("512", False),        # JSON on its own: the walk lints it, Terraform leaves it
])
def test_a_json_template_that_is_no_json_on_its_own_is_read_through_terraform(
        tmp_path, memory, read_by_terraform):
    (tmp_path / "worker.json").write_text(CONTAINERS_TEMPLATE % memory)
    (tmp_path / "a.tf").write_text(
        'resource "aws_ecs_task_definition" "w" {\n'
        '  family = "w"\n'
        '  container_definitions = templatefile("${path.module}/worker.json", {\n'
        '    image = "nginx:latest", memory = 512\n'
        '  })\n'
        '}\n')
    found = [(f.rule, f.file, f.span.line) for f in lint_folder(tmp_path)]
    latest = [f for f in found if f[0] == "taskdef-image-latest"]
    # reported once either way, at the template's `${image}` line when rendered
    assert latest == [("taskdef-image-latest", "worker.json", 4)] if read_by_terraform \
        else not latest  # the walk sees "${image}", no tag; Terraform does not read it
    assert (("parse-error", "worker.json", 5) in found) == read_by_terraform


def test_one_template_rendered_twice_the_same_way_is_reported_once(tmp_path):
    (tmp_path / "app.json.tpl").write_text(TEMPLATE)
    (tmp_path / "a.tf").write_text(TD_RENDERING % ("a", "a", "nginx:latest"))
    (tmp_path / "b.tf").write_text(TD_RENDERING % ("b", "b", "nginx:latest"))
    secrets = [f for f in lint_folder(tmp_path) if f.rule == "taskdef-secret-in-environment"]
    assert len(secrets) == 1 and secrets[0].file == "app.json.tpl"


TRUST_TEMPLATE = """\
{
  "Statement": [{
    "Effect": "Allow",
    "Principal": {"Federated": "arn:aws:iam::1:oidc-provider/token.actions.githubusercontent.com"},
    "Action": "sts:AssumeRoleWithWebIdentity",
    "Condition": {
      "StringEquals": {"token.actions.githubusercontent.com:aud": "sts.amazonaws.com"},
      "StringLike": {"token.actions.githubusercontent.com:sub": [
%{ for b in branches ~}
        "repo:${repo}:ref:refs/heads/${b}",
%{ endfor ~}
%{ if prs ~}
        "repo:${repo}:pull_request",
%{ else ~}
        "repo:${repo}:environment:staging",
%{ endif ~}
        "repo:${repo}:environment:production"
      ]}
    }
  }]
}
"""


@pytest.mark.parametrize("prs, subs", [
    ("true", ["repo:acme/api:ref:refs/heads/main", "repo:acme/api:ref:refs/heads/release/*",
              "repo:acme/api:pull_request", "repo:acme/api:environment:production"]),
    ("false", ["repo:acme/api:ref:refs/heads/main", "repo:acme/api:ref:refs/heads/release/*",
               "repo:acme/api:environment:staging", "repo:acme/api:environment:production"]),
    ("var.unknown", None),  # a condition not known: the text is not known
])
def test_templatefile_directives_are_rendered(tmp_path, prs, subs):
    (tmp_path / "trust.json.tpl").write_text(TRUST_TEMPLATE)
    p = write(tmp_path, "main.tf", """\
        variable "unknown" {}
        resource "aws_iam_role" "r" {
          name = "deploy"
          assume_role_policy = templatefile("${path.module}/trust.json.tpl", {
            repo = "acme/api", branches = ["main", "release/*"], prs = %s
          })
        }
        """ % prs)
    doc = one(docs_of(p), "trust-policy")
    if subs is None:
        assert isinstance(doc.data, Template)
        return
    values = doc.data["Statement"][0]["Condition"]["StringLike"][SUB]
    assert values == subs
    # each copy of the loop's body is placed at the template's own line
    assert doc.span(("Statement", 0, "Condition", "StringLike", SUB, 1)).line == 10


EXPRESSION_TEMPLATE = """\
{
  "Statement": [{
    "Effect": "Allow",
    "Principal": {"Federated": "arn:aws:iam::1:oidc-provider/token.actions.githubusercontent.com"},
    "Action": "sts:AssumeRoleWithWebIdentity",
    "Condition": {
      "StringEquals": {"token.actions.githubusercontent.com:aud": "sts.amazonaws.com"},
      "StringLike": {"token.actions.githubusercontent.com:sub": [
%{ for i, s in subjects ~}
        "${s.prefix}:${s.context}"${i < length(subjects) - 1 ? "," : ""}
%{ endfor ~}
      ]},
      "ForAnyValue:StringEquals": {"token.actions.githubusercontent.com:environment": ${jsonencode(envs)}}
    }
  }]
}
"""


def test_templatefile_expressions_see_the_templates_variables(tmp_path):
    # `${s.context}`, `${i < length(xs) - 1 ? "," : ""}`, `${jsonencode(xs)}`: what
    # templatefile() renders from the variables it is given
    (tmp_path / "trust.json.tpl").write_text(EXPRESSION_TEMPLATE)
    p = write(tmp_path, "main.tf", """\
        resource "aws_iam_role" "r" {
          name = "deploy"
          assume_role_policy = templatefile("${path.module}/trust.json.tpl", {
            subjects = [{ prefix = "repo:acme/api", context = "ref:refs/heads/main" },
                        { prefix = "repo:acme/api", context = "pull_request" }]
            envs     = ["staging", "production"]
          })
        }
        """)
    doc = one(docs_of(p), "trust-policy")
    cond = doc.data["Statement"][0]["Condition"]
    assert cond["StringLike"][SUB] == ["repo:acme/api:ref:refs/heads/main",
                                       "repo:acme/api:pull_request"]
    assert cond["ForAnyValue:StringEquals"][
        "token.actions.githubusercontent.com:environment"] == ["staging", "production"]


@pytest.mark.parametrize("body", [
    "%{ if x }a",  # no endif
    "%{ endfor }",
    "%{ for in x }a%{ endfor }",
    "%{ if x }a%{ endfor }",
])
def test_directives_that_do_not_nest_leave_the_text_unknown(body):
    from ecs_lint.hcl import split_template as _split_template
    from ecs_lint.terraform import _directive_tree

    assert _directive_tree(_split_template(body, list(range(len(body))))) is None


@pytest.mark.parametrize("tfvars, expected", [
    ("", (2, 50, 200)),  # default = {}: every attribute from optional()
    ("svc = { count = 1 }\n", (1, 50, 200)),
    ("svc = { count = 1, min = 100, max = 100 }\n", (1, 100, 100)),
])
def test_optional_attribute_defaults_fill_a_variables_object(tmp_path, tfvars, expected):
    if tfvars:
        write(tmp_path, "terraform.tfvars", tfvars)
    p = write(tmp_path, "main.tf", """\
        variable "svc" {
          type = object({
            count = optional(number, 2)
            min   = optional(number, 50)
            max   = optional(number, 200)
            note  = optional(string)
          })
          default = {}
        }
        resource "aws_ecs_service" "s" {
          name                               = "api"
          desired_count                      = var.svc.count
          deployment_minimum_healthy_percent = var.svc.min
          deployment_maximum_percent         = var.svc.max
        }
        """)
    data = one(docs_of(p), "service").data
    dc = data["deploymentConfiguration"]
    assert (data["desiredCount"], dc["minimumHealthyPercent"], dc["maximumPercent"]) == expected


def test_optional_defaults_reach_through_maps_and_lists(tmp_path):
    write(tmp_path, "terraform.tfvars", 'apps = { api = { ports = [{}] } }\n')
    p = write(tmp_path, "main.tf", """\
        variable "apps" {
          type = map(object({
            grace = optional(number, 30)
            ports = list(object({ port = optional(number, 8080) }))
          }))
        }
        resource "aws_ecs_service" "s" {
          name                              = "api"
          health_check_grace_period_seconds = var.apps["api"].grace
          desired_count                     = var.apps["api"].ports[0].port
        }
        """)
    data = one(docs_of(p), "service").data
    assert data["healthCheckGracePeriodSeconds"] == 30 and data["desiredCount"] == 8080


def test_a_template_file_data_source_is_rendered_at_the_templates_lines(tmp_path):
    # the hashicorp/template provider's `data "template_file"`, still common in modules
    (tmp_path / "trust.tpl").write_text("""\
{
  "Statement": [{
    "Effect": "Allow",
    "Principal": {"Federated": "${provider_arn}"},
    "Action": "sts:AssumeRoleWithWebIdentity",
    "Condition": {
      "StringEquals": {"token.actions.githubusercontent.com:aud": "sts.amazonaws.com"},
      "StringLike": {"token.actions.githubusercontent.com:sub": "repo:${org}/*"}
    }
  }]
}
""")
    (tmp_path / "main.tf").write_text("""\
resource "aws_iam_role" "r" {
  name               = "deploy"
  assume_role_policy = data.template_file.trust.rendered
}
data "template_file" "trust" {
  template = file("${path.module}/trust.tpl")
  vars = {
    provider_arn = "arn:aws:iam::1:oidc-provider/token.actions.githubusercontent.com"
    org          = "acme"
  }
}
""")
    found = [(f.rule, f.file, f.span.line) for f in lint_folder(tmp_path)
             if f.rule.startswith("trust-")]
    assert found == [("trust-sub-any-repo", "trust.tpl", 8)]


@pytest.mark.parametrize("used_by", [
    'resource "aws_ecr_repository_policy" "p" {\n  repository = "app"\n'
    '  policy = data.aws_iam_policy_document.pull.json\n}\n',
    "",  # read on its own
])
def test_a_policy_document_with_principals_is_a_resource_policy_not_linted(tmp_path, used_by):
    write(tmp_path, "ecr.tf", textwrap.dedent("""\
        data "aws_iam_policy_document" "pull" {
          statement {
            sid     = "CrossAccountPull"
            actions = ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"]
            principals {
              type        = "AWS"
              identifiers = ["arn:aws:iam::210987654321:root"]
            }
          }
        }
        """) + used_by)
    kinds = {d.kind for d in docs_of(tmp_path / "ecr.tf")}
    assert "permissions-policy" not in kinds and "trust-policy" not in kinds
    assert [f.rule for f in lint_folder(tmp_path) if f.severity in ("error", "warning")] == []


V6_ROLE = """\
module "deploy" {
  source  = "terraform-aws-modules/iam/aws//modules/iam-role"
  version = "~> 6.0"
  name    = "deploy"
  enable_github_oidc = %s
%s
}
"""


@pytest.mark.parametrize("enabled, inputs, found", [
    # v6: exact subjects under StringEquals, so a `*` there is compared literally
    ("true", '  oidc_subjects = ["o/app:*"]', {"trust-sub-wildcard-in-equals"}),
    ("true", '  oidc_wildcard_subjects = ["o/*:ref:refs/heads/main"]', {"trust-sub-any-repo"}),
    ("true", "", {"trust-sub-missing"}),  # no subjects: no sub condition at all
    ("true", '  oidc_subjects = ["repo:o/app:environment:production"]', set()),
    ("false", '  oidc_wildcard_subjects = ["o/*:*"]', set()),  # no GitHub statement
])
def test_the_v6_iam_role_modules_github_statement(tmp_path, enabled, inputs, found):
    write(tmp_path, "main.tf", V6_ROLE % (enabled, inputs))
    findings = [f for f in lint_folder(tmp_path)
                if f.rule.startswith("trust-") and f.severity in ("error", "warning")]
    # the module's own `iss` test and ForAllValues `aud` guard, on every GitHub
    # statement it writes, with a fix that is not an input of the module
    own = {"trust-condition-key-unknown", "trust-condition-unsafe-operator"} \
        if enabled == "true" else set()
    assert {f.rule for f in findings} == found | own
    for f in findings:
        if f.rule in own:
            assert "writes this condition itself" in f.message
            assert "aws_iam_policy_document" in f.help


UNFUNCO = """\
module "oidc_github" {
  source  = "unfunco/oidc-github/aws"
  version = "1.7.1"
%s
}
"""


@pytest.mark.parametrize("inputs, found", [
    # an entry without a colon becomes `repo:ENTRY:*`: any branch, tag, environment, PR
    ('  github_repositories = ["o/app"]', {"trust-sub-any-context"}),
    ('  github_repositories = ["o/*"]', {"trust-sub-any-repo"}),
    ('  github_repositories = ["o/app:ref:refs/heads/main"]', set()),
    ('  github_repositories = ["o/app:environment:production", "o/api:pull_request"]',
     {"trust-sub-pull-request"}),
    ('  enabled = false\n  github_repositories = ["o/*"]', set()),  # creates nothing
    # before 1.0: `repo:ORG/NAME:*` and no aud condition
    ('  github_organisation = "o"\n  github_repositories = ["app"]',
     {"trust-sub-any-context", "trust-aud-missing"}),
])
def test_the_unfunco_oidc_github_modules_trust(tmp_path, inputs, found):
    write(tmp_path, "main.tf", UNFUNCO % inputs)
    rules = {f.rule for f in lint_folder(tmp_path)
             if f.rule.startswith("trust-") and f.severity in ("error", "warning")}
    assert rules == found


def test_the_unfunco_module_reports_the_entry(tmp_path):
    write(tmp_path, "main.tf", UNFUNCO % '  github_repositories = [\n    "o/app:ref:refs/heads/main",\n'
                                         '    "o/web",\n  ]')
    (f,) = [f for f in lint_folder(tmp_path) if f.rule == "trust-sub-any-context"]
    assert f.span.line == 6 and "repo:o/web:*" in f.message


PHILIPS = """\
module "role" {
  source                      = "philips-labs/github-oidc/aws"
  version                     = "~> 0.8"
  openid_connect_provider_arn = "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com"
  repo                        = "o/app"
%s
}
"""


@pytest.mark.parametrize("inputs, found", [
    ("", set()),  # allow_main and deny_pull_request: the main branch only
    ('  default_conditions = ["allow_all"]', {"trust-sub-any-context"}),
    # every branch, tag and environment, but not a pull request: not "any context"
    ('  default_conditions = ["allow_all", "deny_pull_request"]', set()),
    ('  default_conditions = ["allow_environment"]', set()),  # environment:* (any environment)
    ('  default_conditions = ["allow_main"]\n  conditions = [{ test = "StringLike", '
     'variable = "token.actions.githubusercontent.com:sub", values = ["repo:o/*"] }]',
     {"trust-sub-any-repo"}),
])
def test_the_philips_labs_github_oidc_modules_trust(tmp_path, inputs, found):
    write(tmp_path, "main.tf", PHILIPS % inputs)
    rules = {f.rule for f in lint_folder(tmp_path)
             if f.rule.startswith("trust-") and f.severity in ("error", "warning")}
    assert rules == found


def test_the_philips_labs_module_without_repo_makes_no_role(tmp_path):
    write(tmp_path, "main.tf", PHILIPS.replace('  repo                        = "o/app"\n', "")
          % '  default_conditions = ["allow_all"]')
    assert not [f for f in lint_folder(tmp_path) if f.rule.startswith("trust-")]


@pytest.mark.parametrize("expression", [
    "${s.name.deeper}", "${subjects[99]}", "${subjects + 1}", "${length(42)}",
    "${jsonencode(subjects)[0]}", "${envs ? 1 : 2}", "${ {a = 1}[\"b\"] }", "${unknownfn(x)}",
    "${[for x in envs : x.y]}", "${1 / 0}", "${\"${\"}",
])
def test_templatefile_expressions_of_any_shape_never_break_the_run(tmp_path, expression):
    (tmp_path / "t.json.tpl").write_text('{"Statement": [{"Effect": "Allow", "Action": "s3:*", '
                                         f'"Resource": "{expression}"}}]}}')
    write(tmp_path, "main.tf", """\
        resource "aws_iam_policy" "p" {
          name   = "p"
          policy = templatefile("${path.module}/t.json.tpl", {
            subjects = [{ prefix = "a" }, "b", 3], envs = ["x"]
          })
        }
        """)
    found = lint_folder(tmp_path)
    assert not [f for f in found if f.rule == "internal-error"], [f.message for f in found]


@pytest.mark.parametrize("expression, expected", [
    ('try(local.sizes["large"].cpu, 256)', 1024),  # the first argument that evaluates
    ("try(var.unset, 256)", None),  # unknown: an error or a value of apply time
    # gx/06: an attribute the object lacks is an error: the next argument
    ('try(local.sizes["large"].memory, 256)', 256),
    ("try(local.sizes.small.cpu, local.sizes.large.gpu, 512)", 512),
    ("try(local.sizes.large.memory, var.unset)", None),
])
def test_try_takes_a_first_argument_known_through_and_through(tmp_path, expression, expected):
    p = write(tmp_path, "main.tf", f"""\
        variable "unset" {{}}
        locals {{
          sizes = {{ large = {{ cpu = 1024 }} }}
        }}
        resource "aws_ecs_task_definition" "t" {{
          family = "t"
          cpu    = {expression}
          container_definitions = jsonencode([{{ name = "a", image = "a:1" }}])
        }}
        """)
    cpu = one(docs_of(p), "task-definition").data.get("cpu")
    assert (cpu if isinstance(cpu, int) else None) == expected


COUNTED_TRUST = """
variable "enabled" {
  type    = bool
  default = true
}

data "aws_iam_policy_document" "preview" {
  count = %s
  statement {
    actions = ["sts:AssumeRoleWithWebIdentity"]
    principals {
      type        = "Federated"
      identifiers = ["arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com"]
    }
    condition {
      test     = "StringLike"
      variable = "token.actions.githubusercontent.com:sub"
      values   = ["repo:acme/web:pull_request"]
    }
  }
}

resource "aws_iam_role" "preview" {
  count              = %s
  name               = "preview"
  assume_role_policy = data.aws_iam_policy_document.preview[0].json
}
"""


@pytest.mark.parametrize("count, tfvars, created", [
    ("0", None, False),
    ("var.enabled ? 1 : 0", "enabled = false\n", False),
    ("var.enabled ? 1 : 0", None, True),
    ("var.enabled ? 1 : 0", "enabled = true\n", True),
    ("length([])", None, False),
])
def test_a_resource_or_data_source_with_no_instance_is_not_read(tmp_path, count, tfvars,
                                                                created):
    # gd/08: Terraform creates nothing for `count = 0`; its trust is no finding
    write(tmp_path, "main.tf", COUNTED_TRUST % (count, count))
    if tfvars:
        write(tmp_path, "terraform.tfvars", tfvars)
    kinds = [d.kind for d in docs_of(tmp_path / "main.tf")]
    assert ("trust-policy" in kinds) == created
    found = [f.rule for f in lint_folder(tmp_path) if f.rule == "trust-sub-pull-request"]
    assert found == (["trust-sub-pull-request"] if created else [])


@pytest.mark.parametrize("strategy, minimum, maximum, blocked", [
    # gx/03: the provider sends a DAEMON service no maximum, and a minimum only
    # when it is not 100: ECS keeps its daemon defaults
    ("DAEMON", 100, 200, False),
    ("DAEMON", 100, 100, False),
    ("REPLICA", 100, 100, True),
])
def test_a_daemon_services_percents_as_the_provider_sends_them(tmp_path, strategy, minimum,
                                                                maximum, blocked):
    write(tmp_path, "main.tf", f"""\
        resource "aws_ecs_service" "s" {{
          name                = "s"
          cluster             = "c"
          task_definition     = "t"
          desired_count       = 2
          scheduling_strategy = "{strategy}"
          deployment_minimum_healthy_percent = {minimum}
          deployment_maximum_percent         = {maximum}
          deployment_circuit_breaker {{
            enable   = true
            rollback = true
          }}
        }}
        """)
    found = [f for f in lint_folder(tmp_path) if f.rule == "service-deployment-blocked"]
    assert bool(found) is blocked
