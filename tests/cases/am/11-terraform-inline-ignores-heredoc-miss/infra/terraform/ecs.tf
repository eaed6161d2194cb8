resource "aws_ecs_cluster" "services" {
  name = "services"
}

resource "aws_ecr_repository" "api" {
  name                 = "services-api"
  image_tag_mutability = "IMMUTABLE"
}

resource "aws_cloudwatch_log_group" "api" {
  name              = "/ecs/services-api"
  retention_in_days = 30
}

# The first revision only: CI registers new revisions with the commit SHA.
resource "aws_ecs_task_definition" "api" {
  family                   = "services-api"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 512
  memory                   = 1024
  execution_role_arn       = "arn:aws:iam::593028114476:role/services-api-execution"
  task_role_arn            = "arn:aws:iam::593028114476:role/services-api-task"

  container_definitions = jsonencode([
    {
      name         = "api"
      image        = "${aws_ecr_repository.api.repository_url}:latest" # ecs-lint: ignore[taskdef-image-latest]
      essential    = true
      portMappings = [{ containerPort = 8080, protocol = "tcp" }]
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          awslogs-group         = aws_cloudwatch_log_group.api.name
          awslogs-region        = "ap-southeast-1"
          awslogs-stream-prefix = "api"
        }
      }
    }
  ])

  lifecycle {
    ignore_changes = [container_definitions]
  }
}

resource "aws_ecs_service" "api" {
  name                              = "api"
  cluster                           = aws_ecs_cluster.services.id
  task_definition                   = aws_ecs_task_definition.api.arn
  desired_count                     = 3
  launch_type                       = "FARGATE"
  health_check_grace_period_seconds = 30

  deployment_minimum_healthy_percent = 100
  deployment_maximum_percent         = 200

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }

  load_balancer {
    target_group_arn = "arn:aws:elasticloadbalancing:ap-southeast-1:593028114476:targetgroup/services-api/5e7d3c1a9b2f4e60"
    container_name   = "api"
    container_port   = 8080
  }

  network_configuration {
    subnets          = ["subnet-04c1d2e3f4a5b6c70", "subnet-0b9a8c7d6e5f40312"]
    security_groups  = ["sg-0d2e4f6a8b0c1e3f5"]
    assign_public_ip = false
  }

  lifecycle {
    ignore_changes = [task_definition, desired_count]
  }
}

# Internal admin UI, one task, redeployed by hand; rollbacks are done manually.
# ecs-lint: ignore[service-circuit-breaker-off]
resource "aws_ecs_service" "admin" {
  name            = "admin"
  cluster         = aws_ecs_cluster.services.id
  task_definition = "services-admin"
  desired_count   = 1
  launch_type     = "FARGATE"

  network_configuration {
    subnets          = ["subnet-04c1d2e3f4a5b6c70"]
    security_groups  = ["sg-0d2e4f6a8b0c1e3f5"]
    assign_public_ip = false
  }
}
