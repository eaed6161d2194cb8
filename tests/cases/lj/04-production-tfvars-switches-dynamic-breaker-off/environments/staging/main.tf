terraform {
  required_version = ">= 1.5"

  backend "s3" {
    bucket = "orbitly-tfstate-640281957313"
    key    = "notifications/staging.tfstate"
    region = "us-west-2"
  }

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.50"
    }
  }
}

provider "aws" {
  region = "us-west-2"
}

module "notifications" {
  source = "../../modules/fargate-app"

  name        = "notifications"
  environment = "staging"
  cluster     = "orbitly-staging"
  image       = "640281957313.dkr.ecr.us-west-2.amazonaws.com/notifications:${var.image_tag}"

  cpu           = 512
  memory        = 1024
  desired_count = var.desired_count

  enable_circuit_breaker = var.enable_circuit_breaker

  target_group_arn     = "arn:aws:elasticloadbalancing:us-west-2:640281957313:targetgroup/notifications-staging/6a1f3e5c7b9d2e40"
  container_port       = 4000
  grace_period_seconds = 75

  subnet_ids         = ["subnet-0d2b4f6a8c1e3a597", "subnet-0a7c9e1b3d5f2a684"]
  security_group_ids = ["sg-0b1d3f5a7c9e2b468"]
}
