locals {
  project = "billing"
  region  = "ap-southeast-2"
}

variable "private_subnet_ids" {
  type    = list(string)
  default = ["subnet-0b7e3c1d9a2f4e6a1", "subnet-0c8f4d2e0b3a5f7b2"]
}

resource "aws_ecr_repository" "api" {
  name                 = "${local.project}-api"
  image_tag_mutability = "IMMUTABLE"
}

resource "aws_cloudwatch_log_group" "api" {
  name              = "/ecs/${local.project}-api"
  retention_in_days = 14
}

# Terraform owns the task definition; the GitHub workflow renders new images
# into the latest registered revision (task-definition-family).
resource "aws_ecs_task_definition" "api" {
  family                   = format("%s-api", local.project)
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 1024
  memory                   = 2048
  execution_role_arn       = "arn:aws:iam::590183746215:role/billing-api-execution"
  task_role_arn            = "arn:aws:iam::590183746215:role/billing-api-task"

  container_definitions = jsonencode([
    {
      name         = "${local.project}-api"
      image        = "${aws_ecr_repository.api.repository_url}:bootstrap"
      essential    = true
      portMappings = [{ containerPort = 3000, protocol = "tcp" }]
      environment = [
        { name = "NODE_ENV", value = "production" },
        { name = "OTEL_EXPORTER_OTLP_ENDPOINT", value = "http://localhost:4317" },
      ]
      secrets = [
        { name = "STRIPE_SECRET_KEY", valueFrom = "arn:aws:secretsmanager:${local.region}:590183746215:secret:billing/stripe-9KfP2q" },
      ]
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          awslogs-group         = aws_cloudwatch_log_group.api.name
          awslogs-region        = local.region
          awslogs-stream-prefix = "api"
        }
      }
    },
    {
      name      = "otel-collector"
      image     = "public.ecr.aws/aws-observability/aws-otel-collector:v0.40.0"
      essential = false
      command   = ["--config=/etc/ecs/ecs-default-config.yaml"]
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          awslogs-group         = aws_cloudwatch_log_group.api.name
          awslogs-region        = local.region
          awslogs-stream-prefix = "otel"
        }
      }
    },
  ])
}

resource "aws_ecs_service" "api" {
  name                              = "${local.project}-api"
  cluster                           = "payments"
  task_definition                   = aws_ecs_task_definition.api.arn
  desired_count                     = 3
  launch_type                       = "FARGATE"
  health_check_grace_period_seconds = 90

  deployment_minimum_healthy_percent = 100
  deployment_maximum_percent         = 200

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }

  load_balancer {
    target_group_arn = "arn:aws:elasticloadbalancing:ap-southeast-2:590183746215:targetgroup/billing-api/7d1e9c3b5a2f4e60"
    container_name   = "${local.project}-api"
    container_port   = 3000
  }

  network_configuration {
    subnets          = var.private_subnet_ids
    security_groups  = ["sg-0e4a7c9b1d3f5a2c8"]
    assign_public_ip = false
  }

  lifecycle {
    ignore_changes = [task_definition]
  }
}
