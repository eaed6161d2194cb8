resource "aws_ecs_service" "worker" {
  name            = "alder-worker"
  cluster         = local.cluster
  task_definition = "alder-worker"
  desired_count   = 2
  launch_type     = "FARGATE"

  deployment_minimum_healthy_percent = 50
  deployment_maximum_percent         = 200

  deployment_circuit_breaker {
    enable   = true
    rollback = false
  }

  network_configuration {
    subnets         = var.subnets
    security_groups = [var.security_group]
  }
}
