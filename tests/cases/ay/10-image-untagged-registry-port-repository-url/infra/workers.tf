resource "aws_ecr_repository" "atlas_worker" {
  name                 = "atlas-worker"
  image_tag_mutability = "IMMUTABLE"
}

resource "aws_ecr_repository" "atlas_cron" {
  name                 = "atlas-cron"
  image_tag_mutability = "MUTABLE"
}

resource "aws_ecs_task_definition" "atlas_worker" {
  family                   = "atlas-worker"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 512
  memory                   = 1024
  execution_role_arn       = "arn:aws:iam::129384756012:role/atlas-web-execution"

  container_definitions = jsonencode([
    {
      name      = "worker"
      image     = aws_ecr_repository.atlas_worker.repository_url
      essential = true
      command   = ["celery", "-A", "atlas", "worker"]
    },
    {
      name      = "beat"
      image     = "${aws_ecr_repository.atlas_cron.repository_url}:latest"
      essential = false
      command   = ["celery", "-A", "atlas", "beat"]
    },
    {
      name      = "exporter"
      image     = "public.ecr.aws/bitnami/celery-exporter@sha256:0a9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a1b0c9d8e7f6a5b4c3d2e1f0a9b"
      essential = false
    }
  ])
}
