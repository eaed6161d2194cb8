data "aws_ssm_parameter" "db_password" {
  name = "/${var.env}/release-bot/db-password"
}

resource "random_id" "session" {
  byte_length = 48
}

resource "aws_secretsmanager_secret" "stripe_webhook" {
  name = "${var.env}/release-bot/stripe-webhook"
}

resource "aws_ecs_task_definition" "release_bot" {
  family                   = "release-bot-${var.env}"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 512
  memory                   = 1024
  execution_role_arn       = aws_iam_role.execution.arn
  task_role_arn            = aws_iam_role.task.arn

  container_definitions = jsonencode([
    {
      name      = "release-bot"
      image     = "${var.ecr_repository_url}:${var.image_tag}"
      essential = true
      portMappings = [
        { containerPort = 3000, protocol = "tcp" }
      ]
      environment = [
        { name = "NODE_ENV", value = "production" },
        { name = "DB_HOST", value = aws_db_instance.main.address },
        { name = "DB_PASSWORD", value = data.aws_ssm_parameter.db_password.value },
        { name = "DB_PASSWORD_PARAMETER", value = data.aws_ssm_parameter.db_password.name },
        { name = "GITHUB_APP_ID", value = "412987" },
        { name = "GITHUB_APP_PRIVATE_KEY", value = file("${path.module}/keys/github-app.pem") },
        { name = "STRIPE_WEBHOOK_SECRET_ARN", value = aws_secretsmanager_secret.stripe_webhook.arn },
        { name = "OAUTH_CLIENT_ID", value = var.oauth_client_id },
        { name = "SESSION_SECRET", value = random_id.session.b64_std },
        { name = "OAUTH_TOKEN_URL", value = "https://auth.acme-tools.io/oauth/token" },
        { name = "TOKEN_TTL_SECONDS", value = "3600" },
        { name = "MAPBOX_ACCESS_TOKEN", value = "pk.eyJ1IjoiYWNtZS10b29scyIsImEiOiJjbHoyeDlrNG4wYWJjMmpwcTdmdHRkZWdkIn0.Qm3xYt7Lk2Pw9Rz0VbN4cA" },
        { name = "LOG_LEVEL", value = "info" }
      ]
      secrets = [
        { name = "STRIPE_WEBHOOK_SECRET", valueFrom = aws_secretsmanager_secret.stripe_webhook.arn }
      ]
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          "awslogs-group"         = "/ecs/release-bot-${var.env}"
          "awslogs-region"        = var.region
          "awslogs-stream-prefix" = "bot"
        }
      }
    }
  ])
}
