terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.60"
    }
  }

  backend "s3" {
    bucket = "quillmark-tfstate"
    key    = "notes-service/ecs.tfstate"
    region = "ca-central-1"
  }
}

provider "aws" {
  region = "ca-central-1"
}

resource "aws_ecr_repository" "api" {
  name                 = "notes-api"
  image_tag_mutability = "IMMUTABLE"
}

# Built by the search team's pipeline, which pushes every main build as :latest.
resource "aws_ecr_repository" "indexer" {
  name                 = "notes-indexer"
  image_tag_mutability = "MUTABLE"
}

resource "aws_cloudwatch_log_group" "notes" {
  name              = "/ecs/notes-service"
  retention_in_days = 30
}

resource "aws_ecs_cluster" "main" {
  name = "quillmark"
}

resource "aws_ecs_task_definition" "notes" {
  family                   = "notes-service"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 512
  memory                   = 1024
  execution_role_arn       = "arn:aws:iam::274619035812:role/notes-service-execution"
  task_role_arn            = "arn:aws:iam::274619035812:role/notes-service-task"

  container_definitions = jsonencode([
    {
      name      = "api"
      image     = "${aws_ecr_repository.api.repository_url}:${var.image_tag}"
      essential = true
      portMappings = [{ containerPort = 8080, protocol = "tcp" }]
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          awslogs-group         = aws_cloudwatch_log_group.notes.name
          awslogs-region        = "ca-central-1"
          awslogs-stream-prefix = "api"
        }
      }
    },
    {
      name      = "indexer"
      image     = aws_ecr_repository.indexer.repository_url
      essential = false
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          awslogs-group         = aws_cloudwatch_log_group.notes.name
          awslogs-region        = "ca-central-1"
          awslogs-stream-prefix = "indexer"
        }
      }
    },
    {
      name      = "xray-daemon"
      image     = "public.ecr.aws/xray/aws-xray-daemon:3.3.14"
      essential = false
      portMappings = [{ containerPort = 2000, protocol = "udp" }]
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          awslogs-group         = aws_cloudwatch_log_group.notes.name
          awslogs-region        = "ca-central-1"
          awslogs-stream-prefix = "xray"
        }
      }
    },
  ])
}

resource "aws_ecs_service" "notes" {
  name            = "notes-service"
  cluster         = aws_ecs_cluster.main.id
  task_definition = aws_ecs_task_definition.notes.arn
  desired_count   = 2
  launch_type     = "FARGATE"

  deployment_minimum_healthy_percent = 100
  deployment_maximum_percent         = 200

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }

  network_configuration {
    subnets         = var.private_subnet_ids
    security_groups = [var.security_group_id]
  }
}
