terraform {
  required_version = ">= 1.6"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.50"
    }
  }
}

provider "aws" {
  region = "us-east-1"
}

locals {
  account_id = "803164529917"
  registry   = "${local.account_id}.dkr.ecr.us-east-1.amazonaws.com"

  # Sizing reviewed in CAP-77 (Q3 load test).
  services = {
    dispatch-api = {
      cpu              = 1024
      memory           = 4096
      desired_count    = 4
      min_healthy      = 50
      max_percent      = 200
      container_port   = 8080
      target_group_arn = var.api_target_group_arn
    }

    route-optimizer = {
      cpu              = 2048
      memory           = 2048
      desired_count    = 2
      min_healthy      = 50
      max_percent      = 200
      container_port   = null
      target_group_arn = null
    }

    # Holds the label printer's session lock: never run two at once... nor zero.
    label-spooler = {
      cpu              = 256
      memory           = 512
      desired_count    = 1
      min_healthy      = 100
      max_percent      = 150
      container_port   = null
      target_group_arn = null
    }
  }
}

resource "aws_ecs_cluster" "dispatch" {
  name = "dispatch-production"
}

module "service" {
  source   = "../../modules/fargate-service"
  for_each = local.services

  name          = each.key
  cluster_arn   = aws_ecs_cluster.dispatch.arn
  image         = "${local.registry}/${each.key}:${var.image_tag}"
  cpu           = each.value.cpu
  memory        = each.value.memory
  desired_count = each.value.desired_count

  min_healthy_percent = each.value.min_healthy
  max_percent         = each.value.max_percent

  container_port   = each.value.container_port
  target_group_arn = each.value.target_group_arn

  execution_role_arn = "arn:aws:iam::${local.account_id}:role/dispatch-execution"
  task_role_arn      = "arn:aws:iam::${local.account_id}:role/${each.key}-task"
  subnet_ids         = var.private_subnet_ids
  security_group_ids = [var.services_security_group_id]
}
