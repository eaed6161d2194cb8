resource "aws_ecr_repository" "scheduler" {
  name                 = "scheduler"
  image_tag_mutability = "MUTABLE"
}

resource "aws_cloudwatch_log_group" "scheduler" {
  name              = "/ecs/scheduler"
  retention_in_days = 30
}

resource "aws_ecs_task_definition" "scheduler" {
  family                   = "scheduler"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 256
  memory                   = 512
  execution_role_arn       = "arn:aws:iam::693147180559:role/scheduler-execution"

  container_definitions = jsonencode([
    {
      name      = "scheduler"
      image     = aws_ecr_repository.scheduler.repository_url
      essential = true
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          awslogs-group         = aws_cloudwatch_log_group.scheduler.name
          awslogs-region        = "us-east-2"
          awslogs-stream-prefix = "scheduler"
        }
      }
    }
  ])
}
