########################
# GitHub OIDC + CI roles
########################

resource "aws_iam_openid_connect_provider" "github" {
  url = "https://token.actions.githubusercontent.com"

  client_id_list = [
    "sts.amazonaws.com"
  ]

  # NOTE: keep an eye on GitHub OIDC thumbprint changes.
  thumbprint_list = [
    "1b511abead59c6ce207077c0bf0e0043b1382612"
  ]
}

# Permissions used by CI (start permissive, later tighten to least-privilege)
data "aws_iam_policy_document" "ci_permissions" {
  statement {
    sid     = "ECR"
    actions = ["ecr:*"]
    resources = ["*"]
  }

  statement {
    sid     = "ECSAndELB"
    actions = [
      "ecs:*",
      "elasticloadbalancing:*",
      "servicediscovery:*"
    ]
    resources = ["*"]
  }

  statement {
    sid     = "IAMPassRole"
    actions = ["iam:PassRole"]
    resources = ["*"]

    condition {
      test     = "StringEquals"
      variable = "iam:PassedToService"
      values   = ["ecs-tasks.amazonaws.com"]
    }
  }

  statement {
    sid     = "DescribeLogsCW"
    actions = [
      "ec2:Describe*",
      "logs:*",
      "cloudwatch:*",
      "ssm:GetParameter",
      "ssm:GetParameters"
    ]
    resources = ["*"]
  }
}

resource "aws_iam_policy" "ci_deployer" {
  name   = "order-tracking-ci-deployer"
  policy = data.aws_iam_policy_document.ci_permissions.json
}

# DEV trust: only deploy/* branches
data "aws_iam_policy_document" "dev_trust" {
  statement {
    sid     = "AllowGitHubOIDC"
    effect  = "Allow"
    actions = ["sts:AssumeRoleWithWebIdentity"]

    principals {
      type        = "Federated"
      identifiers = [aws_iam_openid_connect_provider.github.arn]
    }

    condition {
      test     = "StringLike"
      variable = "token.actions.githubusercontent.com:sub"
      values = [
        "repo:egobb/order-tracking:environment:dev",         # <- si el job usa environment: dev
        "repo:egobb/order-tracking:ref:refs/heads/feature/infra-aws",
        "repo:egobb/order-tracking:ref:refs/heads/deploy/*", # <- si disparas desde deploy/*
        "repo:egobb/order-tracking:ref:refs/heads/develop",  # opcional
      ]
    }

    condition {
      test     = "StringEquals"
      variable = "token.actions.githubusercontent.com:aud"
      values   = ["sts.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "dev_deployer" {
  name               = "order-tracking-dev-deployer"
  assume_role_policy = data.aws_iam_policy_document.dev_trust.json
  managed_policy_arns = [
    aws_iam_policy.ci_deployer.arn
  ]
}

# PROD trust: only tags v*
data "aws_iam_policy_document" "prod_trust" {
  statement {
    effect  = "Allow"
    actions = ["sts:AssumeRoleWithWebIdentity"]

    principals {
      type        = "Federated"
      identifiers = [aws_iam_openid_connect_provider.github.arn]
    }

    condition {
      test     = "StringLike"
      variable = "token.actions.githubusercontent.com:sub"
      values   = ["repo:egobb/order-tracking:ref:refs/tags/v*"]
    }

    condition {
      test     = "StringEquals"
      variable = "token.actions.githubusercontent.com:aud"
      values   = ["sts.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "prod_deployer" {
  name               = "order-tracking-prod-deployer"
  assume_role_policy = data.aws_iam_policy_document.prod_trust.json
  managed_policy_arns = [
    aws_iam_policy.ci_deployer.arn
  ]
}

resource "aws_ecr_repository" "order_tracking" {
  name                 = "order-tracking"
  image_tag_mutability = "MUTABLE"

  image_scanning_configuration {
    scan_on_push = true
  }
}
