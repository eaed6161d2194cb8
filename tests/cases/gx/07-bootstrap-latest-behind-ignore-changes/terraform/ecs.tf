resource "aws_ecr_repository" "svc" {
  for_each             = var.services
  name                 = each.key
  image_tag_mutability = "MUTABLE"
}

# Terraform only creates the first revision. GitHub Actions registers every
# later one (describe -> render -> deploy), so the service ignores it.
resource "aws_ecs_task_definition" "svc" {
  for_each = var.services

  family                   = each.key
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = each.value.cpu
  memory                   = each.value.memory
  execution_role_arn       = aws_iam_role.execution.arn

  container_definitions = jsonencode([
    {
      name      = each.key
      image     = "${aws_ecr_repository.svc[each.key].repository_url}:latest"
      essential = true
      portMappings = each.value.port == null ? [] : [
        { containerPort = each.value.port }
      ]
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          awslogs-group         = "/ecs/${each.key}"
          awslogs-region        = "ca-central-1"
          awslogs-stream-prefix = each.key
        }
      }
    },
    {
      name      = "datadog-agent"
      image     = "public.ecr.aws/datadog/agent@sha256:6f1e6a4bd8d6c0e4ba1e95b9e1d8fd6c3a52f0c2b7e1c9d4a8e3f5b6c7d8e9f0"
      essential = false
      secrets = [
        { name = "DD_API_KEY", valueFrom = "arn:aws:ssm:ca-central-1:318844190027:parameter/datadog/api-key" }
      ]
    }
  ])
}

resource "aws_ecs_task_definition" "migrate" {
  family                   = "reports-migrate"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 256
  memory                   = 512
  execution_role_arn       = aws_iam_role.execution.arn

  container_definitions = jsonencode([
    {
      name      = "migrate"
      image     = "${aws_ecr_repository.svc["reports-api"].repository_url}:${var.migrate_image_tag}"
      essential = true
      command   = ["alembic", "upgrade", "head"]
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          awslogs-group         = "/ecs/reports-migrate"
          awslogs-region        = "ca-central-1"
          awslogs-stream-prefix = "migrate"
        }
      }
    }
  ])
}

resource "aws_ecs_service" "svc" {
  for_each = var.services

  name            = each.key
  cluster         = "reports"
  task_definition = aws_ecs_task_definition.svc[each.key].arn
  desired_count   = 2
  launch_type     = "FARGATE"

  health_check_grace_period_seconds = each.value.port == null ? null : 60

  dynamic "load_balancer" {
    for_each = each.value.port == null ? [] : [each.value.port]
    content {
      target_group_arn = "arn:aws:elasticloadbalancing:ca-central-1:318844190027:targetgroup/reports-api/51aa0c2e7d9f8b31"
      container_name   = each.key
      container_port   = load_balancer.value
    }
  }

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }

  network_configuration {
    subnets         = ["subnet-0d4e5f60718293a41", "subnet-0d4e5f60718293a42"]
    security_groups = ["sg-0a9b8c7d6e5f40312"]
  }

  lifecycle {
    ignore_changes = [task_definition]
  }
}

resource "aws_iam_role" "execution" {
  name = "reports-execution"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "ecs-tasks.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
}
