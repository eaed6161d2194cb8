locals {
  cluster_arn = aws_ecs_cluster.main.arn
  subnets     = ["subnet-0e1f2a3b4c5d6e7f8", "subnet-0f2a3b4c5d6e7f809"]
}

resource "aws_ecs_cluster" "main" {
  name = "atlas-prod"
}

# Django admin: two tasks, slow boot (~80 s to first healthy check)
resource "aws_ecs_service" "admin" {
  name            = "atlas-admin"
  cluster         = local.cluster_arn
  task_definition = "atlas-admin"
  desired_count   = 2
  launch_type     = "FARGATE"

  deployment_minimum_healthy_percent = 75
  deployment_maximum_percent         = 125

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }

  health_check_grace_period_seconds = 45

  load_balancer {
    target_group_arn = "arn:aws:elasticloadbalancing:eu-central-1:517283946102:targetgroup/atlas-admin/1f2e3d4c5b6a7988"
    container_name   = "admin"
    container_port   = 8000
  }

  network_configuration {
    subnets          = local.subnets
    security_groups  = ["sg-0a9b8c7d6e5f40312"]
    assign_public_ip = false
  }
}

# Public API: four tasks, same percentages leave room here
resource "aws_ecs_service" "api" {
  name            = "atlas-api"
  cluster         = local.cluster_arn
  task_definition = "atlas-api"
  desired_count   = 4
  launch_type     = "FARGATE"

  deployment_minimum_healthy_percent = 75
  deployment_maximum_percent         = 125

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }

  health_check_grace_period_seconds = 60

  load_balancer {
    target_group_arn = "arn:aws:elasticloadbalancing:eu-central-1:517283946102:targetgroup/atlas-api/2a3b4c5d6e7f8091"
    container_name   = "api"
    container_port   = 8080
  }

  network_configuration {
    subnets          = local.subnets
    security_groups  = ["sg-0a9b8c7d6e5f40312"]
    assign_public_ip = false
  }
}
