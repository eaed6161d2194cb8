resource "aws_iam_role" "exec" {
  name = "fernhill-execution"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "ecs-tasks.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
}

resource "aws_ecs_task_definition" "reindex" {
  family                   = "fernhill-reindex"
  requires_compatibilities = ["FARGATE"]
  cpu                      = "2048"
  memory                   = "4096"
  execution_role_arn       = aws_iam_role.exec.arn

  container_definitions = jsonencode([
    {
      name      = "reindex"
      image     = "public.ecr.aws/docker/library/python:3.12.4-slim"
      essential = true
      command   = ["python", "-m", "fernhill.reindex"]
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          awslogs-group         = "/ecs/fernhill-reindex"
          awslogs-region        = var.region
          awslogs-stream-prefix = "reindex"
        }
      }
    }
  ])
}

resource "aws_ecs_task_definition" "export" {
  family                   = "fernhill-export"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 512
  memory                   = 3072
  execution_role_arn       = aws_iam_role.exec.arn

  container_definitions = jsonencode([
    {
      name      = "export"
      image     = "public.ecr.aws/docker/library/python:3.12.4-slim"
      essential = true
      secrets = [
        { name = "EXPORT_BUCKET_TOKEN", valueFrom = "arn:aws:secretsmanager:eu-west-1:264810375921:secret:fernhill/export-Tk21Pa" }
      ]
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          awslogs-group         = "/ecs/fernhill-export"
          awslogs-region        = var.region
          awslogs-stream-prefix = "export"
        }
      }
    }
  ])
}

resource "aws_ecs_task_definition" "proxy" {
  family       = "fernhill-proxy"
  network_mode = "bridge"

  container_definitions = jsonencode([
    {
      name   = "envoy"
      image  = "envoyproxy/envoy@sha256:9b1c3e5a7d9f1b3c5e7a9d1f3b5c7e9a1d3f5b7c9e1a3d5f7b9c1e3a5d7f9b1c"
      memory = 256
      essential = true
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          awslogs-group         = "/ecs/fernhill-proxy"
          awslogs-region        = var.region
          awslogs-stream-prefix = "envoy"
        }
      }
    }
  ])
}
