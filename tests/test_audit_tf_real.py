"""Terraform written the way real repositories write it (audit tf-real).

Each test is a minimal excerpt of a public file that ecs-lint read wrong."""
from conftest import file_findings as findings


def test_misspelled_key_points_at_the_variable_line(tmp_path):
    # erioluwa66/BusyToddlerMumInfraMgt data.tf: the key is written on the
    # `variable` line, not on `values`
    found = findings(tmp_path, "data.tf", """\
        data "aws_iam_policy_document" "oidc" {
          statement {
            actions = ["sts:AssumeRoleWithWebIdentity"]
            principals {
              type        = "Federated"
              identifiers = ["arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com"]
            }
            condition {
              test     = "StringEquals"
              values   = ["sts.amazonaws.com"]
              variable = "token.actions.githubuser.content.com:aud"
            }
          }
        }
        """)
    assert ("trust-condition-key-unknown", 11, 18) in found


def test_image_latest_after_an_unresolved_repository_url(tmp_path):
    # QIRoss/ECS-GitHub-Actions-Terraform-CloudWatch terraform/main.tf
    found = findings(tmp_path, "main.tf", """\
        resource "aws_ecr_repository" "app" {
          name                 = "app"
          image_tag_mutability = "IMMUTABLE"
        }

        resource "aws_ecs_task_definition" "main" {
          family                = "app"
          container_definitions = jsonencode([{
            name  = "app"
            image = "${aws_ecr_repository.app.repository_url}:latest"
            logConfiguration = { logDriver = "awslogs" }
          }, {
            name  = "worker"
            image = "${aws_ecr_repository.app.repository_url}:${var.tag}"
            logConfiguration = { logDriver = "awslogs" }
          }, {
            name  = "proxy"
            image = "${var.registry}:5000/nginx:1.25"
            logConfiguration = { logDriver = "awslogs" }
          }])
        }
        """)
    assert found == [("taskdef-image-latest", 10, 13)]


def test_image_tag_of_templates():
    from ecs_lint.rules.taskdef import image_tag
    from ecs_lint.values import Template, Unknown
    url = Unknown("aws_ecr_repository.app.repository_url")
    assert image_tag(Template((url, ":latest"))) == ("tag", "latest")
    assert image_tag(Template((url, ":v1.2"))) == ("tag", "v1.2")
    assert image_tag(Template((url, ":", Unknown("var.tag"))))[0] == "unknown"
    assert image_tag(Template((Unknown("var.image"),)))[0] == "unknown"
    # an ECR repository URL alone has no tag (audit n): :latest
    assert image_tag(Template((url,)))[0] == "untagged"
    assert image_tag(Template((url, "-app:latest"))) == ("tag", "latest")
    assert image_tag(Template((Unknown("var.registry"), ":5000/nginx")))[0] == "untagged"


def test_concat_keeps_its_known_lists_beside_unknown_ones(tmp_path):
    # a tweet-service module (ECS task definition): the environment is a concat
    # of fixed entries and conditional ones; JWT_SECRET is always there
    found = findings(tmp_path, "main.tf", """\
        resource "aws_ecs_task_definition" "this" {
          family                = "svc"
          execution_role_arn    = "arn:aws:iam::123456789012:role/exec"
          container_definitions = jsonencode([{
            name  = "svc-container"
            image = "app:1.0"
            environment = concat(
              [{ name = "PORT", value = "8080" }],
              var.db_host != "" ? [{ name = "DB_HOST", value = var.db_host }] : [],
              [{ name = "JWT_SECRET", value = var.jwt_secret }]
            )
            logConfiguration = { logDriver = "awslogs" }
          }])
        }
        """)
    assert [f[:2] for f in found] == [("taskdef-secret-in-environment", 10)]
