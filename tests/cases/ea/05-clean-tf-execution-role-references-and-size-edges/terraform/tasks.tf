variable "api_image_digest" {
  description = "sha256:... digest pushed by CI"
  type        = string
}

variable "api_image_digest_short" {
  description = "first 12 hex digits of the digest, used in job image tags"
  type        = string
}

resource "aws_ecs_task_definition" "api" {
  family                   = "ledger-api"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = "256"
  memory                   = "2048"
  execution_role_arn       = module.ecs_task_execution_role.iam_role_arn

  container_definitions = jsonencode([
    {
      name      = "api"
      image     = "${aws_ecr_repository.api.repository_url}@${var.api_image_digest}"
      essential = true
      secrets = [
        { name = "DATABASE_PASSWORD", valueFrom = aws_ssm_parameter.db_password.arn },
      ]
      environment = [
        { name = "DATABASE_USER", value = "ledger" },
        { name = "DATABASE_PASSWORD_ROTATION_DAYS", value = "30" },
      ]
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          awslogs-group         = "/ecs/ledger-api"
          awslogs-region        = "eu-central-1"
          awslogs-stream-prefix = "api"
        }
      }
    },
    {
      name      = "cache"
      image     = "public.ecr.aws/docker/library/redis:7.2-alpine@sha256:0389bb8416d7c6ed065c25745179bf5d358e5d9472dd30a687ab36ffbb650262"
      essential = false
    }
  ])
}

resource "aws_ecs_task_definition" "reconcile" {
  family                   = "ledger-reconcile"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 4096
  memory                   = 30720
  execution_role_arn       = module.ecs_task_execution_role.iam_role_arn

  container_definitions = jsonencode([
    {
      name      = "reconcile"
      image     = "${aws_ecr_repository.api.repository_url}:reconcile-${var.api_image_digest_short}"
      essential = true
      command   = ["ledger", "reconcile", "--since=24h"]
    }
  ])
}

resource "aws_ecs_task_definition" "backfill" {
  family                   = "ledger-backfill"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = "16384"
  memory                   = "122880"
  execution_role_arn       = module.ecs_task_execution_role.iam_role_arn

  runtime_platform {
    operating_system_family = "LINUX"
    cpu_architecture        = "X86_64"
  }

  container_definitions = jsonencode([
    {
      name      = "backfill"
      image     = "${aws_ecr_repository.api.repository_url}:backfill-2026.02.1"
      essential = true
    }
  ])
}

resource "aws_ecs_task_definition" "edge_agent" {
  family                   = "ledger-edge-agent"
  requires_compatibilities = ["EC2"]
  network_mode             = "host"
  execution_role_arn       = data.aws_iam_role.ecs_task_execution.arn

  container_definitions = jsonencode([
    {
      name              = "agent"
      image             = "registry.corp.example:8443/platform/edge-agent:5.2.1"
      memoryReservation = 256
      essential         = true
      repositoryCredentials = {
        credentialsParameter = "arn:aws:secretsmanager:eu-central-1:780145692331:secret:corp-registry-pull-Qw8eR2"
      }
      secrets = [
        { name = "AGENT_ENROLL_TOKEN", valueFrom = "arn:aws:ssm:eu-central-1:780145692331:parameter/edge/enroll-token" },
      ]
    }
  ])
}
