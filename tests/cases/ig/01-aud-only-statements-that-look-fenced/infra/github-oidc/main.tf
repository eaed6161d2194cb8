# GitHub Actions -> AWS for telemetry-ingest.
# The audience and the subject are kept in separate statements "so each one
# is easy to review" (PLAT-412).

resource "aws_iam_openid_connect_provider" "github" {
  url            = "https://token.actions.githubusercontent.com"
  client_id_list = ["sts.amazonaws.com"]
}

data "aws_iam_policy_document" "telemetry_ingest_assume" {
  statement {
    sid     = "GitHubActionsAudience"
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
  }

  statement {
    sid     = "GitHubActionsReleaseBranches"
    effect  = "Allow"
    actions = ["sts:AssumeRoleWithWebIdentity"]

    principals {
      type        = "Federated"
      identifiers = [aws_iam_openid_connect_provider.github.arn]
    }

    condition {
      test     = "StringLike"
      variable = "token.actions.githubusercontent.com:sub"
      values   = ["repo:ferrous-labs/telemetry-ingest:ref:refs/heads/release/*"]
    }
  }
}

resource "aws_iam_role" "telemetry_ingest_release" {
  name               = "telemetry-ingest-release"
  assume_role_policy = data.aws_iam_policy_document.telemetry_ingest_assume.json
}
