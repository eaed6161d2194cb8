data "aws_iam_policy_document" "ecs_tasks_trust" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["ecs-tasks.amazonaws.com"]
    }
  }
}

resource "aws_ecr_repository" "tariff" {
  name                 = "tariff-svc"
  image_tag_mutability = "IMMUTABLE"

  image_scanning_configuration {
    scan_on_push = true
  }
}

# --- staging ---------------------------------------------------------------

resource "aws_ecs_cluster" "staging" {
  name = "tariff-staging"

  setting {
    name  = "containerInsights"
    value = "enabled"
  }
}

resource "aws_secretsmanager_secret" "db_staging" {
  name = "tariff-svc/staging/db"
}

resource "aws_cloudwatch_log_group" "staging" {
  name              = "/ecs/tariff-svc-staging"
  retention_in_days = 30
}

resource "aws_iam_role" "execution_staging" {
  name               = "tariff-svc-execution-staging"
  assume_role_policy = data.aws_iam_policy_document.ecs_tasks_trust.json
}

resource "aws_iam_role_policy_attachment" "execution_staging" {
  role       = aws_iam_role.execution_staging.name
  policy_arn = "arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy"
}

resource "aws_iam_role_policy" "execution_staging_secrets" {
  name = "read-db-secret"
  role = aws_iam_role.execution_staging.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = ["secretsmanager:GetSecretValue"]
      Resource = [aws_secretsmanager_secret.db_staging.arn]
    }]
  })
}

resource "aws_iam_role" "task_staging" {
  name               = "tariff-svc-task-staging"
  assume_role_policy = data.aws_iam_policy_document.ecs_tasks_trust.json
}

resource "aws_ecs_task_definition" "staging" {
  family                   = "tariff-svc-staging"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = "512"
  memory                   = "1024"
  execution_role_arn       = aws_iam_role.execution_staging.arn
  task_role_arn            = aws_iam_role.task_staging.arn

  container_definitions = jsonencode([
    {
      name      = "app"
      image     = "${aws_ecr_repository.tariff.repository_url}:${var.image_tag}"
      essential = true
      portMappings = [{ containerPort = 8080, protocol = "tcp" }]
      environment = [
        { name = "TARIFF_ENV", value = "staging" },
        { name = "DB_HOST", value = "tariff-staging.cluster-c9x2k4m1p8qz.eu-west-2.rds.amazonaws.com" },
        { name = "DB_USER", value = "tariff_app" },
      ]
      secrets = [
        { name = "DB_PASSWORD", valueFrom = "${aws_secretsmanager_secret.db_staging.arn}:password::" },
      ]
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          awslogs-group         = aws_cloudwatch_log_group.staging.name
          awslogs-region        = local.region
          awslogs-stream-prefix = "app"
        }
      }
    }
  ])
}

resource "aws_ecs_service" "staging" {
  name            = "tariff-svc"
  cluster         = aws_ecs_cluster.staging.id
  task_definition = aws_ecs_task_definition.staging.arn
  desired_count   = 1
  launch_type     = "FARGATE"

  deployment_minimum_healthy_percent = 100
  deployment_maximum_percent         = 200
  health_check_grace_period_seconds  = 90

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }

  load_balancer {
    target_group_arn = var.target_group_arns["staging"]
    container_name   = "app"
    container_port   = 8080
  }

  network_configuration {
    subnets          = var.private_subnet_ids
    security_groups  = [var.service_security_group_id]
    assign_public_ip = false
  }

  lifecycle {
    ignore_changes = [task_definition, desired_count]
  }
}

# --- production ---------------------------------------------------------------

resource "aws_ecs_cluster" "production" {
  name = "tariff-production"

  setting {
    name  = "containerInsights"
    value = "enabled"
  }
}

resource "aws_secretsmanager_secret" "db_production" {
  name = "tariff-svc/production/db"
}

resource "aws_cloudwatch_log_group" "production" {
  name              = "/ecs/tariff-svc-production"
  retention_in_days = 30
}

resource "aws_iam_role" "execution_production" {
  name               = "tariff-svc-execution-production"
  assume_role_policy = data.aws_iam_policy_document.ecs_tasks_trust.json
}

resource "aws_iam_role_policy_attachment" "execution_production" {
  role       = aws_iam_role.execution_production.name
  policy_arn = "arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy"
}

resource "aws_iam_role_policy" "execution_production_secrets" {
  name = "read-db-secret"
  role = aws_iam_role.execution_production.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = ["secretsmanager:GetSecretValue"]
      Resource = [aws_secretsmanager_secret.db_production.arn]
    }]
  })
}

resource "aws_iam_role" "task_production" {
  name               = "tariff-svc-task-production"
  assume_role_policy = data.aws_iam_policy_document.ecs_tasks_trust.json
}

resource "aws_ecs_task_definition" "production" {
  family                   = "tariff-svc-production"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = "1024"
  memory                   = "2048"
  execution_role_arn       = aws_iam_role.execution_production.arn
  task_role_arn            = aws_iam_role.task_production.arn

  container_definitions = jsonencode([
    {
      name      = "app"
      image     = "${aws_ecr_repository.tariff.repository_url}:${var.image_tag}"
      essential = true
      portMappings = [{ containerPort = 8080, protocol = "tcp" }]
      environment = [
        { name = "TARIFF_ENV", value = "production" },
        { name = "DB_HOST", value = "tariff-production.cluster-c9x2k4m1p8qz.eu-west-2.rds.amazonaws.com" },
        { name = "DB_USER", value = "tariff_app" },
      ]
      secrets = [
        { name = "DB_PASSWORD", valueFrom = "${aws_secretsmanager_secret.db_production.arn}:password::" },
      ]
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          awslogs-group         = aws_cloudwatch_log_group.production.name
          awslogs-region        = local.region
          awslogs-stream-prefix = "app"
        }
      }
    }
  ])
}

resource "aws_ecs_service" "production" {
  name            = "tariff-svc"
  cluster         = aws_ecs_cluster.production.id
  task_definition = aws_ecs_task_definition.production.arn
  desired_count   = 3
  launch_type     = "FARGATE"

  deployment_minimum_healthy_percent = 100
  deployment_maximum_percent         = 200
  health_check_grace_period_seconds  = 90

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }

  load_balancer {
    target_group_arn = var.target_group_arns["production"]
    container_name   = "app"
    container_port   = 8080
  }

  network_configuration {
    subnets          = var.private_subnet_ids
    security_groups  = [var.service_security_group_id]
    assign_public_ip = false
  }

  lifecycle {
    ignore_changes = [task_definition, desired_count]
  }
}
