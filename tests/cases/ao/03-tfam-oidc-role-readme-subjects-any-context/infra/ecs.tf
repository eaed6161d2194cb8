locals {
  sizes = {
    small = { cpu = 512, memory = 1024 }
    large = { cpu = 2048, memory = 5120 }
  }
  task_size = local.sizes[var.size]
}

resource "aws_ecs_cluster" "transit" {
  name = "transit"

  setting {
    name  = "containerInsights"
    value = "enabled"
  }
}

resource "aws_ecs_cluster_capacity_providers" "transit" {
  cluster_name       = aws_ecs_cluster.transit.name
  capacity_providers = ["FARGATE", "FARGATE_SPOT"]
}

resource "aws_ecs_task_definition" "planner" {
  family                   = "journey-planner"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = local.task_size.cpu
  memory                   = local.task_size.memory
  execution_role_arn       = aws_iam_role.planner_execution.arn
  task_role_arn            = aws_iam_role.planner_task.arn

  container_definitions = jsonencode([
    {
      name      = "planner"
      image     = var.image
      essential = true
      portMappings = [{ containerPort = 8080 }]
      secrets = [
        { name = "OSRM_API_TOKEN", valueFrom = aws_ssm_parameter.osrm_token.arn },
      ]
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          awslogs-group         = "/ecs/journey-planner"
          awslogs-region        = "eu-west-1"
          awslogs-stream-prefix = "planner"
        }
      }
    }
  ])
}

resource "aws_ecs_service" "planner" {
  name                              = "journey-planner"
  cluster                           = aws_ecs_cluster.transit.id
  task_definition                   = aws_ecs_task_definition.planner.arn
  desired_count                     = 3
  health_check_grace_period_seconds = var.grace_period

  capacity_provider_strategy {
    capacity_provider = "FARGATE"
    base              = 2
    weight            = 1
  }

  capacity_provider_strategy {
    capacity_provider = "FARGATE_SPOT"
    weight            = 3
  }

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }

  load_balancer {
    target_group_arn = aws_lb_target_group.planner.arn
    container_name   = "planner"
    container_port   = 8080
  }

  network_configuration {
    subnets         = var.private_subnet_ids
    security_groups = [aws_security_group.planner.id]
  }
}
