locals {
  services = {
    api = {
      cpu           = 512
      memory        = 1024
      desired_count = 3
      port          = 8000
      spot          = false
      min_healthy   = 100
      max_percent   = 200
    }
    worker = {
      cpu           = 1024
      memory        = 2048
      desired_count = 2
      port          = null
      spot          = true
      min_healthy   = 50
      max_percent   = 200
    }
    beat = {
      cpu           = 256
      memory        = 512
      desired_count = 1
      port          = null
      spot          = false
      min_healthy   = 0
      max_percent   = 100
    }
  }

  capacity_mix = {
    on_demand = [
      { provider = "FARGATE", base = 1, weight = 1 },
    ]
    spot = [
      { provider = "FARGATE", base = 1, weight = 1 },
      { provider = "FARGATE_SPOT", base = 0, weight = 3 },
    ]
  }
}

resource "aws_ecs_cluster" "ledger" {
  name = "ledger-${var.environment}"

  setting {
    name  = "containerInsights"
    value = "enabled"
  }
}

resource "aws_ecs_cluster_capacity_providers" "ledger" {
  cluster_name       = aws_ecs_cluster.ledger.name
  capacity_providers = ["FARGATE", "FARGATE_SPOT"]
}

resource "aws_ecr_repository" "ledger" {
  name                 = "ledger"
  image_tag_mutability = "IMMUTABLE"
}

resource "aws_cloudwatch_log_group" "service" {
  for_each          = local.services
  name              = "/ecs/ledger-${each.key}"
  retention_in_days = 30
}

resource "aws_ecs_task_definition" "service" {
  for_each = local.services

  family                   = "ledger-${each.key}"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = each.value.cpu
  memory                   = each.value.memory
  execution_role_arn       = aws_iam_role.execution.arn
  task_role_arn            = aws_iam_role.task.arn

  container_definitions = jsonencode([
    {
      name      = "app"
      image     = "${aws_ecr_repository.ledger.repository_url}:${var.bootstrap_tag}"
      essential = true
      command   = each.key == "api" ? ["gunicorn", "ledger.wsgi", "-b", "0.0.0.0:8000"] : ["celery", "-A", "ledger", each.key]
      portMappings = each.value.port == null ? [] : [
        { containerPort = each.value.port, protocol = "tcp" }
      ]
      secrets = [
        { name = "DATABASE_URL", valueFrom = "arn:aws:secretsmanager:eu-west-1:480312557210:secret:ledger/database-url-Qk2w9L" },
      ]
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          awslogs-group         = aws_cloudwatch_log_group.service[each.key].name
          awslogs-region        = "eu-west-1"
          awslogs-stream-prefix = each.key
        }
      }
    }
  ])
}

resource "aws_ecs_service" "service" {
  for_each = local.services

  name            = "ledger-${each.key}"
  cluster         = aws_ecs_cluster.ledger.id
  task_definition = aws_ecs_task_definition.service[each.key].arn
  desired_count   = each.value.desired_count

  deployment_minimum_healthy_percent = each.value.min_healthy
  deployment_maximum_percent         = each.value.max_percent
  health_check_grace_period_seconds  = each.value.port == null ? null : 120

  dynamic "capacity_provider_strategy" {
    for_each = each.value.spot ? local.capacity_mix.spot : local.capacity_mix.on_demand
    content {
      capacity_provider = capacity_provider_strategy.value.provider
      base              = capacity_provider_strategy.value.base
      weight            = capacity_provider_strategy.value.weight
    }
  }

  dynamic "load_balancer" {
    for_each = each.value.port == null ? [] : [each.value.port]
    content {
      target_group_arn = var.api_target_group_arn
      container_name   = "app"
      container_port   = load_balancer.value
    }
  }

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }

  network_configuration {
    subnets          = var.private_subnet_ids
    security_groups  = [var.service_security_group_id]
    assign_public_ip = false
  }

  lifecycle {
    ignore_changes = [task_definition, desired_count]
  }
}

resource "aws_appautoscaling_target" "api" {
  service_namespace  = "ecs"
  resource_id        = "service/${aws_ecs_cluster.ledger.name}/${aws_ecs_service.service["api"].name}"
  scalable_dimension = "ecs:service:DesiredCount"
  min_capacity       = 3
  max_capacity       = 12
}
