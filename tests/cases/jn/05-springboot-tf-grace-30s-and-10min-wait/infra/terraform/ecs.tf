resource "aws_ecs_cluster" "claims" {
  name = "claims-prod"

  setting {
    name  = "containerInsights"
    value = "enabled"
  }
}

resource "aws_ecs_service" "claims" {
  name            = "claims-service"
  cluster         = aws_ecs_cluster.claims.id
  task_definition = "claims-service"
  desired_count   = 2
  launch_type     = "FARGATE"

  # ALB health checks start as soon as the task is RUNNING
  health_check_grace_period_seconds = 30

  deployment_minimum_healthy_percent = 100
  deployment_maximum_percent         = 200

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }

  network_configuration {
    subnets          = var.private_subnet_ids
    security_groups  = [aws_security_group.claims_tasks.id]
    assign_public_ip = false
  }

  load_balancer {
    target_group_arn = aws_lb_target_group.claims.arn
    container_name   = "claims"
    container_port   = 8080
  }

  lifecycle {
    # the GitHub Actions workflow registers new revisions
    ignore_changes = [task_definition]
  }
}
