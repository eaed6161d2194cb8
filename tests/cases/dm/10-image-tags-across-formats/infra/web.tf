variable "release" {
  description = "Release tag, passed by the pipeline"
  type        = string
}

locals {
  sidecar_tag = "latest"
}

resource "aws_ecr_repository" "web" {
  name                 = "plover-web"
  image_tag_mutability = "IMMUTABLE"
}

resource "aws_ecs_task_definition" "web" {
  family                   = "plover-web"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 512
  memory                   = 1024
  execution_role_arn       = "arn:aws:iam::139475820613:role/plover-web-execution"

  container_definitions = jsonencode([
    {
      name      = "web"
      image     = "${aws_ecr_repository.web.repository_url}:${var.release}"
      essential = true
    },
    {
      name      = "migrate"
      image     = aws_ecr_repository.web.repository_url
      essential = false
      command   = ["./bin/migrate"]
    },
    {
      name      = "log-router"
      image     = format("%s:%s", "public.ecr.aws/aws-observability/aws-for-fluent-bit", local.sidecar_tag)
      essential = true
    },
    {
      name      = "cache"
      image     = "docker.io/library/redis:7.4-alpine"
      essential = false
    }
  ])
}
