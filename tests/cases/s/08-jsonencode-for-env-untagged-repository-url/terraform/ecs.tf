locals {
  app_env = {
    NODE_ENV          = "production"
    PORT              = "3000"
    STRIPE_SECRET_KEY = var.stripe_secret_key
  }
}

resource "aws_ecr_repository" "web" {
  name                 = var.name
  image_tag_mutability = "MUTABLE"
}

resource "aws_ecs_task_definition" "web" {
  family                   = var.name
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = "1024"
  memory                   = "3072"
  execution_role_arn       = aws_iam_role.execution.arn

  container_definitions = jsonencode([
    {
      name      = "web"
      image     = aws_ecr_repository.web.repository_url
      essential = true
      portMappings = [{
        containerPort = 3000
      }]
      environment = [for k, v in local.app_env : { name = k, value = v }]
      secrets = [{
        name      = "DATABASE_URL"
        valueFrom = aws_ssm_parameter.database_url.arn
      }]
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          awslogs-group         = "/ecs/${var.name}"
          awslogs-region        = "us-east-1"
          awslogs-stream-prefix = "web"
        }
      }
    },
    {
      name      = "otel-collector"
      image     = "public.ecr.aws/aws-observability/aws-otel-collector:v0.41.1"
      essential = false
      command   = ["--config=/etc/ecs/ecs-default-config.yaml"]
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          awslogs-group         = "/ecs/${var.name}"
          awslogs-region        = "us-east-1"
          awslogs-stream-prefix = "otel"
        }
      }
    },
  ])
}

resource "aws_ssm_parameter" "database_url" {
  name  = "/${var.name}/database-url"
  type  = "SecureString"
  value = "placeholder"

  lifecycle {
    ignore_changes = [value]
  }
}

resource "aws_iam_role" "execution" {
  name = "${var.name}-execution"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "ecs-tasks.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
}

resource "aws_ecs_service" "web" {
  name            = var.name
  cluster         = "copperline"
  task_definition = aws_ecs_task_definition.web.arn
  desired_count   = 3
  launch_type     = "FARGATE"

  deployment_circuit_breaker {
    enable   = true
    rollback = false
  }

  network_configuration {
    subnets = var.private_subnets
  }
}
