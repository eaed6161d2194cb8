data "aws_iam_policy_document" "tide_api_deploy_trust" {
  statement {
    sid     = "GitHubActionsDeploy"
    effect  = "Allow"
    actions = ["sts:AssumeRoleWithWebIdentity", "sts:TagSession"]

    principals {
      type        = "Federated"
      identifiers = [aws_iam_openid_connect_provider.github_actions.arn]
    }

    condition {
      test     = "StringEquals"
      variable = "token.actions.githubusercontent.com:aud"
      values   = ["sts.amazonaws.com"]
    }

    condition {
      test     = "StringEquals"
      variable = "token.actions.githubusercontent.com:sub"
      values = [
        for env in var.deploy_environments :
        "repo:${var.github_owner}/${var.github_repository}:environment:${env}"
      ]
    }
  }
}

resource "aws_iam_role" "tide_api_deploy" {
  name                 = "tide-api-github-deploy"
  description          = "Assumed by tide-api deploy jobs (staging and production environments)."
  assume_role_policy   = data.aws_iam_policy_document.tide_api_deploy_trust.json
  max_session_duration = 3600

  tags = local.tags
}

output "tide_api_deploy_role_arn" {
  value = aws_iam_role.tide_api_deploy.arn
}
