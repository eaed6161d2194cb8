# GitHub Enterprise Cloud with a unique issuer URL
# (Settings > Actions > OIDC: "Use a unique token URL for your enterprise").
# Tokens come from https://token.actions.githubusercontent.com/contoso, and IAM
# names the condition keys after that URL, path included.

data "aws_caller_identity" "current" {}

locals {
  account_id      = data.aws_caller_identity.current.account_id
  github_issuer   = "token.actions.githubusercontent.com/contoso"
  github_provider = "arn:aws:iam::${local.account_id}:oidc-provider/${local.github_issuer}"
}

resource "aws_iam_openid_connect_provider" "github_enterprise" {
  url            = "https://${local.github_issuer}"
  client_id_list = ["sts.amazonaws.com"]
}

resource "aws_iam_role" "billing_api_deploy" {
  name = "billing-api-github-deploy"

  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid    = "BillingApiWorkflows"
        Effect = "Allow"
        Principal = {
          Federated = local.github_provider
        }
        Action = "sts:AssumeRoleWithWebIdentity"
        Condition = {
          StringEquals = {
            "token.actions.githubusercontent.com/contoso:aud" = "sts.amazonaws.com"
          }
          StringLike = {
            "token.actions.githubusercontent.com/contoso:sub" = "repo:contoso-platform/billing-api:*"
          }
        }
      }
    ]
  })
}

data "aws_iam_policy_document" "billing_api_image_push_assume" {
  statement {
    sid     = "BillingApiBranchBuilds"
    effect  = "Allow"
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Federated"
      identifiers = [local.github_provider]
    }

    condition {
      test     = "StringEquals"
      variable = "token.actions.githubusercontent.com/contoso:aud"
      values   = ["sts.amazonaws.com"]
    }

    condition {
      test     = "StringLike"
      variable = "token.actions.githubusercontent.com/contoso:sub"
      values   = ["repo:contoso-platform/billing-api:ref:refs/heads/*"]
    }
  }
}

resource "aws_iam_role" "billing_api_image_push" {
  name               = "billing-api-github-image-push"
  assume_role_policy = data.aws_iam_policy_document.billing_api_image_push_assume.json
}
