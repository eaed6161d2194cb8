resource "aws_cloudwatch_log_group" "ledger" {
  name              = "/ecs/ledger-${var.environment}"
  retention_in_days = 30
}

resource "aws_ecs_cluster" "ledger" {
  name = "ledger-${var.environment}"

  setting {
    name  = "containerInsights"
    value = "enabled"
  }
}

resource "aws_ecs_task_definition" "ledger" {
  family                   = "ledger-${var.environment}"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 1024
  memory                   = 2048
  execution_role_arn       = "arn:aws:iam::${var.account_id}:role/ledger-execution-${var.environment}"
  task_role_arn            = "arn:aws:iam::${var.account_id}:role/ledger-task-${var.environment}"

  container_definitions = jsonencode([
    {
      name         = "ledger"
      image        = "${var.account_id}.dkr.ecr.${var.region}.amazonaws.com/ledger:${var.image_tag}"
      essential    = true
      portMappings = [{ containerPort = 8080, protocol = "tcp" }]
      environment = [
        { name = "LEDGER_ENV", value = var.environment },
        { name = "LOG_FORMAT", value = "json" },
      ]
      secrets = [
        {
          name      = "POSTGRES_PASSWORD"
          valueFrom = "arn:aws:ssm:${var.region}:${var.account_id}:parameter/ledger/${var.environment}/postgres-password"
        },
      ]
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          awslogs-group         = aws_cloudwatch_log_group.ledger.name
          awslogs-region        = var.region
          awslogs-stream-prefix = "ledger"
        }
      }
    }
  ])
}

resource "aws_ecs_service" "ledger" {
  name                              = "ledger"
  cluster                           = aws_ecs_cluster.ledger.id
  task_definition                   = aws_ecs_task_definition.ledger.arn
  desired_count                     = var.desired_count
  launch_type                       = "FARGATE"
  health_check_grace_period_seconds = 90

  deployment_minimum_healthy_percent = 100
  deployment_maximum_percent         = 200

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
    subnets          = var.subnet_ids
    security_groups  = var.security_group_ids
    assign_public_ip = false
  }
}
