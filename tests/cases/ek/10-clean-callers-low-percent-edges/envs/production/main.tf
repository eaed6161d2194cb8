terraform {
  required_version = ">= 1.6"

  backend "s3" {
    bucket         = "mossgate-terraform-state"
    key            = "inventory-api/production.tfstate"
    region         = "eu-west-3"
    dynamodb_table = "mossgate-terraform-locks"
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
  region              = "eu-west-3"
  allowed_account_ids = ["539102846671"]

  default_tags {
    tags = {
      Service     = "inventory-api"
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
  name = "inventory-api-production"
}

module "app" {
  source = "../../modules/app"

  app_name     = "inventory-api"
  environment  = "production"
  cluster_name = "mossgate-production"

  github_subjects = ["repo:mossgate/inventory-api:environment:production"]

  image_repository_url = "539102846671.dkr.ecr.eu-west-3.amazonaws.com/inventory-api"
  image_tag            = var.image_tag

  cpu           = 1024
  memory        = 2048
  desired_count = 4

  # The warehouse API rate-limits us per connection: never more than 4 tasks.
  deployment_minimum_healthy_percent = 75
  deployment_maximum_percent         = 100

  subnet_ids         = ["subnet-0d52d4200c5b15026", "subnet-070032e7c9023176a"]
  security_group_ids = ["sg-0b50a41f6f64e8e65"]
  target_group_arn   = data.aws_lb_target_group.app.arn
}
