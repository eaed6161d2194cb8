# events platform: four rolling services on one cluster.
# Percentages were tuned per service to keep the Fargate surge small.

resource "aws_ecs_service" "ingest" {
  name            = "events-ingest"
  cluster         = aws_ecs_cluster.events.id
  task_definition = aws_ecs_task_definition.ingest.arn
  launch_type     = "FARGATE"

  desired_count                      = 8
  deployment_minimum_healthy_percent = 90
  deployment_maximum_percent         = 110

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }

  network_configuration {
    subnets         = var.private_subnet_ids
    security_groups = [aws_security_group.events.id]
  }
}

resource "aws_ecs_service" "api" {
  name            = "events-api"
  cluster         = aws_ecs_cluster.events.id
  task_definition = aws_ecs_task_definition.api.arn
  launch_type     = "FARGATE"

  desired_count                      = 10
  deployment_minimum_healthy_percent = 90
  deployment_maximum_percent         = 110

  health_check_grace_period_seconds = 120

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }

  load_balancer {
    target_group_arn = aws_lb_target_group.api.arn
    container_name   = "events-api"
    container_port   = 8080
  }

  network_configuration {
    subnets         = var.private_subnet_ids
    security_groups = [aws_security_group.events.id]
  }
}

resource "aws_ecs_service" "fanout" {
  name            = "events-fanout"
  cluster         = aws_ecs_cluster.events.id
  task_definition = aws_ecs_task_definition.fanout.arn
  launch_type     = "FARGATE"

  desired_count                      = 10
  deployment_minimum_healthy_percent = 95
  deployment_maximum_percent         = 100

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }

  network_configuration {
    subnets         = var.private_subnet_ids
    security_groups = [aws_security_group.events.id]
  }
}

resource "aws_ecs_service" "replay" {
  name            = "events-replay"
  cluster         = aws_ecs_cluster.events.id
  task_definition = aws_ecs_task_definition.replay.arn
  launch_type     = "FARGATE"

  desired_count                      = 20
  deployment_minimum_healthy_percent = 95
  deployment_maximum_percent         = 105

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }

  network_configuration {
    subnets         = var.private_subnet_ids
    security_groups = [aws_security_group.events.id]
  }
}
