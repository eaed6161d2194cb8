resource "aws_ecs_service" "ledger_rebuild" {
  name            = "ledger-rebuild"
  cluster         = "fintrack"
  task_definition = "ledger-rebuild"
  desired_count   = 1
  launch_type     = "FARGATE"

  deployment_minimum_healthy_percent = 0
  deployment_maximum_percent         = 100

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }

  network_configuration {
    subnets         = ["subnet-0aa1bb2cc3dd4ee5f", "subnet-0bb2cc3dd4ee5ff60"]
    security_groups = ["sg-0cc3dd4ee5ff60718"]
  }
}
