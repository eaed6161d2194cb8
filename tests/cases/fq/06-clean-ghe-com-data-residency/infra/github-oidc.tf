# GHE.com (data residency): tokens are issued by token.actions.octavia.ghe.com,
# not token.actions.githubusercontent.com, and the condition keys follow the issuer.
locals {
  account_id   = "508172634901"
  region       = "eu-west-3"
  ghe_issuer   = "token.actions.octavia.ghe.com"
  deploy_sub   = "repo:octavia-energy/grid-forecast:environment:production"
}

resource "aws_iam_openid_connect_provider" "ghe" {
  url            = "https://${local.ghe_issuer}"
  client_id_list = ["sts.amazonaws.com"]
}

resource "aws_iam_role" "deploy" {
  name = "grid-forecast-deploy"

  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid       = "GheComProduction"
        Effect    = "Allow"
        Principal = { Federated = aws_iam_openid_connect_provider.ghe.arn }
        Action    = "sts:AssumeRoleWithWebIdentity"
        Condition = {
          StringEquals = {
            "${local.ghe_issuer}:aud" = "sts.amazonaws.com"
            "${local.ghe_issuer}:sub" = local.deploy_sub
          }
        }
      },
    ]
  })
}

resource "aws_iam_role_policy" "deploy" {
  name = "grid-forecast-deploy"
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
        Resource = "arn:aws:ecr:${local.region}:${local.account_id}:repository/grid-forecast"
      },
      {
        Sid      = "RegisterTaskDefinition"
        Effect   = "Allow"
        Action   = "ecs:RegisterTaskDefinition"
        Resource = "arn:aws:ecs:${local.region}:${local.account_id}:task-definition/grid-forecast:*"
      },
      {
        Sid      = "DeployService"
        Effect   = "Allow"
        Action   = ["ecs:DescribeServices", "ecs:UpdateService"]
        Resource = "arn:aws:ecs:${local.region}:${local.account_id}:service/octavia/grid-forecast"
      },
      {
        Sid    = "PassTaskRoles"
        Effect = "Allow"
        Action = "iam:PassRole"
        Resource = [
          "arn:aws:iam::${local.account_id}:role/grid-forecast-execution",
          "arn:aws:iam::${local.account_id}:role/grid-forecast-task",
        ]
        Condition = {
          StringEquals = {
            "iam:PassedToService" = "ecs-tasks.amazonaws.com"
          }
        }
      },
    ]
  })
}
