terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.70"
    }
  }
  backend "s3" {
    bucket         = "sable-terraform-state"
    key            = "ingest/production.tfstate"
    region         = "eu-west-2"
    dynamodb_table = "terraform-locks"
  }
}

provider "aws" {
  region = "eu-west-2"
}

variable "image_tag" {
  type        = string
  description = "Commit SHA of the image to deploy"
}

resource "aws_ecr_repository" "ingest" {
  name                 = "ingest"
  image_tag_mutability = "IMMUTABLE"
}

resource "aws_iam_role" "execution" {
  name = "ingest-execution"
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

resource "aws_ecs_task_definition" "ingest" {
  family                   = "ingest"
  network_mode             = "awsvpc"
  requires_compatibilities = ["FARGATE"]
  cpu                      = "512"
  memory                   = "1024"
  execution_role_arn       = aws_iam_role.execution.arn

  container_definitions = jsonencode([
    {
      name         = "ingest"
      image        = "${aws_ecr_repository.ingest.repository_url}:${var.image_tag}"
      essential    = true
      portMappings = [{ containerPort = 8000, protocol = "tcp" }]
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          awslogs-group         = "/ecs/ingest"
          awslogs-region        = "eu-west-2"
          awslogs-stream-prefix = "ingest"
        }
      }
    }
  ])
}

resource "aws_ecs_service" "ingest" {
  name                              = "ingest"
  cluster                           = "analytics-prod"
  task_definition                   = aws_ecs_task_definition.ingest.arn
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
    target_group_arn = "arn:aws:elasticloadbalancing:eu-west-2:734512908812:targetgroup/ingest/3a4b5c6d7e8f9a0b"
    container_name   = "ingest"
    container_port   = 8000
  }

  network_configuration {
    subnets          = ["subnet-0c1d2e3f4a5b6c7d8", "subnet-0d2e3f4a5b6c7d8e9"]
    security_groups  = ["sg-0e3f4a5b6c7d8e9f0"]
    assign_public_ip = false
  }
}
