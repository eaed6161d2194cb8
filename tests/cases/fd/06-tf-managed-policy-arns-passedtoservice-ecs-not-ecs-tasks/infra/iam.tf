variable "account_id" {
  type    = string
  default = "926370145582"
}

variable "region" {
  type    = string
  default = "us-west-2"
}

locals {
  oidc_provider_arn = "arn:aws:iam::${var.account_id}:oidc-provider/token.actions.githubusercontent.com"
  task_role_arns = [
    "arn:aws:iam::${var.account_id}:role/inventory-sync-execution",
    "arn:aws:iam::${var.account_id}:role/inventory-sync-task",
  ]
}

resource "aws_iam_role" "github_deploy" {
  name = "inventory-sync-github-deploy"

  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Federated = local.oidc_provider_arn }
      Action    = "sts:AssumeRoleWithWebIdentity"
      Condition = {
        StringEquals = {
          "token.actions.githubusercontent.com:aud" = "sts.amazonaws.com"
          "token.actions.githubusercontent.com:sub" = "repo:fernwood/inventory-sync:environment:production"
        }
      }
    }]
  })

  managed_policy_arns = [
    "arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryPowerUser",
  ]

  inline_policy {
    name = "ecs-deploy"
    policy = jsonencode({
      Version = "2012-10-17"
      Statement = [
        {
          Sid      = "RegisterTaskDefinition"
          Effect   = "Allow"
          Action   = ["ecs:RegisterTaskDefinition", "ecs:DescribeTaskDefinition"]
          Resource = "*"
        },
        {
          Sid      = "UpdateService"
          Effect   = "Allow"
          Action   = ["ecs:DescribeServices", "ecs:UpdateService"]
          Resource = "arn:aws:ecs:${var.region}:${var.account_id}:service/fernwood-prod/inventory-sync"
        },
        {
          Sid      = "PassTaskRolesToEcs"
          Effect   = "Allow"
          Action   = "iam:PassRole"
          Resource = local.task_role_arns
          Condition = {
            StringEquals = {
              "iam:PassedToService" = "ecs.amazonaws.com"
            }
          }
        },
      ]
    })
  }
}
