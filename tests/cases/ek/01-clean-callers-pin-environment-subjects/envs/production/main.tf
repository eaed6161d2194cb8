terraform {
  required_version = ">= 1.6"

  backend "s3" {
    bucket         = "tallyhq-terraform-state"
    key            = "ledger-api/production.tfstate"
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
  name = "ledger-api-production"
}

module "app" {
  source = "../../modules/app"

  app_name     = "ledger-api"
  environment  = "production"
  cluster_name = "tally-production"

  github_subjects = ["repo:tallyhq/ledger-api:environment:production"]

  image_repository_url = "381492006153.dkr.ecr.eu-west-1.amazonaws.com/ledger-api"
  image_tag            = var.image_tag

  cpu           = 1024
  memory        = 2048
  desired_count = 3

  subnet_ids         = ["subnet-0568044f839b6409d", "subnet-0221de575f06027bc"]
  security_group_ids = ["sg-01e080446109ef80d"]
  target_group_arn   = data.aws_lb_target_group.app.arn
}
