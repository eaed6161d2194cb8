resource "aws_security_group" "tasks" {
  name   = "tidewater-tasks"
  vpc_id = "vpc-0c1d2e3f4a5b6c7d8"
}

# Public API behind the ALB; Spring Boot, ~70 s to first healthy /actuator/health
resource "aws_ecs_service" "api" {
  name            = "tidewater-api"
  cluster         = var.cluster_name
  task_definition = "tidewater-api"
  desired_count   = 2

  capacity_provider_strategy {
    capacity_provider = "FARGATE"
    base              = 1
    weight            = 1
  }

  capacity_provider_strategy {
    capacity_provider = "FARGATE_SPOT"
    weight            = 1
  }

  deployment_minimum_healthy_percent = 50
  deployment_maximum_percent         = 200

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }

  load_balancer {
    target_group_arn = var.api_target_group_arn
    container_name   = "api"
    container_port   = 8080
  }

  health_check_grace_period_seconds = var.api_grace_period_seconds

  network_configuration {
    subnets          = var.private_subnet_ids
    security_groups  = [aws_security_group.tasks.id]
    assign_public_ip = false
  }

  lifecycle {
    ignore_changes = [task_definition]
  }
}

# Kinesis consumer: "max 50 => up to 50% extra tasks while deploying"
resource "aws_ecs_service" "ingest" {
  name            = "tidewater-ingest"
  cluster         = var.cluster_name
  task_definition = "tidewater-ingest"
  desired_count   = 3
  launch_type     = "FARGATE"

  deployment_minimum_healthy_percent = 100
  deployment_maximum_percent         = 50

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }

  network_configuration {
    subnets          = var.private_subnet_ids
    security_groups  = [aws_security_group.tasks.id]
    assign_public_ip = false
  }

  lifecycle {
    ignore_changes = [task_definition]
  }
}

# Internal admin UI, single task, stop-first (0/100), grace exactly 60 s
resource "aws_ecs_service" "admin" {
  name            = "tidewater-admin"
  cluster         = var.cluster_name
  task_definition = "tidewater-admin"
  desired_count   = 1
  launch_type     = "FARGATE"

  deployment_minimum_healthy_percent = 0
  deployment_maximum_percent         = 100

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }

  load_balancer {
    target_group_arn = var.admin_target_group_arn
    container_name   = "admin"
    container_port   = 3000
  }

  health_check_grace_period_seconds = 60

  network_configuration {
    subnets          = var.private_subnet_ids
    security_groups  = [aws_security_group.tasks.id]
    assign_public_ip = false
  }
}

# Fluent Bit on every EC2 container instance of the cluster; Terraform's
# deployment_maximum_percent is "not valid when using the DAEMON scheduling
# strategy", so nothing is set here.
resource "aws_ecs_service" "log_router" {
  name                = "tidewater-log-router"
  cluster             = var.cluster_name
  task_definition     = "tidewater-log-router"
  launch_type         = "EC2"
  scheduling_strategy = "DAEMON"

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }
}
