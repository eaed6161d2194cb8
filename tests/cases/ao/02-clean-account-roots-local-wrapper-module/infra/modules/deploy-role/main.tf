module "github_role" {
  source  = "terraform-aws-modules/iam/aws//modules/iam-github-oidc-role"
  version = "5.48.0"

  name        = "${var.service}-deploy"
  description = "GitHub Actions deploy role for ${var.repository} (${var.environment})"
  subjects    = ["${var.repository}:environment:${var.environment}"]
}

locals {
  task_roles = [
    "arn:aws:iam::${var.account_id}:role/${var.service}-execution",
    "arn:aws:iam::${var.account_id}:role/${var.service}-task",
  ]
}

data "aws_iam_policy_document" "deploy" {
  statement {
    sid = "TaskDefinitions"
    actions = [
      "ecs:DescribeTaskDefinition",
      "ecs:RegisterTaskDefinition",
    ]
    resources = ["*"]
  }

  statement {
    sid = "Service"
    actions = [
      "ecs:DescribeServices",
      "ecs:UpdateService",
    ]
    resources = ["arn:aws:ecs:${var.region}:${var.account_id}:service/${var.cluster}/${var.service}"]
  }

  statement {
    sid = "Migrations"
    actions = [
      "ecs:DescribeTasks",
      "ecs:RunTask",
    ]
    resources = [
      "arn:aws:ecs:${var.region}:${var.account_id}:task-definition/${var.service}-migrate-${var.environment}:*",
      "arn:aws:ecs:${var.region}:${var.account_id}:task/${var.cluster}/*",
    ]
  }

  statement {
    sid       = "PassTaskRoles"
    actions   = ["iam:PassRole"]
    resources = local.task_roles

    condition {
      test     = "StringEquals"
      variable = "iam:PassedToService"
      values   = ["ecs-tasks.amazonaws.com"]
    }
  }
}

resource "aws_iam_role_policy" "deploy" {
  name   = "ecs-deploy"
  role   = module.github_role.name
  policy = data.aws_iam_policy_document.deploy.json
}

output "role_arn" {
  value = module.github_role.arn
}
