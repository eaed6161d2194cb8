terraform {
  required_version = ">= 1.6"

  backend "s3" {
    bucket         = "brightloom-terraform-state"
    key            = "checkout-api/production.tfstate"
    region         = "eu-central-1"
    dynamodb_table = "brightloom-terraform-locks"
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
  region              = "eu-central-1"
  allowed_account_ids = ["204857716390"]

  default_tags {
    tags = {
      Service     = "checkout-api"
      Environment = "production"
      ManagedBy   = "terraform"
    }
  }
}

variable "image_tag" {
  description = "Image for the first task definition revision (CI passes -var image_tag=$GITHUB_SHA)."
  type        = string
}

data "aws_lb_target_group" "app" {
  name = "checkout-api-production"
}

module "app" {
  source = "../../modules/app"

  app_name     = "checkout-api"
  environment  = "production"
  cluster_name = "brightloom-production"

  github_subjects = ["repo:brightloom/checkout-api:environment:production"]

  image_repository_url = "204857716390.dkr.ecr.eu-central-1.amazonaws.com/checkout-api"
  image_tag            = var.image_tag

  cpu           = 1024
  memory        = 2048
  desired_count = 4

  # Checkout must never run below full capacity, not even during a deploy.
  deployment_minimum_healthy_percent = 100
  deployment_maximum_percent         = 100

  subnet_ids         = ["subnet-071656e8e4a1c9603", "subnet-0e4de30a603625c83"]
  security_group_ids = ["sg-0dd1bff417c3a8ee0"]
  target_group_arn   = data.aws_lb_target_group.app.arn
}
