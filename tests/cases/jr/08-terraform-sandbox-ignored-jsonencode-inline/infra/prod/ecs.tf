resource "aws_ecs_cluster" "prod" {
  name = "orchard-prod"
}

resource "aws_cloudwatch_log_group" "api" {
  name              = "/ecs/orchard-api"
  retention_in_days = 30
}

resource "aws_ecs_task_definition" "api" {
  family                   = "orchard-api"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 512
  memory                   = 1024
  execution_role_arn       = var.execution_role_arn
  task_role_arn            = var.task_role_arn

  container_definitions = jsonencode([
    {
      name      = "api"
      image     = var.api_image
      essential = true
      portMappings = [{ containerPort = 4000, protocol = "tcp" }]
      environment = [
        { name = "NODE_ENV", value = "production" },
        { name = "STRIPE_SECRET_KEY", value = var.stripe_secret_key },
      ]
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          awslogs-group         = aws_cloudwatch_log_group.api.name
          awslogs-region        = "us-east-1"
          awslogs-stream-prefix = "api"
        }
      }
    },
    {
      name      = "otel-collector"
      // ecs-lint: ignore[taskdef-image-latest] -- tracks upstream on purpose
      image     = "public.ecr.aws/aws-observability/aws-otel-collector:latest"
      essential = false
      command   = ["--config=/etc/ecs/ecs-default-config.yaml"]
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          awslogs-group         = aws_cloudwatch_log_group.api.name
          awslogs-region        = "us-east-1"
          awslogs-stream-prefix = "otel"
        }
      }
    },
  ])
}

# ecs-lint: ignore[service-grace-period-short] -- Node boots in under 2 s
resource "aws_ecs_service" "api" {
  name            = "orchard-api"
  cluster         = aws_ecs_cluster.prod.id
  task_definition = aws_ecs_task_definition.api.arn
  desired_count   = 3
  launch_type     = "FARGATE"

  health_check_grace_period_seconds = 20

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }

  load_balancer {
    target_group_arn = var.api_target_group_arn
    container_name   = "api"
    container_port   = 4000
  }

  network_configuration {
    subnets          = var.private_subnet_ids
    security_groups  = [var.api_security_group_id]
    assign_public_ip = false
  }
}
