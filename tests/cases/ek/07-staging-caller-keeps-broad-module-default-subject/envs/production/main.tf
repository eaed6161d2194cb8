terraform {
  required_version = ">= 1.6"

  backend "s3" {
    bucket         = "kestrel-works-terraform-state"
    key            = "search-api/production.tfstate"
    region         = "ca-central-1"
    dynamodb_table = "kestrel-works-terraform-locks"
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
  region              = "ca-central-1"
  allowed_account_ids = ["827340015563"]

  default_tags {
    tags = {
      Service     = "search-api"
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
  name = "search-api-production"
}

module "app" {
  source = "../../modules/app"

  app_name     = "search-api"
  environment  = "production"
  cluster_name = "kestrel-production"

  github_subjects = ["repo:kestrel-works/search-api:environment:production"]

  image_repository_url = "827340015563.dkr.ecr.ca-central-1.amazonaws.com/search-api"
  image_tag            = var.image_tag

  cpu           = 1024
  memory        = 2048
  desired_count = 2

  subnet_ids         = ["subnet-06e3857a03f42fe69", "subnet-0843d3af4f2c5d10d"]
  security_group_ids = ["sg-0afa3a513b924f767"]
  target_group_arn   = data.aws_lb_target_group.app.arn
}
