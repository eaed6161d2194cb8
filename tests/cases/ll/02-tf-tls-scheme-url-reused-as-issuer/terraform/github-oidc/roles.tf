data "aws_iam_policy_document" "marmot_deploy_trust" {
  statement {
    effect  = "Allow"
    actions = ["sts:AssumeRoleWithWebIdentity"]

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
      values   = ["repo:marmot-analytics/tiles-api:environment:production"]
    }
  }
}

resource "aws_iam_role" "marmot_deploy" {
  name               = "tiles-api-github-deploy"
  assume_role_policy = data.aws_iam_policy_document.marmot_deploy_trust.json
}
