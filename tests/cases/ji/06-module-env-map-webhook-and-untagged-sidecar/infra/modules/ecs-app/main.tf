locals {
  log_configuration = {
    logDriver = "awslogs"
    options = {
      awslogs-group         = "/ecs/${var.name}"
      awslogs-region        = "ca-central-1"
      awslogs-stream-prefix = var.name
    }
  }
}

resource "aws_ecs_task_definition" "app" {
  family                   = var.name
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = var.cpu
  memory                   = var.memory
  execution_role_arn       = var.execution_role_arn
  task_role_arn            = var.task_role_arn

  container_definitions = jsonencode([
    {
      name         = var.name
      image        = var.image
      essential    = true
      portMappings = [{ containerPort = var.container_port, protocol = "tcp" }]
      environment  = [for k, v in var.environment : { name = k, value = v }]
      secrets      = [for k, arn in var.secrets : { name = k, valueFrom = arn }]
      dockerLabels = {
        "com.datadoghq.tags.service" = var.name
      }
      logConfiguration = local.log_configuration
    },
    {
      name      = "datadog-agent"
      image     = "public.ecr.aws/datadog/agent"
      essential = false
      environment = [
        { name = "ECS_FARGATE", value = "true" },
        { name = "DD_SITE", value = "datadoghq.com" },
        { name = "DD_APM_ENABLED", value = "true" },
      ]
      secrets = [
        { name = "DD_API_KEY", valueFrom = var.datadog_api_key_secret_arn },
      ]
      logConfiguration = local.log_configuration
    },
  ])
}

resource "aws_ecs_service" "app" {
  name                              = var.name
  cluster                           = var.cluster_id
  task_definition                   = aws_ecs_task_definition.app.arn
  desired_count                     = 2
  launch_type                       = "FARGATE"
  health_check_grace_period_seconds = 60

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }

  load_balancer {
    target_group_arn = var.target_group_arn
    container_name   = var.name
    container_port   = var.container_port
  }

  network_configuration {
    subnets         = var.subnet_ids
    security_groups = var.security_group_ids
  }
}
