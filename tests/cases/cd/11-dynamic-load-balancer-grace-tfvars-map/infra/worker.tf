resource "aws_ecs_service" "worker" {
  name            = "atlas-worker"
  cluster         = "atlas"
  task_definition = "atlas-worker"
  desired_count   = 2
  launch_type     = "FARGATE"

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }

  dynamic "load_balancer" {
    for_each = var.worker_target_groups
    content {
      target_group_arn = load_balancer.value.target_group_arn
      container_name   = "worker"
      container_port   = load_balancer.value.container_port
    }
  }

  network_configuration {
    subnets          = var.subnet_ids
    assign_public_ip = false
  }
}
