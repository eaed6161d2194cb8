locals {
  task_memory = var.task_memory_gb * 1024
}

resource "aws_ecr_repository" "matchmaker" {
  name                 = "matchmaker"
  image_tag_mutability = "IMMUTABLE"
}

resource "aws_iam_role" "execution" {
  name = "matchmaker-execution"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "ecs-tasks.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
}

resource "aws_ecs_task_definition" "matchmaker" {
  family                   = "matchmaker"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = var.task_cpu
  memory                   = local.task_memory
  execution_role_arn       = aws_iam_role.execution.arn

  container_definitions = jsonencode([
    {
      name         = "matchmaker"
      image        = aws_ecr_repository.matchmaker.repository_url
      essential    = true
      portMappings = [{ containerPort = 7777, protocol = "udp" }]
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          awslogs-group         = "/ecs/matchmaker"
          awslogs-region        = "eu-west-1"
          awslogs-stream-prefix = "matchmaker"
        }
      }
    }
  ])
}

resource "aws_ecs_task_definition" "leaderboard_sync" {
  family                   = "leaderboard-sync"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "bridge"
  cpu                      = "1024"
  memory                   = 2048
  execution_role_arn       = aws_iam_role.execution.arn

  container_definitions = jsonencode([
    {
      name      = "sync"
      image     = "${aws_ecr_repository.matchmaker.repository_url}:${var.image_tag}"
      essential = true
      command   = ["bin/sync-leaderboards"]
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          awslogs-group         = "/ecs/leaderboard-sync"
          awslogs-region        = "eu-west-1"
          awslogs-stream-prefix = "sync"
        }
      }
    }
  ])
}

resource "aws_ecs_task_definition" "bot" {
  family                   = "matchmaker-bot"
  requires_compatibilities = ["EC2"]
  network_mode             = "bridge"
  cpu                      = "128"
  memory                   = "300"
  container_definitions    = file("${path.module}/containers/bot.json")
}
