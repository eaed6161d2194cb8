resource "aws_ecs_service" "quotes_api" {
  name            = "quotes-api"
  cluster         = "thames-prod"
  task_definition = "quotes-api"
  desired_count   = 3

  capacity_provider_strategy {
    capacity_provider = "FARGATE"
    base              = 1
    weight            = 1
  }

  capacity_provider_strategy {
    capacity_provider = "FARGATE_SPOT"
    weight            = 2
  }

  deployment_controller {
    type = "CODE_DEPLOY"
  }

  health_check_grace_period_seconds = 75

  load_balancer {
    target_group_arn = aws_lb_target_group.blue.arn
    container_name   = "quotes-api"
    container_port   = 8000
  }

  network_configuration {
    subnets          = var.private_subnet_ids
    security_groups  = [var.service_security_group_id]
    assign_public_ip = false
  }

  lifecycle {
    ignore_changes = [task_definition, load_balancer, capacity_provider_strategy]
  }
}
