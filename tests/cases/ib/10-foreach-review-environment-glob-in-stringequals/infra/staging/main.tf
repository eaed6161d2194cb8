terraform {
  backend "s3" {
    bucket = "bramblecode-tfstate"
    key    = "helpdesk/staging.tfstate"
    region = "us-east-1"
  }
}

provider "aws" {
  region = "us-east-1"
}

variable "image_tag" {
  type = string
}

resource "aws_cloudwatch_log_group" "helpdesk" {
  name              = "/ecs/helpdesk-staging"
  retention_in_days = 14
}

resource "aws_ecs_task_definition" "helpdesk" {
  family                   = "helpdesk-staging"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 512
  memory                   = 2048
  execution_role_arn       = "arn:aws:iam::927364018253:role/helpdesk-staging-execution"
  task_role_arn            = "arn:aws:iam::927364018253:role/helpdesk-staging-task"

  container_definitions = jsonencode([
    {
      name         = "web"
      image        = "927364018253.dkr.ecr.us-east-1.amazonaws.com/helpdesk:${var.image_tag}"
      essential    = true
      portMappings = [{ containerPort = 8000 }]
      secrets = [
        { name = "DJANGO_SECRET_KEY", valueFrom = "arn:aws:secretsmanager:us-east-1:927364018253:secret:helpdesk/staging/django-Zx81Qp" }
      ]
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          awslogs-group         = aws_cloudwatch_log_group.helpdesk.name
          awslogs-region        = "us-east-1"
          awslogs-stream-prefix = "web"
        }
      }
    }
  ])
}

resource "aws_ecs_service" "helpdesk" {
  name                              = "helpdesk-staging"
  cluster                           = "staging"
  task_definition                   = aws_ecs_task_definition.helpdesk.arn
  desired_count                     = 1
  launch_type                       = "FARGATE"
  health_check_grace_period_seconds = 60

  deployment_minimum_healthy_percent = 100
  deployment_maximum_percent         = 200

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }

  load_balancer {
    target_group_arn = "arn:aws:elasticloadbalancing:us-east-1:927364018253:targetgroup/helpdesk-staging/6d5c4b3a29180f7e"
    container_name   = "web"
    container_port   = 8000
  }

  network_configuration {
    subnets          = ["subnet-0b2c3d4e5f6a7b8c9"]
    security_groups  = ["sg-0c3d4e5f6a7b8c9d0"]
    assign_public_ip = false
  }
}
