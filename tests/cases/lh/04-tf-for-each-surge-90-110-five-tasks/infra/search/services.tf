locals {
  cluster_arn = "arn:aws:ecs:eu-west-1:556201847733:cluster/search"

  # "keep 90% up, let 10% extra start" -- one rollout policy for every service
  rollout = {
    min_healthy = 90
    max_percent = 110
  }

  services = {
    search = {
      desired_count = 10
      port          = 8080
      revision      = 214
    }
    suggest = {
      desired_count = 5
      port          = 8081
      revision      = 87
    }
    autocomplete = {
      desired_count = 20
      port          = 8082
      revision      = 132
    }
  }
}

resource "aws_ecs_service" "this" {
  for_each = local.services

  name            = each.key
  cluster         = local.cluster_arn
  task_definition = "arn:aws:ecs:eu-west-1:556201847733:task-definition/${each.key}:${each.value.revision}"
  desired_count   = each.value.desired_count
  launch_type     = "FARGATE"

  deployment_minimum_healthy_percent = local.rollout.min_healthy
  deployment_maximum_percent         = local.rollout.max_percent

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }

  health_check_grace_period_seconds = 90

  load_balancer {
    target_group_arn = aws_lb_target_group.this[each.key].arn
    container_name   = each.key
    container_port   = each.value.port
  }

  network_configuration {
    subnets          = var.private_subnet_ids
    security_groups  = [var.service_security_group_id]
    assign_public_ip = false
  }

  lifecycle {
    ignore_changes = [task_definition]
  }
}

resource "aws_lb_target_group" "this" {
  for_each = local.services

  name        = "${each.key}-tg"
  port        = each.value.port
  protocol    = "HTTP"
  target_type = "ip"
  vpc_id      = var.vpc_id

  health_check {
    path                = "/healthz"
    healthy_threshold   = 2
    unhealthy_threshold = 3
    interval            = 15
  }
}

variable "vpc_id" {
  type    = string
  default = "vpc-0a7d3c2b1e9f86405"
}

variable "private_subnet_ids" {
  type    = list(string)
  default = ["subnet-0aa1bb2cc3dd4ee5f", "subnet-0ff6ee5dd4cc3bb2a"]
}

variable "service_security_group_id" {
  type    = string
  default = "sg-06c5d4e3f2a1b0c9d"
}
