variable "health_check_grace_period" {
  description = "Seconds to ignore failing ALB health checks after a task starts"
  type        = number
  default     = null
}

variable "service" {
  type = object({
    name           = string
    container_port = number
    desired_count  = number
  })
  default = {
    name           = "accounts"
    container_port = 8000
    desired_count  = 3
  }
}

resource "aws_lb_target_group" "this" {
  name        = var.service.name
  port        = var.service.container_port
  protocol    = "HTTP"
  target_type = "ip"
  vpc_id      = "vpc-0abc1234def567890"

  health_check {
    path    = "/healthz"
    matcher = "200"
  }
}

resource "aws_ecs_service" "this" {
  name            = var.service.name
  cluster         = "core"
  task_definition = var.service.name
  desired_count   = var.service.desired_count
  launch_type     = "FARGATE"

  deployment_minimum_healthy_percent = 100
  deployment_maximum_percent         = 200
  health_check_grace_period_seconds  = coalesce(var.health_check_grace_period, 30)

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }

  load_balancer {
    target_group_arn = aws_lb_target_group.this.arn
    container_name   = var.service.name
    container_port   = var.service.container_port
  }

  network_configuration {
    subnets         = ["subnet-01234abcd5678ef90", "subnet-0fedc9876ba543210"]
    security_groups = ["sg-0a1a2a3a4a5a6a7a8"]
  }

  lifecycle {
    ignore_changes = [task_definition, desired_count]
  }
}
