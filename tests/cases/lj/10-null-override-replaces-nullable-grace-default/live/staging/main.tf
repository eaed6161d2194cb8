terraform {
  required_version = ">= 1.5"

  backend "s3" {
    bucket = "saltmarsh-terraform-508216749330"
    key    = "bookings/staging.tfstate"
    region = "eu-west-1"
  }

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.60"
    }
  }
}

provider "aws" {
  region = "eu-west-1"
}

module "bookings_api" {
  source = "../../modules/api-service"

  name          = "bookings-api-staging"
  cluster       = "saltmarsh-staging"
  image         = "508216749330.dkr.ecr.eu-west-1.amazonaws.com/bookings-api:${var.image_tag}"
  desired_count = var.desired_count

  target_group_arn = "arn:aws:elasticloadbalancing:eu-west-1:508216749330:targetgroup/bookings-api-staging/2d4f6a8c1e3b5d70"
  container_port   = 8080

  # null keeps the module default (90 s)
  health_check_grace_period_seconds = var.health_check_grace_period_seconds

  subnet_ids         = ["subnet-0a3c5e7f9b1d2a468", "subnet-0c6e8a1b3d5f7c924"]
  security_group_ids = ["sg-0f1b3d5a7c9e2f468"]
}
