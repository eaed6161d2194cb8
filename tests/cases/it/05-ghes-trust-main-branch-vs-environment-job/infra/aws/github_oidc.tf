# GitHub Enterprise Server 3.16 at github.hollins-freight.com mints the Actions
# OIDC tokens; IAM names the provider and its condition keys after the issuer.
locals {
  ghes_hostname = "github.hollins-freight.com"
  ghes_issuer   = "${local.ghes_hostname}/_services/token"
  account_id    = "604118273952"
  region        = "us-west-2"
}

resource "aws_iam_openid_connect_provider" "ghes" {
  url             = "https://${local.ghes_issuer}"
  client_id_list  = ["sts.amazonaws.com"]
  thumbprint_list = ["a031c46782e6e6c662c2c87c76da9aa62ccabd8e"]
}

resource "aws_iam_role" "yard_planner_deploy" {
  name = "yard-planner-deploy"

  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect    = "Allow"
        Principal = { Federated = aws_iam_openid_connect_provider.ghes.arn }
        Action    = "sts:AssumeRoleWithWebIdentity"
        Condition = {
          StringEquals = {
            "${local.ghes_issuer}:aud" = "sts.amazonaws.com"
            "${local.ghes_issuer}:sub" = "repo:logistics/yard-planner:ref:refs/heads/main"
          }
        }
      }
    ]
  })
}

resource "aws_iam_role_policy" "yard_planner_deploy" {
  name = "ecs-deploy"
  role = aws_iam_role.yard_planner_deploy.id

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
        Resource = "arn:aws:ecr:${local.region}:${local.account_id}:repository/yard-planner"
      },
      {
        Effect   = "Allow"
        Action   = "ecs:RegisterTaskDefinition"
        Resource = "*"
      },
      {
        Effect   = "Allow"
        Action   = ["ecs:DescribeServices", "ecs:UpdateService"]
        Resource = "arn:aws:ecs:${local.region}:${local.account_id}:service/freight-ops/yard-planner"
      },
      {
        Effect = "Allow"
        Action = "iam:PassRole"
        Resource = [
          "arn:aws:iam::${local.account_id}:role/yard-planner-execution",
          "arn:aws:iam::${local.account_id}:role/yard-planner-task",
        ]
        Condition = {
          StringEquals = { "iam:PassedToService" = "ecs-tasks.amazonaws.com" }
        }
      },
    ]
  })
}
