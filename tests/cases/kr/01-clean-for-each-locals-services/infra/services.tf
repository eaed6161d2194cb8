locals {
  app    = "ledger"
  region = "eu-west-1"

  services = {
    api = {
      cpu                 = 512
      memory              = 1024
      port                = 8080
      desired_count       = 3
      min_healthy_percent = 100
      max_percent         = 200
      command             = ["./bin/ledger", "serve", "--port", "8080"]
      spot_weight         = 0
    }
    worker = {
      cpu                 = 1024
      memory              = 3072
      port                = null
      desired_count       = 2
      min_healthy_percent = 50
      max_percent         = 200
      command             = ["./bin/ledger", "worker", "--queues", "postings,settlements"]
      spot_weight         = 3
    }
    scheduler = {
      cpu                 = 256
      memory              = 512
      port                = null
      desired_count       = 1
      min_healthy_percent = 0
      max_percent         = 100
      command             = ["./bin/ledger", "scheduler"]
      spot_weight         = 0
    }
  }
}

resource "aws_ecr_repository" "ledger" {
  name                 = local.app
  image_tag_mutability = "IMMUTABLE"
}

resource "aws_ecs_cluster" "main" {
  name = local.app

  setting {
    name  = "containerInsights"
    value = "enabled"
  }
}

resource "aws_ecs_cluster_capacity_providers" "main" {
  cluster_name       = aws_ecs_cluster.main.name
  capacity_providers = ["FARGATE", "FARGATE_SPOT"]
}

resource "aws_cloudwatch_log_group" "service" {
  for_each          = local.services
  name              = "/ecs/${local.app}/${each.key}"
  retention_in_days = 30
}

resource "aws_ecs_task_definition" "service" {
  for_each = local.services

  family                   = "${local.app}-${each.key}"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = each.value.cpu
  memory                   = each.value.memory
  execution_role_arn       = aws_iam_role.execution.arn
  task_role_arn            = aws_iam_role.task.arn

  runtime_platform {
    operating_system_family = "LINUX"
    cpu_architecture        = "ARM64"
  }

  container_definitions = jsonencode([
    {
      name      = each.key
      image     = "${aws_ecr_repository.ledger.repository_url}:${var.image_tag}"
      essential = true
      command   = each.value.command
      portMappings = each.value.port == null ? [] : [
        { containerPort = each.value.port, protocol = "tcp" }
      ]
      environment = [
        { name = "LEDGER_ROLE", value = each.key },
        { name = "LOG_FORMAT", value = "json" },
      ]
      secrets = [
        { name = "DATABASE_URL", valueFrom = aws_ssm_parameter.database_url.arn },
      ]
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          awslogs-group         = aws_cloudwatch_log_group.service[each.key].name
          awslogs-region        = local.region
          awslogs-stream-prefix = each.key
        }
      }
    }
  ])
}

resource "aws_ecs_service" "service" {
  for_each = local.services

  name            = "${local.app}-${each.key}"
  cluster         = aws_ecs_cluster.main.id
  task_definition = aws_ecs_task_definition.service[each.key].arn
  desired_count   = each.value.desired_count

  deployment_minimum_healthy_percent = each.value.min_healthy_percent
  deployment_maximum_percent         = each.value.max_percent
  health_check_grace_period_seconds  = each.value.port == null ? null : 90

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }

  capacity_provider_strategy {
    capacity_provider = "FARGATE"
    base              = 1
    weight            = 1
  }

  dynamic "capacity_provider_strategy" {
    for_each = each.value.spot_weight > 0 ? [each.value.spot_weight] : []
    content {
      capacity_provider = "FARGATE_SPOT"
      weight            = capacity_provider_strategy.value
    }
  }

  dynamic "load_balancer" {
    for_each = each.value.port == null ? [] : [each.value.port]
    content {
      target_group_arn = var.api_target_group_arn
      container_name   = each.key
      container_port   = load_balancer.value
    }
  }

  network_configuration {
    subnets          = var.private_subnet_ids
    security_groups  = [aws_security_group.service.id]
    assign_public_ip = false
  }

  propagate_tags = "SERVICE"
}

resource "aws_security_group" "service" {
  name   = "${local.app}-service"
  vpc_id = var.vpc_id
}
