terraform {
  required_version = ">= 1.6"

  backend "s3" {
    bucket         = "lumenfield-terraform-state"
    key            = "render-api/production.tfstate"
    region         = "eu-north-1"
    dynamodb_table = "lumenfield-terraform-locks"
    encrypt        = true
  }

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.40"
    }
  }
}

provider "aws" {
  region              = "eu-north-1"
  allowed_account_ids = ["650218834417"]

  default_tags {
    tags = {
      Service     = "render-api"
      Environment = "production"
      ManagedBy   = "terraform"
    }
  }
}

variable "image_tag" {
  description = "Image for the first task definition revision (CI passes -var image_tag=$GITHUB_SHA)."
  type        = string
}

variable "cpu" {
  description = "Fargate CPU units of the production task."
  type        = number
}

variable "memory" {
  description = "Fargate memory (MiB) of the production task."
  type        = number
}

data "aws_lb_target_group" "app" {
  name = "render-api-production"
}

module "app" {
  source = "../../modules/app"

  app_name     = "render-api"
  environment  = "production"
  cluster_name = "lumen-production"

  github_subjects = ["repo:lumenfield/render-api:environment:production"]

  image_repository_url = "650218834417.dkr.ecr.eu-north-1.amazonaws.com/render-api"
  image_tag            = var.image_tag

  cpu           = var.cpu
  memory        = var.memory
  desired_count = 3

  subnet_ids         = ["subnet-0cdffa7d45ab7c9ee", "subnet-01dbb27c7888922b4"]
  security_group_ids = ["sg-0aefda2d06e8f72ee"]
  target_group_arn   = data.aws_lb_target_group.app.arn
}
