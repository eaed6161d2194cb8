resource "aws_ecs_task_definition" "graphql" {
  family                   = "quill-graphql"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = "1 vCPU"
  memory                   = "8 GB"
  execution_role_arn       = "arn:aws:iam::706152438190:role/quill-graphql-execution"

  container_definitions = <<-EOT
    [
      {
        "name": "graphql",
        "image": "706152438190.dkr.ecr.ca-central-1.amazonaws.com/quill-graphql:${var.git_sha}",
        "essential": true,
        "portMappings": [{ "containerPort": 4000 }],
        "environment": [
          { "name": "PASSWORD_MIN_LENGTH", "value": "12" },
          { "name": "TOKEN_URL", "value": "https://auth.quill.example/oauth/token" },
          { "name": "SECRETS_MANAGER_REGION", "value": "ca-central-1" }
        ]
      }
    ]
  EOT
}

resource "aws_ecs_service" "graphql" {
  name                              = "quill-graphql"
  cluster                           = "quill-prod"
  task_definition                   = aws_ecs_task_definition.graphql.arn
  desired_count                     = 2
  launch_type                       = "FARGATE"
  health_check_grace_period_seconds = 120

  deployment_configuration {
    strategy             = "BLUE_GREEN"
    bake_time_in_minutes = 15
  }

  load_balancer {
    target_group_arn = var.graphql_blue_target_group_arn
    container_name   = "graphql"
    container_port   = 4000

    advanced_configuration {
      alternate_target_group_arn = var.graphql_green_target_group_arn
      production_listener_rule   = var.graphql_listener_rule_arn
      role_arn                   = var.ecs_infrastructure_role_arn
    }
  }

  network_configuration {
    subnets         = var.private_subnet_ids
    security_groups = [var.service_security_group_id]
  }
}

resource "aws_ecs_service" "graphql_worker" {
  name            = "quill-graphql-worker"
  cluster         = "quill-prod"
  task_definition = aws_ecs_task_definition.graphql.arn
  desired_count   = 1
  launch_type     = "FARGATE"

  deployment_minimum_healthy_percent = 0
  deployment_maximum_percent         = 100

  deployment_circuit_breaker {
    enable   = var.circuit_breaker
    rollback = var.circuit_breaker
  }

  network_configuration {
    subnets         = var.private_subnet_ids
    security_groups = [var.service_security_group_id]
  }
}
