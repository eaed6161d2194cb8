# GitHub Actions OIDC provider and deploy role for one AWS account.
#
# Enterprises that switched GitHub Actions to their unique token URL
# (include_enterprise_slug) get tokens from
# https://token.actions.githubusercontent.com/<enterprise-slug>; everyone else
# from the public issuer. IAM names the condition keys after the provider URL,
# so the keys follow the same host/path.

locals {
  issuer_host = join("/", compact(["token.actions.githubusercontent.com", var.enterprise_slug]))
}

resource "aws_iam_openid_connect_provider" "github" {
  url            = "https://${local.issuer_host}"
  client_id_list = var.audiences

  # thumbprint_list left out: AWS validates GitHub's certificate with its own
  # trusted CAs, and the argument is optional since hashicorp/aws 5.81.

  tags = var.tags
}

data "aws_iam_policy_document" "github_trust" {
  statement {
    sid     = "GitHubActions"
    effect  = "Allow"
    actions = ["sts:AssumeRoleWithWebIdentity"]

    principals {
      type        = "Federated"
      identifiers = [aws_iam_openid_connect_provider.github.arn]
    }

    condition {
      test     = "StringEquals"
      variable = "${local.issuer_host}:aud"
      values   = var.audiences
    }

    condition {
      test     = "StringEquals"
      variable = "${local.issuer_host}:sub"
      values   = var.subjects
    }
  }
}

resource "aws_iam_role" "deploy" {
  name                 = var.role_name
  assume_role_policy   = data.aws_iam_policy_document.github_trust.json
  max_session_duration = 3600
  tags                 = var.tags
}

output "provider_arn" {
  value = aws_iam_openid_connect_provider.github.arn
}

output "role_arn" {
  value = aws_iam_role.deploy.arn
}
