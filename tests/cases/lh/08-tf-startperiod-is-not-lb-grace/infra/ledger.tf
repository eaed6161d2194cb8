# ledger-api: Spring Boot, ~70 s to warm up. The container health check's
# startPeriod covers the JVM boot, so we don't set a grace period.

resource "aws_ecs_task_definition" "ledger_api" {
  family                   = "ledger-api"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = "1024"
  memory                   = "2048"
  execution_role_arn       = "arn:aws:iam::481516234200:role/ledger-execution"
  task_role_arn            = "arn:aws:iam::481516234200:role/ledger-api-task"

  container_definitions = jsonencode([
    {
      name      = "ledger-api"
      image     = "481516234200.dkr.ecr.eu-north-1.amazonaws.com/ledger-api:${var.image_tag}"
      essential = true
      portMappings = [
        { containerPort = 8080, protocol = "tcp" }
      ]
      healthCheck = {
        command     = ["CMD-SHELL", "curl -fsS http://localhost:8080/actuator/health || exit 1"]
        interval    = 15
        timeout     = 5
        retries     = 3
        startPeriod = 120
      }
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          awslogs-group         = "/ecs/ledger-api"
          awslogs-region        = "eu-north-1"
          awslogs-stream-prefix = "app"
        }
      }
    }
  ])
}

resource "aws_ecs_service" "ledger_api" {
  name            = "ledger-api"
  cluster         = "ledger"
  task_definition = aws_ecs_task_definition.ledger_api.arn
  desired_count   = 2
  launch_type     = "FARGATE"

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }

  load_balancer {
    target_group_arn = "arn:aws:elasticloadbalancing:eu-north-1:481516234200:targetgroup/ledger-api/0d5e9a7c3b1f2468"
    container_name   = "ledger-api"
    container_port   = 8080
  }

  network_configuration {
    subnets         = ["subnet-0f1e2d3c4b5a69870", "subnet-0a9b8c7d6e5f40321"]
    security_groups = ["sg-0123a4b5c6d7e8f90"]
  }
}

# ledger-projector: internal consumer, reached only through Service Connect.
resource "aws_ecs_service" "ledger_projector" {
  name            = "ledger-projector"
  cluster         = "ledger"
  task_definition = "arn:aws:ecs:eu-north-1:481516234200:task-definition/ledger-projector:31"
  desired_count   = 2
  launch_type     = "FARGATE"

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }

  service_connect_configuration {
    enabled   = true
    namespace = "arn:aws:servicediscovery:eu-north-1:481516234200:namespace/ns-ledger4kq7x2m9"

    service {
      port_name      = "grpc"
      discovery_name = "ledger-projector"

      client_alias {
        port     = 9090
        dns_name = "ledger-projector.internal"
      }
    }
  }

  network_configuration {
    subnets         = ["subnet-0f1e2d3c4b5a69870", "subnet-0a9b8c7d6e5f40321"]
    security_groups = ["sg-0456d7e8f9a0b1c23"]
  }
}

variable "image_tag" {
  type        = string
  description = "git SHA pushed by CI"
}
