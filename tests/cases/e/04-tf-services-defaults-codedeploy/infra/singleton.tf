resource "aws_ecs_service" "scheduler" {
  name            = "alder-scheduler"
  cluster         = local.cluster
  task_definition = "alder-scheduler"
  desired_count   = 1
  launch_type     = "FARGATE"

  # exactly one scheduler may run: stop the old task before starting the new one
  deployment_minimum_healthy_percent = 0
  deployment_maximum_percent         = 100

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }

  network_configuration {
    subnets         = var.subnets
    security_groups = [var.security_group]
  }
}
