locals {
  registry = "906512347788.dkr.ecr.ap-southeast-2.amazonaws.com"
  log_opts = {
    "awslogs-group"         = "/ecs/search"
    "awslogs-region"        = "ap-southeast-2"
    "awslogs-stream-prefix" = "search"
  }
}

variable "release" {
  type = string
}

# Sizes only on the container: Fargate needs them at task level.
resource "aws_ecs_task_definition" "thumbnailer" {
  family                   = "search-thumbnailer"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  execution_role_arn       = "arn:aws:iam::906512347788:role/search-execution"

  container_definitions = jsonencode([
    {
      name      = "thumbnailer"
      image     = "${local.registry}/search-thumbnailer:${var.release}"
      cpu       = 256
      memory    = 512
      essential = true
      logConfiguration = {
        logDriver = "awslogs"
        options   = local.log_opts
      }
    }
  ])
}

resource "aws_ecs_task_definition" "indexer" {
  family                   = "search-indexer"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 8192
  memory                   = 18432
  execution_role_arn       = "arn:aws:iam::906512347788:role/search-execution"

  container_definitions = jsonencode([
    {
      name      = "indexer"
      image     = "${local.registry}/search-indexer:${var.release}"
      essential = true
      logConfiguration = {
        logDriver = "awslogs"
        options   = local.log_opts
      }
    }
  ])
}

resource "aws_ecs_task_definition" "reranker" {
  family                   = "search-reranker"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = "16384"
  memory                   = "40960"
  execution_role_arn       = "arn:aws:iam::906512347788:role/search-execution"

  container_definitions = jsonencode([
    {
      name      = "reranker"
      image     = "${local.registry}/search-reranker:${var.release}"
      essential = true
      logConfiguration = {
        logDriver = "awslogs"
        options   = local.log_opts
      }
    }
  ])
}

resource "aws_ecs_task_definition" "reporter" {
  family                   = "search-reporter"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 4096
  memory                   = 30720
  execution_role_arn       = "arn:aws:iam::906512347788:role/search-execution"

  container_definitions = jsonencode([
    {
      name      = "reporter"
      image     = "${local.registry}/search-reporter:${var.release}"
      essential = true
      logConfiguration = {
        logDriver = "awslogs"
        options   = local.log_opts
      }
    }
  ])
}

resource "aws_ecs_task_definition" "exporter" {
  family                   = "search-exporter"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 2048
  memory                   = 17408
  execution_role_arn       = "arn:aws:iam::906512347788:role/search-execution"

  container_definitions = jsonencode([
    {
      name      = "exporter"
      image     = "${local.registry}/search-exporter:${var.release}"
      essential = true
      logConfiguration = {
        logDriver = "awslogs"
        options   = local.log_opts
      }
    }
  ])
}
