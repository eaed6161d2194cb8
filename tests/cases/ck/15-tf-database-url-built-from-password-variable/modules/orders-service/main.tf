data "aws_caller_identity" "current" {}
data "aws_region" "current" {}

locals {
  name       = "orders-${var.environment}"
  account_id = data.aws_caller_identity.current.account_id
  region     = data.aws_region.current.name
}

resource "aws_ecr_repository" "orders" {
  name                 = "orders-app"
  image_tag_mutability = "IMMUTABLE"

  image_scanning_configuration {
    scan_on_push = true
  }
}

data "aws_iam_policy_document" "ecs_tasks" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["ecs-tasks.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "execution" {
  name               = "${local.name}-execution"
  assume_role_policy = data.aws_iam_policy_document.ecs_tasks.json
}

resource "aws_iam_role_policy_attachment" "execution" {
  role       = aws_iam_role.execution.name
  policy_arn = "arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy"
}

resource "aws_iam_role_policy" "execution_secrets" {
  name = "read-orders-secrets"
  role = aws_iam_role.execution.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = ["secretsmanager:GetSecretValue"]
      Resource = aws_secretsmanager_secret.stripe.arn
    }]
  })
}

resource "aws_iam_role" "task" {
  name               = "${local.name}-task"
  assume_role_policy = data.aws_iam_policy_document.ecs_tasks.json
}

resource "aws_secretsmanager_secret" "stripe" {
  name = "${local.name}/stripe-secret-key"
}

resource "aws_cloudwatch_log_group" "orders" {
  name              = "/ecs/${local.name}"
  retention_in_days = 90
}

resource "aws_ecs_task_definition" "orders" {
  family                   = local.name
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 512
  memory                   = 1024
  execution_role_arn       = aws_iam_role.execution.arn
  task_role_arn            = aws_iam_role.task.arn

  container_definitions = jsonencode([
    {
      name      = "orders"
      image     = "${aws_ecr_repository.orders.repository_url}:${var.image_tag}"
      essential = true
      portMappings = [
        { containerPort = 8080, protocol = "tcp" }
      ]
      secrets = [
        { name = "STRIPE_SECRET_KEY", valueFrom = aws_secretsmanager_secret.stripe.arn }
      ]
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          "awslogs-group"         = aws_cloudwatch_log_group.orders.name
          "awslogs-region"        = local.region
          "awslogs-stream-prefix" = "orders"
        }
      }
      environment = [
        { name = "APP_ENV", value = var.environment },
        { name = "PORT", value = "8080" },
        {
          name  = "DATABASE_URL"
          value = "postgresql://orders:${var.db_password}@${var.db_host}:5432/orders?sslmode=require"
        },
      ]
    }
  ])
}

resource "aws_ecs_service" "orders" {
  name                              = "orders"
  cluster                           = var.cluster_name
  task_definition                   = aws_ecs_task_definition.orders.arn
  desired_count                     = 2
  launch_type                       = "FARGATE"
  health_check_grace_period_seconds = 120

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }

  load_balancer {
    target_group_arn = var.target_group_arn
    container_name   = "orders"
    container_port   = 8080
  }

  network_configuration {
    subnets         = var.private_subnet_ids
    security_groups = var.security_group_ids
  }

  lifecycle {
    ignore_changes = [task_definition]
  }
}
