variable "private_subnet_ids" {
  type = list(string)
}

variable "pantry_api_security_group_id" {
  type = string
}

variable "pantry_api_target_group_arn" {
  type = string
}

resource "aws_ecs_cluster" "prod" {
  name = "pantry-prod"

  setting {
    name  = "containerInsights"
    value = "enabled"
  }
}

resource "aws_ecs_service" "pantry_api" {
  name            = "pantry-api"
  cluster         = aws_ecs_cluster.prod.id
  task_definition = "pantry-api-production"
  desired_count   = 3
  launch_type     = "FARGATE"

  deployment_minimum_healthy_percent = 100
  deployment_maximum_percent         = 200

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }

  health_check_grace_period_seconds = 30 # ecs-lint: ignore[grace-period-short] -- gunicorn answers /healthz within 5 s

  load_balancer {
    target_group_arn = var.pantry_api_target_group_arn
    container_name   = "pantry-api"
    container_port   = 8000
  }

  network_configuration {
    subnets          = var.private_subnet_ids
    security_groups  = [var.pantry_api_security_group_id]
    assign_public_ip = false
  }

  # GitHub Actions registers new revisions; Terraform owns the service shape.
  lifecycle {
    ignore_changes = [task_definition, desired_count]
  }
}
