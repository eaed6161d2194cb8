variable "subnets" {
  type = list(string)
}

variable "security_group_id" {
  type = string
}

variable "api_target_group_arn" {
  type = string
}

resource "aws_ecs_service" "api" {
  name                              = "quill-api"
  cluster                           = "quill"
  task_definition                   = "quill-api"
  desired_count                     = 4
  launch_type                       = "FARGATE"
  health_check_grace_period_seconds = 75

  deployment_minimum_healthy_percent = 50
  deployment_maximum_percent         = 200

  # CloudWatch alarms roll back on 5xx, but no circuit breaker for tasks that never start.
  alarms {
    alarm_names = ["quill-api-5xx", "quill-api-p99-latency"]
    enable      = true
    rollback    = true
  }

  load_balancer {
    target_group_arn = var.api_target_group_arn
    container_name   = "api"
    container_port   = 8000
  }

  network_configuration {
    subnets         = var.subnets
    security_groups = [var.security_group_id]
  }
}

resource "aws_ecs_service" "worker" {
  name            = "quill-worker"
  cluster         = "quill"
  task_definition = "quill-worker"
  desired_count   = 2
  launch_type     = "FARGATE"

  deployment_minimum_healthy_percent = 150
  deployment_maximum_percent         = 200

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }

  network_configuration {
    subnets         = var.subnets
    security_groups = [var.security_group_id]
  }
}

resource "aws_ecs_service" "scheduler" {
  name            = "quill-scheduler"
  cluster         = "quill"
  task_definition = "quill-scheduler"
  desired_count   = 1
  launch_type     = "FARGATE"

  deployment_minimum_healthy_percent = 100

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }

  network_configuration {
    subnets         = var.subnets
    security_groups = [var.security_group_id]
  }
}
