locals {
  account_id = "681520394726"
  region     = "eu-north-1"
}

resource "aws_iam_role" "github_deploy" {
  name = "fare-engine-github-deploy"

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
          "token.actions.githubusercontent.com:sub" = "repo:cobalt-transit/fare-engine:environment:production"
        }
      }
    }]
  })

  inline_policy {
    name = "ecr-push"
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
            "ecr:InitiateLayerUpload",
            "ecr:UploadLayerPart",
            "ecr:CompleteLayerUpload",
            "ecr:PutImage",
          ]
          Resource = "arn:aws:ecr:${local.region}:${local.account_id}:repository/fare-engine"
        },
      ]
    })
  }

  inline_policy {
    name = "ecs-deploy"
    policy = jsonencode({
      Version = "2012-10-17"
      Statement = [
        {
          Effect   = "Allow"
          Action   = "ecs:RegisterTaskDefinition"
          Resource = "*"
        },
        {
          Effect   = "Allow"
          Action   = ["ecs:DescribeServices", "ecs:UpdateService"]
          Resource = "arn:aws:ecs:${local.region}:${local.account_id}:service/transit/fare-engine"
        },
        {
          Sid      = "NeverDelete"
          Effect   = "Deny"
          Action   = "ecs:Delete*"
          Resource = "*"
        },
      ]
    })
  }

  managed_policy_arns = [aws_iam_policy.pass_task_roles.arn]
}

resource "aws_iam_policy" "pass_task_roles" {
  name = "fare-engine-pass-task-roles"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = "iam:PassRole"
      Resource = [aws_iam_role.task.arn, aws_iam_role.execution.arn]
      Condition = {
        StringEquals = { "iam:PassedToService" = "ecs-tasks.amazonaws.com" }
      }
    }]
  })
}

resource "aws_iam_role" "task" {
  name = "fare-engine-task"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = { Service = "ecs-tasks.amazonaws.com" }, Action = "sts:AssumeRole" }]
  })
}

resource "aws_iam_role" "execution" {
  name = "fare-engine-execution"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = { Service = "ecs-tasks.amazonaws.com" }, Action = "sts:AssumeRole" }]
  })
}

resource "aws_iam_role_policy_attachment" "execution" {
  role       = aws_iam_role.execution.name
  policy_arn = "arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy"
}
