resource "aws_ecs_service" "api" {
  name                               = "claims-api"
  cluster                            = aws_ecs_cluster.main.id
  task_definition                    = aws_ecs_task_definition.api.arn
  desired_count                      = 3
  launch_type                        = "FARGATE"
  deployment_minimum_healthy_percent = 100
  deployment_maximum_percent         = 130
  health_check_grace_period_seconds  = 59

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }

  load_balancer {
    target_group_arn = aws_lb_target_group.api.arn
    container_name   = "claims-api"
    container_port   = 8080
  }

  network_configuration {
    subnets         = var.private_subnet_ids
    security_groups = [aws_security_group.api.id]
  }
}

resource "aws_ecs_service" "worker" {
  name                               = "claims-worker"
  cluster                            = aws_ecs_cluster.main.id
  task_definition                    = aws_ecs_task_definition.worker.arn
  desired_count                      = 2
  launch_type                        = "FARGATE"
  deployment_minimum_healthy_percent = 50
  deployment_maximum_percent         = 100

  deployment_circuit_breaker {
    enable   = true
    rollback = false
  }

  service_registries {
    registry_arn = aws_service_discovery_service.worker.arn
  }

  network_configuration {
    subnets         = var.private_subnet_ids
    security_groups = [aws_security_group.worker.id]
  }
}

resource "aws_ecs_service" "admin" {
  name            = "claims-admin"
  cluster         = aws_ecs_cluster.main.id
  task_definition = aws_ecs_task_definition.admin.arn
  desired_count   = 1
  launch_type     = "FARGATE"

  deployment_controller {
    type = "CODE_DEPLOY"
  }

  load_balancer {
    target_group_arn = aws_lb_target_group.admin_blue.arn
    container_name   = "claims-admin"
    container_port   = 3000
  }

  network_configuration {
    subnets         = var.private_subnet_ids
    security_groups = [aws_security_group.admin.id]
  }

  lifecycle {
    ignore_changes = [task_definition, load_balancer]
  }
}
