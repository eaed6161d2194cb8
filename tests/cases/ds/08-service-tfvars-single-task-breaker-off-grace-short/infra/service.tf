resource "aws_ecs_cluster" "notify" {
  name = "notify"
}

resource "aws_lb_target_group" "gateway" {
  name        = "notify-gateway"
  port        = 8080
  protocol    = "HTTP"
  target_type = "ip"
  vpc_id      = var.vpc_id

  health_check {
    path    = "/healthz"
    matcher = "200"
  }
}

resource "aws_security_group" "gateway" {
  name   = "notify-gateway"
  vpc_id = var.vpc_id
}

resource "aws_ecs_service" "gateway" {
  name            = "notify-gateway"
  cluster         = aws_ecs_cluster.notify.id
  task_definition = "notify-gateway"
  desired_count   = var.desired_count
  launch_type     = "FARGATE"

  deployment_minimum_healthy_percent = 100
  deployment_maximum_percent         = var.deployment_maximum_percent
  health_check_grace_period_seconds  = var.health_check_grace_period

  dynamic "deployment_circuit_breaker" {
    for_each = var.enable_circuit_breaker ? [1] : []

    content {
      enable   = true
      rollback = true
    }
  }

  load_balancer {
    target_group_arn = aws_lb_target_group.gateway.arn
    container_name   = "gateway"
    container_port   = 8080
  }

  network_configuration {
    subnets          = var.private_subnet_ids
    security_groups  = [aws_security_group.gateway.id]
    assign_public_ip = false
  }

  lifecycle {
    ignore_changes = [task_definition]
  }
}
