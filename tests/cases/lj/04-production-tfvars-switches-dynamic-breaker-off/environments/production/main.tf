terraform {
  required_version = ">= 1.5"

  backend "s3" {
    bucket = "orbitly-tfstate-217395804612"
    key    = "notifications/production.tfstate"
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
  environment = "production"
  cluster     = "orbitly-production"
  image       = "217395804612.dkr.ecr.us-west-2.amazonaws.com/notifications:${var.image_tag}"

  cpu           = 512
  memory        = 1024
  desired_count = var.desired_count

  enable_circuit_breaker = var.enable_circuit_breaker

  target_group_arn     = "arn:aws:elasticloadbalancing:us-west-2:217395804612:targetgroup/notifications-production/3c5e7a9b1d2f4a68"
  container_port       = 4000
  grace_period_seconds = 75

  subnet_ids         = ["subnet-0e6a8c1f3b5d7e924", "subnet-01b3d5f7a9c2e4681"]
  security_group_ids = ["sg-09e1c3a5f7b2d4680"]
}
