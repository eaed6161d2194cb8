locals {
  name       = "clickstream"
  aws_region = "eu-central-1"
  account_id = "482910573316"
  registry   = "${local.account_id}.dkr.ecr.${local.aws_region}.amazonaws.com"

  # Pinned by digest by the release pipeline (scripts/bump-image.sh)
  ingest_image = "${local.registry}/clickstream-ingest@sha256:bcaaaa3bf1ca19631fb34f2603a4e9b471bb116340b7add727893e232a3ffd1d"
  fluent_bit   = "public.ecr.aws/aws-observability/aws-for-fluent-bit:2.32.2"
}

resource "aws_cloudwatch_log_group" "ingest" {
  name              = "/ecs/${local.name}-ingest"
  retention_in_days = 30
}

resource "aws_iam_role" "execution" {
  name = "${local.name}-execution"
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

resource "aws_iam_role" "task" {
  name = "${local.name}-task"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "ecs-tasks.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
}

resource "aws_ecs_task_definition" "ingest" {
  family                   = "${local.name}-ingest"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 16384
  memory                   = 122880
  execution_role_arn       = aws_iam_role.execution.arn
  task_role_arn            = aws_iam_role.task.arn

  runtime_platform {
    operating_system_family = "LINUX"
    cpu_architecture        = "ARM64"
  }

  ephemeral_storage {
    size_in_gib = 100
  }

  container_definitions = jsonencode([
    {
      name      = "ingest"
      image     = local.ingest_image
      essential = true
      portMappings = [{ containerPort = 8080, protocol = "tcp" }]
      environment = [
        { name = "KAFKA_SASL_MECHANISM", value = "AWS_MSK_IAM" },
        { name = "TOKEN_AUDIENCE", value = "clickstream-ingest" },
        { name = "SECRETS_CACHE_TTL_SECONDS", value = "300" },
        { name = "JVM_MAX_HEAP", value = "96g" },
      ]
      secrets = [
        { name = "HMAC_SIGNING_KEY", valueFrom = "arn:aws:secretsmanager:${local.aws_region}:${local.account_id}:secret:clickstream/hmac-Qw3rTy:signing_key::" },
        { name = "SCHEMA_REGISTRY_PASSWORD", valueFrom = "arn:aws:ssm:${local.aws_region}:${local.account_id}:parameter/clickstream/schema-registry/password" },
      ]
      logConfiguration = {
        logDriver = "awsfirelens"
        options = {
          Name              = "cloudwatch_logs"
          region            = local.aws_region
          log_group_name    = aws_cloudwatch_log_group.ingest.name
          log_stream_prefix = "ingest/"
          auto_create_group = "false"
        }
      }
      dependsOn = [{ containerName = "log_router", condition = "START" }]
    },
    {
      name      = "log_router"
      image     = local.fluent_bit
      essential = true
      firelensConfiguration = {
        type    = "fluentbit"
        options = { "enable-ecs-log-metadata" = "true" }
      }
      memoryReservation = 100
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          awslogs-group         = aws_cloudwatch_log_group.ingest.name
          awslogs-region        = local.aws_region
          awslogs-stream-prefix = "firelens"
        }
      }
    },
  ])
}

resource "aws_ecs_task_definition" "compactor" {
  family                   = "${local.name}-compactor"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = "8 vCPU"
  memory                   = "60 GB"
  execution_role_arn       = aws_iam_role.execution.arn
  task_role_arn            = aws_iam_role.task.arn

  runtime_platform {
    operating_system_family = "LINUX"
    cpu_architecture        = "ARM64"
  }

  container_definitions = jsonencode([
    {
      name      = "compactor"
      image     = local.ingest_image
      essential = true
      command   = ["java", "-cp", "/app/ingest.jar", "io.clickstream.Compactor"]
      environment = [
        { name = "COMPACTION_WINDOW", value = "PT1H" },
        { name = "OUTPUT_BUCKET", value = "clickstream-parquet-${local.account_id}" },
      ]
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          awslogs-group         = aws_cloudwatch_log_group.ingest.name
          awslogs-region        = local.aws_region
          awslogs-stream-prefix = "compactor"
        }
      }
    },
  ])
}
