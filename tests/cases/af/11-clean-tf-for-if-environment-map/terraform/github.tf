locals {
  github_org  = "brackenridge"
  github_repo = "billing"

  environments = {
    sandbox    = { account = "sandbox", deploy = false }
    staging    = { account = "nonprod", deploy = true }
    production = { account = "prod", deploy = true }
  }
}

resource "aws_iam_openid_connect_provider" "github" {
  url            = "https://token.actions.githubusercontent.com"
  client_id_list = ["sts.amazonaws.com"]
}

data "aws_iam_policy_document" "deploy_trust" {
  statement {
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

    condition {
      test     = "StringEquals"
      variable = "token.actions.githubusercontent.com:sub"
      values = [
        for name, env in local.environments :
        "repo:${local.github_org}/${local.github_repo}:environment:${name}" if env.deploy
      ]
    }
  }
}

resource "aws_iam_role" "deploy" {
  name               = "billing-deploy"
  assume_role_policy = data.aws_iam_policy_document.deploy_trust.json
}

resource "aws_iam_role_policy" "deploy" {
  name = "roll-billing"
  role = aws_iam_role.deploy.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect = "Allow"
      Action = ["ecs:UpdateService", "ecs:DescribeServices"]
      Resource = [
        "arn:aws:ecs:us-east-1:204918273650:service/billing-staging/billing-api",
        "arn:aws:ecs:us-east-1:204918273650:service/billing-production/billing-api",
      ]
    }]
  })
}
