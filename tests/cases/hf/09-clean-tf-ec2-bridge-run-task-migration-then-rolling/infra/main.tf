terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
  }
}

provider "aws" {
  region = local.region
}

locals {
  region      = "us-east-1"
  account_id  = "384756102938"
  cluster     = "inventory-ec2"
  github_repo = "bramble-outdoor/inventory"
}

variable "target_group_arn" {
  type = string
}

resource "aws_ecs_cluster" "inventory" {
  name = local.cluster
}

resource "aws_ecs_service" "app" {
  name                               = "inventory-app"
  cluster                            = aws_ecs_cluster.inventory.id
  task_definition                    = "inventory-app"
  desired_count                      = 2
  launch_type                        = "EC2"
  deployment_minimum_healthy_percent = 50
  deployment_maximum_percent         = 200
  health_check_grace_period_seconds  = 90

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }

  load_balancer {
    target_group_arn = var.target_group_arn
    container_name   = "app"
    container_port   = 8000
  }

  ordered_placement_strategy {
    type  = "spread"
    field = "attribute:ecs.availability-zone"
  }

  lifecycle {
    ignore_changes = [task_definition]
  }
}

resource "aws_ecr_repository" "inventory" {
  name                 = "inventory"
  image_tag_mutability = "IMMUTABLE"
}
