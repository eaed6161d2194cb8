data "aws_caller_identity" "current" {}

locals {
  account_id = data.aws_caller_identity.current.account_id
  tfc_host   = "app.terraform.io"
}

data "aws_iam_policy_document" "billing_deploy_trust" {
  statement {
    sid     = "TerraformCloudApply"
    effect  = "Allow"
    actions = ["sts:AssumeRoleWithWebIdentity"]

    principals {
      type        = "Federated"
      identifiers = ["arn:aws:iam::${local.account_id}:oidc-provider/app.terraform.io"]
    }

    condition {
      test     = "StringEquals"
      variable = "app.terraform.io:aud"
      values   = ["aws.workload.identity"]
    }

    condition {
      test     = "StringLike"
      variable = "app.terraform.io:sub"
      values   = ["organization:quarry-billing:project:platform:workspace:billing-*:run_phase:*"]
    }
  }

  statement {
    sid     = "GitHubActionsRelease"
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
      values = [
        "repo:quarry-billing/invoice-service:environment:production",
        "repo:quarry-billing/invoice-service:environment:staging",
      ]
    }
  }
}

resource "aws_iam_role" "billing_deploy" {
  name                 = "invoice-service-deploy"
  assume_role_policy   = data.aws_iam_policy_document.billing_deploy_trust.json
  max_session_duration = 3600
}
