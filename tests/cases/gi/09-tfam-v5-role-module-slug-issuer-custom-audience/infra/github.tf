locals {
  account_id      = "351799024613"
  region          = "eu-central-1"
  github_issuer   = "token.actions.githubusercontent.com/ostrava"
  github_audience = "ostrava-ecs"
}

module "github_oidc_provider" {
  source  = "terraform-aws-modules/iam/aws//modules/iam-github-oidc-provider"
  version = "~> 5.39"

  url            = "https://${local.github_issuer}"
  client_id_list = [local.github_audience]
}

module "fleet_telemetry_deploy_role" {
  source  = "terraform-aws-modules/iam/aws//modules/iam-github-oidc-role"
  version = "~> 5.39"

  name         = "fleet-telemetry-deploy"
  provider_url = local.github_issuer
  audience     = local.github_audience
  subjects     = ["ostrava-mobility/fleet-telemetry:environment:production"]

  policies = {
    deploy = aws_iam_policy.fleet_telemetry_deploy.arn
  }
}

resource "aws_iam_policy" "fleet_telemetry_deploy" {
  name = "fleet-telemetry-deploy"

  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid      = "EcrAuth"
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
        Resource = "arn:aws:ecr:${local.region}:${local.account_id}:repository/fleet-telemetry"
      },
      {
        Sid      = "TaskDefinition"
        Effect   = "Allow"
        Action   = ["ecs:RegisterTaskDefinition", "ecs:DescribeTaskDefinition"]
        Resource = "*"
      },
      {
        Sid      = "Service"
        Effect   = "Allow"
        Action   = ["ecs:DescribeServices", "ecs:UpdateService"]
        Resource = "arn:aws:ecs:${local.region}:${local.account_id}:service/mobility/fleet-telemetry"
      },
      {
        Sid    = "PassRoles"
        Effect = "Allow"
        Action = "iam:PassRole"
        Resource = [
          "arn:aws:iam::${local.account_id}:role/fleet-telemetry-execution",
          "arn:aws:iam::${local.account_id}:role/fleet-telemetry-task",
        ]
        Condition = {
          StringEquals = { "iam:PassedToService" = "ecs-tasks.amazonaws.com" }
        }
      },
    ]
  })
}
