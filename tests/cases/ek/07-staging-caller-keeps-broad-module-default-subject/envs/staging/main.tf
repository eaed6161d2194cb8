terraform {
  required_version = ">= 1.6"

  backend "s3" {
    bucket         = "kestrel-works-terraform-state"
    key            = "search-api/staging.tfstate"
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
  name = "search-api-staging"
}

module "app" {
  source = "../../modules/app"

  app_name     = "search-api"
  environment  = "staging"
  cluster_name = "kestrel-staging"

  image_repository_url = "827340015563.dkr.ecr.ca-central-1.amazonaws.com/search-api"
  image_tag            = var.image_tag

  cpu           = 512
  memory        = 1024
  desired_count = 1

  subnet_ids         = ["subnet-01a70bea5cd9b6cd5", "subnet-0b30c64c0c8427475"]
  security_group_ids = ["sg-0de02d5cda55e8ec2"]
  target_group_arn   = data.aws_lb_target_group.app.arn
}
