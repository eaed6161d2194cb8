variable "environment" {
  type    = string
  default = "production"
}

variable "release" {
  description = "Image tag (git SHA) to deploy."
  type        = string
}

variable "subnet_ids" {
  type = list(string)
}

variable "target_group_arn" {
  type = string
}

locals {
  app_name = "storefront-web"
  region   = "eu-central-1"
}

data "aws_ecr_repository" "web" {
  name = local.app_name
}

data "aws_secretsmanager_secret" "datadog_api_key" {
  name = "datadog/api-key"
}

resource "aws_iam_role" "task" {
  name = "${local.app_name}-task"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "ecs-tasks.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
}

# The task role can read the Datadog key, so the log router can use it.
resource "aws_iam_role_policy" "task_datadog" {
  name = "read-datadog-key"
  role = aws_iam_role.task.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = "secretsmanager:GetSecretValue"
      Resource = data.aws_secretsmanager_secret.datadog_api_key.arn
    }]
  })
}

resource "aws_ecs_task_definition" "web" {
  family                   = local.app_name
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 1024
  memory                   = 2048
  task_role_arn            = aws_iam_role.task.arn

  container_definitions = templatefile("${path.module}/templates/containers.json.tpl", {
    app_name            = local.app_name
    image               = "${data.aws_ecr_repository.web.repository_url}:${var.release}"
    port                = 3000
    environment         = var.environment
    region              = local.region
    datadog_api_key_arn = data.aws_secretsmanager_secret.datadog_api_key.arn
  })
}

resource "aws_ecs_service" "web" {
  name                              = local.app_name
  cluster                           = "storefront"
  task_definition                   = aws_ecs_task_definition.web.arn
  desired_count                     = 2
  launch_type                       = "FARGATE"
  health_check_grace_period_seconds = 90

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }

  load_balancer {
    target_group_arn = var.target_group_arn
    container_name   = local.app_name
    container_port   = 3000
  }

  network_configuration {
    subnets = var.subnet_ids
  }
}
