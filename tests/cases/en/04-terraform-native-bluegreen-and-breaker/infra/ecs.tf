variable "cluster_arn" {
  type = string
}

variable "private_subnet_ids" {
  type = list(string)
}

variable "service_sg_id" {
  type = string
}

variable "storefront_tg_arn" {
  type = string
}

variable "storefront_alt_tg_arn" {
  type = string
}

variable "storefront_prod_rule_arn" {
  type = string
}

variable "admin_tg_arn" {
  type = string
}

variable "ecs_lb_role_arn" {
  type = string
}

# ECS-native blue/green (no CodeDeploy)
resource "aws_ecs_service" "storefront" {
  name            = "storefront"
  cluster         = var.cluster_arn
  task_definition = "storefront"
  desired_count   = 4
  launch_type     = "FARGATE"

  health_check_grace_period_seconds = 30

  deployment_configuration {
    strategy             = "BLUE_GREEN"
    bake_time_in_minutes = 10
  }

  load_balancer {
    target_group_arn = var.storefront_tg_arn
    container_name   = "storefront"
    container_port   = 8080

    advanced_configuration {
      alternate_target_group_arn = var.storefront_alt_tg_arn
      production_listener_rule   = var.storefront_prod_rule_arn
      role_arn                   = var.ecs_lb_role_arn
    }
  }

  network_configuration {
    subnets          = var.private_subnet_ids
    security_groups  = [var.service_sg_id]
    assign_public_ip = false
  }

  lifecycle {
    ignore_changes = [task_definition]
  }
}

resource "aws_ecs_service" "storefront_worker" {
  name            = "storefront-worker"
  cluster         = var.cluster_arn
  task_definition = "storefront-worker"
  desired_count   = 2
  launch_type     = "FARGATE"

  deployment_minimum_healthy_percent = 50
  deployment_maximum_percent         = 200

  deployment_circuit_breaker {
    enable   = true
    rollback = false
  }

  network_configuration {
    subnets          = var.private_subnet_ids
    security_groups  = [var.service_sg_id]
    assign_public_ip = false
  }

  lifecycle {
    ignore_changes = [task_definition]
  }
}

resource "aws_ecs_service" "storefront_admin" {
  name            = "storefront-admin"
  cluster         = var.cluster_arn
  task_definition = "storefront-admin"
  desired_count   = 2
  launch_type     = "FARGATE"

  health_check_grace_period_seconds = 60

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }

  load_balancer {
    target_group_arn = var.admin_tg_arn
    container_name   = "admin"
    container_port   = 8080
  }

  network_configuration {
    subnets          = var.private_subnet_ids
    security_groups  = [var.service_sg_id]
    assign_public_ip = false
  }

  lifecycle {
    ignore_changes = [task_definition]
  }
}
