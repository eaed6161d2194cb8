terraform {
  required_version = ">= 1.5"

  backend "s3" {
    bucket = "tidewater-terraform"
    key    = "bookings/production.tfstate"
    region = "ap-southeast-2"
  }

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = ">= 5.0"
    }
  }
}

provider "aws" {
  region = "ap-southeast-2"
}

variable "image_tag" {
  description = "Set by CI to the commit SHA of the first image."
  type        = string
}

variable "desired_count" {
  type = number
}

data "aws_lb_target_group" "bookings" {
  name = "bookings-production"
}

module "bookings" {
  source = "./modules/app"

  name             = "bookings-production"
  github_subjects  = ["repo:tidewater/bookings:environment:production"]
  cluster_name     = "tidewater-production"
  image_repository = "613820947155.dkr.ecr.ap-southeast-2.amazonaws.com/bookings"
  image_tag        = var.image_tag

  desired_count = var.desired_count

  target_group_arn   = data.aws_lb_target_group.bookings.arn
  subnet_ids         = ["subnet-0c1d2e3f4a5b6c7d8", "subnet-0d2e3f4a5b6c7d8e9"]
  security_group_ids = ["sg-0f4a5b6c7d8e9f0a1"]
}

output "deploy_role_arn" {
  value = module.bookings.deploy_role_arn
}
