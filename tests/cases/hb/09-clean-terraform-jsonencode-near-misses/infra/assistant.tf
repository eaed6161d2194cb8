locals {
  name = "support-assistant"
  env  = "prod"
}

resource "aws_secretsmanager_secret" "app" {
  name = "${local.name}/${local.env}/app"
}

resource "aws_ssm_parameter" "db_password" {
  name  = "/${local.name}/${local.env}/db-password"
  type  = "SecureString"
  value = "placeholder-rotated-out-of-band"

  lifecycle {
    ignore_changes = [value]
  }
}

resource "aws_kms_key" "app" {
  description = "${local.name} envelope encryption"
}

data "aws_iam_role" "execution" {
  name = "${local.name}-execution"
}

data "aws_iam_role" "task" {
  name = "${local.name}-task"
}

resource "aws_ecs_task_definition" "assistant" {
  family                   = local.name
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 2048
  memory                   = 4096
  execution_role_arn       = data.aws_iam_role.execution.arn
  task_role_arn            = data.aws_iam_role.task.arn

  container_definitions = jsonencode([
    {
      name      = "assistant"
      image     = "603877412095.dkr.ecr.us-east-1.amazonaws.com/support-assistant@sha256:4b1f0c2d9e8a7b6c5d4e3f2a1b0c9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a3b2c"
      essential = true
      portMappings = [{ containerPort = 8080 }]
      environment = [
        { name = "OPENAI_MAX_TOKENS", value = "4096" },
        { name = "API_KEY_HEADER", value = "X-Api-Key" },
        { name = "PASSWORD_HASH_ROUNDS", value = "12" },
        { name = "DB_PASSWORD_PARAMETER", value = aws_ssm_parameter.db_password.name },
        { name = "APP_SECRETS_ARN", value = aws_secretsmanager_secret.app.arn },
        { name = "ENCRYPTION_KEY_ID", value = aws_kms_key.app.key_id },
        { name = "DATABASE_URL", value = "postgresql://assistant@support-db.internal:5432/assistant?sslmode=require" },
        { name = "NODE_EXTRA_CA_CERTS", value = "/etc/ssl/certs/internal-root-ca.pem" },
        { name = "SESSION_SECRET_ROTATION_DAYS", value = "30" },
        { name = "OAUTH_JWKS_URI", value = "https://login.support.example.com/.well-known/jwks.json" }
      ]
      secrets = [
        { name = "OPENAI_API_KEY", valueFrom = "${aws_secretsmanager_secret.app.arn}:OPENAI_API_KEY::" },
        { name = "ZENDESK_API_TOKEN", valueFrom = "${aws_secretsmanager_secret.app.arn}:ZENDESK_API_TOKEN::" },
        { name = "PGPASSWORD", valueFrom = aws_ssm_parameter.db_password.arn }
      ]
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          awslogs-group         = "/ecs/${local.name}"
          awslogs-region        = "us-east-1"
          awslogs-stream-prefix = "app"
        }
      }
    }
  ])
}
