resource "aws_ecs_service" "cards_api" {
  name            = "cards-api"
  cluster         = "cards"
  task_definition = "cards-api"
  desired_count   = 3
  launch_type     = "FARGATE"

  # Not used by CodeDeploy deployments on Fargate; kept as ECS reports them.
  deployment_minimum_healthy_percent = 100
  deployment_maximum_percent         = 100

  health_check_grace_period_seconds = 60

  deployment_controller {
    type = "CODE_DEPLOY"
  }

  load_balancer {
    target_group_arn = "arn:aws:elasticloadbalancing:eu-central-1:590362814477:targetgroup/cards-api-blue/7a6b5c4d3e2f1a09"
    container_name   = "cards-api"
    container_port   = 8080
  }

  network_configuration {
    subnets          = ["subnet-0a0b0c0d0e0f01020", "subnet-0a0b0c0d0e0f03040"]
    security_groups  = ["sg-01a2b3c4d5e6f7a8b"]
    assign_public_ip = false
  }

  lifecycle {
    ignore_changes = [task_definition, load_balancer]
  }
}
