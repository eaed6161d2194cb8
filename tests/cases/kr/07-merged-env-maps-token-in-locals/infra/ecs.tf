variable "image_tag" {
  type = string
}

variable "target_group_arn" {
  type = string
}

resource "aws_secretsmanager_secret" "db" {
  name = "helpdesk/db-password"
}

resource "aws_iam_role" "execution" {
  name = "${local.service}-execution"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "ecs-tasks.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
}

resource "aws_ecs_task_definition" "api" {
  family                   = local.service
  requires_compatibilities = ["EC2"]
  network_mode             = "bridge"
  execution_role_arn       = aws_iam_role.execution.arn

  container_definitions = jsonencode([
    {
      name              = "api"
      image             = "664411225588.dkr.ecr.${local.region}.amazonaws.com/${local.service}:${var.image_tag}"
      essential         = true
      memoryReservation = 768
      memory            = 1024
      portMappings      = [{ containerPort = 8000, hostPort = 0 }]
      environment       = [for k, v in merge(local.common_env, local.api_env) : { name = k, value = v }]
      secrets           = [for k, v in local.api_secrets : { name = k, valueFrom = v }]
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          awslogs-group         = "/ecs/${local.service}"
          awslogs-region        = local.region
          awslogs-stream-prefix = "api"
        }
      }
    }
  ])
}

resource "aws_ecs_service" "api" {
  name                               = local.service
  cluster                            = "support-ec2"
  task_definition                    = aws_ecs_task_definition.api.arn
  desired_count                      = 4
  launch_type                        = "EC2"
  deployment_minimum_healthy_percent = 50
  deployment_maximum_percent         = 200
  health_check_grace_period_seconds  = 60

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }

  ordered_placement_strategy {
    type  = "spread"
    field = "attribute:ecs.availability-zone"
  }

  load_balancer {
    target_group_arn = var.target_group_arn
    container_name   = "api"
    container_port   = 8000
  }
}
