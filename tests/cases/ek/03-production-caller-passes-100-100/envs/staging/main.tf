terraform {
  required_version = ">= 1.6"

  backend "s3" {
    bucket         = "brightloom-terraform-state"
    key            = "checkout-api/staging.tfstate"
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
  name = "checkout-api-staging"
}

module "app" {
  source = "../../modules/app"

  app_name     = "checkout-api"
  environment  = "staging"
  cluster_name = "brightloom-staging"

  github_subjects = ["repo:brightloom/checkout-api:environment:staging"]

  image_repository_url = "204857716390.dkr.ecr.eu-central-1.amazonaws.com/checkout-api"
  image_tag            = var.image_tag

  cpu           = 512
  memory        = 1024
  desired_count = 1

  subnet_ids         = ["subnet-099d397697d4e4b85", "subnet-0d289aa1fa354ec01"]
  security_group_ids = ["sg-049561b04451e2eae"]
  target_group_arn   = data.aws_lb_target_group.app.arn
}
