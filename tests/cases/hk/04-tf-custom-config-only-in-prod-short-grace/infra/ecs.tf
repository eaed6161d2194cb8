resource "aws_ecs_cluster" "main" {
  name = "tracking-${var.environment}"

  setting {
    name  = "containerInsights"
    value = "enabled"
  }
}

resource "aws_lb_target_group" "api" {
  for_each = toset(["blue", "green"])

  name        = "tracking-api-${each.key}"
  port        = 8080
  protocol    = "HTTP"
  target_type = "ip"
  vpc_id      = var.vpc_id

  health_check {
    path = "/actuator/health"
  }
}

resource "aws_security_group" "api" {
  name   = "tracking-api-${var.environment}"
  vpc_id = var.vpc_id
}

resource "aws_iam_role" "execution" {
  name = "tracking-api-execution-${var.environment}"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "ecs-tasks.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
  managed_policy_arns = ["arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy"]
}

resource "aws_ecs_task_definition" "api" {
  family                   = "tracking-api-${var.environment}"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 1024
  memory                   = 2048
  execution_role_arn       = aws_iam_role.execution.arn

  container_definitions = jsonencode([
    {
      name      = "tracking-api"
      image     = "665109287345.dkr.ecr.ap-southeast-2.amazonaws.com/tracking-api:${var.image_tag}"
      essential = true
      portMappings = [
        { containerPort = 8080, protocol = "tcp" }
      ]
      environment = [
        { name = "SPRING_PROFILES_ACTIVE", value = var.environment }
      ]
      secrets = [
        { name = "SPRING_DATASOURCE_PASSWORD", valueFrom = "arn:aws:secretsmanager:ap-southeast-2:665109287345:secret:tracking/${var.environment}/db-AbC123" }
      ]
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          awslogs-group         = "/ecs/tracking-api-${var.environment}"
          awslogs-region        = "ap-southeast-2"
          awslogs-stream-prefix = "api"
        }
      }
    }
  ])
}

resource "aws_ecs_service" "api" {
  name                              = "tracking-api"
  cluster                           = aws_ecs_cluster.main.id
  task_definition                   = aws_ecs_task_definition.api.arn
  desired_count                     = 2
  launch_type                       = "FARGATE"
  health_check_grace_period_seconds = 30

  deployment_controller {
    type = "CODE_DEPLOY"
  }

  load_balancer {
    target_group_arn = aws_lb_target_group.api["blue"].arn
    container_name   = "tracking-api"
    container_port   = 8080
  }

  network_configuration {
    subnets         = var.private_subnet_ids
    security_groups = [aws_security_group.api.id]
  }

  lifecycle {
    ignore_changes = [task_definition, load_balancer]
  }
}
