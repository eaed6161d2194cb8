resource "aws_ecr_repository" "ledger_sync" {
  name                 = local.service
  image_tag_mutability = "IMMUTABLE"
}

resource "aws_cloudwatch_log_group" "ledger_sync" {
  name              = "/ecs/${local.service}"
  retention_in_days = 30
}

resource "aws_ecs_task_definition" "ledger_sync" {
  family                   = local.service
  network_mode             = "awsvpc"
  requires_compatibilities = ["FARGATE"]
  cpu                      = "256"
  memory                   = "512"
  execution_role_arn       = aws_iam_role.execution.arn
  task_role_arn            = aws_iam_role.task.arn

  container_definitions = jsonencode([
    {
      name      = local.service
      image     = "${aws_ecr_repository.ledger_sync.repository_url}:0b7e3c9a1f5d2e8b4c6a0f3d7e9b1c5a2d8f4e6b"
      essential = true
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          awslogs-group         = aws_cloudwatch_log_group.ledger_sync.name
          awslogs-region        = local.region
          awslogs-stream-prefix = "sync"
        }
      }
    }
  ])
}
