data "aws_caller_identity" "current" {}

data "aws_ecs_cluster" "analytics" {
  cluster_name = var.cluster_name
}

data "aws_ecr_repository" "exporter" {
  name = "warehouse-exporter"
}

resource "aws_cloudwatch_log_group" "export" {
  name              = "/ecs/nightly-export"
  retention_in_days = 30
}

resource "aws_security_group" "export" {
  name        = "nightly-export"
  description = "Egress only: the exporter talks to Redshift and S3"
  vpc_id      = "vpc-0a1b2c3d4e5f60718"

  egress {
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_ecs_task_definition" "export" {
  family                   = "nightly-export"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 512
  memory                   = 4096
  execution_role_arn       = aws_iam_role.execution.arn
  task_role_arn            = aws_iam_role.task.arn

  runtime_platform {
    operating_system_family = "LINUX"
    cpu_architecture        = "ARM64"
  }

  container_definitions = jsonencode([
    {
      name      = "exporter"
      image     = "${data.aws_ecr_repository.exporter.repository_url}:${var.image_tag}"
      essential = true
      command   = ["python", "-m", "exporter.nightly", "--since", "24h"]
      environment = [
        { name = "EXPORT_BUCKET", value = var.export_bucket },
        { name = "EXPORT_FORMAT", value = "parquet" }
      ]
      secrets = [
        {
          name      = "WAREHOUSE_DSN"
          valueFrom = "arn:aws:ssm:${var.region}:${data.aws_caller_identity.current.account_id}:parameter/nightly-export/warehouse-dsn"
        }
      ]
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          awslogs-group         = aws_cloudwatch_log_group.export.name
          awslogs-region        = var.region
          awslogs-stream-prefix = "export"
        }
      }
    }
  ])
}

resource "aws_scheduler_schedule" "nightly" {
  name       = "nightly-export"
  group_name = "default"

  flexible_time_window {
    mode                      = "FLEXIBLE"
    maximum_window_in_minutes = 15
  }

  schedule_expression          = "cron(30 2 * * ? *)"
  schedule_expression_timezone = "Europe/Berlin"

  target {
    arn      = data.aws_ecs_cluster.analytics.arn
    role_arn = aws_iam_role.scheduler.arn

    ecs_parameters {
      task_definition_arn = aws_ecs_task_definition.export.arn_without_revision
      launch_type         = "FARGATE"
      task_count          = 1

      network_configuration {
        subnets          = var.private_subnet_ids
        security_groups  = [aws_security_group.export.id]
        assign_public_ip = false
      }
    }

    retry_policy {
      maximum_retry_attempts       = 2
      maximum_event_age_in_seconds = 3600
    }
  }
}
