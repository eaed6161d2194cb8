# Nightly scheduler moved from the EC2 cluster to Fargate in PLAT-2291.
resource "aws_ecs_task_definition" "scheduler" {
  family                   = "scheduler"
  requires_compatibilities = ["FARGATE"]
  cpu                      = 256
  memory                   = 512
  execution_role_arn       = aws_iam_role.ecs_execution.arn

  container_definitions = jsonencode([
    {
      name      = "scheduler"
      image     = "${aws_ecr_repository.scheduler.repository_url}:${var.release}"
      essential = true
      command   = ["python", "-m", "scheduler.run"]
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          awslogs-group         = "/ecs/scheduler"
          awslogs-region        = var.region
          awslogs-stream-prefix = "scheduler"
        }
      }
    }
  ])
}
