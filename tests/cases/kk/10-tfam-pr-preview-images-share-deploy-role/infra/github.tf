locals {
  account_id = "264819370455"
  region     = "us-west-1"
}

module "newsroom_github" {
  source  = "terraform-aws-modules/iam/aws//modules/iam-github-oidc-role"
  version = "5.55.0"

  name = "newsroom-github"

  subjects = [
    "fernhill-media/newsroom:environment:production",
    # preview images for pull requests (pr-preview.yml)
    "fernhill-media/newsroom:pull_request",
  ]

  policies = {
    Newsroom = aws_iam_policy.newsroom_github.arn
  }
}

data "aws_iam_policy_document" "newsroom_github" {
  statement {
    actions   = ["ecr:GetAuthorizationToken"]
    resources = ["*"]
  }

  statement {
    actions = [
      "ecr:BatchCheckLayerAvailability",
      "ecr:CompleteLayerUpload",
      "ecr:InitiateLayerUpload",
      "ecr:PutImage",
      "ecr:UploadLayerPart",
    ]
    resources = ["arn:aws:ecr:${local.region}:${local.account_id}:repository/newsroom"]
  }

  statement {
    actions   = ["ecs:RegisterTaskDefinition"]
    resources = ["*"]
  }

  statement {
    actions   = ["ecs:DescribeServices", "ecs:UpdateService"]
    resources = ["arn:aws:ecs:${local.region}:${local.account_id}:service/media/newsroom"]
  }

  statement {
    actions   = ["iam:PassRole"]
    resources = ["arn:aws:iam::${local.account_id}:role/newsroom-execution"]

    condition {
      test     = "StringEquals"
      variable = "iam:PassedToService"
      values   = ["ecs-tasks.amazonaws.com"]
    }
  }
}

resource "aws_iam_policy" "newsroom_github" {
  name   = "newsroom-github"
  policy = data.aws_iam_policy_document.newsroom_github.json
}
