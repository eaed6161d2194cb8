locals {
  # IAM names the provider and its condition keys after the issuer URL without
  # its scheme: token.actions.githubusercontent.com/<slug>:sub for a unique issuer.
  oidc_host = var.enterprise_slug == "" ? "token.actions.githubusercontent.com" : "token.actions.githubusercontent.com/${var.enterprise_slug}"
}

resource "aws_iam_openid_connect_provider" "github" {
  url            = "https://${local.oidc_host}"
  client_id_list = ["sts.amazonaws.com"]
}

data "aws_iam_policy_document" "pricing_deploy_trust" {
  statement {
    sid     = "GitHubActionsProduction"
    effect  = "Allow"
    actions = ["sts:AssumeRoleWithWebIdentity"]

    principals {
      type        = "Federated"
      identifiers = [aws_iam_openid_connect_provider.github.arn]
    }

    condition {
      test     = "StringEquals"
      variable = "${local.oidc_host}:aud"
      values   = ["sts.amazonaws.com"]
    }

    condition {
      test     = "StringEquals"
      variable = "${local.oidc_host}:sub"
      values   = var.deploy_subjects
    }

    condition {
      test     = "StringEquals"
      variable = "${local.oidc_host}:enterprise_id"
      values   = [var.enterprise_id]
    }
  }
}

resource "aws_iam_role" "pricing_deploy" {
  name               = "pricing-engine-deploy"
  assume_role_policy = data.aws_iam_policy_document.pricing_deploy_trust.json
}

resource "aws_iam_role_policy_attachment" "pricing_deploy" {
  role       = aws_iam_role.pricing_deploy.name
  policy_arn = "arn:aws:iam::${var.account_id}:policy/pricing-engine-ecs-deploy"
}
