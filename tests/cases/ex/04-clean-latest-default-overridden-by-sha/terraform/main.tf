terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = ">= 5.40"
    }
  }
  backend "s3" {
    bucket = "kestrel-pay-terraform"
    key    = "webhook-relay.tfstate"
    region = "us-east-1"
  }
}

provider "aws" {
  region = "us-east-1"
}

variable "image_tag" {
  type        = string
  description = "Tag of the webhook-relay image to run. CI passes the commit SHA."
  default     = "latest"
}

variable "desired_count" {
  type    = number
  default = 2
}

data "aws_ecr_repository" "relay" {
  name = "webhook-relay"
}

resource "aws_ecs_task_definition" "relay" {
  family                   = "webhook-relay"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = "512"
  memory                   = "1024"
  execution_role_arn       = "arn:aws:iam::148820736519:role/webhook-relay-execution"
  task_role_arn            = "arn:aws:iam::148820736519:role/webhook-relay-task"

  container_definitions = jsonencode([
    {
      name      = "relay"
      image     = "${data.aws_ecr_repository.relay.repository_url}:${var.image_tag}"
      essential = true
      portMappings = [
        { containerPort = 8000, protocol = "tcp" }
      ]
      secrets = [
        { name = "STRIPE_WEBHOOK_SECRET", valueFrom = "arn:aws:secretsmanager:us-east-1:148820736519:secret:webhook-relay/stripe-L2kq9A" }
      ]
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          awslogs-group         = "/ecs/webhook-relay"
          awslogs-region        = "us-east-1"
          awslogs-stream-prefix = "relay"
        }
      }
    }
  ])
}

resource "aws_ecs_service" "relay" {
  name            = "webhook-relay"
  cluster         = "payments"
  task_definition = aws_ecs_task_definition.relay.arn
  desired_count   = var.desired_count
  launch_type     = "FARGATE"

  deployment_minimum_healthy_percent = 100
  deployment_maximum_percent         = 200
  health_check_grace_period_seconds  = 60

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }

  load_balancer {
    target_group_arn = "arn:aws:elasticloadbalancing:us-east-1:148820736519:targetgroup/webhook-relay/0a2c4e6f8b1d3f57"
    container_name   = "relay"
    container_port   = 8000
  }

  network_configuration {
    subnets          = ["subnet-0e1d2c3b4a5f60789", "subnet-0f2e3d4c5b6a70891"]
    security_groups  = ["sg-0123f4e5d6c7b8a90"]
    assign_public_ip = false
  }
}
