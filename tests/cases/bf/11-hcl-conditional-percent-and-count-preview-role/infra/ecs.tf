locals {
  is_production = var.environment == "production"
}

resource "aws_ecs_service" "search" {
  name            = "search-${var.environment}"
  cluster         = "search-${var.environment}"
  task_definition = "search-${var.environment}"
  desired_count   = local.is_production ? 4 : 1
  launch_type     = "FARGATE"

  deployment_minimum_healthy_percent = 100
  deployment_maximum_percent         = local.is_production ? 200 : 100

  deployment_controller {
    type = "ECS"
  }

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }

  network_configuration {
    subnets          = var.private_subnet_ids
    assign_public_ip = false
  }
}
