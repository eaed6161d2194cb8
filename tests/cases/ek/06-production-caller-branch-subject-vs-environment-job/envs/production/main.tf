terraform {
  required_version = ">= 1.6"

  backend "s3" {
    bucket         = "saltmarsh-io-terraform-state"
    key            = "billing-api/production.tfstate"
    region         = "ap-southeast-2"
    dynamodb_table = "saltmarsh-io-terraform-locks"
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
  region              = "ap-southeast-2"
  allowed_account_ids = ["463001928576"]

  default_tags {
    tags = {
      Service     = "billing-api"
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
  name = "billing-api-production"
}

module "app" {
  source = "../../modules/app"

  app_name     = "billing-api"
  environment  = "production"
  cluster_name = "saltmarsh-production"

  # Only main may deploy to production.
  github_subjects = ["repo:saltmarsh-io/billing-api:ref:refs/heads/main"]

  image_repository_url = "463001928576.dkr.ecr.ap-southeast-2.amazonaws.com/billing-api"
  image_tag            = var.image_tag

  cpu           = 2048
  memory        = 4096
  desired_count = 3

  subnet_ids         = ["subnet-07839f76956a4987e", "subnet-06b6a9caad577f50e"]
  security_group_ids = ["sg-0b5f4f2793f44b899"]
  target_group_arn   = data.aws_lb_target_group.app.arn
}
