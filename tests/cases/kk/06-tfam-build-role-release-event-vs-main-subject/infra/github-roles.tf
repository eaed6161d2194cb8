locals {
  repository = "saltmarsh-dev/tide-api"
  account_id = "129384756012"
  region     = "eu-central-1"
}

# Pushes release images. Written when images were built on every merge to main.
module "tide_api_build" {
  source  = "terraform-aws-modules/iam/aws//modules/iam-github-oidc-role"
  version = "5.52.2"

  name     = "tide-api-build"
  subjects = ["${local.repository}:ref:refs/heads/main"]

  policies = {
    EcrPush = aws_iam_policy.ecr_push.arn
  }
}

# Rolls the ECS service from the production environment.
module "tide_api_deploy" {
  source  = "terraform-aws-modules/iam/aws//modules/iam-github-oidc-role"
  version = "5.52.2"

  name     = "tide-api-deploy"
  subjects = ["${local.repository}:environment:production"]

  policies = {
    EcsDeploy = aws_iam_policy.ecs_deploy.arn
  }
}

resource "aws_iam_policy" "ecr_push" {
  name = "tide-api-ecr-push"
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
          "ecr:BatchGetImage",
          "ecr:CompleteLayerUpload",
          "ecr:GetDownloadUrlForLayer",
          "ecr:InitiateLayerUpload",
          "ecr:PutImage",
          "ecr:UploadLayerPart",
        ]
        Resource = "arn:aws:ecr:${local.region}:${local.account_id}:repository/tide-api"
      },
    ]
  })
}

resource "aws_iam_policy" "ecs_deploy" {
  name = "tide-api-ecs-deploy"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect   = "Allow"
        Action   = "ecs:RegisterTaskDefinition"
        Resource = "*"
      },
      {
        Effect   = "Allow"
        Action   = ["ecs:DescribeServices", "ecs:UpdateService"]
        Resource = "arn:aws:ecs:${local.region}:${local.account_id}:service/tides/tide-api"
      },
      {
        Effect = "Allow"
        Action = "iam:PassRole"
        Resource = [
          "arn:aws:iam::${local.account_id}:role/tide-api-execution",
          "arn:aws:iam::${local.account_id}:role/tide-api-task",
        ]
        Condition = {
          StringEquals = { "iam:PassedToService" = "ecs-tasks.amazonaws.com" }
        }
      },
    ]
  })
}
