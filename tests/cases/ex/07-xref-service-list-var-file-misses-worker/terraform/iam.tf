provider "aws" {
  region = var.region
}

variable "region" {
  type = string
}

variable "deploy_services" {
  type        = list(string)
  description = "ECS services in the ledger cluster that GitHub Actions may update"
}

locals {
  account_id = "274910385562"
}

resource "aws_iam_role" "ledger_deploy" {
  name = "ledger-deploy"

  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Federated = "arn:aws:iam::${local.account_id}:oidc-provider/token.actions.githubusercontent.com" }
      Action    = "sts:AssumeRoleWithWebIdentity"
      Condition = {
        StringEquals = {
          "token.actions.githubusercontent.com:aud" = "sts.amazonaws.com"
          "token.actions.githubusercontent.com:sub" = "repo:brightline/ledger:environment:production"
        }
      }
    }]
  })
}

resource "aws_iam_role_policy" "ledger_deploy" {
  name = "deploy"
  role = aws_iam_role.ledger_deploy.id

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
          "ecr:CompleteLayerUpload",
          "ecr:InitiateLayerUpload",
          "ecr:PutImage",
          "ecr:UploadLayerPart",
        ]
        Resource = "arn:aws:ecr:${var.region}:${local.account_id}:repository/ledger"
      },
      {
        Sid      = "RegisterTaskDefinition"
        Effect   = "Allow"
        Action   = "ecs:RegisterTaskDefinition"
        Resource = "*"
      },
      {
        Sid      = "DeployServices"
        Effect   = "Allow"
        Action   = ["ecs:DescribeServices", "ecs:UpdateService"]
        Resource = [for s in var.deploy_services : "arn:aws:ecs:${var.region}:${local.account_id}:service/ledger/${s}"]
      },
      {
        Sid    = "PassTaskRoles"
        Effect = "Allow"
        Action = "iam:PassRole"
        Resource = [
          "arn:aws:iam::${local.account_id}:role/ledger-execution",
          "arn:aws:iam::${local.account_id}:role/ledger-api-task",
          "arn:aws:iam::${local.account_id}:role/ledger-worker-task",
        ]
        Condition = {
          StringEquals = { "iam:PassedToService" = "ecs-tasks.amazonaws.com" }
        }
      },
    ]
  })
}
