resource "aws_iam_openid_connect_provider" "github" {
  url             = "https://token.actions.githubusercontent.com"
  client_id_list  = ["sts.amazonaws.com"]
  thumbprint_list = ["6938fd4d98bab03faadb97b34396831e3780aea1"]
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
}
