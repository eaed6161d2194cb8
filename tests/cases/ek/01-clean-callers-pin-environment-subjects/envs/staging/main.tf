terraform {
  required_version = ">= 1.6"

  backend "s3" {
    bucket         = "tallyhq-terraform-state"
    key            = "ledger-api/staging.tfstate"
    region         = "eu-west-1"
    dynamodb_table = "tallyhq-terraform-locks"
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
  region              = "eu-west-1"
  allowed_account_ids = ["381492006153"]

  default_tags {
    tags = {
      Service     = "ledger-api"
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
  name = "ledger-api-staging"
}

module "app" {
  source = "../../modules/app"

  app_name     = "ledger-api"
  environment  = "staging"
  cluster_name = "tally-staging"

  github_subjects = ["repo:tallyhq/ledger-api:environment:staging"]

  image_repository_url = "381492006153.dkr.ecr.eu-west-1.amazonaws.com/ledger-api"
  image_tag            = var.image_tag

  cpu           = 256
  memory        = 512
  desired_count = 1

  subnet_ids         = ["subnet-09e8d87a7b3502937", "subnet-063c81ecf7cdfe5cf"]
  security_group_ids = ["sg-074eb384090c63c3c"]
  target_group_arn   = data.aws_lb_target_group.app.arn
}
