locals {
  github_repository = "tern-logistics/dock-scheduler"

  # Claims the deploy role checks, one condition block each.
  github_claims = {
    aud = {
      test   = "StringEquals"
      values = ["sts.amazonaws.com"]
    }
    sub = {
      test   = "StringEquals"
      values = ["repo:${local.github_repository}:environment:production"]
    }
  }
}

data "aws_iam_openid_connect_provider" "github" {
  url = "https://token.actions.githubusercontent.com"
}

data "aws_iam_policy_document" "ecs_tasks_assume" {
  statement {
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["ecs-tasks.amazonaws.com"]
    }
  }
}

data "aws_iam_policy_document" "github_assume" {
  statement {
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Federated"
      identifiers = [data.aws_iam_openid_connect_provider.github.arn]
    }

    dynamic "condition" {
      for_each = local.github_claims
      content {
        test     = condition.value.test
        variable = "token.actions.githubusercontent.com:${condition.key}"
        values   = condition.value.values
      }
    }
  }
}

resource "aws_iam_role" "dock_scheduler_deploy" {
  name               = "dock-scheduler-github-deploy"
  assume_role_policy = data.aws_iam_policy_document.github_assume.json
}

resource "aws_iam_role" "dock_scheduler_execution" {
  name               = "dock-scheduler-execution"
  assume_role_policy = data.aws_iam_policy_document.ecs_tasks_assume.json
}

resource "aws_iam_role_policy_attachment" "dock_scheduler_execution" {
  role       = aws_iam_role.dock_scheduler_execution.name
  policy_arn = "arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy"
}
