data "aws_caller_identity" "current" {}

locals {
  account_id = "263514870092"
  region     = "ap-southeast-2"
  cluster    = "brightloop-prod"
}

resource "aws_iam_role" "notifications_deploy" {
  name        = "notifications-github-deploy"
  description = "Assumed by brightloop/notifications GitHub Actions (production environment)"

  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect = "Allow"
      Principal = {
        Federated = "arn:aws:iam::${local.account_id}:oidc-provider/token.actions.githubusercontent.com"
      }
      Action = "sts:AssumeRoleWithWebIdentity"
      Condition = {
        StringEquals = {
          "token.actions.githubusercontent.com:aud" = "sts.amazonaws.com"
          "token.actions.githubusercontent.com:sub" = "repo:brightloop/notifications:environment:production"
        }
      }
    }]
  })

  inline_policy {
    name = "ecr-push"
    policy = jsonencode({
      Version = "2012-10-17"
      Statement = [{
        Sid    = "PushAnyRepository"
        Effect = "Allow"
        Action = [
          "ecr:GetAuthorizationToken",
          "ecr:BatchCheckLayerAvailability",
          "ecr:CompleteLayerUpload",
          "ecr:InitiateLayerUpload",
          "ecr:PutImage",
          "ecr:UploadLayerPart",
        ]
        Resource = "*"
      }]
    })
  }

  inline_policy {
    name = "ecs-rollout"
    policy = jsonencode({
      Version = "2012-10-17"
      Statement = [
        {
          Sid      = "Describe"
          Effect   = "Allow"
          Action   = ["ecs:Describe*", "ecs:List*"]
          Resource = "*"
        },
        {
          Sid      = "Register"
          Effect   = "Allow"
          Action   = "ecs:RegisterTaskDefinition"
          Resource = "*"
        },
        {
          Sid      = "Update"
          Effect   = "Allow"
          Action   = "ecs:UpdateService"
          Resource = "arn:aws:ecs:${local.region}:${local.account_id}:service/${local.cluster}/notifications"
        },
        {
          Sid    = "PassTaskRoles"
          Effect = "Allow"
          Action = "iam:PassRole"
          Resource = [
            "arn:aws:iam::${local.account_id}:role/notifications-execution",
            "arn:aws:iam::${local.account_id}:role/notifications-task",
          ]
          Condition = {
            StringEquals = { "iam:PassedToService" = "ecs-tasks.amazonaws.com" }
          }
        },
      ]
    })
  }
}
