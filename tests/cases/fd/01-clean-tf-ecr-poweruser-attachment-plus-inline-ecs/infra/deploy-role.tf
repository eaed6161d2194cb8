locals {
  account_id = "481516234200"
  region     = "eu-west-1"
  cluster    = "tally-prod"
  service    = "ledger-api"
}

data "aws_iam_policy_document" "github_trust" {
  statement {
    sid     = "GitHubActionsProductionEnvironment"
    effect  = "Allow"
    actions = ["sts:AssumeRoleWithWebIdentity"]

    principals {
      type        = "Federated"
      identifiers = ["arn:aws:iam::${local.account_id}:oidc-provider/token.actions.githubusercontent.com"]
    }

    condition {
      test     = "StringEquals"
      variable = "token.actions.githubusercontent.com:aud"
      values   = ["sts.amazonaws.com"]
    }

    condition {
      test     = "StringEquals"
      variable = "token.actions.githubusercontent.com:sub"
      values   = ["repo:tallyhq/ledger-api:environment:production"]
    }
  }
}

resource "aws_iam_role" "deploy" {
  name               = "ledger-api-github-deploy"
  assume_role_policy = data.aws_iam_policy_document.github_trust.json
}

# Registry access: the AWS managed policy (login, pull and push on every repository).
resource "aws_iam_role_policy_attachment" "ecr_power_user" {
  role       = aws_iam_role.deploy.name
  policy_arn = "arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryPowerUser"
}

resource "aws_iam_role_policy" "ecs_deploy" {
  name = "ledger-api-ecs-deploy"
  role = aws_iam_role.deploy.id

  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid      = "RegisterTaskDefinition"
        Effect   = "Allow"
        Action   = "ecs:RegisterTaskDefinition"
        Resource = "*"
      },
      {
        Sid      = "UpdateLedgerService"
        Effect   = "Allow"
        Action   = ["ecs:DescribeServices", "ecs:UpdateService"]
        Resource = "arn:aws:ecs:${local.region}:${local.account_id}:service/${local.cluster}/${local.service}"
      },
      {
        Sid    = "PassLedgerTaskRoles"
        Effect = "Allow"
        Action = "iam:PassRole"
        Resource = [
          "arn:aws:iam::${local.account_id}:role/ledger-api-execution",
          "arn:aws:iam::${local.account_id}:role/ledger-api-task",
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
