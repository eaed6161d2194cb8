"""Audit 'cases-e': blind labeled cases for CloudFormation and Terraform inputs.

Each test holds a minimal repository on which ecs-lint reported something wrong, or
missed a finding RULES.md defines (see the commit that added it for the evidence).
"""
import textwrap

from conftest import lint_folder


def _lint_tf(tmp_path, text):
    (tmp_path / "main.tf").write_text(textwrap.dedent(text))
    return sorted((f.rule, f.line) for f in lint_folder(tmp_path))


def test_terraform_data_sources_are_lookups_not_definitions(tmp_path):
    # a data source reads an existing object: its arguments are search keys, so a
    # provider looked up by url has no client_id_list, a service looked up by name no
    # deployment settings; only managed resources are checked
    found = _lint_tf(tmp_path, """\
        data "aws_iam_openid_connect_provider" "github" {
          url = "https://token.actions.githubusercontent.com"
        }

        data "aws_ecs_service" "api" {
          service_name = "api"
          cluster_arn  = "arn:aws:ecs:us-east-1:123456789012:cluster/main"
        }

        data "aws_ecs_task_definition" "api" {
          task_definition = "api"
        }

        data "aws_ecr_repository" "api" {
          name = "api"
        }
        """)
    assert found == []


def test_terraform_managed_provider_still_checked_next_to_a_data_source(tmp_path):
    found = _lint_tf(tmp_path, """\
        data "aws_iam_openid_connect_provider" "existing" {
          url = "https://token.actions.githubusercontent.com"
        }

        resource "aws_iam_openid_connect_provider" "github" {
          url            = "https://token.actions.githubusercontent.com"
          client_id_list = ["https://github.com/myorg"]
        }
        """)
    assert found == [("oidc-provider-audience-missing", 7)]
