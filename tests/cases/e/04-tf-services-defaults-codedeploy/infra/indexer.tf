resource "aws_ecs_service" "indexer" {
  name            = "alder-indexer"
  cluster         = local.cluster
  task_definition = "alder-indexer"
  desired_count   = 2
  launch_type     = "FARGATE"

  deployment_maximum_percent = 100

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }

  network_configuration {
    subnets         = var.subnets
    security_groups = [var.security_group]
  }
}
