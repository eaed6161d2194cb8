"""Terraform (the jy/03 case): an index or attribute on any known value (a
function's result, a tuple) is read, in templates as in .tf files; a
`templatefile()` `%{ if }` not known that only writes a comma is placed as
strict JSON needs it; a directive not known leaves a note naming it."""
import textwrap

import pytest

from conftest import lint_folder
from ecs_lint import terraform
from ecs_lint.values import Template


def write(folder, name, text):
    p = folder / name
    p.parent.mkdir(parents=True, exist_ok=True)
    p.write_text(textwrap.dedent(text))
    return p


def local_value(tmp_path, expression):
    p = write(tmp_path, "main.tf", f"""\
        locals {{
          m = {{ b = 2, a = 1 }}
          v = {expression}
        }}
        """)
    mod, f = terraform.load_module(str(p), p.read_text())
    return terraform.Evaluator(mod, f).local("v")


@pytest.mark.parametrize("expression, expected", [
    ("keys(local.m)[length(local.m) - 1]", "b"),   # keys() is sorted
    ("keys(local.m)[0]", "a"),
    ("[10, 20][1]", 20),
    ("[{ n = 1 }][0].n", 1),
    ("values(local.m)[0]", 1),
    ('"a" != keys(local.m)[length(local.m) - 1]', True),
])
def test_an_index_on_a_function_result_or_a_tuple_is_read(tmp_path, expression, expected):
    assert local_value(tmp_path, expression) == expected


@pytest.mark.parametrize("expression", [
    "keys(local.m)[2]",         # past the end
    "keys(local.m)[var.i]",     # an index not known
    "keys(var.unknown)[0]",     # a collection not known
    "[10, 20][true]",           # not a number
    "[{ n = 1 }][0].missing",
])
def test_an_index_not_known_stays_unknown(tmp_path, expression):
    assert isinstance(local_value(tmp_path, expression), Template)


MAIN = """\
locals {
  app_env = {
    RAILS_ENV        = "production"
    SENDGRID_API_KEY = var.sendgrid_api_key
  }
  app_secrets = {
    DB_PASSWORD      = "arn:aws:ssm:us-east-2:123456789012:parameter/db"
    RAILS_MASTER_KEY = var.master_key_secret_arn
  }
}

variable "sendgrid_api_key" {
  type      = string
  sensitive = true
}

variable "master_key_secret_arn" {}
variable "unknown" {}

resource "aws_ecs_task_definition" "web" {
  family                   = "web"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 256
  memory                   = 512
  execution_role_arn       = "arn:aws:iam::123456789012:role/exec"
  container_definitions = templatefile("${path.module}/templates/web.json.tftpl", {
    environment = local.app_env
    secrets     = local.app_secrets
  })
}
"""

TEMPLATE = """\
[
  {
    "name": "web",
    "image": "123456789012.dkr.ecr.us-east-2.amazonaws.com/web:1.2.3",
    "essential": true,
    "environment": [
%{ for name, value in environment ~}
      { "name": "${name}", "value": "${value}" },
%{ endfor ~}
      { "name": "PORT", "value": "3000" }
    ],
    "secrets": [
%{ for name, arn in secrets ~}
      { "name": "${name}", "valueFrom": "${arn}" }%{ if SEPARATOR },%{ endif }
%{ endfor ~}
    ]
  }
]
"""


def task_definition(tmp_path, separator, template=TEMPLATE):
    write(tmp_path, "templates/web.json.tftpl", template.replace("SEPARATOR", separator))
    p = write(tmp_path, "main.tf", MAIN)
    notes = []
    docs = terraform.extract(str(p), p.read_text(), str(tmp_path), notes)
    return next(d for d in docs if d.kind == "task-definition"), notes


LAST = "name != keys(secrets)[length(secrets) - 1]"


@pytest.mark.parametrize("separator", [
    LAST,        # the jy/03 template: known, an index on keys()'s result
    "var.unknown != name",  # not known: the comma goes where JSON needs one
])
def test_a_templatefile_separator_keeps_the_containers(tmp_path, separator):
    td, notes = task_definition(tmp_path, separator)
    container = td.data["containerDefinitions"][0]
    assert [e["name"] for e in container["environment"]] == [
        "RAILS_ENV", "SENDGRID_API_KEY", "PORT"]
    assert [s["name"] for s in container["secrets"]] == ["DB_PASSWORD", "RAILS_MASTER_KEY"]
    assert notes == []


def test_the_secret_in_the_templates_environment_is_found_at_its_line(tmp_path):
    write(tmp_path, "templates/web.json.tftpl", TEMPLATE.replace("SEPARATOR", LAST))
    write(tmp_path, "main.tf", MAIN)
    found = {(f.rule, f.file, f.span.line) for f in lint_folder(tmp_path)}
    assert ("taskdef-secret-in-environment", "templates/web.json.tftpl", 8) in found


def test_a_comma_not_known_inside_a_string_leaves_the_text_unread(tmp_path):
    # inside a string the comma is content: either branch is JSON, neither is sure
    template = TEMPLATE.replace('"name": "web",', '"name": "web%{ if var.unknown },%{ endif }x",')
    td, notes = task_definition(tmp_path, LAST, template)
    assert isinstance(td.data["containerDefinitions"], Template)
    assert len(notes) == 1 and notes[0].endswith(
        "web.json.tftpl:3: `%{ if var.unknown }` is not known here: "
        "the rendered template is not read")


def test_a_loop_over_a_collection_not_known_is_named_in_a_note(tmp_path):
    template = TEMPLATE.replace("in environment", "in var.unknown")
    td, notes = task_definition(tmp_path, LAST, template)
    assert isinstance(td.data["containerDefinitions"], Template)
    assert len(notes) == 1 and notes[0].endswith(
        "web.json.tftpl:7: `%{ for name, value in var.unknown }` is not known here: "
        "the rendered template is not read")


def test_a_condition_not_known_that_writes_more_than_a_comma_is_not_guessed(tmp_path):
    template = TEMPLATE.replace(
        '      { "name": "PORT", "value": "3000" }',
        '      { "name": "PORT", "value": "3000" }%{ if var.unknown },'
        '{ "name": "DEBUG", "value": "1" }%{ endif }')
    td, notes = task_definition(tmp_path, LAST, template)
    assert isinstance(td.data["containerDefinitions"], Template)
    assert len(notes) == 1 and "`%{ if var.unknown }`" in notes[0]
