data "aws_ecr_repository" "sync" {
  name = "ledger-sync"
}

data "aws_ecr_image" "sync" {
  repository_name = data.aws_ecr_repository.sync.name
  image_tag       = var.release
}

resource "aws_ecs_task_definition" "sync" {
  family                   = "ledger-sync"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 256
  memory                   = 2048
  execution_role_arn       = "arn:aws:iam::903184527716:role/ledger-sync-execution"

  container_definitions = jsonencode([
    {
      name      = "sync"
      image     = "${data.aws_ecr_repository.sync.repository_url}@${data.aws_ecr_image.sync.image_digest}"
      essential = true
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          "awslogs-group"         = "/ecs/ledger-sync"
          "awslogs-region"        = "us-east-1"
          "awslogs-stream-prefix" = "sync"
        }
      }
    }
  ])
}

variable "release" {
  type        = string
  description = "Release tag (vX.Y.Z) to deploy; resolved to its digest above"
}
