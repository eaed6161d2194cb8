locals {
  registry = "907152634418.dkr.ecr.sa-east-1.amazonaws.com"
}

resource "aws_ecs_cluster" "ops" {
  name = "sabia-ops"
}

resource "aws_ecs_task_definition" "scheduler" {
  family                   = "sabia-scheduler"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = var.scheduler.cpu
  memory                   = var.scheduler.memory
  execution_role_arn       = "arn:aws:iam::907152634418:role/sabia-scheduler-execution"

  container_definitions = jsonencode([{
    name      = "scheduler"
    image     = "${local.registry}/sabia-scheduler:${var.release}"
    essential = true
    command   = ["bundle", "exec", "clockwork", "config/clock.rb"]
    logConfiguration = {
      logDriver = "awslogs"
      options = {
        awslogs-group         = "/ecs/sabia-scheduler"
        awslogs-region        = "sa-east-1"
        awslogs-stream-prefix = "scheduler"
      }
    }
  }])
}

resource "aws_ecs_service" "scheduler" {
  name            = "sabia-scheduler"
  cluster         = aws_ecs_cluster.ops.id
  task_definition = aws_ecs_task_definition.scheduler.arn
  launch_type     = "FARGATE"
  desired_count   = var.scheduler.desired_count

  deployment_minimum_healthy_percent = var.scheduler.min_healthy_percent
  deployment_maximum_percent         = var.scheduler.max_percent

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }

  network_configuration {
    subnets          = var.subnet_ids
    assign_public_ip = false
  }
}

resource "aws_ecs_service" "api" {
  name            = "sabia-api"
  cluster         = aws_ecs_cluster.ops.id
  task_definition = "sabia-api"
  launch_type     = "FARGATE"
  desired_count   = var.api.desired_count

  deployment_minimum_healthy_percent = var.api.min_healthy_percent
  deployment_maximum_percent         = var.api.max_percent

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }

  network_configuration {
    subnets          = var.subnet_ids
    assign_public_ip = false
  }
}

resource "aws_ecs_service" "log_router" {
  name                = "sabia-log-router"
  cluster             = aws_ecs_cluster.ops.id
  task_definition     = "sabia-fluent-bit"
  launch_type         = "EC2"
  scheduling_strategy = "DAEMON"

  deployment_minimum_healthy_percent = 50
  deployment_maximum_percent         = 200

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }
}
