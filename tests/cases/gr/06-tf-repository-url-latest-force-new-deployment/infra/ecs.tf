variable "private_subnet_ids" {
  type = list(string)
}

variable "service_security_group_id" {
  type = string
}

variable "target_group_arn" {
  type = string
}

resource "aws_ecs_cluster" "brightline" {
  name = "brightline"
}

resource "aws_cloudwatch_log_group" "ledger" {
  name              = "/ecs/ledger"
  retention_in_days = 30
}

resource "aws_ecs_task_definition" "ledger" {
  family                   = "ledger"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 512
  memory                   = 1024
  execution_role_arn       = aws_iam_role.ledger_execution.arn
  task_role_arn            = aws_iam_role.ledger_task.arn

  container_definitions = jsonencode([
    {
      name         = "ledger"
      image        = "${aws_ecr_repository.ledger.repository_url}:latest"
      essential    = true
      portMappings = [{ containerPort = 8080, protocol = "tcp" }]
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          awslogs-group         = aws_cloudwatch_log_group.ledger.name
          awslogs-region        = "eu-central-1"
          awslogs-stream-prefix = "ledger"
        }
      }
    }
  ])
}

resource "aws_ecs_task_definition" "ledger_migrate" {
  family                   = "ledger-migrate"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 256
  memory                   = 512
  execution_role_arn       = aws_iam_role.ledger_execution.arn
  task_role_arn            = aws_iam_role.ledger_task.arn

  container_definitions = jsonencode([
    {
      name      = "migrate"
      image     = aws_ecr_repository.ledger.repository_url
      essential = true
      command   = ["/ledger", "migrate", "up"]
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          awslogs-group         = aws_cloudwatch_log_group.ledger.name
          awslogs-region        = "eu-central-1"
          awslogs-stream-prefix = "migrate"
        }
      }
    }
  ])
}

resource "aws_ecs_service" "ledger" {
  name            = "ledger"
  cluster         = aws_ecs_cluster.brightline.id
  task_definition = aws_ecs_task_definition.ledger.arn
  desired_count   = 3
  launch_type     = "FARGATE"

  deployment_minimum_healthy_percent = 100
  deployment_maximum_percent         = 200
  health_check_grace_period_seconds  = 60

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }

  load_balancer {
    target_group_arn = var.target_group_arn
    container_name   = "ledger"
    container_port   = 8080
  }

  network_configuration {
    subnets          = var.private_subnet_ids
    security_groups  = [var.service_security_group_id]
    assign_public_ip = false
  }
}
