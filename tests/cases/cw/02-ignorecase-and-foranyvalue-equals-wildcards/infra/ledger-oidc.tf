data "aws_iam_policy_document" "ledger_deploy_trust" {
  statement {
    sid     = "LedgerProdEnvironments"
    effect  = "Allow"
    actions = ["sts:AssumeRoleWithWebIdentity"]

    principals {
      type        = "Federated"
      identifiers = ["arn:aws:iam::402918375561:oidc-provider/token.actions.githubusercontent.com"]
    }

    condition {
      test     = "StringEquals"
      variable = "token.actions.githubusercontent.com:aud"
      values   = ["sts.amazonaws.com"]
    }

    condition {
      test     = "StringEqualsIgnoreCase"
      variable = "token.actions.githubusercontent.com:sub"
      values   = ["repo:acme-fin/ledger:environment:prod*"]
    }
  }
}

resource "aws_iam_role" "ledger_deploy" {
  name               = "ledger-deploy"
  assume_role_policy = data.aws_iam_policy_document.ledger_deploy_trust.json
}
