variable "private_subnet_ids" {
  type = list(string)
}

variable "service_security_group_id" {
  type = string
}

variable "target_group_arn" {
  type = string
}

variable "image_tag" {
  type = string
}

resource "aws_ecr_repository" "scoring" {
  name                 = "scoring-service"
  image_tag_mutability = "IMMUTABLE"

  image_scanning_configuration {
    scan_on_push = true
  }
}

resource "aws_cloudwatch_log_group" "scoring" {
  name              = "/ecs/scoring-service"
  retention_in_days = 30
}

resource "aws_ecs_task_definition" "scoring" {
  family                   = "scoring-service"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 4096
  memory                   = 30720
  execution_role_arn       = aws_iam_role.execution.arn
  task_role_arn            = aws_iam_role.task.arn

  container_definitions = jsonencode([
    {
      name      = "scoring"
      image     = "${aws_ecr_repository.scoring.repository_url}:${var.image_tag}"
      essential = true
      portMappings = [
        { containerPort = 8000, protocol = "tcp" }
      ]
      environment = [
        { name = "MODEL_CACHE_DIR", value = "/tmp/models" },
        { name = "WORKERS", value = "8" }
      ]
      secrets = [
        { name = "FEATURE_STORE_TOKEN", valueFrom = "arn:aws:secretsmanager:${local.region}:${local.account_id}:secret:scoring/feature-store-token-Hq2w9L" }
      ]
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          awslogs-group         = aws_cloudwatch_log_group.scoring.name
          awslogs-region        = local.region
          awslogs-stream-prefix = "scoring"
        }
      }
    }
  ])
}

resource "aws_ecs_service" "scoring" {
  name            = "scoring-service"
  cluster         = "tallgrass"
  task_definition = aws_ecs_task_definition.scoring.arn
  desired_count   = 2
  launch_type     = "FARGATE"

  deployment_minimum_healthy_percent = 100
  deployment_maximum_percent         = 200
  health_check_grace_period_seconds  = 120

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }

  load_balancer {
    target_group_arn = var.target_group_arn
    container_name   = "scoring"
    container_port   = 8000
  }

  network_configuration {
    subnets          = var.private_subnet_ids
    security_groups  = [var.service_security_group_id]
    assign_public_ip = false
  }

  lifecycle {
    ignore_changes = [task_definition]
  }
}
