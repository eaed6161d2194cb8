locals {
  github_org       = "tallow-commerce"
  oidc_provider_arn = "arn:aws:iam::482913570264:oidc-provider/token.actions.githubusercontent.com"
}

# metrics-ci: read-only access for the dashboards job
data "aws_iam_policy_document" "metrics_ci_trust" {
  statement {
    sid     = "GitHubActions"
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
  }
}

# search: deploy from any environment of the repository
data "aws_iam_policy_document" "search_deploy_trust" {
  statement {
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
      values   = ["repo:${local.github_org}/search:environment:*"]
    }
  }
}

# catalog: the same intent, written with StringLike
data "aws_iam_policy_document" "catalog_deploy_trust" {
  statement {
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
      test     = "StringLike"
      variable = "token.actions.githubusercontent.com:sub"
      values   = ["repo:${local.github_org}/catalog:environment:*"]
    }
  }
}

resource "aws_iam_role" "metrics_ci" {
  name               = "metrics-ci"
  assume_role_policy = data.aws_iam_policy_document.metrics_ci_trust.json
}

resource "aws_iam_role" "search_deploy" {
  name               = "search-deploy"
  assume_role_policy = data.aws_iam_policy_document.search_deploy_trust.json
}

resource "aws_iam_role" "catalog_deploy" {
  name               = "catalog-deploy"
  assume_role_policy = data.aws_iam_policy_document.catalog_deploy_trust.json
}
