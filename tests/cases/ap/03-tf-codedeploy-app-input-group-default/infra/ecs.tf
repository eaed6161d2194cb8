resource "aws_ecs_service" "billing" {
  name            = "billing"
  cluster         = "core"
  task_definition = "billing"
  desired_count   = 2
  launch_type     = "FARGATE"

  health_check_grace_period_seconds = 90

  deployment_controller {
    type = "CODE_DEPLOY"
  }

  load_balancer {
    target_group_arn = "arn:aws:elasticloadbalancing:us-west-2:284715093366:targetgroup/billing-blue/3f6a1d9e0c2b4a57"
    container_name   = "billing"
    container_port   = 8000
  }

  network_configuration {
    subnets         = ["subnet-0b2c4d6e8f0a1c3e5", "subnet-0d4e6f8a0b2c4e6f7"]
    security_groups = ["sg-0e1f2a3b4c5d6e7f8"]
  }

  lifecycle {
    ignore_changes = [task_definition, load_balancer]
  }
}
