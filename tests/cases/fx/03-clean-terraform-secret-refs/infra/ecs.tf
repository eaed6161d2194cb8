variable "image_tag" {
  type        = string
  description = "Git commit SHA of the image to run"
}

resource "aws_secretsmanager_secret" "db" {
  name = "prod/catalog/db"
}

resource "aws_ssm_parameter" "redis_auth" {
  name  = "/prod/catalog/redis-auth-token"
  type  = "SecureString"
  value = "placeholder-rotated-out-of-band"

  lifecycle {
    ignore_changes = [value]
  }
}

resource "aws_cloudwatch_log_group" "catalog" {
  name              = "/ecs/catalog"
  retention_in_days = 30
}

resource "aws_ecs_task_definition" "catalog" {
  family                   = "catalog"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = "512"
  memory                   = "1024"
  execution_role_arn       = aws_iam_role.catalog_execution.arn
  task_role_arn            = aws_iam_role.catalog_task.arn

  container_definitions = jsonencode([
    {
      name      = "catalog"
      image     = "${aws_ecr_repository.catalog.repository_url}:${var.image_tag}"
      essential = true
      portMappings = [{ containerPort = 8000, protocol = "tcp" }]

      environment = [
        { name = "DJANGO_SETTINGS_MODULE", value = "catalog.settings.prod" },
        { name = "DATABASE_URL", value = "postgres://catalog@${aws_db_instance.catalog.address}:5432/catalog?sslmode=require" },
        { name = "DB_SECRET_ARN", value = aws_secretsmanager_secret.db.arn },
        { name = "REDIS_AUTH_TOKEN_PARAMETER", value = aws_ssm_parameter.redis_auth.name },
        { name = "REDIS_URL", value = "rediss://${aws_elasticache_replication_group.catalog.primary_endpoint_address}:6379/0" },
        { name = "AUTH_TOKEN_TTL_SECONDS", value = "900" },
        { name = "CSRF_COOKIE_SECURE", value = "True" },
        { name = "SECRET_KEY_FALLBACKS", value = "" },
      ]

      secrets = [
        { name = "DJANGO_SECRET_KEY", valueFrom = "${aws_secretsmanager_secret.db.arn}:django_secret_key::" },
        { name = "DB_PASSWORD", valueFrom = "${aws_secretsmanager_secret.db.arn}:password::" },
        { name = "REDIS_AUTH_TOKEN", valueFrom = aws_ssm_parameter.redis_auth.arn },
      ]

      logConfiguration = {
        logDriver = "awslogs"
        options = {
          awslogs-group         = aws_cloudwatch_log_group.catalog.name
          awslogs-region        = "eu-west-1"
          awslogs-stream-prefix = "catalog"
        }
      }
    }
  ])
}
