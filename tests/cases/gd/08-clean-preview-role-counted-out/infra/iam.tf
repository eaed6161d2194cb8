locals {
  repository    = "kestrel-travel/booking-web"
  oidc_provider = "arn:aws:iam::${var.account_id}:oidc-provider/token.actions.githubusercontent.com"
}

########################################
# Production deploy role
########################################

resource "aws_iam_role" "deploy" {
  name = "booking-web-deploy"

  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Federated = local.oidc_provider }
      Action    = "sts:AssumeRoleWithWebIdentity"
      Condition = {
        StringEquals = {
          "token.actions.githubusercontent.com:aud" = "sts.amazonaws.com"
          "token.actions.githubusercontent.com:sub" = "repo:${local.repository}:environment:production"
        }
      }
    }]
  })
}

resource "aws_iam_role_policy" "deploy" {
  name = "deploy"
  role = aws_iam_role.deploy.id

  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect   = "Allow"
        Action   = ["ecr:GetAuthorizationToken"]
        Resource = "*"
      },
      {
        Effect = "Allow"
        Action = [
          "ecr:BatchCheckLayerAvailability",
          "ecr:CompleteLayerUpload",
          "ecr:InitiateLayerUpload",
          "ecr:PutImage",
          "ecr:UploadLayerPart",
        ]
        Resource = "arn:aws:ecr:${var.region}:${var.account_id}:repository/booking-web"
      },
      {
        Effect   = "Allow"
        Action   = ["ecs:RegisterTaskDefinition"]
        Resource = "*"
      },
      {
        Effect   = "Allow"
        Action   = ["ecs:DescribeServices", "ecs:UpdateService"]
        Resource = "arn:aws:ecs:${var.region}:${var.account_id}:service/kestrel-prod/booking-web"
      },
      {
        Effect = "Allow"
        Action = ["iam:PassRole"]
        Resource = [
          "arn:aws:iam::${var.account_id}:role/booking-web-execution",
          "arn:aws:iam::${var.account_id}:role/booking-web-task",
        ]
        Condition = {
          StringEquals = { "iam:PassedToService" = "ecs-tasks.amazonaws.com" }
        }
      },
    ]
  })
}

########################################
# Preview environments (pull requests)
########################################

data "aws_iam_policy_document" "preview_trust" {
  count = var.enable_preview_environments ? 1 : 0

  statement {
    actions = ["sts:AssumeRoleWithWebIdentity"]

    principals {
      type        = "Federated"
      identifiers = [local.oidc_provider]
    }

    condition {
      test     = "StringEquals"
      variable = "token.actions.githubusercontent.com:aud"
      values   = ["sts.amazonaws.com"]
    }

    condition {
      test     = "StringLike"
      variable = "token.actions.githubusercontent.com:sub"
      values   = ["repo:${local.repository}:pull_request"]
    }
  }
}

resource "aws_iam_role" "preview" {
  count = var.enable_preview_environments ? 1 : 0

  name               = "booking-web-preview"
  assume_role_policy = data.aws_iam_policy_document.preview_trust[0].json
}

resource "aws_iam_role_policy" "preview" {
  count = var.enable_preview_environments ? 1 : 0

  name = "preview"
  role = aws_iam_role.preview[0].id

  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = ["ecs:RunTask", "ecs:StopTask", "ecs:DescribeTasks"]
      Resource = "*"
      Condition = {
        ArnEquals = { "ecs:cluster" = "arn:aws:ecs:${var.region}:${var.account_id}:cluster/kestrel-preview" }
      }
    }]
  })
}
