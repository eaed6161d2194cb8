provider "aws" {
  region = "ap-southeast-2"
}

resource "aws_ecs_task_definition" "matchmaker" {
  family                   = "matchmaker"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 2048
  memory                   = 4096
  execution_role_arn       = "arn:aws:iam::857201946330:role/matchmaker-execution"

  container_definitions = jsonencode([
    {
      name         = "matchmaker"
      image        = "857201946330.dkr.ecr.ap-southeast-2.amazonaws.com/matchmaker:${var.image_tag}"
      essential    = true
      portMappings = [{ containerPort = 7350, protocol = "tcp" }]
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          awslogs-group         = "/ecs/matchmaker"
          awslogs-region        = "ap-southeast-2"
          awslogs-stream-prefix = "mm"
        }
      }
    }
  ])
}

resource "aws_ecs_service" "matchmaker" {
  name                              = "matchmaker"
  cluster                           = "games"
  task_definition                   = aws_ecs_task_definition.matchmaker.arn
  desired_count                     = var.desired_count
  launch_type                       = "FARGATE"
  health_check_grace_period_seconds = var.grace_period_seconds

  deployment_minimum_healthy_percent = 100
  deployment_maximum_percent         = 200

  deployment_circuit_breaker {
    enable   = true
    rollback = var.rollback_on_failure
  }

  load_balancer {
    target_group_arn = var.target_group_arn
    container_name   = "matchmaker"
    container_port   = 7350
  }

  network_configuration {
    subnets          = var.subnet_ids
    security_groups  = var.security_group_ids
    assign_public_ip = false
  }
}
