locals {
  account_id  = "251746093818"
  github_repo = "larkspur-games/matchmaker"
}

data "aws_iam_policy_document" "matchmaker_deploy_trust" {
  statement {
    sid     = "ProductionEnvironments"
    effect  = "Allow"
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
      values   = formatlist("repo:${local.github_repo}:environment:%s", var.production_environments)
    }
  }

  dynamic "statement" {
    for_each = var.allow_pull_request_previews ? [1] : []

    content {
      sid     = "PullRequestPreviews"
      effect  = "Allow"
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
        values   = ["repo:${local.github_repo}:pull_request"]
      }
    }
  }
}

resource "aws_iam_role" "matchmaker_deploy" {
  name               = "matchmaker-deploy"
  assume_role_policy = data.aws_iam_policy_document.matchmaker_deploy_trust.json
}

resource "aws_iam_role_policy" "matchmaker_deploy" {
  name = "deploy"
  role = aws_iam_role.matchmaker_deploy.id

  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect   = "Allow"
        Action   = "ecr:GetAuthorizationToken"
        Resource = "*"
      },
      {
        Effect = "Allow"
        Action = [
          "ecr:BatchCheckLayerAvailability",
          "ecr:BatchGetImage",
          "ecr:CompleteLayerUpload",
          "ecr:GetDownloadUrlForLayer",
          "ecr:InitiateLayerUpload",
          "ecr:PutImage",
          "ecr:UploadLayerPart",
        ]
        Resource = "arn:aws:ecr:*:${local.account_id}:repository/matchmaker"
      },
      {
        Effect   = "Allow"
        Action   = "ecs:RegisterTaskDefinition"
        Resource = "*"
      },
      {
        Effect   = "Allow"
        Action   = ["ecs:DescribeServices", "ecs:UpdateService"]
        Resource = "arn:aws:ecs:*:${local.account_id}:service/matchmaker-*/matchmaker"
      },
      {
        Effect = "Allow"
        Action = "iam:PassRole"
        Resource = [
          "arn:aws:iam::${local.account_id}:role/matchmaker-execution",
          "arn:aws:iam::${local.account_id}:role/matchmaker-task",
        ]
        Condition = {
          StringEquals = {
            "iam:PassedToService" = "ecs-tasks.amazonaws.com"
          }
        }
      },
    ]
  })
}
