resource "aws_security_group" "tasks" {
  name   = "tidepool-tasks"
  vpc_id = "vpc-0e3b9f27c4d18a605"
}

resource "aws_ecs_service" "api" {
  name            = "tidepool-api"
  cluster         = var.cluster_arn
  task_definition = "tidepool-api"
  desired_count   = 3
  launch_type     = "FARGATE"

  deployment_minimum_healthy_percent = 100
  deployment_maximum_percent         = 200
  health_check_grace_period_seconds  = 30

  dynamic "deployment_circuit_breaker" {
    for_each = var.enable_circuit_breaker ? [1] : []
    content {
      enable   = true
      rollback = true
    }
  }

  dynamic "load_balancer" {
    for_each = var.api_target_groups
    content {
      target_group_arn = load_balancer.value.arn
      container_name   = "api"
      container_port   = load_balancer.value.port
    }
  }

  network_configuration {
    subnets          = var.private_subnet_ids
    security_groups  = [aws_security_group.tasks.id]
    assign_public_ip = false
  }

  lifecycle {
    ignore_changes = [task_definition, desired_count]
  }
}

resource "aws_ecs_service" "consumer" {
  name            = "tidepool-consumer"
  cluster         = var.cluster_arn
  task_definition = "tidepool-consumer"
  desired_count   = 2
  launch_type     = "FARGATE"

  deployment_minimum_healthy_percent = 50
  deployment_maximum_percent         = 100

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }

  dynamic "load_balancer" {
    for_each = var.consumer_target_groups
    content {
      target_group_arn = load_balancer.value.arn
      container_name   = "consumer"
      container_port   = load_balancer.value.port
    }
  }

  network_configuration {
    subnets          = var.private_subnet_ids
    security_groups  = [aws_security_group.tasks.id]
    assign_public_ip = false
  }

  lifecycle {
    ignore_changes = [task_definition]
  }
}
