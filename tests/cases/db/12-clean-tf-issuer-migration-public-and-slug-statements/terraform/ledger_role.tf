locals {
  ledger_subject = "repo:contoso-payments/ledger:environment:production"
}

data "aws_iam_policy_document" "ledger_trust" {
  statement {
    sid     = "PublicIssuer"
    effect  = "Allow"
    actions = ["sts:AssumeRoleWithWebIdentity"]

    principals {
      type        = "Federated"
      identifiers = [aws_iam_openid_connect_provider.github.arn]
    }

    condition {
      test     = "StringEquals"
      variable = "token.actions.githubusercontent.com:aud"
      values   = ["sts.amazonaws.com"]
    }

    condition {
      test     = "StringEquals"
      variable = "token.actions.githubusercontent.com:sub"
      values   = [local.ledger_subject]
    }
  }

  statement {
    sid     = "EnterpriseIssuer"
    effect  = "Allow"
    actions = ["sts:AssumeRoleWithWebIdentity"]

    principals {
      type        = "Federated"
      identifiers = [aws_iam_openid_connect_provider.github_enterprise.arn]
    }

    condition {
      test     = "StringEquals"
      variable = "token.actions.githubusercontent.com/contoso-corp:aud"
      values   = ["sts.amazonaws.com"]
    }

    condition {
      test     = "StringEquals"
      variable = "token.actions.githubusercontent.com/contoso-corp:sub"
      values   = [local.ledger_subject]
    }
  }
}

resource "aws_iam_role" "ledger_deploy" {
  name               = "ledger-deploy"
  assume_role_policy = data.aws_iam_policy_document.ledger_trust.json
}
