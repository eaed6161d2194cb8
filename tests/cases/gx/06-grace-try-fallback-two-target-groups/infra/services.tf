locals {
  # Services of the bookings platform. `grace` only where the default is
  # not enough (see runbook: cold JVM starts take ~80 s).
  services = {
    api = {
      desired = 4
      target_groups = [
        { arn = aws_lb_target_group.api_public.arn, port = 8080 },
        { arn = aws_lb_target_group.api_internal.arn, port = 8081 },
      ]
    }
    admin = {
      desired = 2
      grace   = 120
      target_groups = [
        { arn = aws_lb_target_group.admin.arn, port = 8080 },
      ]
    }
    notifier = {
      desired       = 2
      target_groups = []
    }
  }
}

resource "aws_ecs_service" "svc" {
  for_each = local.services

  name            = "bookings-${each.key}"
  cluster         = aws_ecs_cluster.bookings.id
  task_definition = "bookings-${each.key}"
  desired_count   = each.value.desired
  launch_type     = "FARGATE"

  health_check_grace_period_seconds = length(each.value.target_groups) > 0 ? try(each.value.grace, 30) : null

  dynamic "load_balancer" {
    for_each = each.value.target_groups
    content {
      target_group_arn = load_balancer.value.arn
      container_name   = each.key
      container_port   = load_balancer.value.port
    }
  }

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }

  network_configuration {
    subnets          = data.aws_subnets.private.ids
    security_groups  = [aws_security_group.tasks.id]
    assign_public_ip = false
  }

  lifecycle {
    ignore_changes = [task_definition, desired_count]
  }
}

resource "aws_ecs_cluster" "bookings" {
  name = "bookings"
}

data "aws_subnets" "private" {
  filter {
    name   = "tag:tier"
    values = ["private"]
  }
}

resource "aws_security_group" "tasks" {
  name_prefix = "bookings-tasks-"
  vpc_id      = "vpc-0f1e2d3c4b5a69788"
}

resource "aws_lb_target_group" "api_public" {
  name        = "bookings-api-public"
  port        = 8080
  protocol    = "HTTP"
  target_type = "ip"
  vpc_id      = "vpc-0f1e2d3c4b5a69788"

  health_check {
    path = "/actuator/health/readiness"
  }
}

resource "aws_lb_target_group" "api_internal" {
  name        = "bookings-api-internal"
  port        = 8081
  protocol    = "HTTP"
  target_type = "ip"
  vpc_id      = "vpc-0f1e2d3c4b5a69788"

  health_check {
    path = "/actuator/health/readiness"
  }
}

resource "aws_lb_target_group" "admin" {
  name        = "bookings-admin"
  port        = 8080
  protocol    = "HTTP"
  target_type = "ip"
  vpc_id      = "vpc-0f1e2d3c4b5a69788"
}
