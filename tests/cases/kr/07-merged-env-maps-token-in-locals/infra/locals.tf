locals {
  service = "helpdesk-api"
  region  = "us-east-2"

  common_env = {
    LOG_LEVEL                   = "info"
    OTEL_EXPORTER_OTLP_ENDPOINT = "http://localhost:4317"
    OTEL_SERVICE_NAME           = local.service
  }

  api_env = {
    PORT                       = "8000"
    WEB_CONCURRENCY            = "4"
    PASSWORD_RESET_TTL_MINUTES = "30"
    SESSION_TOKEN_TTL          = "3600"
    DB_PASSWORD_SECRET_ARN     = aws_secretsmanager_secret.db.arn
    STRIPE_PUBLISHABLE_KEY     = "pk_live_51NqZ2KHbW7x3mLpQeT9vR0aYcD4sF6gH8jK1lM3nP5qS7uV9wX2yZ4bC6dE8fG0hJ"
    INTERCOM_ACCESS_TOKEN      = "dG9rOjU3ZjFhOGM0XzlkMmVfNDFiM184YzdhXzFlNmQwYjNmMmE5NDoxOjA="
  }

  api_secrets = {
    DATABASE_PASSWORD = aws_secretsmanager_secret.db.arn
    STRIPE_SECRET_KEY = "arn:aws:ssm:us-east-2:664411225588:parameter/helpdesk/stripe-secret-key"
  }
}
