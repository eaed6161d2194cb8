data "aws_caller_identity" "current" {}

locals {
  github_repository = "quayside-io/tidal-sync"
  oidc_provider_arn = "arn:aws:iam::${data.aws_caller_identity.current.account_id}:oidc-provider/token.actions.githubusercontent.com"
}

resource "aws_iam_openid_connect_provider" "github" {
  url             = "https://token.actions.githubusercontent.com"
  client_id_list  = ["sts.amazonaws.com"]
  thumbprint_list = ["6938fd4d98bab03faadb97b34396831e3780aea1"]
}

# Releases are cut as vMAJOR.MINOR.PATCH tags (single digits today, two-digit
# minor/patch allowed); hotfix branches are hotfix-NNNN (ticket number).
data "aws_iam_policy_document" "tidal_sync_release_assume" {
  statement {
    sid     = "ReleaseTagsAndHotfixBranches"
    effect  = "Allow"
    actions = ["sts:AssumeRoleWithWebIdentity"]

    principals {
      type        = "Federated"
      identifiers = [local.oidc_provider_arn]
    }

    condition {
      test     = "StringEquals"
      variable = "token.actions.githubusercontent.com:aud"
      values   = ["sts.amazonaws.com"]
    }

    condition {
      test     = "StringLike"
      variable = "token.actions.githubusercontent.com:sub"
      values = [
        "repo:${local.github_repository}:ref:refs/tags/v?.?.?",
        "repo:${local.github_repository}:ref:refs/tags/v?.??.??",
        "repo:${local.github_repository}:ref:refs/heads/hotfix-????",
      ]
    }
  }
}

resource "aws_iam_role" "tidal_sync_release" {
  name                 = "tidal-sync-release"
  assume_role_policy   = data.aws_iam_policy_document.tidal_sync_release_assume.json
  max_session_duration = 3600
}
