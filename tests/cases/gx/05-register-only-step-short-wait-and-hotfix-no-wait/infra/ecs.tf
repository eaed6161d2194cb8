variable "environments" {
  type    = set(string)
  default = ["production"]
}

resource "aws_ecs_service" "scheduler_api" {
  for_each = var.environments

  name            = "scheduler-api"
  cluster         = "marigold-${each.key}"
  task_definition = "scheduler-api"
  desired_count   = 3
  launch_type     = "FARGATE"

  deployment_minimum_healthy_percent = 100
  deployment_maximum_percent         = 200
  health_check_grace_period_seconds  = 180

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }

  load_balancer {
    target_group_arn = "arn:aws:elasticloadbalancing:us-west-2:733001982245:targetgroup/scheduler-api/0b3c1f9d2e8a7b64"
    container_name   = "scheduler-api"
    container_port   = 8080
  }

  network_configuration {
    subnets         = ["subnet-0aa1b2c3d4e5f6a71", "subnet-0aa1b2c3d4e5f6a72"]
    security_groups = ["sg-07e3c5b1a2d4f6e80"]
  }

  lifecycle {
    ignore_changes = [task_definition, desired_count]
  }
}

# The reminder sender runs from an EventBridge schedule, not as a service.
resource "aws_scheduler_schedule" "reminders" {
  name                = "scheduler-reminders"
  schedule_expression = "cron(*/10 * * * ? *)"

  flexible_time_window {
    mode = "OFF"
  }

  target {
    arn      = "arn:aws:ecs:us-west-2:733001982245:cluster/marigold-production"
    role_arn = "arn:aws:iam::733001982245:role/scheduler-eventbridge"

    ecs_parameters {
      task_definition_arn = "arn:aws:ecs:us-west-2:733001982245:task-definition/scheduler-reminders"
      launch_type         = "FARGATE"
      network_configuration {
        subnets = ["subnet-0aa1b2c3d4e5f6a71"]
      }
    }
  }
}
