terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
  }
  backend "s3" {
    bucket = "parcelbird-tfstate"
    key    = "route-planner/terraform.tfstate"
    region = "eu-west-1"
  }
}

provider "aws" {
  region = "eu-west-1"
}

variable "cluster_name" {
  type = string
}

variable "image_tag" {
  type = string
}

variable "desired_count" {
  type    = number
  default = 2
}

variable "deployment_minimum_healthy_percent" {
  type    = number
  default = 50
}

variable "deployment_maximum_percent" {
  type    = number
  default = 200
}

variable "subnet_ids" {
  type = list(string)
}

variable "security_group_ids" {
  type = list(string)
}

locals {
  account_id = "566104238871"
}

resource "aws_ecs_task_definition" "planner" {
  family                   = "route-planner"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = "1024"
  memory                   = "2048"
  execution_role_arn       = "arn:aws:iam::${local.account_id}:role/route-planner-execution"

  container_definitions = jsonencode([
    {
      name      = "planner"
      image     = "${local.account_id}.dkr.ecr.eu-west-1.amazonaws.com/route-planner:${var.image_tag}"
      essential = true
      secrets = [
        {
          name      = "OSRM_API_TOKEN"
          valueFrom = "arn:aws:secretsmanager:eu-west-1:${local.account_id}:secret:route-planner/osrm-token-Qe81Zb"
        }
      ]
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          awslogs-group         = "/ecs/route-planner"
          awslogs-region        = "eu-west-1"
          awslogs-stream-prefix = "planner"
        }
      }
    }
  ])
}

resource "aws_ecs_service" "planner" {
  name            = "route-planner"
  cluster         = var.cluster_name
  task_definition = aws_ecs_task_definition.planner.arn
  desired_count   = var.desired_count
  launch_type     = "FARGATE"

  deployment_minimum_healthy_percent = var.deployment_minimum_healthy_percent
  deployment_maximum_percent         = var.deployment_maximum_percent

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }

  network_configuration {
    subnets         = var.subnet_ids
    security_groups = var.security_group_ids
  }
}
