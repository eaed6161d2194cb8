locals {
  account_id = "903318274650"
  region     = "ap-southeast-2"
}

resource "aws_iam_role" "github_actions" {
  name = "toll-api-github-actions"

  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect = "Allow"
        Principal = {
          Federated = "arn:aws:iam::${local.account_id}:oidc-provider/token.actions.githubusercontent.com"
        }
        Action = "sts:AssumeRoleWithWebIdentity"
        Condition = {
          StringEquals = {
            "token.actions.githubusercontent.com:aud" = "sts.amazonaws.com"
            "token.actions.githubusercontent.com:sub" = "repo:tollgate-io/toll-api:environment:production"
          }
        }
      }
    ]
  })

  inline_policy {
    name = "ecr"
    policy = jsonencode({
      Version = "2012-10-17"
      Statement = [
        {
          Effect   = "Allow"
          Action   = ["ecr:GetAuthorizationToken"]
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
          Resource = "arn:aws:ecr:${local.region}:${local.account_id}:repository/toll-api"
        },
      ]
    })
  }

  inline_policy {
    name = "ecs"
    policy = jsonencode({
      Version = "2012-10-17"
      Statement = [
        {
          Effect   = "Allow"
          Action   = ["ecs:RegisterTaskDefinition"]
          Resource = "*"
        },
        {
          Effect   = "Allow"
          Action   = ["ecs:UpdateService"]
          Resource = "arn:aws:ecs:${local.region}:${local.account_id}:service/tolling/toll-api"
        },
        {
          Effect   = "Allow"
          Action   = ["iam:PassRole"]
          Resource = "arn:aws:iam::${local.account_id}:role/*"
          Condition = {
            StringEquals = {
              "iam:PassedToService" = "ecs-tasks.amazonaws.com"
            }
          }
        },
      ]
    })
  }
}
