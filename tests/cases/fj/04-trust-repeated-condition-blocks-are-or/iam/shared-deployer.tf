# Shared deployer for every service repository of the organisation,
# usable only from jobs that run in the "production" environment.

data "aws_caller_identity" "current" {}

locals {
  github_org  = "quayside"
  oidc_host   = "token.actions.githubusercontent.com"
  account_id  = data.aws_caller_identity.current.account_id
}

data "aws_iam_policy_document" "shared_deployer_trust" {
  statement {
    sid     = "OrgProductionDeploys"
    effect  = "Allow"
    actions = ["sts:AssumeRoleWithWebIdentity"]

    principals {
      type        = "Federated"
      identifiers = ["arn:aws:iam::${local.account_id}:oidc-provider/${local.oidc_host}"]
    }

    condition {
      test     = "StringEquals"
      variable = "${local.oidc_host}:aud"
      values   = ["sts.amazonaws.com"]
    }

    # Any repository of the organisation ...
    condition {
      test     = "StringLike"
      variable = "${local.oidc_host}:sub"
      values   = ["repo:${local.github_org}/*"]
    }

    # ... and only from the production environment.
    condition {
      test     = "StringLike"
      variable = "${local.oidc_host}:sub"
      values   = ["repo:*:environment:production"]
    }
  }
}

resource "aws_iam_role" "shared_deployer" {
  name                 = "quayside-shared-ecs-deployer"
  assume_role_policy   = data.aws_iam_policy_document.shared_deployer_trust.json
  max_session_duration = 3600
}

resource "aws_iam_role_policy_attachment" "shared_deployer" {
  role       = aws_iam_role.shared_deployer.name
  policy_arn = "arn:aws:iam::${local.account_id}:policy/quayside-ecs-deploy"
}
