terraform {
  required_version = ">= 1.5"

  backend "s3" {
    bucket = "saltmarsh-terraform-731942605188"
    key    = "bookings/production.tfstate"
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

  name          = "bookings-api-production"
  cluster       = "saltmarsh-production"
  image         = "731942605188.dkr.ecr.eu-west-1.amazonaws.com/bookings-api:${var.image_tag}"
  desired_count = var.desired_count

  target_group_arn = "arn:aws:elasticloadbalancing:eu-west-1:731942605188:targetgroup/bookings-api-production/7b9d1f3a5c2e4b68"
  container_port   = 8080

  # null keeps the module default (90 s)
  health_check_grace_period_seconds = var.health_check_grace_period_seconds

  subnet_ids         = ["subnet-0e2a4c6f8b1d3e579", "subnet-08b1d3f5a7c9e2b46"]
  security_group_ids = ["sg-0a5c7e9b1d3f2a684"]
}
