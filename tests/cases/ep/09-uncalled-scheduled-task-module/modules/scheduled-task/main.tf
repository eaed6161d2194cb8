# Scheduled one-off jobs (EventBridge -> ECS RunTask on Fargate).
# Not wired into main.tf yet: the nightly jobs still run from cron on the
# legacy box until the migration ticket lands.

data "aws_region" "current" {}

resource "aws_cloudwatch_log_group" "job" {
  name              = "/ecs/jobs/${var.name}"
  retention_in_days = 14
}

resource "aws_ecs_task_definition" "job" {
  family                   = "job-${var.name}"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "bridge"
  cpu                      = 512
  memory                   = 1024
  execution_role_arn       = aws_iam_role.execution.arn

  container_definitions = jsonencode([{
    name      = "job"
    image     = "${var.image_repository}:${var.image_tag}"
    essential = true
    command   = var.command
    logConfiguration = {
      logDriver = "awslogs"
      options = {
        awslogs-group         = aws_cloudwatch_log_group.job.name
        awslogs-region        = data.aws_region.current.name
        awslogs-stream-prefix = "job"
      }
    }
  }])
}

resource "aws_cloudwatch_event_rule" "schedule" {
  name                = "job-${var.name}"
  schedule_expression = var.schedule_expression
}

resource "aws_cloudwatch_event_target" "run" {
  rule     = aws_cloudwatch_event_rule.schedule.name
  arn      = var.cluster_arn
  role_arn = aws_iam_role.events.arn

  ecs_target {
    task_definition_arn = aws_ecs_task_definition.job.arn
    launch_type         = "FARGATE"
    task_count          = 1

    network_configuration {
      subnets         = var.subnet_ids
      security_groups = var.security_group_ids
    }
  }
}
