terraform {
  required_version = ">= 1.6"

  backend "s3" {
    bucket         = "saltmarsh-io-terraform-state"
    key            = "billing-api/staging.tfstate"
    region         = "ap-southeast-2"
    dynamodb_table = "saltmarsh-io-terraform-locks"
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
  region              = "ap-southeast-2"
  allowed_account_ids = ["463001928576"]

  default_tags {
    tags = {
      Service     = "billing-api"
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
  name = "billing-api-staging"
}

module "app" {
  source = "../../modules/app"

  app_name     = "billing-api"
  environment  = "staging"
  cluster_name = "saltmarsh-staging"

  github_subjects = ["repo:saltmarsh-io/billing-api:environment:staging"]

  image_repository_url = "463001928576.dkr.ecr.ap-southeast-2.amazonaws.com/billing-api"
  image_tag            = var.image_tag

  cpu           = 512
  memory        = 1024
  desired_count = 1

  subnet_ids         = ["subnet-041cd85903b51e779", "subnet-0473cb7a719e55c1b"]
  security_group_ids = ["sg-08e3128b96643c6a1"]
  target_group_arn   = data.aws_lb_target_group.app.arn
}
