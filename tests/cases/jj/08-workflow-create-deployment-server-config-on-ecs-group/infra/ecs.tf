resource "aws_ecs_service" "ledger_api" {
  name                              = "ledger-api"
  cluster                           = "ledger-prod"
  task_definition                   = aws_ecs_task_definition.ledger_api.arn
  desired_count                     = 2
  launch_type                       = "FARGATE"
  health_check_grace_period_seconds = 90

  deployment_controller {
    type = "CODE_DEPLOY"
  }

  load_balancer {
    target_group_arn = aws_lb_target_group.ledger_blue.arn
    container_name   = "ledger-api"
    container_port   = 8080
  }

  network_configuration {
    subnets         = var.private_subnet_ids
    security_groups = [aws_security_group.ledger_api.id]
  }

  lifecycle {
    ignore_changes = [task_definition, load_balancer]
  }
}
