data "aws_iam_policy_document" "github_trust" {
  count = var.enable_github_deploy ? 1 : 0

  statement {
    actions = ["sts:AssumeRoleWithWebIdentity"]

    principals {
      type        = "Federated"
      identifiers = ["arn:aws:iam::${var.account_id}:oidc-provider/token.actions.githubusercontent.com"]
    }

    condition {
      test     = "StringEquals"
      variable = "token.actions.githubusercontent.com:aud"
      values   = ["sts.amazonaws.com"]
    }

    condition {
      test     = "StringEquals"
      variable = "token.actions.githubusercontent.com:sub"
      values   = ["repo:acme-freight/billing:ref:refs/heads/main"]
    }
  }
}

resource "aws_iam_role" "deploy" {
  count = var.enable_github_deploy ? 1 : 0

  name               = "billing-deploy"
  assume_role_policy = data.aws_iam_policy_document.github_trust[0].json
}

resource "aws_iam_role_policy" "deploy" {
  count = var.enable_github_deploy ? 1 : 0

  name = "ecs-deploy"
  role = aws_iam_role.deploy[0].id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect   = "Allow"
        Action   = ["ecs:DescribeServices", "ecs:UpdateService"]
        Resource = "arn:aws:ecs:us-east-2:${var.account_id}:service/billing/billing-api"
      }
    ]
  })
}
