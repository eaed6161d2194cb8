terraform {
  required_version = ">= 1.6"

  backend "s3" {
    bucket         = "orbitfold-terraform-state"
    key            = "catalog-api/production.tfstate"
    region         = "eu-west-2"
    dynamodb_table = "orbitfold-terraform-locks"
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
  region              = "eu-west-2"
  allowed_account_ids = ["118560337724"]

  default_tags {
    tags = {
      Service     = "catalog-api"
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
  name = "catalog-api-production"
}

module "app" {
  source = "../../modules/app"

  app_name     = "catalog-api"
  environment  = "production"
  cluster_name = "orbitfold-production"

  github_subjects = ["repo:orbitfold/catalog-api:environment:production"]

  image_repository_url = "118560337724.dkr.ecr.eu-west-2.amazonaws.com/catalog-api"
  image_tag            = var.image_tag

  cpu           = 1024
  memory        = 2048
  desired_count = 3

  subnet_ids         = ["subnet-0e810f44fce5e6c4a", "subnet-056b035c1482221ac"]
  security_group_ids = ["sg-0af1f46077c9ae0c5"]
  target_group_arn   = data.aws_lb_target_group.app.arn
}
