data "aws_caller_identity" "current" {}

data "aws_iam_role" "execution" {
  name = "bookings-${var.env}-execution"
}

data "aws_iam_role" "task" {
  name = "bookings-${var.env}-task"
}

data "aws_secretsmanager_secret" "database_url" {
  name = "bookings/${var.env}/database-url"
}

data "aws_secretsmanager_secret" "jwt_signing_key" {
  name = "bookings/${var.env}/jwt-signing-key"
}

data "aws_ssm_parameter" "datadog_api_key" {
  name = "/platform/datadog/api-key"
}

resource "aws_cloudwatch_log_group" "bookings" {
  name              = "/ecs/bookings-${var.env}"
  retention_in_days = 30
}

resource "aws_ecs_task_definition" "bookings" {
  family                   = "bookings-${var.env}"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = var.cpu
  memory                   = var.memory
  execution_role_arn       = data.aws_iam_role.execution.arn
  task_role_arn            = data.aws_iam_role.task.arn

  container_definitions = templatefile("${path.module}/templates/containers.json.tpl", {
    name      = "bookings"
    env       = var.env
    region    = var.region
    image     = "${data.aws_caller_identity.current.account_id}.dkr.ecr.${var.region}.amazonaws.com/bookings:${var.image_tag}"
    port      = 8000
    log_group = aws_cloudwatch_log_group.bookings.name
    environment = [
      { name = "APP_ENV", value = var.env },
      { name = "JWT_ISSUER", value = "https://auth.bookings.example" },
      { name = "JWT_SIGNING_KEY_ARN", value = data.aws_secretsmanager_secret.jwt_signing_key.arn },
      { name = "TOKEN_TTL", value = "3600" },
    ]
    secrets = [
      { name = "DATABASE_URL", valueFrom = data.aws_secretsmanager_secret.database_url.arn },
      { name = "JWT_SIGNING_KEY", valueFrom = data.aws_secretsmanager_secret.jwt_signing_key.arn },
    ]
    enable_datadog      = var.enable_datadog
    datadog_api_key_arn = data.aws_ssm_parameter.datadog_api_key.arn
  })
}
