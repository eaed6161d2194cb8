data "aws_caller_identity" "current" {}
data "aws_partition" "current" {}

locals {
  account_id          = data.aws_caller_identity.current.account_id
  deploy_environments = ["staging", "production"]

  # GitHub sends repo:OWNER@OWNER_ID/REPO@REPO_ID:... for this repository
  deploy_subjects = [
    for env in local.deploy_environments :
    format("repo:%s@%d/%s@%d:environment:%s", var.github_owner, var.github_owner_id, var.github_repository, var.github_repository_id, env)
  ]
}

resource "aws_iam_role" "ledger_sync_deploy" {
  name = "ledger-sync-deploy"

  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid    = "GitHubActions"
        Effect = "Allow"
        Principal = {
          Federated = "arn:${data.aws_partition.current.partition}:iam::${local.account_id}:oidc-provider/token.actions.githubusercontent.com"
        }
        Action = "sts:AssumeRoleWithWebIdentity"
        Condition = {
          StringEquals = {
            "token.actions.githubusercontent.com:aud" = "sts.amazonaws.com"
            "token.actions.githubusercontent.com:sub" = local.deploy_subjects
          }
        }
      },
    ]
  })
}

resource "aws_iam_role_policy" "ledger_sync_deploy" {
  name = "ecs-deploy"
  role = aws_iam_role.ledger_sync_deploy.name

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
          "ecr:CompleteLayerUpload",
          "ecr:InitiateLayerUpload",
          "ecr:PutImage",
          "ecr:UploadLayerPart",
        ]
        Resource = "arn:aws:ecr:${var.aws_region}:${local.account_id}:repository/ledger-sync"
      },
      {
        Effect   = "Allow"
        Action   = "ecs:RegisterTaskDefinition"
        Resource = "*"
      },
      {
        Effect = "Allow"
        Action = ["ecs:DescribeServices", "ecs:UpdateService"]
        Resource = [
          for env in local.deploy_environments :
          "arn:aws:ecs:${var.aws_region}:${local.account_id}:service/quayside-${env}/ledger-sync"
        ]
      },
      {
        Effect   = "Allow"
        Action   = "iam:PassRole"
        Resource = "arn:aws:iam::${local.account_id}:role/ledger-sync-*"
        Condition = {
          StringEquals = { "iam:PassedToService" = "ecs-tasks.amazonaws.com" }
        }
      },
    ]
  })
}
