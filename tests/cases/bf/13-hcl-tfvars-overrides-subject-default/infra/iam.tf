data "aws_caller_identity" "current" {}

data "aws_iam_policy_document" "claims_trust" {
  statement {
    effect  = "Allow"
    actions = ["sts:AssumeRoleWithWebIdentity"]

    principals {
      type        = "Federated"
      identifiers = ["arn:aws:iam::${data.aws_caller_identity.current.account_id}:oidc-provider/token.actions.githubusercontent.com"]
    }

    condition {
      test     = "StringEquals"
      variable = "token.actions.githubusercontent.com:aud"
      values   = [var.github_audience]
    }

    condition {
      test     = "StringEquals"
      variable = "token.actions.githubusercontent.com:sub"
      values   = var.deploy_subjects
    }
  }
}

resource "aws_iam_role" "claims_deploy" {
  name               = "claims-github-deploy"
  assume_role_policy = data.aws_iam_policy_document.claims_trust.json
}
