data "aws_caller_identity" "this" {}

locals {
  account_id = "604938271150"

  # the deploy action only needs to swap the task definition on the service
  rollout_actions = [
    "ecs:UpdateService",
    "ecs:DescribeTaskDefinition",
  ]
}

resource "aws_iam_policy" "rollout" {
  name = "payments-api-rollout"

  policy = data.aws_iam_policy_document.rollout.json
}

data "aws_iam_policy_document" "rollout" {
  statement {
    sid       = "EcrToken"
    actions   = ["ecr:GetAuthorizationToken"]
    resources = ["*"]
  }

  statement {
    sid = "EcrPush"
    actions = [
      "ecr:BatchCheckLayerAvailability",
      "ecr:CompleteLayerUpload",
      "ecr:InitiateLayerUpload",
      "ecr:PutImage",
      "ecr:UploadLayerPart",
    ]
    resources = ["arn:aws:ecr:${var.aws_region}:${local.account_id}:repository/payments-api"]
  }

  statement {
    sid       = "Register"
    actions   = ["ecs:RegisterTaskDefinition"]
    resources = ["*"]
  }

  dynamic "statement" {
    for_each = var.services
    content {
      actions   = local.rollout_actions
      resources = ["arn:aws:ecs:${var.aws_region}:${local.account_id}:service/${statement.value.cluster}/${statement.key}"]
    }
  }

  statement {
    sid       = "PassRoles"
    actions   = ["iam:PassRole"]
    resources = ["arn:aws:iam::${local.account_id}:role/payments-api-*"]
    condition {
      test     = "StringEquals"
      variable = "iam:PassedToService"
      values   = ["ecs-tasks.amazonaws.com"]
    }
  }
}

data "aws_iam_policy_document" "github_oidc" {
  statement {
    actions = ["sts:AssumeRoleWithWebIdentity"]
    principals {
      type        = "Federated"
      identifiers = ["arn:aws:iam::${local.account_id}:oidc-provider/token.actions.githubusercontent.com"]
    }
    condition {
      test     = "StringEquals"
      variable = "token.actions.githubusercontent.com:aud"
      values   = ["sts.amazonaws.com"]
    }
    condition {
      test     = "StringEquals"
      variable = "token.actions.githubusercontent.com:sub"
      values   = ["repo:saltmarsh-pay/payments-api:environment:prod"]
    }
  }
}

resource "aws_iam_role" "github_actions" {
  name                = "payments-api-github-actions"
  assume_role_policy  = data.aws_iam_policy_document.github_oidc.json
  managed_policy_arns = [aws_iam_policy.rollout.arn]
}
