terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.60"
    }
  }
}

provider "aws" {
  region = "eu-west-2"
}

variable "private_subnet_ids" {
  type    = list(string)
  default = ["subnet-0f1e2d3c4b5a69788", "subnet-0e2d3c4b5a6978897"]
}

variable "target_group_arn" {
  type    = string
  default = "arn:aws:elasticloadbalancing:eu-west-2:385017264930:targetgroup/matchmaker/5d4c3b2a1f0e9d8c"
}

resource "aws_ecr_repository" "matchmaker" {
  name                 = "matchmaker"
  image_tag_mutability = "IMMUTABLE"

  image_scanning_configuration {
    scan_on_push = true
  }
}

resource "aws_ecs_cluster" "main" {
  name = "matchmaker-prod"

  setting {
    name  = "containerInsights"
    value = "enabled"
  }
}

resource "aws_cloudwatch_log_group" "matchmaker" {
  name              = "/ecs/matchmaker"
  retention_in_days = 30
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

resource "aws_iam_role_policy_attachment" "execution" {
  role       = aws_iam_role.execution.name
  policy_arn = "arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy"
}

resource "aws_iam_role" "task" {
  name = "matchmaker-task"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "ecs-tasks.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
}

# Bootstrap revision only: GitHub Actions registers every later revision.
resource "aws_ecs_task_definition" "matchmaker" {
  family                   = "matchmaker"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = "1024"
  memory                   = "2048"
  execution_role_arn       = aws_iam_role.execution.arn
  task_role_arn            = aws_iam_role.task.arn

  container_definitions = jsonencode([{
    name         = "matchmaker"
    image        = "${aws_ecr_repository.matchmaker.repository_url}:bootstrap"
    essential    = true
    portMappings = [{ containerPort = 7350, protocol = "tcp" }]
    logConfiguration = {
      logDriver = "awslogs"
      options = {
        awslogs-group         = aws_cloudwatch_log_group.matchmaker.name
        awslogs-region        = "eu-west-2"
        awslogs-stream-prefix = "matchmaker"
      }
    }
  }])
}

resource "aws_ecs_service" "matchmaker" {
  name                              = "matchmaker"
  cluster                           = aws_ecs_cluster.main.id
  task_definition                   = aws_ecs_task_definition.matchmaker.arn
  desired_count                     = 2
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
    container_name   = "matchmaker"
    container_port   = 7350
  }

  network_configuration {
    subnets          = var.private_subnet_ids
    assign_public_ip = false
  }

  lifecycle {
    ignore_changes = [task_definition]
  }
}
