locals {
  github_org  = "halyard-health"
  github_repo = "${local.github_org}/intake"

  # GitHub roles of this repository and the exact subjects each one trusts.
  github_roles = {
    "intake-image-push" = {
      subjects = ["repo:${local.github_repo}:ref:refs/heads/main"]
    }
    "intake-deploy" = {
      subjects = ["repo:${local.github_repo}:environment:production"]
    }
  }
}

data "aws_caller_identity" "current" {}

data "aws_iam_policy_document" "github_trust" {
  for_each = local.github_roles

  statement {
    sid     = "GitHubActions"
    effect  = "Allow"
    actions = ["sts:AssumeRoleWithWebIdentity"]

    principals {
      type        = "Federated"
      identifiers = ["arn:aws:iam::${data.aws_caller_identity.current.account_id}:oidc-provider/token.actions.githubusercontent.com"]
    }

    condition {
      test     = "StringEquals"
      variable = "token.actions.githubusercontent.com:aud"
      values   = ["sts.amazonaws.com"]
    }

    # SEC-112: organisation boundary that the security team requires on every
    # GitHub role. It is ANDed with the exact subjects below.
    condition {
      test     = "StringLike"
      variable = "token.actions.githubusercontent.com:sub"
      values   = ["repo:${local.github_org}/*"]
    }

    condition {
      test     = "StringEquals"
      variable = "token.actions.githubusercontent.com:sub"
      values   = each.value.subjects
    }
  }
}

resource "aws_iam_role" "github" {
  for_each = local.github_roles

  name                 = each.key
  assume_role_policy   = data.aws_iam_policy_document.github_trust[each.key].json
  max_session_duration = 3600
}
