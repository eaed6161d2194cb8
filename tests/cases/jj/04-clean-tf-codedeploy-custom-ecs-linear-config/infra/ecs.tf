resource "aws_ecs_service" "booking_api" {
  name            = "booking-api"
  cluster         = aws_ecs_cluster.main.id
  task_definition = aws_ecs_task_definition.booking_api.arn
  desired_count   = 2

  capacity_provider_strategy {
    capacity_provider = "FARGATE"
    base              = 1
    weight            = 1
  }

  deployment_controller {
    type = "CODE_DEPLOY"
  }

  deployment_minimum_healthy_percent = 100
  deployment_maximum_percent         = 200
  health_check_grace_period_seconds  = 120

  load_balancer {
    target_group_arn = aws_lb_target_group.booking_blue.arn
    container_name   = "booking-api"
    container_port   = 8000
  }

  network_configuration {
    subnets          = var.private_subnet_ids
    security_groups  = [aws_security_group.booking_api.id]
    assign_public_ip = false
  }

  lifecycle {
    # CodeDeploy swaps task definitions and target groups on every release.
    ignore_changes = [task_definition, load_balancer, desired_count]
  }
}

resource "aws_ecs_service" "booking_admin" {
  name            = "booking-admin"
  cluster         = aws_ecs_cluster.main.id
  task_definition = aws_ecs_task_definition.booking_admin.arn
  desired_count   = 1
  launch_type     = "FARGATE"

  deployment_controller {
    type = "CODE_DEPLOY"
  }

  health_check_grace_period_seconds = 90

  load_balancer {
    target_group_arn = aws_lb_target_group.admin_blue.arn
    container_name   = "booking-admin"
    container_port   = 8000
  }

  network_configuration {
    subnets          = var.private_subnet_ids
    security_groups  = [aws_security_group.booking_admin.id]
    assign_public_ip = false
  }

  lifecycle {
    ignore_changes = [task_definition, load_balancer]
  }
}
