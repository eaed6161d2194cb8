locals {
  app        = "catalog"
  account_id = "209448817265"
  region     = "ap-southeast-2"
}

resource "aws_iam_role" "github_actions" {
  name        = "${local.app}-github-actions"
  description = "Assumed by GitHub Actions to push images and deploy ${local.app}"

  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect    = "Allow"
        Action    = "sts:AssumeRoleWithWebIdentity"
        Principal = { Federated = "arn:aws:iam::${local.account_id}:oidc-provider/token.actions.githubusercontent.com" }
        Condition = {
          StringEquals = {
            "token.actions.githubusercontent.com:aud" = "sts.amazonaws.com"
            "token.actions.githubusercontent.com:sub" = "repo:tidewater-labs/catalog:environment:prod"
          }
        }
      }
    ]
  })

  inline_policy {
    name = "ecr-push"
    policy = jsonencode({
      Version = "2012-10-17"
      Statement = [
        {
          Effect   = "Allow"
          Action   = "ecr:GetAuthorizationToken"
          Resource = "*"
        },
        {
          Effect = "Allow"
          Action = [
            "ecr:BatchCheckLayerAvailability",
            "ecr:InitiateLayerUpload",
            "ecr:UploadLayerPart",
            "ecr:CompleteLayerUpload",
            "ecr:PutImage",
          ]
          Resource = "arn:aws:ecr:${local.region}:${local.account_id}:repository/${local.app}"
        },
      ]
    })
  }

  inline_policy {
    name = "ecs-deploy"
    policy = jsonencode({
      Version = "2012-10-17"
      Statement = [
        {
          Effect   = "Allow"
          Action   = ["ecs:RegisterTaskDefinition", "ecs:DescribeTaskDefinition"]
          Resource = "*"
        },
        {
          Effect   = "Allow"
          Action   = ["ecs:UpdateService", "ecs:DescribeServices"]
          Resource = "arn:aws:ecs:${local.region}:${local.account_id}:service/${local.app}/${local.app}-api"
        },
      ]
    })
  }
}
