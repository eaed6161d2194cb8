variable "private_subnet_ids" {
  type = list(string)
}

variable "service_security_group_id" {
  type = string
}

variable "target_group_arns" {
  type = map(string)
}

resource "aws_ecr_repository" "inventory" {
  name                 = "inventory-service"
  image_tag_mutability = "IMMUTABLE"
}

resource "aws_ecs_service" "inventory_staging" {
  name            = "inventory-service"
  cluster         = "tidewater-staging"
  task_definition = "inventory-service-staging"
  desired_count   = 1
  launch_type     = "FARGATE"

  deployment_minimum_healthy_percent = 100
  deployment_maximum_percent         = 200
  health_check_grace_period_seconds  = 120

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }

  load_balancer {
    target_group_arn = var.target_group_arns["staging"]
    container_name   = "inventory"
    container_port   = 8080
  }

  network_configuration {
    subnets         = var.private_subnet_ids
    security_groups = [var.service_security_group_id]
  }

  lifecycle {
    ignore_changes = [task_definition]
  }
}

resource "aws_ecs_service" "inventory_production" {
  name            = "inventory-service"
  cluster         = "tidewater-production"
  task_definition = "inventory-service-production"
  desired_count   = 4
  launch_type     = "FARGATE"

  deployment_minimum_healthy_percent = 100
  deployment_maximum_percent         = 150
  health_check_grace_period_seconds  = 120

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }

  load_balancer {
    target_group_arn = var.target_group_arns["production"]
    container_name   = "inventory"
    container_port   = 8080
  }

  network_configuration {
    subnets         = var.private_subnet_ids
    security_groups = [var.service_security_group_id]
  }

  lifecycle {
    ignore_changes = [task_definition]
  }
}
