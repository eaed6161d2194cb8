locals {
  name       = "checkout"
  region     = "us-west-2"
  account_id = "604918273305"

  containers = {
    checkout = {
      image     = "${aws_ecr_repository.checkout.repository_url}:${var.image_tag}"
      port      = 8080
      essential = true
      env = {
        NODE_ENV         = "production"
        PAYMENTS_BASE_URL = "https://payments.internal.brightloop.example"
      }
    }
    envoy = {
      image     = "public.ecr.aws/appmesh/aws-appmesh-envoy:v1.29.6.0-prod"
      port      = 9901
      essential = true
      env = {
        APPMESH_RESOURCE_ARN = "arn:aws:appmesh:us-west-2:604918273305:mesh/brightloop/virtualNode/checkout"
      }
    }
  }

  container_definitions = [
    for name, c in local.containers : {
      name         = name
      image        = c.image
      essential    = c.essential
      portMappings = [{ containerPort = c.port, protocol = "tcp" }]
      environment  = [for k, v in c.env : { name = k, value = v }]
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          awslogs-group         = "/ecs/${local.name}"
          awslogs-region        = local.region
          awslogs-stream-prefix = name
        }
      }
    }
  ]
}

resource "aws_ecr_repository" "checkout" {
  name                 = local.name
  image_tag_mutability = "IMMUTABLE"
}

resource "aws_ecs_task_definition" "checkout" {
  family                   = local.name
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 1024
  memory                   = 3072
  execution_role_arn       = aws_iam_role.execution.arn
  task_role_arn            = aws_iam_role.task.arn
  container_definitions    = jsonencode(local.container_definitions)
}

resource "aws_ecs_service" "checkout" {
  name                               = local.name
  cluster                            = "brightloop-prod"
  task_definition                    = aws_ecs_task_definition.checkout.arn
  desired_count                      = 3
  launch_type                        = "FARGATE"
  deployment_minimum_healthy_percent = 100
  deployment_maximum_percent         = 200
  health_check_grace_period_seconds  = 120

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }

  load_balancer {
    target_group_arn = var.target_group_arn
    container_name   = "checkout"
    container_port   = 8080
  }

  network_configuration {
    subnets         = var.private_subnet_ids
    security_groups = [var.service_security_group_id]
  }

  lifecycle {
    ignore_changes = [task_definition]
  }
}
