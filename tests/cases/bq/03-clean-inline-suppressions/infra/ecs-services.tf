locals {
  cluster = "quillon-prod"
  subnets = ["subnet-0123456789abcdef0", "subnet-0fedcba9876543210"]
}

resource "aws_ecs_service" "api" {
  name            = "notify-api"
  cluster         = local.cluster
  task_definition = "notify-api"
  desired_count   = 2
  launch_type     = "FARGATE"

  // Starlette app, healthy in ~4 s; a long grace period only hides crash loops.
  // ecs-lint: ignore[service-grace-period-short]
  health_check_grace_period_seconds = 20

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }

  load_balancer {
    target_group_arn = "arn:aws:elasticloadbalancing:ap-southeast-2:209384756102:targetgroup/notify-api/1a2b3c4d5e6f7a8b"
    container_name   = "api"
    container_port   = 8000
  }

  network_configuration {
    subnets         = local.subnets
    security_groups = ["sg-0aa1bb2cc3dd4ee5f"]
  }

  lifecycle {
    ignore_changes = [task_definition]
  }
}

resource "aws_ecs_service" "admin" {
  name            = "notify-admin"
  cluster         = local.cluster
  task_definition = "notify-admin"
  desired_count   = 1
  launch_type     = "FARGATE"

  # Static admin UI served by nginx, healthy immediately.
  health_check_grace_period_seconds = 15 # ecs-lint: ignore

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }

  load_balancer {
    target_group_arn = "arn:aws:elasticloadbalancing:ap-southeast-2:209384756102:targetgroup/notify-admin/9f8e7d6c5b4a3928"
    container_name   = "admin"
    container_port   = 8000
  }

  network_configuration {
    subnets         = local.subnets
    security_groups = ["sg-0aa1bb2cc3dd4ee5f"]
  }

  lifecycle {
    ignore_changes = [task_definition]
  }
}
