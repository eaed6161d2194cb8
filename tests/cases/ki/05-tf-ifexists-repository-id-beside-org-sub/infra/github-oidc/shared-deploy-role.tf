data "aws_caller_identity" "current" {}

locals {
  github_org = "harbor-analytics"

  # Repositories allowed to use the shared ECS deploy role, by immutable id:
  #   604718233 harbor-analytics/ingest-api
  #   604719102 harbor-analytics/report-worker
  deploy_repository_ids = ["604718233", "604719102"]
}

data "aws_iam_policy_document" "shared_deploy_trust" {
  statement {
    sid     = "OrgMainBranchesOfListedRepositories"
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

    condition {
      test     = "StringLike"
      variable = "token.actions.githubusercontent.com:sub"
      values   = ["repo:${local.github_org}/*:ref:refs/heads/main"]
    }

    # IfExists so older tokens without the claim keep working during the rollout.
    condition {
      test     = "StringEqualsIfExists"
      variable = "token.actions.githubusercontent.com:repository_id"
      values   = local.deploy_repository_ids
    }
  }
}

resource "aws_iam_role" "shared_deploy" {
  name               = "harbor-shared-ecs-deploy"
  assume_role_policy = data.aws_iam_policy_document.shared_deploy_trust.json
}
