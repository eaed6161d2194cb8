locals {
  app_env = {
    RAILS_ENV                = "production"
    RAILS_LOG_TO_STDOUT      = "enabled"
    RAILS_SERVE_STATIC_FILES = "true"
    REDIS_URL                = "redis://${aws_elasticache_replication_group.reports.primary_endpoint_address}:6379/0"
    SENDGRID_API_KEY         = var.sendgrid_api_key
  }

  app_secrets = {
    RAILS_MASTER_KEY = var.master_key_secret_arn
  }
}

resource "aws_ecr_repository" "reports" {
  name                 = "reports-web"
  image_tag_mutability = "IMMUTABLE"
}

resource "aws_cloudwatch_log_group" "reports" {
  name              = "/ecs/reports-web"
  retention_in_days = 30
}

resource "aws_ecs_task_definition" "reports" {
  family                   = "reports-web"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 1024
  memory                   = 1024
  execution_role_arn       = var.execution_role_arn
  task_role_arn            = var.task_role_arn

  container_definitions = templatefile("${path.module}/templates/reports-web.json.tftpl", {
    image       = "${aws_ecr_repository.reports.repository_url}:${var.image_tag}"
    log_group   = aws_cloudwatch_log_group.reports.name
    region      = var.region
    environment = local.app_env
    secrets     = local.app_secrets
  })
}
