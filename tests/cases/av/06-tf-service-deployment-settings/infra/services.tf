variable "cluster_arn" {
  type = string
}

variable "private_subnets" {
  type = list(string)
}

variable "tasks_sg" {
  type = string
}

variable "api_target_group_arn" {
  type = string
}

variable "admin_target_group_arn" {
  type = string
}

variable "api_health_check_grace_period" {
  type    = number
  default = 30
}

locals {
  network = {
    subnets         = var.private_subnets
    security_groups = [var.tasks_sg]
  }
}

resource "aws_ecs_service" "api" {
  name                               = "orders-api"
  cluster                            = var.cluster_arn
  task_definition                    = "orders-api"
  desired_count                      = 4
  launch_type                        = "FARGATE"
  deployment_minimum_healthy_percent = 100
  deployment_maximum_percent         = 200
  health_check_grace_period_seconds  = var.api_health_check_grace_period

  deployment_circuit_breaker {
    enable   = true
    rollback = false
  }

  load_balancer {
    target_group_arn = var.api_target_group_arn
    container_name   = "orders-api"
    container_port   = 8080
  }

  network_configuration {
    subnets          = local.network.subnets
    security_groups  = local.network.security_groups
    assign_public_ip = false
  }
}

resource "aws_ecs_service" "admin" {
  name                               = "orders-admin"
  cluster                            = var.cluster_arn
  task_definition                    = "orders-admin"
  desired_count                      = 1
  launch_type                        = "FARGATE"
  deployment_minimum_healthy_percent = 100
  deployment_maximum_percent         = 100
  health_check_grace_period_seconds  = 90

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }

  load_balancer {
    target_group_arn = var.admin_target_group_arn
    container_name   = "orders-admin"
    container_port   = 8080
  }

  network_configuration {
    subnets          = local.network.subnets
    security_groups  = local.network.security_groups
    assign_public_ip = false
  }
}

resource "aws_ecs_service" "worker" {
  name                               = "orders-worker"
  cluster                            = var.cluster_arn
  task_definition                    = "orders-worker"
  desired_count                      = 2
  launch_type                        = "FARGATE"
  deployment_minimum_healthy_percent = 0
  deployment_maximum_percent         = 100

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }

  network_configuration {
    subnets          = local.network.subnets
    security_groups  = local.network.security_groups
    assign_public_ip = false
  }
}
