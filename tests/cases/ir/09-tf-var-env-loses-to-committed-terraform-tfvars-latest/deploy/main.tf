terraform {
  required_version = ">= 1.7"

  backend "s3" {
    bucket = "copperleaf-terraform"
    key    = "inference-gateway/production.tfstate"
    region = "us-east-1"
  }
}

provider "aws" {
  region = "us-east-1"
}

variable "image_tag" {
  description = "Image tag to run. CI sets TF_VAR_image_tag to the commit SHA."
  type        = string
}

variable "desired_count" {
  type = number
}

variable "subnet_ids" {
  type = list(string)
}

variable "security_group_ids" {
  type = list(string)
}

variable "target_group_arn" {
  type = string
}

data "aws_ecr_repository" "gateway" {
  name = "inference-gateway"
}

resource "aws_cloudwatch_log_group" "gateway" {
  name              = "/ecs/inference-gateway"
  retention_in_days = 14
}

resource "aws_ecs_task_definition" "gateway" {
  family                   = "inference-gateway"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = "2048"
  memory                   = "4096"
  execution_role_arn       = "arn:aws:iam::845120396718:role/inference-gateway-execution"
  task_role_arn            = "arn:aws:iam::845120396718:role/inference-gateway-task"

  container_definitions = jsonencode([
    {
      name         = "gateway"
      image        = "${data.aws_ecr_repository.gateway.repository_url}:${var.image_tag}"
      essential    = true
      portMappings = [{ containerPort = 8000, protocol = "tcp" }]
      environment = [
        { name = "MODEL_ENDPOINT_URL", value = "https://runtime.sagemaker.us-east-1.amazonaws.com" },
        { name = "UVICORN_WORKERS", value = "4" },
      ]
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          awslogs-group         = aws_cloudwatch_log_group.gateway.name
          awslogs-region        = "us-east-1"
          awslogs-stream-prefix = "gateway"
        }
      }
    }
  ])
}

resource "aws_ecs_service" "gateway" {
  name                              = "inference-gateway"
  cluster                           = "copperleaf-prod"
  task_definition                   = aws_ecs_task_definition.gateway.arn
  desired_count                     = var.desired_count
  launch_type                       = "FARGATE"
  health_check_grace_period_seconds = 120

  deployment_minimum_healthy_percent = 100
  deployment_maximum_percent         = 200

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }

  load_balancer {
    target_group_arn = var.target_group_arn
    container_name   = "gateway"
    container_port   = 8000
  }

  network_configuration {
    subnets          = var.subnet_ids
    security_groups  = var.security_group_ids
    assign_public_ip = false
  }
}
