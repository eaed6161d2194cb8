locals {
  github_owner    = "nimbus-aerial"
  github_owner_id = "41872356"
  github_repo     = "flightplan"
  github_repo_id  = "902846115"

  # Immutable subject (repository created after 2026-07-15): repo:OWNER@ID/REPO@ID:CONTEXT
  release_sub = "repo:${local.github_owner}@${local.github_owner_id}/${local.github_repo}@${local.github_repo_id}:environment:production"
}

data "aws_caller_identity" "current" {}

data "aws_iam_openid_connect_provider" "github" {
  url = "https://token.actions.githubusercontent.com"
}

data "aws_iam_policy_document" "release_trust" {
  statement {
    sid     = "FlightplanProductionReleases"
    effect  = "Allow"
    actions = ["sts:AssumeRoleWithWebIdentity"]

    principals {
      type        = "Federated"
      identifiers = [data.aws_iam_openid_connect_provider.github.arn]
    }

    condition {
      test     = "StringEquals"
      variable = "token.actions.githubusercontent.com:aud"
      values   = ["sts.amazonaws.com"]
    }

    condition {
      test     = "StringEquals"
      variable = "token.actions.githubusercontent.com:sub"
      values   = [local.release_sub]
    }
  }
}

resource "aws_iam_role" "release" {
  name                 = "flightplan-release"
  assume_role_policy   = data.aws_iam_policy_document.release_trust.json
  max_session_duration = 3600
}

resource "aws_iam_role" "execution" {
  name               = "flightplan-execution"
  assume_role_policy = data.aws_iam_policy_document.ecs_tasks_trust.json
}

resource "aws_iam_role" "task" {
  name               = "flightplan-task"
  assume_role_policy = data.aws_iam_policy_document.ecs_tasks_trust.json
}

data "aws_iam_policy_document" "ecs_tasks_trust" {
  statement {
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["ecs-tasks.amazonaws.com"]
    }

    condition {
      test     = "StringEquals"
      variable = "aws:SourceAccount"
      values   = [data.aws_caller_identity.current.account_id]
    }
  }
}

data "aws_iam_policy_document" "release" {
  statement {
    sid       = "EcrLogin"
    actions   = ["ecr:GetAuthorizationToken"]
    resources = ["*"]
  }

  statement {
    sid = "EcrPushFlightplan"
    actions = [
      "ecr:BatchCheckLayerAvailability",
      "ecr:BatchGetImage",
      "ecr:CompleteLayerUpload",
      "ecr:GetDownloadUrlForLayer",
      "ecr:InitiateLayerUpload",
      "ecr:PutImage",
      "ecr:UploadLayerPart",
    ]
    resources = [aws_ecr_repository.flightplan.arn]
  }

  statement {
    sid       = "RegisterFlightplan"
    actions   = ["ecs:RegisterTaskDefinition"]
    resources = ["arn:aws:ecs:us-west-1:${data.aws_caller_identity.current.account_id}:task-definition/flightplan:*"]
  }

  statement {
    sid       = "DeployFlightplan"
    actions   = ["ecs:DescribeServices", "ecs:UpdateService"]
    resources = ["arn:aws:ecs:us-west-1:${data.aws_caller_identity.current.account_id}:service/nimbus/flightplan"]
  }

  statement {
    sid       = "PassFlightplanRoles"
    actions   = ["iam:PassRole"]
    resources = [aws_iam_role.execution.arn, aws_iam_role.task.arn]

    condition {
      test     = "StringEquals"
      variable = "iam:PassedToService"
      values   = ["ecs-tasks.amazonaws.com"]
    }
  }
}

resource "aws_iam_policy" "release" {
  name   = "flightplan-release"
  policy = data.aws_iam_policy_document.release.json
}

resource "aws_iam_role_policy_attachment" "release" {
  role       = aws_iam_role.release.name
  policy_arn = aws_iam_policy.release.arn
}
