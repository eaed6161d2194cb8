resource "aws_ecr_repository" "telemetry" {
  name                 = "telemetry"
  image_tag_mutability = "IMMUTABLE"

  image_scanning_configuration {
    scan_on_push = true
  }
}

resource "aws_cloudwatch_log_group" "telemetry" {
  name              = "/ecs/telemetry"
  retention_in_days = 14
}

resource "aws_ecs_task_definition" "telemetry" {
  family                   = "telemetry"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = "1024"
  memory                   = "2048"
  execution_role_arn       = aws_iam_role.execution.arn
  task_role_arn            = aws_iam_role.task.arn

  container_definitions = jsonencode([
    {
      name      = "collector"
      image     = "${aws_ecr_repository.telemetry.repository_url}:${var.image_tag}"
      essential = true
      portMappings = [
        { containerPort = 4317, protocol = "tcp" }
      ]
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          "awslogs-group"         = aws_cloudwatch_log_group.telemetry.name
          "awslogs-region"        = var.region
          "awslogs-stream-prefix" = "collector"
        }
      }
    }
  ])
}
