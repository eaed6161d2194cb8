data "aws_iam_role" "execution" {
  name = "billing-api-execution"
}

data "aws_iam_role" "task" {
  name = "billing-api-task"
}

resource "aws_ecr_repository" "billing" {
  name                 = "billing-api"
  image_tag_mutability = "IMMUTABLE"
}

resource "aws_secretsmanager_secret" "database_url" {
  name = "billing-api/database-url"
}

resource "aws_cloudwatch_log_group" "billing" {
  name              = "/ecs/billing-api"
  retention_in_days = 30
}

locals {
  log_options = {
    "awslogs-group"  = aws_cloudwatch_log_group.billing.name
    "awslogs-region" = var.region
  }

  app_container = {
    name      = "billing-api"
    image     = "${aws_ecr_repository.billing.repository_url}:${var.image_tag}"
    essential = true
    portMappings = [
      { containerPort = 8000, protocol = "tcp" }
    ]
    dependsOn = [
      { containerName = "datadog-agent", condition = "HEALTHY" }
    ]
    environment = [
      { name = "DD_SERVICE", value = "billing-api" },
      { name = "DD_ENV", value = "production" },
      { name = "DD_VERSION", value = var.image_tag },
    ]
    secrets = [
      { name = "DATABASE_URL", valueFrom = aws_secretsmanager_secret.database_url.arn },
    ]
    logConfiguration = {
      logDriver = "awslogs"
      options   = merge(local.log_options, { "awslogs-stream-prefix" = "app" })
    }
  }

  datadog_container = {
    name      = "datadog-agent"
    image     = "public.ecr.aws/datadog/agent:7.58.2"
    essential = true
    environment = [
      { name = "DD_API_KEY", value = var.datadog_api_key },
      { name = "DD_SITE", value = "datadoghq.eu" },
      { name = "ECS_FARGATE", value = "true" },
      { name = "DD_APM_ENABLED", value = "true" },
    ]
    healthCheck = {
      command     = ["CMD-SHELL", "agent health"]
      interval    = 10
      timeout     = 5
      retries     = 3
      startPeriod = 15
    }
    logConfiguration = {
      logDriver = "awslogs"
      options   = merge(local.log_options, { "awslogs-stream-prefix" = "datadog" })
    }
  }
}

resource "aws_ecs_task_definition" "billing_api" {
  family                   = "billing-api"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 1024
  memory                   = 2048
  execution_role_arn       = data.aws_iam_role.execution.arn
  task_role_arn            = data.aws_iam_role.task.arn
  container_definitions    = jsonencode([local.app_container, local.datadog_container])
}
