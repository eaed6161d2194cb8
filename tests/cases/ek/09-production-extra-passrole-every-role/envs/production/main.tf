terraform {
  required_version = ">= 1.6"

  backend "s3" {
    bucket         = "quayline-terraform-state"
    key            = "payments-api/production.tfstate"
    region         = "us-east-1"
    dynamodb_table = "quayline-terraform-locks"
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
  region              = "us-east-1"
  allowed_account_ids = ["294770183526"]

  default_tags {
    tags = {
      Service     = "payments-api"
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
  name = "payments-api-production"
}

module "app" {
  source = "../../modules/app"

  app_name     = "payments-api"
  environment  = "production"
  cluster_name = "quayline-production"

  github_subjects = ["repo:quayline/payments-api:environment:production"]

  image_repository_url = "294770183526.dkr.ecr.us-east-1.amazonaws.com/payments-api"
  image_tag            = var.image_tag

  cpu           = 1024
  memory        = 3072
  desired_count = 3

  subnet_ids         = ["subnet-080dd6bf47c04b9f7", "subnet-0acfe3fae6d4d7d91"]
  security_group_ids = ["sg-00dd1e896f707b5e4"]
  target_group_arn   = data.aws_lb_target_group.app.arn

  # The Datadog agent role is created by the observability stack; its name changes per release.
  extra_pass_role_arns = ["arn:aws:iam::294770183526:role/*"]
}
