resource "aws_ecr_repository" "tickets_web" {
  name                 = "tickets-web"
  image_tag_mutability = "IMMUTABLE"
}

resource "aws_ecs_service" "tickets_web" {
  name            = "tickets-web"
  cluster         = "oakridge-prod"
  task_definition = "tickets-web"
  desired_count   = 2
  launch_type     = "FARGATE"

  deployment_minimum_healthy_percent = 100
  deployment_maximum_percent         = 200
  health_check_grace_period_seconds  = 90

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }

  load_balancer {
    target_group_arn = "arn:aws:elasticloadbalancing:eu-north-1:845120397761:targetgroup/tickets-web/0f1e2d3c4b5a6978"
    container_name   = "web"
    container_port   = 3000
  }

  network_configuration {
    subnets          = ["subnet-04a1b2c3d4e5f6071", "subnet-09f8e7d6c5b4a3921"]
    security_groups  = ["sg-07a6b5c4d3e2f1098"]
    assign_public_ip = false
  }

  lifecycle {
    ignore_changes = [task_definition]
  }
}
