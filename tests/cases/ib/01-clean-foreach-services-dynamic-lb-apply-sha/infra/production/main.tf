terraform {
  required_version = ">= 1.6"

  backend "s3" {
    bucket         = "larchmont-tfstate"
    key            = "parcel-tracker/production.tfstate"
    region         = "us-east-2"
    dynamodb_table = "terraform-locks"
  }

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.60"
    }
  }
}

provider "aws" {
  region = "us-east-2"
}

variable "image_tag" {
  description = "Git SHA of the image to run; CI passes it with -var."
  type        = string
}

data "aws_ecr_repository" "app" {
  name = "parcel-tracker"
}

resource "aws_ecs_cluster" "main" {
  name = "parcel-tracker"

  setting {
    name  = "containerInsights"
    value = "enabled"
  }
}

resource "aws_lb_target_group" "api" {
  name        = "parcel-tracker-api"
  port        = 8080
  protocol    = "HTTP"
  target_type = "ip"
  vpc_id      = "vpc-0c1d2e3f4a5b6c7d8"

  health_check {
    path    = "/healthz"
    matcher = "200"
  }
}

locals {
  image = "${data.aws_ecr_repository.app.repository_url}:${var.image_tag}"

  services = {
    api = {
      cpu              = 512
      memory           = 1024
      desired_count    = 2
      command          = ["gunicorn", "tracker.wsgi", "--bind", "0.0.0.0:8080"]
      container_port   = 8080
      target_group_arn = aws_lb_target_group.api.arn
    }
    worker = {
      cpu              = 1024
      memory           = 2048
      desired_count    = 1
      command          = ["celery", "-A", "tracker", "worker", "-l", "info"]
      container_port   = null
      target_group_arn = null
    }
  }
}

module "service" {
  source   = "../modules/ecs-service"
  for_each = local.services

  name             = "parcel-tracker-${each.key}"
  cluster_arn      = aws_ecs_cluster.main.arn
  image            = local.image
  command          = each.value.command
  cpu              = each.value.cpu
  memory           = each.value.memory
  desired_count    = each.value.desired_count
  container_port   = each.value.container_port
  target_group_arn = each.value.target_group_arn
  region           = "us-east-2"

  subnet_ids         = ["subnet-0a11b22c33d44e55f", "subnet-0f66e77d88c99b00a"]
  security_group_ids = ["sg-04d3c2b1a09f8e7d6"]
}
