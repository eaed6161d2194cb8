provider "aws" {
  region = "ca-central-1"
}

resource "aws_ecs_cluster" "harvest" {
  name = "harvest-${var.environment}"
}

resource "aws_ecs_task_definition" "web" {
  family                   = "harvest-web"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = var.task_cpu
  memory                   = var.task_memory
  execution_role_arn       = "arn:aws:iam::739205184463:role/harvest-web-execution"
  task_role_arn            = "arn:aws:iam::739205184463:role/harvest-web-task"

  container_definitions = jsonencode([
    {
      name      = "web"
      image     = var.image
      essential = true
      portMappings = [
        { containerPort = 3000 }
      ]
      secrets = [
        { name = "SESSION_SECRET", valueFrom = "arn:aws:ssm:ca-central-1:739205184463:parameter/harvest-web/session-secret" }
      ]
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          awslogs-group         = "/ecs/harvest-web"
          awslogs-region        = "ca-central-1"
          awslogs-stream-prefix = "web"
        }
      }
    }
  ])
}

resource "aws_ecs_service" "web" {
  name            = "harvest-web"
  cluster         = aws_ecs_cluster.harvest.id
  task_definition = aws_ecs_task_definition.web.arn
  desired_count   = var.desired_count
  launch_type     = "FARGATE"

  deployment_minimum_healthy_percent = 100
  deployment_maximum_percent         = var.deployment_maximum_percent
  health_check_grace_period_seconds  = var.health_check_grace_period_seconds

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }

  load_balancer {
    target_group_arn = var.target_group_arn
    container_name   = "web"
    container_port   = 3000
  }

  network_configuration {
    subnets          = var.subnet_ids
    security_groups  = var.security_group_ids
    assign_public_ip = false
  }
}
