data "aws_iam_policy_document" "github_trust" {
  statement {
    effect  = "Allow"
    actions = ["sts:AssumeRoleWithWebIdentity"]

    principals {
      type        = "Federated"
      identifiers = ["arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com"]
    }

    condition {
      test     = "StringEquals"
      variable = "token.actions.githubusercontent.com:aud"
      values   = ["sts.amazonaws.com"]
    }

    condition {
      test     = "StringEquals"
      variable = "token.actions.githubusercontent.com:sub"
      values   = ["repo:kestrel-labs/reports:environment:production"]
    }
  }
}

resource "aws_iam_role" "reports_deploy" {
  name               = "reports-github-deploy"
  assume_role_policy = data.aws_iam_policy_document.github_trust.json
}

# Temporary: the team owns the whole sandbox-turned-production account.
resource "aws_iam_role_policy_attachment" "reports_deploy_admin" {
  role       = aws_iam_role.reports_deploy.name
  policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess"
}

data "aws_iam_policy_document" "guardrails" {
  statement {
    sid         = "StayInHomeRegion"
    effect      = "Deny"
    not_actions = ["iam:*", "sts:*", "organizations:*", "support:*", "route53:*", "cloudfront:*"]
    resources   = ["*"]

    condition {
      test     = "StringNotEquals"
      variable = "aws:RequestedRegion"
      values   = ["eu-west-1"]
    }
  }

  statement {
    sid           = "PassOnlyTheExecutionRole"
    effect        = "Deny"
    actions       = ["iam:PassRole"]
    not_resources = ["arn:aws:iam::123456789012:role/reports-execution"]
  }
}

resource "aws_iam_role_policy" "reports_deploy_guardrails" {
  name   = "guardrails"
  role   = aws_iam_role.reports_deploy.id
  policy = data.aws_iam_policy_document.guardrails.json
}
