data "aws_ecr_repository" "api" {
  name = "inventory-api"
}

data "aws_ecr_repository" "worker" {
  name = "inventory-worker"
}

locals {
  log_options = {
    "awslogs-group"  = "/ecs/inventory"
    "awslogs-region" = var.region
  }
}

resource "aws_ecs_task_definition" "api" {
  family                   = "inventory-api"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 1024
  memory                   = 2048
  execution_role_arn       = aws_iam_role.execution.arn
  task_role_arn            = aws_iam_role.api_task.arn

  container_definitions = jsonencode([
    {
      name      = "api"
      image     = data.aws_ecr_repository.api.repository_url
      essential = true
      portMappings = [
        { containerPort = 8080, protocol = "tcp" }
      ]
      logConfiguration = {
        logDriver = "awslogs"
        options   = merge(local.log_options, { "awslogs-stream-prefix" = "api" })
      }
    },
    {
      name      = "envoy"
      image     = "registry.gitlab.com/acme-retail/platform/envoy-proxy"
      essential = true
      portMappings = [
        { containerPort = 9901, protocol = "tcp" }
      ]
      logConfiguration = {
        logDriver = "awslogs"
        options   = merge(local.log_options, { "awslogs-stream-prefix" = "envoy" })
      }
    }
  ])
}

resource "aws_ecs_task_definition" "worker" {
  family                   = "inventory-worker"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 512
  memory                   = 1024
  execution_role_arn       = aws_iam_role.execution.arn
  task_role_arn            = aws_iam_role.worker_task.arn

  container_definitions = jsonencode([
    {
      name      = "worker"
      image     = "${data.aws_ecr_repository.worker.repository_url}:${var.worker_image_tag}"
      essential = true
      logConfiguration = {
        logDriver = "awslogs"
        options   = merge(local.log_options, { "awslogs-stream-prefix" = "worker" })
      }
    },
    {
      name      = "status-page"
      image     = "harbor.acme-retail.io:8443/library/nginx:latest"
      essential = false
      logConfiguration = {
        logDriver = "awslogs"
        options   = merge(local.log_options, { "awslogs-stream-prefix" = "status" })
      }
    }
  ])
}

variable "region" {
  type    = string
  default = "ca-central-1"
}

variable "worker_image_tag" {
  type        = string
  description = "Git SHA of the worker image, passed by the deploy job"
}
