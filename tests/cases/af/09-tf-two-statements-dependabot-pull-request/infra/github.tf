data "aws_caller_identity" "current" {}

locals {
  github_repository = "mossgiel-health/portal"
  oidc_provider_arn = "arn:aws:iam::${data.aws_caller_identity.current.account_id}:oidc-provider/token.actions.githubusercontent.com"
}

data "aws_iam_policy_document" "portal_github" {
  statement {
    sid     = "Deploy"
    effect  = "Allow"
    actions = ["sts:AssumeRoleWithWebIdentity"]

    principals {
      type        = "Federated"
      identifiers = [local.oidc_provider_arn]
    }

    condition {
      test     = "StringEquals"
      variable = "token.actions.githubusercontent.com:aud"
      values   = ["sts.amazonaws.com"]
    }

    condition {
      test     = "StringEquals"
      variable = "token.actions.githubusercontent.com:sub"
      values   = ["repo:${local.github_repository}:environment:production"]
    }
  }

  statement {
    sid     = "DependabotChecks"
    effect  = "Allow"
    actions = ["sts:AssumeRoleWithWebIdentity"]

    principals {
      type        = "Federated"
      identifiers = [local.oidc_provider_arn]
    }

    condition {
      test     = "StringEquals"
      variable = "token.actions.githubusercontent.com:sub"
      values   = ["repo:${local.github_repository}:pull_request"]
    }

    condition {
      test     = "StringEquals"
      variable = "token.actions.githubusercontent.com:actor"
      values   = ["dependabot[bot]"]
    }
  }
}

resource "aws_iam_role" "portal_github" {
  name               = "portal-github"
  assume_role_policy = data.aws_iam_policy_document.portal_github.json
}

resource "aws_iam_role_policy" "portal_github" {
  name = "roll-portal"
  role = aws_iam_role.portal_github.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = ["ecs:UpdateService", "ecs:DescribeServices"]
      Resource = "arn:aws:ecs:eu-west-1:${data.aws_caller_identity.current.account_id}:service/portal/portal-web"
    }]
  })
}
