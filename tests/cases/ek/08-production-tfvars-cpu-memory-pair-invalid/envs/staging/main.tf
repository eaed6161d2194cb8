terraform {
  required_version = ">= 1.6"

  backend "s3" {
    bucket         = "lumenfield-terraform-state"
    key            = "render-api/staging.tfstate"
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
      Environment = "staging"
      ManagedBy   = "terraform"
    }
  }
}

variable "image_tag" {
  description = "Image for the first task definition revision (CI passes -var image_tag=$GITHUB_SHA)."
  type        = string
}

data "aws_lb_target_group" "app" {
  name = "render-api-staging"
}

module "app" {
  source = "../../modules/app"

  app_name     = "render-api"
  environment  = "staging"
  cluster_name = "lumen-staging"

  github_subjects = ["repo:lumenfield/render-api:environment:staging"]

  image_repository_url = "650218834417.dkr.ecr.eu-north-1.amazonaws.com/render-api"
  image_tag            = var.image_tag

  cpu           = 512
  memory        = 1024
  desired_count = 1

  subnet_ids         = ["subnet-0834acee68723b2a6", "subnet-0e26ed0dd51800e36"]
  security_group_ids = ["sg-078d165125156247d"]
  target_group_arn   = data.aws_lb_target_group.app.arn
}
