# Outbound webhooks service: signs payloads with an Ed25519 key that partners
# verify with the published public key.

variable "release" {
  type        = string
  description = "Image tag (git SHA) set by the deploy pipeline"
}

data "aws_caller_identity" "current" {}

data "aws_ssm_parameter" "newrelic_license" {
  name = "/observability/newrelic/license-key"
}

resource "tls_private_key" "webhook_signing" {
  algorithm = "ED25519"
}

resource "aws_secretsmanager_secret" "webhook_signing_key" {
  name       = "webhooks/signing-key"
  kms_key_id = aws_kms_key.payload.arn
}

resource "aws_secretsmanager_secret_version" "webhook_signing_key" {
  secret_id     = aws_secretsmanager_secret.webhook_signing_key.id
  secret_string = tls_private_key.webhook_signing.private_key_pem
}

resource "aws_kms_key" "payload" {
  description         = "webhooks payload encryption"
  enable_key_rotation = true
}

resource "aws_iam_role" "execution" {
  name = "webhooks-execution"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "ecs-tasks.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
}

resource "aws_iam_role_policy_attachment" "execution" {
  role       = aws_iam_role.execution.name
  policy_arn = "arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy"
}

locals {
  image = "${data.aws_caller_identity.current.account_id}.dkr.ecr.eu-north-1.amazonaws.com/webhooks:${var.release}"
}

resource "aws_ecs_task_definition" "webhooks" {
  family                   = "webhooks"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = "1024"
  memory                   = "2048"
  execution_role_arn       = aws_iam_role.execution.arn

  container_definitions = jsonencode([
    {
      name      = "log_router"
      image     = "public.ecr.aws/aws-observability/aws-for-fluent-bit:2.32.4"
      essential = true
      firelensConfiguration = {
        type    = "fluentbit"
        options = { "enable-ecs-log-metadata" = "true" }
      }
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          "awslogs-group"         = "/ecs/webhooks/firelens"
          "awslogs-region"        = "eu-north-1"
          "awslogs-stream-prefix" = "router"
        }
      }
    },
    {
      name      = "db-migrate"
      image     = local.image
      essential = false
      command   = ["./bin/migrate", "up"]
      secrets = [
        { name = "DATABASE_URL", valueFrom = "arn:aws:ssm:eu-north-1:${data.aws_caller_identity.current.account_id}:parameter/webhooks/database-url" },
      ]
    },
    {
      name      = "webhooks"
      image     = local.image
      essential = true
      dependsOn = [
        { containerName = "db-migrate", condition = "SUCCESS" },
        { containerName = "log_router", condition = "START" },
      ]
      environment = [
        { name = "WEBHOOK_PUBLIC_KEY", value = tls_private_key.webhook_signing.public_key_pem },
        { name = "WEBHOOK_SIGNING_KEY_SECRET_ARN", value = aws_secretsmanager_secret.webhook_signing_key.arn },
        { name = "PAYLOAD_KMS_KEY_ID", value = aws_kms_key.payload.key_id },
        { name = "PARTNER_OAUTH_TOKEN_URL", value = "https://auth.partners.nordpay.example/oauth2/token" },
        { name = "OUTBOUND_TOKEN_TTL_SECONDS", value = "900" },
        { name = "SIGNATURE_HEADER", value = "X-Nordpay-Signature" },
      ]
      secrets = [
        { name = "WEBHOOK_SIGNING_KEY", valueFrom = aws_secretsmanager_secret.webhook_signing_key.arn },
        { name = "DATABASE_URL", valueFrom = "arn:aws:ssm:eu-north-1:${data.aws_caller_identity.current.account_id}:parameter/webhooks/database-url" },
      ]
      logConfiguration = {
        logDriver = "awsfirelens"
        options = {
          Name     = "newrelic"
          endpoint = "https://log-api.eu.newrelic.com/log/v1"
        }
        secretOptions = [
          { name = "licenseKey", valueFrom = data.aws_ssm_parameter.newrelic_license.arn },
        ]
      }
    },
    {
      name      = "xray-daemon"
      image     = "public.ecr.aws/xray/aws-xray-daemon:3.3.13"
      essential = false
      portMappings = [{ containerPort = 2000, protocol = "udp" }]
    },
  ])
}
