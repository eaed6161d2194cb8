# Back-office UI. Kept at zero outside of the monthly reconciliation;
# the on-call runbook scales it up with `aws ecs update-service --desired-count 2`.
resource "aws_ecs_service" "checkout_admin" {
  name            = "checkout-admin"
  cluster         = aws_ecs_cluster.shop.id
  task_definition = aws_ecs_task_definition.checkout_admin.arn
  desired_count   = 0
  launch_type     = "FARGATE"

  health_check_grace_period_seconds = 300

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }

  load_balancer {
    target_group_arn = var.admin_target_group_arn
    container_name   = "checkout-admin"
    container_port   = 3000
  }

  network_configuration {
    subnets          = local.private_subnets
    security_groups  = [var.admin_sg_id]
    assign_public_ip = false
  }

  lifecycle {
    ignore_changes = [desired_count]
  }
}
