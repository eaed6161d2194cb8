variable "manage_oidc_provider" {
  type    = bool
  default = true
}

variable "private_subnets" {
  type = list(string)
}

variable "service_sg" {
  type = string
}

variable "target_group_arn" {
  type = string
}

locals {
  account_id   = "268401937552"
  region       = "eu-west-2"
  app          = "ledger-sync"
  repo         = "bramble-finance/ledger-sync"
  environments = toset(["staging", "production"])
}

resource "aws_iam_openid_connect_provider" "github" {
  count = var.manage_oidc_provider ? 1 : 0

  url             = "https://token.actions.githubusercontent.com"
  client_id_list  = ["sts.amazonaws.com"]
  thumbprint_list = ["6938fd4d98bab03faadb97b34396831e3780aea1"]
}

data "aws_iam_policy_document" "deploy_trust" {
  for_each = local.environments

  statement {
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
      values   = ["repo:${local.repo}:environment:${each.key}"]
    }
  }
}

resource "aws_iam_role" "deploy" {
  for_each = local.environments

  name               = "${local.app}-${each.key}-deploy"
  assume_role_policy = data.aws_iam_policy_document.deploy_trust[each.key].json
}

resource "aws_iam_role_policy" "deploy" {
  for_each = local.environments

  name = "deploy"
  role = aws_iam_role.deploy[each.key].id

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
        Resource = "arn:aws:ecr:${local.region}:${local.account_id}:repository/${local.app}"
      },
      {
        Sid      = "Register"
        Effect   = "Allow"
        Action   = "ecs:RegisterTaskDefinition"
        Resource = "*"
      },
      {
        Sid      = "Deploy"
        Effect   = "Allow"
        Action   = ["ecs:DescribeServices", "ecs:UpdateService"]
        Resource = "arn:aws:ecs:${local.region}:${local.account_id}:service/bramble-${each.key}/${local.app}"
      },
      {
        Sid    = "PassRoles"
        Effect = "Allow"
        Action = "iam:PassRole"
        Resource = [
          "arn:aws:iam::${local.account_id}:role/${local.app}-execution",
          "arn:aws:iam::${local.account_id}:role/${local.app}-task",
        ]
        Condition = {
          StringEquals = { "iam:PassedToService" = "ecs-tasks.amazonaws.com" }
        }
      },
    ]
  })
}

resource "aws_ecr_repository" "app" {
  name                 = local.app
  image_tag_mutability = "IMMUTABLE"
}

resource "aws_ecs_task_definition" "app" {
  family                   = local.app
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 4096
  memory                   = 30720
  execution_role_arn       = "arn:aws:iam::${local.account_id}:role/${local.app}-execution"
  task_role_arn            = "arn:aws:iam::${local.account_id}:role/${local.app}-task"

  container_definitions = jsonencode([
    {
      name      = local.app
      image     = "${aws_ecr_repository.app.repository_url}@sha256:5a7c9e1b3d5f7a9c1e3b5d7f9a1c3e5b7d9f1a3c5e7b9d1f3a5c7e9b1d3f5a7c"
      essential = true
      secrets = [
        { name = "LEDGER_API_TOKEN", valueFrom = "arn:aws:secretsmanager:${local.region}:${local.account_id}:secret:ledger-sync/api-token-Hw62Lc" }
      ]
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          awslogs-group         = "/ecs/${local.app}"
          awslogs-region        = local.region
          awslogs-stream-prefix = "sync"
        }
      }
    }
  ])
}

resource "aws_ecs_service" "app" {
  for_each = local.environments

  name                              = local.app
  cluster                           = "bramble-${each.key}"
  task_definition                   = aws_ecs_task_definition.app.arn
  desired_count                     = each.key == "production" ? 3 : 1
  launch_type                       = "FARGATE"
  health_check_grace_period_seconds = 60

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }

  load_balancer {
    target_group_arn = var.target_group_arn
    container_name   = local.app
    container_port   = 8443
  }

  network_configuration {
    subnets          = var.private_subnets
    security_groups  = [var.service_sg]
    assign_public_ip = false
  }
}
