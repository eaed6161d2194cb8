locals {
  execution_role_arn = "arn:aws:iam::402211983344:role/finance-ecs-execution"
}

resource "aws_ecs_task_definition" "billing" {
  family                   = "billing"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 512
  memory                   = 2048
  execution_role_arn       = local.execution_role_arn

  container_definitions = jsonencode([{
    name      = "billing"
    image     = var.billing_image
    essential = true
    logConfiguration = {
      logDriver = "awslogs"
      options = {
        awslogs-group         = "/ecs/billing"
        awslogs-region        = "eu-west-2"
        awslogs-stream-prefix = "billing"
      }
    }
  }])
}

resource "aws_ecs_service" "billing" {
  name            = "billing"
  cluster         = var.cluster_name
  task_definition = aws_ecs_task_definition.billing.arn
  desired_count   = 2
  launch_type     = "FARGATE"

  deployment_controller {
    type = "ECS"
  }

  # Alert on failed deployments, but we roll back by hand after looking at them.
  deployment_circuit_breaker {
    enable   = true
    rollback = false
  }

  network_configuration {
    subnets = var.subnet_ids
  }
}

resource "aws_ecs_task_definition" "invoices" {
  family                   = "invoices"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 1024
  memory                   = 4096
  execution_role_arn       = local.execution_role_arn

  container_definitions = jsonencode([{
    name      = "invoices"
    image     = var.invoices_image
    essential = true
    logConfiguration = {
      logDriver = "awslogs"
      options = {
        awslogs-group         = "/ecs/invoices"
        awslogs-region        = "eu-west-2"
        awslogs-stream-prefix = "invoices"
      }
    }
  }])
}

resource "aws_ecs_service" "invoices" {
  name            = "invoices"
  cluster         = var.cluster_name
  task_definition = aws_ecs_task_definition.invoices.arn
  desired_count   = 2
  launch_type     = "FARGATE"

  dynamic "deployment_circuit_breaker" {
    for_each = var.enable_circuit_breaker ? [true] : []
    content {
      enable   = true
      rollback = deployment_circuit_breaker.value
    }
  }

  network_configuration {
    subnets = var.subnet_ids
  }
}
