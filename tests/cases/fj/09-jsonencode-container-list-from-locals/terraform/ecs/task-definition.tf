locals {
  family = "media-api"

  containers = {
    api = {
      image     = "${aws_ecr_repository.media_api.repository_url}:${var.release}"
      essential = true
      port      = 8080
      environment = {
        MEDIA_BUCKET   = "pinegrove-media-prod"
        LOG_LEVEL      = "info"
        STRIPE_API_KEY = "sk_live_51NfQ2bKx8Yc3RtLmA0pZ9wE7vU4sD6hJqTg"
      }
    }
    otel = {
      image       = "public.ecr.aws/aws-observability/aws-otel-collector"
      essential   = false
      port        = 4317
      environment = {}
    }
  }

  container_definitions = [
    for name, c in local.containers : {
      name         = name
      image        = c.image
      essential    = c.essential
      portMappings = [{ containerPort = c.port, protocol = "tcp" }]
      environment  = [for k, v in c.environment : { name = k, value = v }]
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          awslogs-group         = "/ecs/${local.family}"
          awslogs-region        = var.aws_region
          awslogs-stream-prefix = name
        }
      }
    }
  ]
}

resource "aws_ecr_repository" "media_api" {
  name                 = local.family
  image_tag_mutability = "IMMUTABLE"
}

resource "aws_iam_role" "execution" {
  name = "${local.family}-execution"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "ecs-tasks.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
}

resource "aws_ecs_task_definition" "media_api" {
  family                   = local.family
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 256
  memory                   = 4096
  execution_role_arn       = aws_iam_role.execution.arn
  container_definitions    = jsonencode(local.container_definitions)
}
