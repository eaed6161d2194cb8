terraform {
  required_version = ">= 1.6"

  backend "s3" {
    bucket         = "corvid-systems-terraform-state"
    key            = "route-planner/production.tfstate"
    region         = "us-east-2"
    dynamodb_table = "corvid-systems-terraform-locks"
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
  region              = "us-east-2"
  allowed_account_ids = ["590173348201"]

  default_tags {
    tags = {
      Service     = "route-planner"
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
  name = "route-planner-production"
}

module "app" {
  source = "../../modules/app"

  app_name     = "route-planner"
  environment  = "production"
  cluster_name = "corvid-production"

  github_subjects = ["repo:corvid-systems/route-planner:environment:production"]

  image_repository_url = "590173348201.dkr.ecr.us-east-2.amazonaws.com/route-planner"
  image_tag            = var.image_tag

  cpu           = 512
  memory        = 1024
  desired_count = 2

  subnet_ids         = ["subnet-0cc8089b8ff8f82f9", "subnet-0465d645e01b7352b"]
  security_group_ids = ["sg-07006936045a725dd"]
  target_group_arn   = data.aws_lb_target_group.app.arn
}
