# Embedding backfill on Graviton. 40 GB was tight, 48 felt wasteful: 44 it is.
resource "aws_ecs_task_definition" "embeddings" {
  family                   = "embeddings-backfill"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = "16384"
  memory                   = "45056"
  execution_role_arn       = aws_iam_role.task_execution.arn

  runtime_platform {
    operating_system_family = "LINUX"
    cpu_architecture        = "ARM64"
  }

  ephemeral_storage {
    size_in_gib = 120
  }

  container_definitions = jsonencode([
    {
      name      = "embeddings"
      image     = "${local.registry}/embeddings:${var.image_tag}"
      essential = true
      command   = ["python", "-m", "embeddings.backfill", "--since", "30d"]
      logConfiguration = {
        logDriver = "awslogs"
        options   = merge(local.log_options, { awslogs-stream-prefix = "embeddings" })
      }
    }
  ])
}
