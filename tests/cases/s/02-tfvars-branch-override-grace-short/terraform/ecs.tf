resource "aws_ecr_repository" "web" {
  name                 = "harvest-web"
  image_tag_mutability = "IMMUTABLE"
}

resource "aws_ecs_cluster" "main" {
  name = "orchard"
}

resource "aws_ecs_service" "web" {
  name            = "harvest-web"
  cluster         = aws_ecs_cluster.main.id
  task_definition = "harvest-web"
  desired_count   = 2
  launch_type     = "FARGATE"

  health_check_grace_period_seconds = var.health_check_grace

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }

  network_configuration {
    subnets = var.subnet_ids
  }

  load_balancer {
    target_group_arn = var.target_group_arn
    container_name   = "web"
    container_port   = 3000
  }

  lifecycle {
    ignore_changes = [task_definition]
  }
}
