locals {
  services = {
    api = {
      container = "api"
      cpu       = 512
      memory    = 1024
      port      = 8080
      desired   = 2
    }
    worker = {
      container = "worker"
      cpu       = 1024
      memory    = 2048
      port      = null
      desired   = 2
    }
  }
}

resource "aws_ecs_task_definition" "this" {
  for_each = local.services

  family                   = "orders-${each.key}"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = each.value.cpu
  memory                   = each.value.memory
  execution_role_arn       = "arn:aws:iam::661290035514:role/orders-execution"
  task_role_arn            = "arn:aws:iam::661290035514:role/orders-${each.key}"

  runtime_platform {
    operating_system_family = "LINUX"
    cpu_architecture        = "ARM64"
  }

  container_definitions = jsonencode(concat(
    [
      {
        name         = each.value.container
        image        = "661290035514.dkr.ecr.eu-central-1.amazonaws.com/orders:bootstrap"
        essential    = true
        portMappings = each.value.port == null ? [] : [{ containerPort = each.value.port }]
        logConfiguration = {
          logDriver = "awslogs"
          options = {
            awslogs-group         = "/ecs/orders-${each.key}"
            awslogs-region        = "eu-central-1"
            awslogs-stream-prefix = each.key
          }
        }
      }
    ],
    [
      {
        name      = "otel-collector"
        image     = "public.ecr.aws/aws-observability/aws-otel-collector:v0.40.0"
        essential = false
        command   = ["--config=/etc/ecs/ecs-default-config.yaml"]
      }
    ]
  ))
}

resource "aws_ecs_service" "this" {
  for_each = local.services

  name            = "orders-${each.key}"
  cluster         = "orders"
  task_definition = aws_ecs_task_definition.this[each.key].arn
  desired_count   = each.value.desired
  launch_type     = "FARGATE"

  health_check_grace_period_seconds = each.value.port == null ? null : 75

  dynamic "load_balancer" {
    for_each = each.value.port == null ? {} : { main = each.value.port }
    content {
      target_group_arn = "arn:aws:elasticloadbalancing:eu-central-1:661290035514:targetgroup/orders-api/6d0ecf831eec9f09"
      container_name   = each.value.container
      container_port   = load_balancer.value
    }
  }

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }

  network_configuration {
    subnets         = ["subnet-04a1f2c3d4e5f6071", "subnet-04a1f2c3d4e5f6072"]
    security_groups = ["sg-0c2d9a7e51b3f4a60"]
  }

  lifecycle {
    ignore_changes = [task_definition]
  }
}
