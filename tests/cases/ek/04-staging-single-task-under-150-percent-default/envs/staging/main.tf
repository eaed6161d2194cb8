terraform {
  required_version = ">= 1.6"

  backend "s3" {
    bucket         = "pinecrest-labs-terraform-state"
    key            = "notify-svc/staging.tfstate"
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
  name = "notify-svc-staging"
}

module "app" {
  source = "../../modules/app"

  app_name     = "notify-svc"
  environment  = "staging"
  cluster_name = "pinecrest-staging"

  github_subjects = ["repo:pinecrest-labs/notify-svc:environment:staging"]

  image_repository_url = "736215009482.dkr.ecr.us-west-2.amazonaws.com/notify-svc"
  image_tag            = var.image_tag

  cpu    = 256
  memory = 512
  # One task is plenty for staging.
  desired_count = 1

  subnet_ids         = ["subnet-08c0012df327ec522", "subnet-06a9b9c2585513c34"]
  security_group_ids = ["sg-0a9da402b98cc0616"]
  target_group_arn   = data.aws_lb_target_group.app.arn
}
