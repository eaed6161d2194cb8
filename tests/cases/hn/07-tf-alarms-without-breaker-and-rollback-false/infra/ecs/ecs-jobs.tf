resource "aws_ecs_service" "jobs" {
  name            = "lumen-jobs"
  cluster         = local.cluster_arn
  task_definition = "lumen-jobs"
  desired_count   = 2

  capacity_provider_strategy {
    capacity_provider = "FARGATE_SPOT"
    weight            = 1
  }

  # Fail fast, but keep the broken revision running so we can exec in and debug.
  deployment_circuit_breaker {
    enable   = true
    rollback = false
  }

  network_configuration {
    subnets          = local.private_subnets
    security_groups  = ["sg-0f3b7d2a9c15e6480"]
    assign_public_ip = false
  }

  lifecycle {
    ignore_changes = [task_definition]
  }
}
