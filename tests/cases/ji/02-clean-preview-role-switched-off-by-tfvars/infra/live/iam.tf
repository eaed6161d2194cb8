module "deploy_role" {
  source = "../modules/github-role"

  name              = "quote-engine-deploy"
  oidc_provider_arn = aws_iam_openid_connect_provider.github.arn
  subjects          = ["repo:${local.repository}:environment:production"]
  policy_json       = data.aws_iam_policy_document.deploy.json
}

module "preview_role" {
  source = "../modules/github-role"
  count  = var.enable_preview_environments ? 1 : 0

  name              = "quote-engine-preview"
  oidc_provider_arn = aws_iam_openid_connect_provider.github.arn
  subjects          = ["repo:${local.repository}:pull_request"]
  policy_json       = data.aws_iam_policy_document.preview[0].json
}

data "aws_iam_policy_document" "deploy" {
  statement {
    sid       = "EcrAuth"
    actions   = ["ecr:GetAuthorizationToken"]
    resources = ["*"]
  }

  statement {
    sid = "EcrPush"
    actions = [
      "ecr:BatchCheckLayerAvailability",
      "ecr:BatchGetImage",
      "ecr:CompleteLayerUpload",
      "ecr:InitiateLayerUpload",
      "ecr:PutImage",
      "ecr:UploadLayerPart",
    ]
    resources = ["arn:aws:ecr:${var.region}:${local.account_id}:repository/quote-engine"]
  }

  statement {
    sid       = "RegisterTaskDefinition"
    actions   = ["ecs:RegisterTaskDefinition"]
    resources = ["*"]
  }

  statement {
    sid       = "UpdateService"
    actions   = ["ecs:DescribeServices", "ecs:UpdateService"]
    resources = ["arn:aws:ecs:${var.region}:${local.account_id}:service/pricing/quote-engine"]
  }

  statement {
    sid     = "PassRoles"
    actions = ["iam:PassRole"]
    resources = [
      "arn:aws:iam::${local.account_id}:role/quote-engine-execution",
      "arn:aws:iam::${local.account_id}:role/quote-engine-task",
    ]

    condition {
      test     = "StringEquals"
      variable = "iam:PassedToService"
      values   = ["ecs-tasks.amazonaws.com"]
    }
  }
}

data "aws_iam_policy_document" "preview" {
  count = var.enable_preview_environments ? 1 : 0

  statement {
    sid       = "PreviewEverything"
    actions   = ["ecs:*", "ecr:*"]
    resources = ["*"]
  }
}
