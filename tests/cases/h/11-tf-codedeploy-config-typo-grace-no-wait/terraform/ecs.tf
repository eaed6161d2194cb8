resource "aws_ecs_service" "api" {
  name                              = "crew-roster-api"
  cluster                           = "gannet-prod"
  task_definition                   = "crew-roster-api"
  desired_count                     = 3
  launch_type                       = "FARGATE"
  health_check_grace_period_seconds = 30

  deployment_controller {
    type = "CODE_DEPLOY"
  }

  load_balancer {
    target_group_arn = "arn:aws:elasticloadbalancing:us-east-1:931820475612:targetgroup/crew-roster-blue/6a5b4c3d2e1f0a9b"
    container_name   = "api"
    container_port   = 8000
  }

  network_configuration {
    subnets          = ["subnet-0aa1bb2cc3dd4ee5f", "subnet-0ff6ee5dd4cc3bb2a"]
    security_groups  = ["sg-0a9b8c7d6e5f4a3b2"]
    assign_public_ip = false
  }

  lifecycle {
    ignore_changes = [task_definition, load_balancer]
  }
}

resource "aws_ecs_service" "worker" {
  name            = "crew-roster-worker"
  cluster         = "gannet-prod"
  task_definition = "crew-roster-worker"
  desired_count   = 2
  launch_type     = "FARGATE"

  deployment_controller {
    type = "CODE_DEPLOY"
  }

  load_balancer {
    target_group_arn = "arn:aws:elasticloadbalancing:us-east-1:931820475612:targetgroup/crew-worker-blue/1b2c3d4e5f6a7b8c"
    container_name   = "worker"
    container_port   = 9000
  }

  health_check_grace_period_seconds = 120

  network_configuration {
    subnets          = ["subnet-0aa1bb2cc3dd4ee5f", "subnet-0ff6ee5dd4cc3bb2a"]
    security_groups  = ["sg-0a9b8c7d6e5f4a3b2"]
    assign_public_ip = false
  }
}
