variable "image_tag" {
  type = string
}

variable "vpc_private_subnets" {
  type = list(string)
}

variable "vpc_public_subnets" {
  type = list(string)
}

variable "reports_target_group_arn" {
  type = string
}

locals {
  region     = "us-east-1"
  account_id = "281930475612"
  registry   = "${local.account_id}.dkr.ecr.${local.region}.amazonaws.com"
  exec_role  = "arn:aws:iam::${local.account_id}:role/quill-ecs-execution"

  log_options = {
    awslogs-group         = "/ecs/quill"
    awslogs-region        = local.region
    awslogs-stream-prefix = "quill"
  }
}

resource "aws_secretsmanager_secret" "reports_db" {
  name = "quill/reports-db"
}

resource "aws_ecs_task_definition" "reports" {
  family                   = "quill-reports"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = "4096"
  memory                   = "30720"
  execution_role_arn       = local.exec_role
  task_role_arn            = "arn:aws:iam::${local.account_id}:role/quill-reports-task"

  runtime_platform {
    operating_system_family = "LINUX"
    cpu_architecture        = "X86_64"
  }

  container_definitions = jsonencode([
    {
      name      = "reports"
      image     = "${local.registry}/quill-reports:${var.image_tag}"
      essential = true
      portMappings = [{ containerPort = 8080 }]
      environment = [
        { name = "DATABASE_URL", value = "postgres://reports_iam@quill-reports.c8n2x.us-east-1.rds.amazonaws.com:5432/reports?sslmode=verify-full" },
        { name = "PGSSLROOTCERT", value = "/etc/ssl/certs/rds-global-bundle.pem" },
        { name = "AUTH_TOKEN_LIFETIME", value = "900" },
        { name = "OAUTH_TOKEN_ENDPOINT", value = "https://login.quill.example/oauth2/token" },
        { name = "ENABLE_PASSWORD_LOGIN", value = "false" },
      ]
      secrets = [
        { name = "REPORTS_DB_CREDENTIALS", valueFrom = aws_secretsmanager_secret.reports_db.arn },
      ]
      logConfiguration = { logDriver = "awslogs", options = local.log_options }
    }
  ])
}

resource "aws_ecs_task_definition" "pdf_render" {
  family                   = "quill-pdf-render"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 2048
  memory                   = 8192
  execution_role_arn       = local.exec_role

  runtime_platform {
    operating_system_family = "WINDOWS_SERVER_2022_CORE"
    cpu_architecture        = "X86_64"
  }

  container_definitions = jsonencode([
    {
      name       = "pdf-render"
      image      = "${local.registry}/quill-pdf-render:${var.image_tag}"
      essential  = true
      entryPoint = ["powershell", "-Command"]
      command    = ["C:\\app\\PdfRender.exe --queue quill-pdf"]
      logConfiguration = { logDriver = "awslogs", options = local.log_options }
    }
  ])
}

resource "aws_ecs_service" "reports" {
  name            = "quill-reports"
  cluster         = "quill"
  task_definition = aws_ecs_task_definition.reports.arn
  desired_count   = 3

  capacity_provider_strategy {
    capacity_provider = "FARGATE"
    base              = 1
    weight            = 1
  }

  capacity_provider_strategy {
    capacity_provider = "FARGATE_SPOT"
    weight            = 3
  }

  deployment_controller {
    type = "ECS"
  }

  deployment_minimum_healthy_percent = 100
  deployment_maximum_percent         = 200
  health_check_grace_period_seconds  = 60

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }

  load_balancer {
    target_group_arn = var.reports_target_group_arn
    container_name   = "reports"
    container_port   = 8080
  }

  network_configuration {
    subnets         = var.vpc_private_subnets
    security_groups = ["sg-0b7e1f2a3c4d5e6f7"]
  }
}

resource "aws_ecs_service" "pdf_render" {
  name            = "quill-pdf-render"
  cluster         = "quill"
  task_definition = aws_ecs_task_definition.pdf_render.arn
  desired_count   = 1
  launch_type     = "FARGATE"

  deployment_minimum_healthy_percent = 0
  deployment_maximum_percent         = 100

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }

  network_configuration {
    subnets          = var.vpc_public_subnets
    security_groups  = ["sg-0c8f2a3b4d5e6f708"]
    assign_public_ip = true
  }
}
