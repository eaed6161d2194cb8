terraform {
  required_version = ">= 1.6"

  backend "s3" {
    bucket         = "mossgate-terraform-state"
    key            = "inventory-api/staging.tfstate"
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
  name = "inventory-api-staging"
}

module "app" {
  source = "../../modules/app"

  app_name     = "inventory-api"
  environment  = "staging"
  cluster_name = "mossgate-staging"

  github_subjects = ["repo:mossgate/inventory-api:environment:staging"]

  image_repository_url = "539102846671.dkr.ecr.eu-west-3.amazonaws.com/inventory-api"
  image_tag            = var.image_tag

  cpu           = 256
  memory        = 512
  desired_count = 1

  # One task; a short gap while it is replaced is fine in staging.
  deployment_minimum_healthy_percent = 0
  deployment_maximum_percent         = 100

  subnet_ids         = ["subnet-08faf00d1c2df31d6", "subnet-064ed8a069070ee65"]
  security_group_ids = ["sg-0b6923393ea55f55e"]
  target_group_arn   = data.aws_lb_target_group.app.arn
}
