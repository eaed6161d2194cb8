locals {
  account_id = "118822334455"
  region     = "eu-central-1"
  repo       = "tidewater-logistics/inventory-service"
}

resource "aws_iam_openid_connect_provider" "github" {
  url             = "https://token.actions.githubusercontent.com"
  client_id_list  = ["sts.amazonaws.com"]
  thumbprint_list = ["6938fd4d98bab03faadb97b34396831e3780aea1"]
}

resource "aws_iam_role" "deploy" {
  name = "inventory-gha-deploy"

  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect    = "Allow"
        Principal = { Federated = aws_iam_openid_connect_provider.github.arn }
        Action    = "sts:AssumeRoleWithWebIdentity"
        Condition = {
          StringEquals = {
            "token.actions.githubusercontent.com:aud" = "sts.amazonaws.com"
            "token.actions.githubusercontent.com:sub" = [
              "repo:${local.repo}:environment:staging",
              "repo:${local.repo}:environment:production",
            ]
          }
        }
      }
    ]
  })
}

resource "aws_iam_role_policy" "deploy" {
  name = "inventory-deploy"
  role = aws_iam_role.deploy.id

  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid      = "EcrLogin"
        Effect   = "Allow"
        Action   = "ecr:GetAuthorizationToken"
        Resource = "*"
      },
      {
        Sid    = "EcrPush"
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
        Resource = "arn:aws:ecr:${local.region}:${local.account_id}:repository/inventory-service"
      },
      {
        Sid    = "RegisterTaskDefinitions"
        Effect = "Allow"
        Action = "ecs:RegisterTaskDefinition"
        Resource = [
          "arn:aws:ecs:${local.region}:${local.account_id}:task-definition/inventory-service-staging:*",
          "arn:aws:ecs:${local.region}:${local.account_id}:task-definition/inventory-service-production:*",
        ]
      },
      {
        Sid    = "DeployServices"
        Effect = "Allow"
        Action = ["ecs:DescribeServices", "ecs:UpdateService"]
        Resource = [
          "arn:aws:ecs:${local.region}:${local.account_id}:service/tidewater-staging/inventory-service",
          "arn:aws:ecs:${local.region}:${local.account_id}:service/tidewater-production/inventory-service",
        ]
      },
      {
        Sid    = "PassTaskRoles"
        Effect = "Allow"
        Action = "iam:PassRole"
        Resource = [
          "arn:aws:iam::${local.account_id}:role/inventory-staging-execution",
          "arn:aws:iam::${local.account_id}:role/inventory-staging-task",
          "arn:aws:iam::${local.account_id}:role/inventory-production-execution",
          "arn:aws:iam::${local.account_id}:role/inventory-production-task",
        ]
        Condition = {
          StringEquals = { "iam:PassedToService" = "ecs-tasks.amazonaws.com" }
        }
      },
    ]
  })
}
