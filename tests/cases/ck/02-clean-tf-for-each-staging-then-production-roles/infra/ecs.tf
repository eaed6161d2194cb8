variable "private_subnet_ids" {
  type = map(list(string))
}

variable "service_security_group_ids" {
  type = map(string)
}

variable "target_group_arns" {
  type = map(string)
}

resource "aws_ecr_repository" "checkout" {
  name                 = "checkout-web"
  image_tag_mutability = "IMMUTABLE"

  image_scanning_configuration {
    scan_on_push = true
  }
}

resource "aws_ecs_cluster" "this" {
  for_each = local.environments
  name     = each.value.cluster

  setting {
    name  = "containerInsights"
    value = "enabled"
  }
}

resource "aws_ecs_service" "web" {
  for_each = local.environments

  name                              = each.value.service
  cluster                           = aws_ecs_cluster.this[each.key].id
  task_definition                   = "checkout-web-${each.key}"
  desired_count                     = each.key == "production" ? 4 : 1
  launch_type                       = "FARGATE"
  health_check_grace_period_seconds = 120

  deployment_minimum_healthy_percent = 100
  deployment_maximum_percent         = 200

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }

  load_balancer {
    target_group_arn = var.target_group_arns[each.key]
    container_name   = "web"
    container_port   = 8080
  }

  network_configuration {
    subnets          = var.private_subnet_ids[each.key]
    security_groups  = [var.service_security_group_ids[each.key]]
    assign_public_ip = false
  }

  lifecycle {
    ignore_changes = [task_definition]
  }
}
