terraform {
  required_version = ">= 1.6"

  backend "s3" {
    bucket         = "quayline-terraform-state"
    key            = "payments-api/staging.tfstate"
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
  name = "payments-api-staging"
}

module "app" {
  source = "../../modules/app"

  app_name     = "payments-api"
  environment  = "staging"
  cluster_name = "quayline-staging"

  github_subjects = ["repo:quayline/payments-api:environment:staging"]

  image_repository_url = "294770183526.dkr.ecr.us-east-1.amazonaws.com/payments-api"
  image_tag            = var.image_tag

  cpu           = 512
  memory        = 1024
  desired_count = 1

  subnet_ids         = ["subnet-0c34497e0a8ccb558", "subnet-0c29cbcbf3e33151d"]
  security_group_ids = ["sg-0e4185a4974896f89"]
  target_group_arn   = data.aws_lb_target_group.app.arn

  extra_pass_role_arns = ["arn:aws:iam::294770183526:role/datadog-agent-staging"]
}
