variable "image_tag" {
  description = "Image tag to deploy; CI overrides it with the commit SHA"
  type        = string
  default     = "latest"
}

variable "aws_region" {
  type    = string
  default = "eu-west-1"
}

resource "aws_ecr_repository" "api" {
  name                 = "billing-api"
  image_tag_mutability = "IMMUTABLE"
}

resource "aws_cloudwatch_log_group" "api" {
  name              = "/ecs/billing-api"
  retention_in_days = 30
}

resource "aws_iam_role" "execution" {
  name = "billing-api-execution"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "ecs-tasks.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
}

locals {
  container_defaults = {
    essential = true
    logConfiguration = {
      logDriver = "awslogs"
      options = {
        awslogs-group         = aws_cloudwatch_log_group.api.name
        awslogs-region        = var.aws_region
        awslogs-stream-prefix = "api"
      }
    }
    ulimits = [{ name = "nofile", softLimit = 65536, hardLimit = 65536 }]
  }
}

resource "aws_ecs_task_definition" "api" {
  family                   = "billing-api"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 512
  memory                   = 1024
  execution_role_arn       = aws_iam_role.execution.arn

  container_definitions = jsonencode([
    merge(local.container_defaults, {
      name         = "api"
      image        = "${aws_ecr_repository.api.repository_url}:${var.image_tag}"
      portMappings = [{ containerPort = 8080, protocol = "tcp" }]
    })
  ])
}
