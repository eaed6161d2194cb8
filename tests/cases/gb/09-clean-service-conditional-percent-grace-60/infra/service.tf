variable "desired_count" {
  type    = number
  default = 1
}

variable "service_config" {
  type = map(number)
  default = {
    maximum_percent      = 200
    health_check_seconds = 60
  }
}

variable "circuit_breaker" {
  type = object({ enable = bool, rollback = bool })
  default = {
    enable   = true
    rollback = true
  }
}

resource "aws_ecs_service" "admin" {
  name            = "admin-portal"
  cluster         = "internal"
  task_definition = "admin-portal"
  desired_count   = var.desired_count
  launch_type     = "FARGATE"

  deployment_minimum_healthy_percent = var.desired_count > 1 ? 50 : 100
  deployment_maximum_percent         = lookup(var.service_config, "maximum_percent", 200)
  health_check_grace_period_seconds  = lookup(var.service_config, "health_check_seconds", 90)

  deployment_circuit_breaker {
    enable   = try(var.circuit_breaker.enable, true)
    rollback = try(var.circuit_breaker.rollback, true)
  }

  load_balancer {
    target_group_arn = "arn:aws:elasticloadbalancing:us-east-2:667788990011:targetgroup/admin-portal/2a4f6b8c0d1e3f57"
    container_name   = "admin"
    container_port   = 3000
  }

  network_configuration {
    subnets         = ["subnet-0c0c0c0c0c0c0c0c0"]
    security_groups = ["sg-0d0d0d0d0d0d0d0d0"]
  }
}
