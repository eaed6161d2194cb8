locals {
  image = "529184736205.dkr.ecr.us-east-2.amazonaws.com/catalog:${var.image_tag}"

  common_secrets = [
    { name = "DATABASE_PASSWORD", valueFrom = "arn:aws:secretsmanager:us-east-2:529184736205:secret:catalog/prod/db-7YbQ2e:password::" },
    { name = "OPENSEARCH_PASSWORD", valueFrom = "/catalog/prod/opensearch/master-password" },
  ]

  log_options = {
    "awslogs-group"         = "/ecs/catalog-${var.environment}"
    "awslogs-region"        = "us-east-2"
    "awslogs-stream-prefix" = "catalog"
  }
}

resource "aws_ecs_task_definition" "api" {
  family                   = "catalog-api"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 1024
  memory                   = 2048
  execution_role_arn       = module.ecs_task_execution_role.iam_role_arn

  container_definitions = jsonencode([{
    name         = "api"
    image        = local.image
    essential    = true
    portMappings = [{ containerPort = 8080 }]
    secrets      = local.common_secrets
    logConfiguration = { logDriver = "awslogs", options = local.log_options }
  }])
}

resource "aws_ecs_task_definition" "image_resizer" {
  family                   = "catalog-image-resizer"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 512
  memory                   = 1024
  execution_role_arn       = data.aws_iam_role.ecs_task_execution.arn

  container_definitions = jsonencode([{
    name      = "resizer"
    image     = "ghcr.io/acme-commerce/imgproxy-fork:v3.25.0-acme2"
    essential = true
    repositoryCredentials = {
      credentialsParameter = "arn:aws:secretsmanager:us-east-2:529184736205:secret:ghcr/acme-commerce-pull-Jr4n8S"
    }
    logConfiguration = { logDriver = "awslogs", options = local.log_options }
  }])
}

resource "aws_ecs_task_definition" "reindex" {
  family                   = "catalog-reindex"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 2048
  memory                   = 4096
  task_role_arn            = aws_iam_role.reindex.arn

  container_definitions = jsonencode([{
    name      = "reindex"
    image     = local.image
    essential = true
    command   = ["bin/rails", "search:reindex"]
    secrets   = local.common_secrets
    logConfiguration = { logDriver = "awslogs", options = local.log_options }
  }])
}

resource "aws_ecs_task_definition" "sitemap" {
  family                   = "catalog-sitemap"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 256
  memory                   = 512
  execution_role_arn       = var.sitemap_execution_role_arn
  task_role_arn            = aws_iam_role.reindex.arn

  container_definitions = jsonencode([{
    name      = "sitemap"
    image     = local.image
    essential = true
    command   = ["bin/rails", "sitemap:refresh"]
    secrets   = [local.common_secrets[0]]
    logConfiguration = { logDriver = "awslogs", options = local.log_options }
  }])
}
