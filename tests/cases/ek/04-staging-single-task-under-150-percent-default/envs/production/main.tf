terraform {
  required_version = ">= 1.6"

  backend "s3" {
    bucket         = "pinecrest-labs-terraform-state"
    key            = "notify-svc/production.tfstate"
    region         = "us-west-2"
    dynamodb_table = "pinecrest-labs-terraform-locks"
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
  region              = "us-west-2"
  allowed_account_ids = ["736215009482"]

  default_tags {
    tags = {
      Service     = "notify-svc"
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
  name = "notify-svc-production"
}

module "app" {
  source = "../../modules/app"

  app_name     = "notify-svc"
  environment  = "production"
  cluster_name = "pinecrest-production"

  github_subjects = ["repo:pinecrest-labs/notify-svc:environment:production"]

  image_repository_url = "736215009482.dkr.ecr.us-west-2.amazonaws.com/notify-svc"
  image_tag            = var.image_tag

  cpu           = 1024
  memory        = 2048
  desired_count = 4

  subnet_ids         = ["subnet-0cdea27d298f09ed3", "subnet-0844d89a03630431a"]
  security_group_ids = ["sg-08fa6b29a1dfb65ac"]
  target_group_arn   = data.aws_lb_target_group.app.arn
}
