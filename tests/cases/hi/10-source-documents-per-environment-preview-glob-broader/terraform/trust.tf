locals {
  account_id  = "806215934470"
  region      = "ap-southeast-2"
  github_repo = "saltbox-media/transcode"

  # GitHub environments allowed to deploy transcode, each a statement of its own
  # so CloudTrail shows which one matched. "previews" covers the per-PR
  # environments (pr-123, pr-124, ...) the preview bot creates.
  deploy_environments = {
    staging    = { sid = "Staging", pattern = "staging" }
    production = { sid = "Production", pattern = "production" }
    previews   = { sid = "Previews", pattern = "pr-*" }
  }
}

data "aws_iam_policy_document" "environment_trust" {
  for_each = local.deploy_environments

  statement {
    sid     = "GitHub${each.value.sid}"
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
      test     = "StringLike"
      variable = "token.actions.githubusercontent.com:sub"
      values   = ["repo:${local.github_repo}:environment:${each.value.pattern}"]
    }
  }
}

data "aws_iam_policy_document" "deploy_trust" {
  source_policy_documents = [
    for name in sort(keys(local.deploy_environments)) :
    data.aws_iam_policy_document.environment_trust[name].json
  ]
}

resource "aws_iam_role" "deploy" {
  name               = "transcode-deploy"
  assume_role_policy = data.aws_iam_policy_document.deploy_trust.json
}
