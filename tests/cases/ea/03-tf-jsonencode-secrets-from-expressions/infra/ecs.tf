variable "db_password" {
  description = "Master password of the reports database"
  type        = string
  sensitive   = true
}

variable "image_tag" {
  type = string
}

resource "random_password" "redis_auth" {
  length  = 32
  special = false
}

resource "aws_secretsmanager_secret" "mapbox" {
  name = "reports/mapbox-token"
}

data "aws_secretsmanager_secret_version" "stripe" {
  secret_id = "reports/stripe"
}

resource "aws_ssm_parameter" "db_password" {
  name  = "/reports/db/password"
  type  = "SecureString"
  value = var.db_password
}

resource "aws_ecs_task_definition" "reports" {
  family                   = "reports"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 512
  memory                   = 2048
  execution_role_arn       = aws_iam_role.reports_execution.arn
  task_role_arn            = aws_iam_role.reports_task.arn

  container_definitions = jsonencode([
    {
      name      = "reports"
      image     = "${aws_ecr_repository.reports.repository_url}:${var.image_tag}"
      essential = true
      portMappings = [
        { containerPort = 3000, protocol = "tcp" }
      ]
      environment = [
        { name = "RAILS_ENV", value = "production" },
        { name = "DB_HOST", value = aws_db_instance.reports.address },
        { name = "DB_PASSWORD", value = var.db_password },
        { name = "DB_PASSWORD_PARAM", value = aws_ssm_parameter.db_password.name },
        { name = "MAPBOX_TOKEN_SECRET_ARN", value = aws_secretsmanager_secret.mapbox.arn },
        { name = "RAILS_LOG_TO_STDOUT", value = "true" },
        { name = "REDIS_URL", value = "rediss://:${random_password.redis_auth.result}@${aws_elasticache_replication_group.reports.primary_endpoint_address}:6379/0" },
        { name = "SIDEKIQ_CONCURRENCY", value = "10" },
        { name = "STRIPE_API_KEY", value = jsondecode(data.aws_secretsmanager_secret_version.stripe.secret_string)["api_key"] },
        { name = "AWS_REGION", value = "ap-southeast-2" },
      ]
      secrets = [
        { name = "SECRET_KEY_BASE", valueFrom = "${aws_secretsmanager_secret.rails.arn}:secret_key_base::" },
      ]
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          awslogs-group         = aws_cloudwatch_log_group.reports.name
          awslogs-region        = "ap-southeast-2"
          awslogs-stream-prefix = "reports"
        }
      }
    }
  ])
}
