resource "aws_ecs_service" "web" {
  name            = "atlas-web"
  cluster         = "atlas"
  task_definition = "atlas-web"
  desired_count   = 4
  launch_type     = "FARGATE"

  health_check_grace_period_seconds = var.web_grace_period

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }

  dynamic "load_balancer" {
    for_each = var.web_target_groups
    content {
      target_group_arn = load_balancer.value.target_group_arn
      container_name   = "web"
      container_port   = load_balancer.value.container_port
    }
  }

  network_configuration {
    subnets          = var.subnet_ids
    assign_public_ip = false
  }
}
