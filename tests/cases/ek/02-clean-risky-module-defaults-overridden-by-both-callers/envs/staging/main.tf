terraform {
  required_version = ">= 1.6"

  backend "s3" {
    bucket         = "corvid-systems-terraform-state"
    key            = "route-planner/staging.tfstate"
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
  name = "route-planner-staging"
}

module "app" {
  source = "../../modules/app"

  app_name     = "route-planner"
  environment  = "staging"
  cluster_name = "corvid-staging"

  github_subjects = ["repo:corvid-systems/route-planner:environment:staging"]

  image_repository_url = "590173348201.dkr.ecr.us-east-2.amazonaws.com/route-planner"
  image_tag            = var.image_tag

  cpu           = 256
  memory        = 512
  desired_count = 1

  subnet_ids         = ["subnet-08bb2feb7be8151a6", "subnet-07345634454137ff4"]
  security_group_ids = ["sg-0271acea0a280cfb3"]
  target_group_arn   = data.aws_lb_target_group.app.arn
}
